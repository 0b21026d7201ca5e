"""結案: a four-step form (reason and date, summary, satisfaction, confirmation) that closes the case through
workflow.close_case, saying at the first step whether the rules accept the reason yet (失聯 needs three unanswered
attempts, 穩定就業三個月 a job held three months); a closed case shows its closure read-only (002 附件一 三(六)).

The last step can also submit the closure for the supervisor's sign-off (送審, app.services.reviews); where the team
requires it, that is the only way, and the case closes when the approval arrives. A submitted closure shows read-only
while it waits; a returned one comes back in the form, with the supervisor's comment, to be corrected and submitted
again.

The wizard's pages are in closure_steps, the closure of a closed case and the one waiting for sign-off in
closure_record; the tab moves between them, asks the rules and saves."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from app.models import Case, Closure
from app.models.enums import ReviewDecision
from app.services import clock, plan_edits, reviews, team_settings
from app.services.plan_edits import ClosureCheck, ClosureValues
from app.views.runner import StoreRunner
from app.views.workspace.base import SAVE_KEYS, CaseTab
from app.views.workspace.closure_record import ClosedPage, WaitingPage
from app.views.workspace.closure_steps import ConfirmStep, ReasonStep, SatisfactionStep, SummaryStep, scores_of
from app.views.workspace.closure_texts import STEPS
from app.views.workspace.common import (
    MUTED_COLOUR,
    Notice,
    first_problem,
    pick,
    row_of,
    run_and_reload,
    run_edit,
    set_combo_data,
)
from app.views.workspace.review_state import ReviewStateLabel, submitted_shower


class ClosureTab(CaseTab):
    title_zh = "結案"
    title_en = "Closure"

    def __init__(self, runner: StoreRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self._check_ticket = 0
        self.check: ClosureCheck | None = None

        # --- the wizard's steps; their fields, as the tab works with them ---
        self.reason_step = ReasonStep()
        self.summary_step = SummaryStep()
        self.satisfaction_step = SatisfactionStep()
        self.confirm_step = ConfirmStep()
        step = self.reason_step
        self.reasons, self.requirement, self.closed_on = step.reasons, step.requirement, step.closed_on
        self.check_label, self.validator = step.check_label, step.validator
        self.summary = self.summary_step.summary
        self.satisfaction = self.satisfaction_step.scores
        self.satisfaction_client, self.satisfaction_employer, self.satisfaction_unit = self.satisfaction
        self.review, self.submit_note = self.confirm_step.review, self.confirm_step.submit_note

        self.steps = QStackedWidget()
        for page in (self.reason_step, self.summary_step, self.satisfaction_step, self.confirm_step):
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

        # --- a closed case, a case not open, a closure waiting for the supervisor ---
        self.closed_page = ClosedPage()
        self.closed_text, self.later_notice = self.closed_page.closed_text, self.closed_page.later_notice
        self.closed_page.later_button.clicked.connect(self.save_satisfaction)
        self.add_shortcut(SAVE_KEYS, self.closed_page.later_button)
        self.not_open = QLabel()
        self.not_open.setWordWrap(True)
        self.not_open.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.waiting_page = WaitingPage()
        self.waiting_state = self.waiting_page.waiting_state

        self.pages = QStackedWidget()
        self.pages.addWidget(wizard)
        self.pages.addWidget(self.closed_page)
        self.pages.addWidget(self.not_open)
        self.pages.addWidget(self.waiting_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

        self.reasons.currentItemChanged.connect(self._ask)
        self.closed_on.dateChanged.connect(self._ask)
        self._ask()
        self._go(0)

    # --- showing ---

    def show_case(self, case: Case) -> None:
        super().show_case(case)
        self._ask_signoff()
        closure = case.closure if case.closure is not None and not case.closure.deleted else None
        review = reviews.latest_closure_review(case)
        if closure is not None and case.closed_on is not None:
            self.pages.setCurrentIndex(1)
            self.closed_page.show_closure(closure)
        elif closure is not None and review is not None and review.decision != ReviewDecision.RETURNED:
            self.pages.setCurrentIndex(3)  # waiting, or approved and closing at the case manager's next sync
            self.waiting_page.show_waiting(closure, review)
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

    def _prefill(self, closure: Closure) -> None:
        self.select_reason(closure.reason_code)
        self.closed_on.setDate(closure.closed_on)
        self.summary.setPlainText(closure.summary)
        scores = (closure.satisfaction_client, closure.satisfaction_employer, closure.satisfaction_receiving_unit)
        for combo, score in zip(self.satisfaction, scores, strict=True):
            set_combo_data(combo, score or 0)

    def _ask_signoff(self) -> None:
        """Whether the team requires the supervisor's sign-off for closures (the setting the last sync brought)."""

        def answered(required: bool) -> None:
            self.signoff_required = required
            self._go(self.steps.currentIndex())

        self.runner.run(team_settings.closure_signoff_required, answered, owner=self)

    # --- steps ---

    def reason_code(self) -> str | None:
        return self.reason_step.reason_code()

    def select_reason(self, code: str) -> None:
        self.reason_step.select_reason(code)

    def _ask(self) -> None:
        """Ask the rules (off the GUI thread) whether this reason can close the case on this date yet."""
        self.check = None
        code, closed_on = self.reason_code(), self.closed_on.date()
        if self.case is None or code is None or closed_on is None:
            self.reason_step.clear_check()
            return
        self._check_ticket += 1
        ticket, case_id = self._check_ticket, self.case.id

        def answered(check: ClosureCheck) -> None:
            if ticket != self._check_ticket:
                return  # the reason or date changed meanwhile
            self.check = check
            self.reason_step.show_check(check)

        self.reason_step.show_checking()
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
            self.confirm_step.show_values(self.values(), self.signoff_required)

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
        run_edit(
            self,
            self.notice,
            lambda session: reviews.submit_closure(session, case_id, values, note),
            submitted_shower(self, self.submit_note, self.notice),
        )

    def save_satisfaction(self) -> None:
        if self.case is None:
            return
        case_id, values = self.case.id, scores_of(self.closed_page.later)
        run_and_reload(
            self,
            self.later_notice,
            lambda session: plan_edits.record_satisfaction(session, case_id, values),
            ("已儲存滿意度。", "Satisfaction saved."),
        )
