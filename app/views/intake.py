"""Intake: a new application (申請) or referral (轉介) → duplicate check → 接案評估 → 開案 / 不開案.

Three steps in one dialog. The first takes the 服務申請/轉介表; on 「下一步」 the store is searched for the same
person (same ID number, or a close name with the same birth date) before anything is created, and a match is
offered instead of a second client record. The case is then created in stage A, and the second step records the
接案評估 with the decision, showing the reply due date (接案評估後3天內回覆, seed 002 附件一 三(一)) in large type.
The rules are app.services.intake / workflow's; this module only collects and shows.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Final

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError, ProblemsError, ValidationError
from app.models.enums import Gender, IntakeDecision, Programme, Stage
from app.services import clock, codes
from app.services.intake import (
    ClientMatch,
    IntakeApplication,
    IntakeCreated,
    IntakeOutcome,
    create_intake,
    find_duplicates,
    is_referral_source,
    record_assessment_and_decision,
    reply_due_preview,
)
from app.services.labels import label
from app.services.rocdate import format_roc
from app.services.validation import gender_from_id_number
from app.views.errors import current_language, report_error
from app.views.runner import StoreRunner
from app.views.widgets import FieldMessage, FormValidator, IdNumberEdit, PhoneEdit, RocDateEdit, ValidatedLineEdit

APPLICATION_PAGE, DUPLICATES_PAGE, ASSESSMENT_PAGE, DONE_PAGE = range(4)
_WEEKDAYS_ZH: Final = "一二三四五六日"
ERROR_STYLE: Final = "color: #b3261e;"
BANNER_STYLE: Final = (
    "QLabel { background: #fff4e5; border: 1px solid #b35c00; border-radius: 4px; padding: 8px; color: #4a2a00; }"
)
WARNING_STYLE: Final = (
    "QLabel { background: #fdeceb; border: 1px solid #b3261e; border-radius: 4px; padding: 8px; color: #5c1410; }"
)
SUCCESS_STYLE: Final = (
    "QLabel { background: #e8f5e9; border: 1px solid #2e7d32; border-radius: 4px; padding: 8px; color: #1b4d20; }"
)


def tr(zh: str, en: str) -> str:
    """The text in the user's language."""
    return en if current_language() == "en" else zh


def show_date(day: date, *, weekday: bool = False) -> str:
    """民國 for Chinese (with the weekday when asked), ISO for English."""
    if current_language() == "en":
        return day.strftime("%a %Y-%m-%d") if weekday else day.isoformat()
    text = format_roc(day)
    return f"{text}（週{_WEEKDAYS_ZH[day.weekday()]}）" if weekday else text


class TextField(ValidatedLineEdit[str]):
    """Plain text that may be required and has a maximum length, with its message below like the other fields."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        label: str = "",
        required: bool = False,
        field_name: str = "",
        placeholder: str = "",
        max_length: int = 100,
        empty_message: tuple[str, str] = ("此欄必填。", "This field is required."),
    ) -> None:
        self._max_length = max_length
        self._empty_message = empty_message
        super().__init__(
            parent,
            label=label,
            required=required,
            field_name=field_name,
            placeholder=placeholder,
            language=current_language(),
        )

    def parse(self, text: str) -> str:
        value = text.strip()
        if not value:
            raise ValidationError(self.fieldName(), *self._empty_message)
        if len(value) > self._max_length:
            raise ValidationError(
                self.fieldName(), f"最多 {self._max_length} 個字。", f"At most {self._max_length} characters."
            )
        return value


class PastDateEdit(RocDateEdit):
    """A date that cannot be after today (an application, a birth, an assessment already made), nor before an
    earlier step's date when one is set (an assessment cannot precede its application)."""

    def __init__(self, *, label: str, field_name: str, today: date, required: bool = True) -> None:
        self._today = today
        self._earliest: tuple[date, str, str] | None = None
        super().__init__(label=label, required=required, field_name=field_name, language=current_language())

    def set_earliest(self, earliest: date, what_zh: str, what_en: str) -> None:
        """Refuse dates before `earliest`, naming it (申請日 / the application date) in the message."""
        self._earliest = (earliest, what_zh, what_en)
        self.refresh()

    def parse(self, text: str) -> date:
        value = super().parse(text)
        if value > self._today:
            raise ValidationError(self.fieldName(), "日期不能在今天之後。", "The date cannot be in the future.")
        if self._earliest is not None and value < self._earliest[0]:
            earliest, zh, en = self._earliest
            raise ValidationError(
                self.fieldName(),
                f"不能早於{zh}（{format_roc(earliest, 'short')}）。",
                f"Cannot be before {en} ({earliest.isoformat()}).",
            )
        return value


