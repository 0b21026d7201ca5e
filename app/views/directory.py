"""服務單位 directory: where to refer a client, and whether the unit has room (尚可容納, 002 附件一 六).

Search by name as you type, filter by service kind and county; a full unit (nothing remaining) stands out in red.
The table is a small model over the rows the search returned; the detail pane shows contacts, address and notes;
units are added and edited in `UnitDialog`. Every query and save runs on the store runner.
"""

from __future__ import annotations

import uuid
from typing import Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError, ProblemsError, ValidationError
from app.services import codes
from app.services.directory import UnitInput, UnitRow, save_unit, search_units, validate_email
from app.views.errors import current_language, report_error
from app.views.intake import ERROR_STYLE, TextField, county_combo, tr, with_message
from app.views.runner import StoreRunner
from app.views.widgets import FieldMessage, FormValidator, PhoneEdit, ValidatedLineEdit

UNIT_ID_ROLE: Final = Qt.ItemDataRole.UserRole + 1
SORT_ROLE: Final = Qt.ItemDataRole.UserRole + 2
COLUMNS: Final = (
    ("單位名稱", "Unit"),
    ("服務項目", "Services"),
    ("縣市", "County"),
    ("可服務", "Capacity"),
    ("目前個案", "Caseload"),
    ("尚可容納", "Remaining"),
    ("聯絡人", "Contact"),
    ("電話", "Phone"),
)
NAME, SERVICES, COUNTY, CAPACITY, CASELOAD, REMAINING, CONTACT, PHONE = range(len(COLUMNS))
FULL_BACKGROUND: Final = QColor("#fdeceb")
FULL_TEXT: Final = QColor("#b3261e")
SEARCH_DELAY_MS: Final = 200
SERVICES_WIDTH: Final = 190


def service_labels(kinds: tuple[str, ...]) -> str:
    language = current_language()
    names = []
    for kind in kinds:
        try:
            names.append(codes.service_kind(kind).label(language))
        except ValidationError:
            names.append(kind)  # a code an agency has since removed: still show what was stored
    return "、".join(names) if language != "en" else ", ".join(names)


def county_label(code: str) -> str:
    try:
        return codes.county(code).label(current_language())
    except ValidationError:
        return code


