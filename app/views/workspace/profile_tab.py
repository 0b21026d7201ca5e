"""基本資料: the client's particulars and disability certificates, checked field by field before anything is saved.

Ctrl+S (or 儲存) first checks every field; each problem shows beside its field and nothing is saved until none is
left. The save itself is `case_edits.save_profile`, which checks again inside the job. While the form has unsaved
edits, a reload of the case (another tab saved something) leaves them on screen.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterable, Sequence
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import Problem, ProblemsError
from app.models import Case
from app.models.enums import CertificateSystem, Gender
from app.services import clock, codes
from app.services.case_edits import (
    CertificateValues,
    ClientValues,
    certificate_problems,
    client_problems,
    enum_label,
    save_profile,
)
from app.views.errors import report_error
from app.views.runner import StoreRunner
from app.views.widgets import FieldMessage, FormValidator, IdNumberEdit, PhoneEdit, RocDateEdit, ValidatedLineEdit
from app.views.workspace.base import CaseTab

# The look of ValidatedLineEdit's invalid state, for the plain line edits of a form.
ERROR_LINE_STYLE = "QLineEdit { border: 2px solid #b3261e; border-radius: 3px; background: #fdeceb; }"


def language_of(english: bool) -> str:
    return "en" if english else "zh-TW"


def fill_codes(combo: QComboBox, list_name: str, english: bool, empty: str | None = None) -> None:
    """Fill a combo with a code list's labels (the code as item data); `empty` is a first "none" item."""
    combo.clear()
    if empty is not None:
        combo.addItem(empty, None)
    for entry in codes.entries(list_name):
        combo.addItem(entry.label(language_of(english)), entry.code)


def select_code(combo: QComboBox, code: object) -> None:
    """Select the item holding `code`; a code this device's list lacks is kept as an item of its own."""
    index = combo.findData(code)
    if index < 0 and code is not None:
        combo.addItem(str(code), code)
        index = combo.count() - 1
    combo.setCurrentIndex(max(index, 0))


