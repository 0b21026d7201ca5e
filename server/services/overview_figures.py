"""團隊總覽 (GET /api/v1/team/overview) computed in the database: per case manager, open cases, new this month,
days since the last contact and open conflicts. How the statement is built and how each figure matches the laptop's
own computation: server.services.team_figures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, case, distinct, func, literal, or_, select, union_all
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from app.models.enums import ContactOutcome, RecordStatus, Stage
from server.models import CaseAccess, Record, SyncConflict
from server.services.sqlexpr import (
    as_date,
    days_between,
    greatest,
    local_date,
    text_of,
)
from server.services.team_figures import case_managers, day_literal, materialised, prefer_probes, tagged, team_cases


@dataclass(frozen=True)
class ManagerOverview:
    owner: str  # "" for the team's total
    display_name: str
    open_cases: int
    new_this_month: int
    contact_days_max: int | None  # None: no opened, open case
    contact_days_median: float | None
    conflicts: int  # open sync conflicts on records of their cases


@dataclass(frozen=True)
class TeamOverview:
    on: date
    rows: tuple[ManagerOverview, ...]  # by username
    total: ManagerOverview


def _month(on: date) -> tuple[date, date]:
    following = date(on.year + on.month // 12, on.month % 12 + 1, 1)
    return on.replace(day=1), date.fromordinal(following.toordinal() - 1)


def _is_open(cases: Any) -> ColumnElement[bool]:
    return and_(cases.c.closed_on.is_(None), cases.c.stage != Stage.G.value)


def team_overview(session: Session, team_id: int, on: date) -> TeamOverview:
    prefer_probes(session)
    cases = team_cases(team_id)
    first, last = _month(on)
    counts = (
        select(
            cases.c.owner.label("owner"),
            func.sum(case((_is_open(cases), 1), else_=0)).label("open_cases"),
            func.sum(case((cases.c.opened_on.between(day_literal(first), day_literal(last)), 1), else_=0)).label("new"),
        )
        .group_by(cases.c.owner)
        .subquery()
    )
    days = _contact_days(cases, on)
    parts = union_all(
        tagged("n", counts.c.owner, counts.c.open_cases, counts.c.new).select_from(counts),
        *(_max_and_median(days, by_owner=by_owner) for by_owner in (True, False)),
    )
    counted: dict[str, tuple[int, int]] = {}
    contact: dict[str, tuple[int | None, float | None]] = {}
    for kind, owner, v0, v1, _, _ in session.execute(parts):
        if kind == "n":
            counted[owner] = (int(v0 or 0), int(v1 or 0))
        else:
            contact["" if kind == "t" else owner] = (int(v0), float(v1))
    conflicts = _conflicts(session, team_id)
    names = case_managers(session, team_id)
    rows = tuple(
        ManagerOverview(
            owner=owner,
            display_name=names.get(owner, ""),
            open_cases=counted.get(owner, (0, 0))[0],
            new_this_month=counted.get(owner, (0, 0))[1],
            contact_days_max=contact.get(owner, (None, None))[0],
            contact_days_median=contact.get(owner, (None, None))[1],
            conflicts=conflicts.get(owner, 0),
        )
        for owner in sorted(names)
    )
    team_max, team_median = contact.get("", (None, None))
    total = ManagerOverview(
        owner="",
        display_name="",
        open_cases=sum(row.open_cases for row in rows),
        new_this_month=sum(row.new_this_month for row in rows),
        contact_days_max=team_max,
        contact_days_median=team_median,
        conflicts=conflicts.get("", 0),
    )
    return TeamOverview(on=on, rows=rows, total=total)


def _contact_days(cases: Any, on: date) -> Any:
    """(owner, days since the last contact) of each opened, open case of the team. A case's last contact is two
    correlated subqueries, each a probe of the index on (case, type) for the case's final service records and
    successful contact attempts, not a scan of all records."""
    service, attempt = aliased(Record), aliased(Record)
    last_service = (
        select(func.max(text_of(service.data, "held_on")))
        .where(
            service.case_id == cases.c.case_id,
            service.record_type == "service_record",
            service.deleted.is_(False),
            text_of(service.data, "status") == RecordStatus.FINAL.value,
        )
        .scalar_subquery()
    )
    last_reached = (
        select(func.max(text_of(attempt.data, "attempted_at")))
        .where(
            attempt.case_id == cases.c.case_id,
            attempt.record_type == "contact_attempt",
            attempt.deleted.is_(False),
            text_of(attempt.data, "outcome") == ContactOutcome.REACHED.value,
        )
        .scalar_subquery()
    )
    # Each subquery appears once (greatest ignores a null), and the days are materialised before the window
    # functions read them: an inlined expression would run the subqueries again for each use.
    last = func.coalesce(greatest(as_date(last_service), local_date(last_reached)), cases.c.opened_on)
    query = select(cases.c.owner.label("owner"), days_between(last, day_literal(on)).label("days")).where(
        _is_open(cases), cases.c.opened_on.is_not(None)
    )
    return materialised(query, "contact_days")


def _max_and_median(days: Any, *, by_owner: bool) -> Any:
    """Tagged rows "c" (per owner) or "t" (the team): the longest and the median number of days, the median by
    row numbers (which PostgreSQL and SQLite both have)."""
    group = days.c.owner if by_owner else literal("")
    partition = days.c.owner if by_owner else None
    ranked = select(
        group.label("owner"),
        days.c.days,
        func.row_number().over(partition_by=partition, order_by=days.c.days).label("n"),
        func.count().over(partition_by=partition).label("of"),
        func.max(days.c.days).over(partition_by=partition).label("longest"),
    ).subquery()
    middle = or_(ranked.c.n == (ranked.c.of + 1) // 2, ranked.c.n == (ranked.c.of + 2) // 2)
    rows = tagged("c" if by_owner else "t", ranked.c.owner, func.max(ranked.c.longest), func.avg(ranked.c.days))
    return rows.where(middle).group_by(ranked.c.owner)


def _conflicts(session: Session, team_id: int) -> dict[str, int]:
    """Open sync conflicts per owner ("" for the team): on a record of one of their cases, or on a client-level
    record (the client, a certificate) of one of their cases' clients, counted once per owner."""
    rec = aliased(Record)
    case_rec = aliased(Record)
    joined = (
        select(CaseAccess.owner.label("owner"), SyncConflict.id.label("conflict_id"))
        .select_from(SyncConflict)
        .join(rec, rec.id == SyncConflict.record_id)
        .join(
            CaseAccess,
            or_(
                CaseAccess.case_id == rec.case_id,
                and_(rec.case_id.is_(None), rec.client_id.is_not(None), CaseAccess.client_id == rec.client_id),
            ),
        )
        .join(case_rec, and_(case_rec.id == CaseAccess.case_id, case_rec.deleted.is_(False)))
        .where(SyncConflict.resolved.is_(False), CaseAccess.team_id == team_id)
        .cte("team_conflicts")
    )
    per_owner = select(joined.c.owner, func.count(distinct(joined.c.conflict_id))).group_by(joined.c.owner)
    team = select(literal(""), func.count(distinct(joined.c.conflict_id)))
    found = {owner: int(n) for owner, n in session.execute(per_owner)}
    found[""] = int(session.execute(team).one()[1] or 0)
    return found
