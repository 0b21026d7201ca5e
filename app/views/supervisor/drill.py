"""The cases behind a figure: a list a supervisor opens from a cell of 團隊總覽 or a bar of 績效指標.

The ids come from the page's drill-down query; the rows are the caseload's own (`CaseloadModel`, built a page at a
time on the store worker). Double-click or Enter opens the case in its window (`case_opened`). The ID numbers of the
team's clients are not listed: the supervisor reads cases here, the case manager owns them.
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
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
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
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        if count:
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.table.setFocus()

    def case_ids(self) -> list[uuid.UUID]:
        return self.model.ids

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
