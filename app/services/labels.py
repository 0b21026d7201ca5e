"""zh-TW and English labels of the enum code lists (the YAML code lists carry their own labels)."""

from __future__ import annotations

from enum import StrEnum

from app.errors import Language
from app.models.enums import ContactMode, Programme, Stage

_LABELS: dict[StrEnum, tuple[str, str]] = {
    Programme.VR: ("職業重建個案管理", "VR case management"),
    Programme.SUPPORTED_EMPLOYMENT: ("支持性就業服務", "Supported employment"),
    Programme.EMPLOYMENT_SERVICE: ("就業服務個案管理", "Employment-service case management"),
    Stage.A: ("A 申請", "A Application"),
    Stage.B: ("B 審查評估", "B Intake assessment"),
    Stage.C: ("C 晤談／評量", "C Interview / assessment"),
    Stage.D: ("D 擬定服務計畫", "D Planning"),
    Stage.E: ("E 執行計畫", "E Plan in progress"),
    Stage.F: ("F 穩定就業後服務", "F Post-placement services"),
    Stage.G: ("G 結案", "G Closed"),
    ContactMode.IN_PERSON: ("面談", "In person"),
    ContactMode.PHONE: ("電訪", "Phone"),
    ContactMode.HOME_VISIT: ("家訪", "Home visit"),
    ContactMode.WORKPLACE_VISIT: ("職場訪視", "Workplace visit"),
}


def label(value: StrEnum, language: Language = "zh-TW") -> str:
    zh, en = _LABELS.get(value, (value.value, value.value))
    return en if language == "en" else zh
