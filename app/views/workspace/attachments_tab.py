"""附件: the case's scanned documents and signed forms (and the client's own, such as the certificate), stored once
per content inside the encrypted store; add a file, open it, or save a copy where the case manager chooses."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from PySide6.QtCore import QTemporaryDir, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.models import Case
from app.services import clock, plan_edits
from app.services.plan_edits import AttachmentInfo
from app.views.runner import StoreRunner
from app.views.workspace.base import CaseTab
from app.views.workspace.common import Notice, day_text, muted_label, pick, run_edit
from app.views.workspace.common_tables import add_row, cell, find_selected, make_table, select_id, selected_id
from app.views.workspace.read_only import mark_viewing

KINDS: Final[dict[str, tuple[str, str]]] = {
    "application/pdf": ("PDF 文件", "PDF"),
    "image/jpeg": ("JPEG 圖片", "JPEG image"),
    "image/png": ("PNG 圖片", "PNG image"),
    "image/tiff": ("TIFF 掃描檔", "TIFF scan"),
    "application/msword": ("Word 文件", "Word document"),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ("Word 文件", "Word document"),
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ("Excel 試算表", "Excel sheet"),
}
FILE_FILTER: Final = (
    "掃描檔與文件 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx *.xlsx);;所有檔案 (*)",
    "Scans and documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx *.xlsx);;All files (*)",
)


def kind_text(media_type: str) -> str:
    known = KINDS.get(media_type)
    if known is not None:
        return pick(known)
    return media_type.split("/")[-1].upper() if "/" in media_type else media_type


def size_text(size: int) -> str:
    if size >= 2**20:
        return f"{size / 2**20:.1f} MB"
    if size >= 2**10:
        return f"{size / 2**10:.0f} KB"
    return f"{size} B"


class AttachmentsTab(CaseTab):
    title_zh = "附件"
    title_en = "Attachments"

    def __init__(self, runner: StoreRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.attachments: list[AttachmentInfo] = []
        self._focus: uuid.UUID | None = None
        self._temp: QTemporaryDir | None = None  # opened copies, removed with the tab
        self.table = make_table(
            [
                self.text("檔名", "File"),
                self.text("類型", "Type"),
                self.text("大小", "Size"),
                self.text("加入日期", "Added"),
                self.text("說明", "Description"),
            ],
            self.text("附件", "Attachments"),
        )
        self.table.itemSelectionChanged.connect(self._picked)
        self.table.doubleClicked.connect(self.open_selected)
        self.empty = muted_label(
            self.text(
                "尚無附件。可加入身心障礙證明、同意書、計畫書簽名頁等掃描檔；檔案加密存放於本機資料庫。",
                "No attachments yet. Add scans of the certificate, consent forms or signed plans; "
                "they are kept encrypted in the local store.",
            ),
            wrap=True,
        )
        self.description = QLineEdit()
        self.description.setAccessibleName(self.text("附件說明", "Description"))
        self.description.setPlaceholderText(self.text("加入時的說明（選填），例：身心障礙證明正反面", "Description"))
        self.add_button = QPushButton(self.text("加入檔案…", "Add file…"))
        self.open_button = QPushButton(self.text("開啟", "Open"))
        self.save_button = QPushButton(self.text("另存副本…", "Save a copy…"))
        mark_viewing(self.open_button, self.save_button)  # a supervisor reads the attachments of a team case too
        self.add_button.clicked.connect(self.choose_file)
        self.open_button.clicked.connect(self.open_selected)
        self.save_button.clicked.connect(self.choose_copy_path)
        self.notice = Notice()
        add_row = QHBoxLayout()
        add_row.addWidget(self.description, 1)
        add_row.addWidget(self.add_button)
        add_row.addSpacing(24)
        add_row.addWidget(self.open_button)
        add_row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addLayout(add_row)
        layout.addWidget(self.notice)
        self._picked()

    def show_case(self, case: Case) -> None:
        super().show_case(case)
        case_id = case.id
        self.runner.run(lambda session: plan_edits.list_attachments(session, case_id), self._listed, owner=self)

    def _listed(self, attachments: Sequence[AttachmentInfo]) -> None:
        keep = self._focus or selected_id(self.table)
        self.attachments = list(attachments)
        self.table.setRowCount(0)
        for info in self.attachments:
            description = info.description or "—"
            if info.of_client:
                description = self.text(f"（個案基本資料）{info.description}", f"(client record) {info.description}")
            add_row(
                self.table,
                [
                    cell(info.filename, info.id),
                    cell(kind_text(info.media_type)),
                    cell(size_text(info.size)),
                    cell(day_text(clock.local_date(info.added_at))),
                    cell(description),
                ],
            )
        self.table.setVisible(bool(self.attachments))
        self.empty.setVisible(not self.attachments)
        select_id(self.table, keep)
        self._focus = None
        self._picked()

    def _picked(self) -> None:
        chosen = selected_id(self.table) is not None
        self.open_button.setEnabled(chosen)
        self.save_button.setEnabled(chosen)
        self.add_button.setEnabled(self.case is not None)

    def selected(self) -> AttachmentInfo | None:
        return find_selected(self.table, self.attachments)

    # --- adding ---

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.text("加入附件", "Add an attachment"), "", pick(FILE_FILTER))
        if path:
            self.add_file(Path(path), self.description.text())

    def add_file(self, path: Path, description: str = "") -> None:
        """Read `path` (off the GUI thread), hash it and store it with the case."""
        if self.case is None:
            return
        case_id = self.case.id

        def added(info: AttachmentInfo) -> None:
            self._focus = info.id
            self.description.clear()
            self.notice.show_ok(self.text(f"已加入「{info.filename}」。", f"Added '{info.filename}'."))
            self.changed.emit()  # the workspace reloads, and this tab lists the files again

        run_edit(
            self,
            self.notice,
            lambda session: plan_edits.add_attachment_file(session, case_id, path, description),
            added,
            progress=self.text("加入附件…", "Adding the file…"),
        )

    # --- copies ---

    def choose_copy_path(self) -> None:
        info = self.selected()
        if info is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.text("另存副本", "Save a copy"), info.filename)
        if path:
            self.save_copy(info.id, Path(path))

    def save_copy(self, attachment_id: uuid.UUID, target: Path) -> None:
        """Write the attachment's checked bytes to `target` (off the GUI thread)."""

        def saved(written: Path) -> None:
            self.notice.show_ok(self.text(f"已另存至 {written}", f"Saved to {written}"))

        run_edit(
            self,
            self.notice,
            lambda session: plan_edits.save_attachment_copy(session, attachment_id, target),
            saved,
            progress=self.text("另存副本…", "Saving the copy…"),
        )

    def open_selected(self) -> None:
        """Open a copy with the system's viewer; the copy lives in a private temporary folder removed on exit."""
        info = self.selected()
        if info is None:
            return
        if self._temp is None or not self._temp.isValid():
            self._temp = QTemporaryDir()
        target = Path(self._temp.path()) / f"{info.id.hex[:8]}-{info.filename}"
        attachment_id = info.id

        def written(path: Path) -> None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

        run_edit(
            self, self.notice, lambda session: plan_edits.save_attachment_copy(session, attachment_id, target), written
        )
