"""督導紀錄: the list of supervision records beside an editor (kind, date, attendees, the cases discussed, content,
agreed actions with their follow-up). A draft is saved automatically a few seconds after typing (and with Ctrl+S);
定稿 makes it immutable, as the store enforces, except for the follow-up outcome (done date, note), which is saved
the same way on a draft and on a final record. Records synced from elsewhere show in the list too; those whose
follow-up is overdue are tinted, counted above the list and can be filtered.

Nothing typed is lost: picking another record (or a new one) saves what is typed first; a draft the store would
refuse as typed (a follow-up due before the meeting) keeps the editor on it, with the problem shown, and a date
that is not one keeps its stored value while the rest is saved, and the next record says so. Hiding the page or
closing the window saves what can be saved the same way, and a refused save or 定稿 leaves the draft unsaved, to
be saved by the next edit, Ctrl+S or leaving it.

The form is app.views.supervisor.note_editor, the list note_list, the cases discussed note_cases. 列印… (Ctrl+P)
previews the 督導紀錄表 of the selected records (several with Ctrl or Shift) in one PDF.
"""

from __future__ import annotations

import uuid
from datetime import date
from functools import partial
from typing import Any, Final

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError, Problem
from app.models.enums import SupervisionKind
from app.services import clock
from app.services.supervision import NoteValues, discard_draft_note, finalise_note, keep_draft_note, save_draft_note
from app.services.supervision_list import NoteRow, list_notes, team_members
from app.views.errors import report_error
from app.views.forms import BANNER_STYLE
from app.views.i18n import current_language, translate
from app.views.print_job import PrintRequest
from app.views.print_launch import open_preview
from app.views.runner import StoreRunner
from app.views.settings import AppSettings
from app.views.supervisor.note_editor import NoteEditor, StoreJob, not_saved_text
from app.views.supervisor.note_list import NoteList
from app.views.workspace.drafts import Autosaver

__all__ = ["AUTOSAVE_DELAY_MS", "SupervisionView"]

AUTOSAVE_DELAY_MS: Final = 3000


