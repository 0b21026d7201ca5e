"""The VR case workflow, stages A–G, with the guards the work requires (seed 002 附件一 三, 附圖二).

A → B 接案評估 → 開案 (C) or 不開案 (G) → C 需求評估 → D 服務計畫 → E 執行計畫 → F 穩定就業後服務 → G 結案,
with "定期評估/審查" looping back from E/F to C/D. Each function changes the ORM objects it is given and leaves the
commit to the caller's unit of work; a refused action raises RuleError and changes nothing.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.orm import object_session

from app.errors import RuleError
from app.models import Case, Closure, ContactAttempt, Employment, ServicePlan
from app.models.enums import ContactOutcome, IntakeDecision, PlanStatus, ReviewDecision, Stage
from app.services import clock, codes
from app.services.deadline_rules import FOLLOW_UP_MONTHS, INTAKE_REPLY_DAYS, REFERRAL_FOLLOW_UP_MONTHS
from app.services.supported_employment import has_worked_months
from app.services.workdays import add_months

LOST_CONTACT_ATTEMPTS = 3  # 失聯 closes only after this many unanswered attempts since the last contact
UNANSWERED = frozenset({ContactOutcome.NO_ANSWER, ContactOutcome.WRONG_NUMBER, ContactOutcome.MESSAGE_LEFT})

# Moves that need no special action of their own; the others go through the functions below.
_PLAIN_MOVES: dict[Stage, frozenset[Stage]] = {
    Stage.C: frozenset({Stage.D}),
    Stage.E: frozenset({Stage.C, Stage.D}),  # 定期評估/審查
    Stage.F: frozenset({Stage.C, Stage.D, Stage.E}),
}


def _attach(case: Case, obj: object) -> None:
    """Put a new row made for a case into the case's session (SQLAlchemy 2 no longer does it through backrefs)."""
    session = object_session(case)
    if session is not None:
        session.add(obj)


def _refuse(zh: str, en: str) -> RuleError:
    return RuleError(zh, en)


def _require_open(case: Case) -> None:
    if case.decision != IntakeDecision.OPEN or case.opened_on is None:
        raise _refuse("個案尚未開案，不能進行此步驟。", "The case has not been opened; this step is not allowed yet.")
    if case.stage == Stage.G:
        raise _refuse("個案已結案。", "The case is closed.")


def record_intake_assessment(case: Case, assessed_on: date, assessment: str) -> None:
    """接案評估 (stage B): the reply to the applicant or referring unit is due within 3 days."""
    if case.stage not in (Stage.A, Stage.B):
        raise _refuse("只有申請中的個案可以做接案評估。", "Only an application can get an intake assessment.")
    if assessed_on < case.application_date:
        raise _refuse("接案評估日不能早於申請日。", "The intake assessment cannot precede the application.")
    case.stage = Stage.B
    case.intake_assessed_on = assessed_on
    case.intake_assessment = assessment
    case.reply_due_on = assessed_on + timedelta(days=INTAKE_REPLY_DAYS)


def decide_intake(case: Case, decision: IntakeDecision, decided_on: date, reason: str = "") -> date:
    """開案 or 不開案 after the intake assessment. 不開案 needs a reason. Returns the reply's due date."""
    if case.stage != Stage.B or case.intake_assessed_on is None:
        raise _refuse("請先完成接案評估，再決定開案或不開案。", "Record the intake assessment before deciding.")
    if decided_on < case.intake_assessed_on:
        raise _refuse("決定日不能早於接案評估日。", "The decision cannot precede the intake assessment.")
    if decision == IntakeDecision.NOT_OPEN and not reason.strip():
        raise _refuse("不開案必須說明理由。", "A decision not to open the case needs a reason.")
    case.decision = decision
    case.decision_reason = reason.strip()
    if decision == IntakeDecision.OPEN:
        case.opened_on = decided_on
        case.stage = Stage.C
    else:
        case.stage = Stage.G
        case.closed_on = decided_on
    assert case.reply_due_on is not None
    return case.reply_due_on


