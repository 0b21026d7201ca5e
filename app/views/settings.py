"""設定: the user's preferences, kept with QSettings. Never secrets: keys live in the OS keyring (app.store.keys).

The agency's name, logo, address and phone head every printed form and letter (`AppSettings.agency_info()`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.printing import AgencyInfo
from app.services import codes
from app.views.errors import current_language

ORGANISATION = "FieldCase"
APPLICATION = "FieldCase"
LANGUAGES = {"zh-TW": "繁體中文", "en": "English"}


def default_store_path() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(base or Path.home() / ".fieldcase") / "fieldcase.db"


class AppSettings:
    """Typed access to the stored preferences, with the defaults a new installation starts from."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.qsettings = settings or QSettings(ORGANISATION, APPLICATION)

    def _get(self, key: str, default: object) -> object:
        value = self.qsettings.value(key, default)
        return default if value is None else value

    @property
    def agency_name(self) -> str:
        return str(self._get("agency/name", ""))

    @agency_name.setter
    def agency_name(self, value: str) -> None:
        self.qsettings.setValue("agency/name", value.strip())

    @property
    def agency_logo(self) -> str:
        return str(self._get("agency/logo", ""))

    @agency_logo.setter
    def agency_logo(self, value: str) -> None:
        self.qsettings.setValue("agency/logo", value)

    @property
    def agency_address(self) -> str:
        return str(self._get("agency/address", ""))

    @agency_address.setter
    def agency_address(self, value: str) -> None:
        self.qsettings.setValue("agency/address", value.strip())

    @property
    def agency_phone(self) -> str:
        return str(self._get("agency/phone", ""))

    @agency_phone.setter
    def agency_phone(self, value: str) -> None:
        self.qsettings.setValue("agency/phone", value.strip())

    def agency_info(self) -> AgencyInfo:
        """The agency as printouts show it: name and logo in the heading, address and phone on letters."""
        logo = self.agency_logo.strip()
        return AgencyInfo(
            name=self.agency_name,
            logo_path=Path(logo) if logo else None,
            address=self.agency_address,
            phone=self.agency_phone,
        )

    @property
    def idle_lock_minutes(self) -> int:
        try:
            return max(1, min(240, int(str(self._get("security/idle_lock_minutes", 10)))))
        except ValueError:
            return 10

    @idle_lock_minutes.setter
    def idle_lock_minutes(self, value: int) -> None:
        self.qsettings.setValue("security/idle_lock_minutes", int(value))

    @property
    def language(self) -> str:
        value = str(self._get("ui/language", "zh-TW"))
        return value if value in LANGUAGES else "zh-TW"

    @language.setter
    def language(self, value: str) -> None:
        self.qsettings.setValue("ui/language", value if value in LANGUAGES else "zh-TW")

    @property
    def default_county(self) -> str:
        return str(self._get("work/default_county", ""))

    @default_county.setter
    def default_county(self, value: str) -> None:
        self.qsettings.setValue("work/default_county", value)

    @property
    def store_path(self) -> Path:
        stored = str(self._get("store/path", ""))
        return Path(stored) if stored else default_store_path()

    @store_path.setter
    def store_path(self, value: Path) -> None:
        self.qsettings.setValue("store/path", str(value))


class SettingsDialog(QDialog):
    """Agency name, logo, address and phone for printouts, idle-lock minutes, language, default county."""

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        english = current_language() == "en"
        self.settings = settings
        self.setWindowTitle("Settings" if english else "設定")

        self.agency = QLineEdit(settings.agency_name)
        self.agency.setAccessibleName("Agency name" if english else "單位名稱")
        self.logo = QLineEdit(settings.agency_logo)
        self.logo.setAccessibleName("Logo file" if english else "標誌圖檔")
        self.address = QLineEdit(settings.agency_address)
        self.address.setAccessibleName("Agency address" if english else "單位地址")
        self.phone = QLineEdit(settings.agency_phone)
        self.phone.setAccessibleName("Agency phone" if english else "單位電話")
        browse = QPushButton("Browse…" if english else "選擇…")
        browse.clicked.connect(self._choose_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo)
        logo_row.addWidget(browse)

        self.idle = QSpinBox()
        self.idle.setRange(1, 240)
        self.idle.setValue(settings.idle_lock_minutes)
        self.idle.setSuffix(" min" if english else " 分鐘")
        self.idle.setAccessibleName("Lock after idle minutes" if english else "閒置幾分鐘後鎖定")

        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.language.setAccessibleName("Language" if english else "介面語言")

        self.county = QComboBox()
        self.county.addItem("—", "")
        for county in codes.counties():
            self.county.addItem(county.label(current_language()), county.code)
        self.county.setCurrentIndex(max(0, self.county.findData(settings.default_county)))
        self.county.setAccessibleName("Default county" if english else "預設縣市")

        form = QFormLayout(self)
        form.addRow("Agency name" if english else "單位名稱", self.agency)
        form.addRow("Agency address" if english else "單位地址", self.address)
        form.addRow("Agency phone" if english else "單位電話", self.phone)
        form.addRow("Logo for printouts" if english else "列印用標誌", logo_row)
        form.addRow("Lock after idle" if english else "閒置自動鎖定", self.idle)
        form.addRow("Language (after restart)" if english else "介面語言（重新啟動後生效）", self.language)
        form.addRow("Default county" if english else "預設縣市", self.county)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.windowTitle(), "", "Images (*.png *.jpg *.jpeg)")
        if path:
            self.logo.setText(path)

    def accept(self) -> None:
        self.settings.agency_name = self.agency.text()
        self.settings.agency_address = self.address.text()
        self.settings.agency_phone = self.phone.text()
        self.settings.agency_logo = self.logo.text().strip()
        self.settings.idle_lock_minutes = self.idle.value()
        self.settings.language = str(self.language.currentData())
        self.settings.default_county = str(self.county.currentData())
        self.settings.qsettings.sync()
        super().accept()
