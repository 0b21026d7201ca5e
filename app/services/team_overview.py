"""團隊總覽: each case manager of a supervisor's team at a glance, from the team's cases in the (synced) store.

One row per case manager: open cases, new this month, overdue deadlines per rule of the deadline engine, days since
the last contact (longest and median over their opened cases), open sync conflicts on their cases, and this year's
服務人數 against the county's target per case manager (002 附件四). Every figure is a few aggregate queries, not one
query per case: counts are GROUP BY queries, and the deadline rules run on the facts the caseload reads in six
queries (`caseload._due_facts`), so 10 case managers × 500 cases show in well under a second (bench/bench_supervisor).

Each cell says which cases are behind it (`cell_case_ids`), so the page can list them when it is clicked.
"""

from __future__ import annotations

import json
import statistics
import uuid
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, Final

from sqlalchemy import ColumnElement, Select, String, and_, case, exists, func, or_, select, type_coerce, union_all
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session

from app.models import Case, ServicePlan, ServiceRecord, SyncConflict
from app.models.enums import Programme, RecordStatus, Stage
from app.services import clock, codes, kpi, kpi_report
from app.services.caseload import _due_facts  # the caseload's fact reader, shared on purpose (see module doc)
from app.services.deadline_rules import RULES_FOR_CLOSED_CASES, RULES_FOR_OPEN_CASES, DeadlineRule
from app.services.deadlines import CaseFacts
from app.services.kpi_report import VrCount
from app.services.workdays import WorkCalendar, national_calendar
from app.sync.schema import Anchor, record_types

# Rules whose items can be late for a case: the 10-working-day milestone of supported employment is informative,
# and the monthly and annual reports belong to the unit, not to a case manager's cases.
OVERDUE_RULES: Final = tuple(
    rule
    for rule in DeadlineRule
    if rule not in (DeadlineRule.INTENSIVE_SUPPORT, DeadlineRule.MONTHLY_REPORT, DeadlineRule.ANNUAL_REPORT)
)


class Cell(StrEnum):
    """The columns of the overview that are not a deadline rule (those are `DeadlineRule`s)."""

    OPEN = "open"  # 在案: not closed (as 我的個案 lists them), intake included
    NEW = "new"  # 本月新開案: opened this month
    OVERDUE = "overdue"  # cases with at least one overdue deadline, whatever the rule
    CONTACT = "contact"  # opened, open cases by days since the last contact
    CONFLICTS = "conflicts"  # cases with an open sync conflict
    SERVED = "served"  # this year's 服務人數 (VR): opened this year + carried over from last year


Column = Cell | DeadlineRule


@dataclass(frozen=True)
class ManagerRow:
    """One case manager's line; `owner` "" is the team's total."""

    owner: str
    open_cases: int
    new_this_month: int
    overdue: Mapping[DeadlineRule, int]  # cases with an overdue item of the rule
    overdue_cases: int  # cases with any overdue item
    contact_days_max: int | None  # None: no opened, open case
    contact_days_median: float | None
    conflicts: int  # open sync conflicts on records of their cases
    county: str  # county code whose target applies ("" when unknown)
    served: kpi.ServedCount  # VR 服務人數 of the year against the target (kpi.served_count)

    def count(self, column: Column) -> int | None:
        """The number a cell shows (None for the contact column, which shows days)."""
        if isinstance(column, DeadlineRule):
            return self.overdue.get(column, 0)
        return {
            Cell.OPEN: self.open_cases,
            Cell.NEW: self.new_this_month,
            Cell.OVERDUE: self.overdue_cases,
            Cell.CONFLICTS: self.conflicts,
            Cell.SERVED: self.served.total,
        }.get(column)


@dataclass(frozen=True)
class TeamOverview:
    on: date
    year: int
    rows: tuple[ManagerRow, ...]  # by username
    total: ManagerRow
    other_conflicts: int  # open conflicts on records of no case (the service-unit directory, team notes)


def _live(owners: Collection[str] | None) -> ColumnElement[bool]:
    live = Case.deleted.is_(False)
    return live if owners is None else and_(live, Case.owner.in_(sorted(owners)))


