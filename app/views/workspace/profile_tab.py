"""基本資料: the client's particulars and disability certificates, checked field by field before anything is saved.

Ctrl+S (or 儲存) first checks every field; each problem shows beside its field and nothing is saved until none is
left. The save itself is `case_edits.save_profile`, which checks again inside the job. While the form has unsaved
edits, a reload of the case (another tab saved something) leaves them on screen.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
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
from app.models.enums import Gender
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
from app.views.widgets import FormValidator, IdNumberEdit, PhoneEdit, RocDateEdit
from app.views.workspace.base import SAVE_KEYS, CaseTab
from app.views.workspace.certificates import CertificateList
from app.views.workspace.form_fields import (
    CheckGrid,
    Messaged,
    add_row,
    fill_codes,
    language_of,
    select_code,
    show_message,
)


class ProfileTab(CaseTab):
    title_zh = "基本資料"
    title_en = "Profile"
    target_kinds = ("case", "certificate")

    def __init__(self, runner: StoreRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        language = language_of(self.english)
        self._loading = False
        self.dirty = False
        self.certificates = CertificateList(self)
        self.certificates.edited.connect(self._mark_dirty)

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

        self.save_button = QPushButton(self.text("儲存基本資料", "Save profile"))
        self.save_button.clicked.connect(self.save)
        self.add_shortcut(SAVE_KEYS, self.save_button)
        self.status = QLabel()
        self.status.setAccessibleName(self.text("儲存狀態", "Save status"))
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
        add_row(form, self.text("姓名", "Name"), self.fields["name"])
        add_row(form, self.text("身分證統一編號", "ID number"), self.id_number)
        add_row(form, self.text("性別", "Gender"), self.gender)
        add_row(form, self.text("出生日期", "Date of birth"), self.birth_date)
        add_row(form, self.text("教育程度", "Education"), self.education)
        add_row(form, self.text("家庭經濟狀況", "Household income"), self.economic_status)
        add_row(form, self.text("原住民族別", "Indigenous people"), self.indigenous_tribe)
        add_row(form, self.text("特定對象身分", "Target groups"), self.fields["target_groups"])

        contact = QGroupBox(self.text("聯絡方式", "Contact"))
        form = QFormLayout(contact)
        add_row(form, self.text("手機", "Mobile"), self.mobile_phone)
        add_row(form, self.text("市話", "Home phone"), self.home_phone)
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
        add_row(form, self.text("聯絡人", "Contact person"), self.fields["contact_name"])
        add_row(form, self.text("與個案關係", "Relation"), self.fields["contact_relation"])
        add_row(form, self.text("聯絡人電話", "Contact's phone"), self.contact_phone)

        consent = QGroupBox(self.text("個資蒐集告知同意", "Personal-data consent"))
        form = QFormLayout(consent)
        form.addRow(self.data_consent)
        add_row(form, self.text("同意日期", "Consent date"), self.data_consent_on)

        background = QGroupBox(self.text("工作經歷、健康與優勢", "Work history, health and strengths"))
        form = QFormLayout(background)
        add_row(form, self.text("工作經歷", "Work history"), self.work_history)
        add_row(form, self.text("健康狀況", "Health"), self.health)
        add_row(form, self.text("優勢", "Strengths"), self.strengths)

        left = QVBoxLayout()
        for group in (identity, consent, background):
            left.addWidget(group)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(contact)
        right.addWidget(self.certificates)
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
            self.certificates.show_certificates(
                [CertificateValues.of(c) for c in case.client.certificates if not c.deleted]
            )
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
        for date_field in self.certificates.date_fields():
            validator.register(date_field)
        return validator

    # ---- saving ----

    def save(self) -> None:
        if self.case is None:
            return
        self._clear_messages()
        validator = self.validator()
        fields_valid = validator.validate()
        client, certificates = self.client_values(), self.certificates.values()
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
            return self.certificates.field(int(index), attribute)
        return self.fields.get(name)

    def _show_problems(self, problems: Sequence[Problem]) -> None:
        first: QWidget | None = None
        for problem in problems:
            widget = self._field(problem.field)
            show_message(widget, problem.message_en if self.english else problem.message_zh)
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
        for widget in list(self.fields.values()) + self.certificates.message_fields():
            if isinstance(widget, Messaged):
                widget.clear()

    def focus_target(self, target_kind: str, target_id: uuid.UUID | None) -> None:
        if target_kind == "certificate":
            self.certificates.focus_certificate(target_id)
