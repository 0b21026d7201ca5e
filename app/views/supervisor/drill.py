"""The cases behind a figure: a list a supervisor opens from a cell of 團隊總覽 or a bar of 績效指標.

The ids come from the page's drill-down query; the rows are the caseload's own (`CaseloadModel`, built a page at a
time on the store worker). Double-click or Enter opens the case in its window (`case_opened`). The ID numbers of the
team's clients are not listed: the supervisor reads cases here, the case manager owns them. 移案… asks to hand the
selected cases (several with Ctrl or Shift) to another case manager (`hand_over_requested`; app.views.supervisor.pages
opens the hand-over dialog), e.g. the caseload of a case manager who leaves.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.views.caseload_model import CaseloadModel, Column
from app.views.i18n import current_language, translate
from app.views.runner import StoreRunner

COLUMN_WIDTHS = {
    Column.NAME: 110,
    Column.STAGE: 130,
    Column.PROGRAMME: 150,
    Column.COUNTY: 70,
    Column.OPENED: 110,
    Column.LAST_CONTACT: 90,
    Column.NEXT_DUE: 170,
    Column.OWNER: 90,
}


class CaseListDialog(QDialog):
    """A non-modal list of cases; several can be open side by side to compare."""

    case_opened = Signal(object)  # uuid.UUID
    hand_over_requested = Signal(object)  # list[uuid.UUID]: the selected cases
    hand_over_opened = Signal(object)  # the HandoverDialog opened for them (app.views.supervisor.pages)

    def __init__(
        self, runner: StoreRunner, title: str, case_ids: Sequence[uuid.UUID], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(980, 520)
        count = len(case_ids)
        self.heading = QLabel(
            translate(
                f"{title}：共 {count:,} 件個案（按兩下或 Enter 開啟個案）",
                f"{title}: {count:,} cases (double-click or Enter opens one)",
            )
            if count
            else translate(f"{title}：沒有個案", f"{title}: no cases")
        )
        self.heading.setWordWrap(True)
        self.model = CaseloadModel(runner, current_language(), self)
        self.model.set_ids(list(case_ids))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(title)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnHidden(Column.ID_NUMBER, True)
        for column, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(self._open)
        self.table.installEventFilter(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.hand_over_button = buttons.addButton(
            translate("移案…", "Hand over…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.hand_over_button.setToolTip(
            translate("將選取的個案移交給另一位個管員", "Hand the selected cases to another case manager")
        )
        self.hand_over_button.setEnabled(bool(count))
        self.hand_over_button.clicked.connect(self.hand_over)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        if count:
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.table.setFocus()

    def case_ids(self) -> list[uuid.UUID]:
        return self.model.ids

    def selected_case_ids(self) -> list[uuid.UUID]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        found = (self.model.case_id(row) for row in rows)
        return [case_id for case_id in found if case_id is not None]

    def hand_over(self) -> None:
        selected = self.selected_case_ids()
        if selected:
            self.hand_over_requested.emit(selected)

    def open_row(self, row: int) -> None:
        case_id = self.model.case_id(row)
        if case_id is not None:
            self.case_opened.emit(case_id)

    def _open(self, index: QModelIndex) -> None:
        self.open_row(index.row())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.open_row(self.table.currentIndex().row())
            return True
        return super().eventFilter(watched, event)
