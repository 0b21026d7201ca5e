"""The supervisor's review queue (待審): the team's pending submissions, and what was submitted, read-only.

Read from the supervisor's synced store: the reviews, their cases and clients, and the plan version or closure each
names. Plain dataclasses, so the queue page draws them without a session; the decision itself is
app.services.reviews.decide.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.errors import RuleError
from app.models import Case, Client, Closure, PlanItem, ServicePlan
from app.models.enums import ItemStatus, PlanPart, ReviewDecision, ReviewSubject, Stage
from app.models.review import Review


@dataclass(frozen=True)
class QueueRow:
    review_id: uuid.UUID
    case_id: uuid.UUID
    subject: ReviewSubject
    case_manager: str  # the case's owner
    client_name: str
    submitted_by: str
    submitted_at: datetime
    note: str
    plan_version: int | None  # the version submitted, for a plan


@dataclass(frozen=True)
class GoalLine:
    part: PlanPart
    description: str
    target_on: date | None


@dataclass(frozen=True)
class ItemLine:
    part: PlanPart
    service_kind: str
    unit_name: str
    description: str
    start_on: date | None
    end_on: date | None
    hours: float | None
    status: ItemStatus


@dataclass(frozen=True)
class PlanView:
    version_no: int
    start_on: date
    end_on: date
    vocational_goal: str
    revision_reason: str
    consent_on: date | None
    consent_by: str
    goals: tuple[GoalLine, ...]
    items: tuple[ItemLine, ...]


@dataclass(frozen=True)
class ClosureView:
    closed_on: date
    reason_code: str
    summary: str
    satisfaction: tuple[int | None, int | None, int | None]  # client, employer, receiving unit


@dataclass(frozen=True)
class Earlier:
    """An earlier submission of the same plan or closure and what became of it."""

    submitted_at: datetime
    decision: ReviewDecision
    decided_by: str
    comment: str


@dataclass(frozen=True)
class ReviewDetail:
    row: QueueRow
    decision: ReviewDecision
    plan: PlanView | None
    closure: ClosureView | None
    earlier: tuple[Earlier, ...]  # oldest first


def _row(review: Review, case: Case, client_name: str, plans: dict[uuid.UUID, int]) -> QueueRow:
    return QueueRow(
        review_id=review.id,
        case_id=case.id,
        subject=review.subject,
        case_manager=case.owner,
        client_name=client_name,
        submitted_by=review.submitted_by,
        submitted_at=review.submitted_at,
        note=review.note,
        plan_version=plans.get(review.plan_id) if review.plan_id else None,
    )


def pending_reviews(session: Session) -> list[QueueRow]:
    """Every pending submission of a live, open case in this store (a supervisor's: the team's), oldest first. A plan
    still waiting when its case closed (the client withdrew before it started) has nothing left to sign off."""
    found = session.execute(
        select(Review, Case, Client.name)
        .join(Case, Case.id == Review.case_id)
        .join(Client, Client.id == Case.client_id)
        .where(
            Review.deleted.is_(False),
            Review.decision == ReviewDecision.PENDING,
            Case.deleted.is_(False),
            Case.stage != Stage.G,
        )
        .order_by(Review.submitted_at, Review.id)
    ).all()
    plan_ids = [review.plan_id for review, _, _ in found if review.plan_id is not None]
    query = select(ServicePlan.id, ServicePlan.version_no).where(ServicePlan.id.in_(plan_ids))
    versions = {plan_id: number for plan_id, number in session.execute(query).all()}
    return [_row(review, case, name, versions) for review, case, name in found]


def review_detail(session: Session, review_id: uuid.UUID) -> ReviewDetail:
    """The submission with what it submits (the plan version with its goals and services, or the closure) and the
    earlier submissions of the same plan (all its versions) or closure."""
    review = session.get(Review, review_id)
    if review is None or review.deleted:
        raise RuleError("找不到這筆送審（可能已刪除）。", "This submission was not found (it may be deleted).")
    case = session.get(Case, review.case_id)
    assert case is not None
    client = session.get(Client, case.client_id)
    plan_view = closure_view = None
    versions: dict[uuid.UUID, int] = {}
    if review.plan_id is not None:
        plan = session.scalars(
            select(ServicePlan)
            .where(ServicePlan.id == review.plan_id)
            .options(
                selectinload(ServicePlan.goals),
                selectinload(ServicePlan.items).selectinload(PlanItem.service_unit),
            )
        ).one()
        versions[plan.id] = plan.version_no
        plan_view = _plan_view(plan)
    if review.closure_id is not None:
        closure = session.get(Closure, review.closure_id)
        if closure is not None:
            closure_view = ClosureView(
                closure.closed_on,
                closure.reason_code,
                closure.summary,
                (closure.satisfaction_client, closure.satisfaction_employer, closure.satisfaction_receiving_unit),
            )
    earlier = session.scalars(
        select(Review)
        .where(
            Review.case_id == case.id,
            Review.subject == review.subject,
            Review.deleted.is_(False),
            Review.submitted_at < review.submitted_at,
        )
        .order_by(Review.submitted_at)
    ).all()
    return ReviewDetail(
        row=_row(review, case, client.name if client else "", versions),
        decision=review.decision,
        plan=plan_view,
        closure=closure_view,
        earlier=tuple(Earlier(r.submitted_at, r.decision, r.decided_by or "", r.comment) for r in earlier),
    )


def _plan_view(plan: ServicePlan) -> PlanView:
    goals = sorted((g for g in plan.goals if not g.deleted), key=lambda g: (list(PlanPart).index(g.part), g.position))
    items = sorted((i for i in plan.items if not i.deleted), key=lambda i: (list(PlanPart).index(i.part), i.position))
    return PlanView(
        version_no=plan.version_no,
        start_on=plan.start_on,
        end_on=plan.end_on,
        vocational_goal=plan.vocational_goal,
        revision_reason=plan.revision_reason,
        consent_on=plan.consent_on if plan.consent_given else None,
        consent_by=plan.consent_by,
        goals=tuple(GoalLine(g.part, g.description, g.target_on) for g in goals),
        items=tuple(
            ItemLine(
                i.part,
                i.service_kind,
                i.service_unit.name if i.service_unit is not None else "",
                i.description,
                i.start_on,
                i.end_on,
                i.hours,
                i.status,
            )
            for i in items
        ),
    )
