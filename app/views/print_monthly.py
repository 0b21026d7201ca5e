"""月報表…: 表6-1 and 表6-2 of a month, previewed and printed like a form, or saved as an Excel workbook.

The month is typed as case managers write it (114/10 or 2025-10); the default is last month, the one due by the
10th. The figures are the ones `fieldcase report monthly` gives (app.printing.monthly, app.services.kpi_report).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import IO, Any

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.printing import PrintOptions, build_view, load_template
from app.printing.monthly_xlsx import write_month_workbook
from app.printing.views import MonthDocument
from app.services import clock
from app.services.directory import CaseManager, case_managers
from app.services.exchange_json import write_private
from app.services.rocdate import parse_roc_month, roc_year
from app.views.errors import current_language, report_error
from app.views.forms import SUCCESS_STYLE, tr
from app.views.print_job import PrintRequest, documents_about
from app.views.print_launch import open_preview
from app.views.runner import StoreRunner
from app.views.settings import AppSettings


def last_month(today: date) -> tuple[int, int]:
    return (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)


class MonthlyReportDialog(QDialog):
    """Choose the month, the forms and (optionally) one case manager; preview the PDF or save an xlsx."""

    preview_opened = Signal(object)  # the PrintPreview
    exported = Signal(object)  # the Path of the workbook written
    managers_loaded = Signal()

    def __init__(self, runner: StoreRunner, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.settings = settings
        self.setWindowTitle(tr("月報表", "Monthly report"))
        year, month = last_month(clock.today())
        self.month = QLineEdit(f"{roc_year(date(year, month, 1))}/{month:02d}")
        self.month.setAccessibleName(tr("統計月份", "Month"))
        self.month.setPlaceholderText(tr("例：114/10 或 2025-10", "e.g. 2025-10 or 114/10"))
        self.forms: list[tuple[str, QCheckBox]] = []
        forms_row = QHBoxLayout()
        english = current_language() == "en"
        for doc_id, title, title_en in documents_about("month"):
            box = QCheckBox(title_en if english else title)
            box.setChecked(True)
            self.forms.append((doc_id, box))
            forms_row.addWidget(box)
        self.manager = QComboBox()
        self.manager.setAccessibleName(tr("就業服務員", "Case manager"))
        self.manager.addItem(tr("全部（整個單位）", "Everyone (the whole unit)"), None)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)

        form = QFormLayout()
        form.addRow(tr("統計月份", "Month"), self.month)
        form.addRow(tr("報表", "Forms"), forms_row)
        form.addRow(tr("就業服務員", "Case manager"), self.manager)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.preview_button = QPushButton(tr("預覽…", "Preview…"))
        self.preview_button.setDefault(True)
        self.excel_button = QPushButton(tr("匯出 Excel…", "Save as Excel…"))
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.excel_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.preview_button.clicked.connect(self.start_preview)
        self.excel_button.clicked.connect(self.ask_export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.runner.run(case_managers, self._show_managers, owner=self)

    def _show_managers(self, managers: list[CaseManager]) -> None:
        for manager in managers:
            self.manager.addItem(manager.username, manager.username)
        self.managers_loaded.emit()

    def chosen(self) -> tuple[tuple[str, ...], PrintOptions]:
        """The forms and options asked for; AppError when the month cannot be read or no form is ticked."""
        year, month = parse_roc_month(self.month.text(), tr("統計月份", "Month"))
        doc_ids = tuple(doc_id for doc_id, box in self.forms if box.isChecked())
        if not doc_ids:
            raise AppError("請至少勾選一種報表。", "Tick at least one form.")
        manager = self.manager.currentData()
        return doc_ids, PrintOptions(year=year, month=month, manager=str(manager) if manager else None)

    def _busy(self, busy: bool) -> None:
        self.preview_button.setEnabled(not busy)
        self.excel_button.setEnabled(not busy)

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        report_error(error, self)

    # --- PDF ---

    def start_preview(self) -> None:
        try:
            doc_ids, options = self.chosen()
        except AppError as exc:
            report_error(exc, self)
            return
        request = PrintRequest(doc_ids=doc_ids, agency=self.settings.agency_info(), options=options)
        self._busy(True)
        open_preview(
            self.runner,
            request,
            self,
            progress=tr("正在產生月報表…", "Making the report…"),
            parent=self.parentWidget(),
            opened=self.preview_opened.emit,
            finished=lambda: self._busy(False),
        )

    # --- Excel ---

    def ask_export(self) -> None:
        try:
            self.chosen()
        except AppError as exc:
            report_error(exc, self)
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder or Path.home()) / f"月報表 {self.month.text().replace('/', '-')}.xlsx")
        name, _ = QFileDialog.getSaveFileName(self, tr("匯出 Excel", "Save as Excel"), suggested, "Excel (*.xlsx)")
        if name:
            self.export(Path(name))

    def export(self, target: Path) -> None:
        """Write the chosen forms' tables to `target` (0600, it lists clients) on the store worker."""
        doc_ids, options = self.chosen()
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")

        def job(session: Any) -> Path:
            documents = []
            for doc_id in doc_ids:
                view = build_view(session, doc_id, options)
                assert isinstance(view, MonthDocument)
                documents.append((load_template(doc_id), view))

            def write(file: IO[bytes]) -> None:
                write_month_workbook(documents, file)

            write_private(target, write)
            return target

        self._busy(True)
        self.runner.run(job, self._exported, self._failed, owner=self, progress=tr("正在匯出…", "Saving…"))

    def _exported(self, target: Path) -> None:
        self._busy(False)
        self.message.setStyleSheet(SUCCESS_STYLE)
        self.message.setText(tr(f"已匯出：{target}（僅限本人讀取）", f"Saved: {target} (readable by you only)"))
        self.message.setVisible(True)
        self.exported.emit(target)
