"""需求評估: what the assessment tab saves: needs assessments, drafted and then finalised (002 附件一 三(二)).

Values are checked as profile_edits describes; a refused save raises ProblemsError and changes nothing.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from app.errors import Problem, ProblemsError
from app.models import NeedsAssessment
from app.models.enums import RecordStatus
from app.services import clock, codes
from app.services.case_edits_common import actor, date_problems, draft_to_save, live_draft, problem, refuse_final

# How a needs assessment was made (需求評估方式); stored as the Chinese words, as the exchange files carry them.
ASSESSMENT_METHODS: tuple[tuple[str, str], ...] = (
    ("晤談", "Interview"),
    ("觀察", "Observation"),
    ("家訪", "Home visit"),
    ("標準化測驗", "Standardised tests"),
    ("資料蒐集", "Records review"),
    ("職業輔導評量", "Vocational evaluation"),
)

ASSESSMENT_MISSING = ("找不到這份需求評估。", "This needs assessment was not found.")


@dataclass(frozen=True)
class AssessmentValues:
    """The 需求評估 form; `assessed_on` None keeps the stored date (today for a new draft), as for records."""

    assessed_on: date | None
    methods: tuple[str, ...] = ()
    work_ability: str = ""
    vocational_interest: str = ""
    support_needs: str = ""
    family_support: str = ""
    needs_vocational_evaluation: bool = False
    recommended_services: tuple[str, ...] = ()
    summary: str = ""

    @classmethod
    def of(cls, assessment: NeedsAssessment) -> AssessmentValues:
        return cls(
            assessed_on=assessment.assessed_on,
            methods=tuple(assessment.methods),
            work_ability=assessment.work_ability,
            vocational_interest=assessment.vocational_interest,
            support_needs=assessment.support_needs,
            family_support=assessment.family_support,
            needs_vocational_evaluation=assessment.needs_vocational_evaluation,
            recommended_services=tuple(assessment.recommended_services),
            summary=assessment.summary,
        )


def assessment_problems(values: AssessmentValues, today: date | None = None) -> list[Problem]:
    found = date_problems("assessed_on", values.assessed_on, today or clock.today(), required=False)
    if any(not codes.is_valid(codes.SERVICE_KINDS, code) for code in values.recommended_services):
        found.append(problem("recommended_services", "建議服務不在清單中。", "Unknown recommended service."))
    return found


def _assessment(session: Session, assessment_id: uuid.UUID) -> NeedsAssessment:
    return live_draft(session, NeedsAssessment, assessment_id, ASSESSMENT_MISSING)


def save_assessment_draft(
    session: Session, case_id: uuid.UUID, assessment_id: uuid.UUID | None, values: AssessmentValues
) -> uuid.UUID:
    """Create or update a draft needs assessment; returns its id. Ids work as in record_edits.save_draft_record."""
    problems = assessment_problems(values)
    if problems:
        raise ProblemsError(problems)
    assessment = draft_to_save(
        session,
        NeedsAssessment,
        case_id,
        assessment_id,
        lambda: NeedsAssessment(case_id=case_id, assessed_on=values.assessed_on or clock.today()),
        ASSESSMENT_MISSING,
        ("這份評估不屬於此個案。", "This assessment belongs to another case."),
    )
    if values.assessed_on is not None:
        assessment.assessed_on = values.assessed_on
    assessment.methods = list(values.methods)
    assessment.work_ability = values.work_ability
    assessment.vocational_interest = values.vocational_interest
    assessment.support_needs = values.support_needs
    assessment.family_support = values.family_support
    assessment.needs_vocational_evaluation = values.needs_vocational_evaluation
    assessment.recommended_services = list(values.recommended_services)
    assessment.summary = values.summary
    assessment.assessor = assessment.assessor or actor(session)
    session.flush()
    return assessment.id


def finalise_assessment(session: Session, assessment_id: uuid.UUID) -> None:
    """定稿 the assessment: it needs at least one method and a summary, and becomes immutable."""
    assessment = _assessment(session, assessment_id)
    refuse_final(assessment.status)
    problems = assessment_problems(AssessmentValues.of(assessment))
    if not assessment.methods:
        problems.append(problem("methods", "請勾選至少一種評估方式。", "Tick at least one method."))
    if not assessment.summary.strip():
        problems.append(problem("summary", "定稿前請填寫評估摘要。", "Write the summary before finalising."))
    if problems:
        raise ProblemsError(problems)
    assessment.status = RecordStatus.FINAL
