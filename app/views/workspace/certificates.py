"""身心障礙證明 / 手冊 on the 基本資料 tab: an editor for each (system, categories, severity, dates), and the list of
them with the certificates removed since the last save."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import CertificateSystem
from app.services import codes
from app.services.case_edits import CertificateValues, enum_label
from app.views.widgets import RocDateEdit, ValidatedLineEdit
from app.views.workspace.base import CaseTab
from app.views.workspace.form_fields import CheckGrid, Messaged, fill_codes, language_of, select_code


class CertificateEditor(QGroupBox):
    """One 身心障礙證明 / 手冊."""

    edited = Signal()
    remove_requested = Signal()

    def __init__(self, tab: CaseTab, values: CertificateValues | None) -> None:
        super().__init__(tab.text("身心障礙證明", "Disability certificate"))
        self.english = tab.english
        self.certificate_id = values.id if values else None
        language = language_of(self.english)
        self.system = QComboBox()
        for system in CertificateSystem:
            self.system.addItem(enum_label(system, language), system)
        self.categories = CheckGrid(columns=1)
        self.severity = QComboBox()
        fill_codes(self.severity, codes.SEVERITIES, self.english, tab.text("（請選擇）", "(choose)"))
        self.issued_on = RocDateEdit(label=tab.text("核發日期", "Issued on"), language=language)
        self.expires_on = RocDateEdit(label=tab.text("有效期限", "Valid until"), language=language)
        self.no_expiry = QCheckBox(tab.text("無註記效期", "No expiry"))
        self.reassess_on = RocDateEdit(label=tab.text("重新鑑定日期", "Re-assessment"), language=language)
        remove = QPushButton(tab.text("移除這張證明", "Remove this certificate"))
        remove.clicked.connect(self.remove_requested)
        self.fields: dict[str, QWidget] = {
            "categories": Messaged(self.categories),
            "severity": Messaged(self.severity),
            "issued_on": self.issued_on,
            "expires_on": self.expires_on,
            "reassess_on": self.reassess_on,
        }
        expiry = QHBoxLayout()
        expiry.addWidget(self.expires_on, 1)
        expiry.addWidget(self.no_expiry, 0, Qt.AlignmentFlag.AlignTop)
        form = QFormLayout(self)
        form.addRow(tab.text("證明種類", "Kind"), self.system)
        form.addRow(tab.text("障礙類別", "Categories"), self.fields["categories"])
        form.addRow(tab.text("障礙程度", "Severity"), self.fields["severity"])
        form.addRow(tab.text("核發日期", "Issued on"), self.issued_on)
        form.addRow(tab.text("有效期限", "Valid until"), expiry)
        form.addRow(tab.text("重新鑑定日期", "Re-assessment"), self.reassess_on)
        form.addRow("", remove)
        self.system.currentIndexChanged.connect(self._system_changed)
        self.no_expiry.toggled.connect(lambda ticked: self.expires_on.setEnabled(not ticked))
        self.set_values(values)
        for signal in (
            self.system.currentIndexChanged,
            self.severity.currentIndexChanged,
            self.no_expiry.toggled,
            self.categories.changed,
        ):
            signal.connect(self.edited)
        for date_field in (self.issued_on, self.expires_on, self.reassess_on):
            date_field.lineEdit().textEdited.connect(self.edited)

    def _system_changed(self) -> None:
        system = self.system.currentData()
        list_name = codes.DISABILITY_NEW_SYSTEM if system == CertificateSystem.NEW else codes.DISABILITY_OLD_SYSTEM
        entries = [(e.code, e.label(language_of(self.english))) for e in codes.entries(list_name)]
        # English labels are long: one column keeps the form's two halves side by side without scrolling.
        self.categories.set_entries(entries, columns=1 if system == CertificateSystem.NEW or self.english else 2)

    def set_values(self, values: CertificateValues | None) -> None:
        select_code(self.system, values.system if values else CertificateSystem.NEW)
        self._system_changed()
        self.categories.set_checked(values.categories if values else ())
        select_code(self.severity, values.severity if values else None)
        self.issued_on.setDate(values.issued_on if values else None)
        self.expires_on.setDate(values.expires_on if values else None)
        self.no_expiry.setChecked(values.no_expiry if values else False)
        self.expires_on.setEnabled(not self.no_expiry.isChecked())
        self.reassess_on.setDate(values.reassess_on if values else None)

    def values(self) -> CertificateValues:
        return CertificateValues(
            id=self.certificate_id,
            system=CertificateSystem(self.system.currentData()),
            categories=self.categories.checked(),
            severity=self.severity.currentData(),
            issued_on=self.issued_on.date(),
            expires_on=None if self.no_expiry.isChecked() else self.expires_on.date(),
            no_expiry=self.no_expiry.isChecked(),
            reassess_on=self.reassess_on.date(),
        )

    def date_fields(self) -> list[ValidatedLineEdit[date]]:
        return [self.issued_on, self.expires_on, self.reassess_on]


class CertificateList(QWidget):
    """The client's certificates, one editor each, and 「新增身心障礙證明」 below them. A certificate removed here is
    kept as a tombstone among `values()` until the profile is saved."""

    edited = Signal()

    def __init__(self, tab: CaseTab) -> None:
        super().__init__()
        self.tab = tab
        self.editors: list[CertificateEditor] = []
        self._removed: list[CertificateValues] = []
        self._box = QVBoxLayout()
        add = QPushButton(tab.text("新增身心障礙證明", "Add a disability certificate"))
        add.clicked.connect(lambda: self.add(None, focus=True))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._box)
        layout.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)

    def show_certificates(self, certificates: list[CertificateValues]) -> None:
        for editor in self.editors:
            editor.deleteLater()
        self.editors = []
        self._removed = []
        for values in certificates:
            self.add(values)

    def add(self, values: CertificateValues | None, *, focus: bool = False) -> None:
        editor = CertificateEditor(self.tab, values)
        editor.edited.connect(self.edited)
        editor.remove_requested.connect(lambda: self._remove(editor))
        self.editors.append(editor)
        self._box.addWidget(editor)
        if focus:
            editor.system.setFocus()
            self.edited.emit()

    def _remove(self, editor: CertificateEditor) -> None:
        if editor.certificate_id is not None:
            self._removed.append(dataclasses.replace(editor.values(), removed=True))
        self.editors.remove(editor)
        editor.deleteLater()
        self.edited.emit()

    def values(self) -> list[CertificateValues]:
        return [editor.values() for editor in self.editors] + self._removed

    def field(self, index: int, attribute: str) -> QWidget | None:
        """The field where a problem of `certificate.<index>.<attribute>` is shown."""
        return self.editors[index].fields.get(attribute) if index < len(self.editors) else None

    def message_fields(self) -> list[QWidget]:
        return [field for editor in self.editors for field in editor.fields.values()]

    def date_fields(self) -> list[ValidatedLineEdit[date]]:
        """The date fields in use (a certificate without expiry has none for it)."""
        return [field for editor in self.editors for field in editor.date_fields() if field.isEnabled()]

    def focus_certificate(self, certificate_id: uuid.UUID | None) -> None:
        for editor in self.editors:
            if editor.certificate_id == certificate_id:
                editor.expires_on.setFocus(Qt.FocusReason.OtherFocusReason)
                return
