"""列印: the print dialog for one case or a batch of selected cases, and the File-menu actions.

The dialog asks which document, the addressee where the document is a notice, and (for one case) the client's or
guardian's signature on the screen. 預覽 builds and renders the PDF on the store worker (the window stays usable)
and opens the preview, where the user prints, saves a PDF or closes. `install_printing` adds 列印… (Ctrl+P, the
cases selected in 我的個案) and 月報表… to the File menu; the case workspace has its own 列印 menu.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.printing import PrintOptions, Signatures, load_template
from app.views.errors import current_language, report_error
from app.views.forms import tr
from app.views.print_job import (
    PrintedPdf,
    PrintRequest,
    PrivateFolder,
    client_signers,
    documents_about,
    has_addressee,
    print_job,
    remove_stale_folders,
)
from app.views.print_monthly import MonthlyReportDialog
from app.views.print_preview import PrintPreview
from app.views.runner import StoreRunner
from app.views.settings import AppSettings
from app.views.signature_pad import SignatureDialog

if TYPE_CHECKING:
    from app.views.main_window import MainWindow

ADDRESSEES: Final = (
    (None, "依個案來源（有轉介單位時致轉介單位）", "By the case's source (the referring unit if any)"),
    ("applicant", "申請人", "The applicant"),
    ("referring_unit", "轉介單位", "The referring unit"),
)
NAMES_SHOWN: Final = 3


class PrintDialog(QDialog):
    """Print one document for `case_ids` (one case, or a batch into one PDF). `names` are the clients' names when
    the caller knows them (the heading shows them). `preview_opened` fires with the PrintPreview."""

    preview_opened = Signal(object)

    def __init__(
        self,
        runner: StoreRunner,
        settings: AppSettings,
        case_ids: Sequence[uuid.UUID],
        parent: QWidget | None = None,
        *,
        doc_id: str | None = None,
        names: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.settings = settings
        self.case_ids = tuple(dict.fromkeys(case_ids))
        self.folder: PrivateFolder | None = PrivateFolder()  # this job's PDF and signatures, handed to the preview
        # Until it is handed over, the folder goes however the dialog ends (its window closed under it too).
        self._not_handed_over = [self.folder]
        self.destroyed.connect(functools.partial(_remove_folders, self._not_handed_over))
        self.signatures: dict[str, Path] = {}
        batch = len(self.case_ids) > 1
        self.setWindowTitle(tr("批次列印", "Batch print") if batch else tr("列印", "Print"))

        shown = "、".join(names[:NAMES_SHOWN]) + ("…" if len(names) > NAMES_SHOWN else "")
        count = len(self.case_ids)
        heading = QLabel(
            tr(f"列印 {count} 件個案：{shown}", f"Print for {count} case(s): {shown}")
            if shown
            else tr(f"列印 {count} 件個案", f"Print for {count} case(s)")
        )
        heading.setWordWrap(True)

        self.document = QComboBox()
        self.document.setAccessibleName(tr("文件", "Document"))
        english = current_language() == "en"
        for form_id, title, title_en in documents_about("case"):
            self.document.addItem(title_en if english else title, form_id)
        if doc_id is not None:
            self.document.setCurrentIndex(max(0, self.document.findData(doc_id)))
        self.addressee = QComboBox()
        self.addressee.setAccessibleName(tr("受文者", "Addressee"))
        for code, zh, en in ADDRESSEES:
            self.addressee.addItem(tr(zh, en), code)

        self.signature_box = QGroupBox(tr("現場簽名（選用）", "Sign on screen (optional)"))
        self.signature_rows = QFormLayout(self.signature_box)
        self.note = QLabel(
            tr(
                "批次列印時每份文件的簽名欄留白，請列印後親簽。",
                "In a batch, the signature lines stay blank to be signed on paper.",
            )
        )
        self.note.setWordWrap(True)
        self.note.setVisible(batch)

        form = QFormLayout()
        form.addRow(tr("文件", "Document"), self.document)
        form.addRow(tr("受文者", "Addressee"), self.addressee)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.preview_button = QPushButton(tr("預覽…", "Preview…"))
        self.preview_button.setDefault(True)
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.preview_button.clicked.connect(self.start_preview)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.signature_box)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.document.currentIndexChanged.connect(self._document_changed)
        self._document_changed()
        self.resize(560, 0)

    @property
    def doc_id(self) -> str:
        return str(self.document.currentData())

    def _document_changed(self) -> None:
        template = load_template(self.doc_id)
        self.addressee.setEnabled(has_addressee(template))
        while self.signature_rows.rowCount():
            self.signature_rows.removeRow(0)
        signers = client_signers(template) if len(self.case_ids) == 1 else []
        for signer in signers:
            self.signature_rows.addRow(signer.label, self._signature_row(signer.role, signer.label))
        self.signature_box.setVisible(bool(signers))

    def _signature_row(self, role: str, label: str) -> QWidget:
        row = QWidget()
        status = QLabel(tr("已簽", "Signed") if role in self.signatures else tr("未簽（印出後親簽）", "Not signed"))
        sign = QPushButton(tr("簽名…", "Sign…"))
        sign.setAccessibleName(tr(f"{label}：簽名", f"{label}: sign"))
        remove = QPushButton(tr("清除", "Clear"))
        remove.setEnabled(role in self.signatures)

        def capture() -> None:
            if self.folder is None:
                return
            target = self.folder.file(f"signature-{role}.png")
            if SignatureDialog(label, target, self).exec() == QDialog.DialogCode.Accepted:
                self.set_signature(role, target)
                status.setText(tr("已簽", "Signed"))
                remove.setEnabled(True)

        def clear() -> None:
            path = self.signatures.pop(role, None)
            if path is not None:
                path.unlink(missing_ok=True)
            status.setText(tr("未簽（印出後親簽）", "Not signed"))
            remove.setEnabled(False)

        sign.clicked.connect(capture)
        remove.clicked.connect(clear)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(status, 1)
        layout.addWidget(sign)
        layout.addWidget(remove)
        return row

    def set_signature(self, role: str, png: Path) -> None:
        """Use the signature image `png` (in this job's folder) for signer `role` (client, guardian)."""
        self.signatures[role] = png

    def request(self) -> PrintRequest:
        roles = {signer.role for signer in client_signers(load_template(self.doc_id))}
        signatures = Signatures(**{role: path for role, path in self.signatures.items() if role in roles})
        addressee = self.addressee.currentData() if self.addressee.isEnabled() else None
        return PrintRequest(
            doc_ids=(self.doc_id,),
            agency=self.settings.agency_info(),
            case_ids=self.case_ids,
            options=PrintOptions(addressee=addressee, signatures=signatures),
            skip_unfit=len(self.case_ids) > 1,
        )

    def start_preview(self) -> None:
        """Build and render on the store worker; the preview opens when the PDF is ready."""
        if self.folder is None:
            return
        self.preview_button.setEnabled(False)
        self.runner.run(
            print_job(self.request(), self.folder),
            self._show_preview,
            self._failed,
            owner=self,
            progress=tr("正在產生 PDF…", "Making the PDF…"),
        )

    def _show_preview(self, printed: PrintedPdf) -> None:
        preview = PrintPreview(printed, self.folder, self.parentWidget())
        self.folder = None  # the preview removes it when it closes
        self._not_handed_over.clear()
        preview.show()
        self.preview_opened.emit(preview)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.preview_button.setEnabled(True)
        report_error(error, self)

    def done(self, result: int) -> None:
        if self.folder is not None:  # cancelled: the signatures go
            self.folder.remove()
            self.folder = None
        super().done(result)


PRINTING_WINDOWS: Final = (SignatureDialog, PrintDialog, MonthlyReportDialog, PrintPreview)


def _remove_folders(folders: list[PrivateFolder]) -> None:
    for folder in folders:
        folder.remove()


def open_print_dialog(
    runner: StoreRunner,
    settings: AppSettings,
    case_ids: Sequence[uuid.UUID],
    parent: QWidget | None,
    *,
    doc_id: str | None = None,
    names: Sequence[str] = (),
) -> PrintDialog:
    dialog = PrintDialog(runner, settings, case_ids, parent, doc_id=doc_id, names=names)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def install_printing(
    window: MainWindow,
    runner: StoreRunner,
    settings: AppSettings,
    selected_case_ids: Callable[[], list[uuid.UUID]],
) -> None:
    """列印… (Ctrl+P: one document for the cases selected in 我的個案) and 月報表… in the File menu."""
    remove_stale_folders()

    def close_when_locked() -> None:
        # The lock hides every client's data: a preview or print dialog is closed (its files go with it), not
        # left on screen over the lock, nor modal in front of it.
        if window.locked:
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, PRINTING_WINDOWS) and widget.isVisible():
                    widget.close()

    window.root.currentChanged.connect(close_when_locked)

    def print_selected() -> None:
        case_ids = selected_case_ids()
        if not case_ids:
            QMessageBox.information(
                window,
                "FieldCase",
                tr(
                    "請先在「我的個案」選取要列印的個案（可按住 Ctrl 或 Shift 多選）。"
                    "單一個案也可在個案視窗按「列印」。",
                    "Select the cases to print in My cases first (Ctrl or Shift to select many), or use Print in "
                    "a case's window.",
                ),
            )
            return
        open_print_dialog(runner, settings, case_ids, window)

    def monthly() -> None:
        dialog = MonthlyReportDialog(runner, settings, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    print_action = QAction(tr("列印…", "Print…"), window)
    print_action.setShortcut(QKeySequence.StandardKey.Print)
    print_action.triggered.connect(print_selected)
    monthly_action = QAction(tr("月報表…", "Monthly report…"), window)
    monthly_action.triggered.connect(monthly)
    window.addAction(print_action)
    window.addAction(monthly_action)
    menu = window.file_menu
    settings_action = next((a for a in menu.actions() if a.shortcut() == QKeySequence("Ctrl+,")), None)
    if settings_action is None:
        menu.addActions([print_action, monthly_action])
        menu.addSeparator()
    else:
        menu.insertActions(settings_action, [print_action, monthly_action])
        menu.insertSeparator(settings_action)
