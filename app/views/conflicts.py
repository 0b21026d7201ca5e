"""同步衝突 and 被退回的修改: each clash of two offline edits, and each edit the server refused, until someone decides.

A conflict shows the common base, this side's value and the other side's, with who wrote each; the user keeps one
or types the right value, and the choice travels with the next sync (docs/sync-protocol.md, "Resolve"). A refused
edit shows what was typed and why the server refused it, so nothing typed disappears unseen.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import ValidationError
from app.services.rocdate import parse_date
from app.services.sync_labels import RecordCaption, captions, field_label, kind_label, show_value
from app.sync.conflicts import (
    ConflictView,
    RejectedEditView,
    dismiss_rejected_edit,
    open_conflicts,
    rejected_edits,
    resolve_conflict,
)
from app.views.i18n import current_language, translate
from app.views.runner import StoreRunner


@dataclass(frozen=True)
class SyncProblems:
    conflicts: list[ConflictView]
    rejected: list[RejectedEditView]
    captions: dict[uuid.UUID, RecordCaption]


def load_problems(store: Any) -> SyncProblems:
    """Runs on the network worker: the open conflicts, the refused edits, and whose records they are."""
    conflicts = open_conflicts(store)
    rejected = rejected_edits(store)
    records = [(c.record_type, c.record_id) for c in conflicts] + [(r.record_type, r.record_id) for r in rejected]
    with store.transaction() as session:
        return SyncProblems(conflicts, rejected, captions(session, records))


def typed_value(text: str, examples: list[Any]) -> Any:
    """What the user typed, in the form of the field's other values: a date for date fields, a number for numbers."""
    known = [v for v in examples if v not in (None, "")]
    stripped = text.strip()
    if not stripped:
        return None
    if known and all(isinstance(v, str) and len(v) == 10 and v[4] == "-" for v in known):
        return parse_date(stripped).isoformat()
    if known and all(isinstance(v, int) and not isinstance(v, bool) for v in known):
        try:
            return int(stripped)
        except ValueError as exc:
            raise ValidationError("value", "請輸入整數。", "Enter a whole number.") from exc
    return stripped


