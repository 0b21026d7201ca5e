"""A tab that lists a case's records that are drafted and then finalised (晤談紀錄, 需求評估) and edits one of them.

Nothing typed is lost: the draft in the editor is saved through the runner a few seconds after the last keystroke
(and at the latest every few keystroke-filled seconds more), on Ctrl+S, when another record is picked, and when the
tab is hidden, so a killed process loses at most those seconds. 定稿 makes a record immutable. Autosaves do not
reload the workspace (that would redraw the editor under the typing hand); finalising and the other explicit
actions do, and so does leaving the tab after an autosave (so that 歷程 shows the drafts).

A subclass builds its editor and says how its records are listed, put in the editor, read back and saved.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from app.errors import Problem, ProblemsError
from app.models import Case, NeedsAssessment, ServiceRecord
from app.models.enums import RecordStatus
from app.views.errors import report_error
from app.views.runner import StoreRunner
from app.views.widgets import RocDateEdit
from app.views.workspace.base import NEW_KEYS, SAVE_KEYS, CaseTab
from app.views.workspace.drafts import AUTOSAVE_DELAY_MS, Autosaver, Row, RowsModel, saved_at_text, table

StoreJob = Callable[[Any], object]


RecordT = TypeVar("RecordT", bound=ServiceRecord | NeedsAssessment)  # the records drafted, then finalised
ValuesT = TypeVar("ValuesT")


class DraftListTab(CaseTab, Generic[RecordT, ValuesT]):
    """The list of records (`rows`, shown in `row_list`) beside the editor of one, `editing` (None for a new draft,
    whose id `editing_id` is chosen before its first save, so every autosave of it updates the same row)."""

    autosave_delay_ms = AUTOSAVE_DELAY_MS  # a test sets a shorter delay on the class or the instance's autosaver

    def __init__(
        self,
        runner: StoreRunner,
        headers: Sequence[tuple[str, str]],
        list_name: str,
        stretch_column: int,
        new_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self.editing_id = uuid.uuid4()
        self.editing: RecordT | None = None  # as last loaded
        self._saved_since_load = False
        self._loading = False
        self.autosaver = Autosaver(runner, self, self._save_job, self.autosave_delay_ms)
        self.autosaver.saved.connect(self._autosaved)
        self.autosaver.failed.connect(self._autosave_failed)
        self.rows = RowsModel([self.text(zh, en) for zh, en in headers], self)
        self.row_list = table(self.rows, list_name, stretch_column)
        self.row_list.selectionModel().currentRowChanged.connect(self._picked)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.status = QLabel()
        self.status.setAccessibleName(self.text("儲存狀態", "Save status"))
        self.new_button = QPushButton(new_text)
        self.new_button.clicked.connect(self.new_draft)
        self.finalise_button = QPushButton(self.text("定稿", "Finalise"))
        self.finalise_button.clicked.connect(self.finalise)
        self.add_shortcut(NEW_KEYS, self.new_button)
        self.add_key_action(SAVE_KEYS, self.save_now)

    # ---- what a subclass says ----

    def listed(self, case: Case) -> list[RecordT]:
        """The case's records of this tab that are not deleted, newest first."""
        raise NotImplementedError

    def first_shown(self, listed: list[RecordT]) -> RecordT | None:
        """What the editor shows when the case is first loaded (None: a new draft)."""
        raise NotImplementedError

    def row(self, record: RecordT) -> Row:
        raise NotImplementedError

    def saved_row(self, record_id: uuid.UUID, values: ValuesT) -> Row:
        """The line of a draft just saved with `values` (a new draft is not in the loaded case yet)."""
        raise NotImplementedError

    def values_of(self, record: RecordT) -> ValuesT:
        raise NotImplementedError

    def values(self) -> ValuesT:
        """What the editor holds."""
        raise NotImplementedError

    def savable_values(self) -> ValuesT:
        """What can be saved of the editor now (an unreadable or future date is left out, so the text is saved)."""
        raise NotImplementedError

    def date_edit(self) -> RocDateEdit:
        """The editor's date field, which must be valid to finalise."""
        raise NotImplementedError

    def date_problem(self, values: ValuesT) -> Problem | None:
        raise NotImplementedError

    def fill(self, record: RecordT | None) -> None:
        """Put `record` (None: a blank new draft) into the editor's fields."""
        raise NotImplementedError

    def show_state(self) -> None:
        """Show whether `editing` is new, a draft or final (banner, buttons, read-only fields)."""
        if not self.autosaver.dirty:
            self.status.setText("")

    def show_problem(self, problem: Problem) -> None:
        """Show a refused save's problem beside its field."""
        raise NotImplementedError

    def draft_job(self, case_id: uuid.UUID, record_id: uuid.UUID, values: ValuesT) -> StoreJob:
        """The store job saving `values` as the draft `record_id` (made when the store does not hold it yet)."""
        raise NotImplementedError

    def finalise_job(self, record_id: uuid.UUID) -> StoreJob:
        raise NotImplementedError

    # ---- showing ----

    def show_case(self, case: Case) -> None:
        super().show_case(case)
        self._saved_since_load = False
        listed = self.listed(case)
        self.rows.set_rows([self.row(record) for record in listed])
        found = self.find_record(self.editing_id)
        busy = self.autosaver.busy(self.editing_id)
        unchanged = found is not None and self.values_of(found) == self.values()
        if found is not None and found.status == RecordStatus.DRAFT and (busy or unchanged):
            self.editing = found  # the editor holds the same or newer text: keep it, and the cursor
            self.show_state()
        elif found is not None:
            self.show_record(found)
        elif not (self.editing is None and busy):  # else a new draft is being typed or on its way to the store
            self.show_record(self.first_shown(listed))
        self.select_editing()

    def find_record(self, record_id: uuid.UUID | None) -> RecordT | None:
        if self.case is None or record_id is None:
            return None
        return next((record for record in self.listed(self.case) if record.id == record_id), None)

    def final(self) -> bool:
        return self.editing is not None and self.editing.status == RecordStatus.FINAL

    def stored(self) -> bool:
        """The editor's record is in the store, or on its way there."""
        return (
            self.editing is not None
            or self.rows.position(self.editing_id) >= 0
            or self.autosaver.pending(self.editing_id) > 0
        )

    def select_editing(self) -> None:
        position = self.rows.position(self.editing_id)
        selection = self.row_list.selectionModel()
        selection.blockSignals(True)
        if position < 0:
            self.row_list.clearSelection()
        else:
            self.row_list.selectRow(position)
        selection.blockSignals(False)

    def show_record(self, record: RecordT | None) -> None:
        """Put `record` (None: a blank new draft) into the editor, read-only when it is final."""
        self.autosaver.forget()
        self.editing = record
        self.editing_id = record.id if record is not None else uuid.uuid4()
        self._loading = True
        try:
            self.fill(record)
        finally:
            self._loading = False
        self.show_state()

    def focus_target(self, target_kind: str, target_id: uuid.UUID | None) -> None:
        found = self.find_record(target_id)
        if found is not None:
            self.switch_to(found)
            self.row_list.setFocus(Qt.FocusReason.OtherFocusReason)

    def draft_banner(self) -> str:
        return self.text(
            "草稿：每隔幾秒自動儲存（Ctrl+S 立即儲存），完成後請按「定稿」。",
            "Draft: saved every few seconds (Ctrl+S saves now); finalise it when done.",
        )

    def list_column(self, title: str) -> QVBoxLayout:
        """The left column: the title with the 「new」 button beside it, and the list below."""
        top = QHBoxLayout()
        top.addWidget(QLabel(title), 1)
        top.addWidget(self.new_button)
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.row_list, 3)
        return column

    def beside(self, lists: QWidget, editor: QWidget, stretch: tuple[int, int]) -> None:
        """Lay the tab out: the lists on the left, the editor on the right, sharing the width as `stretch` says."""
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(lists)
        splitter.addWidget(editor)
        splitter.setStretchFactor(0, stretch[0])
        splitter.setStretchFactor(1, stretch[1])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(splitter)

    def button_row(self, *buttons: QPushButton) -> QHBoxLayout:
        """The save status, then the editor's buttons."""
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        for button in buttons:
            row.addWidget(button)
        return row

    # ---- editing and autosave ----

    def edited(self) -> None:
        if self._loading or self.case is None or self.final():
            return
        self.status.setText(self.text("編輯中…", "Editing…"))
        self.autosaver.touch()

    def _save_job(self) -> tuple[uuid.UUID, StoreJob] | None:
        if self.case is None:
            return None
        record_id, values = self.editing_id, self.savable_values()
        save = self.draft_job(self.case.id, record_id, values)

        def job(session: Any) -> object:
            save(session)
            return values

        return record_id, job

    def _autosaved(self, record_id: uuid.UUID, values: object) -> None:
        self._saved_since_load = True
        self.rows.replace(self.saved_row(record_id, cast(ValuesT, values)))
        if record_id != self.editing_id:
            return  # the editor has moved on to another record meanwhile
        self.select_editing()
        self.show_state()  # a new record is a draft now: the banner and the buttons say so
        if not self.autosaver.busy(record_id):
            self.status.setText(saved_at_text(self))

    def _autosave_failed(self, record_id: uuid.UUID, error: BaseException) -> None:
        if record_id != self.editing_id:
            report_error(error, self)
            return
        self.autosaver.dirty = True  # saved by the next edit or Ctrl+S: nothing typed is dropped
        if isinstance(error, ProblemsError):
            for problem in error.problems:
                self.show_problem(problem)
            first = error.problems[0]
            self.status.setText(
                self.text(f"未能自動儲存：{first.message_zh}", f"Not saved automatically: {first.message_en}")
            )
        else:
            self.status.setText(self.text("未能自動儲存", "Not saved automatically"))
            report_error(error, self)

    def save_now(self) -> None:
        self.autosaver.flush()

    def hideEvent(self, event: QHideEvent) -> None:
        self.autosaver.flush()  # leaving the tab or closing the window: save what is typed now
        if self._saved_since_load:
            self.changed.emit()  # so that the other tabs (歷程) show the drafts saved here
        super().hideEvent(event)

    def switch_to(self, record: RecordT | None) -> None:
        self.autosaver.flush()
        self.show_record(record)
        self.select_editing()

    def _picked(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row_id = self.rows.rows[current.row()].id
        if row_id == self.editing_id:
            return
        found = self.find_record(row_id)
        if found is None:  # a draft written since the case was loaded: reload, which then shows it
            self.switch_to(None)
            self.editing_id = row_id
            self.changed.emit()
            return
        self.switch_to(found)

    def new_draft(self) -> None:
        self.switch_to(None)
        self.first_field().setFocus(Qt.FocusReason.ShortcutFocusReason)

    def first_field(self) -> QWidget:
        """Where typing a new draft starts."""
        return self.date_edit()

    # ---- explicit actions: each reloads the case when done ----

    def act(
        self,
        job: StoreJob,
        then: Callable[[Any], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        def done(result: object) -> None:
            if then is not None:
                then(result)
            self.changed.emit()

        self.runner.run(job, done, failed or self.action_failed, owner=self)

    def action_failed(self, error: BaseException) -> None:
        if isinstance(error, ProblemsError):
            for problem in error.problems:
                self.show_problem(problem)
            self.status.setText(
                self.text("未完成，請看欄位下方的說明。", "Not done; see the messages below the fields.")
            )
        else:
            report_error(error, self)

    def finalise(self) -> None:
        """定稿: save what is on screen and make it immutable; refused (nothing changed) while something is wrong."""
        if self.case is None or self.final():
            return
        date_edit, values = self.date_edit(), self.values()
        problem = self.date_problem(values)
        if not date_edit.isValid() or problem is not None:
            date_edit.revealProblem()
            if problem is not None:
                self.show_problem(problem)
            date_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.autosaver.forget()  # the job below saves what is on screen
        record_id = self.editing_id
        save, finalise = self.draft_job(self.case.id, record_id, values), self.finalise_job(record_id)

        def job(session: Any) -> None:
            save(session)
            finalise(session)

        def refused(error: BaseException) -> None:
            self.action_failed(error)
            if record_id == self.editing_id:
                self.autosaver.touch()  # the refused job saved nothing: keep the draft as typed
                self.autosaver.flush()

        self.act(job, None, refused)
