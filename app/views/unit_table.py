"""The 服務單位 directory's table and detail pane: the units a search returned, with whether each has room
(尚可容納; a full unit stands out in red), and the contacts, address and notes of the one selected."""

from __future__ import annotations

import uuid
from typing import Final

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.errors import ValidationError
from app.services import codes
from app.services.directory import UnitRow
from app.views.errors import current_language
from app.views.forms import tr

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