def record_reply(case: Case, sent_on: date) -> None:
    if case.decision is None:
        raise _refuse("尚未決定開案或不開案，無從回覆。", "There is no decision to reply with yet.")
    case.reply_sent_on = sent_on


def move_to(case: Case, stage: Stage) -> None:
    """A plain stage move (C→D, and the 定期評估 loop back from E/F to C/D)."""
    _require_open(case)
    if stage not in _PLAIN_MOVES.get(case.stage, frozenset()):
        raise _refuse(f"不能從階段 {case.stage} 直接移到 {stage}。", f"Cannot move from stage {case.stage} to {stage}.")
    case.stage = stage


def new_plan(case: Case, start_on: date, end_on: date, vocational_goal: str = "") -> ServicePlan:
    """擬定職業重建服務計畫 (stage D). No plan before 開案."""
    _require_open(case)
    if end_on < start_on:
        raise _refuse("計畫結束日不能早於開始日。", "The plan cannot end before it starts.")
    if any(p.status in (PlanStatus.DRAFT, PlanStatus.SUBMITTED) and not p.deleted for p in case.plans):
        raise _refuse(
            "已有一份未完成的計畫，請先完成或修訂它。", "A plan is already being drafted; finish or revise it."
        )
    version = max((p.version_no for p in case.plans), default=0) + 1
    plan = ServicePlan(case=case, version_no=version, start_on=start_on, end_on=end_on, vocational_goal=vocational_goal)
    _attach(case, plan)
    if case.stage == Stage.C:
        case.stage = Stage.D
    return plan


def record_consent(plan: ServicePlan, consent_on: date, consent_by: str = "client") -> None:
    """知後決定: the client (or guardian) agreed to the plan."""
    plan.consent_given = True
    plan.consent_on = consent_on
    plan.consent_by = consent_by


def start_plan(case: Case, plan: ServicePlan) -> None:
    """執行計畫 (stage E): only a plan the client consented to, with at least one service item."""
    _require_open(case)
    if plan.case is not case:
        raise _refuse("這份計畫不屬於此個案。", "This plan belongs to another case.")
    if plan.status in (PlanStatus.RETURNED, PlanStatus.SUPERSEDED) or plan.deleted:
        raise _refuse(
            "這份計畫已退回或已被新版取代，不能執行。", "This plan was returned or replaced; it cannot start."
        )
    if not plan.consent_given:
        raise _refuse(
            "計畫須經個案（或監護人）同意後才能執行。", "The plan needs the client's consent before it starts."
        )
    if not plan.items:
        raise _refuse("計畫至少要有一項服務。", "The plan needs at least one service item.")
    if plan.status == PlanStatus.SUBMITTED:
        raise _refuse("計畫正待督導審核。", "The plan is waiting for the supervisor's sign-off.")
    if plan.status == PlanStatus.DRAFT:
        plan.status = PlanStatus.APPROVED  # units that require a supervisor's sign-off submit it first
    case.stage = Stage.E


def revise_plan(case: Case, plan: ServicePlan, reason: str, start_on: date, end_on: date) -> ServicePlan:
    """A plan revised after a failed goal gets new dates and an explanation (002 附件一 三(三))."""
    _require_open(case)
    if not reason.strip():
        raise _refuse("修訂計畫必須說明原因。", "A plan revision needs a reason.")
    if plan.status == PlanStatus.SUPERSEDED:
        raise _refuse("這份計畫已有新版本。", "This plan already has a newer version.")
    if any(r.plan_id == plan.id and r.decision == ReviewDecision.PENDING and not r.deleted for r in case.reviews):
        raise _refuse(
            "這份計畫正待督導審核，請等審核結果（退回後再修訂）。",
            "This plan is waiting for the supervisor's sign-off; revise it once it is decided (or returned).",
        )
    previous_status = plan.status
    plan.status = PlanStatus.SUPERSEDED  # before new_plan, which refuses while a draft is open
    try:
        revised = new_plan(case, start_on, end_on, plan.vocational_goal)
    except RuleError:
        plan.status = previous_status  # a refused revision changes nothing
        raise
    revised.previous_id = plan.id
    revised.revision_reason = reason.strip()
    return revised


