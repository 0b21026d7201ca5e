"""我的個案: the caseload table with search-as-you-type, filters and sortable columns.

Every keystroke restarts a short debounce; then one store job finds the ids (search, filters and order, all in the
store) and builds the rows the table has room for, so the first screen paints without placeholders. The rows just
below it (up to `FIRST_SCREEN`) are built in a second job once typing pauses, before they are scrolled to: each
scattered row costs reading its pages from the encrypted file, and a keystroke pays only for the rows it shows. A
reply to a query that has since been replaced by a newer one is dropped, and a job still queued behind a newer one
skips its work.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Collection
from datetime import date
from typing import Final

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import Programme, Stage
from app.services import clock, codes, labels
from app.services.caseload import SEARCH_LIMIT, CaseFilter, CaseList, SortKey, case_list, case_owners
from app.views.caseload_model import (
    SORT_KEYS,
    CaseloadModel,
    Column,
    applied_text,
    due_text,
    header_label,
)
from app.views.errors import current_language, report_error
from app.views.i18n import translate
from app.views.runner import StoreRunner

SEARCH_DEBOUNCE_MS: Final = 150
# Rows built for each search: those on screen with its ids, the rest of a tall screen's worth when typing pauses
# (`SEARCH_DEBOUNCE_MS` after the results are shown). The rest of their page follows when scrolled to.
FIRST_SCREEN: Final = 60


class _Latest:
    """The number of the newest query, read by queued jobs on the worker thread to skip superseded work."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._value = 0

    def next(self) -> int:
        with self._lock:
            self._value += 1
            return self._value

    def get(self) -> int:
        with self._lock:
            return self._value