def message_label(style: str = BANNER_STYLE) -> QLabel:
    banner = QLabel()
    banner.setWordWrap(True)
    banner.setTextFormat(Qt.TextFormat.RichText)
    banner.setStyleSheet(style)
    return banner


class IntakeDialog(QDialog):
    """申請/轉介 → 重複檢查 → 接案評估與開案決定. `case_created` fires once the case exists (stage A);
    `intake_saved` after the assessment (and decision) is stored."""

    case_created = Signal(object)  # IntakeCreated
    intake_saved = Signal(object)  # IntakeOutcome
    open_case_requested = Signal(object)  # uuid.UUID of the case, from the last step's 「開啟個案」

    def __init__(
        self,
        runner: StoreRunner,
        parent: QWidget | None = None,
        *,
        owner: str | None = None,
        default_county: str = "",
        unit: str = "",
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.owner = owner if owner is not None else runner.store.actor
        self.unit = unit
        self.today = today or clock.today()
        self.created: IntakeCreated | None = None
        self.outcome: IntakeOutcome | None = None
        self.matches: list[ClientMatch] = []
        self.setWindowTitle(tr("新案受理（申請／轉介）", "New intake (application / referral)"))
        self.pages = QStackedWidget()
        self.pages.addWidget(self._application_page(default_county))
        self.pages.addWidget(self._duplicates_page())
        self.pages.addWidget(self._assessment_page())
        self.pages.addWidget(self._done_page())
        self.steps = QLabel()
        self.steps.setAccessibleName(tr("步驟", "Step"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps)
        layout.addWidget(self.pages, 1)
        self._show_page(APPLICATION_PAGE)
        self.resize(820, 600)

    # ---- step 1: the application ----

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
        self.next_button.clicked.connect(self.check_duplicates)
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

    def check_duplicates(self) -> None:
        """「下一步」: look for the same person before creating anything."""
        application = self.application()
        if application is None:
            return
        self.application_problem.clear()
        self.next_button.setEnabled(False)
        self.runner.run(
            lambda session: find_duplicates(session, application.id_number, application.name, application.birth_date),
            lambda found: self._duplicates_found(application, found),
            self._application_failed,
            owner=self,
        )

    def _duplicates_found(self, application: IntakeApplication, found: list[ClientMatch]) -> None:
        self.next_button.setEnabled(True)
        self.matches = found
        if not found:
            self._create(application, None)
            return
        self._show_matches(found)
        self._show_page(DUPLICATES_PAGE)

    def _application_failed(self, error: BaseException) -> None:
        self.next_button.setEnabled(True)
        self.use_existing.setEnabled(True)
        self.create_anyway.setEnabled(True)
        if isinstance(error, ProblemsError):
            self._show_page(APPLICATION_PAGE)
            self.application_problem.setText("\n".join(p.describe(current_language()) for p in error.problems))
        elif isinstance(error, AppError):
            self.application_problem.setText(error.message(current_language()))
            self.duplicate_problem.setText(error.message(current_language()))
        else:
            report_error(error, self)

    # ---- step 1b: the same person may be on file ----

    def _duplicates_page(self) -> QWidget:
        page = QWidget()
        self.duplicate_banner = message_label(WARNING_STYLE)
        self.candidates = QTableWidget(0, 5)
        self.candidates.setHorizontalHeaderLabels(
            [tr(*pair) for pair in (("姓名", "Name"), ("身分證字號", "ID number"), ("出生日期", "Born"),
                                     ("相符之處", "Why"), ("既有案件", "Cases on file"))]
        )  # fmt: skip
        self.candidates.setAccessibleName(tr("可能是同一人的既有個案", "Clients who may be the same person"))
        self.candidates.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.candidates.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.candidates.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.candidates.verticalHeader().setVisible(False)
        self.candidates.setWordWrap(True)
        header = self.candidates.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.candidates.doubleClicked.connect(lambda *_: self.use_selected_client())

        self.use_existing = QPushButton(tr("使用所選個案的資料，為其新增案件", "Use this client and add a new case"))
        self.use_existing.clicked.connect(self.use_selected_client)
        self.create_anyway = QPushButton(tr("不是同一人，建立新個案", "Not the same person: create a new client"))
        self.create_anyway.clicked.connect(self.create_new_client)
        back = QPushButton(tr("◂ 返回修改", "◂ Back"))
        back.clicked.connect(lambda: self._show_page(APPLICATION_PAGE))
        self.duplicate_problem = QLabel()
        self.duplicate_problem.setWordWrap(True)
        self.duplicate_problem.setStyleSheet(ERROR_STYLE)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.create_anyway)
        buttons.addWidget(self.use_existing)
        layout = QVBoxLayout(page)
        layout.addWidget(self.duplicate_banner)
        layout.addWidget(self.candidates)
        note = QLabel(
            tr(
                "使用既有個案時，基本資料沿用原紀錄；若電話或地址有變，請在個案工作區的基本資料頁更新。",
                "The existing client's details are kept; update phone or address on the case's profile tab.",
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #4a4a4a;")
        layout.addWidget(note)
        layout.addWidget(self.duplicate_problem)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _show_matches(self, found: list[ClientMatch]) -> None:
        same_id = any(m.reason == "same_id" for m in found)
        typed = self.application()
        entered = (
            tr(
                f"<br>您輸入的是：{typed.name}　{typed.id_number}　{show_date(typed.birth_date)}",
                f"<br>You entered: {typed.name}  {typed.id_number}  born {show_date(typed.birth_date)}",
            )
            if typed is not None
            else ""
        )
        if same_id:
            self.duplicate_banner.setText(
                tr(
                    "<b>這個身分證字號已有個案資料。</b><br>同一人不能建立第二份個案資料；請使用既有資料，為其新增案件。",
                    "<b>This ID number is already on file.</b><br>The same person cannot be entered twice; add the "
                    "new case to the existing client.",
                )
                + entered
            )
        else:
            self.duplicate_banner.setText(
                tr(
                    "<b>找到姓名相近、出生日期相同的個案。</b><br>請確認是否為同一人（例如證號打錯）；是的話請使用既有資料。",
                    "<b>A client with a similar name and the same date of birth is on file.</b><br>Check whether it "
                    "is the same person (a mistyped ID number?); if so, use the existing client.",
                )
                + entered
            )
        self.create_anyway.setVisible(not same_id)
        self.duplicate_problem.clear()
        self.candidates.setRowCount(len(found))
        for row, match in enumerate(found):
            why = (
                tr("身分證字號相同", "Same ID number")
                if match.reason == "same_id"
                else tr("姓名相近＋出生日期相同", "Similar name, same birth date")
            )
            cases = "；".join(
                f"{label(c.programme, current_language())} {label(c.stage, current_language())}"
                + tr(f"（{c.owner}）", f" ({c.owner})")
                for c in match.cases
            ) or tr("無", "none")
            for column, text in enumerate((match.name, match.id_number, show_date(match.birth_date), why, cases)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 0:
                    item.setData(Qt.ItemDataRole.UserRole, match.client_id)
                self.candidates.setItem(row, column, item)
        self.candidates.resizeRowsToContents()
        rows_height = sum(self.candidates.rowHeight(row) for row in range(len(found)))
        frame = 2 * self.candidates.frameWidth() + 2
        self.candidates.setFixedHeight(min(self.candidates.horizontalHeader().height() + rows_height + frame, 320))
        self.candidates.selectRow(0)
        self.candidates.setFocus()

    def selected_match(self) -> ClientMatch | None:
        row = self.candidates.currentRow()
        return self.matches[row] if 0 <= row < len(self.matches) else None

    def use_selected_client(self) -> None:
        application, match = self.application(), self.selected_match()
        if application is None or match is None:
            self._show_page(APPLICATION_PAGE)
            return
        self._create(application, match.client_id)

    def create_new_client(self) -> None:
        application = self.application()
        if application is None:
            self._show_page(APPLICATION_PAGE)
            return
        self._create(application, None)

    def _create(self, application: IntakeApplication, client_id: uuid.UUID | None) -> None:
        for button in (self.next_button, self.use_existing, self.create_anyway):
            button.setEnabled(False)
        self.runner.run(
            lambda session: create_intake(session, application, client_id),
            self._created,
            self._application_failed,
            owner=self,
        )

    def _created(self, created: IntakeCreated) -> None:
        for button in (self.next_button, self.use_existing, self.create_anyway):
            button.setEnabled(True)
        self.created = created
        self.case_created.emit(created)
        reused = tr("（沿用既有個案資料）", " (existing client)") if created.reused_client else ""
        kind = tr("轉介", "referral") if self.kind_referral.isChecked() else tr("申請", "application")
        self.case_header.setText(
            tr(
                f"<b>{created.client_name}</b>　{created.id_number}{reused}<br>已建立{kind}案件（A 申請），"
                f"{kind}日 {show_date(created.application_date)}。下一步：接案評估。",
                f"<b>{created.client_name}</b>  {created.id_number}{reused}<br>The {kind} was recorded "
                f"(stage A), dated {show_date(created.application_date)}. Next: the intake assessment.",
            )
        )
        self.assessed_on.set_earliest(created.application_date, f"{kind}日", f"the {kind} date")
        self._update_reply_due()
        self._show_page(ASSESSMENT_PAGE)
        self.assessment.setFocus()

    # ---- step 2: 接案評估 and the decision ----

    def _assessment_page(self) -> QWidget:
        page = QWidget()
        self.case_header = message_label(SUCCESS_STYLE)
        self.assessed_on = PastDateEdit(
            label=tr("接案評估日", "Assessment date"), field_name="assessed_on", today=self.today
        )
        self.assessed_on.setDate(self.today)
        self.assessment = QPlainTextEdit()
        self.assessment.setAccessibleName(tr("接案評估內容", "Intake assessment"))
        self.assessment.setPlaceholderText(
            tr("資格、需求、就業意願與評估結論…", "Eligibility, needs, willingness to work, conclusion…")
        )
        self.assessment.setTabChangesFocus(True)
        self.assessment_message = FieldMessage()
        self.decide_open = QRadioButton(tr("開案", "Open the case"))
        self.decide_not_open = QRadioButton(tr("不開案", "Do not open"))
        self.decide_later = QRadioButton(tr("暫不決定（只儲存評估）", "Decide later (save the assessment only)"))
        self.decision_group = QButtonGroup(self)
        for button in (self.decide_open, self.decide_not_open, self.decide_later):
            self.decision_group.addButton(button)
        self.decide_open.setChecked(True)
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName(tr("不開案理由", "Reason for not opening"))
        self.reason.setPlaceholderText(tr("不開案時必填，會寫入不開案通知。", "Required when not opening the case."))
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(80)
        self.reason_message = FieldMessage()
        self.replied_on = RocDateEdit(
            label=tr("已回覆日期", "Reply sent on"), field_name="replied_on", language=current_language()
        )
        self.reply_due_banner = message_label()
        big = QFont(self.reply_due_banner.font())
        big.setPointSizeF(big.pointSizeF() * 1.3)
        self.reply_due_banner.setFont(big)
        self.reply_due_banner.setAccessibleName(tr("回覆期限", "Reply due"))

        decisions = QHBoxLayout()
        for button in (self.decide_open, self.decide_not_open, self.decide_later):
            decisions.addWidget(button)
        decisions.addStretch(1)
        reason_box = with_message(self.reason, self.reason_message)
        reason_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        assessment_box = with_message(self.assessment, self.assessment_message)
        assessment_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(tr("接案評估日 *", "Assessed on *"), self.assessed_on)
        form.addRow(tr("評估內容 *", "Assessment *"), assessment_box)
        form.addRow(tr("決定", "Decision"), decisions)
        self.reason_label = QLabel(tr("不開案理由 *", "Reason *"))
        form.addRow(self.reason_label, reason_box)
        form.addRow(tr("已回覆日期（已通知者填）", "Reply sent on (if sent)"), self.replied_on)

        self.save_button = QPushButton(tr("儲存評估與決定", "Save assessment and decision"))
        self.save_button.clicked.connect(self.save_assessment)
        later = QPushButton(tr("稍後再評估", "Assess later"))
        later.setToolTip(tr("申請案件已建立，可之後再做接案評估。", "The application is saved; assess it later."))
        later.clicked.connect(self.accept)
        self.assessment_problem = QLabel()
        self.assessment_problem.setWordWrap(True)
        self.assessment_problem.setStyleSheet(ERROR_STYLE)
        buttons = QHBoxLayout()
        buttons.addWidget(self.assessment_problem, 1)
        buttons.addWidget(later)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.case_header)
        layout.addWidget(self.reply_due_banner)
        layout.addLayout(form, 1)
        layout.addLayout(buttons)

        self.assessed_on.dateChanged.connect(lambda *_: self._update_reply_due())
        self.assessment.textChanged.connect(lambda: self.assessment_message.clear())
        self.reason.textChanged.connect(lambda: self.reason_message.clear())
        self.decision_group.buttonToggled.connect(lambda *_: self._decision_changed())
        self._decision_changed()
        return page

    def _decision_changed(self) -> None:
        not_open = self.decide_not_open.isChecked()
        self.reason.setEnabled(not_open)
        self.reason_label.setEnabled(not_open)
        if not not_open:
            self.reason_message.clear()
        self.replied_on.setEnabled(not self.decide_later.isChecked())
        self.save_button.setText(
            tr("儲存評估（暫不決定）", "Save the assessment")
            if self.decide_later.isChecked()
            else tr("儲存評估與決定", "Save assessment and decision")
        )
        self._update_reply_due()

    def _update_reply_due(self) -> None:
        assessed = self.assessed_on.date()
        referral = self.kind_referral.isChecked()
        whom = tr("轉介單位", "the referring unit") if referral else tr("申請人", "the applicant")
        if assessed is None:
            self.reply_due_banner.setText(tr("回覆期限：請先填寫接案評估日", "Reply due: enter the assessment date"))
            return
        due = reply_due_preview(assessed)
        self.reply_due_banner.setText(
            tr(
                f"回覆期限：<b>{show_date(due, weekday=True)}</b><br>"
                f"<span style='font-size: small'>接案評估後 3 天內，須將開案／不開案結果回覆{whom}。</span>",
                f"Reply due: <b>{show_date(due, weekday=True)}</b><br>"
                f"<span style='font-size: small'>Within 3 days of the assessment, tell {whom} the decision.</span>",
            )
        )

    def decision(self) -> IntakeDecision | None:
        if self.decide_open.isChecked():
            return IntakeDecision.OPEN
        if self.decide_not_open.isChecked():
            return IntakeDecision.NOT_OPEN
        return None

    def save_assessment(self) -> None:
        """Saves nothing while a field is invalid; each problem is shown beside its field."""
        if self.created is None:
            return
        ok = FormValidator()
        ok.register(self.assessed_on)
        ok.register(self.replied_on)
        valid = ok.validate()
        assessed, replied = self.assessed_on.date(), self.replied_on.date()
        if not self.assessment.toPlainText().strip():
            self.assessment_message.showError(tr("請填寫接案評估內容。", "Please write the intake assessment."))
            if valid:
                self.assessment.setFocus()
            valid = False
        decision = self.decision()
        if decision == IntakeDecision.NOT_OPEN and not self.reason.toPlainText().strip():
            self.reason_message.showError(tr("不開案必須說明理由。", "A decision not to open needs a reason."))
            if valid:
                self.reason.setFocus()
            valid = False
        if replied is not None and assessed is not None and replied < assessed:
            self.assessment_problem.setText(tr("回覆日不能早於評估日。", "The reply cannot precede the assessment."))
            valid = False
        if not valid or assessed is None:
            return
        self.assessment_problem.clear()
        self.save_button.setEnabled(False)
        case_id, text, reason = self.created.case_id, self.assessment.toPlainText(), self.reason.toPlainText()
        replied_on = replied if decision is not None else None
        self.runner.run(
            lambda session: record_assessment_and_decision(
                session, case_id, assessed, text, decision, reason, replied_on
            ),
            self._saved,
            self._assessment_failed,
            owner=self,
        )

    def _assessment_failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(error, AppError):
            self.assessment_problem.setText(error.message(current_language()))
        else:
            report_error(error, self)

    def _saved(self, outcome: IntakeOutcome) -> None:
        self.save_button.setEnabled(True)
        self.outcome = outcome
        self.intake_saved.emit(outcome)
        if outcome.decision == IntakeDecision.OPEN:
            headline = tr(f"已開案，進入 {label(Stage.C)}", f"Case opened: {label(Stage.C, 'en')}")
        elif outcome.decision == IntakeDecision.NOT_OPEN:
            headline = tr("不開案（案件已結束）", "Not opened (the case is closed)")
        else:
            headline = tr("已儲存接案評估，尚未決定是否開案", "Assessment saved; no decision yet")
        if outcome.reply_sent_on is not None:
            reply = tr(
                f"已於 {show_date(outcome.reply_sent_on)} 回覆。", f"Reply sent on {show_date(outcome.reply_sent_on)}."
            )
        else:
            reply = tr(
                f"回覆期限：<b>{show_date(outcome.reply_due_on, weekday=True)}</b>（會列在今日待辦）",
                f"Reply due: <b>{show_date(outcome.reply_due_on, weekday=True)}</b> (listed under Today)",
            )
        name = self.created.client_name if self.created else ""
        self.done_banner.setText(f"<b>{name}</b>：{headline}<br><br>{reply}")
        if outcome.decision == IntakeDecision.OPEN:
            steps = tr(
                "下一步：寄出開案通知，並安排初次晤談與需求評估（個案工作區的「晤談紀錄」與「需求評估」）。",
                "Next: send the notice of opening, then hold the first interview and the needs assessment.",
            )
        elif outcome.decision == IntakeDecision.NOT_OPEN:
            steps = tr(
                "下一步：寄出不開案通知（附理由），必要時轉介其他資源。",
                "Next: send the notice with the reason, and refer the person elsewhere if needed.",
            )
        else:
            steps = tr(
                "請在回覆期限前回到個案工作區決定開案或不開案。",
                "Decide on the case from its workspace before the reply is due.",
            )
        self.next_steps.setText(steps)
        self._show_page(DONE_PAGE)

    # ---- step 3: done ----

    def _done_page(self) -> QWidget:
        page = QWidget()
        self.done_banner = message_label(SUCCESS_STYLE)
        big = QFont(self.done_banner.font())
        big.setPointSizeF(big.pointSizeF() * 1.3)
        self.done_banner.setFont(big)
        self.next_steps = QLabel()
        self.next_steps.setWordWrap(True)
        self.open_case = QPushButton(tr("開啟個案工作區", "Open the case"))
        self.open_case.clicked.connect(self._open_case)
        self.close_button = QPushButton(tr("完成", "Done"))
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_case)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.done_banner)
        layout.addWidget(self.next_steps)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _open_case(self) -> None:
        if self.created is not None:
            self.open_case_requested.emit(self.created.case_id)
            self.accept()

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        # Enter presses the main button of the page on screen, never one of a hidden page.
        main = {
            APPLICATION_PAGE: self.next_button,
            DUPLICATES_PAGE: self.use_existing,
            ASSESSMENT_PAGE: self.save_button,
            DONE_PAGE: self.close_button,
        }[index]
        main.setDefault(True)
        names = (
            tr("1 申請／轉介資料", "1 Application"),
            tr("2 接案評估與決定", "2 Assessment and decision"),
            tr("3 完成", "3 Done"),
        )
        current = {APPLICATION_PAGE: 0, DUPLICATES_PAGE: 0, ASSESSMENT_PAGE: 1, DONE_PAGE: 2}[index]
        self.steps.setText("　▸　".join(f"<b>{name}</b>" if i == current else name for i, name in enumerate(names)))


def with_message(widget: QWidget, message: FieldMessage) -> QWidget:
    """A widget with its message line below, as the validating fields have."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(widget)
    layout.addWidget(message)
    return box


def county_combo(accessible_name: str, current: str = "", *, blank: bool = False) -> QComboBox:
    """Counties in the Ministry's order; a blank first entry means "not chosen"."""
    combo = QComboBox()
    combo.setAccessibleName(accessible_name)
    combo.addItem(tr("（請選擇）", "(choose)") if not blank else "—", "")
    for county in codes.counties():
        combo.addItem(county.label(current_language()), county.code)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo
