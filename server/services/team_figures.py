"""A team's figures, computed in the database from the synced records: 團隊總覽 (GET /api/v1/team/overview) and
績效指標 (GET /api/v1/team/kpi).

Every figure is an aggregate query over `record.data` (JSONB operators on PostgreSQL, server.services.sqlexpr)
joined to `case_access` for the team, never a load of records into Python; only the per-owner results (a few numbers
per case manager) reach Python, where the formulas of the foundation (app.services.kpi: closure_rate, served_count)
are applied to them, so the rate and the carry-over cap are the very functions the laptops use.

Each endpoint reads the team's case records once: one statement whose first (materialised) step fetches them by
primary key through `case_access`, and whose parts come back as rows tagged with what they are. A case's own records
are found by probing the index on (case, type) (migration 0004), so the cost follows the team's size, not the
table's: bench/bench_server_aggregates.py, 10,000 cases of a 100,000-case database. On PostgreSQL the statements run
with `random_page_cost` 1.1 (`_prefer_probes`).

How each figure relates to the laptop's own computation (tests/server/test_team_figures.py holds them equal):

- open cases, new this month, days since the last contact (longest and median over opened, open cases), open
  conflicts: app.services.team_overview.team_overview's `open_cases`, `new_this_month`, `contact_days_max`,
  `contact_days_median`, `conflicts` (the last contact is the latest final service record or successful contact
  attempt, on its day in Taiwan; never contacted counts from the opening).
- 結案率 numerator and denominator, 服務人數: app.services.kpi_report.vr_counts_by_owner's 結案 / (當年度新開案 +
  前一年度未結案) of VR cases, through kpi.closure_rate and kpi.served_count (one case manager, the county's target).
- 推介成功 and 就業成功 (支持性, 一般性), in people: app.services.kpi_report.period_outcomes(…).by_owner over the
  year, every programme; the job rules of app.services.supported_employment (勞保 or a small firm's proof; three
  calendar months by 民法 §121, 20 hours a week, the year's minimum wage from kpi_report.MINIMUM_WAGE; 支持性 needs
  ten days of intensive support, and a person counted 支持性 is never also 一般性). One difference: a job marked
  employed before service whose case opened before the job started is refused by the laptop's rules as inconsistent
  (a ValidationError); here it counts from the later of the two dates.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Any, Final

from sqlalchemy import Date, Float, and_, case, cast, distinct, func, literal, null, or_, select, text, union_all
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from app.models.enums import ContactOutcome, EmploymentProof, Programme, RecordStatus, Stage
from app.services import codes, kpi
from app.services.kpi_report import MINIMUM_WAGE
from app.services.supported_employment import (
    EMPLOYMENT_SUCCESS_MONTHS,
    INTENSIVE_SUPPORT_MIN_WORKING_DAYS,
    MIN_WEEKLY_HOURS,
    SMALL_FIRM_MAX_SIZE,
    SMALL_FIRM_PROOFS,
)
from server.models import CaseAccess, Record, Role, SyncConflict, User
from server.services.sqlexpr import (
    as_date,
    date_of,
    days_between,
    flag_of,
    greatest,
    least,
    local_date,
    number_of,
    period_last_day,
    text_of,
)

FULL_TIME_HOURS: Final = 40  # a monthly wage is checked against the monthly minimum for full-time jobs (kpi_report)


def _day(value: date) -> ColumnElement[Any]:
    return literal(value, Date())


def _prefer_probes(session: Session) -> None:
    """Let PostgreSQL fetch a team's records by index (for this transaction only). Its default cost of a random page
    read (4.0, made for spinning disks) makes the planner scan all of `record` rather than fetch 10,000 cases by
    primary key: 215 ms instead of 110 ms in the benchmark. On SSDs, and with the table in memory, 1.1 is the usual
    setting; a server already configured so loses nothing."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SET LOCAL random_page_cost = 1.1"))


def _materialised(query: Any, name: str) -> Any:
    """A CTE computed once per statement, however often the statement reads it (PostgreSQL would otherwise inline
    one that is read once, and run a correlated subquery in it again for each use)."""
    return query.cte(name).prefix_with("MATERIALIZED", dialect="postgresql")


