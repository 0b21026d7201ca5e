"""就業, 結案 and 附件 edits of the case workspace.

Jobs are recorded through workflow.record_employment, and their 推介成功 / 就業成功 status is computed by the same
definitions the yearly KPIs use (supported_employment, read from the record as kpi_report reads it). Closing goes
through workflow.close_case; `check_closure` asks workflow.check_closing the same question without closing, so a form
can say early why a reason cannot be used yet. A team whose closures need the supervisor's sign-off submits them
instead (app.services.reviews.submit_closure). Attachments are stored once per content by services.attachments.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Final

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.errors import AppError, RuleError, ValidationError
from app.models import Attachment, Case, Employment
from app.models.enums import EmploymentProof, ReviewDecision, ReviewSubject, Stage
from app.services import workflow
from app.services.attachments import MAX_ATTACHMENT_BYTES, add_attachment, attachment_content
from app.services.kpi_report import _lawful, _proofs  # the KPIs' reading of a job record, shared on purpose
from app.services.plan_edits_common import live, live_case, not_before, required_text
from app.services.supported_employment import (
    EMPLOYMENT_SUCCESS_MONTHS,
    is_employment_success,
    is_placement_success,
    is_supported_employment,
    period_last_day,
)
from app.services.team_settings import closure_signoff_required

MAX_WEEKLY_HOURS: Final = 84.0  # 40 normal hours plus the most overtime 勞動基準法 allows, with room for two jobs
SATISFACTION_SCALE: Final = range(1, 6)  # 1–5; None: not asked (未評)


# --- 就業 -----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EmploymentValues:
    employer: str
    job_title: str
    start_on: date
    hours_per_week: float
    employer_size: int | None = None
    monthly_wage: Decimal | None = None
    hourly_wage: Decimal | None = None
    labour_insurance_on: date | None = None  # 勞保加保日
    proof: EmploymentProof | None = None
    competitive: bool = True
    employed_before_service: bool = False
    supported: bool = False
    intensive_support_days: int = 0
    group_model: bool = False
    remote_area: bool = False
    high_support: bool = False


def _employment_fields(values: EmploymentValues) -> dict[str, object]:
    if not 0 < values.hours_per_week <= MAX_WEEKLY_HOURS:
        raise ValidationError(
            "hours_per_week",
            f"每週工時須大於 0、不超過 {MAX_WEEKLY_HOURS:g} 小時。",
            f"Weekly hours must be above 0 and at most {MAX_WEEKLY_HOURS:g}.",
        )
    if values.employer_size is not None and values.employer_size < 1:
        raise ValidationError("employer_size", "雇主員工人數至少 1 人。", "The employer has at least 1 employee.")
    for field, wage in (("monthly_wage", values.monthly_wage), ("hourly_wage", values.hourly_wage)):
        if wage is not None and wage <= 0:
            raise ValidationError(field, "薪資須大於 0。", "The wage must be above 0.")
    if values.intensive_support_days < 0:
        raise ValidationError("intensive_support_days", "密集輔導天數不可為負數。", "Support days cannot be negative.")
    if values.labour_insurance_on is not None:
        not_before(
            "labour_insurance_on",
            values.labour_insurance_on,
            values.start_on,
            "勞保加保日不能早於到職日",
            "Labour insurance cannot start before the job",
        )
    return {
        "employer": required_text("employer", values.employer, "雇主名稱", "employer"),
        "job_title": required_text("job_title", values.job_title, "職務名稱", "job title"),
        "start_on": values.start_on,
        "hours_per_week": float(values.hours_per_week),
        "employer_size": values.employer_size,
        "monthly_wage": values.monthly_wage,
        "hourly_wage": values.hourly_wage,
        "labour_insurance_on": values.labour_insurance_on,
        "proof": None if values.proof is None else EmploymentProof(values.proof),
        "competitive": values.competitive,
        "employed_before_service": values.employed_before_service,
        "supported": values.supported,
        "intensive_support_days": values.intensive_support_days if values.supported else 0,
        "group_model": values.group_model,
        "remote_area": values.remote_area,
        "high_support": values.high_support,
    }


def add_employment(session: Session, case_id: uuid.UUID, values: EmploymentValues) -> uuid.UUID:
    """A placement, recorded through workflow.record_employment (the case moves on to 穩定就業後服務)."""
    case = live_case(session, case_id)
    employment = Employment(**_employment_fields(values))
    workflow.record_employment(case, employment)
    return employment.id


def _job(session: Session, employment_id: uuid.UUID) -> Employment:
    return live(session, Employment, employment_id, "就業紀錄", "employment record")


def update_employment(session: Session, employment_id: uuid.UUID, values: EmploymentValues) -> None:
    job = _job(session, employment_id)
    fields = _employment_fields(values)
    if job.end_on is not None:
        not_before("start_on", job.end_on, values.start_on, "到職日不能晚於離職日", "The job starts after it ended")
    for key, value in fields.items():
        if getattr(job, key) != value:
            setattr(job, key, value)


def end_employment(session: Session, employment_id: uuid.UUID, end_on: date, reason: str) -> None:
    """The job ended (離職) on `end_on`, its last day."""
    job = _job(session, employment_id)
    not_before("end_on", end_on, job.start_on, "離職日不能早於到職日", "The job cannot end before it starts")
    job.end_reason = required_text("end_reason", reason, "離職原因", "reason the job ended")
    job.end_on = end_on


@dataclass(frozen=True)
class EmploymentStatus:
    """What the rules say of one job on `as_of` (003 三(三)(四)(五))."""

    started: bool
    placement_success: bool  # 推介成功
    employment_success: bool  # 就業成功
    supported: bool  # 支持性 (≥ 10 working days of 密集輔導) rather than 一般性
    three_months_on: date  # the last day of the first three months (from the service start if employed before)


def employment_status(job: Employment, opened_on: date | None, as_of: date) -> EmploymentStatus:
    """推介成功 / 就業成功 of `job` on `as_of`, by supported_employment's definitions over the record as the KPIs
    read it (its proofs, its lawful wage); `opened_on` is the case's 開案日, the service start of a client who was
    already employed."""
    before_service = job.employed_before_service and opened_on is not None and opened_on >= job.start_on
    first = opened_on if before_service and opened_on is not None else job.start_on
    three_months_on = period_last_day(first, EMPLOYMENT_SUCCESS_MONTHS)
    last = min(job.end_on or as_of, as_of)
    started = last >= job.start_on
    placed = started and is_placement_success(
        competitive=job.competitive,
        days_worked=(last - job.start_on).days + 1 if started else 0,
        proofs=_proofs(job),
        employer_size=job.employer_size,
    )
    succeeded = started and is_employment_success(
        competitive=job.competitive,
        first_day=job.start_on,
        last_day=last,
        hours_per_week=job.hours_per_week,
        lawful_terms=_lawful(job),
        employed_before_service=before_service,
        service_start=opened_on if before_service else None,
    )
    supported = job.supported and is_supported_employment(job.intensive_support_days)
    return EmploymentStatus(started, placed, succeeded, supported, three_months_on)


# --- 結案 -----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SatisfactionValues:
    """滿意度 1–5, None when not asked (未評) (002 附件一 三(六))."""

    client: int | None = None
    employer: int | None = None
    receiving_unit: int | None = None


@dataclass(frozen=True)
class ClosureValues:
    reason_code: str  # closure_reasons.yaml
    closed_on: date
    summary: str = ""
    satisfaction: SatisfactionValues = SatisfactionValues()


@dataclass(frozen=True)
class ClosureCheck:
    allowed: bool
    message_zh: str = ""
    message_en: str = ""

    def message(self, language: str = "zh-TW") -> str:
        return self.message_en if language == "en" else self.message_zh


def check_satisfaction(values: SatisfactionValues) -> None:
    for field, score in (
        ("satisfaction_client", values.client),
        ("satisfaction_employer", values.employer),
        ("satisfaction_receiving_unit", values.receiving_unit),
    ):
        if score is not None and score not in SATISFACTION_SCALE:
            raise ValidationError(field, "滿意度須為 1 到 5 分，或未評。", "Satisfaction is 1 to 5, or not rated.")


def check_closure(session: Session, case_id: uuid.UUID, reason_code: str, closed_on: date) -> ClosureCheck:
    """Whether the closing rules (workflow.check_closing) accept `reason_code` on `closed_on` now, and their refusal
    if not: the rule is asked, not copied."""
    case = live_case(session, case_id)
    try:
        workflow.check_closing(case, closed_on, reason_code)
    except AppError as refused:
        return ClosureCheck(False, refused.message_zh, refused.message_en)
    return ClosureCheck(True)


def close(session: Session, case_id: uuid.UUID, values: ClosureValues) -> uuid.UUID:
    """結案 through workflow.close_case, with the summary and the satisfaction of client, employer and unit. Refused
    while a closure waits for the supervisor, and where the team requires the supervisor's sign-off (送審 instead)."""
    case = live_case(session, case_id)
    if closure_signoff_required(session):
        raise RuleError(
            "本單位結案須經督導核准：請按「送審」，督導核准後個案才結案。",
            "Closures in this team need the supervisor's approval: submit the closure; the case closes once approved.",
        )
    if any(
        r.subject == ReviewSubject.CLOSURE and r.decision == ReviewDecision.PENDING and not r.deleted
        for r in case.reviews
    ):
        raise RuleError("結案已送審，正待督導審核。", "The closure is already waiting for the supervisor.")
    check_satisfaction(values.satisfaction)
    closure = workflow.close_case(case, values.closed_on, values.reason_code, values.summary.strip())
    closure.satisfaction_client = values.satisfaction.client
    closure.satisfaction_employer = values.satisfaction.employer
    closure.satisfaction_receiving_unit = values.satisfaction.receiving_unit
    return closure.id


