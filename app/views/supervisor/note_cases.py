"""The cases a supervision record discusses: a list (the first is the primary case, which decides who sees the record
in sync), a search by the client's name or the case manager's username to add one, remove, make primary, and open.
"""

from __future__ import annotations

import uuid
from typing import Final

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from app.services.supervision_list import CaseChoice, case_choices
from app.views.i18n import translate
from app.views.runner import StoreRunner

SEARCH_DELAY_MS: Final = 250
CASE_ID_ROLE: Final = Qt.ItemDataRole.UserRole + 1


def case_text(case: CaseChoice) -> str:
    """王小明（cm.chen）; a case no longer on this laptop says so."""
    if not case.client_name:
        return translate("（不在本機的個案）", "(a case not on this laptop)")
    return f"{case.client_name}（{case.owner}）"


class DiscussedCases(QWidget):
    """The cases discussed. `changed` after an add, remove or reorder; `case_opened` on a double click or 開啟個案."""

    changed = Signal()
    case_opened = Signal(object)  # uuid.UUID

    def __init__(self, runner: StoreRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._read_only = False
        self.search = QLineEdit()
        self.search.setAccessibleName(translate("搜尋個案", "Find a case"))
        self.search.setPlaceholderText(translate("輸入個案姓名或承辦人帳號搜尋", "Type a client's name to find"))
        self.search.setToolTip(
            translate("輸入姓名後按 Enter 加入搜尋到的個案。", "Type a name, then press Enter to add the case found.")
        )
        self.found = QComboBox()
        self.found.setAccessibleName(translate("搜尋到的個案", "Cases found"))
        self.found.setMinimumContentsLength(12)
        self.add_button = QPushButton(translate("加入", "Add"))
        self.add_button.setAccessibleName(translate("加入討論的個案", "Add the case found"))
        self.add_button.clicked.connect(self.add_found)
        self.list = QListWidget()
        self.list.setAccessibleName(translate("討論的個案", "Cases discussed"))
        self.list.setToolTip(
            translate(
                "第一個是主要個案（決定同步給誰）；按兩下開啟個案。",
                "The first is the primary case (it decides who receives the record); double-click opens a case.",
            )
        )
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setMaximumHeight(84)
        self.list.itemDoubleClicked.connect(self._double_clicked)
        self.list.currentRowChanged.connect(lambda _row: self._enable())
        self.remove_button = QPushButton(translate("移除", "Remove"))
        self.remove_button.setAccessibleName(translate("移除選取的個案", "Remove the selected case"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.primary_button = QPushButton(translate("設為主要", "Make primary"))
        self.primary_button.setAccessibleName(translate("設為主要個案", "Make the selected case primary"))
        self.primary_button.clicked.connect(self.make_primary)
        self.open_button = QPushButton(translate("開啟個案", "Open case"))
        self.open_button.clicked.connect(self.open_selected)
        remove = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list, self.remove_selected)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)

        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.found, 2)
        search_row.addWidget(self.add_button)
        side = QGridLayout()
        side.setVerticalSpacing(2)
        side.addWidget(self.open_button, 0, 0)
        side.addWidget(self.primary_button, 1, 0)
        side.addWidget(self.remove_button, 2, 0)
        side.setRowStretch(3, 1)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(search_row, 0, 0, 1, 2)
        layout.addWidget(self.list, 1, 0)
        layout.addLayout(side, 1, 1)
        layout.setColumnStretch(0, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search)
        self.search.textEdited.connect(lambda _text: self._timer.start())
        self.search.returnPressed.connect(self._enter)
        self._enable()

    # --- what the editor reads and sets ---------------------------------------------------------------------

    def case_ids(self) -> tuple[uuid.UUID, ...]:
        return tuple(self.list.item(i).data(CASE_ID_ROLE) for i in range(self.list.count()))

    def set_cases(self, cases: tuple[CaseChoice, ...] | list[CaseChoice]) -> None:
        """Show `cases` (as stored; nothing is `changed`), and clear the search."""
        self._timer.stop()
        self.list.clear()
        for case in cases:
            self._append(case)
        self.search.clear()
        self.found.clear()
        self._enable()

    def set_read_only(self, read_only: bool) -> None:
        """A final record: its cases can still be opened, not changed."""
        self._read_only = read_only
        self._enable()

    # --- editing --------------------------------------------------------------------------------------------

    def add(self, case: CaseChoice) -> None:
        if self._read_only or case.case_id in self.case_ids():
            return
        self._append(case)
        self.list.setCurrentRow(self.list.count() - 1)
        self._enable()
        self.changed.emit()

    def add_found(self) -> None:
        choice = self.found.currentData()
        if isinstance(choice, CaseChoice):
            self.found.removeItem(self.found.currentIndex())
            self.add(choice)

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if self._read_only or row < 0:
            return
        self.list.takeItem(row)
        self._enable()
        self.changed.emit()

    def make_primary(self) -> None:
        row = self.list.currentRow()
        if self._read_only or row <= 0:
            return
        item = self.list.takeItem(row)
        self.list.insertItem(0, item)
        self._mark_primary()
        self.list.setCurrentRow(0)
        self.changed.emit()

    def open_selected(self) -> None:
        """Open the selected case, or the primary one when none is selected."""
        item = self.list.currentItem() or self.list.item(0)
        if item is not None:
            self.case_opened.emit(item.data(CASE_ID_ROLE))

    def _double_clicked(self, item: QListWidgetItem) -> None:
        self.case_opened.emit(item.data(CASE_ID_ROLE))

    def _append(self, case: CaseChoice) -> None:
        item = QListWidgetItem(case_text(case))
        item.setData(CASE_ID_ROLE, case.case_id)
        item.setData(Qt.ItemDataRole.UserRole, case_text(case))
        self.list.addItem(item)
        self._mark_primary()

    def _mark_primary(self) -> None:
        primary = translate("（主要）", " (primary)")
        for index in range(self.list.count()):
            item = self.list.item(index)
            plain = str(item.data(Qt.ItemDataRole.UserRole))
            item.setText(f"{plain}{primary}" if index == 0 else plain)

    def _enable(self) -> None:
        row = self.list.currentRow()
        self.search.setEnabled(not self._read_only)
        self.found.setEnabled(not self._read_only)
        self.add_button.setEnabled(not self._read_only and self.found.count() > 0)
        self.remove_button.setEnabled(not self._read_only and row >= 0)
        self.primary_button.setEnabled(not self._read_only and row > 0)
        self.open_button.setEnabled(self.list.count() > 0)

    # --- the search -----------------------------------------------------------------------------------------

    def _search(self) -> None:
        self._timer.stop()
        text = self.search.text()
        self.runner.run(lambda session: case_choices(session, text), self._show_found, owner=self)

    def _show_found(self, choices: list[CaseChoice]) -> None:
        listed = set(self.case_ids())
        self.found.clear()
        for choice in choices:
            if choice.case_id not in listed:
                self.found.addItem(case_text(choice), choice)
        self._enable()

    def _enter(self) -> None:
        """Enter in the search field adds the case found (the first, or the one picked), once the search is done."""
        if self._timer.isActive() or not self.found.count():
            self._search()
        else:
            self.add_found()
