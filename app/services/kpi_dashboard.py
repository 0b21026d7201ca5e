"""績效指標: a year's KPIs of the team for the supervisor's dashboard, with the cases behind every figure.

The statutory figures are the foundation's own: `kpi_report.year_kpi` (結案率 and 服務人數 of 002, supported
employment against the targets of 003 with conversions and offsets, 推介成功 and 就業成功 in people). What the
dashboard adds (who was served, by 特定對象 and by disability category; the last twelve months) counts with the same
definitions: cases served in a period are `kpi_report.served_in`, outcomes are `kpi_report.period_people`, the
people behind `period_outcomes`. Every bar carries a `DrillKey`, and `drill_case_ids` lists the cases behind it.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Final

from sqlalchemy import ColumnElement, Select, and_, func, select
from sqlalchemy.orm import Session

from app.errors import Language
from app.models import Case, Client, DisabilityCertificate
from app.models.enums import Programme
from app.services import clock, codes, kpi_report
from app.services.kpi_report import VrCount

TREND_MONTHS: Final = 12
NO_TARGET_GROUP: Final = ""  # the share of people served with no 特定對象身分
NO_CERTIFICATE: Final = ""  # the share of people served with no disability certificate on record


class Measure(StrEnum):
    VR_OPENED = "vr_opened"  # 當年度新開案 (VR)
    VR_CARRIED = "vr_carried"  # 前一年度未結案 (VR)
    VR_CLOSED = "vr_closed"  # 結案 (VR)
    VR_SERVED = "vr_served"  # 服務人數 (VR): 新開案 + 前一年度未結案
    SE_PLACED = "se_placed"  # 推介成功, supported employment, individual model
    SE_SUPPORTED = "se_supported"  # 支持性就業成功
    SE_GENERAL = "se_general"  # 一般性就業成功
    SE_SUCCEEDED = "se_succeeded"  # 支持性 + 一般性就業成功
    PLACED = "placed"  # 推介成功, in people
    SUCCEEDED = "succeeded"  # 就業成功 (支持性 + 一般性), in people
    OPENED = "opened"  # cases opened in a period
    CLOSED = "closed"  # cases closed in a period
    SERVED = "served"  # people served in a period (of a 特定對象 or disability category)


TREND_MEASURES: Final = (Measure.OPENED, Measure.CLOSED, Measure.PLACED, Measure.SUCCEEDED)
_VR_COUNTS: Final = {
    Measure.VR_OPENED: VrCount.OPENED,
    Measure.VR_CARRIED: VrCount.CARRIED,
    Measure.VR_CLOSED: VrCount.CLOSED,
}


@dataclass(frozen=True)
class DrillKey:
    """What one bar counts: enough to list the cases behind it (`drill_case_ids`)."""

    measure: Measure
    start: date
    end: date
    programme: Programme | None = None
    target_group: str | None = None  # SERVED of one 特定對象 (NO_TARGET_GROUP: none)
    category: str | None = None  # SERVED of one disability category (NO_CERTIFICATE: no certificate)


@dataclass(frozen=True)
class Share:
    """People served in the year with one 特定對象身分 or disability category (a person may be in several)."""

    code: str
    people: int
    key: DrillKey


@dataclass(frozen=True)
class MonthPoint:
    start: date
    end: date
    counts: Mapping[Measure, int]  # TREND_MEASURES
    programme: Programme | None

    def key(self, measure: Measure) -> DrillKey:
        return DrillKey(measure, self.start, self.end, self.programme)


@dataclass(frozen=True)
class Dashboard:
    year: int
    as_of: date  # the day the year is seen from (today, or the year's end for a past year)
    programme: Programme | None  # of the distributions and the trend (None: every programme)
    kpi: kpi_report.YearKpi  # the statutory figures, computed by the foundation
    served_people: int  # people served in the year (the base of the distributions)
    target_groups: tuple[Share, ...]  # in the code list's order, only groups with someone
    disabilities: tuple[Share, ...]  # by number of people, most first
    trend: tuple[MonthPoint, ...]  # the TREND_MONTHS months ending with the as-of month

    def year_key(self, measure: Measure) -> DrillKey:
        """The key of a figure of `kpi`: VR_* of VR cases, SE_* of supported employment, PLACED and SUCCEEDED of
        every programme (as `year_kpi` counts them)."""
        return DrillKey(measure, date(self.year, 1, 1), date(self.year, 12, 31))


def _months(last: date, count: int) -> list[tuple[date, date]]:
    months = []
    year, month = last.year, last.month
    for _ in range(count):
        start = date(year, month, 1)
        following = date(year + month // 12, month % 12 + 1, 1)
        months.append((start, date.fromordinal(following.toordinal() - 1)))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


def _programme(programme: Programme | None) -> ColumnElement[bool]:
    return Case.programme == programme if programme is not None else Case.deleted.is_(False)


def dashboard(
    session: Session,
    year: int | None = None,
    *,
    on: date | None = None,
    programme: Programme | None = None,
    county: str | None = None,
) -> Dashboard:
    """The dashboard of `year` (default: this year) seen from `on` (default: today in Taiwan); `county` is the unit's
    county for the 服務人數 target (default: the one most of the year's VR cases are in, as `vr_year` picks)."""
    on = on or clock.today()
    year = year or on.year
    as_of = min(on, date(year, 12, 31))
    start, end = date(year, 1, 1), date(year, 12, 31)
    figures = kpi_report.year_kpi(session, year, county=county or None, as_of=as_of)
    people = _served_people(session, start, end, programme)
    return Dashboard(
        year=year,
        as_of=as_of,
        programme=programme,
        kpi=figures,
        served_people=len(people),
        target_groups=_target_groups(session, start, end, programme),
        disabilities=_disabilities(session, people, start, end, programme),
        trend=_trend(session, as_of, programme),
    )


def _served(start: date, end: date, programme: Programme | None) -> Select[uuid.UUID]:
    """The clients (with repeats) of the cases served in the period."""
    return select(Case.client_id).where(kpi_report.served_in(start, end), _programme(programme))


def _served_people(session: Session, start: date, end: date, programme: Programme | None) -> set[uuid.UUID]:
    return set(session.scalars(_served(start, end, programme)))


def _target_groups(session: Session, start: date, end: date, programme: Programme | None) -> tuple[Share, ...]:
    counted: Counter[str] = Counter()
    served = _served(start, end, programme)
    for (groups,) in session.execute(select(Client.target_groups).where(Client.id.in_(served))):
        counted.update(set(groups or ()) or {NO_TARGET_GROUP})
    order = [entry.code for entry in codes.entries(codes.TARGET_GROUPS)]
    known = [code for code in order if counted[code]] + sorted(c for c in counted if c not in order and c)
    if counted[NO_TARGET_GROUP]:
        known.append(NO_TARGET_GROUP)
    return tuple(
        Share(code, counted[code], DrillKey(Measure.SERVED, start, end, programme, target_group=code)) for code in known
    )


def _latest_categories(session: Session, clients: Select[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
    """The disability categories of each of `clients`, from their latest live certificate (as the monthly case list
    shows them)."""
    latest: dict[uuid.UUID, tuple[date, list[str]]] = {}
    query = select(DisabilityCertificate.client_id, DisabilityCertificate.issued_on, DisabilityCertificate.categories)
    query = query.where(DisabilityCertificate.deleted.is_(False), DisabilityCertificate.client_id.in_(clients))
    for client_id, issued_on, categories in session.execute(query):
        issued = issued_on or date.min
        if client_id not in latest or issued >= latest[client_id][0]:
            latest[client_id] = (issued, list(categories or ()))
    return {client_id: categories for client_id, (_, categories) in latest.items()}


def _disabilities(
    session: Session, people: set[uuid.UUID], start: date, end: date, programme: Programme | None
) -> tuple[Share, ...]:
    categories = _latest_categories(session, _served(start, end, programme))
    counted: Counter[str] = Counter()
    for person in people:
        counted.update(set(categories.get(person) or ()) or {NO_CERTIFICATE})
    ranked = sorted((c for c in counted if c != NO_CERTIFICATE), key=lambda c: (-counted[c], c))
    if counted[NO_CERTIFICATE]:
        ranked.append(NO_CERTIFICATE)
    return tuple(
        Share(code, counted[code], DrillKey(Measure.SERVED, start, end, programme, category=code)) for code in ranked
    )


def _trend(session: Session, as_of: date, programme: Programme | None) -> tuple[MonthPoint, ...]:
    months = _months(as_of, TREND_MONTHS)
    first, last = months[0][0], months[-1][1]
    opened: Counter[str] = Counter()
    closed: Counter[str] = Counter()
    for column, counter in ((Case.opened_on, opened), (Case.closed_on, closed)):
        month = func.strftime("%Y-%m", column)
        query = select(month, func.count()).where(
            Case.deleted.is_(False), Case.opened_on.is_not(None), _programme(programme), column.between(first, last)
        )
        for key, n in session.execute(query.group_by(month)):
            counter[str(key)] = int(n)
    outcomes = kpi_report.period_people(session, months, as_of=as_of, programme=programme)
    points = []
    for (start, end), people in zip(months, outcomes, strict=True):
        key = f"{start:%Y-%m}"
        counts = {
            Measure.OPENED: opened[key],
            Measure.CLOSED: closed[key],
            Measure.PLACED: people.outcomes.placed,
            Measure.SUCCEEDED: people.outcomes.succeeded,
        }
        points.append(MonthPoint(start, end, counts, programme))
    return tuple(points)


# --- drill-down -------------------------------------------------------------------------------------------------


def _cases_of(people: Mapping[uuid.UUID, frozenset[uuid.UUID]]) -> set[uuid.UUID]:
    return set().union(*people.values()) if people else set()


def _outcome_cases(session: Session, key: DrillKey, as_of: date) -> set[uuid.UUID]:
    se = key.measure in (Measure.SE_PLACED, Measure.SE_SUPPORTED, Measure.SE_GENERAL, Measure.SE_SUCCEEDED)
    programme = Programme.SUPPORTED_EMPLOYMENT if se else key.programme
    # supported_employment_year counts the individual model only (group-model jobs have targets of their own).
    (people,) = kpi_report.period_people(
        session, [(key.start, key.end)], as_of=as_of, programme=programme, group_model=False if se else None
    )
    columns: dict[Measure, tuple[Mapping[uuid.UUID, frozenset[uuid.UUID]], ...]] = {
        Measure.SE_PLACED: (people.placed,),
        Measure.SE_SUPPORTED: (people.supported,),
        Measure.SE_GENERAL: (people.general,),
        Measure.SE_SUCCEEDED: (people.supported, people.general),
        Measure.PLACED: (people.placed,),
        Measure.SUCCEEDED: (people.supported, people.general),
    }
    return set().union(*(_cases_of(column) for column in columns[key.measure]))


def drill_case_ids(session: Session, key: DrillKey, *, as_of: date | None = None) -> list[uuid.UUID]:
    """The cases behind a bar, by opening date. For outcomes, the cases whose jobs made the people count; for
    people served, every case of theirs served in the period."""
    as_of = as_of or key.end
    if key.measure in _VR_COUNTS:
        return kpi_report.vr_case_ids(session, key.start.year, _VR_COUNTS[key.measure])
    if key.measure is Measure.VR_SERVED:
        carried = kpi_report.vr_case_ids(session, key.start.year, VrCount.CARRIED)
        return carried + kpi_report.vr_case_ids(session, key.start.year, VrCount.OPENED)
    if key.measure in (Measure.OPENED, Measure.CLOSED):
        column = Case.opened_on if key.measure is Measure.OPENED else Case.closed_on
        condition = and_(Case.opened_on.is_not(None), column.between(key.start, key.end))
        found = set(
            session.scalars(select(Case.id).where(Case.deleted.is_(False), _programme(key.programme), condition))
        )
    elif key.measure is Measure.SERVED:
        found = _served_cases(session, key)
    else:
        found = _outcome_cases(session, key, as_of)
    return _ordered(session, found)


def _served_cases(session: Session, key: DrillKey) -> set[uuid.UUID]:
    rows = session.execute(
        select(Case.id, Case.client_id, Client.target_groups)
        .join(Client, Client.id == Case.client_id)
        .where(kpi_report.served_in(key.start, key.end), _programme(key.programme))
    ).all()
    if key.target_group is not None:
        wanted = key.target_group
        return {case_id for case_id, _, groups in rows if (wanted in (groups or ())) or (not groups and not wanted)}
    if key.category is not None:
        categories = _latest_categories(session, _served(key.start, key.end, key.programme))
        wanted = key.category
        return {
            case_id
            for case_id, client_id, _ in rows
            if (wanted in categories.get(client_id, ())) or (not categories.get(client_id) and not wanted)
        }
    return {case_id for case_id, _, _ in rows}


def _ordered(session: Session, ids: set[uuid.UUID]) -> list[uuid.UUID]:
    if not ids:
        return []
    rows = session.execute(select(Case.id, Case.opened_on).where(Case.id.in_(ids))).all()
    return [case_id for case_id, _ in sorted(rows, key=lambda row: (row[1] or date.min, str(row[0])))]


# --- labels -----------------------------------------------------------------------------------------------------


def category_label(code: str, language: Language = "zh-TW", *, short: bool = False) -> str:
    """A disability category's name from either code list; `short` keeps a new-system class to its number
    (第1類, Class 1), as the monthly case list prints it."""
    for list_name in (codes.DISABILITY_NEW_SYSTEM, codes.DISABILITY_OLD_SYSTEM):
        if codes.is_valid(list_name, code):
            label = codes.label(list_name, code, language)
            if short and list_name == codes.DISABILITY_NEW_SYSTEM:
                return label.split(":")[0] if language == "en" else label.split(" ")[0]
            return label
    return code


def target_group_label(code: str, language: Language = "zh-TW") -> str:
    if codes.is_valid(codes.TARGET_GROUPS, code):
        return codes.label(codes.TARGET_GROUPS, code, language)
    return code
