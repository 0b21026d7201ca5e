"""Intake: a new application (申請) or referral (轉介) → duplicate check → 接案評估 → 開案 / 不開案.

Three steps in one dialog. The first takes the 服務申請/轉介表 (intake_application); on 「下一步」 the store is
searched for the same person (same ID number, or a close name with the same birth date) before anything is created,
and a match is offered instead of a second client record (intake_duplicates). The case is then created in stage A,
and the second step records the 接案評估 with the decision, showing the reply due date (接案評估後3天內回覆, seed 002
附件一 三(一)) in large type. The rules are app.services.intake / workflow's; this module only collects and shows.
"""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError, ProblemsError
from app.models.enums import IntakeDecision, Stage
from app.services import clock
from app.services.intake import (
    ClientMatch,
    IntakeApplication,
    IntakeCreated,
    IntakeOutcome,
    create_intake,
    find_duplicates,
    record_assessment_and_decision,
    reply_due_preview,
)
from app.services.labels import label
from app.views.errors import current_language, report_error
from app.views.forms import (
    ERROR_STYLE,
    SUCCESS_STYLE,
    PastDateEdit,
    message_label,
    show_date,
    tr,
    with_message,
)
from app.views.intake_application import ApplicationStep
from app.views.intake_duplicates import DuplicatesPage
from app.views.runner import StoreRunner
from app.views.widgets import FieldMessage, FormValidator, RocDateEdit

APPLICATION_PAGE, DUPLICATES_PAGE, ASSESSMENT_PAGE, DONE_PAGE = range(4)

# The form pieces now in app.views.forms stay importable from here, where other dialogs (移案) found them.
__all__ = [
    "APPLICATION_PAGE",
    "ASSESSMENT_PAGE",
    "DONE_PAGE",
    "DUPLICATES_PAGE",
    "ERROR_STYLE",
    "SUCCESS_STYLE",
    "IntakeDialog",
    "PastDateEdit",
    "message_label",
    "tr",
    "with_message",
]


class IntakeDialog(ApplicationStep):
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
        super().__init__(
            parent,
            owner=owner if owner is not None else runner.store.actor,
            unit=unit,
            today=today or clock.today(),
        )
        self.runner = runner
        self.created: IntakeCreated | None = None
        self.outcome: IntakeOutcome | None = None
        self.setWindowTitle(tr("新案受理（申請／轉介）", "New intake (application / referral)"))
        self.pages = QStackedWidget()
        self.pages.addWidget(self._application_page(default_county))
        self.next_button.clicked.connect(self.check_duplicates)
        self.duplicates = DuplicatesPage()
        self.duplicates.candidates.doubleClicked.connect(lambda *_: self.use_selected_client())
        self.duplicates.use_existing.clicked.connect(self.use_selected_client)
        self.duplicates.create_anyway.clicked.connect(self.create_new_client)
        self.duplicates.back.clicked.connect(lambda: self._show_page(APPLICATION_PAGE))
        self.pages.addWidget(self.duplicates)
        self.pages.addWidget(self._assessment_page())
        self.pages.addWidget(self._done_page())
        self.steps = QLabel()
        self.steps.setAccessibleName(tr("步驟", "Step"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps)
        layout.addWidget(self.pages, 1)
        self._show_page(APPLICATION_PAGE)
        self.resize(820, 600)

    # ---- step 1: the application (intake_application) ----

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
        if not found:
            self._create(application, None)
            return
        self.duplicates.show_matches(found, self.application())
        self._show_page(DUPLICATES_PAGE)

    def _application_failed(self, error: BaseException) -> None:
        for button in (self.next_button, self.duplicates.use_existing, self.duplicates.create_anyway):
            button.setEnabled(True)
        if isinstance(error, ProblemsError):
            self._show_page(APPLICATION_PAGE)
            self.application_problem.setText("\n".join(p.describe(current_language()) for p in error.problems))
        elif isinstance(error, AppError):
            self.application_problem.setText(error.message(current_language()))
            self.duplicates.problem.setText(error.message(current_language()))
        else:
            report_error(error, self)

    # ---- step 1b: the same person may be on file (intake_duplicates) ----

    def use_selected_client(self) -> None:
        application, match = self.application(), self.duplicates.selected_match()
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
        for button in (self.next_button, self.duplicates.use_existing, self.duplicates.create_anyway):
            button.setEnabled(False)
        self.runner.run(
            lambda session: create_intake(session, application, client_id),
            self._created,
            self._application_failed,
            owner=self,
        )

    def _created(self, created: IntakeCreated) -> None:
        for button in (self.next_button, self.duplicates.use_existing, self.duplicates.create_anyway):
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
            DUPLICATES_PAGE: self.duplicates.use_existing,
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
