"""The statutory KPIs of one year, read from the store and computed by the formulas of kpi.py and
supported_employment.py (the same functions the supervisor dashboard and the monthly reports use).

推介成功 and 就業成功 are counted in people (人, 003 三(三)(四)(五) and 四), not in jobs: a client with two qualifying
jobs in a year counts once, and a client is the person (Client), whichever of their cases the jobs belong to.
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from fractions import Fraction

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session

from app.models import Case, Employment
from app.models.enums import EmploymentProof, Programme
from app.services import codes, kpi
from app.services.supported_employment import (
    GROUP_STABLE_MONTHS,
    CoachYear,
    GroupModelResult,
    SupportedEmploymentCounts,
    SupportedEmploymentResult,
    counted_weight,
    evaluate_group_model,
    evaluate_supported_employment,
    has_worked_months,
    is_employment_success,
    is_placement_success,
    is_supported_employment,
    period_last_day,
)

# 基本工資 (勞動部公告): a wage below the year's minimum is not lawful terms for 就業成功 (003 三(五)).
MINIMUM_WAGE = {2023: (26400, 176), 2024: (27470, 183), 2025: (28590, 190), 2026: (29500, 196)}


@dataclass(frozen=True)
class VrYear:
    """職業重建個案管理: 結案率 and 服務人數 of one year (002 附件一 三(六), 附件四 註三)."""

    year: int
    county: str
    case_managers: int
    opened_this_year: int
    open_from_last_year: int
    closed: int
    closure_rate: Fraction | None
    meets_closure_target: bool | None
    served: kpi.ServedCount


@dataclass(frozen=True)
class GroupModelCoachYear:
    """One 就業服務員's group-model (群組服務模式) placements of a year against 003 三(三)2.

    Clients served are the people whose group placement started in the year; stable ones have stayed in it
    ≥ 6 months by the as-of date. The store has no group identifier, so one placement (每次) is the clients
    placed with the same employer on the same start date; `group_sizes` are their sizes.
    """

    owner: str
    group_sizes: tuple[int, ...]
    result: GroupModelResult


@dataclass(frozen=True)
class SupportedEmploymentYear:
    """支持性就業服務 of one year against its targets (003 三(三)).

    `counts` and `result` are the individual model (個別服務模式): group-model jobs are left out of them and
    evaluated per coach in `group_model` instead.
    """

    year: int
    counts: SupportedEmploymentCounts
    result: SupportedEmploymentResult | None  # None when the year had no 就業服務員 with cases
    group_model: tuple[GroupModelCoachYear, ...] = ()


@dataclass(frozen=True)
class EmploymentOutcomes:
    """推介成功 and 就業成功 over every programme and both service models, in people (003 三(四)(五))."""

    placements: int
    employment_successes: int


@dataclass(frozen=True)
class YearKpi:
    vr: VrYear
    supported_employment: SupportedEmploymentYear
    outcomes: EmploymentOutcomes


def _year_bounds(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


class VrCount(StrEnum):
    """The three counts of 結案率 and 服務人數 (002 附件一 三(六), 附件四 註三), as `vr_year` counts them."""

    OPENED = "opened"  # 當年度新開案
    CARRIED = "carried"  # 前一年度未結案 (opened before the year, not closed before it began)
    CLOSED = "closed"  # 結案


def served_in(start: date, end: date) -> ColumnElement[bool]:
    """Cases served in a period: opened by its end and not closed before its start (vr_year's active cases, the
    monthly reports' 服務中 cases)."""
    return and_(
        Case.deleted.is_(False),
        Case.opened_on.is_not(None),
        Case.opened_on <= end,
        or_(Case.closed_on.is_(None), Case.closed_on >= start),
    )


def _vr_cases(county: str | None) -> ColumnElement[bool]:
    vr = and_(Case.programme == Programme.VR, Case.deleted.is_(False), Case.opened_on.is_not(None))
    return vr if county is None else and_(vr, Case.county == codes.county(county).code)


def _vr_counts(year: int) -> dict[VrCount, ColumnElement[bool]]:
    start, end = _year_bounds(year)
    return {
        VrCount.OPENED: Case.opened_on.between(start, end),
        VrCount.CARRIED: and_(Case.opened_on < start, or_(Case.closed_on.is_(None), Case.closed_on >= start)),
        VrCount.CLOSED: Case.closed_on.between(start, end),
    }


def vr_counts_by_owner(session: Session, year: int, *, county: str | None = None) -> dict[str, dict[VrCount, int]]:
    """`vr_year`'s three counts for each case owner, in one query (owners without any are left out)."""
    conditions = _vr_counts(year)
    sums = [func.sum(case((condition, 1), else_=0)) for condition in conditions.values()]
    found: dict[str, dict[VrCount, int]] = {}
    for owner, *counts in session.execute(
        select(Case.owner, *sums).where(_vr_cases(county), or_(*conditions.values())).group_by(Case.owner)
    ):
        found[owner] = {which: int(n or 0) for which, n in zip(conditions, counts, strict=True)}
    return found


def vr_case_ids(
    session: Session, year: int, which: VrCount, *, county: str | None = None, owner: str | None = None
) -> list[uuid.UUID]:
    """The cases behind one of `vr_year`'s counts (of one owner, when given), by opening date."""
    query = select(Case.id).where(_vr_cases(county), _vr_counts(year)[which])
    if owner is not None:
        query = query.where(Case.owner == owner)
    return list(session.scalars(query.order_by(Case.opened_on, Case.id)))


def vr_year(session: Session, year: int, *, county: str | None = None, case_managers: int | None = None) -> VrYear:
    start, end = _year_bounds(year)
    vr = _vr_cases(county)
    counts = _vr_counts(year)
    opened = session.scalar(select(func.count()).where(vr, counts[VrCount.OPENED])) or 0
    carried = session.scalar(select(func.count()).where(vr, counts[VrCount.CARRIED])) or 0
    closed = session.scalar(select(func.count()).where(vr, counts[VrCount.CLOSED])) or 0
    active = and_(vr, served_in(start, end))
    if case_managers is None:
        case_managers = session.scalar(select(func.count(func.distinct(Case.owner))).where(active)) or 0
    if county is None:
        county = session.scalar(select(Case.county).where(active).group_by(Case.county).order_by(func.count().desc()))
    county_entry = codes.county(county) if county else None
    target = county_entry.target_per_manager if county_entry else 0
    rate = kpi.closure_rate(closed, opened, carried)
    return VrYear(
        year=year,
        county=county_entry.code if county_entry else "",
        case_managers=case_managers,
        opened_this_year=opened,
        open_from_last_year=carried,
        closed=closed,
        closure_rate=rate,
        meets_closure_target=kpi.meets_closure_target(rate),
        served=kpi.served_count(opened, carried, max(case_managers, 1), target),
    )


def _lawful(job: Employment) -> bool:
    monthly_min, hourly_min = MINIMUM_WAGE.get(job.start_on.year, MINIMUM_WAGE[max(MINIMUM_WAGE)])
    if job.monthly_wage is not None and job.hours_per_week >= 40:
        return job.monthly_wage >= monthly_min
    if job.hourly_wage is not None:
        return job.hourly_wage >= hourly_min
    return True  # wage not recorded: nothing shows the terms unlawful


def _proofs(job: Employment) -> set[EmploymentProof]:
    proofs = {job.proof} if job.proof else set()
    if job.labour_insurance_on is not None:
        proofs.add(EmploymentProof.LABOUR_INSURANCE)
    return proofs


def _last_day(job: Employment, end: date, as_of: date) -> date:
    return min(job.end_on or as_of, end, as_of)


@dataclass(frozen=True)
class _Job:
    job: Employment
    client_id: uuid.UUID  # the person counted
    owner: str  # the case's 就業服務員 / case manager
    opened_on: date | None  # of the job's case


def _jobs(session: Session, programme: Programme | None) -> list[_Job]:
    query = (
        select(Employment, Case.client_id, Case.owner, Case.opened_on)
        .join(Case)
        .where(Employment.deleted.is_(False), Case.deleted.is_(False))
    )
    if programme is not None:
        query = query.where(Case.programme == programme)
    return [_Job(job, client_id, owner, opened_on) for job, client_id, owner, opened_on in session.execute(query)]


def _placed(job: Employment, start: date, end: date, as_of: date) -> bool:
    if not start <= job.start_on <= min(end, as_of):
        return False
    days = (_last_day(job, end, as_of) - job.start_on).days + 1
    return is_placement_success(
        competitive=job.competitive, days_worked=days, proofs=_proofs(job), employer_size=job.employer_size
    )


def _succeeded(job: Employment, opened_on: date | None, start: date, end: date, as_of: date) -> bool:
    """就業成功 counted in the year in which the third month is completed."""
    first = opened_on if job.employed_before_service and opened_on else job.start_on
    if not start <= period_last_day(first, 3) <= end:
        return False
    last = _last_day(job, end, as_of)
    if last < job.start_on:
        return False
    return is_employment_success(
        competitive=job.competitive,
        first_day=job.start_on,
        last_day=last,
        hours_per_week=job.hours_per_week,
        lawful_terms=_lawful(job),
        employed_before_service=job.employed_before_service and opened_on is not None,
        service_start=opened_on if job.employed_before_service else None,
    )


def _counts_double(job: Employment) -> bool:
    return counted_weight(remote_area=job.remote_area, high_support=job.high_support) > 1


@dataclass(frozen=True)
class _People:
    """Who counts in a year, by client; each value says whether the person counts as two (偏鄉/高度支持).

    A person whose qualifying jobs include a 支持性 one is a 支持性 success only, never also 一般性. Double
    counting follows the jobs that made the person count in that column.
    """

    placed: dict[uuid.UUID, bool]
    supported: dict[uuid.UUID, bool]
    general: dict[uuid.UUID, bool]  # people with 一般性 successes only
    # The cases whose jobs made each person count, per column (what a dashboard's drill-down lists).
    placed_cases: Mapping[uuid.UUID, set[uuid.UUID]]
    supported_cases: Mapping[uuid.UUID, set[uuid.UUID]]
    general_cases: Mapping[uuid.UUID, set[uuid.UUID]]

    @property
    def succeeded(self) -> int:
        return len(self.supported) + len(self.general)


def _people(jobs: list[_Job], start: date, end: date, as_of: date) -> _People:
    placed: dict[uuid.UUID, bool] = {}
    supported: dict[uuid.UUID, bool] = {}
    general: dict[uuid.UUID, bool] = {}
    cases: dict[str, dict[uuid.UUID, set[uuid.UUID]]] = {"placed": {}, "supported": {}, "general": {}}
    for row in jobs:
        job, person = row.job, row.client_id
        double = _counts_double(job)
        if _placed(job, start, end, as_of):
            placed[person] = placed.get(person, False) or double
            cases["placed"].setdefault(person, set()).add(job.case_id)
        if _succeeded(job, row.opened_on, start, end, as_of):
            is_supported = job.supported and is_supported_employment(job.intensive_support_days)
            column = supported if is_supported else general
            column[person] = column.get(person, False) or double
            cases["supported" if is_supported else "general"].setdefault(person, set()).add(job.case_id)
    general_only = {person: double for person, double in general.items() if person not in supported}
    return _People(
        placed=placed,
        supported=supported,
        general=general_only,
        placed_cases=cases["placed"],
        supported_cases=cases["supported"],
        general_cases={person: cases["general"][person] for person in general_only},
    )


@dataclass(frozen=True)
class OutcomePeople:
    """推介成功 and 就業成功 of one period, in people (003 三(四)(五)): a 支持性 success is never also 一般性."""

    placed: int
    supported_successes: int
    general_successes: int

    @property
    def succeeded(self) -> int:
        return self.supported_successes + self.general_successes


NO_OUTCOMES = OutcomePeople(0, 0, 0)


@dataclass(frozen=True)
class PeriodOutcomes:
    """推介成功 and 就業成功 of one period for a selection of clients, in total and per case owner.

    A person is counted once in the total, and once for each owner whose cases hold a qualifying job of theirs, so
    the owners' figures need not add up to the total.
    """

    total: OutcomePeople
    by_owner: Mapping[str, OutcomePeople]

    def owner(self, username: str) -> OutcomePeople:
        return self.by_owner.get(username, NO_OUTCOMES)


def period_outcomes(
    session: Session,
    start: date,
    end: date,
    *,
    as_of: date | None = None,
    programme: Programme | None = None,
    clients: Collection[uuid.UUID] | None = None,
) -> PeriodOutcomes:
    """推介成功 and 就業成功 from `start` to `end` (a month, or the year to a month's end: the monthly reports), with
    the yearly KPIs' rules and job rows, so that the months add up to the year. `clients` limits the people counted
    (the clients a report lists); `as_of` (default `end`) is the day the jobs are seen from."""
    as_of = as_of or end
    jobs = _jobs(session, programme)
    if clients is not None:
        wanted = set(clients)
        jobs = [row for row in jobs if row.client_id in wanted]

    def outcomes(rows: list[_Job]) -> OutcomePeople:
        people = _people(rows, start, end, as_of)
        return OutcomePeople(len(people.placed), len(people.supported), len(people.general))

    by_owner: dict[str, list[_Job]] = defaultdict(list)
    for row in jobs:
        by_owner[row.owner].append(row)
    return PeriodOutcomes(
        total=outcomes(jobs), by_owner={owner: outcomes(rows) for owner, rows in sorted(by_owner.items())}
    )


@dataclass(frozen=True)
class PeriodPeople:
    """The people behind `OutcomePeople` (推介成功, 支持性 and 一般性就業成功 of one period), each with the cases
    whose jobs made them count: what a dashboard lists when a figure is clicked."""

    start: date
    end: date
    placed: Mapping[uuid.UUID, frozenset[uuid.UUID]]  # client id → case ids
    supported: Mapping[uuid.UUID, frozenset[uuid.UUID]]
    general: Mapping[uuid.UUID, frozenset[uuid.UUID]]  # 一般性 only: never also 支持性

    @property
    def outcomes(self) -> OutcomePeople:
        return OutcomePeople(len(self.placed), len(self.supported), len(self.general))


def period_people(
    session: Session,
    periods: Sequence[tuple[date, date]],
    *,
    as_of: date | None = None,
    programme: Programme | None = None,
    group_model: bool | None = None,
) -> list[PeriodPeople]:
    """`period_outcomes`' people of each period (first day, last day), from one read of the job rows: the
    monthly trend of a year costs one query. `as_of` (default: each period's end) is the day the jobs are seen
    from; `group_model` False keeps the individual model only, as `supported_employment_year` counts it."""
    jobs = _jobs(session, programme)
    if group_model is not None:
        jobs = [row for row in jobs if row.job.group_model == group_model]
    found = []
    for start, end in periods:
        people = _people(jobs, start, end, as_of or end)
        found.append(
            PeriodPeople(
                start=start,
                end=end,
                placed={p: frozenset(c) for p, c in people.placed_cases.items()},
                supported={p: frozenset(c) for p, c in people.supported_cases.items()},
                general={p: frozenset(c) for p, c in people.general_cases.items()},
            )
        )
    return found


def _group_model(jobs: list[_Job], start: date, end: date, as_of: date) -> tuple[GroupModelCoachYear, ...]:
    """群組服務模式 per coach (003 三(三)2): people placed in the year, stable ≥ 6 months by `as_of`, group sizes."""
    served: dict[str, set[uuid.UUID]] = defaultdict(set)
    stable: dict[str, set[uuid.UUID]] = defaultdict(set)
    groups: dict[str, dict[tuple[str, date], set[uuid.UUID]]] = defaultdict(lambda: defaultdict(set))
    for row in jobs:
        job = row.job
        if not job.group_model or not start <= job.start_on <= min(end, as_of):
            continue
        served[row.owner].add(row.client_id)
        groups[row.owner][(job.employer.strip(), job.start_on)].add(row.client_id)
        last = min(job.end_on or as_of, as_of)
        if last >= job.start_on and has_worked_months(job.start_on, last, GROUP_STABLE_MONTHS):
            stable[row.owner].add(row.client_id)
    coaches = []
    for owner in sorted(served):
        sizes = tuple(len(groups[owner][key]) for key in sorted(groups[owner]))
        coaches.append(
            GroupModelCoachYear(
                owner=owner,
                group_sizes=sizes,
                result=evaluate_group_model(len(served[owner]), len(stable[owner]), sizes),
            )
        )
    return tuple(coaches)


def supported_employment_year(session: Session, year: int, *, as_of: date | None = None) -> SupportedEmploymentYear:
    start, end = _year_bounds(year)
    as_of = as_of or end
    se = and_(Case.programme == Programme.SUPPORTED_EMPLOYMENT, Case.deleted.is_(False), Case.opened_on.is_not(None))
    new = Counter(o for (o,) in session.execute(select(Case.owner).where(se, Case.opened_on.between(start, end))))
    old = Counter(
        o
        for (o,) in session.execute(
            select(Case.owner).where(se, Case.opened_on < start, or_(Case.closed_on.is_(None), Case.closed_on >= start))
        )
    )
    coaches = tuple(CoachYear(new_cases=new[o], old_cases=old[o]) for o in sorted(set(new) | set(old)))
    jobs = _jobs(session, Programme.SUPPORTED_EMPLOYMENT)
    # 群組模式 jobs have targets of their own (003 三(三)2), not the individual model's 12 and 6 per coach.
    people = _people([row for row in jobs if not row.job.group_model], start, end, as_of)
    counts = SupportedEmploymentCounts(
        coaches=coaches,
        placements=len(people.placed),
        placements_double=sum(people.placed.values()),
        supported_successes=len(people.supported),
        supported_successes_double=sum(people.supported.values()),
        general_successes=len(people.general),
        general_successes_double=sum(people.general.values()),
    )
    result = evaluate_supported_employment(counts) if coaches else None
    return SupportedEmploymentYear(
        year=year, counts=counts, result=result, group_model=_group_model(jobs, start, end, as_of)
    )


def employment_outcomes(session: Session, year: int, *, as_of: date | None = None) -> EmploymentOutcomes:
    start, end = _year_bounds(year)
    as_of = as_of or end
    people = _people(_jobs(session, None), start, end, as_of)
    return EmploymentOutcomes(placements=len(people.placed), employment_successes=people.succeeded)


def year_kpi(
    session: Session,
    year: int,
    *,
    county: str | None = None,
    case_managers: int | None = None,
    as_of: date | None = None,
) -> YearKpi:
    return YearKpi(
        vr=vr_year(session, year, county=county, case_managers=case_managers),
        supported_employment=supported_employment_year(session, year, as_of=as_of),
        outcomes=employment_outcomes(session, year, as_of=as_of),
    )
