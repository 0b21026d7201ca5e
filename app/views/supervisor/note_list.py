"""The list of supervision records: date, kind, the cases discussed, attendees, status and where the agreed actions'
follow-up stands (待追蹤 / 逾期 / 已完成); overdue rows are tinted so they stand out, counted above the list, and a
filter shows only them. Several rows can be selected (to print them together); the tool row above the list
(`NoteList.tools`) holds the buttons that act on them."""

from __future__ import annotations

import uuid
from datetime import date
from enum import IntEnum
from typing import Final

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import Language
from app.models.enums import SupervisionKind
from app.services.rocdate import format_roc
from app.services.supervision_list import FollowUp, NoteRow, follow_up_label, kind_label
from app.views.i18n import current_language, translate
from app.views.supervisor.note_cases import case_text

NOTE_ID_ROLE: Final = Qt.ItemDataRole.UserRole + 1
OVERDUE_BACKGROUND: Final = QColor("#fdeceb")
OVERDUE_TEXT: Final = QColor("#b3261e")
DONE_TEXT: Final = QColor("#1b6e3a")


class Column(IntEnum):
    DATE = 0
    KIND = 1
    CASES = 2
    ATTENDEES = 3
    STATUS = 4
    FOLLOW_UP = 5


def language() -> Language:
    return "en" if current_language() == "en" else "zh-TW"


def follow_up_text(row: NoteRow, today: date) -> str:
    """逾期（115/11/10）: the state, and the due date (the done date once done)."""
    state = row.follow_up(today)
    label = follow_up_label(state, language())
    if state == FollowUp.NONE:
        return ""
    day = row.follow_up_done_on if state == FollowUp.DONE else row.follow_up_due_on
    if day is None:
        return label
    shown = format_roc(day, "short")
    return translate(f"{label}（{shown}）", f"{label} ({shown})")


def cases_text(row: NoteRow) -> str:
    """王小明、李小華: the clients' names (a case not on this laptop says so)."""
    return "、".join(case.client_name or case_text(case) for case in row.cases)


class NoteTable(QTableWidget):
    """The records shown (`fill`), the current one followed by the editor."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(Column), parent)
        self.setHorizontalHeaderLabels(
            [
                translate("日期", "Date"),
                translate("類別", "Kind"),
                translate("個案", "Case"),
                translate("出席者", "Attendees"),
                translate("狀態", "Status"),
                translate("追蹤", "Follow-up"),
            ]
        )
        self.setAccessibleName(translate("督導紀錄清單", "Supervision records"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)

    def fill(self, rows: list[NoteRow], current: uuid.UUID | None, today: date) -> None:
        """Show `rows`, keeping `current` (the record in the editor) current; emits no selection signals."""
        selected = set(self.selected_note_ids())
        self.blockSignals(True)
        self.selectionModel().blockSignals(True)
        self.clearSelection()
        self.setRowCount(len(rows))
        for index, row in enumerate(rows):
            state = row.follow_up(today)
            status = translate("已定稿", "Final") if row.final else translate("草稿", "Draft")
            cells = {
                Column.DATE: format_roc(row.held_on, "short"),
                Column.KIND: kind_label(row.kind, language()),
                Column.CASES: cases_text(row),
                Column.ATTENDEES: "、".join(row.attendees),
                Column.STATUS: status,
                Column.FOLLOW_UP: follow_up_text(row, today),
            }
            tips = {
                Column.CASES: "\n".join(case_text(case) for case in row.cases),
                Column.ATTENDEES: "、".join(row.attendees),
                Column.FOLLOW_UP: "\n".join(filter(None, (follow_up_text(row, today), row.follow_up_note))),
            }
            for column, text in cells.items():
                item = QTableWidgetItem(text)
                item.setToolTip(tips.get(column, ""))
                item.setData(NOTE_ID_ROLE, row.id)
                if not row.final:
                    font = item.font()
                    font.setItalic(True)
                    item.setFont(font)
                if state == FollowUp.OVERDUE:
                    item.setBackground(QBrush(OVERDUE_BACKGROUND))
                    if column == Column.FOLLOW_UP:
                        item.setForeground(QBrush(OVERDUE_TEXT))
                elif state == FollowUp.DONE and column == Column.FOLLOW_UP:
                    item.setForeground(QBrush(DONE_TEXT))
                self.setItem(index, column, item)
        self.selectionModel().clearCurrentIndex()
        for index, row in enumerate(rows):
            if row.id == current:
                self.setCurrentCell(index, 0)
                self.selectRow(index)
        for index, row in enumerate(rows):
            if row.id in selected and row.id != current:
                self.selectionModel().select(
                    self.model().index(index, 0),
                    self.selectionModel().SelectionFlag.Select | self.selectionModel().SelectionFlag.Rows,
                )
        self.resizeColumnsToContents()
        for column, widest in ((Column.CASES, 100), (Column.ATTENDEES, 100)):  # long lists: the tooltip has all
            self.setColumnWidth(column, min(self.columnWidth(column), widest))
        self.selectionModel().blockSignals(False)
        self.blockSignals(False)

    def note_id(self, row: int) -> uuid.UUID | None:
        item = self.item(row, 0)
        found = None if item is None else item.data(NOTE_ID_ROLE)
        return found if isinstance(found, uuid.UUID) else None

    def current_note_id(self) -> uuid.UUID | None:
        return self.note_id(self.currentRow()) if self.currentRow() >= 0 else None

    def selected_note_ids(self) -> list[uuid.UUID]:
        """The selected records, in the list's order."""
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        return [note_id for note_id in (self.note_id(row) for row in rows) if note_id is not None]

    def clear_current(self) -> None:
        """No record current or selected (the editor shows a new one, or none)."""
        self.blockSignals(True)
        self.clearSelection()
        self.selectionModel().clearCurrentIndex()
        self.blockSignals(False)

    def select_note(self, note_id: uuid.UUID) -> bool:
        for index in range(self.rowCount()):
            if self.note_id(index) == note_id:
                self.selectRow(index)
                return True
        return False


