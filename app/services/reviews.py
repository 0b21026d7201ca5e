"""送審 (督導審核): a case manager submits a plan version or a closure for the supervisor's sign-off; the supervisor
approves (核准) or returns it with a comment (退回); the decision takes effect on the case manager's laptop.

Each submission is a new `Review` row, so the history stays: a returned plan is revised into a new version
(workflow.revise_plan) and that version submitted; a returned closure is corrected in the case's one closure row and
submitted again. The central service lets the case manager write only submissions and the team's supervisor only the
decision of a pending one (server/services/reviews.py), so neither can overwrite the other's part and no field is
ever written from both sides: a review never conflicts in sync.

The decision's effect is written by the owner's laptop when it sees the decided review (`apply_decisions`, run by
the sync client after each pull): the plan becomes 已核定 or 退回, and an approved closure closes the case (stage G,
on the closure's date). Only the owner's laptop writes the plan and the case, so the effect is an ordinary edit that
syncs like any other, idempotent (it is read off the latest review and the current state), and right even when the
laptop was offline for days: until the approval arrives the case simply stays open with its closure waiting.

When the team requires sign-off for closures (a team setting on the server, delivered at login and with every pull
and kept in `store_meta` by app.services.team_settings), a case can no longer be closed directly: its closure is
submitted and the case closes on approval. The server refuses a direct close of such a team's case too (code
`signoff`), whatever a laptop believes.
"""

from __future__ import annotations

import uuid
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import RuleError
from app.models import Case, Closure, ServicePlan
from app.models.enums import PlanStatus, ReviewDecision, ReviewSubject, Stage
from app.models.review import Review
from app.services import clock, workflow
from app.services.case_edits_common import actor
from app.services.plan_edits_common import live, live_case
from app.services.plan_edits_outcomes import ClosureValues, check_satisfaction

DECISIONS: Final = frozenset({ReviewDecision.APPROVED, ReviewDecision.RETURNED})
MAX_COMMENT: Final = 2000


# --- reading a case's reviews (no session: from a loaded case) ------------------------------------------------------


def live_reviews(case: Case) -> list[Review]:
    """The case's reviews, oldest submission first."""
    return sorted((r for r in case.reviews if not r.deleted), key=lambda r: r.submitted_at)


def latest_plan_review(case: Case, plan_id: uuid.UUID) -> Review | None:
    found = [r for r in live_reviews(case) if r.subject == ReviewSubject.PLAN and r.plan_id == plan_id]
    return found[-1] if found else None


def latest_closure_review(case: Case) -> Review | None:
    found = [r for r in live_reviews(case) if r.subject == ReviewSubject.CLOSURE]
    return found[-1] if found else None


def closure_pending(case: Case) -> bool:
    """A closure waits for the supervisor: submitted and not decided yet."""
    review = latest_closure_review(case)
    return review is not None and review.decision == ReviewDecision.PENDING


# --- the case manager: submitting ----------------------------------------------------------------------------------


def _new_review(session: Session, case: Case, subject: ReviewSubject, note: str) -> Review:
    review = Review(
        case=case,
        subject=subject,
        submitted_by=actor(session),
        submitted_at=clock.now(),
        note=note.strip()[:MAX_COMMENT],
    )
    session.add(review)
    return review


def submit_plan(session: Session, plan_id: uuid.UUID, note: str = "") -> uuid.UUID:
    """送審: a draft plan the client consented to, with at least one service, goes to the supervisor; it is locked
    (待督導審核) until the decision. A returned plan is revised into a new version first (修訂計畫)."""
    plan = live(session, ServicePlan, plan_id, "服務計畫", "service plan")
    case = live_case(session, plan.case_id)
    if case.stage == Stage.G or case.opened_on is None:
        raise RuleError("個案未開案或已結案，不能送審計畫。", "The case is not open; no plan can be submitted.")
    if plan.status == PlanStatus.RETURNED:
        raise RuleError(
            "督導已退回這份計畫：請按「修訂計畫」建立新版本，依意見修改後再送審。",
            "The supervisor returned this plan: revise it into a new version, change it, then submit that.",
        )
    if plan.status != PlanStatus.DRAFT:
        raise RuleError("只有草稿可以送審。", "Only a draft plan can be submitted.")
    if not plan.consent_given:
        raise RuleError(
            "計畫須經個案（或監護人）同意後才能送審。", "The plan needs the client's consent before it is submitted."
        )
    if not any(not item.deleted for item in plan.items):
        raise RuleError("計畫至少要有一項服務。", "The plan needs at least one service item.")
    review = _new_review(session, case, ReviewSubject.PLAN, note)
    review.plan_id = plan.id
    plan.status = PlanStatus.SUBMITTED
    return review.id