def record_employment(case: Case, employment: Employment) -> None:
    """A placement moves the case to 穩定就業後服務 (F) once employment has started."""
    _require_open(case)
    employment.case = case
    _attach(case, employment)
    if case.stage in (Stage.D, Stage.E):
        case.stage = Stage.F


def referral_follow_up_due(sent_on: date) -> date:
    """轉介後一個月內完成追蹤 (002 附件一 三(五))."""
    return add_months(sent_on, REFERRAL_FOLLOW_UP_MONTHS)


def check_closing(case: Case, closed_on: date, reason_code: str, attempts: list[ContactAttempt] | None = None) -> None:
    """Whether the case may close on `closed_on` for `reason_code` (RuleError if not): a known reason; 失聯 needs
    the log of unanswered contact attempts; 穩定就業三個月 needs a placement that has lasted three months by the
    closing date. Asked before closing, and before a closure is submitted for the supervisor's sign-off."""
    _require_open(case)
    if not reason_code:
        raise _refuse("結案必須選擇結案原因。", "Closing a case needs a reason.")
    reason = codes.closure_reason(reason_code)
    if closed_on < (case.opened_on or closed_on):
        raise _refuse("結案日不能早於開案日。", "The case cannot close before it opened.")
    if closed_on > clock.today():
        raise _refuse("結案日不能晚於今天。", "A case cannot be closed on a future date.")
    if reason.requires_contact_log:
        tried = [a for a in (attempts if attempts is not None else case.contact_attempts) if not a.deleted]
        reached = [a.attempted_at for a in tried if a.outcome in (ContactOutcome.REACHED, ContactOutcome.REFUSED)]
        since = max(reached, default=None)
        unanswered = [a for a in tried if a.outcome in UNANSWERED and (since is None or a.attempted_at > since)]
        if len(unanswered) < LOST_CONTACT_ATTEMPTS:
            raise _refuse(
                f"以失聯結案前，須記錄至少 {LOST_CONTACT_ATTEMPTS} 次未聯繫上的紀錄（目前 {len(unanswered)} 次）。",
                f"Closing as lost contact needs {LOST_CONTACT_ATTEMPTS} unanswered attempts on record "
                f"({len(unanswered)} so far).",
            )
    if reason.counts_as_stable_employment and not any(
        not e.deleted
        and e.end_on is None
        and e.start_on <= closed_on
        and has_worked_months(e.start_on, closed_on, FOLLOW_UP_MONTHS)
        for e in case.employments
    ):
        raise _refuse(
            "以穩定就業結案，須有持續就業滿三個月的紀錄。",
            "Closing as stable employment needs a job held for three months.",
        )


def closure_draft(case: Case, closed_on: date, reason_code: str, summary: str = "") -> Closure:
    """The case's closure row holding these values, without closing the case: a closure submitted for sign-off
    waits in it. A case has one closure row for good (a unique column), so an earlier one (returned, or even
    tombstoned) is filled again instead of adding another."""
    closure = case.closure
    if closure is None:
        closure = Closure(case=case, closed_on=closed_on, reason_code=reason_code, summary=summary)
        _attach(case, closure)
    else:
        closure.closed_on, closure.reason_code, closure.summary = closed_on, reason_code, summary
        closure.deleted = False
    return closure


def finish_closure(case: Case, closure: Closure) -> None:
    """The case is closed (stage G) on its closure's date: at once, or when the supervisor's approval arrives."""
    case.stage = Stage.G
    case.closed_on = closure.closed_on


def close_case(
    case: Case,
    closed_on: date,
    reason_code: str,
    summary: str = "",
    attempts: list[ContactAttempt] | None = None,
) -> Closure:
    """結案 (stage G), once `check_closing` accepts the reason and date."""
    check_closing(case, closed_on, reason_code, attempts)
    closure = closure_draft(case, closed_on, reason_code, summary)
    finish_closure(case, closure)
    return closure
