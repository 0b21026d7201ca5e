"""The edits the plan tab makes inside the shown version: adding, changing and removing the goals and services of its
three parts through their dialogs, or recording their progress once the plan is carried out. In a draft each edit
first saves the dates and 職業重建目標 typed in the editor, so nothing typed is lost when the case reloads.

A base of PlanTab rather than part of it: the tab itself is about the plan's course (versions, consent, 送審,
執行計畫, 修訂計畫), and these edits only need the shown version and its editor."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QTableWidget

from app.models import ServicePlan
from app.models.enums import PlanPart
from app.services import plan_edits
from app.services.plan_edits import UnitChoice
from app.views.workspace.base import CaseTab
from app.views.workspace.common import Notice, first_problem, run_and_reload
from app.views.workspace.common_tables import find_selected, selected_id
from app.views.workspace.plan_dialogs import GoalDialog, ItemDialog
from app.views.workspace.plan_editor import PartPage, PlanEditor

Job = Callable[[Any], object]


class PlanRowsTab(CaseTab):
    """PlanTab's edits of goals and services. The tab makes the widgets named here and calls `_connect_parts` once
    its editor exists."""

    editor: PlanEditor
    part_pages: dict[PlanPart, PartPage]
    plan: ServicePlan | None  # the version shown in the editor
    units: list[UnitChoice]  # the county's units, for a service's 服務單位
    notice: Notice
    goal_dialog: GoalDialog | None
    item_dialog: ItemDialog | None

    def _connect_parts(self) -> None:
        for part, page in self.part_pages.items():
            page.add_goal.clicked.connect(lambda _=False, p=part: self.open_goal_dialog(p))
            page.edit_goal.clicked.connect(lambda _=False, p=part: self.open_goal_dialog(p, edit=True))
            page.remove_goal.clicked.connect(lambda _=False, p=part: self.remove_goal(p))
            page.add_item.clicked.connect(lambda _=False, p=part: self.open_item_dialog(p))
            page.edit_item.clicked.connect(lambda _=False, p=part: self.open_item_dialog(p, edit=True))
            page.remove_item.clicked.connect(lambda _=False, p=part: self.remove_item(p))

    def _header_dirty(self) -> bool:
        return self.editor.header_dirty(self.plan)

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