def submit_closure(session: Session, case_id: uuid.UUID, values: ClosureValues, note: str = "") -> uuid.UUID:
    """送審 of a closure: checked by the closing rules now, kept in the case's closure row, and the case stays open
    until the supervisor approves (the approval closes it on the closure's date)."""
    case = live_case(session, case_id)
    if closure_pending(case):
        raise RuleError("結案已送審，正待督導審核。", "The closure is already waiting for the supervisor.")
    check_satisfaction(values.satisfaction)
    workflow.check_closing(case, values.closed_on, values.reason_code)
    closure = workflow.closure_draft(case, values.closed_on, values.reason_code, values.summary.strip())
    closure.satisfaction_client = values.satisfaction.client
    closure.satisfaction_employer = values.satisfaction.employer
    closure.satisfaction_receiving_unit = values.satisfaction.receiving_unit
    review = _new_review(session, case, ReviewSubject.CLOSURE, note)
    review.closure_id = closure.id
    return review.id


# --- the supervisor: deciding --------------------------------------------------------------------------------------


def decide(session: Session, review_id: uuid.UUID, decision: ReviewDecision, comment: str = "") -> None:
    """核准 or 退回 a pending submission; a return needs a comment saying what to change."""
    review = live(session, Review, review_id, "送審紀錄", "submission")
    if decision not in DECISIONS:
        raise RuleError("請選擇核准或退回。", "Approve or return the submission.")
    if review.decision != ReviewDecision.PENDING:
        raise RuleError("這筆送審已經審核過了。", "This submission has already been decided.")
    text = comment.strip()
    if decision == ReviewDecision.RETURNED and not text:
        raise RuleError("退回時請寫下需要修改之處。", "Say what needs changing when returning a submission.")
    if len(text) > MAX_COMMENT:
        raise RuleError(f"意見不能超過 {MAX_COMMENT} 字。", f"The comment is limited to {MAX_COMMENT} characters.")
    review.decision = decision
    review.decided_by = actor(session)
    review.decided_at = clock.now()
    review.comment = text


# --- the decision's effect, on the owner's laptop -------------------------------------------------------------------


def apply_decisions(session: Session, owner: str) -> int:
    """Write the effect of every decided submission of `owner`'s cases that has not taken effect yet: a plan waiting
    for sign-off becomes 已核定 or 退回 (by its latest review), and a case whose latest closure review is approved
    closes. Returns how many plans and cases changed. Idempotent: run after every pull."""
    decided = session.scalars(
        select(Review)
        .join(Case, Case.id == Review.case_id)
        .where(
            Case.owner == owner,
            Case.deleted.is_(False),
            Review.deleted.is_(False),
            Review.decision.in_(sorted(DECISIONS)),
        )
    ).all()
    changed = 0
    for case_id in sorted({review.case_id for review in decided}):
        case = session.get(Case, case_id)
        assert case is not None
        changed += _apply_to_case(case)
    return changed


def _apply_to_case(case: Case) -> int:
    changed = 0
    for plan in case.plans:
        review = latest_plan_review(case, plan.id)
        if plan.deleted or plan.status != PlanStatus.SUBMITTED or review is None:
            continue
        if review.decision == ReviewDecision.APPROVED:
            plan.status = PlanStatus.APPROVED
            changed += 1
        elif review.decision == ReviewDecision.RETURNED:
            plan.status = PlanStatus.RETURNED
            changed += 1
    review = latest_closure_review(case)
    closure: Closure | None = case.closure
    if (
        review is not None
        and review.decision == ReviewDecision.APPROVED
        and closure is not None
        and not closure.deleted
        and case.stage != Stage.G
    ):
        workflow.finish_closure(case, closure)
        changed += 1
    return changed
