"""服務計畫: the plan's versions, and the editor of a draft (dates, 職業重建目標, goals and services per part, the
client's informed consent), with 新增計畫, 儲存, 送審, 執行計畫 and 修訂計畫 (002 附件一 三(三)).

送審 sends a consented draft to the supervisor (app.services.reviews); the line under the versions says where the
shown version stands: waiting, returned with the supervisor's comment (revise it into a new version and submit
that), or approved (then 執行計畫 starts it).

The version list and review line are in plan_versions; the goals and services of each part are edited through
plan_rows (PlanTab's base)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from app.models import Case, ServicePlan
from app.models.enums import PlanStatus, Stage
from app.services import clock, plan_edits, reviews
from app.services.plan_edits import PlanDraft, UnitChoice
from app.services.workdays import add_months
from app.views.runner import StoreRunner
from app.views.workspace.base import SAVE_KEYS
from app.views.workspace.common import (
    Notice,
    first_problem,
    muted_label,
    pick,
    refusal_shower,
    required_date,
    row_of,
    run_and_reload,
    run_edit,
)
from app.views.workspace.common_tables import select_id, selected_id
from app.views.workspace.common_units import load_units
from app.views.workspace.plan_dialogs import DEFAULT_PLAN_MONTHS, GoalDialog, ItemDialog, RevisionDialog
from app.views.workspace.plan_editor import PlanEditor
from app.views.workspace.plan_rows import PlanRowsTab
from app.views.workspace.plan_versions import approved_not_started, show_review, show_versions, versions_table, waiting
from app.views.workspace.review_state import ReviewStateLabel, submit_note_field, submitted_shower


class PlanTab(PlanRowsTab):
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

        self.versions = versions_table()
        self.versions.itemSelectionChanged.connect(self._version_picked)

        self.editor = PlanEditor()
        # The editor's fields that the tab works with itself.
        self.part_pages, self.goal_text = self.editor.part_pages, self.editor.goal_text
        self.consent_by, self.consent_on = self.editor.consent_by, self.editor.consent_on
        self.consent_button, self.consent_box = self.editor.consent_button, self.editor.consent_box
        self._connect_parts()
        self.consent_button.clicked.connect(self.record_consent)

        self.new_button = QPushButton(self.text("新增計畫", "New plan"))
        self.save_button = QPushButton(self.text("儲存", "Save"))
        self.submit_button = QPushButton(self.text("送審", "Submit for sign-off"))
        self.submit_button.setToolTip(
            self.text("將已經個案同意的計畫送督導審核", "Send the consented plan to the supervisor for sign-off")
        )
        self.submit_note = submit_note_field()
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
        show_versions(self.versions, self.case, plans)
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
        startable = case_open and plan is not None and approved_not_started(self.case, plan)
        self.start_button.setEnabled(draft or startable)
        pending = plan is not None and self.case is not None and waiting(self.case, plan)
        revisable = (PlanStatus.APPROVED, PlanStatus.RETURNED, PlanStatus.SUBMITTED)
        self.revise_button.setEnabled(
            case_open and plan is latest and plan is not None and plan.status in revisable and not pending
        )
        show_review(self.review_state, self.case, plan)
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

    # --- saving ---

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
        if job is not None:
            run_edit(self, self.notice, job, submitted_shower(self, self.submit_note, self.notice))

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