def _team_cases(team_id: int) -> Any:
    """(owner, case id, client id, opened_on, closed_on, stage, programme, county) of the team's live cases."""
    rec = aliased(Record)
    query = (
        select(
            CaseAccess.owner.label("owner"),
            rec.id.label("case_id"),
            rec.client_id.label("client_id"),
            date_of(rec.data, "opened_on").label("opened_on"),
            date_of(rec.data, "closed_on").label("closed_on"),
            text_of(rec.data, "stage").label("stage"),
            text_of(rec.data, "programme").label("programme"),
            text_of(rec.data, "county").label("county"),
        )
        # Only cases have a case_access row (records.case_created), so no record_type test: it would only mislead
        # the planner's estimate into scanning every record instead of fetching the team's by primary key.
        .join(rec, rec.id == CaseAccess.case_id)
        .where(CaseAccess.team_id == team_id, rec.deleted.is_(False))
    )
    return _materialised(query, "team_cases")


def case_managers(session: Session, team_id: int) -> dict[str, str]:
    """The team's case managers (username → display name), and anyone else owning one of its cases."""
    query = select(User.username, User.display_name).where(User.team_id == team_id, User.role == Role.CASE_MANAGER)
    found = {username: name for username, name in session.execute(query).all()}
    for owner in session.scalars(select(CaseAccess.owner).where(CaseAccess.team_id == team_id).distinct()):
        found.setdefault(owner, "")
    return found


def _tagged(kind: str, owner: Any, *values: Any) -> Any:
    """One row shape for every part of a statement: (kind, owner, v1 … v4), numbers as floats or null."""
    padded = [*values, *([None] * (4 - len(values)))]
    return select(
        literal(kind).label("kind"),
        owner.label("owner"),
        *(cast(v, Float).label(f"v{i}") if v is not None else null().label(f"v{i}") for i, v in enumerate(padded)),
    )