class ConflictsDialog(QDialog):
    changed = Signal()  # a conflict was resolved or a refused edit dismissed

    def __init__(self, runner: StoreRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.language = current_language()
        self.problems = SyncProblems([], [], {})
        self.setWindowTitle(translate("同步衝突與被退回的修改", "Sync conflicts and refused edits"))
        self.resize(900, 560)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_conflicts(), translate("同步衝突", "Conflicts"))
        self.tabs.addTab(self._build_rejected(), translate("被退回的修改", "Refused edits"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.reload()

    # --- building ---------------------------------------------------------------------------------------------

    def _build_conflicts(self) -> QWidget:
        page = QWidget()
        self.conflict_table = _table(
            [
                translate("個案", "Client"),
                translate("資料", "Record"),
                translate("欄位", "Field"),
                translate("我的", "Mine"),
                translate("對方", "Theirs"),
                translate("狀態", "State"),
            ]
        )
        self.conflict_table.setAccessibleName(translate("同步衝突清單", "Conflict list"))
        self.conflict_table.itemSelectionChanged.connect(self._show_selected)
        box = QGroupBox(translate("選擇要保留的值", "Choose the value to keep"))
        form = QFormLayout(box)
        self.base_label = QLabel()
        self.mine_label = QLabel()
        self.theirs_label = QLabel()
        for label in (self.base_label, self.mine_label, self.theirs_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(translate("共同原值", "Common base"), self.base_label)
        self.keep_mine = QRadioButton(translate("保留我的", "Keep mine"))
        self.keep_theirs = QRadioButton(translate("保留對方的", "Keep theirs"))
        self.keep_typed = QRadioButton(translate("改為：", "Change to:"))
        self.choice = QButtonGroup(self)
        for button in (self.keep_mine, self.keep_theirs, self.keep_typed):
            self.choice.addButton(button)
        form.addRow(self.keep_mine, self.mine_label)
        form.addRow(self.keep_theirs, self.theirs_label)
        self.typed = QLineEdit()
        self.typed.setAccessibleName(translate("自行輸入的值", "Value typed"))
        self.typed.textEdited.connect(lambda _text: self.keep_typed.setChecked(True))
        form.addRow(self.keep_typed, self.typed)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #cf222e")
        self.problem.setWordWrap(True)
        form.addRow(self.problem)
        self.resolve_button = QPushButton(translate("以此值解決", "Resolve with this value"))
        self.resolve_button.setAccessibleName(translate("以此值解決", "Resolve with this value"))
        self.resolve_button.clicked.connect(self.resolve_selected)
        form.addRow(self.resolve_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.conflict_table, 1)
        layout.addWidget(box)
        self._show_selected()
        return page

    def _build_rejected(self) -> QWidget:
        page = QWidget()
        self.rejected_table = _table(
            [
                translate("個案", "Client"),
                translate("資料", "Record"),
                translate("輸入的內容", "What was typed"),
                translate("退回原因", "Reason"),
            ]
        )
        self.rejected_table.setAccessibleName(translate("被退回的修改清單", "Refused edits"))
        self.dismiss_button = QPushButton(translate("已閱，從清單移除", "Seen: remove from the list"))
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.dismiss_button)
        layout = QVBoxLayout(page)
        layout.addWidget(
            QLabel(
                translate(
                    "伺服器未接受以下修改（例如個案已移交他人或紀錄已定稿）。內容保留於此，請視需要另行補登。",
                    "The server did not accept these edits (the case was handed over, or the record was finalised, "
                    "say). What was typed is kept here; enter it again where it belongs if needed.",
                )
            )
        )
        layout.addWidget(self.rejected_table, 1)
        layout.addLayout(row)
        return page

    # --- data --------------------------------------------------------------------------------------------------

    def reload(self) -> None:
        self.runner.run_network(load_problems, self._loaded, owner=self)

    def _loaded(self, problems: SyncProblems) -> None:
        self.problems = problems
        self.conflict_table.setRowCount(len(problems.conflicts))
        for row, item in enumerate(problems.conflicts):
            state = (
                translate("待同步：", "To send: ") + show_value(item.pending_value, self.language)
                if item.pending
                else translate("待決定", "Undecided")
            )
            _fill(
                self.conflict_table,
                row,
                [
                    self._client(item.record_id),
                    kind_label(item.record_type, self.language),
                    field_label(item.record_type, item.field, self.language),
                    show_value(item.mine, self.language),
                    show_value(item.theirs, self.language),
                    state,
                ],
            )
        self.rejected_table.setRowCount(len(problems.rejected))
        for row, edit in enumerate(problems.rejected):
            typed = "；".join(
                f"{field_label(edit.record_type, name, self.language)}：{show_value(change.get('new'), self.language)}"
                for name, change in edit.fields.items()
            )
            reason = edit.message_en if self.language == "en" else edit.message_zh
            _fill(
                self.rejected_table,
                row,
                [self._client(edit.record_id), kind_label(edit.record_type, self.language), typed, reason],
            )
        self.tabs.setTabText(0, translate("同步衝突", "Conflicts") + f" ({len(problems.conflicts)})")
        self.tabs.setTabText(1, translate("被退回的修改", "Refused edits") + f" ({len(problems.rejected)})")
        if problems.conflicts:
            self.conflict_table.selectRow(0)
        self._show_selected()

    def _client(self, record_id: uuid.UUID) -> str:
        caption = self.problems.captions.get(record_id)
        return caption.client_name if caption is not None and caption.client_name else "—"

    def selected_conflict(self) -> ConflictView | None:
        rows = self.conflict_table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.problems.conflicts):
            return None
        return self.problems.conflicts[rows[0].row()]

    def _show_selected(self) -> None:
        item = self.selected_conflict()
        self.problem.clear()
        enabled = item is not None
        for widget in (self.keep_mine, self.keep_theirs, self.keep_typed, self.typed, self.resolve_button):
            widget.setEnabled(enabled)
        if item is None:
            for label in (self.base_label, self.mine_label, self.theirs_label):
                label.clear()
            return
        self.base_label.setText(show_value(item.base, self.language))
        self.mine_label.setText(f"{show_value(item.mine, self.language)}　（{item.mine_by}）")
        self.theirs_label.setText(f"{show_value(item.theirs, self.language)}　（{item.theirs_by}）")
        self.typed.setText(_editable(item.theirs))
        self.keep_theirs.setChecked(True)

    def chosen_value(self, item: ConflictView) -> Any:
        if self.keep_mine.isChecked():
            return item.mine
        if self.keep_theirs.isChecked():
            return item.theirs
        return typed_value(self.typed.text(), [item.base, item.mine, item.theirs])

    def resolve_selected(self) -> None:
        item = self.selected_conflict()
        if item is None:
            return
        try:
            value = self.chosen_value(item)
        except ValidationError as error:
            self.problem.setText(error.message(self.language))
            return
        self.runner.run_network(
            lambda store: resolve_conflict(store, item.id, value), self._changed, self._problem, owner=self
        )

    def dismiss_selected(self) -> None:
        rows = self.rejected_table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.problems.rejected):
            return
        edit_id = self.problems.rejected[rows[0].row()].id
        self.runner.run_network(lambda store: dismiss_rejected_edit(store, edit_id), self._changed, owner=self)

    def _changed(self, _result: object = None) -> None:
        self.changed.emit()
        self.reload()

    def _problem(self, error: BaseException) -> None:
        message = getattr(error, "message", None)
        self.problem.setText(message(self.language) if callable(message) else str(error))


def _editable(value: Any) -> str:
    if isinstance(value, str) and len(value) == 10 and value[4] == "-":
        try:
            return date.fromisoformat(value).strftime("%Y-%m-%d")
        except ValueError:
            return value
    return "" if value is None or isinstance(value, bool | list) else str(value)


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, row: int, texts: list[str]) -> None:
    for column, text in enumerate(texts):
        table.setItem(row, column, QTableWidgetItem(text))


__all__ = ["ConflictsDialog", "load_problems", "typed_value"]
