"""督導紀錄: the list of supervision records beside an editor (kind, date, attendees, the cases discussed, content,
agreed actions with their follow-up). A draft is saved automatically a few seconds after typing (and with Ctrl+S);
定稿 makes it immutable, as the store enforces, except for the follow-up outcome (done date, note), which is saved
the same way on a draft and on a final record. Records synced from elsewhere show in the list too; those whose
follow-up is overdue are tinted, counted above the list and can be filtered.

The form is app.views.supervisor.note_editor, the list note_list, the cases discussed note_cases. 列印… (Ctrl+P)
previews the 督導紀錄表 of the selected records (several with Ctrl or Shift) in one PDF.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any, Final

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.models.enums import SupervisionKind
from app.services import clock
from app.services.supervision import (
    NoteRow,
    NoteValues,
    discard_draft_note,
    finalise_note,
    list_notes,
    record_follow_up,
    save_draft_note,
    team_members,
)
from app.views.errors import report_error
from app.views.forms import BANNER_STYLE, SUCCESS_STYLE
from app.views.i18n import translate
from app.views.print_job import PrintRequest
from app.views.print_launch import open_preview
from app.views.runner import StoreRunner
from app.views.settings import AppSettings
from app.views.supervisor.note_editor import NoteEditor
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
        self.autosaver.failed.connect(self._save_failed)
        self.follow_ups = Autosaver(runner, self, self._follow_up_job, AUTOSAVE_DELAY_MS)
        self.follow_ups.saved.connect(self._follow_up_saved)
        self.follow_ups.failed.connect(self._save_failed)
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
        row = next((r for r in self.rows if r.id == note_id), None)
        if row is not None and row.id != self.note_id:
            self._leave()
            self.show_note(row)

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

    def _leave(self) -> None:
        """Before the editor shows another record: save what is typed (a date that is not one is dropped)."""
        for saver in (self.autosaver, self.follow_ups):
            saver.flush()
            saver.forget()

    def _show_editor(self, shown: bool) -> None:
        self.editor.setVisible(shown)
        self.placeholder.setVisible(not shown)

    def new_note(self) -> None:
        """An empty draft with today's date; stored once something is typed (or saved)."""
        self._leave()
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
        if row.final:
            self.editor.set_status(
                translate(
                    f"已定稿（{row.supervisor}），內容不可修改；仍可記錄追蹤結果。",
                    f"Finalised ({row.supervisor}); only the follow-up outcome can still be recorded.",
                ),
                SUCCESS_STYLE,
            )
        else:
            self.editor.set_status(translate(f"草稿（{row.supervisor}）", f"Draft ({row.supervisor})"), BANNER_STYLE)

    def values(self) -> NoteValues:
        return self.editor.values()

    def _touched(self) -> None:
        if not self.final and self.note_id is not None:
            self.autosaver.touch()

    def _follow_up_touched(self) -> None:
        if self.note_id is not None:
            self.follow_ups.touch()

    # --- saving -----------------------------------------------------------------------------------------------

    def _save_job(self) -> tuple[uuid.UUID, Any] | None:
        if self.note_id is None or self.final:
            return None
        refused = self.editor.typed_problems()
        if refused is not None:  # a date that is not one: nothing is saved until it is fixed
            self.editor.show_problem(refused)
            return None
        note_id, values = self.note_id, self.values()
        return note_id, lambda session: save_draft_note(session, note_id, values)

    def _follow_up_job(self) -> tuple[uuid.UUID, Any] | None:
        if self.note_id is None or not self.editor.follow_up.isEnabled():
            return None
        refused = self.editor.typed_problems(follow_up=True)
        if refused is not None:
            self.editor.show_problem(refused)
            return None
        note_id, (done_on, text) = self.note_id, self.editor.follow_up_values()
        return note_id, lambda session: record_follow_up(session, note_id, done_on, text)

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

    def _autosaved(self, note_id: object, _result: object) -> None:
        if note_id == self.note_id:
            now = clock.now().strftime("%H:%M:%S")
            self.editor.set_status(translate(f"草稿已儲存（{now}）", f"Draft saved ({now})"), BANNER_STYLE)
            self.editor.clear_problem()
        self.saved.emit(note_id)
        self.refresh()

    def _follow_up_saved(self, note_id: object, _result: object) -> None:
        if note_id == self.note_id:
            now = clock.now().strftime("%H:%M:%S")
            self.editor.set_status(
                translate(f"追蹤結果已儲存（{now}）", f"Follow-up saved ({now})"),
                SUCCESS_STYLE if self.final else BANNER_STYLE,
            )
            self.editor.clear_problem()
        self.saved.emit(note_id)
        self.refresh()

    def _save_failed(self, note_id: object, error: BaseException) -> None:
        self._show_problem(error)

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
        if ask:
            answer = QMessageBox.question(
                self,
                translate("定稿", "Finalise"),
                translate(
                    "定稿後這筆督導紀錄不可再修改（追蹤結果除外）。確定定稿？",
                    "A finalised record cannot be changed any more (but for its follow-up outcome). Finalise it?",
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        note_id, values = self.note_id, self.values()
        self.autosaver.forget()
        self.follow_ups.flush()

        def job(session: Any) -> uuid.UUID:
            save_draft_note(session, note_id, values)
            finalise_note(session, note_id)
            return note_id

        self.runner.run(job, self._finalised, self._show_problem, owner=self)

    def _finalised(self, note_id: uuid.UUID) -> None:
        self.final = True
        self.saved.emit(note_id)
        self.runner.run(lambda session: (list_notes(session), team_members(session)), self._after_final, owner=self)

    def _after_final(self, loaded: tuple[list[NoteRow], list[str]]) -> None:
        self._loaded(loaded)
        row = next((r for r in self.rows if r.id == self.note_id), None)
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
