"""Draft editing shared by the 晤談紀錄 and 需求評估 tabs: the autosaver that keeps typed text safe, and the small
row table both tabs list their records in."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QElapsedTimer,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHeaderView,
    QTableView,
    QWidget,
)

from app.services import clock
from app.services.rocdate import format_roc
from app.views.runner import StoreRunner
from app.views.workspace.base import CaseTab
from app.views.workspace.common_tables import read_only_rows

AUTOSAVE_DELAY_MS = 3000


class Autosaver(QObject):
    """Saves a draft `delay_ms` after the last edit, and at the latest 3 × `delay_ms` after the first unsaved one.

    `make_job` returns the key of the draft (its id, chosen by the editor even before the first save) and the job
    that saves what is on screen now. Jobs are queued at once and the runner runs them in order, so a later save
    never overtakes an earlier one; the key tells the callbacks which draft a result is about, since the editor may
    show another one by then."""

    saved = Signal(object, object)  # key, what the job returned
    failed = Signal(object, object)  # key, the exception

    def __init__(
        self,
        runner: StoreRunner,
        owner: QWidget,
        make_job: Callable[[], tuple[uuid.UUID, Callable[[Any], Any]] | None],
        delay_ms: int,
    ) -> None:
        super().__init__(owner)
        self.runner = runner
        self.owner = owner
        self.make_job = make_job
        self.delay_ms = delay_ms
        self.dirty = False  # edits not yet handed to the runner
        self._pending: dict[uuid.UUID, int] = {}  # save jobs handed to the runner and not back yet, by key
        self._since_first_edit = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)

    def pending(self, key: uuid.UUID) -> int:
        return self._pending.get(key, 0)

    def busy(self, key: uuid.UUID) -> bool:
        """The store may not hold what the editor shows of draft `key` yet."""
        return self.dirty or self.pending(key) > 0

    def touch(self) -> None:
        """Something was typed."""
        if not self.dirty:
            self._since_first_edit.start()
        self.dirty = True
        if self._since_first_edit.elapsed() >= 3 * self.delay_ms:
            self.flush()
        else:
            self._timer.start(self.delay_ms)

    def forget(self) -> None:
        """The editor shows another draft now, or a job of the caller's own saves what it showed."""
        self._timer.stop()
        self.dirty = False

    def flush(self) -> None:
        """Save now, if there is anything to save."""
        self._timer.stop()
        if not self.dirty:
            return
        made = self.make_job()
        if made is None:
            return
        key, job = made
        self.dirty = False
        self._pending[key] = self.pending(key) + 1
        self.runner.run(
            job, lambda result: self._done(key, result), lambda error: self._failed(key, error), owner=self.owner
        )

    def _back(self, key: uuid.UUID) -> None:
        left = self.pending(key) - 1
        if left > 0:
            self._pending[key] = left
        else:
            self._pending.pop(key, None)

    def _done(self, key: uuid.UUID, result: object) -> None:
        self._back(key)
        self.saved.emit(key, result)

    def _failed(self, key: uuid.UUID, error: BaseException) -> None:
        self._back(key)
        self.failed.emit(key, error)


@dataclass(frozen=True)
class Row:
    """One line of a table: its cells, the record id, and whether it is still a draft."""

    cells: tuple[str, ...]
    id: uuid.UUID
    draft: bool = False


class RowsModel(QAbstractTableModel):
    """A small read-only table over `Row`s (a case has tens of records, not thousands)."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def replace(self, row: Row) -> None:
        for index, old in enumerate(self.rows):
            if old.id == row.id:
                self.rows[index] = row
                self.dataChanged.emit(self.index(index, 0), self.index(index, len(self.headers) - 1))
                return
        self.beginInsertRows(QModelIndex(), 0, 0)
        self.rows.insert(0, row)
        self.endInsertRows()

    def position(self, row_id: uuid.UUID | None) -> int:
        return next((index for index, row in enumerate(self.rows) if row.id == row_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row.cells[index.column()]
        if role == Qt.ItemDataRole.FontRole and row.draft:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


def table(model: RowsModel, name: str, stretch_column: int) -> QTableView:
    view = QTableView()
    view.setModel(model)
    read_only_rows(view, name)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.horizontalHeader().setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    return view


def roc(day: date | None) -> str:
    return format_roc(day, "short") if day is not None else ""


def saved_at_text(tab: CaseTab) -> str:
    now = clock.now().strftime("%H:%M:%S")
    return tab.text(f"草稿已自動儲存（{now}）", f"Draft saved automatically ({now})")
