"""Choosing a service and the unit that gives it, as the plan's services and the referrals do: each unit with its
remaining capacity (尚可容納 N, 002 附件一 六) and whom to call there."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QWidget

from app.services import codes, plan_edits
from app.services.plan_edits import UnitChoice
from app.views.errors import current_language
from app.views.workspace.base import CaseTab
from app.views.workspace.common import ERROR_COLOUR, ID_ROLE, county_name, language, pick


def load_units(tab: CaseTab, county: str, loaded: Callable[[list[UnitChoice]], None]) -> None:
    """Fetch (off the GUI thread) the service units `tab` offers for a case in `county`."""
    tab.runner.run(lambda session: plan_edits.list_units(session, county=county), loaded, owner=tab)


def service_kind_combo(accessible_name: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(accessible_name)
    for kind in codes.code_lists().service_kinds:
        combo.addItem(kind.label(language()), kind.code)
    return combo


class UnitPicker(QComboBox):
    """Service units offering one service kind, each with its remaining capacity (尚可容納 N, 002 附件一 六)."""

    def __init__(self, none_text: tuple[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._none_text = none_text
        self._units: list[UnitChoice] = []
        self._kind: str | None = None
        self.setAccessibleName("Service unit" if current_language() == "en" else "服務單位")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(28)
        self._fill()

    def set_units(self, units: Sequence[UnitChoice]) -> None:
        keep = self.unit_id()
        self._units = list(units)
        self._fill(keep)

    def set_service_kind(self, kind: str | None) -> None:
        keep = self.unit_id()
        self._kind = kind
        self._fill(keep)

    def unit_id(self) -> uuid.UUID | None:
        value = self.currentData(ID_ROLE)
        return value if isinstance(value, uuid.UUID) else None

    def set_unit_id(self, unit_id: uuid.UUID | None) -> None:
        for index in range(self.count()):
            if self.itemData(index, ID_ROLE) == unit_id:
                self.setCurrentIndex(index)
                return
        self.setCurrentIndex(0)

    def unit(self) -> UnitChoice | None:
        unit_id = self.unit_id()
        return next((u for u in self._units if u.id == unit_id), None)

    @staticmethod
    def capacity_text(unit: UnitChoice) -> str:
        if unit.remaining <= 0:
            return pick(
                (
                    f"已額滿（{unit.current_caseload}／{unit.capacity}）",
                    f"full ({unit.current_caseload}/{unit.capacity})",
                )
            )
        return pick((f"尚可容納 {unit.remaining}", f"{unit.remaining} places left"))

    @classmethod
    def summary(cls, unit: UnitChoice) -> str:
        """The line under a chosen unit: its remaining capacity and whom to call."""
        contact = "　".join(p for p in (unit.contact_person, unit.phone) if p)
        return f"{cls.capacity_text(unit)}　{contact}".strip()

    def _fill(self, keep: uuid.UUID | None = None) -> None:
        self.blockSignals(True)
        self.clear()
        self.addItem(pick(self._none_text))
        for unit in self._units:
            if self._kind is not None and self._kind not in unit.service_kinds:
                continue
            self.addItem(f"{unit.name}（{county_name(unit.county)}）— {self.capacity_text(unit)}")
            index = self.count() - 1
            self.setItemData(index, unit.id, ID_ROLE)
            contact = " ".join(part for part in (unit.contact_person, unit.phone) if part)
            self.setItemData(index, contact, Qt.ItemDataRole.ToolTipRole)
            if unit.remaining <= 0:
                self.setItemData(index, QBrush(QColor(ERROR_COLOUR)), Qt.ItemDataRole.ForegroundRole)
        self.blockSignals(False)
        self.set_unit_id(keep)
        self.currentIndexChanged.emit(self.currentIndex())