def record_satisfaction(session: Session, case_id: uuid.UUID, values: SatisfactionValues) -> None:
    """Satisfaction asked after the case was closed (a later phone survey) is added to its closure."""
    case = live_case(session, case_id)
    if case.closure is None or case.closure.deleted or case.stage != Stage.G:
        raise RuleError("個案尚未結案。", "The case has not been closed.")
    check_satisfaction(values)
    case.closure.satisfaction_client = values.client
    case.closure.satisfaction_employer = values.employer
    case.closure.satisfaction_receiving_unit = values.receiving_unit


# --- 附件 -----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AttachmentInfo:
    id: uuid.UUID
    filename: str
    media_type: str
    size: int
    added_at: datetime  # UTC; attachments are append-only, so the last change is when it was added
    description: str
    sha256: str
    of_client: bool  # attached to the client's record (a certificate scan) rather than to this case


def _info(attachment: Attachment) -> AttachmentInfo:
    return AttachmentInfo(
        id=attachment.id,
        filename=attachment.filename,
        media_type=attachment.media_type,
        size=attachment.size,
        added_at=attachment.updated_at,
        description=attachment.description,
        sha256=attachment.sha256,
        of_client=attachment.case_id is None,
    )


def list_attachments(session: Session, case_id: uuid.UUID) -> list[AttachmentInfo]:
    """The case's attachments and those of its client that belong to no case, newest first."""
    case = live_case(session, case_id)
    rows = session.scalars(
        select(Attachment)
        .where(
            Attachment.deleted.is_(False),
            or_(Attachment.case_id == case.id, (Attachment.client_id == case.client_id) & Attachment.case_id.is_(None)),
        )
        .order_by(Attachment.updated_at.desc(), Attachment.filename)
    ).all()
    return [_info(row) for row in rows]