class CheckGrid(QWidget):
    """Several choices out of a list (特定對象, 障礙類別, 建議服務): a grid of check boxes, keyboard operable."""

    changed = Signal()

    def __init__(self, columns: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._columns = columns
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setVerticalSpacing(2)
        self._boxes: dict[str, QCheckBox] = {}

    def set_entries(self, entries: Sequence[tuple[str, str]], columns: int | None = None) -> None:
        """(code, label) choices; ticks of codes still listed are kept."""
        self._columns = columns or self._columns
        kept = set(self.checked())
        for box in self._boxes.values():
            self._layout.removeWidget(box)
            box.hide()
            box.deleteLater()
        self._boxes = {}
        for index, (code, text) in enumerate(entries):
            self._add(index, code, text, code in kept)

    def _add(self, index: int, code: str, text: str, ticked: bool) -> None:
        box = QCheckBox(text, self)
        box.setChecked(ticked)
        box.toggled.connect(self.changed)
        self._layout.addWidget(box, index // self._columns, index % self._columns)
        self._boxes[code] = box

    def set_checked(self, ticked: Iterable[str]) -> None:
        wanted = list(ticked)
        for code in wanted:
            if code not in self._boxes:  # a code from a newer list: shown so that saving keeps it
                self._add(len(self._boxes), code, code, True)
        for code, box in self._boxes.items():
            box.blockSignals(True)
            box.setChecked(code in wanted)
            box.blockSignals(False)

    def checked(self) -> tuple[str, ...]:
        return tuple(code for code, box in self._boxes.items() if box.isChecked())

    def set_read_only(self, read_only: bool) -> None:
        """Read-only, yet as readable as when editable (a disabled box greys its text out)."""
        for box in self._boxes.values():
            read_only_box(box, read_only)


def read_only_box(box: QCheckBox, read_only: bool) -> None:
    box.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, read_only)
    box.setFocusPolicy(Qt.FocusPolicy.NoFocus if read_only else Qt.FocusPolicy.StrongFocus)


class Messaged(QWidget):
    """A plain widget with a message line below it, for fields that are not validating line edits; the line takes
    room only while it has something to say."""

    def __init__(self, widget: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.widget = widget
        self.message = FieldMessage(self)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(self.message)
        self.setFocusProxy(widget)

    def show_error(self, text: str) -> None:
        self.message.showError(text)
        self.message.show()
        if isinstance(self.widget, QLineEdit):
            self.widget.setStyleSheet(ERROR_LINE_STYLE)

    def clear(self) -> None:
        self.message.clear()
        self.message.hide()
        if isinstance(self.widget, QLineEdit):
            self.widget.setStyleSheet("")


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


class ProfileTab(CaseTab):
    title_zh = "基本資料"
    title_en = "Profile"
    target_kinds = ("case", "certificate")

    def __init__(self, runner: StoreRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        language = language_of(self.english)
        self._loading = False
        self.dirty = False
        self.certificates: list[CertificateEditor] = []
        self._removed: list[CertificateValues] = []

        self.name = QLineEdit()
        self.id_number = IdNumberEdit(label=self.text("身分證統一編號", "ID number"), required=True, language=language)
        self.gender = QComboBox()
        for gender in Gender:
            self.gender.addItem(enum_label(gender, language), gender)
        self.birth_date = RocDateEdit(label=self.text("出生日期", "Date of birth"), required=True, language=language)
        self.education = QComboBox()
        fill_codes(self.education, codes.EDUCATION_LEVELS, self.english, self.text("（未填）", "(not given)"))
        self.economic_status = QComboBox()
        fill_codes(self.economic_status, codes.ECONOMIC_STATUS, self.english, self.text("（未填）", "(not given)"))
        self.indigenous_tribe = QComboBox()
        fill_codes(
            self.indigenous_tribe, codes.INDIGENOUS_TRIBES, self.english, self.text("非原住民", "Not indigenous")
        )
        self.target_groups = CheckGrid(columns=1 if self.english else 2)
        self.target_groups.set_entries([(e.code, e.label(language)) for e in codes.entries(codes.TARGET_GROUPS)])
        self.mobile_phone = PhoneEdit(label=self.text("手機", "Mobile"), language=language)
        self.home_phone = PhoneEdit(label=self.text("市話", "Home phone"), language=language)
        self.home_phone.lineEdit().setPlaceholderText("02-2345-6789")
        self.addresses = {prefix: self._address_row() for prefix in ("household", "residence")}
        self.contact_name = QLineEdit()
        self.contact_relation = QLineEdit()
        self.contact_phone = PhoneEdit(label=self.text("聯絡人電話", "Contact's phone"), language=language)
        self.data_consent = QCheckBox(self.text("已簽署個人資料蒐集告知同意書", "Signed the personal-data consent"))
        self.data_consent_on = RocDateEdit(label=self.text("同意日期", "Consent date"), language=language)
        self.work_history = QPlainTextEdit()
        self.health = QPlainTextEdit()
        self.strengths = QPlainTextEdit()
        for text_edit in (self.work_history, self.health, self.strengths):
            text_edit.setTabChangesFocus(True)
            text_edit.setFixedHeight(text_edit.fontMetrics().lineSpacing() * 3 + 12)

        # Where each problem a check reports (Problem.field) is shown.
        self.fields: dict[str, QWidget] = {
            "name": Messaged(self.name),
            "id_number": self.id_number,
            "birth_date": self.birth_date,
            "mobile_phone": self.mobile_phone,
            "home_phone": self.home_phone,
            "contact_phone": self.contact_phone,
            "data_consent_on": self.data_consent_on,
            "target_groups": Messaged(self.target_groups),
            "contact_name": Messaged(self.contact_name),
            "contact_relation": Messaged(self.contact_relation),
        }
        for prefix, (county, township, address) in self.addresses.items():
            self.fields[f"{prefix}_county"] = county
            self.fields[f"{prefix}_township"] = township
            self.fields[f"{prefix}_address"] = address

        self.save_button = QPushButton(self.text("儲存基本資料（Ctrl+S）", "Save profile (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        self.status.setAccessibleName(self.text("儲存狀態", "Save status"))
        shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.save)
        self._build_layout()
        self._watch_edits()

    # ---- layout ----

    def _address_row(self) -> tuple[Messaged, Messaged, Messaged]:
        county = QComboBox()
        fill_codes(county, codes.COUNTIES, self.english, self.text("（縣市）", "(county)"))
        township = QComboBox()
        township.setEditable(True)  # the lists hold the common townships; any other can be typed
        township.setMinimumContentsLength(6)
        address = QLineEdit()
        address.setPlaceholderText(self.text("路街、巷弄、號、樓", "Street, lane, number, floor"))
        county.currentIndexChanged.connect(lambda: self._county_changed(county, township))
        return Messaged(county), Messaged(township), Messaged(address)

    def _county_changed(self, county: QComboBox, township: QComboBox) -> None:
        township.clear()
        code = county.currentData()
        if code is not None:
            township.addItems(list(codes.county(code).townships))
        township.setCurrentText("")  # a township of the county chosen before would be wrong now

    def _build_layout(self) -> None:
        identity = QGroupBox(self.text("個案基本資料", "Client"))
        form = QFormLayout(identity)
        self._row(form, self.text("姓名", "Name"), self.fields["name"])
        self._row(form, self.text("身分證統一編號", "ID number"), self.id_number)
        self._row(form, self.text("性別", "Gender"), self.gender)
        self._row(form, self.text("出生日期", "Date of birth"), self.birth_date)
        self._row(form, self.text("教育程度", "Education"), self.education)
        self._row(form, self.text("家庭經濟狀況", "Household income"), self.economic_status)
        self._row(form, self.text("原住民族別", "Indigenous people"), self.indigenous_tribe)
        self._row(form, self.text("特定對象身分", "Target groups"), self.fields["target_groups"])

        contact = QGroupBox(self.text("聯絡方式", "Contact"))
        form = QFormLayout(contact)
        self._row(form, self.text("手機", "Mobile"), self.mobile_phone)
        self._row(form, self.text("市話", "Home phone"), self.home_phone)
        for prefix, zh, en in (
            ("household", "戶籍地址", "Registered address"),
            ("residence", "居住地址", "Home address"),
        ):
            county, township, address = self.addresses[prefix]
            line = QHBoxLayout()
            line.addWidget(county)
            line.addWidget(township)
            line.addWidget(address, 1)
            county.widget.setAccessibleName(self.text(f"{zh}縣市", f"{en}: county"))
            township.widget.setAccessibleName(self.text(f"{zh}鄉鎮市區", f"{en}: township"))
            address.widget.setAccessibleName(self.text(zh, en))
            form.addRow(self.text(zh, en), line)
        same = QPushButton(self.text("居住地址同戶籍地址", "Home address = registered address"))
        same.clicked.connect(self._copy_household_address)
        same_row = QHBoxLayout()
        same_row.addWidget(same)
        same_row.addStretch(1)
        form.addRow("", same_row)
        self._row(form, self.text("聯絡人", "Contact person"), self.fields["contact_name"])
        self._row(form, self.text("與個案關係", "Relation"), self.fields["contact_relation"])
        self._row(form, self.text("聯絡人電話", "Contact's phone"), self.contact_phone)

        consent = QGroupBox(self.text("個資蒐集告知同意", "Personal-data consent"))
        form = QFormLayout(consent)
        form.addRow(self.data_consent)
        self._row(form, self.text("同意日期", "Consent date"), self.data_consent_on)

        background = QGroupBox(self.text("工作經歷、健康與優勢", "Work history, health and strengths"))
        form = QFormLayout(background)
        self._row(form, self.text("工作經歷", "Work history"), self.work_history)
        self._row(form, self.text("健康狀況", "Health"), self.health)
        self._row(form, self.text("優勢", "Strengths"), self.strengths)

        self.certificate_box = QVBoxLayout()
        add = QPushButton(self.text("新增身心障礙證明", "Add a disability certificate"))
        add.clicked.connect(lambda: self._add_certificate(None, focus=True))

        left = QVBoxLayout()
        for group in (identity, consent, background):
            left.addWidget(group)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(contact)
        right.addLayout(self.certificate_box)
        right.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        page = QWidget()
        page.setLayout(columns)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(bar)

    def _row(self, form: QFormLayout, text: str, widget: QWidget) -> None:
        label = QLabel(text)
        label.setBuddy(widget)
        widget.setAccessibleName(text)
        if isinstance(widget, Messaged):
            widget.widget.setAccessibleName(text)
        form.addRow(label, widget)

    def _copy_household_address(self) -> None:
        source, target = self.addresses["household"], self.addresses["residence"]
        assert isinstance(source[0].widget, QComboBox) and isinstance(target[0].widget, QComboBox)
        select_code(target[0].widget, source[0].widget.currentData())
        self._combo(target[1]).setCurrentText(self._combo(source[1]).currentText())
        self._line(target[2]).setText(self._line(source[2]).text())
        self._mark_dirty()

    @staticmethod
    def _combo(field: Messaged) -> QComboBox:
        assert isinstance(field.widget, QComboBox)
        return field.widget

    @staticmethod
    def _line(field: Messaged) -> QLineEdit:
        assert isinstance(field.widget, QLineEdit)
        return field.widget

    def _watch_edits(self) -> None:
        for line in (self.name, self.contact_name, self.contact_relation):
            line.textEdited.connect(self._mark_dirty)
        for field in (self.id_number, self.birth_date, self.mobile_phone, self.home_phone, self.contact_phone):
            field.lineEdit().textEdited.connect(self._mark_dirty)
        self.data_consent_on.lineEdit().textEdited.connect(self._mark_dirty)
        for combo in (self.gender, self.education, self.economic_status, self.indigenous_tribe):
            combo.activated.connect(self._mark_dirty)
        for county, township, address in self.addresses.values():
            self._combo(county).activated.connect(self._mark_dirty)
            self._combo(township).editTextChanged.connect(self._mark_dirty)
            self._line(address).textEdited.connect(self._mark_dirty)
        self.target_groups.changed.connect(self._mark_dirty)
        self.data_consent.toggled.connect(self._consent_toggled)
        for text_edit in (self.work_history, self.health, self.strengths):
            text_edit.textChanged.connect(self._mark_dirty)

    def _consent_toggled(self, ticked: bool) -> None:
        self.data_consent_on.setEnabled(ticked)
        self.data_consent_on.setRequired(ticked)
        if ticked and self.data_consent_on.date() is None and not self._loading:
            self.data_consent_on.setDate(clock.today())
        self._mark_dirty()

    def _mark_dirty(self) -> None:
        if self._loading or self.case is None:
            return
        self.dirty = True
        self.status.setText(self.text("有未儲存的變更（Ctrl+S 儲存）", "Unsaved changes (Ctrl+S to save)"))

    # ---- showing and reading the values ----

    def show_case(self, case: Case) -> None:
        super().show_case(case)
        if self.dirty:
            return  # what the user typed stays; saving writes it over the reloaded case
        self._loading = True
        try:
            self._show_client(ClientValues.of(case.client))
            for editor in self.certificates:
                editor.deleteLater()
            self.certificates = []
            self._removed = []
            for certificate in case.client.certificates:
                if not certificate.deleted:
                    self._add_certificate(CertificateValues.of(certificate))
        finally:
            self._loading = False
        self._clear_messages()

    def _show_client(self, values: ClientValues) -> None:
        self.name.setText(values.name)
        self.id_number.setText(values.id_number)
        select_code(self.gender, values.gender)
        self.birth_date.setDate(values.birth_date)
        select_code(self.education, values.education)
        select_code(self.economic_status, values.economic_status)
        select_code(self.indigenous_tribe, values.indigenous_tribe)
        self.target_groups.set_checked(values.target_groups)
        self.mobile_phone.setText(values.mobile_phone)
        self.home_phone.setText(values.home_phone)
        for prefix, (county, township, address) in self.addresses.items():
            select_code(self._combo(county), getattr(values, f"{prefix}_county"))
            self._combo(township).setCurrentText(getattr(values, f"{prefix}_township"))
            self._line(address).setText(getattr(values, f"{prefix}_address"))
        self.contact_name.setText(values.contact_name)
        self.contact_relation.setText(values.contact_relation)
        self.contact_phone.setText(values.contact_phone)
        self.data_consent.setChecked(values.data_consent)
        self.data_consent_on.setDate(values.data_consent_on)
        self._consent_toggled(values.data_consent)
        self.work_history.setPlainText(values.work_history)
        self.health.setPlainText(values.health)
        self.strengths.setPlainText(values.strengths)

    def _add_certificate(self, values: CertificateValues | None, *, focus: bool = False) -> None:
        editor = CertificateEditor(self, values)
        editor.edited.connect(self._mark_dirty)
        editor.remove_requested.connect(lambda: self._remove_certificate(editor))
        self.certificates.append(editor)
        self.certificate_box.addWidget(editor)
        if focus:
            editor.system.setFocus()
            self._mark_dirty()

    def _remove_certificate(self, editor: CertificateEditor) -> None:
        if editor.certificate_id is not None:
            self._removed.append(dataclasses.replace(editor.values(), removed=True))
        self.certificates.remove(editor)
        editor.deleteLater()
        self._mark_dirty()

    def client_values(self) -> ClientValues:
        county = {prefix: self._combo(fields[0]).currentData() for prefix, fields in self.addresses.items()}
        return ClientValues(
            name=self.name.text(),
            id_number=self.id_number.text(),
            gender=Gender(self.gender.currentData()),
            birth_date=self.birth_date.date(),
            household_county=county["household"],
            household_township=self._combo(self.addresses["household"][1]).currentText(),
            household_address=self._line(self.addresses["household"][2]).text(),
            residence_county=county["residence"],
            residence_township=self._combo(self.addresses["residence"][1]).currentText(),
            residence_address=self._line(self.addresses["residence"][2]).text(),
            mobile_phone=self.mobile_phone.text(),
            home_phone=self.home_phone.text(),
            contact_name=self.contact_name.text(),
            contact_relation=self.contact_relation.text(),
            contact_phone=self.contact_phone.text(),
            education=self.education.currentData(),
            target_groups=self.target_groups.checked(),
            indigenous_tribe=self.indigenous_tribe.currentData(),
            economic_status=self.economic_status.currentData(),
            work_history=self.work_history.toPlainText(),
            health=self.health.toPlainText(),
            strengths=self.strengths.toPlainText(),
            data_consent=self.data_consent.isChecked(),
            data_consent_on=self.data_consent_on.date() if self.data_consent.isChecked() else None,
        )

    def validator(self) -> FormValidator:
        """The validating fields in use now, in the order the form shows them."""
        validator = FormValidator()
        for field in (self.id_number, self.birth_date, self.mobile_phone, self.home_phone, self.contact_phone):
            validator.register(field)
        if self.data_consent.isChecked():
            validator.register(self.data_consent_on)
        for editor in self.certificates:
            for date_field in editor.date_fields():
                if date_field.isEnabled():
                    validator.register(date_field)
        return validator

    def certificate_values(self) -> list[CertificateValues]:
        return [editor.values() for editor in self.certificates] + self._removed

    # ---- saving ----

    def save(self) -> None:
        if self.case is None:
            return
        self._clear_messages()
        validator = self.validator()
        fields_valid = validator.validate()
        client, certificates = self.client_values(), self.certificate_values()
        problems = client_problems(client)
        for index, certificate in enumerate(certificates):
            problems.extend(certificate_problems(certificate, index))
        if not fields_valid or problems:
            self._show_problems(problems)
            return
        client_id = self.case.client.id
        self.save_button.setEnabled(False)
        self.status.setText(self.text("儲存中…", "Saving…"))
        self.runner.run(
            lambda session: save_profile(session, client_id, client, certificates),
            lambda _: self._saved(),
            self._save_failed,
            owner=self,
        )

    def _saved(self) -> None:
        self.dirty = False
        self.save_button.setEnabled(True)
        now = clock.now().strftime("%H:%M")
        self.status.setText(self.text(f"已儲存（{now}）", f"Saved ({now})"))
        self.changed.emit()

    def _save_failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, ProblemsError):
            self._show_problems(error.problems)
        else:
            self.status.setText(self.text("未儲存", "Not saved"))
            report_error(error, self)

    def _field(self, name: str) -> QWidget | None:
        if name.startswith("certificate."):
            _, index, attribute = name.split(".", 2)
            position = int(index)
            if position < len(self.certificates):
                return self.certificates[position].fields.get(attribute)
            return None
        return self.fields.get(name)

    def _show_problems(self, problems: Sequence[Problem]) -> None:
        first: QWidget | None = None
        for problem in problems:
            widget = self._field(problem.field)
            message = problem.message_en if self.english else problem.message_zh
            if isinstance(widget, Messaged):
                widget.show_error(message)
            elif isinstance(widget, ValidatedLineEdit):
                widget.messageLabel().showError(message)
            first = first or widget
        invalid = [field for _, field in self.validator().fields() if not field.isValid()]
        count = len({id(self._field(p.field)) for p in problems} | {id(field) for field in invalid})
        self.status.setText(
            self.text(
                f"未儲存：有 {count} 個欄位需要修正，請看欄位下方的說明。",
                f"Not saved: {count} field(s) need correcting; see the messages below them.",
            )
        )
        if first is not None and not invalid:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _clear_messages(self) -> None:
        for widget in list(self.fields.values()) + [f for e in self.certificates for f in e.fields.values()]:
            if isinstance(widget, Messaged):
                widget.clear()

    def focus_target(self, target_kind: str, target_id: uuid.UUID | None) -> None:
        if target_kind == "certificate":
            for editor in self.certificates:
                if editor.certificate_id == target_id:
                    editor.expires_on.setFocus(Qt.FocusReason.OtherFocusReason)
                    return
