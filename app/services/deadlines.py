"""The deadline engine: what each case manager owes, and by when.

It works on plain frozen facts, not ORM objects, so it runs the same on the desktop, the server and in tests;
an adapter elsewhere builds the facts from the store. The rules themselves live in `deadline_rules`, one
function per row of DOMAIN.md's deadline table.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from app.services.deadline_rules import (
    RULES_FOR_CLOSED_CASES,
    RULES_FOR_OPEN_CASES,
    DeadlineRule,
    Pending,
    TargetKind,
    annual_report,
    monthly_report,
)
from app.services.workdays import WorkCalendar, national_calendar

__all__ = [
    "CaseFacts",
    "CertificateFact",
    "DeadlineRule",
    "DueItem",
    "DueStatus",
    "EmploymentFact",
    "ReferralFact",
    "ServiceFact",
    "TargetKind",
    "agenda",
    "group_by_rule",
]

DEFAULT_HORIZON_DAYS = 14
# 身權法 §14: renewal is applied for in the 90 days before expiry, so certificates look further ahead.
DEFAULT_CERTIFICATE_WINDOW_DAYS = 90
_CERTIFICATE_RULES = frozenset({DeadlineRule.CERTIFICATE_EXPIRY, DeadlineRule.CERTIFICATE_REASSESSMENT})
_CLOSED_STAGE = "G"


@dataclass(frozen=True)
class ServiceFact:
    """One service or interview record (服務紀錄)."""

    record_id: uuid.UUID
    held_on: date
    registered_on: date | None  # entered into 全國身心障礙者職業重建個案服務資訊管理系統


@dataclass(frozen=True)
class ReferralFact:
    """A referral: "service" (派案/轉介 to a service unit) or "job" (推介 to a job)."""

    referral_id: uuid.UUID
    kind: str
    service_kind: str | None  # code, e.g. "vocational_evaluation", "job_redesign"
    needs_one_month_follow_up: bool  # resolved by the caller from the service-kind code list
    is_job_redesign: bool
    sent_on: date | None
    accepted_on: date | None
    follow_up_done_on: date | None
    report_received_on: date | None = None  # 職務再設計: the unit's report (附表3) arrived


@dataclass(frozen=True)
class EmploymentFact:
    """A placement; `supported` marks 支持性就業 with intensive support."""

    employment_id: uuid.UUID
    start_on: date
    end_on: date | None
    supported: bool


@dataclass(frozen=True)
class CertificateFact:
    """A disability certificate (身心障礙證明); `no_expiry` is 無註記效期."""

    certificate_id: uuid.UUID
    expires_on: date | None
    reassess_on: date | None
    no_expiry: bool


@dataclass(frozen=True)
class CaseFacts:
    """Everything the rules need to know about one case."""

    case_id: uuid.UUID
    owner: str  # case manager's username
    client_name: str
    programme: str  # "vr" | "supported_employment" | "employment_service"
    stage: str  # "A".."G"
    intake_assessed_on: date | None
    reply_sent_on: date | None
    opened_on: date | None
    closed_on: date | None
    last_contact_on: date | None  # latest interview/service record or successful contact
    services: tuple[ServiceFact, ...] = ()
    referrals: tuple[ReferralFact, ...] = ()
    employments: tuple[EmploymentFact, ...] = ()
    certificates: tuple[CertificateFact, ...] = ()

    @property
    def is_closed(self) -> bool:
        """Closed by date or by stage: either one alone stops the reminders about serving the client.

        What the case manager still owes after closing (see `RULES_FOR_CLOSED_CASES`) stays: a 不開案 decision
        closes the case at once, and its 3-day reply must still be sent.
        """
        return self.closed_on is not None or self.stage == _CLOSED_STAGE


class DueStatus(StrEnum):
    OVERDUE = "overdue"
    DUE_TODAY = "due_today"
    UPCOMING = "upcoming"


@dataclass(frozen=True)
class DueItem:
    """One line of the agenda. `target_kind`/`target_id` say which record to open; unit items have no case."""

    rule: DeadlineRule
    case_id: uuid.UUID | None
    owner: str
    client_name: str
    due_on: date
    status: DueStatus
    days_left: int  # negative when overdue
    target_kind: TargetKind
    target_id: uuid.UUID | None
    title_zh: str
    title_en: str
    informative: bool = False  # a milestone (e.g. 10 working days of support), not a task that can be late


def _status(days_left: int) -> DueStatus:
    if days_left < 0:
        return DueStatus.OVERDUE
    if days_left == 0:
        return DueStatus.DUE_TODAY
    return DueStatus.UPCOMING


def _item(pending: Pending, on: date, case: CaseFacts | None) -> DueItem:
    days_left = (pending.due_on - on).days
    name = case.client_name if case is not None else ""
    return DueItem(
        rule=pending.rule,
        case_id=case.case_id if case is not None else None,
        owner=case.owner if case is not None else "",
        client_name=name,
        due_on=pending.due_on,
        status=_status(days_left),
        days_left=days_left,
        target_kind=pending.target_kind,
        target_id=pending.target_id,
        title_zh=f"{pending.title_zh}（{name}）" if name else pending.title_zh,
        title_en=f"{pending.title_en} ({name})" if name else pending.title_en,
        informative=pending.informative,
    )


_RULE_ORDER = {rule: index for index, rule in enumerate(DeadlineRule)}


def _sort_key(item: DueItem) -> tuple[date, str, int, str, str]:
    # Overdue items have the earliest due dates, so one ascending date order gives "overdue first, most
    # overdue first, then due today, then upcoming"; the rest only makes ties repeatable.
    target = str(item.target_id) if item.target_id is not None else ""
    return (item.due_on, item.client_name, _RULE_ORDER[item.rule], target, item.title_zh)


def agenda(
    cases: Iterable[CaseFacts],
    on: date,
    *,
    owners: Collection[str] | None = None,
    horizon_days: int = DEFAULT_HORIZON_DAYS,
    calendar: WorkCalendar | None = None,
    include_unit_items: bool = True,
    certificate_window_days: int = DEFAULT_CERTIFICATE_WINDOW_DAYS,
) -> list[DueItem]:
    """What is overdue, due on `on`, or due within `horizon_days` after it, most urgent first.

    `owners` keeps only the cases of those case managers (one person, or a supervisor's team); unit-level
    items (monthly and annual reports) concern everyone and follow `include_unit_items` instead. Certificate
    dates use `certificate_window_days` rather than the horizon.
    """
    if horizon_days < 0 or certificate_window_days < 0:
        raise ValueError("horizon_days and certificate_window_days must be 0 or more")
    # A bare string is a Collection[str] too, and `"ann" in "joanna"` would match by substring.
    wanted: frozenset[str] | None = None
    if isinstance(owners, str):
        wanted = frozenset({owners})
    elif owners is not None:
        wanted = frozenset(owners)
    cal = calendar if calendar is not None else national_calendar()

    items: list[DueItem] = []

    def keep(pending: Pending, case: CaseFacts | None) -> None:
        window = certificate_window_days if pending.rule in _CERTIFICATE_RULES else horizon_days
        if (pending.due_on - on).days <= window:
            items.append(_item(pending, on, case))

    for case in cases:
        if wanted is not None and case.owner not in wanted:
            continue
        rules = RULES_FOR_CLOSED_CASES if case.is_closed else RULES_FOR_OPEN_CASES
        for rule in rules:
            for pending in rule(case, on, cal):
                keep(pending, case)
    if include_unit_items:
        keep(monthly_report(on), None)
        keep(annual_report(on), None)

    items.sort(key=_sort_key)
    return items


def group_by_rule(items: Iterable[DueItem]) -> dict[DeadlineRule, list[DueItem]]:
    """Items grouped by rule for the grouped list: groups in `DeadlineRule` order, items in their given order.

    Rules with nothing due are left out so the list shows no empty headings.
    """
    groups: dict[DeadlineRule, list[DueItem]] = {}
    for item in items:
        groups.setdefault(item.rule, []).append(item)
    return {rule: groups[rule] for rule in DeadlineRule if rule in groups}
