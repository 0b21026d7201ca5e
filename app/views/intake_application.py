"""新案受理, step 1: the 服務申請/轉介表: whether it is an application (申請) or a referral (轉介) and from whom, the
programme and county, and the person; once every field is valid, the application it makes.

`ApplicationStep` is the base of intake.IntakeDialog, which adds the later steps (the check for the same person on
file, 接案評估 and the decision) and the flow between them.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import Gender, Programme
from app.services import codes
from app.services.intake import IntakeApplication, is_referral_source
from app.services.labels import label
from app.services.validation import gender_from_id_number
from app.views.errors import current_language
from app.views.forms import ERROR_STYLE, PastDateEdit, TextField, county_combo, tr, with_message
from app.views.widgets import FieldMessage, FormValidator, IdNumberEdit, PhoneEdit


class ApplicationStep(QDialog):
    """The intake dialog's first page (`_application_page`) and what is typed there (`application()`), for the case
    manager `owner` of `unit`; dates cannot be after `today`."""

    def __init__(self, parent: QWidget | None, *, owner: str, unit: str, today: date) -> None:
        super().__init__(parent)
        self.owner = owner
        self.unit = unit
        self.today = today

    def _application_page(self, default_county: str) -> QWidget:
        page = QWidget()
        self.validator = FormValidator()

        self.kind_application = QRadioButton(tr("申請（本人或家長／監護人）", "Application (the person or guardian)"))
        self.kind_referral = QRadioButton(tr("轉介（教育、社政、衛生、勞政）", "Referral (another agency)"))
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.kind_application)
        self.kind_group.addButton(self.kind_referral)
        self.kind_application.setChecked(True)
        self.source = QComboBox()
        self.source.setAccessibleName(tr("個案來源", "Source"))
        self.referring_unit = TextField(
            label=tr("轉介單位", "Referring unit"),
            field_name="referring_unit",
            placeholder=tr("例：臺北市立啟明學校", "e.g. the referring school or hospital"),
            empty_message=("請填寫轉介單位。", "Please enter the referring unit."),
        )
        self.programme = QComboBox()
        self.programme.setAccessibleName(tr("服務方案", "Programme"))
        for programme in Programme:
            self.programme.addItem(label(programme, current_language()), programme)
        self.application_date = PastDateEdit(
            label=tr("申請日", "Application date"), field_name="application_date", today=self.today
        )
        self.application_date.setDate(self.today)
        self.county = county_combo(tr("服務縣市", "County"), default_county)

        source_box = QGroupBox(tr("申請／轉介", "Application / referral"))
        source_form = QFormLayout(source_box)
        kinds = QVBoxLayout()
        kinds.addWidget(self.kind_application)
        kinds.addWidget(self.kind_referral)
        source_form.addRow(tr("類型", "Kind"), kinds)
        source_form.addRow(tr("個案來源", "Source"), self.source)
        self.referring_unit_label = QLabel(tr("轉介單位 *", "Referring unit *"))
        source_form.addRow(self.referring_unit_label, self.referring_unit)
        source_form.addRow(tr("服務方案", "Programme"), self.programme)
        self.application_date_label = QLabel(tr("申請日", "Application date"))
        source_form.addRow(self.application_date_label, self.application_date)
        self.county_message = FieldMessage()
        self.county.currentIndexChanged.connect(lambda *_: self.county_message.clear())
        source_form.addRow(tr("服務縣市 *", "County *"), with_message(self.county, self.county_message))

        self.name = TextField(
            label=tr("姓名", "Name"),
            required=True,
            field_name="name",
            max_length=64,
            empty_message=("請輸入姓名。", "Please enter the name."),
        )
        self.id_number = IdNumberEdit(
            label=tr("身分證字號／居留證號", "ID number"), required=True, language=current_language()
        )
        self.gender = QComboBox()
        self.gender.setAccessibleName(tr("性別", "Gender"))
        for gender, zh, en in (
            (Gender.MALE, "男", "Male"),
            (Gender.FEMALE, "女", "Female"),
            (Gender.OTHER, "其他", "Other"),
        ):
            self.gender.addItem(tr(zh, en), gender)
        self.birth_date = PastDateEdit(label=tr("出生日期", "Date of birth"), field_name="birth_date", today=self.today)
        self.mobile = PhoneEdit(
            label=tr("手機", "Mobile phone"), field_name="mobile_phone", language=current_language()
        )
        self.residence = county_combo(tr("居住縣市", "County of residence"), default_county, blank=True)

        person_box = QGroupBox(tr("個案基本資料", "The person"))
        person_form = QFormLayout(person_box)
        person_form.addRow(tr("姓名 *", "Name *"), self.name)
        person_form.addRow(tr("身分證字號 *", "ID number *"), self.id_number)
        person_form.addRow(tr("性別", "Gender"), self.gender)
        person_form.addRow(tr("出生日期 *", "Date of birth *"), self.birth_date)
        person_form.addRow(tr("手機", "Mobile"), self.mobile)
        person_form.addRow(tr("居住縣市", "County of residence"), self.residence)

        for field in (self.name, self.id_number, self.birth_date, self.mobile):
            self.validator.register(field)
        for field in (self.referring_unit, self.application_date):
            self.validator.register(field)

        self.application_problem = QLabel()
        self.application_problem.setWordWrap(True)
        self.application_problem.setStyleSheet(ERROR_STYLE)
        self.next_button = QPushButton(tr("下一步：檢查重複資料 ▸", "Next: check for duplicates ▸"))
        cancel = QPushButton(tr("取消", "Cancel"))
        cancel.clicked.connect(self.reject)

        columns = QHBoxLayout()
        columns.addWidget(person_box, 1)
        columns.addWidget(source_box, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.application_problem, 1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(page)
        note = QLabel(
            tr("標 * 者必填。儲存前會先比對是否已有同一人的資料。", "* required. Existing records are checked first.")
        )
        note.setStyleSheet("color: #4a4a4a;")
        layout.addWidget(note)
        layout.addLayout(columns)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.kind_group.buttonToggled.connect(lambda *_: self._kind_changed())
        self.id_number.valueChanged.connect(self._id_changed)
        self._kind_changed()
        return page

    def _kind_changed(self) -> None:
        referral = self.kind_referral.isChecked()
        self.source.clear()
        for entry in codes.entries(codes.CASE_SOURCES):
            if is_referral_source(entry.code) == referral:
                self.source.addItem(entry.label(current_language()), entry.code)
        self.referring_unit.setRequired(referral)
        self.referring_unit.setVisible(referral)
        self.referring_unit_label.setVisible(referral)
        self.application_date_label.setText(
            tr("轉介日 *", "Referral date *") if referral else tr("申請日 *", "Application date *")
        )

    def _id_changed(self, value: object) -> None:
        if isinstance(value, str):
            self.gender.setCurrentIndex(max(0, self.gender.findData(Gender(gender_from_id_number(value)))))

    def application(self) -> IntakeApplication | None:
        """The typed application, or None while a field is invalid (its message is then shown beside it)."""
        valid = self.validator.validate()
        if not self.county.currentData():
            self.county_message.showError(tr("請選擇服務縣市。", "Please choose the county."))
            if valid:
                self.county.setFocus()
            valid = False
        if not valid:
            return None
        birth, applied, id_number = self.birth_date.date(), self.application_date.date(), self.id_number.value()
        if birth is None or applied is None or id_number is None:
            return None
        referral = self.kind_referral.isChecked()
        return IntakeApplication(
            name=self.name.value() or "",
            id_number=id_number,
            gender=Gender(self.gender.currentData()),
            birth_date=birth,
            programme=Programme(self.programme.currentData()),
            source=str(self.source.currentData()),
            application_date=applied,
            county=str(self.county.currentData() or ""),
            owner=self.owner,
            referring_unit=(self.referring_unit.value() or "") if referral else "",
            mobile_phone=self.mobile.value() or "",
            residence_county=str(self.residence.currentData() or ""),
            unit=self.unit,
        )
