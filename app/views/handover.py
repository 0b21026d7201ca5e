"""移案: hand selected cases to another case manager, each with its 移案摘要 (seed 000, A7).

The dialog loads, off the GUI thread, the summary each case would get now (with its open deadlines from the
deadline engine) and the case managers found in the store. The user picks the receiving case manager (or types a
username), gives a reason and confirms; `directory.hand_over` freezes the summaries in CaseTransfer rows.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Final

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.services import clock
from app.services.directory import CaseManager, HandoverPreview, HandoverResult, case_managers, hand_over
from app.services.directory import handover_previews as load_previews
from app.services.labels import label
from app.views.errors import current_language, report_error
from app.views.forms import ERROR_STYLE, SUCCESS_STYLE, PastDateEdit, message_label, tr, with_message
from app.views.runner import StoreRunner
from app.views.widgets import FieldMessage

OVERDUE_COLOUR: Final = "#b3261e"
REASONS: Final = (
    ("個管員離職", "Case manager leaving"),
    ("職務調整", "Change of duties"),
    ("服務區域調整", "Change of service area"),
    ("個案量平衡", "Balancing caseloads"),
    ("個案遷居", "Client moved"),
)


def stage_label(preview: HandoverPreview) -> str:
    return label(preview.stage, current_language())


class HandoverDialog(QDialog):
    """移案 of `case_ids`. `known_managers` adds usernames to those found in the store. `transferred` fires with
    the HandoverResult once the cases have moved."""

    transferred = Signal(object)  # HandoverResult
    loaded = Signal()  # previews and case managers are shown

    def __init__(
        self,
        runner: StoreRunner,
        case_ids: Sequence[uuid.UUID],
        parent: QWidget | None = None,
        *,
        known_managers: Sequence[str] = (),
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.case_ids = list(dict.fromkeys(case_ids))
        self.known_managers = list(known_managers)
        self.today = today or clock.today()
        self.previews: list[HandoverPreview] = []
        self.managers: list[CaseManager] = []
        self.outcome: HandoverResult | None = None
        self.setWindowTitle(tr("移案", "Hand over cases"))

        self.heading = QLabel(tr(f"移案 {len(self.case_ids)} 件：載入移案摘要…", "Loading hand-over summaries…"))
        heading_font = QFont(self.heading.font())
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.cases = QListWidget()
        self.cases.setAccessibleName(tr("要移出的個案", "Cases to hand over"))
        self.cases.setSpacing(3)
        self.cases.currentRowChanged.connect(self._show_summary)
        self.summary = QPlainTextEdit()
        self.summary.setReadOnly(True)
        self.summary.setAccessibleName(tr("移案摘要", "Hand-over summary"))
        self.summary.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont))
        summary_box = QWidget()
        summary_layout = QVBoxLayout(summary_box)
        summary_layout.setContentsMargins(0, 0, 0, 0)
        summary_layout.addWidget(
            QLabel(tr("移案摘要（將隨個案一併移交）", "Hand-over summary (goes with the case, kept in Chinese)"))
        )
        summary_layout.addWidget(self.summary)
        cases_box = QWidget()
        cases_layout = QVBoxLayout(cases_box)
        cases_layout.setContentsMargins(0, 0, 0, 0)
        cases_layout.addWidget(QLabel(tr("個案", "Cases")))
        cases_layout.addWidget(self.cases)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(cases_box)
        splitter.addWidget(summary_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([280, 600])

        self.receiver = QComboBox()
        self.receiver.setEditable(True)
        self.receiver.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.receiver.setAccessibleName(tr("接手個管員", "Receiving case manager"))
        line = self.receiver.lineEdit()
        if line is not None:
            line.setPlaceholderText(tr("選擇或輸入帳號", "Choose or type a username"))
        self.receiver_message = FieldMessage()
        self.receiver.currentTextChanged.connect(lambda *_: self._receiver_changed())
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason.setAccessibleName(tr("移案原因", "Reason"))
        self.reason.addItem("")
        for zh, en in REASONS:
            self.reason.addItem(tr(zh, en))
        reason_line = self.reason.lineEdit()
        if reason_line is not None:
            reason_line.setPlaceholderText(tr("選擇或輸入原因", "Choose or type a reason"))
        self.reason_message = FieldMessage()
        self.reason.currentTextChanged.connect(lambda *_: self.reason_message.clear())
        self.on_date = PastDateEdit(label=tr("移案日", "Hand-over date"), field_name="transferred_on", today=self.today)
        self.on_date.setDate(self.today)
        form = QFormLayout()
        form.addRow(tr("接手個管員 *", "Receiving case manager *"), with_message(self.receiver, self.receiver_message))
        form.addRow(tr("移案原因 *", "Reason *"), with_message(self.reason, self.reason_message))
        form.addRow(tr("移案日 *", "Date *"), self.on_date)

        self.result_banner = message_label(SUCCESS_STYLE)
        self.result_banner.hide()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.confirm = QPushButton(tr("確認移案", "Hand over"))
        self.confirm.setEnabled(False)
        self.confirm.clicked.connect(self.transfer)
        self.cancel = QPushButton(tr("取消", "Cancel"))
        self.cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.problem, 1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.confirm)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(splitter, 1)
        layout.addLayout(form)
        layout.addWidget(self.result_banner)
        layout.addLayout(buttons)
        self.resize(900, 640)
        self._load()

    def _load(self) -> None:
        ids = list(self.case_ids)
        progress = tr("準備移案摘要…", "Preparing hand-over summaries…")
        self.runner.run(
            lambda session: (load_previews(session, ids, self.today), case_managers(session)),
            lambda loaded: self._loaded(*loaded),
            self._failed,
            owner=self,
            progress=progress,
        )

    def _loaded(self, previews: list[HandoverPreview], managers: list[CaseManager]) -> None:
        self.previews, self.managers = previews, managers
        owners = sorted({p.owner for p in previews})
        self.heading.setText(
            tr(
                f"移案 {len(previews)} 件（目前個管員：{'、'.join(owners)}）",
                f"Handing over {len(previews)} case(s) (now with {', '.join(owners)})",
            )
        )
        self.cases.clear()
        for preview in previews:
            due = (
                tr(f"待辦 {preview.deadlines}", f"{preview.deadlines} due")
                if preview.deadlines
                else tr("無待辦", "nothing due")
            )
            if preview.overdue:
                due += tr(f"（逾期 {preview.overdue}）", f" ({preview.overdue} overdue)")
            item = QListWidgetItem(f"{preview.client_name}　{stage_label(preview)}\n{preview.owner}・{due}")
            item.setData(Qt.ItemDataRole.UserRole, preview.case_id)
            if preview.overdue:
                item.setForeground(Qt.GlobalColor.darkRed)
            self.cases.addItem(item)
        self.receiver.blockSignals(True)
        self.receiver.clear()
        counts = {m.username: m.open_cases for m in managers}
        for username in sorted(set(counts) | set(self.known_managers)):
            if username in owners and len(owners) == 1:
                continue  # the cases' own case manager cannot receive them
            shown = tr(
                f"{username}（進行中 {counts.get(username, 0)} 件）", f"{username} ({counts.get(username, 0)} open)"
            )
            self.receiver.addItem(shown, username)
        self.receiver.setCurrentIndex(-1)
        self.receiver.setEditText("")
        self.receiver.blockSignals(False)
        if previews:
            self.cases.setCurrentRow(0)
        self.confirm.setEnabled(bool(previews))
        self.confirm.setText(tr(f"確認移案（{len(previews)} 件）", f"Hand over {len(previews)} case(s)"))
        self.loaded.emit()

    def _show_summary(self, row: int) -> None:
        shown = self.previews[row].summary.as_text(current_language()) if 0 <= row < len(self.previews) else ""
        self.summary.setPlainText(shown)

    def receiving_manager(self) -> str:
        """The username chosen from the list (its data) or typed (the text)."""
        text = self.receiver.currentText().strip()
        index = self.receiver.currentIndex()
        if index >= 0 and self.receiver.itemText(index) == self.receiver.currentText():
            return str(self.receiver.itemData(index))
        return text

    def _receiver_changed(self) -> None:
        username = self.receiving_manager()
        self.receiver_message.clear()
        if username and username not in {m.username for m in self.managers} | set(self.known_managers):
            self.receiver_message.showHint(
                tr(
                    f"「{username}」目前沒有任何個案，請確認帳號拼寫正確。",
                    f"'{username}' has no cases yet; check the username's spelling.",
                )
            )

    def transfer(self) -> None:
        """Saves nothing while a field is invalid; each problem is shown beside its field."""
        to_owner = self.receiving_manager()
        reason = self.reason.currentText().strip()
        valid = self.on_date.isValid()
        self.on_date.revealProblem()
        if not to_owner:
            self.receiver_message.showError(tr("請選擇接手的個管員。", "Choose who takes over."))
            valid = False
        elif all(p.owner == to_owner for p in self.previews):
            self.receiver_message.showError(
                tr(f"這些個案本來就由 {to_owner} 負責。", f"{to_owner} already has these cases.")
            )
            valid = False
        if not reason:
            self.reason_message.showError(tr("請填寫移案原因。", "Please give a reason."))
            valid = False
        on = self.on_date.date()
        if not valid or on is None:
            return
        self.problem.clear()
        self.confirm.setEnabled(False)
        ids = [p.case_id for p in self.previews]
        self.runner.run(
            lambda session: hand_over(session, ids, to_owner, reason, on),
            self._done,
            self._failed,
            owner=self,
            progress=tr("移案中…", "Handing over…"),
        )

    def _done(self, result: HandoverResult) -> None:
        self.outcome = result
        moved, skipped = len(result.transferred), len(result.already_theirs)
        text = tr(
            f"<b>已將 {moved} 件個案移交給 {result.to_owner}</b>，每件都附有移案摘要。",
            f"<b>{moved} case(s) handed over to {result.to_owner}</b>, each with its summary.",
        )
        if skipped:
            text += tr(
                f"<br>略過 {skipped} 件：原本就由 {result.to_owner} 負責。",
                f"<br>{skipped} skipped: {result.to_owner} already had them.",
            )
        self.result_banner.setText(text)
        moved_ids = set(result.transferred)
        for row, preview in enumerate(self.previews):
            item = self.cases.item(row)
            if item is not None and preview.case_id in moved_ids:
                item.setText(f"{preview.client_name}　{stage_label(preview)}\n{preview.owner} → {result.to_owner} ✓")
                item.setForeground(Qt.GlobalColor.darkGreen)
        self.result_banner.show()
        for widget in (self.receiver, self.reason, self.on_date, self.confirm):
            widget.setEnabled(False)
        self.confirm.hide()
        self.cancel.setText(tr("關閉", "Close"))
        self.cancel.clicked.disconnect()
        self.cancel.clicked.connect(self.accept)
        self.cancel.setDefault(True)
        self.cancel.setFocus()
        self.transferred.emit(result)

    def _failed(self, error: BaseException) -> None:
        self.confirm.setEnabled(bool(self.previews))
        if isinstance(error, AppError):
            self.problem.setText(error.message(current_language()))
        else:
            report_error(error, self)
