"""績效指標 (GET /api/v1/team/kpi) computed in the database: 結案率, 服務人數, 推介成功 and 就業成功 per case manager,
through the foundation's formulas (app.services.kpi). How the statement is built and how each figure matches the
laptop's own computation: server.services.team_figures."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Any, Final

from sqlalchemy import Float, and_, case, cast, func, literal, null, or_, select, union_all
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from app.models.enums import EmploymentProof, Programme
from app.services import codes, kpi
from app.services.kpi_report import MINIMUM_WAGE
from app.services.supported_employment import (
    EMPLOYMENT_SUCCESS_MONTHS,
    INTENSIVE_SUPPORT_MIN_WORKING_DAYS,
    MIN_WEEKLY_HOURS,
    SMALL_FIRM_MAX_SIZE,
    SMALL_FIRM_PROOFS,
)
from server.models import Record
from server.services.sqlexpr import (
    date_of,
    flag_of,
    greatest,
    least,
    number_of,
    period_last_day,
    text_of,
)
from server.services.team_figures import case_managers, day_literal, materialised, prefer_probes, team_cases

FULL_TIME_HOURS: Final = 40  # a monthly wage is checked against the monthly minimum for full-time jobs (kpi_report)


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
    prefer_probes(session)
    start, end = date(year, 1, 1), date(year, 12, 31)
    cases = team_cases(team_id)
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
    opened = cases.c.opened_on.between(day_literal(start), day_literal(end))
    not_closed_before = or_(cases.c.closed_on.is_(None), cases.c.closed_on >= day_literal(start))
    carried = and_(cases.c.opened_on < day_literal(start), not_closed_before)
    closed = cases.c.closed_on.between(day_literal(start), day_literal(end))
    served = and_(cases.c.opened_on <= day_literal(end), not_closed_before)
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
            (start_on.between(day_literal(date(y, 1, 1)), day_literal(date(y, 12, 31))), w[pick])
            for y, w in MINIMUM_WAGE.items()
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
    last_day = least(func.coalesce(end_on, day_literal(as_of)), day_literal(end), day_literal(as_of))
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
        start_on >= day_literal(start),
        start_on <= least(day_literal(end), day_literal(as_of)),
        last_day >= start_on,
        proved,
    )
    before_service = and_(flag_of(data, "employed_before_service").is_(True), cases.c.opened_on.is_not(None))
    first = case((before_service, greatest(cases.c.opened_on, start_on)), else_=start_on)
    third_month = period_last_day(first, EMPLOYMENT_SUCCESS_MONTHS)
    hours = number_of(data, "hours_per_week")
    succeeded = and_(
        competitive,
        third_month.between(day_literal(start), day_literal(end)),
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
    return materialised(query, "team_jobs")


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
