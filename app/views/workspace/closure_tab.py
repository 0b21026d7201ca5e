"""結案: a four-step form (reason and date, summary, satisfaction, confirmation) that closes the case through
workflow.close_case, saying at the first step whether the rules accept the reason yet (失聯 needs three unanswered
attempts, 穩定就業三個月 a job held three months); a closed case shows its closure read-only (002 附件一 三(六)).

The last step can also submit the closure for the supervisor's sign-off (送審, app.services.reviews); where the team
requires it, that is the only way, and the case closes when the approval arrives. A submitted closure shows read-only
while it waits; a returned one comes back in the form, with the supervisor's comment, to be corrected and submitted
again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.models import Case, Closure
from app.models.enums import ReviewDecision
from app.services import clock, codes, plan_edits, reviews, team_settings
from app.services.plan_edits import ClosureCheck, ClosureValues, SatisfactionValues
from app.views.runner import StoreRunner
from app.views.widgets import RocDateEdit
from app.views.workspace.base import SAVE_KEYS, CaseTab
from app.views.workspace.closure_texts import (
    RATER_NAMES,
    RATERS,
    SCORES,
    STEPS,
    reason_name,
    requirement_text,
    score_rows,
    table_html,
)
from app.views.workspace.common import (
    ERROR_COLOUR,
    MUTED_COLOUR,
    OK_COLOUR,
    Notice,
    day_text,
    first_problem,
    form_validator,
    language,
    pick,
    row_of,
    run_and_reload,
    run_edit,
    set_combo_data,
)
from app.views.workspace.review_state import ReviewStateLabel

Scores = tuple[QComboBox, QComboBox, QComboBox]


def score_combos() -> Scores:
    """The satisfaction of the client, the employer and the receiving unit, each 1–5 or 未評."""
    combos = []
    for name in RATER_NAMES:
        combo = QComboBox()
        combo.setAccessibleName(pick(name))
        for value, label in SCORES:
            combo.addItem(pick(label), value)
        combos.append(combo)
    return combos[0], combos[1], combos[2]


def score_form(combos: Scores) -> QFormLayout:
    form = QFormLayout()
    for rater, combo in zip(RATERS, combos, strict=True):
        form.addRow(pick(rater), combo)
    return form


def scores_of(combos: Scores) -> SatisfactionValues:
    client, employer, unit = (combo.currentData() or None for combo in combos)
    return SatisfactionValues(client, employer, unit)


class ClosureTab(CaseTab):
    title_zh = "結案"
    title_en = "Closure"

    def __init__(self, runner: StoreRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        lang = language()
        self._check_ticket = 0
        self.check: ClosureCheck | None = None

        # --- step 1: reason and date ---
        self.reasons = QListWidget()
        self.reasons.setAccessibleName(self.text("結案原因", "Closure reason"))
        for reason in codes.code_lists().closure_reasons:
            item = QListWidgetItem(reason.label(lang))
            item.setData(Qt.ItemDataRole.UserRole, reason.code)
            self.reasons.addItem(item)
        self.reasons.setSpacing(3)
        self.reasons.setWordWrap(True)
        self.reasons.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.reasons.setMaximumWidth(280)
        self.requirement = QLabel()
        self.requirement.setWordWrap(True)
        self.closed_on = RocDateEdit(label=self.text("結案日", "Closing date"), required=True, language=lang)
        self.check_label = QLabel()
        self.check_label.setWordWrap(True)
        self.validator = form_validator(self.closed_on)
        side = QVBoxLayout()
        side.addWidget(QLabel(f"<b>{self.text('條件', 'What it needs')}</b>"))
        side.addWidget(self.requirement)
        date_form = QFormLayout()
        date_form.addRow(self.text("結案日", "Closing date"), self.closed_on)
        side.addLayout(date_form)
        side.addWidget(self.check_label)
        side.addStretch(1)
        step_reason = QWidget()
        reason_layout = QHBoxLayout(step_reason)
        reason_layout.addWidget(self.reasons)
        reason_layout.addLayout(side, 1)

        # --- step 2: summary ---
        self.summary = QPlainTextEdit()
        self.summary.setAccessibleName(self.text("結案摘要", "Closing summary"))
        self.summary.setPlaceholderText(
            self.text(
                "服務歷程、目標達成情形、結案理由與後續建議（結案摘要表）",
                "Services given, goals met, why the case closes, and what next",
            )
        )
        step_summary = QWidget()
        summary_layout = QVBoxLayout(step_summary)
        summary_layout.addWidget(self.summary)

        # --- step 3: satisfaction ---
        self.satisfaction = score_combos()
        self.satisfaction_client, self.satisfaction_employer, self.satisfaction_unit = self.satisfaction
        step_satisfaction = QWidget()
        satisfaction_layout = QVBoxLayout(step_satisfaction)
        satisfaction_layout.addWidget(
            QLabel(
                self.text(
                    "沒有詢問或不適用者請選「未評」；結案後仍可補記。",
                    "Choose “Not rated” when not asked; it can be added after closing.",
                )
            )
        )
        satisfaction_layout.addLayout(score_form(self.satisfaction))
        satisfaction_layout.addStretch(1)

        # --- step 4: review ---
        self.review = QLabel()
        self.review.setWordWrap(True)
        self.review.setTextFormat(Qt.TextFormat.RichText)
        self.review.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.submit_note = QLineEdit()
        self.submit_note.setPlaceholderText(self.text("給督導的說明（選填）", "Note to the supervisor (optional)"))
        self.submit_note.setAccessibleName(self.text("送審說明", "Note to the supervisor"))
        step_review = QWidget()
        review_layout = QVBoxLayout(step_review)
        review_layout.addWidget(self.review)
        review_layout.addStretch(1)
        review_layout.addWidget(self.submit_note)

        self.steps = QStackedWidget()
        for page in (step_reason, step_summary, step_satisfaction, step_review):
            self.steps.addWidget(page)
        self.step_label = QLabel()
        self.back_button = QPushButton(self.text("上一步", "Back"))
        self.next_button = QPushButton(self.text("下一步", "Next"))
        self.finish_button = QPushButton(self.text("確認結案", "Close the case"))
        self.submit_button = QPushButton(self.text("送審", "Submit for sign-off"))
        self.submit_button.setToolTip(self.text("將結案送督導審核", "Send the closure to the supervisor for sign-off"))
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next_step)
        self.finish_button.clicked.connect(self.finish)
        self.submit_button.clicked.connect(self.submit)
        self.notice = Notice()
        nav = row_of(self.back_button, self.next_button, self.submit_button, self.finish_button, right=True)
        self.signoff_required = False  # the team's setting, as last synced (asked each time a case is shown)
        self._prefilled: tuple[object, object] | None = None  # the closure and review the form was filled from
        self.wizard_state = ReviewStateLabel()
        wizard = QWidget()
        wizard_layout = QVBoxLayout(wizard)
        wizard_layout.addWidget(self.wizard_state)
        wizard_layout.addWidget(self.step_label)
        wizard_layout.addWidget(self.steps, 1)
        wizard_layout.addWidget(self.notice)
        wizard_layout.addLayout(nav)

        # --- a closed case ---
        self.closed_box = QGroupBox(self.text("結案紀錄", "Closure"))
        self.closed_text = QLabel()
        self.closed_text.setWordWrap(True)
        self.closed_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.closed_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.later = score_combos()
        self.later_client, self.later_employer, self.later_unit = self.later
        self.later_button = QPushButton(self.text("儲存滿意度", "Save satisfaction"))
        self.later_button.clicked.connect(self.save_satisfaction)
        self.add_shortcut(SAVE_KEYS, self.later_button)
        self.later_notice = Notice()
        later = QGroupBox(self.text("結案後補記滿意度", "Satisfaction asked after closing"))
        later_form = score_form(self.later)
        later.setLayout(later_form)
        later_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        later_form.addRow("", self.later_button)
        later_form.addRow(self.later_notice)
        closed_layout = QVBoxLayout(self.closed_box)
        closed_layout.addWidget(self.closed_text)
        closed_page = QWidget()
        closed_page_layout = QVBoxLayout(closed_page)
        closed_page_layout.addWidget(self.closed_box)
        closed_page_layout.addWidget(later)
        closed_page_layout.addStretch(1)

        self.not_open = QLabel()
        self.not_open.setWordWrap(True)
        self.not_open.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        # --- a closure waiting for the supervisor ---
        self.waiting_state = ReviewStateLabel()
        self.waiting_text = QLabel()
        self.waiting_text.setWordWrap(True)
        self.waiting_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.waiting_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        waiting_box = QGroupBox(self.text("送審中的結案", "Closure submitted for sign-off"))
        QVBoxLayout(waiting_box).addWidget(self.waiting_text)
        waiting_page = QWidget()
        waiting_layout = QVBoxLayout(waiting_page)
        waiting_layout.addWidget(self.waiting_state)
        waiting_layout.addWidget(waiting_box)
        waiting_layout.addStretch(1)

        self.pages = QStackedWidget()
        self.pages.addWidget(wizard)
        self.pages.addWidget(closed_page)
        self.pages.addWidget(self.not_open)
        self.pages.addWidget(waiting_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        self.reasons.currentItemChanged.connect(self._reason_changed)
        self.closed_on.dateChanged.connect(self._ask)
        self._reason_changed()
        self._go(0)

    # --- showing ---

    def show_case(self, case: Case) -> None:
        super().show_case(case)
        self._ask_signoff()
        closure = case.closure if case.closure is not None and not case.closure.deleted else None
        review = reviews.latest_closure_review(case)
        if closure is not None and case.closed_on is not None:
            self.pages.setCurrentIndex(1)
            self._show_closure(case)
        elif closure is not None and review is not None and review.decision != ReviewDecision.RETURNED:
            self.pages.setCurrentIndex(3)  # waiting, or approved and closing at the case manager's next sync
            self.waiting_text.setText(table_html(self._closure_rows(closure)))
            self.waiting_state.show_review(
                review,
                approved_hint=self.text(
                    "個案將於個案管理員的筆電同步時結案。", "The case closes when the case manager's laptop syncs."
                ),
            )
        elif case.opened_on is None or case.closed_on is not None:
            self.pages.setCurrentIndex(2)
            self.not_open.setText(
                self.text(
                    f"此個案未開案（{case.decision_reason or '不開案'}），沒有結案程序。",
                    f"This case was never opened ({case.decision_reason or 'not opened'}); there is nothing to close.",
                )
                if case.closed_on is not None
                else self.text("個案尚未開案，不能結案。", "The case has not been opened yet.")
            )
        else:
            self.pages.setCurrentIndex(0)
            self.wizard_state.show_review(
                review,
                returned_hint=self.text(
                    "請依意見修改結案內容，在最後一步再按「送審」。",
                    "Correct the closure as asked and submit it again from the last step.",
                ),
            )
            if closure is not None and self._prefilled != (closure.id, review.id if review else None):
                self._prefill(closure)  # a returned (or refused) closure comes back to be corrected
                self._prefilled = (closure.id, review.id if review else None)
            if self.closed_on.date() is None:
                self.closed_on.setDate(clock.today())
            self._ask()

    def _closure_rows(self, closure: Closure) -> list[tuple[str, str]]:
        scores = (closure.satisfaction_client, closure.satisfaction_employer, closure.satisfaction_receiving_unit)
        return [
            (self.text("結案日", "Closed on"), day_text(closure.closed_on)),
            (self.text("結案原因", "Reason"), reason_name(closure.reason_code)),
            (self.text("結案摘要", "Summary"), closure.summary or "—"),
            *score_rows(SatisfactionValues(*scores)),
        ]

    def _prefill(self, closure: Closure) -> None:
        self.select_reason(closure.reason_code)
        self.closed_on.setDate(closure.closed_on)
        self.summary.setPlainText(closure.summary)
        scores = (closure.satisfaction_client, closure.satisfaction_employer, closure.satisfaction_receiving_unit)
        for combo, score in zip(self.satisfaction, scores, strict=True):
            set_combo_data(combo, score or 0)

    def _show_closure(self, case: Case) -> None:
        closure = case.closure
        assert closure is not None
        scores = (closure.satisfaction_client, closure.satisfaction_employer, closure.satisfaction_receiving_unit)
        self.closed_text.setText(table_html(self._closure_rows(closure)))
        for combo, score in zip(self.later, scores, strict=True):
            set_combo_data(combo, score or 0)

    def _ask_signoff(self) -> None:
        """Whether the team requires the supervisor's sign-off for closures (the setting the last sync brought)."""

        def answered(required: bool) -> None:
            self.signoff_required = required
            self._go(self.steps.currentIndex())

        self.runner.run(team_settings.closure_signoff_required, answered, owner=self)

    # --- steps ---

    def reason_code(self) -> str | None:
        item = self.reasons.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return str(value) if value else None

    def select_reason(self, code: str) -> None:
        for row in range(self.reasons.count()):
            item = self.reasons.item(row)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == code:
                self.reasons.setCurrentRow(row)
                return

    def _reason_changed(self) -> None:
        code = self.reason_code()
        self.requirement.setText(requirement_text(code) if code else self.text("請先選擇結案原因。", "Pick a reason."))
        self._ask()

    def _ask(self) -> None:
        """Ask the rules (off the GUI thread) whether this reason can close the case on this date yet."""
        self.check = None
        code, closed_on = self.reason_code(), self.closed_on.date()
        if self.case is None or code is None or closed_on is None:
            self.check_label.setText("")
            return
        self._check_ticket += 1
        ticket, case_id = self._check_ticket, self.case.id

        def answered(check: ClosureCheck) -> None:
            if ticket != self._check_ticket:
                return  # the reason or date changed meanwhile
            self.check = check
            if check.allowed:
                self.check_label.setText("✓ " + self.text("可以此原因結案。", "The case can close for this reason."))
                self.check_label.setStyleSheet(f"color: {OK_COLOUR};")
            else:
                self.check_label.setText("✗ " + check.message(language()))
                self.check_label.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")

        self.check_label.setText(self.text("檢查中…", "Checking…"))
        self.check_label.setStyleSheet(f"color: {MUTED_COLOUR};")
        self.runner.run(
            lambda session: plan_edits.check_closure(session, case_id, code, closed_on), answered, owner=self
        )

    def _go(self, step: int) -> None:
        self.steps.setCurrentIndex(step)
        self.step_label.setText(
            "　›　".join(
                f"<b>{index + 1}. {pick(title)}</b>"
                if index == step
                else f"<span style='color:{MUTED_COLOUR}'>{index + 1}. {pick(title)}</span>"
                for index, title in enumerate(STEPS)
            )
        )
        last = step == len(STEPS) - 1
        self.back_button.setEnabled(step > 0)
        self.next_button.setVisible(not last)
        self.finish_button.setVisible(last and not self.signoff_required)
        self.submit_button.setVisible(last)
        if last:
            self.review.setText(self._review())

    def back(self) -> None:
        self.notice.clear()
        self._go(max(self.steps.currentIndex() - 1, 0))

    def next_step(self) -> None:
        """Move on once this step is complete; the first step needs a reason the rules accept."""
        self.notice.clear()
        step = self.steps.currentIndex()
        if step == 0:
            problem = first_problem(self.validator)
            if problem is not None:
                self.notice.show_error(problem)
                return
            if self.reason_code() is None:
                self.notice.show_error(self.text("請選擇結案原因。", "Choose a closure reason."))
                return
            if self.check is None:
                self.notice.show_info(self.text("正在檢查結案條件，請稍候再按。", "Still checking; try again."))
                return
            if not self.check.allowed:  # the reason is beside the list; say what to do about it
                self.notice.show_error(
                    self.text(
                        "尚不符合此結案原因的條件（見上方說明）：請先補齊紀錄，或改選其他結案原因。",
                        "This reason cannot be used yet (see above): complete the record or choose another reason.",
                    )
                )
                return
        if step == 1 and not self.summary.toPlainText().strip():
            self.notice.show_error(self.text("請填寫結案摘要。", "Write the closing summary."))
            self.summary.setFocus()
            return
        self._go(min(step + 1, len(STEPS) - 1))

    def values(self) -> ClosureValues | None:
        code, closed_on = self.reason_code(), self.closed_on.date()
        if code is None or closed_on is None:
            return None
        return ClosureValues(
            reason_code=code,
            closed_on=closed_on,
            summary=self.summary.toPlainText(),
            satisfaction=scores_of(self.satisfaction),
        )

    def _review(self) -> str:
        values = self.values()
        if values is None:
            return ""
        rows = [
            (self.text("結案原因", "Reason"), codes.closure_reason(values.reason_code).label(language())),
            (self.text("結案日", "Closing date"), day_text(values.closed_on)),
            (self.text("結案摘要", "Summary"), values.summary.strip()),
            *score_rows(values.satisfaction),
        ]
        if self.signoff_required:
            warning = self.text(
                "本單位結案須經督導核准：按「送審」後，督導核准時個案才結案（階段 G）。",
                "Closures in this team need the supervisor's approval: submit it; the case closes (stage G) once "
                "approved.",
            )
        else:
            warning = self.text(
                "確認後個案即結案（階段 G），之後不能再新增計畫、派案或就業紀錄；或按「送審」先請督導審核。",
                "Once confirmed the case is closed (stage G); no more plans, referrals or jobs can be added. Or "
                "submit it for the supervisor's sign-off first.",
            )
        return f"{table_html(rows)}<p style='color:{ERROR_COLOUR}'>{warning}</p>"

    def finish(self) -> None:
        values = self.values()
        if self.case is None or values is None:
            return
        case_id = self.case.id
        run_and_reload(self, self.notice, lambda session: plan_edits.close(session, case_id, values))

    def submit(self) -> None:
        """送審: the closure as the form holds it goes to the supervisor; the case stays open until approved."""
        values = self.values()
        if self.case is None or values is None:
            return
        case_id, note = self.case.id, self.submit_note.text()

        def submitted(_review_id: object) -> None:
            self.submit_note.clear()
            self.notice.show_ok(
                self.text(
                    "已送督導審核；同步後督導即可審閱。", "Submitted; the supervisor sees it after the next sync."
                )
            )
            self.changed.emit()

        run_edit(self, self.notice, lambda session: reviews.submit_closure(session, case_id, values, note), submitted)

    def save_satisfaction(self) -> None:
        if self.case is None:
            return
        case_id, values = self.case.id, scores_of(self.later)
        run_and_reload(
            self,
            self.later_notice,
            lambda session: plan_edits.record_satisfaction(session, case_id, values),
            ("已儲存滿意度。", "Satisfaction saved."),
        )