def _open() -> ColumnElement[bool]:
    """Not closed, as 我的個案 hides closed cases: no closing date and not at stage G (a 不開案 decision closes)."""
    return and_(Case.closed_on.is_(None), Case.stage != Stage.G)


def _opened_in(first: date, last: date) -> ColumnElement[bool]:
    return and_(Case.opened_on.is_not(None), Case.opened_on.between(first, last))


def _month(on: date) -> tuple[date, date]:
    start = on.replace(day=1)
    following = date(on.year + on.month // 12, on.month % 12 + 1, 1)
    return start, date.fromordinal(following.toordinal() - 1)


# --- deadlines and contacts -------------------------------------------------------------------------------------


def _overdue_rules(facts: CaseFacts, on: date, calendar: WorkCalendar) -> dict[DeadlineRule, date]:
    """The rules under which a case has an overdue item, each with its earliest overdue date."""
    found: dict[DeadlineRule, date] = {}
    for rule in RULES_FOR_CLOSED_CASES if facts.is_closed else RULES_FOR_OPEN_CASES:
        for pending in rule(facts, on, calendar):
            if pending.informative or pending.due_on >= on:
                continue
            if pending.rule not in found or pending.due_on < found[pending.rule]:
                found[pending.rule] = pending.due_on
    return found


def _contact_days(facts: CaseFacts, on: date) -> int | None:
    """Days since the last contact of an opened, open case (since its opening when never contacted)."""
    if facts.is_closed or facts.opened_on is None:
        return None
    return (on - (facts.last_contact_on or facts.opened_on)).days


def _may_owe(owners: Collection[str] | None) -> ColumnElement[bool]:
    """Open cases, and closed ones still owing what RULES_FOR_CLOSED_CASES ask of them: the reply to the applicant
    and the entry of services into the national system. Closed cases pile up over the years; their facts are not
    read for nothing (tests/services/test_team_overview.py holds this to the rules)."""
    unanswered = and_(Case.intake_assessed_on.is_not(None), Case.reply_sent_on.is_(None))
    unregistered = exists().where(
        ServiceRecord.case_id == Case.id,
        ServiceRecord.deleted.is_(False),
        ServiceRecord.status == RecordStatus.FINAL,
        ServiceRecord.registered_on.is_(None),
    )
    return and_(_live(owners), or_(_open(), unanswered, unregistered))


def _facts(session: Session, owners: Collection[str] | None) -> dict[str, CaseFacts]:
    """The deadline engine's facts of the cases that may owe something (all open ones among them)."""
    conn = session.connection()
    keys = conn.execute(select(type_coerce(Case.id, String)).where(_may_owe(owners))).scalars().all()
    return _due_facts(conn, json.dumps(list(keys))) if keys else {}


# --- sync conflicts ----------------------------------------------------------------------------------------------


def _conflict_branch(name: str, anchor: Anchor, model: type[Any]) -> Select[uuid.UUID, uuid.UUID, str] | None:
    """(conflict id, case id, owner) of the open conflicts on records of type `name`, through the record's anchor."""
    table = sa_inspect(model).local_table
    query = select(SyncConflict.id, Case.id.label("case_id"), Case.owner).select_from(SyncConflict)
    record = table.c.id == SyncConflict.record_id
    if anchor is Anchor.CASE:
        query = query.join(Case, Case.id == SyncConflict.record_id)
    elif anchor in (Anchor.CASE_CHILD, Anchor.CASE_OR_TEAM):
        query = query.join(table, record).join(Case, Case.id == table.c.case_id)
    elif anchor is Anchor.PLAN_CHILD:
        query = query.join(table, record).join(ServicePlan, ServicePlan.id == table.c.plan_id)
        query = query.join(Case, Case.id == ServicePlan.case_id)
    elif anchor is Anchor.CLIENT:
        query = query.join(Case, Case.client_id == SyncConflict.record_id)
    elif anchor is Anchor.CLIENT_CHILD:
        query = query.join(table, record).join(Case, Case.client_id == table.c.client_id)
    elif anchor is Anchor.CASE_OR_CLIENT:
        by_client = and_(table.c.case_id.is_(None), Case.client_id == table.c.client_id)
        query = query.join(table, record).join(Case, or_(Case.id == table.c.case_id, by_client))
    else:
        return None  # the directory belongs to nobody's cases
    return query.where(SyncConflict.resolved.is_(False), SyncConflict.record_type == name, Case.deleted.is_(False))


def conflict_cases(session: Session) -> list[tuple[uuid.UUID, uuid.UUID, str]]:
    """(conflict id, case id, case owner) of every open sync conflict on a record of a case, in two queries (which
    record types have conflicts, then one branch per type). A conflict on a client's own record counts for each of
    the client's cases."""
    present = session.scalars(select(SyncConflict.record_type).where(SyncConflict.resolved.is_(False)).distinct())
    types = record_types()
    branches = [
        branch
        for name in sorted(present)
        if name in types and (branch := _conflict_branch(name, types[name].anchor, types[name].model)) is not None
    ]
    if not branches:
        return []
    return [(conflict_id, case_id, owner) for conflict_id, case_id, owner in session.execute(union_all(*branches))]


# --- the overview -----------------------------------------------------------------------------------------------


def _owner_counties(session: Session, year: int, owners: Collection[str] | None) -> dict[str, str]:
    """Each owner's county for the target: the most frequent county of their VR cases served this year."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    counted: dict[str, Counter[str]] = defaultdict(Counter)
    for owner, county, n in session.execute(
        select(Case.owner, Case.county, func.count())
        .where(_live(owners), Case.programme == Programme.VR, kpi_report.served_in(start, end))
        .group_by(Case.owner, Case.county)
    ):
        counted[owner][county] = n
    return {owner: counts.most_common(1)[0][0] for owner, counts in counted.items()}


def _target(county: str) -> int:
    try:
        return codes.county(county).target_per_manager if county else 0
    except codes.CodeListError:
        return 0  # a county an agency has since removed from its list: no target to compare with


@dataclass
class _Tally:
    open_cases: int = 0
    new_this_month: int = 0
    overdue_cases: int = 0
    conflicts: int = 0
    overdue: Counter[DeadlineRule] = field(default_factory=Counter)
    contact_days: list[int] = field(default_factory=list)
    vr: dict[VrCount, int] = field(default_factory=dict)


def _row(owner: str, tally: _Tally, county: str, case_managers: int) -> ManagerRow:
    days = tally.contact_days
    return ManagerRow(
        owner=owner,
        open_cases=tally.open_cases,
        new_this_month=tally.new_this_month,
        overdue={rule: tally.overdue[rule] for rule in OVERDUE_RULES},
        overdue_cases=tally.overdue_cases,
        contact_days_max=max(days) if days else None,
        contact_days_median=statistics.median(days) if days else None,
        conflicts=tally.conflicts,
        county=county,
        served=kpi.served_count(
            tally.vr.get(VrCount.OPENED, 0), tally.vr.get(VrCount.CARRIED, 0), case_managers, _target(county)
        ),
    )


def team_overview(
    session: Session, on: date | None = None, *, owners: Collection[str] | None = None, county: str | None = None
) -> TeamOverview:
    """The overview of `owners` (default: everyone owning a case in the store, a supervisor's team) on `on` (default:
    today in Taiwan). `county` is the unit's county for every target (default: each case manager's own, see
    `_owner_counties`)."""
    on = on or clock.today()
    first, last = _month(on)
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    team = _Tally()

    opened_now = _opened_in(first, last)
    for owner, open_cases, new in session.execute(
        select(Case.owner, func.sum(case((_open(), 1), else_=0)), func.sum(case((opened_now, 1), else_=0)))
        .where(_live(owners))
        .group_by(Case.owner)
    ):
        for target in (tallies[owner], team):
            target.open_cases += int(open_cases or 0)
            target.new_this_month += int(new or 0)

    calendar = national_calendar()
    for facts in _facts(session, owners).values():
        tally = tallies[facts.owner]
        late = _overdue_rules(facts, on, calendar)
        for target in (tally, team):
            target.overdue.update(late.keys())
            target.overdue_cases += bool(late)
        days = _contact_days(facts, on)
        if days is not None:
            tally.contact_days.append(days)
            team.contact_days.append(days)

    seen: dict[str, set[uuid.UUID]] = defaultdict(set)
    for conflict_id, _case_id, owner in conflict_cases(session):
        if owners is None or owner in owners:
            seen[owner].add(conflict_id)
    on_team: set[uuid.UUID] = set().union(*seen.values())
    for owner, conflicts in seen.items():
        tallies[owner].conflicts = len(conflicts)
    team.conflicts = len(on_team)
    # The rest are on records of no case of the team: the directory, notes without a case, others' cases.
    other = (session.scalar(select(func.count()).where(SyncConflict.resolved.is_(False))) or 0) - len(on_team)

    for owner, counts in kpi_report.vr_counts_by_owner(session, on.year).items():
        if owners is None or owner in owners:
            tallies[owner].vr = counts
            for which, n in counts.items():
                team.vr[which] = team.vr.get(which, 0) + n

    counties = _owner_counties(session, on.year, owners)
    rows = tuple(
        _row(owner, tallies[owner], county or counties.get(owner, ""), 1)
        for owner in sorted(tallies)
        if owners is None or owner in owners
    )
    unit_county = county or (Counter(counties.values()).most_common(1)[0][0] if counties else "")
    return TeamOverview(
        on=on,
        year=on.year,
        rows=rows,
        total=_row("", team, unit_county, max(len(rows), 1)),
        other_conflicts=int(other),
    )


# --- drill-down -------------------------------------------------------------------------------------------------


def cell_case_ids(session: Session, owner: str | None, column: Column, on: date | None = None) -> list[uuid.UUID]:
    """The cases behind one cell of `team_overview` (`owner` None: the team's total), most pressing first: overdue
    ones by their earliest overdue date, contacts longest ago first, the others by opening date."""
    on = on or clock.today()
    owners = None if owner is None else (owner,)
    if isinstance(column, DeadlineRule) or column in (Cell.OVERDUE, Cell.CONTACT):
        return _by_facts(session, owners, column, on)
    if column is Cell.CONFLICTS:
        found = {case_id for _, case_id, who in conflict_cases(session) if owner is None or who == owner}
        return _ordered(session, found)
    if column is Cell.SERVED:
        ids = kpi_report.vr_case_ids(session, on.year, VrCount.CARRIED, owner=owner)
        return ids + kpi_report.vr_case_ids(session, on.year, VrCount.OPENED, owner=owner)
    first, last = _month(on)
    condition = (
        _open() if column is Cell.OPEN else and_(Case.opened_on.is_not(None), Case.opened_on.between(first, last))
    )
    query = select(Case.id).where(_live(owners), condition)
    return list(session.scalars(query.order_by(func.coalesce(Case.opened_on, Case.application_date), Case.id)))


def _by_facts(session: Session, owners: Collection[str] | None, column: Column, on: date) -> list[uuid.UUID]:
    calendar = national_calendar()
    keyed: list[tuple[Any, uuid.UUID]] = []
    for facts in _facts(session, owners).values():
        if column is Cell.CONTACT:
            days = _contact_days(facts, on)
            if days is not None:
                keyed.append((-days, facts.case_id))
            continue
        late = _overdue_rules(facts, on, calendar)
        if column is Cell.OVERDUE and late:
            keyed.append((min(late.values()), facts.case_id))
        elif isinstance(column, DeadlineRule) and column in late:
            keyed.append((late[column], facts.case_id))
    return [case_id for _, case_id in sorted(keyed, key=lambda pair: (pair[0], str(pair[1])))]


def _ordered(session: Session, ids: Iterable[uuid.UUID]) -> list[uuid.UUID]:
    wanted = list(ids)
    if not wanted:
        return []
    query = select(Case.id).where(Case.id.in_(wanted)).order_by(Case.opened_on, Case.id)
    return list(session.scalars(query))
