"""月報表 (表6-1 統計, 表6-2 個案明細): a month's figures per case manager and for the unit, due by the 10th of the
next month (003 二(二)9).

Caseload figures (新開案, 結案, 服務中) are counted like kpi_report.vr_year counts a year, over the month. 推介成功
and 就業成功 are counted in people with kpi_report's own rules (003 三(三)(四)(五)), over the month and over the year
to the month's end. A case counts for the case manager who owns it now (a case transferred during the month
counts for the new owner).
"""

from __future__ import annotations

import calendar
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, selectinload

from app.errors import ValidationError
from app.models import Case, Client, ServiceRecord
from app.models.enums import Programme, RecordStatus
from app.printing.options import coded
from app.printing.templates import FormTemplate
from app.printing.views import Coded, MonthCaseRow, MonthDocument, MonthFigures, Signatures, StaffView, TargetGroupCount
from app.services import codes, kpi_report
from app.services.caseload import masked
from app.services.rocdate import roc_year
from app.services.supported_employment import is_supported_employment

ALL = "全體"


@dataclass(frozen=True)
class MonthOptions:
    year: int
    month: int
    printed_on: date
    manager: str | None = None
    unit: str | None = None
    programme: Programme | None = None
    staff_names: Mapping[str, str] = field(default_factory=dict)
    signatures: Signatures = field(default_factory=Signatures)


def month_bounds(year: int, month: int) -> tuple[date, date]:
    if not 1 <= month <= 12:
        raise ValidationError(
            "month", f"月份應為 1 到 12，目前為 {month}。", f"The month must be 1 to 12; got {month}."
        )
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def build_month_document(session: Session, template: FormTemplate, options: MonthOptions) -> MonthDocument:
    start, end = month_bounds(options.year, options.month)
    programme = options.programme or (
        Programme(template.select["programme"]) if "programme" in template.select else None
    )
    cases = _served_cases(session, start, end, programme, options.unit, options.manager)
    records = _records_in_month(session, [c.id for c in cases], start, end)
    owners = sorted({c.owner for c in cases} | ({options.manager} if options.manager else set()))
    # kpi_report's job rows and people-counting rules (003 三(四)(五)), so the months add up to the year.
    clients = {c.client_id for c in cases}
    month = kpi_report.period_outcomes(session, start, end, programme=programme, clients=clients)
    year_to_date = kpi_report.period_outcomes(
        session, date(start.year, 1, 1), end, programme=programme, clients=clients
    )
    rows = tuple(
        _figures(
            options.staff_names.get(owner, owner),
            owner,
            [c for c in cases if c.owner == owner],
            records,
            month.owner(owner),
            year_to_date.owner(owner),
            start,
            end,
        )
        for owner in owners
    )
    total = _figures(ALL, "", cases, records, month.total, year_to_date.total, start, end)
    manager = (
        StaffView(options.manager, options.staff_names.get(options.manager, options.manager), options.unit or "")
        if options.manager
        else None
    )
    who = manager.name if manager else (options.unit or ALL)
    year = roc_year(start)
    period = f"民國{'前' if year < 0 else ''}{abs(year)}年{options.month}月"
    return MonthDocument(
        doc_id=template.doc_id,
        printed_on=options.printed_on,
        year=options.year,
        month=options.month,
        period=period,
        period_start=start,
        period_end=end,
        unit=options.unit or "、".join(sorted({c.unit for c in cases if c.unit})),
        programme=coded("programme", programme),
        manager=manager,
        rows=rows,
        total=total,
        rows_and_total=(*rows, total),
        target_groups=_target_groups(cases, start, end),
        cases=tuple(_case_row(c, records.get(c.id, []), options.staff_names) for c in cases),
        subject=f"{period}　{who}",
        signatures=options.signatures,
    )


def _served_cases(
    session: Session, start: date, end: date, programme: Programme | None, unit: str | None, manager: str | None
) -> list[Case]:
    """Opened cases open at some point of the month, with what the case list prints."""
    query = (
        select(Case)
        .where(
            Case.deleted.is_(False),
            Case.opened_on.is_not(None),
            Case.opened_on <= end,
            or_(Case.closed_on.is_(None), Case.closed_on >= start),
        )
        .options(
            selectinload(Case.client).selectinload(Client.certificates),
            selectinload(Case.employments),
            selectinload(Case.closure),
        )
    )
    if programme is not None:
        query = query.where(Case.programme == programme)
    if unit:
        query = query.where(Case.unit == unit)
    if manager:
        query = query.where(Case.owner == manager)
    cases = list(session.scalars(query))
    return sorted(cases, key=lambda c: (c.owner, c.opened_on or start, c.client.name))