class NoteList(QWidget):
    """The filters (kind, follow-up), the tool row (overdue count, buttons) and the table. `rows` is every record
    loaded; `fill` shows those the filters let through. `changed` when a filter changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[NoteRow] = []
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName(translate("督導類別篩選", "Kind filter"))
        self.kind_filter.addItem(translate("全部類別", "Every kind"), None)
        for kind in SupervisionKind:
            self.kind_filter.addItem(kind_label(kind, language()), kind)
        self.follow_up_filter = QComboBox()
        self.follow_up_filter.setAccessibleName(translate("追蹤狀態篩選", "Follow-up filter"))
        self.follow_up_filter.addItem(translate("全部追蹤狀態", "Any follow-up"), None)
        for state in (FollowUp.PENDING, FollowUp.OVERDUE, FollowUp.DONE):
            self.follow_up_filter.addItem(follow_up_label(state, language()), state)
        for combo in (self.kind_filter, self.follow_up_filter):
            combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        self.overdue = QLabel()
        self.overdue.setAccessibleName(translate("逾期追蹤", "Overdue follow-ups"))
        self.overdue.linkActivated.connect(lambda _link: self.show_overdue())
        self.new_button = QPushButton(translate("新增督導紀錄", "New record"))
        self.new_button.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.new_button.setToolTip("Ctrl+Shift+N")
        self.table = NoteTable()
        filters = QHBoxLayout()
        filters.addWidget(self.kind_filter, 1)
        filters.addWidget(self.follow_up_filter, 1)
        # The tool row: buttons that act on the selected records (NoteTable.selected_note_ids) go here, a 列印
        # button among them, before `new_button`, which stays last.
        self.tools = QHBoxLayout()
        self.tools.addWidget(self.overdue, 1)
        self.tools.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addLayout(self.tools)
        layout.addWidget(self.table, 1)

    def shown_rows(self, today: date) -> list[NoteRow]:
        kind, state = self.kind_filter.currentData(), self.follow_up_filter.currentData()
        return [
            row
            for row in self.rows
            if (kind is None or row.kind == kind) and (state is None or row.follow_up(today) == state)
        ]

    def fill(self, current: uuid.UUID | None, today: date) -> None:
        self.table.fill(self.shown_rows(today), current, today)
        overdue = sum(row.follow_up(today) == FollowUp.OVERDUE for row in self.rows)
        self.overdue.setText(
            translate(
                f'<a href="overdue" style="color:#b3261e">{overdue} 筆決議逾期未追蹤</a>',
                f'<a href="overdue" style="color:#b3261e">{overdue} overdue follow-up(s)</a>',
            )
            if overdue
            else ""
        )

    def show_overdue(self) -> None:
        """Only the records whose follow-up is overdue."""
        self.follow_up_filter.setCurrentIndex(self.follow_up_filter.findData(FollowUp.OVERDUE))
