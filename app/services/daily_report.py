"""服務對象日報: the clients served on a day (or over a few days) by 特定對象身分 and case manager.

Seed 000 (A3): 「我們要回一個報表就是每天服務對象的報表」, typed by hand until now. A client counts as served on a
day when one of their cases has a finalised service record held that day or a contact attempt that reached them that
day (the same contacts the deadline engine counts); a person is counted once per target group they belong to, and
once in the people total, however many times they were served. 服務人次 counts every record and reached attempt.
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import IO, Final

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill
from sqlalchemy import select, union_all
from sqlalchemy.orm import Session

from app.errors import Language, ValidationError
from app.models import Case, Client, ContactAttempt, ServiceRecord
from app.models.enums import ContactOutcome, RecordStatus
from app.services import clock, codes
from app.services.rocdate import format_roc

NO_TARGET_GROUP: Final = ""
LONGEST_PERIOD_DAYS: Final = 31
HEADER_FILL: Final = PatternFill("solid", fgColor="E6E6E6")


@dataclass(frozen=True)
class DailyRow:
    """People served of one 特定對象身分 (`code` NO_TARGET_GROUP: none), per case manager and in all."""

    code: str
    by_owner: Mapping[str, int]
    total: int


@dataclass(frozen=True)
class DailyReport:
    first: date
    last: date
    owners: tuple[str, ...]  # the team's case managers (everyone owning a case in the store), by username
    rows: tuple[DailyRow, ...]  # target groups in the code list's order, with someone served; "none" last
    people: Mapping[str, int]  # distinct people served per case manager
    people_total: int  # distinct people served
    services: Mapping[str, int]  # 服務人次 per case manager
    services_total: int
    cases: Mapping[tuple[str, str], tuple[uuid.UUID, ...]]  # (owner, target group) → the cases served

    def case_ids(self, owner: str | None, code: str | None) -> list[uuid.UUID]:
        """The cases behind a cell (None: every case manager, or every target group)."""
        found: set[uuid.UUID] = set()
        for (who, group), ids in self.cases.items():
            if (owner is None or who == owner) and (code is None or group == code):
                found.update(ids)
        return sorted(found, key=str)


def _utc_midnight(day: date) -> datetime:
    return datetime.combine(day, time(), clock.LOCAL_TZ).astimezone(UTC)


def daily_report(session: Session, first: date, last: date | None = None) -> DailyReport:
    """Clients served from `first` to `last` (default: `first` alone; at most LONGEST_PERIOD_DAYS days)."""
    last = last or first
    if last < first or (last - first).days >= LONGEST_PERIOD_DAYS:
        raise ValidationError(
            "last",
            f"日報的期間須在 {LONGEST_PERIOD_DAYS} 天內，且結束日不早於開始日。",
            f"The period is at most {LONGEST_PERIOD_DAYS} days, and it cannot end before it starts.",
        )
    records = select(ServiceRecord.case_id.label("case_id")).where(
        ServiceRecord.deleted.is_(False),
        ServiceRecord.status == RecordStatus.FINAL,
        ServiceRecord.held_on.between(first, last),
    )
    reached = select(ContactAttempt.case_id.label("case_id")).where(
        ContactAttempt.deleted.is_(False),
        ContactAttempt.outcome == ContactOutcome.REACHED,
        ContactAttempt.attempted_at >= _utc_midnight(first),
        ContactAttempt.attempted_at < _utc_midnight(last + timedelta(days=1)),
    )
    contacts = union_all(records, reached).subquery()
    services: Counter[uuid.UUID] = Counter(session.scalars(select(contacts.c.case_id)))
    rows = session.execute(
        select(Case.id, Case.owner, Case.client_id, Client.target_groups)
        .join(Client, Client.id == Case.client_id)
        .where(Case.id.in_(select(contacts.c.case_id)), Case.deleted.is_(False))
    ).all()

    people: dict[tuple[str, str], set[uuid.UUID]] = defaultdict(set)
    cases: dict[tuple[str, str], set[uuid.UUID]] = defaultdict(set)
    per_owner: dict[str, set[uuid.UUID]] = defaultdict(set)
    served_by: Counter[str] = Counter()
    for case_id, owner, client_id, groups in rows:
        per_owner[owner].add(client_id)
        served_by[owner] += services[case_id]
        for code in set(groups or ()) or {NO_TARGET_GROUP}:
            people[(owner, code)].add(client_id)
            cases[(owner, code)].add(case_id)
    # Every case manager of the team has a column: a day without anyone served is worth seeing too.
    team = session.scalars(select(Case.owner).where(Case.deleted.is_(False)).distinct())
    owners = tuple(sorted(set(per_owner) | set(team)))
    present = {code for _, code in people}
    order = [entry.code for entry in codes.entries(codes.TARGET_GROUPS)]
    ordered = [c for c in order if c in present] + sorted(present - set(order) - {NO_TARGET_GROUP})
    if NO_TARGET_GROUP in present:
        ordered.append(NO_TARGET_GROUP)
    return DailyReport(
        first=first,
        last=last,
        owners=owners,
        rows=tuple(
            DailyRow(
                code=code,
                by_owner={owner: len(people.get((owner, code), ())) for owner in owners},
                total=len(set().union(*(people.get((owner, code), set()) for owner in owners))),
            )
            for code in ordered
        ),
        people={owner: len(per_owner.get(owner, ())) for owner in owners},
        people_total=len(set().union(*per_owner.values())),
        services=dict(served_by),
        services_total=sum(served_by.values()),
        cases={key: tuple(sorted(ids, key=str)) for key, ids in cases.items()},
    )


def group_label(code: str, language: Language = "zh-TW") -> str:
    if code == NO_TARGET_GROUP:
        return "No target group" if language == "en" else "無特定對象身分"
    return codes.label(codes.TARGET_GROUPS, code, language) if codes.is_valid(codes.TARGET_GROUPS, code) else code


def period_text(report: DailyReport, language: Language = "zh-TW") -> str:
    def show(day: date) -> str:
        return day.isoformat() if language == "en" else format_roc(day)

    if report.first == report.last:
        return show(report.first)
    return (
        f"{show(report.first)} – {show(report.last)}"
        if language == "en"
        else f"{show(report.first)}至{show(report.last)}"
    )


def table(report: DailyReport, language: Language = "zh-TW") -> tuple[list[str], list[list[str | int]]]:
    """The report as the table the app and the workbook show: a header and rows (the people and 人次 totals last)."""
    english = language == "en"
    header = ["Target group" if english else "特定對象身分", *report.owners, "Total" if english else "合計"]
    body: list[list[str | int]] = [
        [group_label(row.code, language), *(row.by_owner[o] for o in report.owners), row.total] for row in report.rows
    ]
    body.append(
        [
            "People served" if english else "服務人數（不重複）",
            *(report.people[o] for o in report.owners),
            report.people_total,
        ]
    )
    body.append(
        [
            "Services" if english else "服務人次",
            *(report.services.get(o, 0) for o in report.owners),
            report.services_total,
        ]
    )
    return header, body


def write_daily_workbook(report: DailyReport, out: IO[bytes], language: Language = "zh-TW") -> None:
    """One sheet: title, period, the table (counts stay numbers, to add up in Excel), and how people are counted."""
    english = language == "en"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Daily report" if english else "服務對象日報"
    sheet.append(["Clients served by target group" if english else "服務對象日報（依特定對象身分）"])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([("Period: " if english else "服務日期：") + period_text(report, language)])
    header, body = table(report, language)
    sheet.append(header)
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row in body:
        sheet.append(row)
    for cell in sheet[sheet.max_row - 1] + sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    sheet.append([])
    sheet.append(
        [
            "A person counts once per target group and once in the people served; services count every record "
            "and reached contact."
            if english
            else "同一人於各特定對象身分及服務人數各計一次；服務人次為定稿服務紀錄與聯繫成功次數之和。"
        ]
    )
    sheet.column_dimensions["A"].width = 24
    for index in range(2, len(header) + 1):
        sheet.column_dimensions[openpyxl.utils.get_column_letter(index)].width = 12
    workbook.save(out)