class SupervisionView(QWidget):
    """督導紀錄: list and editor. `case_opened` asks for a case a record discusses."""

    case_opened = Signal(object)  # uuid.UUID
    refreshed = Signal()
    saved = Signal(object)  # the note id, after a save, 定稿 or follow-up is stored

    preview_opened = Signal(object)  # the PrintPreview of the selected records

    def __init__(self, runner: StoreRunner, settings: AppSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.settings = settings  # the agency printed on the 督導紀錄表; None: the user's stored settings
        self.rows: list[NoteRow] = []
        self.note_id: uuid.UUID | None = None  # shown in the editor; None: nothing
        self.final = False
        self._keeping = False  # the editor leaves its record: save what can be saved (keep_draft_note)
        self._refusal: BaseException | None = None  # a refused 定稿, shown until the draft is edited

        # --- the list, its filters and its tool row (`tools`: where a 列印 button for the selection goes) ---
        self.list = NoteList()
        self.list.changed.connect(self._fill_table)
        self.table = self.list.table
        self.table.itemSelectionChanged.connect(self._selected)
        self.tools = self.list.tools
        self.new_button = self.list.new_button
        self.new_button.clicked.connect(self.new_note)
        self.print_button = QPushButton(translate("列印…", "Print…"))
        self.print_button.setToolTip(
            translate("預覽並列印選取的督導紀錄（Ctrl+P）", "Preview and print the selected records (Ctrl+P)")
        )
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(self.print_selected)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_selected)
        self.tools.insertWidget(self.tools.indexOf(self.new_button), self.print_button)

        # --- the editor ---
        self.editor = NoteEditor(runner)
        self.editor.touched.connect(self._touched)
        self.editor.follow_up_touched.connect(self._follow_up_touched)
        self.editor.cases.case_opened.connect(self.case_opened)
        self.editor.save_button.clicked.connect(self.save)
        self.editor.finalise_button.clicked.connect(lambda: self.finalise(ask=True))
        self.editor.discard_button.clicked.connect(self.discard)
        self.editor.save_follow_up_button.clicked.connect(self.save_follow_up)
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self._save_shortcut)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.placeholder = QLabel(
            translate("選擇左側的紀錄，或按「新增督導紀錄」。", "Pick a record on the left, or make a new one.")
        )
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.placeholder)
        right_layout.addWidget(self.editor, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        title = QLabel(translate("督導紀錄", "Supervision records"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        title.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(splitter, 1)

        self.autosaver = Autosaver(runner, self, self._save_job, AUTOSAVE_DELAY_MS)
        self.autosaver.saved.connect(self._autosaved)
        self.autosaver.failed.connect(partial(self._save_failed, self.autosaver))
        self.follow_ups = Autosaver(runner, self, partial(self._save_job, True), AUTOSAVE_DELAY_MS)
        self.follow_ups.saved.connect(partial(self._autosaved, saver=self.follow_ups))
        self.follow_ups.failed.connect(partial(self._save_failed, self.follow_ups))
        self._show_editor(False)
        self.refresh()

    # --- the list ---------------------------------------------------------------------------------------------

    def today(self) -> date:
        return clock.today()

    def refresh(self) -> None:
        self.runner.run(lambda session: (list_notes(session), team_members(session)), self._loaded, owner=self)

    def _loaded(self, loaded: tuple[list[NoteRow], list[str]]) -> None:
        self.rows, members = loaded
        self.list.rows = self.rows
        self.editor.set_members(members)
        if self.note_id is not None and any(row.id == self.note_id for row in self.rows):
            self.editor.set_follow_up_open(True)  # a new draft, stored now
        self._fill_table()
        self.refreshed.emit()

    def _fill_table(self) -> None:
        self.list.fill(self.note_id, self.today())

    def show_overdue(self) -> None:
        """Only the records whose follow-up is overdue."""
        self.list.show_overdue()

    def _selected(self) -> None:
        self.print_button.setEnabled(bool(self.selected_note_ids()))
        note_id = self.table.current_note_id()
        if note_id not in self.table.selected_note_ids():  # Ctrl+click took the current row out of the selection
            return
        row = self._row(note_id)
        if row is not None and row.id != self.note_id and self._leave():
            self.show_note(row)

    def _row(self, note_id: object) -> NoteRow | None:
        return next((row for row in self.rows if row.id == note_id), None)

    def select(self, note_id: uuid.UUID) -> None:
        self.table.select_note(note_id)

    def selected_note_ids(self) -> list[uuid.UUID]:
        """The records selected in the list (several with Ctrl or Shift), in the list's order."""
        return self.table.selected_note_ids()

    def print_selected(self) -> None:
        """督導紀錄表 of the selected records, one PDF, previewed (app.printing: supervision_record)."""
        note_ids = tuple(self.selected_note_ids())
        if not note_ids:
            return
        for saver in (self.autosaver, self.follow_ups):
            saver.flush()  # what was typed a moment ago prints too (the store worker saves it first)
        request = PrintRequest(
            doc_ids=("supervision_record",), agency=(self.settings or AppSettings()).agency_info(), note_ids=note_ids
        )
        self.print_button.setEnabled(False)
        open_preview(
            self.runner,
            request,
            self,
            progress=translate("正在產生督導紀錄表…", "Making the supervision records…"),
            opened=self.preview_opened.emit,
            finished=lambda: self.print_button.setEnabled(bool(self.selected_note_ids())),
        )

    # --- the editor -------------------------------------------------------------------------------------------

    def _leave(self) -> bool:
        """Before the editor shows another record: save what is typed and say yes, or, when the store would refuse
        it as typed, show why, keep the record selected and say no. A date that is not one keeps its stored value:
        the rest is saved, and the next record says the date was not."""
        if self.note_id is not None:
            row = self._row(self.note_id)
            refused = self.editor.store_problems(
                row.held_on if row is not None else clock.today(),
                draft=self.autosaver.busy(self.note_id) and not self.final,
                follow_up=self.follow_ups.busy(self.note_id) and self.editor.follow_up.isEnabled(),
            )
            if refused is not None:
                self.editor.show_problem(refused)
                if not self.table.select_note(self.note_id):
                    self.table.clear_current()
                return False
        self._keep_typed()
        for saver in (self.autosaver, self.follow_ups):
            saver.forget()
        self._refusal = None
        return True

    def _keep_typed(self) -> None:
        self._keeping = True
        try:
            for saver in (self.autosaver, self.follow_ups):
                saver.flush()
        finally:
            self._keeping = False

    def hideEvent(self, event: QHideEvent) -> None:
        self._keep_typed()  # leaving the page or closing the window: what can be saved of what is typed, now
        super().hideEvent(event)

    def _show_editor(self, shown: bool) -> None:
        self.editor.setVisible(shown)
        self.placeholder.setVisible(not shown)

    def new_note(self) -> None:
        """An empty draft with today's date; stored once something is typed (or saved)."""
        if not self._leave():
            return
        self.note_id = uuid.uuid4()
        self.final = False
        self.table.clear_current()
        self.editor.load(NoteValues(SupervisionKind.INDIVIDUAL, clock.today()), (), final=False)
        self._show_editor(True)
        self.editor.set_status(
            translate("新的督導紀錄（草稿，輸入後自動儲存）", "New record (a draft, saved as you type)"), BANNER_STYLE
        )
        self.editor.content.setFocus()

    def show_note(self, row: NoteRow) -> None:
        self.note_id = row.id
        self.final = row.final
        self.editor.load(
            row.values,
            row.cases,
            final=row.final,
            done_on=row.follow_up_done_on,
            follow_up_note=row.follow_up_note,
            stored=True,
        )
        self._show_editor(True)
        self.editor.show_record_state(row)

    def values(self) -> NoteValues:
        return self.editor.values()

    def _touched(self) -> None:
        if not self.final and self.note_id is not None:
            self._refusal = None
            self.autosaver.touch()

    def _follow_up_touched(self) -> None:
        if self.note_id is not None:
            self.follow_ups.touch()

    # --- saving -----------------------------------------------------------------------------------------------

    def _save_job(self, follow_up: bool = False) -> tuple[uuid.UUID, StoreJob] | None:
        """The save of the draft (`follow_up`: of its 追蹤結果) for its autosaver; as the editor leaves, what can be."""
        note_id = self.note_id
        if note_id is None or not (self.editor.follow_up.isEnabled() if follow_up else not self.final):
            return None
        job = self.editor.save_job(note_id, follow_up=follow_up, leaving=self._keeping)
        return None if job is None else (note_id, job)

    def save(self) -> None:
        if self.note_id is None or self.final:
            return
        self.autosaver.touch()
        self.autosaver.flush()

    def save_follow_up(self) -> None:
        """儲存追蹤結果 now (it is saved a few seconds after typing too)."""
        if self.note_id is None:
            return
        self.follow_ups.touch()
        self.follow_ups.flush()

    def _save_shortcut(self) -> None:
        self.follow_ups.flush()
        self.save()

    def _autosaved(self, note_id: object, result: object, *, saver: Autosaver | None = None) -> None:
        """A save is back; as the editor left the record, `result` lists the fields it left as stored."""
        follow_up = saver is self.follow_ups
        kept: list[Problem] = result if isinstance(result, list) else []
        if kept and note_id == self.note_id:  # the window was hidden: still to be saved, as typed
            (saver or self.autosaver).dirty = True
            self.editor.show_problem(not_saved_text(kept))
        elif kept:
            row = self._row(note_id)
            self.editor.show_notice(not_saved_text(kept, row.held_on if row is not None else clock.today()))
        elif note_id == self.note_id:
            self.editor.show_saved(follow_up=follow_up)
            if self._refusal is not None and not follow_up:
                self._show_problem(self._refusal)
        self.saved.emit(note_id)
        self.refresh()

    def _save_failed(self, saver: Autosaver, note_id: object, error: BaseException) -> None:
        if note_id == self.note_id:
            saver.dirty = True  # saved by the next edit, Ctrl+S or leaving the record: nothing typed is dropped
            self._show_problem(error)
        elif isinstance(error, AppError):  # the record left was deleted or finalised elsewhere meanwhile
            self.editor.show_notice(
                translate("上一筆督導紀錄未能儲存：", "The record you left could not be saved: ")
                + error.message(current_language())
            )
        else:
            report_error(error, self)

    def _show_problem(self, error: BaseException) -> None:
        if isinstance(error, AppError):
            self.editor.show_problem(error)
        else:
            report_error(error, self)

    def finalise(self, *, ask: bool = True) -> None:
        """定稿 the record on screen (after saving what is typed); `ask` confirms first."""
        if self.note_id is None or self.final:
            return
        refused = self.editor.typed_problems()
        if refused is not None:
            self.editor.show_problem(refused)
            return
        if ask and not self.editor.confirm_finalise():
            return
        note_id, values = self.note_id, self.values()
        self.autosaver.forget()  # the job below saves what is on screen
        self.follow_ups.flush()

        def job(session: Any) -> uuid.UUID:
            save_draft_note(session, note_id, values)
            finalise_note(session, note_id)
            return note_id

        def not_done(error: BaseException) -> None:  # nothing was saved: keep the draft as typed
            if note_id == self.note_id:
                self._refusal = error
                self._show_problem(error)
                self.autosaver.touch()
                self.autosaver.flush()
            elif not self.autosaver.pending(note_id):  # moved on meanwhile, and not typed on since: save it as left
                done, failed = partial(self._autosaved, note_id), partial(self._save_failed, self.autosaver, note_id)
                self.runner.run(lambda session: keep_draft_note(session, note_id, values), done, failed, owner=self)

        self.runner.run(job, self._finalised, not_done, owner=self)

    def _finalised(self, note_id: uuid.UUID) -> None:
        self.final = True
        self.saved.emit(note_id)
        self.runner.run(lambda session: (list_notes(session), team_members(session)), self._after_final, owner=self)

    def _after_final(self, loaded: tuple[list[NoteRow], list[str]]) -> None:
        self._loaded(loaded)
        row = self._row(self.note_id)
        if row is not None:
            typed = self.editor.typed_follow_up() if self.follow_ups.dirty else None
            self.show_note(row)
            if typed is not None:  # not saved yet (a done date that is not one): kept on screen to be fixed
                self.editor.restore_follow_up(*typed)

    def discard(self) -> None:
        if self.note_id is None or self.final:
            return
        note_id = self.note_id
        known = any(row.id == note_id for row in self.rows)
        self.autosaver.forget()
        self.follow_ups.forget()
        self.note_id = None
        self.table.clear_current()
        self._show_editor(False)
        if known or self.autosaver.pending(note_id):
            self.runner.run(lambda session: discard_draft_note(session, note_id), lambda _: self.refresh(), owner=self)
