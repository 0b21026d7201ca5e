"""View-models of documents about the team rather than one case: 督導紀錄 (one supervision record, built by
printing/supervision.py) and 服務對象日報 (built by printing/daily.py from app.services.daily_report).

Like views.py: plain frozen dataclasses, already resolved, read by the renderer through template paths.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.printing.view_base import Coded, Signatures


@dataclass(frozen=True)
class DiscussedCase:
    """A case taken up in a supervision: whose it is and who manages it. Never the full ID number (only masked):
    a supervision record goes round the team and into the 分署's files."""

    reference: str  # case number (the first 8 hex digits of the case id, as the case forms print it)
    client_name: str
    id_number_masked: str  # A12****789
    manager: str  # the case manager's name (the username when no name is known)
    programme: Coded
    stage: Coded


@dataclass(frozen=True)
class Attendee:
    """A line of the sign-in table (簽到): the name, and room to sign."""

    name: str


@dataclass(frozen=True)
class SupervisionNoteView:
    """督導紀錄 (seed 002 四(三)): individual, group or peer supervision, or a case consultation."""

    reference: str  # the record's number (the first 8 hex digits of its id)
    kind: Coded  # 個別督導 / 團體督導 / 同儕督導 / 個案研討／諮詢 (options: supervision_kind)
    held_on: date
    supervisor: str
    attendees: tuple[str, ...]
    sign_in: tuple[Attendee, ...]  # the attendees again, one a row, for a sign-in table
    cases: tuple[DiscussedCase, ...]  # the case of the record first, then the others discussed
    content: str
    agreed_actions: str
    follow_up_due_on: date | None
    follow_up_done_on: date | None
    follow_up_note: str
    status: Coded  # 草稿 / 定稿 (options: record_status)
    final: bool


@dataclass(frozen=True)
class SupervisionDocument:
    doc_id: str
    printed_on: date
    note: SupervisionNoteView
    subject: str  # names the record in a batch: 督導日期 and kind
    mark: str  # printed across every page: 草稿 for a record not yet final, else ""
    signatures: Signatures = field(default_factory=Signatures)


@dataclass(frozen=True)
class Matrix:
    """A table whose columns come from the data (one per case manager), printed by a `type: matrix` block: the
    header, then rows of a label and figures; the last `totals` rows (and the last column) are totals."""

    header: tuple[str, ...]
    rows: tuple[tuple[str | int, ...], ...]
    totals: int = 0


@dataclass(frozen=True)
class DailyDocument:
    """服務對象日報: people served by 特定對象身分 and case manager over a day or a few days (seed 000 A3); the
    figures are app.services.daily_report's, exactly as its workbook has them."""

    doc_id: str
    printed_on: date
    period: str  # 民國114年3月5日, or 民國114年3月3日至民國114年3月7日
    period_start: date
    period_end: date
    days: int
    people_total: int  # distinct people served
    services_total: int  # 服務人次
    table: Matrix
    subject: str
    signatures: Signatures = field(default_factory=Signatures)
