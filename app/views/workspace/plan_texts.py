"""What the service plan's values are called on screen: its three parts, the statuses of a version and of a
service, and whether a goal was met."""

from __future__ import annotations

from typing import Final

from app.models.enums import ItemStatus, PlanPart, PlanStatus

PART_TITLES: Final[dict[PlanPart, tuple[str, str]]] = {
    PlanPart.PRE_EMPLOYMENT: ("一、就業前準備", "1. Pre-employment"),
    PlanPart.MATCHING_SUPPORT: ("二、就業媒合與就業支持", "2. Matching and support"),
    PlanPart.POST_EMPLOYMENT: ("三、穩定就業後支持服務", "3. Post-placement"),
}
PLAN_STATUS: Final[dict[PlanStatus, tuple[str, str]]] = {
    PlanStatus.DRAFT: ("草稿", "Draft"),
    PlanStatus.SUBMITTED: ("待督導審核", "Awaiting sign-off"),
    PlanStatus.APPROVED: ("執行中", "In progress"),
    PlanStatus.RETURNED: ("督導退回", "Returned"),
    PlanStatus.SUPERSEDED: ("已被新版取代", "Superseded"),
}
ITEM_STATUS: Final[dict[ItemStatus, tuple[str, str]]] = {
    ItemStatus.PLANNED: ("預定", "Planned"),
    ItemStatus.IN_PROGRESS: ("進行中", "In progress"),
    ItemStatus.DONE: ("已完成", "Done"),
    ItemStatus.CANCELLED: ("已取消", "Cancelled"),
}
# Combo data cannot be None, so whether a goal was met is keyed by a word.
ACHIEVED: Final[dict[str, tuple[bool | None, tuple[str, str]]]] = {
    "open": (None, ("尚未評估", "Not judged yet")),
    "met": (True, ("已達成", "Met")),
    "not_met": (False, ("未達成", "Not met")),
}


def achieved_key(achieved: bool | None) -> str:
    return next(key for key, (value, _) in ACHIEVED.items() if value is achieved)
