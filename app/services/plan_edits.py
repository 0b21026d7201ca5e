"""Edits the case workspace's tabs save through: 服務計畫 here, and (re-exported) 派案/轉介, 就業, 結案 and 附件 from
plan_edits_referrals and plan_edits_outcomes.

The stage rules stay in services.workflow and services.referrals; these functions find the rows, check the form's
values, call the rules, and change nothing when anything is refused. Every function takes a session and plain
dataclass values, so a view calls it from a `runner.run(lambda session: …)` job.

Plans (002 附件一 三(三)): a draft is edited freely; its informed consent (知後決定) is consent to what it says, so a
change to the content of a consented draft withdraws the consent and it must be given again. A plan being carried
out is not edited: only the progress of its goals and items is recorded, and a real change is a revision (a new
version with new dates and the reason), which starts from the goals and items still open.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import RuleError, ValidationError
from app.models import PlanGoal, PlanItem, ServicePlan, ServiceUnit
from app.models.enums import ItemStatus, PlanPart, PlanStatus
from app.services import codes, workflow
from app.services.plan_edits_common import live, live_case, not_before, not_in_future, required_text
from app.services.plan_edits_outcomes import (
    MAX_WEEKLY_HOURS,
    AttachmentInfo,
    ClosureCheck,
    ClosureValues,
    EmploymentStatus,
    EmploymentValues,
    SatisfactionValues,
    add_attachment_file,
    add_employment,
    check_closure,
    close,
    employment_status,
    end_employment,
    list_attachments,
    record_satisfaction,
    save_attachment_copy,
    update_employment,
)
from app.services.plan_edits_referrals import (
    ReferralValues,
    create_referral_and_dispatch,
    record_follow_up,
    record_referral_response,
)

__all__ = [
    "CONSENT_BY",
    "MAX_ITEM_HOURS",
    "MAX_WEEKLY_HOURS",
    "AttachmentInfo",
    "ClosureCheck",
    "ClosureValues",
    "ConsentValues",
    "EmploymentStatus",
    "EmploymentValues",
    "GoalValues",
    "ItemValues",
    "PlanDraft",
    "ReferralValues",
    "RevisionValues",
    "SatisfactionValues",
    "UnitChoice",
    "add_attachment_file",
    "add_employment",
    "add_goal",
    "add_item",
    "check_closure",
    "close",
    "create_referral_and_dispatch",
    "employment_status",
    "end_employment",
    "list_attachments",
    "list_units",
    "record_follow_up",
    "record_plan_consent",
    "record_referral_response",
    "record_satisfaction",
    "remove_goal",
    "remove_item",
    "revise_plan",
    "save_attachment_copy",
    "save_plan_draft",
    "set_goal_achieved",
    "set_item_status",
    "start_plan",
    "update_employment",
    "update_goal",
    "update_item",
]

ConsentBy = Literal["client", "guardian"]
CONSENT_BY: Final[dict[str, tuple[str, str]]] = {
    "client": ("個案本人", "the client"),
    "guardian": ("監護人／法定代理人", "guardian / legal representative"),
}
MAX_ITEM_HOURS: Final = 999.0
# Items still to be given when a plan is revised; the revision carries them (and the goals not yet met) over.
OPEN_ITEM_STATUSES: Final = frozenset({ItemStatus.PLANNED, ItemStatus.IN_PROGRESS})


# --- the unit directory ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class UnitChoice:
    """A service unit as a picker shows it, with its remaining capacity (尚可容納之服務量, 002 附件一 六)."""

    id: uuid.UUID
    name: str
    county: str
    service_kinds: tuple[str, ...]
    capacity: int
    current_caseload: int
    remaining: int
    phone: str
    contact_person: str


def list_units(session: Session, service_kind: str | None = None, *, county: str | None = None) -> list[UnitChoice]:
    """Units offering `service_kind` (every unit when None): those of `county` first, then those with room, by name."""
    units = session.scalars(select(ServiceUnit).where(ServiceUnit.deleted.is_(False))).all()
    choices = [
        UnitChoice(
            id=unit.id,
            name=unit.name,
            county=unit.county,
            service_kinds=tuple(unit.service_kinds),
            capacity=unit.capacity,
            current_caseload=unit.current_caseload,
            remaining=unit.remaining_capacity,
            phone=unit.phone,
            contact_person=unit.contact_person,
        )
        for unit in units
        if service_kind is None or service_kind in unit.service_kinds
    ]
    choices.sort(key=lambda u: (county is not None and u.county != county, u.remaining <= 0, u.name))
    return choices


# --- values a form sends ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanDraft:
    start_on: date
    end_on: date
    vocational_goal: str = ""  # 職業重建目標


@dataclass(frozen=True)
class GoalValues:
    part: PlanPart
    description: str
    target_on: date | None = None
    achieved: bool | None = None  # None: not judged yet


@dataclass(frozen=True)
class ItemValues:
    part: PlanPart
    service_kind: str  # service_kinds.yaml code
    service_unit_id: uuid.UUID | None = None
    description: str = ""
    start_on: date | None = None
    end_on: date | None = None
    hours: float | None = None
    status: ItemStatus = ItemStatus.PLANNED


@dataclass(frozen=True)
class ConsentValues:
    consent_on: date
    consent_by: ConsentBy = "client"


@dataclass(frozen=True)
class RevisionValues:
    reason: str
    start_on: date
    end_on: date


# --- plans ----------------------------------------------------------------------------------------------------------


def _plan(session: Session, plan_id: uuid.UUID) -> ServicePlan:
    return live(session, ServicePlan, plan_id, "服務計畫", "service plan")


def _draft(session: Session, plan_id: uuid.UUID) -> ServicePlan:
    plan = _plan(session, plan_id)
    if plan.status != PlanStatus.DRAFT:
        raise RuleError(
            "只有草稿可以修改內容；執行中的計畫請用「修訂計畫」。",
            "Only a draft can be edited; revise a plan that is being carried out.",
        )
    return plan


def _content_changed(plan: ServicePlan) -> None:
    """知後決定 is consent to what the plan says: a changed draft needs the client's consent again."""
    if plan.consent_given:
        plan.consent_given = False
        plan.consent_on = None
        plan.consent_by = ""