class CaseloadView(QWidget):
    """我的個案. Emits `case_opened(case_id)` on double-click or Enter."""

    case_opened = Signal(object)  # uuid.UUID

    def __init__(self, runner: StoreRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._language = current_language()
        self._latest = _Latest()
        self._sort: tuple[SortKey, bool] = (SortKey.NAME, False)
        self._count = 0
        self._truncated = False
        self._searching = False

        self.search = QLineEdit()
        self.search.setPlaceholderText(self._t("搜尋姓名、身分證字號或電話", "Search name, ID number or phone"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self._t("搜尋個案", "Search cases"))
        self.count_label = QLabel()
        self.count_label.setAccessibleName(self._t("個案數", "Number of cases"))

        self.programme = self._combo(
            self._t("全部服務類別", "All programmes"),
            [(labels.label(p, self._language), p) for p in Programme],
            self._t("服務類別", "Programme"),
        )
        self.stage = self._combo(
            self._t("全部階段", "All stages"),
            [(labels.label(s, self._language), s) for s in Stage],
            self._t("階段", "Stage"),
        )
        self.county = self._combo(
            self._t("全部縣市", "All counties"),
            [(c.label(self._language), c.code) for c in codes.counties()],
            self._t("縣市", "County"),
        )
        self.target_group = self._combo(
            self._t("全部特定對象", "All target groups"),
            [(e.label(self._language), e.code) for e in codes.entries(codes.TARGET_GROUPS)],
            self._t("特定對象", "Target group"),
        )
        self.owner = self._combo(self._t("全部承辦人", "All case managers"), [], self._t("承辦人", "Case manager"))
        self.owner.hide()  # shown when the store holds more than one case manager's cases (a supervisor's team)
        self.overdue_only = QCheckBox(self._t("只看逾期", "Overdue only"))
        self.overdue_only.setAccessibleName(self._t("只看有逾期期限的個案", "Only cases with an overdue deadline"))
        self.include_closed = QCheckBox(self._t("含已結案", "Include closed"))
        self.include_closed.setAccessibleName(self._t("包含已結案的個案", "Include closed cases"))

        self.model = CaseloadModel(runner, self._language, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self._t("個案清單", "Case list"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        # Always there, so that it does not come and go as the matches pass a screenful while typing: each time it
        # did, the columns moved and every row was painted a second time.
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # never "to contents": that reads every row
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._size_columns()
        self.table.setSortingEnabled(True)
        header.setSortIndicator(Column.NAME, Qt.SortOrder.AscendingOrder)

        filters = QHBoxLayout()
        for widget in (self.programme, self.stage, self.county, self.target_group, self.owner):
            filters.addWidget(widget)
        filters.addSpacing(8)
        filters.addWidget(self.overdue_only)
        filters.addWidget(self.include_closed)
        filters.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addSpacing(12)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        self.setAccessibleName(self._t("我的個案", "My cases"))

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self._query)
        self._prefetch = QTimer(self)  # the rows below the screen, once typing pauses
        self._prefetch.setSingleShot(True)
        self._prefetch.setInterval(SEARCH_DEBOUNCE_MS)
        self._prefetch.timeout.connect(lambda: self.model.prefetch(FIRST_SCREEN))
        self.search.textChanged.connect(self._typed)
        self.search.returnPressed.connect(self._query)
        self.search.installEventFilter(self)
        for combo in (self.programme, self.stage, self.county, self.target_group, self.owner):
            combo.currentIndexChanged.connect(self._query)
        self.stage.currentIndexChanged.connect(self._closed_stage_needs_closed_cases)
        self.overdue_only.toggled.connect(self._query)
        self.include_closed.toggled.connect(self._query)
        self.model.sort_requested.connect(self._sort_by)
        self.model.fetch_failed.connect(lambda error: report_error(error, self))
        header.sortIndicatorChanged.connect(self._keep_indicator_on_sortable_columns)
        self.table.doubleClicked.connect(self._open_index)
        self.table.installEventFilter(self)

        self._show_count()
        self._load_owners()
        self._query()

    # --- language -------------------------------------------------------------------------------------------------

    def _t(self, zh: str, en: str) -> str:
        return translate(zh, en, self._language)

    def _combo(self, everything: str, items: list[tuple[str, object]], name: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, None)
        for text, value in items:
            combo.addItem(text, value)
        combo.setAccessibleName(name)
        combo.setToolTip(name)
        # As wide as its "all" entry: a long entry (a 特定對象 of 15 characters) would push the other filters off
        # the window. The popup is as wide as the longest entry, so every entry can be read when choosing.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        metrics = combo.fontMetrics()
        combo.setMinimumContentsLength(metrics.horizontalAdvance(everything) // metrics.averageCharWidth() + 2)
        self._fit_popup(combo)
        return combo

    @staticmethod
    def _fit_popup(combo: QComboBox) -> None:
        widest = max(combo.fontMetrics().horizontalAdvance(combo.itemText(n)) for n in range(combo.count()))
        combo.view().setMinimumWidth(widest + 32)

    def _size_columns(self) -> None:
        """Widths from the texts each column holds in this language and font, so nothing is cut off at any DPI.
        Never "resize to contents": that would read every row."""
        header = self.table.horizontalHeader()
        plain = self.table.fontMetrics()
        bold_font = QFont(self.table.font())
        bold_font.setBold(True)
        bold = QFontMetrics(bold_font)
        language = self._language
        samples = {
            Column.NAME: (plain, ["歐陽上官正義"]),  # 複姓 and some new residents' names run long
            Column.ID_NUMBER: (plain, ["A123456789"]),
            Column.STAGE: (plain, [labels.label(s, language) for s in Stage]),
            Column.PROGRAMME: (plain, [labels.label(p, language) for p in Programme]),
            Column.COUNTY: (plain, [c.label(language) for c in codes.counties()]),
            Column.OPENED: (plain, [applied_text("115/12/31", language)]),
            Column.LAST_CONTACT: (plain, ["115/12/31"]),
            Column.NEXT_DUE: (bold, [due_text("115/12/31", 999, language)]),
            Column.OWNER: (plain, ["cm.huang"]),
        }
        sort_arrow = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize) + 8
        # English labels run long ("Employment-service case management"); past this they are elided, with the
        # whole label in the tooltip, rather than pushing the last columns off a laptop screen.
        widest_label = 24 * plain.averageCharWidth()
        for column, (metrics, texts) in samples.items():
            content = max(metrics.horizontalAdvance(text) for text in texts)
            if column in (Column.STAGE, Column.PROGRAMME, Column.COUNTY):
                content = min(content, widest_label)
            title = header.fontMetrics().horizontalAdvance(header_label(column, language)) + sort_arrow
            self.table.setColumnWidth(column, max(content, title) + 16)

    # --- querying -------------------------------------------------------------------------------------------------

    def current_filter(self) -> CaseFilter:
        owner = self.owner.currentData()
        return CaseFilter(
            text=self.search.text(),
            owners=frozenset({owner}) if owner else None,
            programme=self.programme.currentData(),
            stage=self.stage.currentData(),
            county=self.county.currentData(),
            target_group=self.target_group.currentData(),
            overdue_only=self.overdue_only.isChecked(),
            include_closed=self.include_closed.isChecked(),
        )

    def selected_case_ids(self) -> list[uuid.UUID]:
        """The cases selected in the table, in table order (for 移案 and batch actions)."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [case_id for row in rows if (case_id := self.model.case_id(row)) is not None]

    def rows_on_screen(self) -> int:
        """Rows the table shows at its current height (one more for a row cut at the bottom); `FIRST_SCREEN` while
        it has not been laid out yet."""
        viewport = self.table.viewport()
        if not self.table.isVisible() or viewport.height() <= 0:
            return FIRST_SCREEN
        row_height = max(self.table.verticalHeader().defaultSectionSize(), 1)
        return min(viewport.height() // row_height + 1, FIRST_SCREEN)

    def refresh(self, changed: Collection[uuid.UUID] | None = None) -> None:
        """After an operation: mark the cached rows of the cases it `changed` (None: possibly all) stale and query
        the ids again, since a changed case may no longer match the filters or keep its place in the order."""
        self.model.invalidate(changed)
        self._load_owners()
        self._query()

    def _typed(self, _text: str) -> None:
        self._prefetch.stop()  # the worker stays free for the query the typing is about to make
        self._debounce.start()

    def _query(self) -> None:
        """Ask the store for the ids (and rows on screen) of the current search, filters and order."""
        self._debounce.stop()
        self._prefetch.stop()
        number = self._latest.next()
        latest = self._latest
        case_filter, (sort_key, descending) = self.current_filter(), self._sort
        on_date, language, first = clock.today(), self._language, self.rows_on_screen()
        self._searching = True
        self._show_count()
        self._runner.run(
            # A job still queued behind a newer query skips its work.
            lambda session: (
                None
                if latest.get() != number
                else case_list(
                    session, case_filter, sort_key, descending, on_date=on_date, language=language, first=first
                )
            ),
            lambda result: self._show(number, on_date, result),
            owner=self,
        )

    def _show(self, number: int, on_date: date, result: CaseList | None) -> None:
        if result is None or number != self._latest.get():
            return  # superseded by a newer query
        current = self.model.case_id(self.table.currentIndex().row())
        self.model.set_ids(result.ids, result.rows, on_date)
        # Lay the table out for the new rows now, not on Qt's next timer tick: the rows are then painted once, instead
        # of once by the reset and again by the delayed layout (~8 ms a screenful of Chinese text, each time).
        self.table.doItemsLayout()
        if len(result.rows) < min(len(result.ids), FIRST_SCREEN):
            self._prefetch.start()
        self._searching = False
        self._count = len(result.ids)
        self._truncated = result.truncated
        self._show_count()
        row = self.model.row_of(current) if current is not None else None
        if row is not None:  # the case the user was on stays selected if it still matches
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.scrollTo(self.model.index(row, 0))

    def _show_count(self) -> None:
        if self._count or self._searching:
            text = self._t(f"共 {self._count:,} 案", f"{self._count:,} cases")
        else:
            text = self._t("沒有符合條件的個案", "No matching cases")
        if self._truncated:
            text += self._t(
                f"（只列出最相符的 {SEARCH_LIMIT} 人，請再輸入幾個字）",
                f" (the {SEARCH_LIMIT} best-matching people only: type more)",
            )
        if self._searching:
            text += self._t("（搜尋中…）", " (searching…)")
        self.count_label.setText(text)

    def _load_owners(self) -> None:
        self._runner.run(case_owners, self._show_owners, owner=self)

    def _show_owners(self, owners: list[str]) -> None:
        chosen = self.owner.currentData()
        self.owner.blockSignals(True)
        while self.owner.count() > 1:
            self.owner.removeItem(1)
        for name in owners:
            self.owner.addItem(name, name)
        still_there = self.owner.findData(chosen) if chosen else 0
        self.owner.setCurrentIndex(max(still_there, 0))
        self.owner.blockSignals(False)
        self._fit_popup(self.owner)
        self.owner.setVisible(len(owners) > 1)
        if still_there < 0:
            self._query()  # the chosen case manager has no cases any more (handed over): show everyone's

    def _closed_stage_needs_closed_cases(self) -> None:
        if self.stage.currentData() == Stage.G and not self.include_closed.isChecked():
            self.include_closed.setChecked(True)

    # --- sorting and opening --------------------------------------------------------------------------------------

    def _sort_by(self, key: SortKey, descending: bool) -> None:
        if (key, descending) != self._sort:
            self._sort = (key, descending)
            self._query()

    def _keep_indicator_on_sortable_columns(self, column: int, order: Qt.SortOrder) -> None:
        if Column(column) not in SORT_KEYS:
            sorted_column = next(c for c, k in SORT_KEYS.items() if k == self._sort[0])
            previous = Qt.SortOrder.DescendingOrder if self._sort[1] else Qt.SortOrder.AscendingOrder
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(sorted_column, previous)
            header.blockSignals(False)

    def _open_index(self, index: QModelIndex) -> None:
        case_id = self.model.case_id(index.row())
        if case_id is not None:
            self.case_opened.emit(case_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.table and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._open_index(self.table.currentIndex())
                return True
            if watched is self.search and key == Qt.Key.Key_Down and self.model.rowCount() > 0:
                self.table.setFocus()
                if not self.table.currentIndex().isValid():
                    self.table.setCurrentIndex(self.model.index(0, 0))
                return True
        return super().eventFilter(watched, event)