def add_attachment_file(session: Session, case_id: uuid.UUID, path: Path, description: str = "") -> AttachmentInfo:
    """Read the file at `path` and attach it to the case, content-hashed (services.attachments)."""
    case: Case = live_case(session, case_id)
    try:
        size = path.stat().st_size
        if size > MAX_ATTACHMENT_BYTES:  # refused before reading it all into memory
            raise AppError(
                f"檔案「{path.name}」超過 {MAX_ATTACHMENT_BYTES // 2**20} MB。",
                f"The file '{path.name}' is larger than {MAX_ATTACHMENT_BYTES // 2**20} MB.",
            )
        content = path.read_bytes()
    except OSError as exc:
        raise AppError(
            f"無法讀取檔案「{path.name}」：{exc.strerror or exc}", f"Cannot read '{path.name}': {exc.strerror or exc}"
        ) from exc
    attachment = add_attachment(session, path.name, content, case_id=case.id, description=description.strip())
    session.flush()  # stamps the time it was added
    return _info(attachment)


def save_attachment_copy(session: Session, attachment_id: uuid.UUID, target: Path) -> Path:
    """Write the attachment's bytes (checked against their hash) to `target`; returns the path written."""
    attachment = live(session, Attachment, attachment_id, "附件", "attachment")
    content = attachment_content(session, attachment)
    try:
        target.write_bytes(content)
    except OSError as exc:
        raise AppError(
            f"無法寫入「{target}」：{exc.strerror or exc}", f"Cannot write '{target}': {exc.strerror or exc}"
        ) from exc
    return target