def _check_dates(start_on: date, end_on: date) -> None:
    not_before("end_on", end_on, start_on, "計畫結束日不能早於開始日", "The plan cannot end before it starts")


def save_plan_draft(
    session: Session, case_id: uuid.UUID, draft: PlanDraft, plan_id: uuid.UUID | None = None
) -> uuid.UUID:
    """Save the dates and 職業重建目標 of draft `plan_id`, or start a new draft (workflow.new_plan) when None."""
    case = live_case(session, case_id)
    goal = draft.vocational_goal.strip()
    _check_dates(draft.start_on, draft.end_on)
    if plan_id is None:
        return workflow.new_plan(case, draft.start_on, draft.end_on, goal).id
    plan = _draft(session, plan_id)
    if plan.case_id != case.id:
        raise RuleError("這份計畫不屬於此個案。", "This plan belongs to another case.")
    if (plan.start_on, plan.end_on, plan.vocational_goal) != (draft.start_on, draft.end_on, goal):
        plan.start_on, plan.end_on, plan.vocational_goal = draft.start_on, draft.end_on, goal
        _content_changed(plan)
    return plan.id


def _next_position(rows: Sequence[PlanGoal | PlanItem], part: PlanPart) -> int:
    return max((row.position + 1 for row in rows if row.part == part and not row.deleted), default=0)


def _goal_fields(values: GoalValues) -> dict[str, object]:
    return {
        "part": PlanPart(values.part),
        "description": required_text("description", values.description, "目標內容", "goal"),
        "target_on": values.target_on,
        "achieved": values.achieved,
    }


def add_goal(session: Session, plan_id: uuid.UUID, values: GoalValues) -> uuid.UUID:
    plan = _draft(session, plan_id)
    fields = _goal_fields(values)
    goal = PlanGoal(plan=plan, position=_next_position(plan.goals, values.part), **fields)
    session.add(goal)
    _content_changed(plan)
    return goal.id


def update_goal(session: Session, goal_id: uuid.UUID, values: GoalValues) -> None:
    goal = live(session, PlanGoal, goal_id, "計畫目標", "plan goal")
    plan = _draft(session, goal.plan_id)
    fields = _goal_fields(values)
    if fields["part"] != goal.part:
        fields["position"] = _next_position(plan.goals, values.part)
    if any(getattr(goal, key) != value for key, value in fields.items()):
        for key, value in fields.items():
            setattr(goal, key, value)
        _content_changed(plan)


def remove_goal(session: Session, goal_id: uuid.UUID) -> None:
    goal = live(session, PlanGoal, goal_id, "計畫目標", "plan goal")
    plan = _draft(session, goal.plan_id)
    goal.deleted = True  # a tombstone, so other devices learn it is gone
    _content_changed(plan)


def set_goal_achieved(session: Session, goal_id: uuid.UUID, achieved: bool | None) -> None:
    """Record whether a goal of a plan (draft or being carried out) was met; None: not judged yet."""
    goal = live(session, PlanGoal, goal_id, "計畫目標", "plan goal")
    plan = _plan(session, goal.plan_id)
    if plan.status == PlanStatus.SUPERSEDED:
        raise RuleError("這份計畫已有新版本，請在新版本記錄。", "This plan has a newer version; record it there.")
    goal.achieved = achieved


