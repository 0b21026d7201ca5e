"""服務計畫: the plan's versions, and the editor of a draft (dates, 職業重建目標, goals and services per part, the
client's informed consent), with 新增計畫, 儲存, 送審, 執行計畫 and 修訂計畫 (002 附件一 三(三)).

送審 sends a consented draft to the supervisor (app.services.reviews); the line under the versions says where the
shown version stands: waiting, returned with the supervisor's comment (revise it into a new version and submit
that), or approved (then 執行計畫 starts it)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QScrollArea, QTableWidget, QVBoxLayout, QWidget

from app.models import Case, ServicePlan
from app.models.enums import PlanPart, PlanStatus, ReviewDecision, Stage
from app.services import clock, plan_edits, reviews
from app.services.plan_edits import CONSENT_BY, PlanDraft, UnitChoice
from app.services.workdays import add_months
from app.views.runner import StoreRunner
from app.views.workspace.base import SAVE_KEYS, CaseTab
from app.views.workspace.common import (
    ERROR_COLOUR,
    OK_COLOUR,
    Notice,
    day_text,
    first_problem,
    muted_label,
    pick,
    refusal_shower,
    required_date,
    row_of,
    run_and_reload,
    run_edit,
    span_text,
)
from app.views.workspace.common_tables import add_row, cell, find_selected, fit_rows, make_table, select_id, selected_id
from app.views.workspace.common_units import load_units
from app.views.workspace.plan_dialogs import DEFAULT_PLAN_MONTHS, GoalDialog, ItemDialog, RevisionDialog
from app.views.workspace.plan_editor import PartPage, PlanEditor
from app.views.workspace.plan_texts import PLAN_STATUS
from app.views.workspace.review_state import ReviewStateLabel

Job = Callable[[Any], object]


class PlanTab(CaseTab):
    title_zh = "服務計畫"
    title_en = "Plan"
    target_kinds = ("plan",)

    def __init__(self, runner: StoreRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        self.units: list[UnitChoice] = []
        self.plan: ServicePlan | None = None  # the version shown in the editor
        self._selected: uuid.UUID | None = None
        self.goal_dialog: GoalDialog | None = None
        self.item_dialog: ItemDialog | None = None
        self.revision_dialog: RevisionDialog | None = None

        self.versions = make_table(
            [
                self.text("版本", "Version"),
                self.text("狀態", "Status"),
                self.text("計畫期間", "Period"),
                self.text("知後同意", "Consent"),
                self.text("修訂原因", "Revision reason"),
            ],
            self.text("計畫版本", "Plan versions"),
        )
        self.versions.itemSelectionChanged.connect(self._version_picked)

        self.editor = PlanEditor()
        # The editor's fields that the tab works with itself.
        self.part_pages, self.goal_text = self.editor.part_pages, self.editor.goal_text
        self.consent_by, self.consent_on = self.editor.consent_by, self.editor.consent_on
        self.consent_button, self.consent_box = self.editor.consent_button, self.editor.consent_box
        for part, page in self.part_pages.items():
            page.add_goal.clicked.connect(lambda _=False, p=part: self.open_goal_dialog(p))
            page.edit_goal.clicked.connect(lambda _=False, p=part: self.open_goal_dialog(p, edit=True))
            page.remove_goal.clicked.connect(lambda _=False, p=part: self.remove_goal(p))
            page.add_item.clicked.connect(lambda _=False, p=part: self.open_item_dialog(p))
            page.edit_item.clicked.connect(lambda _=False, p=part: self.open_item_dialog(p, edit=True))
            page.remove_item.clicked.connect(lambda _=False, p=part: self.remove_item(p))
        self.consent_button.clicked.connect(self.record_consent)

        self.new_button = QPushButton(self.text("新增計畫", "New plan"))
        self.save_button = QPushButton(self.text("儲存", "Save"))
        self.submit_button = QPushButton(self.text("送審", "Submit for sign-off"))
        self.submit_button.setToolTip(
            self.text("將已經個案同意的計畫送督導審核", "Send the consented plan to the supervisor for sign-off")
        )
        self.submit_note = QLineEdit()
        self.submit_note.setPlaceholderText(self.text("給督導的說明（選填）", "Note to the supervisor (optional)"))
        self.submit_note.setAccessibleName(self.text("送審說明", "Note to the supervisor"))
        self.start_button = QPushButton(self.text("執行計畫", "Start the plan"))
        self.revise_button = QPushButton(self.text("修訂計畫…", "Revise…"))
        self.new_button.clicked.connect(self.new_plan)
        self.save_button.clicked.connect(self.save)
        self.submit_button.clicked.connect(self.submit)
        self.start_button.clicked.connect(self.start)
        self.revise_button.clicked.connect(self.open_revision_dialog)
        self.add_shortcut(SAVE_KEYS, self.save_button)
        self.notice = Notice()
        buttons = row_of(
            self.new_button,
            self.save_button,
            self.submit_note,
            self.submit_button,
            self.start_button,
            self.revise_button,
        )
        self.review_state = ReviewStateLabel()

        self.empty = muted_label(wrap=True)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(QLabel(f"<b>{self.text('計畫版本', 'Versions')}</b>"))
        layout.addWidget(self.versions)
        layout.addWidget(self.review_state)
        layout.addWidget(self.empty)
        layout.addWidget(self.editor)
        layout.addStretch(1)
        self.scroll_area = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.notice)
        outer.addLayout(buttons)
        self._refresh()

    # --- showing ---

    def show_case(self, case: Case) -> None:
        super().show_case(case)
        load_units(self, case.county, self._units_loaded)
        plans = self._plans()
        shown = next((p for p in plans if p.id == self._selected), None) or (plans[-1] if plans else None)
        self.versions.blockSignals(True)
        self.versions.setRowCount(0)
        for plan in plans:
            by = pick(CONSENT_BY.get(plan.consent_by, ("", "")))
            consent = f"{day_text(plan.consent_on)} {by}" if plan.consent_given else self.text("未同意", "not yet")
            draft = plan.status == PlanStatus.DRAFT
            add_row(
                self.versions,
                [
                    cell(self.text(f"第 {plan.version_no} 版", f"v{plan.version_no}"), plan.id),
                    cell(self._status_text(plan), colour=OK_COLOUR if plan.status == PlanStatus.APPROVED else None),
                    cell(span_text(plan.start_on, plan.end_on)),
                    cell(consent, colour=ERROR_COLOUR if draft and not plan.consent_given else None),
                    cell(plan.revision_reason or "—"),
                ],
            )
        fit_rows(self.versions, 1, 4)
        self.versions.blockSignals(False)
        same = shown is not None and self.plan is not None and shown.id == self.plan.id
        self._show_plan(shown, keep_typing=same)

    def focus_target(self, target_kind: str, target_id: uuid.UUID | None) -> None:
        self._selected = target_id
        if self.case is not None:
            self.show_case(self.case)

    def _plans(self) -> list[ServicePlan]:
        if self.case is None:
            return []
        return sorted((p for p in self.case.plans if not p.deleted), key=lambda p: p.version_no)

    def _units_loaded(self, units: list[UnitChoice]) -> None:
        self.units = units

    def _version_picked(self) -> None:
        plan_id = selected_id(self.versions)
        plan = next((p for p in self._plans() if p.id == plan_id), None)
        if plan is not None and (self.plan is None or plan.id != self.plan.id):
            self._selected = plan.id
            self._show_plan(plan)

    def _show_plan(self, plan: ServicePlan | None, keep_typing: bool = False) -> None:
        """Show `plan` in the editor. After a reload of the same draft, what was typed and not saved stays."""
        dirty = keep_typing and self._header_dirty()
        self.plan = plan
        self._selected = plan.id if plan else None
        select_id(self.versions, self._selected)
        self.editor.show_plan(plan, keep_header=dirty)
        self._refresh()

    def _approved_not_started(self, plan: ServicePlan) -> bool:
        """Signed off by the supervisor, and the case not yet carrying a plan out (執行計畫 starts it)."""
        case = self.case
        return plan.status == PlanStatus.APPROVED and case is not None and case.stage in (Stage.C, Stage.D)

    def _status_text(self, plan: ServicePlan) -> str:
        if self._approved_not_started(plan):
            return self.text("督導已核定，待執行", "Approved, not started")
        return pick(PLAN_STATUS[plan.status])

    def _show_review(self, plan: ServicePlan | None) -> None:
        """Where the shown version stands with the supervisor, with the comment of a return."""
        review = reviews.latest_plan_review(self.case, plan.id) if self.case is not None and plan else None
        returned = approved = ""
        if plan is not None and plan.status != PlanStatus.SUPERSEDED:
            returned = self.text(
                "請按「修訂計畫」建立新版本，依意見修改後再送審。",
                "Revise it into a new version, change what was asked, and submit that.",
            )
        if plan is not None and self._approved_not_started(plan):
            approved = self.text("可按「執行計畫」開始執行。", "Press “Start the plan” to carry it out.")
        self.review_state.show_review(review, returned_hint=returned, approved_hint=approved)

    def _case_open(self) -> bool:
        case = self.case
        return case is not None and case.opened_on is not None and case.stage not in (Stage.A, Stage.B, Stage.G)

    def _refresh(self) -> None:
        plan, case_open = self.plan, self._case_open()
        draft = plan is not None and plan.status == PlanStatus.DRAFT and case_open
        running = plan is not None and plan.status == PlanStatus.APPROVED and case_open
        self.editor.set_mode(plan, draft, running)
        plans = self._plans()
        latest = plans[-1] if plans else None
        # A case's later plans are revisions of its first (new dates and the reason), not fresh plans.
        self.new_button.setEnabled(case_open and not plans)
        self.save_button.setEnabled(draft)
        self.submit_button.setEnabled(draft)
        self.submit_note.setEnabled(draft)
        self.start_button.setEnabled(draft or (case_open and plan is not None and self._approved_not_started(plan)))
        waiting = plan is not None and self.case is not None and _waiting(self.case, plan)
        revisable = (PlanStatus.APPROVED, PlanStatus.RETURNED, PlanStatus.SUBMITTED)
        self.revise_button.setEnabled(
            case_open and plan is latest and plan is not None and plan.status in revisable and not waiting
        )
        self._show_review(plan)
        self.editor.setVisible(plan is not None)
        self.versions.setVisible(bool(plans))
        if self.case is None:
            self.empty.setText("")
        elif not plans and case_open:
            self.empty.setText(
                self.text(
                    "此個案尚無服務計畫。按「新增計畫」建立草稿，再填寫三部分的目標與服務。",
                    "This case has no plan yet. Press “New plan” to start a draft.",
                )
            )
        elif not plans:
            self.empty.setText(
                self.text("個案未開案或已結案，不能擬定計畫。", "The case is not open; no plan can be made.")
            )
        else:
            self.empty.setText("")
        self.empty.setVisible(bool(self.empty.text()))

    def _header_dirty(self) -> bool:
        return self.editor.header_dirty(self.plan)

    # --- saving ---

    def _with_header(self, job: Job) -> Job | None:
        """`job`, preceded by saving the draft's typed dates and goal when they changed (nothing typed is lost);
        None (with the problem shown) when they are not valid."""
        if not self._header_dirty():
            return job
        problem = first_problem(self.editor.validator)
        if problem is not None:
            self.notice.show_error(problem)
            return None
        draft = self.editor.draft_values()
        assert self.case is not None and self.plan is not None and draft is not None
        case_id, plan_id = self.case.id, self.plan.id

        def both(session: Any) -> object:
            plan_edits.save_plan_draft(session, case_id, draft, plan_id)
            return job(session)

        return both

    def _create_version(self, job: Callable[[Any], uuid.UUID], done_text: tuple[str, str]) -> None:
        """Run `job`, which makes a new version of the plan, and show that version once the case reloads."""

        def created(plan_id: uuid.UUID) -> None:
            self._selected = plan_id
            self.notice.show_ok(pick(done_text))
            self.changed.emit()

        self.runner.run(job, created, refusal_shower(self.notice, self), owner=self)

    def new_plan(self) -> None:
        if self.case is None:
            return
        today = clock.today()
        case_id, draft = self.case.id, PlanDraft(today, add_months(today, DEFAULT_PLAN_MONTHS))
        self.notice.clear()
        self._create_version(
            lambda session: plan_edits.save_plan_draft(session, case_id, draft),
            ("已建立計畫草稿；請填寫期間、目標與服務。", "Draft created."),
        )

    def save(self) -> None:
        if self.case is None or self.plan is None or not self.save_button.isEnabled():
            return
        problem = first_problem(self.editor.validator)
        draft = self.editor.draft_values()
        if problem is not None or draft is None:
            self.notice.show_error(problem or "")
            return
        case_id, plan_id = self.case.id, self.plan.id
        run_and_reload(
            self,
            self.notice,
            lambda session: plan_edits.save_plan_draft(session, case_id, draft, plan_id),
            ("計畫已儲存。", "Plan saved."),
        )

    def start(self) -> None:
        if self.plan is None:
            return
        if not self.plan.consent_given:  # the refusal will be about consent: show where it is given
            self.scroll_area.ensureWidgetVisible(self.consent_box)
            self.consent_on.setFocus()
        plan_id = self.plan.id
        job = self._with_header(lambda session: plan_edits.start_plan(session, plan_id))
        if job is not None:
            run_and_reload(self, self.notice, job, ("計畫開始執行。", "The plan has started."))

    def submit(self) -> None:
        """送審: the draft (with what was typed in it) goes to the supervisor."""
        if self.plan is None or not self.submit_button.isEnabled():
            return
        if not self.plan.consent_given:  # the refusal will be about consent: show where it is given
            self.scroll_area.ensureWidgetVisible(self.consent_box)
        plan_id, note = self.plan.id, self.submit_note.text()
        job = self._with_header(lambda session: reviews.submit_plan(session, plan_id, note))
        if job is None:
            return

        def submitted(_review_id: object) -> None:
            self.submit_note.clear()
            self.notice.show_ok(
                self.text(
                    "已送督導審核；同步後督導即可審閱。", "Submitted; the supervisor sees it after the next sync."
                )
            )
            self.changed.emit()

        run_edit(self, self.notice, job, submitted)

    def record_consent(self) -> None:
        if self.plan is None:
            return
        consent_on = required_date(self.consent_on, self.notice, ("請填寫同意日期。", "Enter the date."))
        if consent_on is None:
            return
        values = plan_edits.ConsentValues(
            consent_on, "guardian" if self.consent_by.currentData() == "guardian" else "client"
        )
        plan_id = self.plan.id
        job = self._with_header(lambda session: plan_edits.record_plan_consent(session, plan_id, values))
        if job is not None:
            run_and_reload(self, self.notice, job, ("已記錄知後同意。", "Consent recorded."))

    def open_revision_dialog(self) -> RevisionDialog | None:
        if self.plan is None or not self.revise_button.isEnabled():
            return None
        plan_id = self.plan.id
        dialog = RevisionDialog(self.plan, self)
        self.revision_dialog = dialog

        def accepted() -> None:
            values = dialog.values()
            self._create_version(
                lambda session: plan_edits.revise_plan(session, plan_id, values),
                ("已建立修訂版草稿。", "Revised draft created."),
            )

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def open_goal_dialog(self, part: PlanPart, edit: bool = False) -> GoalDialog | None:
        plan, page = self.plan, self.part_pages[part]
        goal = find_selected(page.goals, plan.goals) if plan is not None and edit else None
        if plan is None or (edit and goal is None):
            return None
        dialog = GoalDialog(part, goal, progress_only=not page.editable, parent=self)
        self.goal_dialog = dialog
        plan_id = plan.id

        def accepted() -> None:
            values = dialog.values()
            self._save_part_row(
                page,
                dialog.goal_id,
                add=lambda session: plan_edits.add_goal(session, plan_id, values),
                update=lambda session, goal_id: plan_edits.update_goal(session, goal_id, values),
                progress=lambda session, goal_id: plan_edits.set_goal_achieved(session, goal_id, values.achieved),
            )

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def open_item_dialog(self, part: PlanPart, edit: bool = False) -> ItemDialog | None:
        plan, page = self.plan, self.part_pages[part]
        item = find_selected(page.items, plan.items) if plan is not None and edit else None
        if plan is None or (edit and item is None):
            return None
        dialog = ItemDialog(part, item, self.units, progress_only=not page.editable, parent=self)
        self.item_dialog = dialog
        plan_id = plan.id

        def accepted() -> None:
            values = dialog.values()
            self._save_part_row(
                page,
                dialog.item_id,
                add=lambda session: plan_edits.add_item(session, plan_id, values),
                update=lambda session, item_id: plan_edits.update_item(session, item_id, values),
                progress=lambda session, item_id: plan_edits.set_item_status(session, item_id, values.status),
            )

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def _save_part_row(
        self,
        page: PartPage,
        row_id: uuid.UUID | None,
        add: Job,
        update: Callable[[Any, uuid.UUID], object],
        progress: Callable[[Any, uuid.UUID], object],
    ) -> None:
        """Save a goal or service as its dialog left it: a new one, or a change in a draft (each after the typed
        dates and goal), or the progress of a plan being carried out."""
        job: Job | None
        if row_id is None:
            job = self._with_header(add)
        elif page.editable:
            job = self._with_header(lambda session: update(session, row_id))
        else:
            job = lambda session: progress(session, row_id)  # noqa: E731
        if job is not None:
            run_and_reload(self, self.notice, job)

    def remove_goal(self, part: PlanPart) -> None:
        self._remove(self.part_pages[part].goals, plan_edits.remove_goal, ("已刪除目標。", "Goal removed."))

    def remove_item(self, part: PlanPart) -> None:
        self._remove(self.part_pages[part].items, plan_edits.remove_item, ("已刪除服務。", "Service removed."))

    def _remove(self, table: QTableWidget, remove: Callable[[Any, uuid.UUID], object], done: tuple[str, str]) -> None:
        row_id = selected_id(table)
        if row_id is not None:
            job = self._with_header(lambda session: remove(session, row_id))
            if job is not None:
                run_and_reload(self, self.notice, job, done)


def _waiting(case: Case, plan: ServicePlan) -> bool:
    review = reviews.latest_plan_review(case, plan.id)
    return review is not None and review.decision == ReviewDecision.PENDING
