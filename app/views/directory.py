"""服務單位 directory: where to refer a client, and whether the unit has room (尚可容納, 002 附件一 六).

Search by name as you type, filter by service kind and county; a full unit (nothing remaining) stands out in red.
The table is a small model over the rows the search returned; the detail pane shows contacts, address and notes;
units are added and edited in `UnitDialog` (unit_dialog); the table and the detail pane are in unit_table. Every
query and save runs on the store runner.
"""

from __future__ import annotations

import uuid
from typing import Final

from PySide6.QtCore import (
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import codes
from app.services.directory import UnitRow, search_units
from app.views.errors import current_language
from app.views.forms import county_combo, tr
from app.views.runner import StoreRunner
from app.views.unit_dialog import UnitDialog
from app.views.unit_table import COLUMNS, NAME, SERVICES, SORT_ROLE, UnitDetail, UnitTableModel

SEARCH_DELAY_MS: Final = 200
SERVICES_WIDTH: Final = 190


class DirectoryView(QWidget):
    """The 服務單位 directory page. `unit_saved` fires after a unit was added or changed."""

    unit_selected = Signal(object)  # UnitRow | None
    unit_saved = Signal(object)  # UnitRow
    loaded = Signal(int)  # rows shown, after each search

    def __init__(self, runner: StoreRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._generation = 0
        self._keep_selected: uuid.UUID | None = None

        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("搜尋單位名稱…", "Search unit names…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(tr("搜尋單位名稱", "Search unit names"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(tr("服務項目", "Service"))
        self.kind.addItem(tr("全部服務項目", "All services"), "")
        for kind in codes.code_lists().service_kinds:
            self.kind.addItem(kind.label(current_language()), kind.code)
        self.county = county_combo(tr("縣市", "County"))
        self.county.setItemText(0, tr("全部縣市", "All counties"))
        self.search.setMinimumWidth(180)
        for combo in (self.kind, self.county):
            # Long English service names must not squeeze the search box out.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
        self.only_room = QCheckBox(tr("只顯示尚有名額", "Only units with room"))
        self.add_button = QPushButton(tr("新增單位…", "Add unit…"))
        self.add_button.setToolTip("Ctrl+N")
        self.add_button.clicked.connect(self.add_unit)
        self.count = QLabel()
        self.count.setAccessibleName(tr("筆數", "Count"))

        self.model = UnitTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(tr("服務單位", "Service units"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the service's order (county, name) until clicked
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.table.doubleClicked.connect(lambda *_: self.edit_unit())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())

        self.detail = UnitDetail()
        self.detail.edit_requested.connect(self.edit_unit)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.kind, 1)
        filters.addWidget(self.county, 1)
        filters.addWidget(self.only_room)
        filters.addStretch(0)
        filters.addWidget(self.add_button)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.table)
        upper_layout.addWidget(self.count)
        self.detail.setFrameShape(QFrame.Shape.StyledPanel)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda *_: self._timer.start())
        self.kind.currentIndexChanged.connect(lambda *_: self.refresh())
        self.county.currentIndexChanged.connect(lambda *_: self.refresh())
        self.only_room.toggled.connect(lambda *_: self.refresh())
        for shortcut, slot in (("Ctrl+F", self._focus_search), ("Ctrl+N", self.add_unit)):
            action = QAction(self)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        self.refresh()

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def refresh(self) -> None:
        """Search again with the current text and filters; a reply to an older search is dropped."""
        self._timer.stop()
        self._generation += 1
        generation = self._generation
        text, kind = self.search.text(), str(self.kind.currentData() or "")
        county, room = str(self.county.currentData() or ""), self.only_room.isChecked()
        self.runner.run(
            lambda session: search_units(session, text, kind or None, county or None, only_with_room=room),
            lambda rows: self._show(generation, rows),
            owner=self,
        )

    def _show(self, generation: int, rows: list[UnitRow]) -> None:
        if generation != self._generation:
            return
        current = self.selected_unit()
        selected = self._keep_selected or (current.unit_id if current else None)
        self._keep_selected = None
        self.model.set_rows(rows)
        full = sum(row.is_full for row in rows)
        self.count.setText(
            tr(f"共 {len(rows)} 個單位，其中 {full} 個已額滿", f"{len(rows)} units, {full} full")
            if rows
            else tr("沒有符合的單位。試試其他縣市或服務項目。", "No unit matches; try another county or service.")
        )
        self._fit_columns()
        row = self.model.row_of(selected) if selected else -1
        if row >= 0:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        else:
            self._selection_changed()
        self.loaded.emit(len(rows))

    def _fit_columns(self) -> None:
        """Numbers, contact and phone fit their contents; the name takes what is left (elided, full text in the
        tooltip), so the page fits beside the navigation without a horizontal scroll bar."""
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS)):
            if column not in (NAME, SERVICES):
                self.table.resizeColumnToContents(column)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(SERVICES, SERVICES_WIDTH)

    def selected_unit(self) -> UnitRow | None:
        selected = self.table.selectionModel().selectedRows()
        if not selected:
            return None
        row = self.proxy.mapToSource(selected[0]).row()
        return self.model.rows[row] if 0 <= row < len(self.model.rows) else None

    def _selection_changed(self) -> None:
        unit = self.selected_unit()
        self.detail.show_unit(unit)
        self.unit_selected.emit(unit)

    def add_unit(self) -> None:
        self._open_dialog(None)

    def edit_unit(self) -> None:
        unit = self.selected_unit()
        if unit is not None:
            self._open_dialog(unit)

    def _open_dialog(self, unit: UnitRow | None) -> None:
        dialog = UnitDialog(self.runner, unit, self)
        dialog.saved.connect(self._saved)
        dialog.open()

    def _saved(self, unit: UnitRow) -> None:
        self._keep_selected = unit.unit_id
        self.unit_saved.emit(unit)
        self.refresh()