class UnitTableModel(QAbstractTableModel):
    """The units a search returned; `data()` never raises."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[UnitRow] = []

    def set_rows(self, rows: list[UnitRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section < len(COLUMNS):
            return tr(*COLUMNS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        unit, column = self.rows[index.row()], index.column()
        if role == UNIT_ID_ROLE:
            return unit.unit_id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(unit, column, tooltip=role == Qt.ItemDataRole.ToolTipRole)
        if role == SORT_ROLE:
            numbers = {CAPACITY: unit.capacity, CASELOAD: unit.current_caseload, REMAINING: unit.remaining}
            return numbers.get(column, self._text(unit, column, tooltip=False))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (CAPACITY, CASELOAD, REMAINING):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if unit.is_full and column == REMAINING:
            if role == Qt.ItemDataRole.BackgroundRole:
                return FULL_BACKGROUND
            if role == Qt.ItemDataRole.ForegroundRole:
                return FULL_TEXT
            if role == Qt.ItemDataRole.FontRole:
                bold = QFont()
                bold.setBold(True)
                return bold
        return None

    def _text(self, unit: UnitRow, column: int, *, tooltip: bool) -> str:
        if column == NAME:
            return unit.name
        if column == SERVICES:
            return service_labels(unit.service_kinds)
        if column == COUNTY:
            return county_label(unit.county)
        if column == CAPACITY:
            return str(unit.capacity)
        if column == CASELOAD:
            return str(unit.current_caseload)
        if column == REMAINING:
            if unit.is_full:
                return tr("已額滿，請先洽詢", "Full: call first") if tooltip else tr("0 已額滿", "0 full")
            return str(unit.remaining)
        if column == CONTACT:
            return unit.contact_person
        if column == PHONE:
            return unit.phone
        return ""

    def row_of(self, unit_id: uuid.UUID) -> int:
        return next((i for i, row in enumerate(self.rows) if row.unit_id == unit_id), -1)


class UnitDetail(QFrame):
    """The selected unit: contacts, address, capacity and notes, all selectable for copying."""

    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.values: dict[str, QLabel] = {}
        self.fields = QWidget()
        columns = QHBoxLayout(self.fields)
        columns.setContentsMargins(0, 0, 0, 0)
        for stretch, rows in (
            (
                3,
                (
                    ("services", "服務項目", "Services"),
                    ("capacity", "服務量", "Capacity"),
                    ("address", "地址", "Address"),
                ),
            ),
            (2, (("contact", "聯絡人", "Contact"), ("phone", "電話", "Phone"), ("email", "電子郵件", "E-mail"))),
        ):
            form = QFormLayout()
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
            for key, zh, en in rows:
                value = QLabel()
                value.setWordWrap(True)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                value.setAccessibleName(tr(zh, en))
                self.values[key] = value
                name = QLabel(tr(zh, en))
                name.setStyleSheet("color: #4a4a4a;")
                form.addRow(name, value)
            columns.addLayout(form, stretch)
        self.edit = QPushButton(tr("編輯此單位…", "Edit this unit…"))
        self.edit.clicked.connect(self.edit_requested)
        self.empty = QLabel(
            tr("在上方清單選擇一個單位，這裡會顯示聯絡方式、地址與備註。", "Pick a unit to see its details.")
        )
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #4a4a4a;")
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addLayout(top)
        layout.addWidget(self.fields)
        notes_row = QHBoxLayout()
        notes_name = QLabel(tr("備註", "Notes"))
        notes_name.setStyleSheet("color: #4a4a4a;")
        self.values["notes"] = QLabel()
        self.values["notes"].setWordWrap(True)
        self.values["notes"].setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.values["notes"].setAccessibleName(tr("備註", "Notes"))
        notes_row.addWidget(notes_name, 0, Qt.AlignmentFlag.AlignTop)
        notes_row.addWidget(self.values["notes"], 1)
        self.notes_row = QWidget()
        self.notes_row.setLayout(notes_row)
        notes_row.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.notes_row)
        layout.addStretch(1)
        self.show_unit(None)

    def show_unit(self, unit: UnitRow | None) -> None:
        self.empty.setVisible(unit is None)
        self.title.setVisible(unit is not None)
        self.fields.setVisible(unit is not None)
        self.notes_row.setVisible(unit is not None)
        self.edit.setVisible(unit is not None)
        for value in self.values.values():
            value.clear()
        if unit is None:
            return
        self.title.setText(f"{unit.name}（{county_label(unit.county)}）")
        self.values["services"].setText(service_labels(unit.service_kinds) or "—")
        remaining = (
            f"<span style='color:#b3261e'><b>{tr('尚可容納 0，已額滿', 'remaining 0: full')}</b></span>"
            if unit.is_full
            else f"<b>{tr('尚可容納', 'remaining')} {unit.remaining}</b>"
        )
        self.values["capacity"].setText(
            tr(
                f"可服務 {unit.capacity}・目前 {unit.current_caseload}・{remaining}",
                f"capacity {unit.capacity} · caseload {unit.current_caseload} · {remaining}",
            )
        )
        self.values["contact"].setText(unit.contact_person or "—")
        self.values["phone"].setText(unit.phone or "—")
        self.values["email"].setText(unit.email or "—")
        self.values["address"].setText(unit.address or "—")
        self.values["notes"].setText(unit.notes or "—")


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


class EmailEdit(ValidatedLineEdit[str]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            parent,
            label=tr("電子郵件", "E-mail"),
            field_name="email",
            placeholder="service@example.org",
            language=current_language(),
        )

    def parse(self, text: str) -> str:
        return validate_email(text, self.fieldName())

    def looksUnfinished(self, text: str) -> bool:
        return "@" not in text or text.strip().endswith(("@", "."))


class UnitDialog(QDialog):
    """Add a service unit, or edit `unit`. Saves nothing while a field is invalid; `saved` carries the stored row."""

    saved = Signal(object)  # UnitRow

    def __init__(self, runner: StoreRunner, unit: UnitRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.unit = unit
        self.setWindowTitle(tr("編輯服務單位", "Edit service unit") if unit else tr("新增服務單位", "Add service unit"))
        self.validator = FormValidator()
        self.name = TextField(label=tr("單位名稱", "Name"), required=True, field_name="name", max_length=100)
        self.county = county_combo(tr("縣市", "County"), unit.county if unit else "")
        self.county_message = FieldMessage()
        self.county.currentIndexChanged.connect(lambda *_: self.county_message.clear())
        self.services = QListWidget()
        self.services.setAccessibleName(tr("服務項目", "Services"))
        for kind in codes.code_lists().service_kinds:
            item = QListWidgetItem(kind.label(current_language()))
            item.setData(Qt.ItemDataRole.UserRole, kind.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = unit is not None and kind.code in unit.service_kinds
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.services.addItem(item)
        self.services.setMinimumHeight(150)
        self.services_message = FieldMessage()
        self.services.itemChanged.connect(lambda *_: self.services_message.clear())
        self.address = QLineEdit()
        self.address.setAccessibleName(tr("地址", "Address"))
        self.address.setMaxLength(200)
        self.contact = QLineEdit()
        self.contact.setAccessibleName(tr("聯絡人", "Contact person"))
        self.contact.setMaxLength(64)
        self.phone = PhoneEdit(label=tr("電話", "Phone"), language=current_language())
        self.email = EmailEdit()
        self.capacity = QSpinBox()
        self.capacity.setRange(0, 100_000)
        self.capacity.setAccessibleName(tr("可服務量", "Capacity"))
        self.caseload = QSpinBox()
        self.caseload.setRange(0, 100_000)
        self.caseload.setAccessibleName(tr("目前個案數", "Current caseload"))
        self.remaining = QLabel()
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(tr("備註", "Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(90)
        for field in (self.name, self.phone, self.email):
            self.validator.register(field)
        if unit is not None:
            self.name.setText(unit.name)
            self.address.setText(unit.address)
            self.contact.setText(unit.contact_person)
            self.phone.setText(unit.phone)
            self.email.setText(unit.email)
            self.capacity.setValue(unit.capacity)
            self.caseload.setValue(unit.current_caseload)
            self.notes.setPlainText(unit.notes)
        self.capacity.valueChanged.connect(lambda *_: self._update_remaining())
        self.caseload.valueChanged.connect(lambda *_: self._update_remaining())
        self._update_remaining()

        numbers = QHBoxLayout()
        numbers.addWidget(QLabel(tr("可服務量", "Capacity")))
        numbers.addWidget(self.capacity)
        numbers.addSpacing(12)
        numbers.addWidget(QLabel(tr("目前個案數", "Caseload")))
        numbers.addWidget(self.caseload)
        numbers.addSpacing(12)
        numbers.addWidget(self.remaining)
        numbers.addStretch(1)
        form = QFormLayout()
        form.addRow(tr("單位名稱 *", "Name *"), self.name)
        form.addRow(tr("縣市 *", "County *"), with_message(self.county, self.county_message))
        form.addRow(tr("服務項目 *", "Services *"), with_message(self.services, self.services_message))
        form.addRow(tr("服務量", "Capacity"), numbers)
        form.addRow(tr("聯絡人", "Contact person"), self.contact)
        form.addRow(tr("電話", "Phone"), self.phone)
        form.addRow(tr("電子郵件", "E-mail"), self.email)
        form.addRow(tr("地址", "Address"), self.address)
        form.addRow(tr("備註", "Notes"), self.notes)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.save_button = QPushButton(tr("儲存", "Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton(tr("取消", "Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.problem, 1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.resize(560, 640)

    def _update_remaining(self) -> None:
        remaining = max(self.capacity.value() - self.caseload.value(), 0)
        if remaining == 0:
            self.remaining.setText(
                f"<span style='color:#b3261e'><b>{tr('尚可容納 0（已額滿）', 'Remaining 0 (full)')}</b>"
            )
        else:
            self.remaining.setText(tr(f"尚可容納 <b>{remaining}</b>", f"Remaining <b>{remaining}</b>"))

    def checked_services(self) -> tuple[str, ...]:
        return tuple(
            str(self.services.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.services.count())
            if self.services.item(i).checkState() == Qt.CheckState.Checked
        )

    def save(self) -> None:
        valid = self.validator.validate()
        if not self.county.currentData():
            self.county_message.showError(tr("請選擇縣市。", "Please choose the county."))
            valid = False
        kinds = self.checked_services()
        if not kinds:
            self.services_message.showError(tr("請至少勾選一項服務。", "Tick at least one service."))
            valid = False
        if not valid:
            return
        data = UnitInput(
            name=self.name.value() or "",
            service_kinds=kinds,
            county=str(self.county.currentData()),
            address=self.address.text(),
            phone=self.phone.value() or "",
            contact_person=self.contact.text(),
            email=self.email.value() or "",
            capacity=self.capacity.value(),
            current_caseload=self.caseload.value(),
            notes=self.notes.toPlainText(),
        )
        unit_id = self.unit.unit_id if self.unit else None
        self.save_button.setEnabled(False)
        self.runner.run(lambda session: save_unit(session, data, unit_id), self._saved, self._failed, owner=self)

    def _saved(self, unit: UnitRow) -> None:
        self.save_button.setEnabled(True)
        self.saved.emit(unit)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, ProblemsError):
            self.problem.setText("\n".join(p.describe(current_language()) for p in error.problems))
        elif isinstance(error, AppError):
            self.problem.setText(error.message(current_language()))
        else:
            report_error(error, self)
