"""The workspace tabs' read-only tables: each row carries the id of the record it shows (in its first cell), so a
selection is found again after the case reloads, and a deadline opens at its record."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTableWidget, QTableWidgetItem

from app.views.workspace.common import ID_ROLE


class HasId(Protocol):
    @property
    def id(self) -> uuid.UUID: ...


R = TypeVar("R", bound=HasId)


def read_only_rows(view: QTableView, accessible_name: str) -> None:
    """Make `view` a read-only list of rows: one row is selected at a time, columns fit their contents."""
    view.setAccessibleName(accessible_name)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)


def make_table(headers: Sequence[str], accessible_name: str) -> QTableWidget:
    """A read-only, row-selecting table whose last column stretches."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    read_only_rows(table, accessible_name)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def cell(text: str, row_id: uuid.UUID | None = None, colour: str | None = None, bold: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(text)
    if row_id is not None:
        item.setData(ID_ROLE, row_id)
    if colour is not None:
        item.setForeground(QBrush(QColor(colour)))
    if bold:
        font = item.font()
        font.setBold(True)
        item.setFont(font)
    return item


def add_row(table: QTableWidget, cells: Sequence[QTableWidgetItem]) -> int:
    """Append a row of `cells`, left to right; its index."""
    row = table.rowCount()
    table.insertRow(row)
    for column, item in enumerate(cells):
        table.setItem(row, column, item)
    return row


def selected_id(table: QTableWidget) -> uuid.UUID | None:
    row = table.currentRow()
    first = table.item(row, 0) if row >= 0 else None
    value = first.data(ID_ROLE) if first is not None else None
    return value if isinstance(value, uuid.UUID) else None


def find_selected(table: QTableWidget, records: Iterable[R]) -> R | None:
    """The one of `records` whose row is selected in `table`."""
    chosen = selected_id(table)
    if chosen is None:
        return None
    return next((record for record in records if record.id == chosen), None)


def select_id(table: QTableWidget, row_id: uuid.UUID | None) -> bool:
    for row in range(table.rowCount()):
        first = table.item(row, 0)
        if first is not None and row_id is not None and first.data(ID_ROLE) == row_id:
            table.selectRow(row)
            table.scrollToItem(first)
            return True
    return False


def focus_row(table: QTableWidget, row_id: uuid.UUID | None) -> uuid.UUID | None:
    """Select and focus the row of `row_id`. When it is not listed (yet), `row_id` back, for the tab to select once
    it shows the reloaded case; else None."""
    if select_id(table, row_id):
        table.setFocus()
        return None
    return row_id


def fit_rows(table: QTableWidget, minimum: int, maximum: int) -> None:
    """Size a short table to its rows (between `minimum` and `maximum` rows high), so none of them hides."""
    rows = max(minimum, min(table.rowCount(), maximum))
    height = table.horizontalHeader().height() + rows * table.verticalHeader().defaultSectionSize() + 4
    table.setFixedHeight(height)
