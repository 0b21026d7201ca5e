"""報表: the daily report of clients served by 特定對象身分 (app.services.daily_report) as a table, printed (a PDF
previewed, app.printing daily_report) or saved as an Excel workbook with the same figures, and the monthly report
(月報表 表6-1, 表6-2, app.views.print_monthly) a click away. A cell of the table lists the cases behind it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import IO, Any, Final

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError, Language
from app.printing import print_daily_report
from app.services import clock
from app.services.daily_report import DailyReport, daily_report, period_text, table, write_daily_workbook
from app.services.exchange_json import write_private
from app.views.errors import report_error
from app.views.forms import SUCCESS_STYLE
from app.views.i18n import current_language, translate
from app.views.print_job import PrintedPdf, PrivateFolder, printed_pdf
from app.views.print_launch import open_preview
from app.views.print_monthly import MonthlyReportDialog
from app.views.runner import StoreRunner
from app.views.settings import AppSettings
from app.views.supervisor.drill import CaseListDialog
from app.views.widgets import RocDateEdit

OWNER_ROLE: Final = Qt.ItemDataRole.UserRole + 1  # str | None (None: every case manager)
GROUP_ROLE: Final = Qt.ItemDataRole.UserRole + 2  # str | None (None: every target group)


def _language() -> Language:
    return "en" if current_language() == "en" else "zh-TW"


class ReportsView(QWidget):
    case_opened = Signal(object)  # uuid.UUID
    report_shown = Signal(object)  # the DailyReport now in the table
    exported = Signal(object)  # the Path written
    drilled = Signal(object)  # the CaseListDialog shown
    monthly_opened = Signal(object)  # the MonthlyReportDialog
    preview_opened = Signal(object)  # the PrintPreview of the daily report

    def __init__(
        self,
        runner: StoreRunner,
        settings: AppSettings,
        *,
        on_date: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.settings = settings
        self.report: DailyReport | None = None
        today = on_date or clock.today()

        title = QLabel(translate("報表", "Reports"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)

        self.first = RocDateEdit(label=translate("服務日期（起）", "From"), field_name="first")
        self.first.setDate(today)
        self.last = RocDateEdit(label=translate("服務日期（迄）", "To"), field_name="last")
        self.last.setDate(today)
        self.show_button = QPushButton(translate("產生日報", "Show"))
        self.show_button.setDefault(True)
        self.show_button.clicked.connect(self.show_report)
        self.excel_button = QPushButton(translate("匯出 Excel…", "Save as Excel…"))
        self.excel_button.setEnabled(False)
        self.excel_button.clicked.connect(self.ask_export)
        self.print_button = QPushButton(translate("列印／PDF…", "Print / PDF…"))
        self.print_button.setToolTip(
            translate("預覽日報，可列印或另存 PDF", "Preview the report to print it or save it as a PDF")
        )
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(self.print_report)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        self.table = QTableWidget()
        self.table.setAccessibleName(translate("服務對象日報", "Daily report"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.cellDoubleClicked.connect(self._drill)
        self.table.setToolTip(translate("按兩下數字列出個案", "Double-click a figure to list its cases"))

        dates = QHBoxLayout()
        dates.addWidget(QLabel(translate("服務日期", "Served on")))
        dates.addWidget(self.first)
        dates.addWidget(QLabel(translate("至", "to")))
        dates.addWidget(self.last)
        dates.addWidget(self.show_button)
        dates.addStretch(1)
        dates.addWidget(self.print_button)
        dates.addWidget(self.excel_button)
        daily = QGroupBox(translate("服務對象日報（依特定對象身分）", "Clients served by target group"))
        daily_layout = QVBoxLayout(daily)
        explain = QLabel(
            translate(
                "當日有定稿服務紀錄或聯繫成功的個案，依特定對象身分與承辦人計人數；一人有多種身分時各計一次。",
                "Clients with a finalised service record or a successful contact on the day, by target group and case "
                "manager; a person with several target groups counts in each.",
            )
        )
        explain.setWordWrap(True)
        explain.setStyleSheet("color: #444;")
        daily_layout.addLayout(dates)
        daily_layout.addWidget(explain)
        daily_layout.addWidget(self.summary)
        daily_layout.addWidget(self.table, 1)
        daily_layout.addWidget(self.message)

        self.monthly_button = QPushButton(translate("月報表（表6-1、表6-2）…", "Monthly report (forms 6-1, 6-2)…"))
        self.monthly_button.clicked.connect(self.open_monthly)
        monthly = QGroupBox(translate("月報表", "Monthly report"))
        monthly_layout = QHBoxLayout(monthly)
        monthly_note = QLabel(
            translate(
                "每月10日前彙送前一個月的服務成果（003 二(二)9）：預覽、列印或匯出 Excel。",
                "Due by the 10th for the month before: preview, print or save as Excel.",
            )
        )
        monthly_note.setWordWrap(True)
        monthly_layout.addWidget(monthly_note, 1)
        monthly_layout.addWidget(self.monthly_button)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(daily, 1)
        layout.addWidget(monthly)
        self.show_report()

    # --- the daily report -------------------------------------------------------------------------------------

    def show_report(self) -> None:
        first, last = self.first.date(), self.last.date()
        if first is None:
            report_error(AppError("請輸入服務日期。", "Enter the day."), self)
            return
        self.show_button.setEnabled(False)

        def job(session: Any) -> DailyReport:
            return daily_report(session, first, last or first)

        def failed(error: BaseException) -> None:
            self.show_button.setEnabled(True)
            report_error(error, self)

        self.runner.run(job, self._show, failed, owner=self)

    def _show(self, report: DailyReport) -> None:
        self.show_button.setEnabled(True)
        self.report = report
        language = _language()
        header, body = table(report, language)
        self.table.clear()
        self.table.setColumnCount(len(header))
        self.table.setRowCount(len(body))
        self.table.setHorizontalHeaderLabels(header)
        owners: list[str | None] = [*report.owners, None]
        groups: list[str | None] = [row.code for row in report.rows] + [None, None]
        for r, values in enumerate(body):
            totals = r >= len(report.rows)
            for c, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    item.setData(OWNER_ROLE, owners[c - 1])
                    item.setData(GROUP_ROLE, groups[r])
                if totals or c == len(values) - 1:
                    bold = item.font()
                    bold.setBold(True)
                    item.setFont(bold)
                self.table.setItem(r, c, item)
        header_view = self.table.horizontalHeader()
        header_view.setMinimumSectionSize(self.table.fontMetrics().horizontalAdvance("cm.huang") + 24)
        header_view.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header_view.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.summary.setText(
            translate(
                f"{period_text(report, language)}：服務 {report.people_total} 人、{report.services_total} 人次",
                f"{period_text(report, language)}: {report.people_total} people, {report.services_total} services",
            )
        )
        self.excel_button.setEnabled(True)
        self.print_button.setEnabled(True)
        self.report_shown.emit(report)

    def _drill(self, row: int, column: int) -> None:
        item = self.table.item(row, column)
        if self.report is None or item is None or column == 0 or row >= len(self.report.rows) + 1:
            return
        owner, group = item.data(OWNER_ROLE), item.data(GROUP_ROLE)
        ids = self.report.case_ids(owner, group)
        header_item = self.table.horizontalHeaderItem(column)
        who = header_item.text() if header_item is not None else ""
        what = self.table.item(row, 0)
        title = f"{period_text(self.report, _language())} · {who} · {what.text() if what else ''}"
        self._list(title, ids)

    def _list(self, title: str, ids: list[uuid.UUID]) -> None:
        dialog = CaseListDialog(self.runner, title, ids, self)
        dialog.case_opened.connect(self.case_opened)
        dialog.show()
        self.drilled.emit(dialog)

    def print_report(self) -> None:
        """The report on screen as the 服務對象日報 PDF: the same figures as the table and the workbook, not counted
        again (a sync since may have brought more)."""
        report, agency = self.report, self.settings.agency_info()
        if report is None:
            return

        def make_job(folder: PrivateFolder) -> Callable[[Any], PrintedPdf]:
            def job(_session: Any) -> PrintedPdf:
                path = folder.file("daily_report.pdf")
                return printed_pdf(path, [print_daily_report(report, path, agency)])

            return job

        self.print_button.setEnabled(False)
        open_preview(
            self.runner,
            make_job,
            self,
            progress=translate("正在產生日報…", "Making the report…"),
            opened=self.preview_opened.emit,
            finished=lambda: self.print_button.setEnabled(True),
        )

    def refresh(self) -> None:
        """After a sync: the report shown is counted again for the same days (nothing is shown before a first one)."""
        if self.report is not None:
            self.first.setDate(self.report.first)
            self.last.setDate(self.report.last)
            self.show_report()

    def ask_export(self) -> None:
        if self.report is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder or Path.home()) / f"服務對象日報 {self.report.first.isoformat()}.xlsx")
        name, _ = QFileDialog.getSaveFileName(
            self, translate("匯出 Excel", "Save as Excel"), suggested, "Excel (*.xlsx)"
        )
        if name:
            self.export(Path(name))

    def export(self, target: Path) -> None:
        """Write the report on screen to `target` (readable by its owner only: it counts clients)."""
        report = self.report
        if report is None:
            return
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        language = _language()

        def write(file: IO[bytes]) -> None:
            write_daily_workbook(report, file, language)

        def job(_session: Any) -> Path:
            write_private(target, write)
            return target

        self.runner.run(job, self._exported, lambda error: report_error(error, self), owner=self)

    def _exported(self, target: Path) -> None:
        self.message.setStyleSheet(SUCCESS_STYLE)
        self.message.setText(translate(f"已匯出：{target}（僅限本人讀取）", f"Saved: {target} (readable by you only)"))
        self.message.setVisible(True)
        self.exported.emit(target)

    # --- the monthly report -----------------------------------------------------------------------------------

    def open_monthly(self) -> None:
        dialog = MonthlyReportDialog(self.runner, self.settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.monthly_opened.emit(dialog)