def _item_fields(session: Session, values: ItemValues) -> dict[str, object]:
    service = codes.service_kind(values.service_kind)
    if values.service_unit_id is not None:
        unit = live(session, ServiceUnit, values.service_unit_id, "服務單位", "service unit")
        if service.code not in unit.service_kinds:
            raise ValidationError(
                "service_unit", f"{unit.name} 沒有提供「{service.zh}」。", f"{unit.name} does not offer '{service.en}'."
            )
    if values.start_on is not None and values.end_on is not None:
        not_before(
            "end_on", values.end_on, values.start_on, "服務結束日不能早於開始日", "The service ends before it starts"
        )
    if values.hours is not None and not 0 < values.hours <= MAX_ITEM_HOURS:
        raise ValidationError(
            "hours",
            f"時數須大於 0、不超過 {MAX_ITEM_HOURS:g}。",
            f"Hours must be above 0 and at most {MAX_ITEM_HOURS:g}.",
        )
    return {
        "part": PlanPart(values.part),
        "service_kind": service.code,
        "service_unit_id": values.service_unit_id,
        "description": values.description.strip(),
        "start_on": values.start_on,
        "end_on": values.end_on,
        "hours": values.hours,
        "status": ItemStatus(values.status),
    }


def add_item(session: Session, plan_id: uuid.UUID, values: ItemValues) -> uuid.UUID:
    plan = _draft(session, plan_id)
    fields = _item_fields(session, values)
    item = PlanItem(plan=plan, position=_next_position(plan.items, values.part), **fields)
    session.add(item)
    _content_changed(plan)
    return item.id


def update_item(session: Session, item_id: uuid.UUID, values: ItemValues) -> None:
    item = live(session, PlanItem, item_id, "服務項目", "plan item")
    plan = _draft(session, item.plan_id)
    fields = _item_fields(session, values)
    if fields["part"] != item.part:
        fields["position"] = _next_position(plan.items, values.part)
    if any(getattr(item, key) != value for key, value in fields.items()):
        for key, value in fields.items():
            setattr(item, key, value)
        _content_changed(plan)


def remove_item(session: Session, item_id: uuid.UUID) -> None:
    item = live(session, PlanItem, item_id, "服務項目", "plan item")
    plan = _draft(session, item.plan_id)
    item.deleted = True
    _content_changed(plan)


def set_item_status(session: Session, item_id: uuid.UUID, status: ItemStatus) -> None:
    """Record the progress of a service (planned, in progress, done, cancelled) of a plan being carried out."""
    item = live(session, PlanItem, item_id, "服務項目", "plan item")
    plan = _plan(session, item.plan_id)
    if plan.status == PlanStatus.SUPERSEDED:
        raise RuleError("這份計畫已有新版本，請在新版本記錄。", "This plan has a newer version; record it there.")
    item.status = ItemStatus(status)


def record_plan_consent(session: Session, plan_id: uuid.UUID, values: ConsentValues) -> None:
    """知後決定: the client or their guardian agreed to the draft as it stands, on `consent_on`."""
    plan = _draft(session, plan_id)
    if values.consent_by not in CONSENT_BY:
        raise ValidationError("consent_by", "請選擇同意人。", "Choose who gave the consent.")
    not_in_future("consent_on", values.consent_on, "同意日期", "consent date")
    workflow.record_consent(plan, values.consent_on, values.consent_by)


def start_plan(session: Session, plan_id: uuid.UUID) -> None:
    """執行計畫 through workflow.start_plan (consent and at least one service item, or its refusal)."""
    plan = _plan(session, plan_id)
    case = live_case(session, plan.case_id)
    if plan.items and all(item.deleted for item in plan.items):
        # Removed items stay as tombstones; they are not services of the plan.
        raise RuleError("計畫至少要有一項服務。", "The plan needs at least one service item.")
    workflow.start_plan(case, plan)


def revise_plan(session: Session, plan_id: uuid.UUID, values: RevisionValues) -> uuid.UUID:
    """修訂計畫: a new draft version with new dates and the reason (workflow.revise_plan), carrying over the goals
    not yet met and the services not yet given, so the case manager edits the plan instead of typing it again."""
    plan = _plan(session, plan_id)
    case = live_case(session, plan.case_id)
    _check_dates(values.start_on, values.end_on)
    revised = workflow.revise_plan(case, plan, values.reason, values.start_on, values.end_on)
    for goal in plan.goals:
        if not goal.deleted and goal.achieved is not True:
            session.add(
                PlanGoal(
                    plan=revised,
                    part=goal.part,
                    position=goal.position,
                    description=goal.description,
                    target_on=goal.target_on,
                )
            )
    for item in plan.items:
        if not item.deleted and item.status in OPEN_ITEM_STATUSES:
            session.add(
                PlanItem(
                    plan=revised,
                    part=item.part,
                    position=item.position,
                    service_kind=item.service_kind,
                    service_unit_id=item.service_unit_id,
                    description=item.description,
                    start_on=item.start_on,
                    end_on=item.end_on,
                    hours=item.hours,
                    status=item.status,
                )
            )
    return revised.id
