"""督導模式: the pages a supervisor's window shows instead of a case manager's (launch.build_main_window chooses).

團隊總覽, 績效指標, 督導紀錄 and 報表 read the team's cases synced to this laptop; every list opens a case in its
own window (CaseWindows), where the server keeps the team's records read-only for a supervisor. The team's sync
conflicts open from 團隊總覽 (and from the File menu, as for everyone). From any list of cases a supervisor may hand
cases over (移案) to another case manager, the one change of a team case the server takes from a supervisor.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.views.case_windows import CaseWindows
from app.views.conflicts import ConflictsDialog
from app.views.handover import HandoverDialog
from app.views.i18n import translate
from app.views.main_window import MainWindow
from app.views.runner import StoreRunner
from app.views.settings import AppSettings
from app.views.supervisor.audit import AuditView
from app.views.supervisor.dashboard import KpiDashboardView
from app.views.supervisor.drill import CaseListDialog
from app.views.supervisor.notes import SupervisionView
from app.views.supervisor.overview import TeamOverviewView
from app.views.supervisor.reports import ReportsView
from app.views.supervisor.review_queue import ReviewQueueView
from app.views.sync_panel import SyncController


@dataclass(frozen=True)
class SupervisorPages:
    overview: TeamOverviewView
    dashboard: KpiDashboardView
    notes: SupervisionView
    reports: ReportsView
    reviews: ReviewQueueView
    audit: AuditView

    def refresh(self, *_: object) -> None:
        """After a sync brought the team's changes: every page reads the store again."""
        self.overview.refresh()
        self.dashboard.refresh()
        self.notes.refresh()
        self.reports.refresh()
        self.reviews.refresh()


def install_supervisor_pages(
    window: MainWindow,
    runner: StoreRunner,
    settings: AppSettings,
    cases: CaseWindows,
    *,
    on_date: date | None = None,
) -> SupervisorPages:
    """Add the supervisor pages to `window`; `on_date` fixes "today" (demos, screenshots, tests)."""
    overview = TeamOverviewView(runner, on_date=on_date, county=lambda: settings.default_county)
    dashboard = KpiDashboardView(runner, on_date=on_date, county=settings.default_county)
    notes = SupervisionView(runner, settings)
    reports = ReportsView(runner, settings, on_date=on_date)
    review_queue = ReviewQueueView(runner)
    audit = AuditView(runner)
    pages = SupervisorPages(overview, dashboard, notes, reports, review_queue, audit)
    for page in (overview, dashboard, notes, reports, review_queue):
        page.case_opened.connect(cases.open)
    window.add_page(translate("團隊總覽", "Team overview"), overview)
    window.add_page(translate("待審", "Sign-off"), review_queue)
    window.add_page(translate("績效指標", "Performance"), dashboard)
    window.add_page(translate("督導紀錄", "Supervision"), notes)
    window.add_page(translate("報表", "Reports"), reports)
    window.add_page(translate("稽核紀錄", "Audit log"), audit)
    overview.conflicts_requested.connect(lambda: show_conflicts(window, runner, overview.refresh))
    for page in (overview, dashboard, reports):
        page.drilled.connect(lambda dialog: _offer_hand_over(window, runner, dialog, pages.refresh))
    return pages


def _offer_hand_over(window: QWidget, runner: StoreRunner, cases: CaseListDialog, changed: Callable[[], None]) -> None:
    """移案 from a list of the team's cases: the case manager's own hand-over dialog (summaries, the new owner). The
    owner change goes up at once when online; the server moves the cases to the new case manager's laptop (and off
    the old one's) at their next sync."""

    def hand_over(case_ids: list[uuid.UUID]) -> None:
        dialog = HandoverDialog(runner, case_ids, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.transferred.connect(lambda _result: _handed_over(window, changed))
        dialog.open()
        cases.hand_over_opened.emit(dialog)

    cases.hand_over_requested.connect(hand_over)


def _handed_over(window: QWidget, changed: Callable[[], None]) -> None:
    controller = getattr(window, "sync", None)
    if isinstance(controller, SyncController):
        controller.auto_sync()  # when logged in and the server answers; offline, it goes up at the next sync
    changed()  # the pages count the cases under their new case manager


def show_conflicts(window: QWidget, runner: StoreRunner, changed: Callable[[], None]) -> ConflictsDialog:
    """The team's sync conflicts (every conflict synced to this laptop is on a team member's record)."""
    dialog = ConflictsDialog(runner, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.changed.connect(changed)
    controller = getattr(window, "sync", None)
    if isinstance(controller, SyncController):
        dialog.changed.connect(controller.refresh_status)
    dialog.open()
    return dialog