# --- 團隊總覽 --------------------------------------------------------------------------------------------------------


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
    _prefer_probes(session)
    cases = _team_cases(team_id)
    first, last = _month(on)
    counts = (
        select(
            cases.c.owner.label("owner"),
            func.sum(case((_is_open(cases), 1), else_=0)).label("open_cases"),
            func.sum(case((cases.c.opened_on.between(_day(first), _day(last)), 1), else_=0)).label("new"),
        )
        .group_by(cases.c.owner)
        .subquery()
    )
    days = _contact_days(cases, on)
    parts = union_all(
        _tagged("n", counts.c.owner, counts.c.open_cases, counts.c.new).select_from(counts),
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
    query = select(cases.c.owner.label("owner"), days_between(last, _day(on)).label("days")).where(
        _is_open(cases), cases.c.opened_on.is_not(None)
    )
    return _materialised(query, "contact_days")


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
    tagged = _tagged("c" if by_owner else "t", ranked.c.owner, func.max(ranked.c.longest), func.avg(ranked.c.days))
    return tagged.where(middle).group_by(ranked.c.owner)


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


# --- 績效指標 --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ManagerKpi:
    owner: str  # "" for the team's total
    display_name: str
    county: str  # whose target applies ("" when unknown)
    opened: int  # 當年度新開案 (VR)
    carried: int  # 前一年度未結案 (VR)
    closed: int  # 結案 (VR)
    closure_rate: Fraction | None  # kpi.closure_rate: closed ÷ (opened + carried)
    meets_closure_target: bool | None
    served: kpi.ServedCount  # kpi.served_count (the carry-over capped at 50 % of the target)
    placed: int  # 推介成功 (people)
    supported_successes: int  # 支持性就業成功 (people)
    general_successes: int  # 一般性就業成功 only (people)

    @property
    def employment_successes(self) -> int:
        return self.supported_successes + self.general_successes


@dataclass(frozen=True)
class TeamKpi:
    year: int
    as_of: date
    rows: tuple[ManagerKpi, ...]
    total: ManagerKpi


def team_kpi(session: Session, team_id: int, year: int, as_of: date) -> TeamKpi:
    _prefer_probes(session)
    start, end = date(year, 1, 1), date(year, 12, 31)
    cases = _team_cases(team_id)
    vr = select(
        cases.c.owner.label("owner"),
        cases.c.county.label("county"),
        *(func.sum(case((c, 1), else_=0)).label(f"n{i}") for i, c in enumerate(_vr_conditions(cases, start, end))),
    )
    vr = vr.where(cases.c.programme == Programme.VR.value, cases.c.opened_on.is_not(None))
    vr_rows = vr.group_by(cases.c.owner, cases.c.county).subquery()
    jobs = _jobs(cases, start, end, as_of)
    parts = union_all(
        select(
            literal("v").label("kind"),
            vr_rows.c.owner,
            vr_rows.c.county,
            *(cast(vr_rows.c[f"n{i}"], Float).label(f"v{i}") for i in range(4)),
        ),
        *(_people(jobs, by_owner=by_owner) for by_owner in (True, False)),
    )
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    counted_in: dict[str, Counter[str]] = defaultdict(Counter)
    people: dict[str, tuple[int, int, int]] = {}
    for kind, owner, county, v0, v1, v2, v3 in session.execute(parts):
        if kind == "v":
            for i, n in enumerate((v0, v1, v2)):
                counts[owner][i] += int(n or 0)
            if v3:
                counted_in[owner][county or ""] += int(v3)
        else:
            people["" if kind == "t" else owner] = (int(v0 or 0), int(v1 or 0), int(v2 or 0))
    counties = {owner: _most_frequent(found) for owner, found in counted_in.items()}
    names = case_managers(session, team_id)
    rows = tuple(
        _kpi_row(owner, names.get(owner, ""), counties.get(owner, ""), tuple(counts[owner]), 1, people)
        for owner in sorted(names)
    )
    unit_county = _most_frequent(Counter(counties.values())) if counties else ""
    sums = tuple(sum(row[i] for row in counts.values()) for i in range(3))
    total = _kpi_row("", "", unit_county, sums, max(len(rows), 1), people)
    return TeamKpi(year=year, as_of=as_of, rows=rows, total=total)


def _most_frequent(counted: Counter[str]) -> str:
    """The most frequent county; a tie goes to the first code (the laptop's overview takes whichever it met first,
    so the two agree whenever there is no tie)."""
    return min(counted.items(), key=lambda pair: (-pair[1], pair[0]))[0]


def _vr_conditions(cases: Any, start: date, end: date) -> tuple[ColumnElement[bool], ...]:
    """kpi_report's counts of a VR case (opened this year, carried over, closed this year), and whether it was
    served in the year (whose county sets the target: team_overview._unit_county)."""
    opened = cases.c.opened_on.between(_day(start), _day(end))
    not_closed_before = or_(cases.c.closed_on.is_(None), cases.c.closed_on >= _day(start))
    carried = and_(cases.c.opened_on < _day(start), not_closed_before)
    closed = cases.c.closed_on.between(_day(start), _day(end))
    served = and_(cases.c.opened_on <= _day(end), not_closed_before)
    return opened, carried, closed, served


def _target(county: str) -> int:
    try:
        return kpi.county_target(county) if county else 0
    except codes.CodeListError:
        return 0


def _kpi_row(
    owner: str,
    display_name: str,
    county: str,
    counts: tuple[int, ...],
    case_managers: int,
    people: dict[str, tuple[int, int, int]],
) -> ManagerKpi:
    opened, carried, closed = counts
    rate = kpi.closure_rate(closed, opened, carried)
    placed, supported, general = people.get(owner, (0, 0, 0))
    return ManagerKpi(
        owner=owner,
        display_name=display_name,
        county=county,
        opened=opened,
        carried=carried,
        closed=closed,
        closure_rate=rate,
        meets_closure_target=kpi.meets_closure_target(rate),
        served=kpi.served_count(opened, carried, case_managers, _target(county)),
        placed=placed,
        supported_successes=supported,
        general_successes=general,
    )


def _lawful(start_on: ColumnElement[Any], monthly: Any, hourly: Any, hours: Any) -> ColumnElement[bool]:
    """kpi_report._lawful: the wage of the job's first year against that year's minimum (the latest known when the
    year is not in the table)."""
    latest = MINIMUM_WAGE[max(MINIMUM_WAGE)]

    def minimum(pick: int) -> Any:
        years = (
            (start_on.between(_day(date(y, 1, 1)), _day(date(y, 12, 31))), w[pick]) for y, w in MINIMUM_WAGE.items()
        )
        return case(*years, else_=latest[pick])

    return case(
        (and_(monthly.is_not(None), hours >= FULL_TIME_HOURS), monthly >= minimum(0)),
        (hourly.is_not(None), hourly >= minimum(1)),
        else_=True,
    )


def _jobs(cases: Any, start: date, end: date, as_of: date) -> Any:
    """(owner, client, placed, 支持性 success, 一般性 success) of every job of the team's cases, each a 0/1."""
    job = aliased(Record)
    data = job.data
    start_on, end_on = date_of(data, "start_on"), date_of(data, "end_on")
    last_day = least(func.coalesce(end_on, _day(as_of)), _day(end), _day(as_of))
    competitive = flag_of(data, "competitive").is_(True)
    proof = text_of(data, "proof")
    size = number_of(data, "employer_size")
    proved = or_(
        text_of(data, "labour_insurance_on").is_not(None),
        proof == EmploymentProof.LABOUR_INSURANCE.value,
        and_(size.is_not(None), size <= SMALL_FIRM_MAX_SIZE, proof.in_(sorted(p.value for p in SMALL_FIRM_PROOFS))),
    )
    placed = and_(
        competitive,
        start_on >= _day(start),
        start_on <= least(_day(end), _day(as_of)),
        last_day >= start_on,
        proved,
    )
    before_service = and_(flag_of(data, "employed_before_service").is_(True), cases.c.opened_on.is_not(None))
    first = case((before_service, greatest(cases.c.opened_on, start_on)), else_=start_on)
    third_month = period_last_day(first, EMPLOYMENT_SUCCESS_MONTHS)
    hours = number_of(data, "hours_per_week")
    succeeded = and_(
        competitive,
        third_month.between(_day(start), _day(end)),
        last_day >= start_on,
        last_day >= third_month,
        hours >= MIN_WEEKLY_HOURS,
        _lawful(start_on, number_of(data, "monthly_wage"), number_of(data, "hourly_wage"), hours),
    )
    supported = and_(
        flag_of(data, "supported").is_(True),
        number_of(data, "intensive_support_days") >= INTENSIVE_SUPPORT_MIN_WORKING_DAYS,
    )
    query = (
        select(
            cases.c.owner.label("owner"),
            cases.c.client_id.label("client_id"),
            case((placed, 1), else_=0).label("placed"),
            case((and_(succeeded, supported), 1), else_=0).label("supported"),
            case((and_(succeeded, ~supported), 1), else_=0).label("general"),
        )
        .select_from(cases)
        .join(job, and_(job.case_id == cases.c.case_id, job.record_type == "employment", job.deleted.is_(False)))
    )
    return _materialised(query, "team_jobs")


def _people(jobs: Any, *, by_owner: bool) -> Any:
    """Tagged rows "p" (per owner) or "t" (the team): each person once, counted 推介成功 if any job placed them,
    支持性 if any job was a 支持性 success, 一般性 only if a job was a success and none 支持性."""
    owner = jobs.c.owner if by_owner else literal("")
    keys = [jobs.c.owner, jobs.c.client_id] if by_owner else [jobs.c.client_id]
    person = (
        select(
            owner.label("owner"),
            func.max(jobs.c.placed).label("placed"),
            func.max(jobs.c.supported).label("supported"),
            func.max(jobs.c.general).label("general"),
        )
        .group_by(*keys)
        .subquery()
    )
    general_only = case((and_(person.c.general == 1, person.c.supported == 0), 1), else_=0)
    sums = (func.sum(person.c.placed), func.sum(person.c.supported), func.sum(general_only))
    tagged = select(
        literal("p" if by_owner else "t").label("kind"),
        person.c.owner,
        null().label("county"),
        *(cast(v, Float).label(f"v{i}") for i, v in enumerate(sums)),
        null().label("v3"),
    )
    return tagged.group_by(person.c.owner)
