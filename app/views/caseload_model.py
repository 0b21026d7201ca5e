"""The caseload table's model: case ids only, display rows built in pages when the table first asks for them.

Anki's browser pattern (STYLE.md): the model holds the sorted ids a search returned; `data()` for a row that is not
cached yet shows a placeholder and asks the store runner for that row's page (`PAGE_SIZE` rows, one job), so a
50,000-case list costs one page per screenful scrolled to, never 50,000 rows. Rows are never built on the GUI
thread: a page takes 10-30 ms of queries, which would stutter scrolling, and views never open the store themselves.
After an operation the cache is marked stale (`invalidate`): stale rows stay on screen until their fresh version
arrives, so nothing flickers.

`data()` runs for seven roles of every visible cell on each paint (about 1,300 calls for a screenful), so what a
row shows (texts, tooltips, colours) is worked out once per row, the first time it is painted, and looked up after.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import IntEnum
from typing import Any, Final

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from app.services import clock
from app.services.caseload import CaseRow, SortKey, case_rows
from app.views.runner import StoreRunner

PAGE_SIZE: Final = 200

# Custom roles (Picard's LogItemModel): what other widgets may ask the model for besides the text.
CASE_ID_ROLE: Final = Qt.ItemDataRole.UserRole + 1  # uuid.UUID of the row's case
ROW_ROLE: Final = Qt.ItemDataRole.UserRole + 2  # its CaseRow, or None while the row is being fetched
OVERDUE_ROLE: Final = Qt.ItemDataRole.UserRole + 3  # bool: the case has a deadline that has passed

OVERDUE_BRUSH: Final = QBrush(QColor("#b3261e"))
DUE_TODAY_BRUSH: Final = QBrush(QColor("#9a5b00"))
MUTED_BRUSH: Final = QBrush(QColor("#6b6b6b"))
_ROLES: Final = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        CASE_ID_ROLE,
        ROW_ROLE,
        OVERDUE_ROLE,
    }
)

Index = QModelIndex | QPersistentModelIndex
# Plain ints: data() compares the role it is given with these on every call.
_DISPLAY: Final = int(Qt.ItemDataRole.DisplayRole)
_ACCESSIBLE_TEXT: Final = int(Qt.ItemDataRole.AccessibleTextRole)
_TOOLTIP: Final = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND: Final = int(Qt.ItemDataRole.ForegroundRole)
_FONT: Final = int(Qt.ItemDataRole.FontRole)


class Column(IntEnum):
    NAME = 0
    ID_NUMBER = 1
    STAGE = 2
    PROGRAMME = 3
    COUNTY = 4
    OPENED = 5
    LAST_CONTACT = 6
    NEXT_DUE = 7
    OWNER = 8


_COLUMNS: Final = len(Column)


# Columns the store can sort by; the others keep the current order.
SORT_KEYS: Final[Mapping[Column, SortKey]] = {
    Column.NAME: SortKey.NAME,
    Column.STAGE: SortKey.STAGE,
    Column.OPENED: SortKey.OPENED,
    Column.LAST_CONTACT: SortKey.LAST_CONTACT,
    Column.NEXT_DUE: SortKey.NEXT_DUE,
}

_HEADERS: Final[Mapping[Column, tuple[str, str]]] = {
    Column.NAME: ("姓名", "Name"),
    Column.ID_NUMBER: ("身分證字號", "ID number"),
    Column.STAGE: ("階段", "Stage"),
    Column.PROGRAMME: ("服務類別", "Programme"),
    Column.COUNTY: ("縣市", "County"),
    Column.OPENED: ("開案日", "Opened"),
    Column.LAST_CONTACT: ("最近聯繫", "Last contact"),
    Column.NEXT_DUE: ("下次期限", "Next due"),
    Column.OWNER: ("承辦人", "Case manager"),
}


def header_label(column: Column, language: str) -> str:
    zh, en = _HEADERS[column]
    return en if language == "en" else zh


def applied_text(application_roc: str, language: str) -> str:
    """開案日 of a case not opened (yet): its application date, marked as such."""
    return f"applied {application_roc}" if language == "en" else f"申請 {application_roc}"


def due_text(due_roc: str, days_overdue: int, language: str) -> str:
    """下次期限 with how late it is: 114/05/01  逾期 3 天, 114/05/04  今天到期, or the date alone."""
    if days_overdue > 0:
        return f"{due_roc}  overdue {days_overdue} d" if language == "en" else f"{due_roc}  逾期 {days_overdue} 天"
    if days_overdue == 0:
        return f"{due_roc}  today" if language == "en" else f"{due_roc}  今天到期"
    return due_roc


@dataclass(frozen=True, slots=True)
class _Cells:
    """What one row shows, column by column: worked out once from its CaseRow, read on every paint."""

    texts: tuple[str, ...]
    tooltips: tuple[str | None, ...]
    foregrounds: tuple[QBrush | None, ...]
    overdue: bool


class CaseloadModel(QAbstractTableModel):
    """Sorted case ids from the last search, with their rows fetched a page at a time through the runner."""

    sort_requested = Signal(object, bool)  # SortKey, descending: the view asks the store for the new order
    fetch_failed = Signal(object)  # the exception of a page that could not be read

    def __init__(self, runner: StoreRunner, language: str = "zh-TW", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._language = language
        self._ids: list[uuid.UUID] = []
        self._generation = 0  # which list of ids the pending pages index into
        self._row_of: dict[uuid.UUID, int] = {}
        self._on_date = clock.today()
        # Cached rows with the invalidation epoch they were read in; a row read before its case was last
        # invalidated is stale: shown, but fetched again.
        self._rows: dict[uuid.UUID, tuple[CaseRow, int]] = {}
        self._cells: dict[uuid.UUID, _Cells] = {}  # of the cached rows that have been painted
        self._epoch = 0
        self._all_stale_before = 0
        self._stale_before: dict[uuid.UUID, int] = {}
        self._wanted_pages: set[int] = set()
        # Pages asked of the runner: page → the (list generation, epoch) the request was made in, so that a late
        # answer to an older request does not clear the mark of a newer one.
        self._pending_pages: dict[int, tuple[int, int]] = {}
        self._failed_pages: set[int] = set()
        # Cases data() has shown missing (a placeholder) or stale since the list was set: a prefetch repaints only
        # those, not a range of rows off screen (Qt would repaint the whole table for it).
        self._shown_unready: set[uuid.UUID] = set()
        self._fetch_timer = QTimer(self)
        self._fetch_timer.setSingleShot(True)
        self._fetch_timer.setInterval(0)
        self._fetch_timer.timeout.connect(self._fetch_wanted)
        self._bold = QFont()
        self._bold.setBold(True)

    # --- contents -------------------------------------------------------------------------------------------------

    def set_ids(
        self, ids: Sequence[uuid.UUID], rows: Mapping[uuid.UUID, CaseRow] | None = None, on_date: date | None = None
    ) -> None:
        """Show `ids` in this order; `rows` are display rows already read with them (the first screen)."""
        self.beginResetModel()
        self._ids = list(ids)
        self._generation += 1
        self._row_of = {case_id: n for n, case_id in enumerate(self._ids)}
        on = on_date if on_date is not None else clock.today()
        if on != self._on_date:
            self._cells.clear()  # 下次期限 reads "overdue n days" against the day
        self._on_date = on
        self._pending_pages.clear()
        self._failed_pages.clear()
        self._wanted_pages.clear()
        self._shown_unready.clear()
        for case_id, row in (rows or {}).items():
            self._store_row(case_id, row, self._epoch)
        self.endResetModel()

    @property
    def ids(self) -> list[uuid.UUID]:
        return list(self._ids)

    def case_id(self, row: int) -> uuid.UUID | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, case_id: uuid.UUID) -> int | None:
        return self._row_of.get(case_id)

    def case_row(self, case_id: uuid.UUID) -> CaseRow | None:
        cached = self._rows.get(case_id)
        return cached[0] if cached is not None else None

    @property
    def cached_row_count(self) -> int:
        return len(self._rows)

    def invalidate(self, ids: Collection[uuid.UUID] | None = None) -> None:
        """Mark the cached rows of `ids` (all, when None) stale after an operation changed them; the rows on screen
        are fetched again, the others when they are next shown."""
        self._epoch += 1
        if ids is None:
            self._all_stale_before = self._epoch
            self._stale_before.clear()
            first, last = 0, len(self._ids) - 1
        else:
            rows = [n for n in (self._row_of.get(case_id) for case_id in ids) if n is not None]
            for case_id in ids:
                self._stale_before[case_id] = self._epoch
            first, last = (min(rows), max(rows)) if rows else (0, -1)
        self._pending_pages.clear()
        self._failed_pages.clear()
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(Column) - 1))

    def _is_fresh(self, case_id: uuid.UUID, epoch: int) -> bool:
        return epoch >= max(self._all_stale_before, self._stale_before.get(case_id, 0))

    def _store_row(self, case_id: uuid.UUID, row: CaseRow, epoch: int) -> None:
        self._rows[case_id] = (row, epoch)
        self._cells.pop(case_id, None)

    def prefetch(self, count: int) -> None:
        """Build, in one store job, the rows among the first `count` that are not cached (or are stale), before
        they are scrolled to: a search builds only the rows on screen."""
        ids = [
            case_id
            for case_id in self._ids[:count]
            if case_id not in self._rows or not self._is_fresh(case_id, self._rows[case_id][1])
        ]
        if ids:
            self._request(None, ids)

    # --- fetching -------------------------------------------------------------------------------------------------

    def _row(self, n: int) -> CaseRow | None:
        """The row to show at `n` (possibly stale), asking for its page when it is missing or stale."""
        case_id = self._ids[n]
        cached = self._rows.get(case_id)
        if cached is None or not self._is_fresh(case_id, cached[1]):
            self._shown_unready.add(case_id)
            page = n // PAGE_SIZE
            if page not in self._pending_pages and page not in self._failed_pages:
                # Fetched from the event loop, not from inside a paint that called data().
                self._wanted_pages.add(page)
                self._fetch_timer.start()
        return cached[0] if cached is not None else None

    def _fetch_wanted(self) -> None:
        for page in sorted(self._wanted_pages - self._pending_pages.keys()):
            ids = [
                case_id
                for case_id in self._ids[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
                if case_id not in self._rows or not self._is_fresh(case_id, self._rows[case_id][1])
            ]
            if ids:
                self._request(page, ids)
        self._wanted_pages.clear()

    def _request(self, page: int | None, ids: list[uuid.UUID]) -> None:
        """Ask for the rows of `ids`: those of `page`, marked pending until they arrive, or (None) a prefetch, which
        marks nothing: a page scrolled to meanwhile is asked for as usual."""
        epoch, generation, on_date, language = self._epoch, self._generation, self._on_date, self._language
        if page is not None:
            self._pending_pages[page] = (generation, epoch)
        self._runner.run(
            lambda session: case_rows(session, ids, on_date=on_date, language=language),
            lambda rows: self._arrived(page, epoch, generation, rows),
            lambda error: self._failed(page, epoch, generation, error),
            owner=self,
        )

    def _arrived(self, page: int | None, epoch: int, generation: int, rows: dict[uuid.UUID, CaseRow]) -> None:
        if page is not None and self._pending_pages.get(page) == (generation, epoch):
            del self._pending_pages[page]
        for case_id, row in rows.items():
            self._store_row(case_id, row, epoch)
        changed = rows.keys() if page is not None else rows.keys() & self._shown_unready
        self._shown_unready.difference_update(rows.keys())
        shown = [n for n in (self._row_of.get(case_id) for case_id in changed) if n is not None]
        if shown:
            self.dataChanged.emit(self.index(min(shown), 0), self.index(max(shown), len(Column) - 1))

    def _failed(self, page: int | None, epoch: int, generation: int, error: BaseException) -> None:
        if page is not None and self._pending_pages.get(page) == (generation, epoch):
            del self._pending_pages[page]
            self._failed_pages.add(page)  # not retried until the list or the cache changes: no error loop
        self.fetch_failed.emit(error)

    # --- Qt model -------------------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return header_label(Column(section), self._language)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is a new query in the store, not a reordering here: the view listens to `sort_requested`."""
        if 0 <= column < len(Column) and Column(column) in SORT_KEYS:
            self.sort_requested.emit(SORT_KEYS[Column(column)], order == Qt.SortOrder.DescendingOrder)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every role of every visible cell on each paint: the roles this model never answers leave first,
        # and a painted row's cells are looked up, not worked out again.
        if role not in _ROLES:
            return None
        n, column = index.row(), index.column()  # -1, -1 for an invalid index
        if not (0 <= n < len(self._ids) and 0 <= column < _COLUMNS):
            return None
        if role == CASE_ID_ROLE:
            return self._ids[n]
        row = self._row(n)
        if role == ROW_ROLE:
            return row
        if row is None:
            return self._placeholder(Column(column), role)
        cells = self._cells.get(row.case_id)
        if cells is None:
            cells = self._cells[row.case_id] = self._cells_of(row)
        if role in (_DISPLAY, _ACCESSIBLE_TEXT):
            return cells.texts[column]
        if role == _FOREGROUND:
            return cells.foregrounds[column]
        if role == _FONT:
            return self._bold if column == Column.NEXT_DUE and cells.overdue else None
        if role == _TOOLTIP:
            return cells.tooltips[column]
        if role == OVERDUE_ROLE:
            return cells.overdue
        return None

    def _cells_of(self, row: CaseRow) -> _Cells:
        return _Cells(
            texts=tuple(self._text(row, column) for column in Column),
            tooltips=tuple(self._tooltip(row, column) for column in Column),
            foregrounds=tuple(self._foreground(row, column) for column in Column),
            overdue=row.overdue,
        )

    def _placeholder(self, column: Column, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and column == Column.NAME:
            return "Loading…" if self._language == "en" else "載入中…"
        if role == Qt.ItemDataRole.ForegroundRole:
            return MUTED_BRUSH
        return None

    def _english(self) -> bool:
        return self._language == "en"

    def _text(self, row: CaseRow, column: Column) -> str:
        if column == Column.NAME:
            return row.name
        if column == Column.ID_NUMBER:
            return row.id_number
        if column == Column.STAGE:
            return row.stage_label
        if column == Column.PROGRAMME:
            return row.programme_label
        if column == Column.COUNTY:
            return row.county_label
        if column == Column.OPENED:
            return row.opened_roc if row.opened_on is not None else applied_text(row.application_roc, self._language)
        if column == Column.LAST_CONTACT:
            return row.last_contact_roc or ("none" if self._english() else "無")
        if column == Column.NEXT_DUE:
            return self._due_text(row)
        return row.owner

    def _due_text(self, row: CaseRow) -> str:
        due = row.next_due_on
        return "" if due is None else due_text(row.next_due_roc, (self._on_date - due).days, self._language)

    def _tooltip(self, row: CaseRow, column: Column) -> str | None:
        if column == Column.NEXT_DUE and row.next_due_on is not None:
            return row.due.what(self._language)
        if column == Column.OPENED and row.opened_on is None:
            return (
                f"Not opened yet; applied {row.application_roc}"
                if self._english()
                else f"尚未開案；申請日 {row.application_roc}"
            )
        if column == Column.NAME:
            return f"{row.name}  {row.id_number}"
        if column in (Column.STAGE, Column.PROGRAMME, Column.COUNTY):
            return self._text(row, column)  # in full, should the column be too narrow for it
        return None

    def _foreground(self, row: CaseRow, column: Column) -> QBrush | None:
        if column == Column.NEXT_DUE and row.next_due_on is not None:
            if row.overdue:
                return OVERDUE_BRUSH
            if row.next_due_on == self._on_date:
                return DUE_TODAY_BRUSH
        if row.closed or (column == Column.OPENED and row.opened_on is None):
            return MUTED_BRUSH
        return None