def _records_in_month(
    session: Session, case_ids: list[uuid.UUID], start: date, end: date
) -> dict[uuid.UUID, list[date]]:
    found: dict[uuid.UUID, list[date]] = defaultdict(list)
    if not case_ids:
        return found
    rows = session.execute(
        select(ServiceRecord.case_id, ServiceRecord.held_on).where(
            ServiceRecord.case_id.in_(case_ids),
            ServiceRecord.deleted.is_(False),
            ServiceRecord.status == RecordStatus.FINAL,
            and_(ServiceRecord.held_on >= start, ServiceRecord.held_on <= end),
        )
    )
    for case_id, held_on in rows:
        found[case_id].append(held_on)
    return found


def _figures(
    name: str,
    username: str,
    cases: list[Case],
    records: Mapping[uuid.UUID, list[date]],
    month: kpi_report.OutcomePeople,
    year_to_date: kpi_report.OutcomePeople,
    start: date,
    end: date,
) -> MonthFigures:
    def opened_before(c: Case) -> bool:
        return c.opened_on is not None and c.opened_on < start

    return MonthFigures(
        name=name,
        username=username,
        open_at_start=sum(1 for c in cases if opened_before(c)),
        opened=sum(1 for c in cases if c.opened_on is not None and start <= c.opened_on <= end),
        closed=sum(1 for c in cases if c.closed_on is not None and start <= c.closed_on <= end),
        open_at_end=sum(1 for c in cases if c.closed_on is None or c.closed_on > end),
        served=len(cases),
        services=sum(len(records.get(c.id, [])) for c in cases),
        placements=month.placed,
        supported_successes=month.supported_successes,
        general_successes=month.general_successes,
        placements_ytd=year_to_date.placed,
        successes_ytd=year_to_date.succeeded,
    )


def _target_groups(cases: Iterable[Case], start: date, end: date) -> tuple[TargetGroupCount, ...]:
    """服務人數 by 特定對象身分 (DOMAIN.md: the counts typed by hand every month, seed 000 A3)."""
    served: Counter[str] = Counter()
    opened: Counter[str] = Counter()
    for case in cases:
        for group in set(case.client.target_groups):
            served[group] += 1
            if case.opened_on is not None and start <= case.opened_on <= end:
                opened[group] += 1
    result = []
    for entry in codes.entries(codes.TARGET_GROUPS):
        if served[entry.code]:
            result.append(TargetGroupCount(Coded(entry.code, entry.zh), served[entry.code], opened[entry.code]))
    return tuple(result)


def _case_row(case: Case, held: list[date], staff_names: Mapping[str, str]) -> MonthCaseRow:
    client = case.client
    certificates = [c for c in client.certificates if not c.deleted]
    disability = ""
    if certificates:
        latest = max(certificates, key=lambda c: c.issued_on or date.min)
        severity = coded(codes.SEVERITIES, latest.severity)
        disability = "、".join(_category_label(code) for code in latest.categories)
        if severity is not None:
            disability = f"{disability}（{severity.label}）"
    jobs = [e for e in case.employments if not e.deleted]
    job = max(jobs, key=lambda e: e.start_on) if jobs else None
    model = ""
    if job is not None:
        supported = job.supported and is_supported_employment(job.intensive_support_days)
        model = "群組" if job.group_model else ("支持性" if supported else "一般性")
    closure = case.closure if case.closure is not None and not case.closure.deleted else None
    reason = coded(codes.CLOSURE_REASONS, closure.reason_code) if closure is not None else None
    return MonthCaseRow(
        manager=staff_names.get(case.owner, case.owner),
        client_name=client.name,
        id_number_masked=masked(client.id_number),
        gender=coded("gender", client.gender) or Coded("", ""),
        disability=disability,
        programme=coded("programme", case.programme) or Coded("", ""),
        stage=coded("stage", case.stage) or Coded("", ""),
        opened_on=case.opened_on,
        services=len(held),
        last_service_on=max(held) if held else None,
        employer=job.employer if job else "",
        job_title=job.job_title if job else "",
        job_start_on=job.start_on if job else None,
        model=model,
        closed_on=case.closed_on,
        closure_reason=reason.label if reason else "",
    )


def _category_label(code: str) -> str:
    """A short category name for a list: 第1類 for the new system, the old category's name."""
    for list_name in (codes.DISABILITY_NEW_SYSTEM, codes.DISABILITY_OLD_SYSTEM):
        for entry in codes.entries(list_name):
            if entry.code == code:
                return entry.zh.split(" ")[0]
    return code
