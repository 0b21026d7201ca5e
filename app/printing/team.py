"""Printing the team's documents into a PDF file in one call: 督導紀錄 (one or many supervision records) and
服務對象日報 (a daily report already computed by app.services.daily_report).

The file is written like every printout: owner-only (0600: it names clients) and atomically, so a failure (a record
that does not exist) leaves no file behind. Call these on the store's worker thread, as the case documents are:

    runner.run(lambda session: print_supervision_notes(session, ids, folder.file("督導紀錄.pdf"), agency), done)
    report = print_daily_report(daily, Path("日報.pdf"), agency)  # no store needed: the figures are computed
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy.orm import Session

from app.printing.build import DAILY, SUPERVISION, PrintOptions, build_note_views
from app.printing.bundle import render_bundle
from app.printing.daily import daily_document
from app.printing.render import RenderReport
from app.printing.views import AgencyInfo, DocumentView
from app.services import clock
from app.services.daily_report import DailyReport


def print_supervision_notes(
    session: Session,
    note_ids: Iterable[uuid.UUID],
    out: Path,
    agency: AgencyInfo,
    options: PrintOptions | None = None,
    doc_id: str = SUPERVISION,
) -> RenderReport:
    """督導紀錄表 for each record of `note_ids` (in that order, each from a new page with its own 「第 X 頁，共 Y
    頁」) into one PDF at `out`. `options` gives the printing date, names for usernames and signature images.
    AppError for a record that does not exist or is deleted, and for no records at all."""
    views = build_note_views(session, list(dict.fromkeys(note_ids)), options, doc_id)
    (report,) = render_bundle([(doc_id, views)], out, agency)
    return report


def print_daily_report(
    report: DailyReport,
    out: Path,
    agency: AgencyInfo,
    options: PrintOptions | None = None,
    doc_id: str = DAILY,
) -> RenderReport:
    """服務對象日報 of `report` (app.services.daily_report.daily_report) as a PDF at `out`: the same figures as
    its workbook (write_daily_workbook). `options` gives the printing date, names for the case managers' usernames
    and signature images."""
    options = options or PrintOptions()
    view: DocumentView = daily_document(
        report,
        doc_id,
        printed_on=options.printed_on or clock.today(),
        staff_names=options.staff_names,
        signatures=options.signatures,
    )
    (rendered,) = render_bundle([(doc_id, [view])], out, agency)
    return rendered
