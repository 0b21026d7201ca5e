"""晤談紀錄: the case's interview, service and follow-up records, the draft editor, and the log of contact attempts.

Nothing typed is lost: a draft is saved through the runner a few seconds after the last keystroke (and at the latest
every few keystroke-filled seconds more), when another record is picked, and when the tab is hidden, so a killed
process loses at most those seconds. 定稿 makes a record immutable; a mistake in it is fixed by a correction, a new
draft pointing at it. Autosaves do not reload the workspace (that would redraw the editor under the typing hand);
finalising, correcting and the other explicit actions do.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    Qt,
    QTime,
)
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import ProblemsError
from app.models import Case, ContactAttempt, ServiceRecord
from app.models.enums import ContactMode, ContactOutcome, RecordKind, RecordStatus
from app.services import clock
from app.services.case_edits import (
    ContactAttemptValues,
    RecordValues,
    add_contact_attempt,
    add_correction,
    discard_draft_record,
    enum_label,
    finalise_record,
    mark_registered,
    record_problems,
    save_draft_record,
)
from app.services.timeline import snippet
from app.views.errors import report_error
from app.views.runner import StoreRunner
from app.views.widgets import FieldMessage, RocDateEdit
from app.views.workspace.base import CaseTab
from app.views.workspace.drafts import AUTOSAVE_DELAY_MS, Autosaver, Row, RowsModel, roc, saved_at_text, table
from app.views.workspace.profile_tab import language_of, select_code


class RecordsTab(CaseTab):
    title_zh = "晤談紀錄"
    title_en = "Records"
    target_kinds = ("service",)

    autosave_delay_ms = AUTOSAVE_DELAY_MS  # a test sets a shorter delay on the class or the instance's autosaver

    def __init__(self, runner: StoreRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        language = language_of(self.english)
        # The record in the editor: a new draft gets its id now, so every autosave of it updates the same row.
        self.record_id = uuid.uuid4()
        self._record: ServiceRecord | None = None  # the record as last loaded; None for a new draft
        self._saved_since_load = False
        self._loading = False
        self.autosaver = Autosaver(runner, self, self._save_job, self.autosave_delay_ms)
        self.autosaver.saved.connect(self._autosaved)
        self.autosaver.failed.connect(self._autosave_failed)

        record_headers = (
            ("日期", "Date"),
            ("類別", "Kind"),
            ("方式", "Mode"),
            ("地點", "Place"),
            ("時長", "Length"),
            ("狀態", "Status"),
            ("內容", "Notes"),
        )
        self.records = RowsModel([self.text(zh, en) for zh, en in record_headers], self)
        self.record_list = table(self.records, self.text("紀錄清單", "Records"), 6)
        self.record_list.selectionModel().currentRowChanged.connect(self._record_picked)
        self.attempts = RowsModel(
            [
                self.text(h[0], h[1])
                for h in (("時間", "When"), ("方式", "Channel"), ("結果", "Outcome"), ("說明", "Note"))
            ],
            self,
        )
        self.attempt_list = table(self.attempts, self.text("聯繫紀錄", "Contact attempts"), 3)

        self.kind = QComboBox()
        self.mode = QComboBox()
        for combo, values in ((self.kind, RecordKind), (self.mode, ContactMode)):
            for value in values:
                combo.addItem(enum_label(value, language), value)
        self.held_on = RocDateEdit(label=self.text("日期", "Date"), required=True, language=language)
        self.place = QLineEdit()
        self.duration = QSpinBox()
        self.duration.setRange(0, 12 * 60)
        self.duration.setSingleStep(5)
        self.duration.setSuffix(self.text(" 分鐘", " min"))
        self.duration.setSpecialValueText(self.text("未填", "not given"))
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(
            self.text("晤談內容、個案狀況、下一步…", "What was discussed, how the client is, next steps…")
        )
        self.notes_message = FieldMessage()
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.status = QLabel()
        self.status.setAccessibleName(self.text("儲存狀態", "Save status"))
        self.new_button = QPushButton(self.text("新增紀錄（Ctrl+N）", "New record (Ctrl+N)"))
        self.finalise_button = QPushButton(self.text("定稿", "Finalise"))
        self.discard_button = QPushButton(self.text("刪除草稿", "Discard draft"))
        self.correct_button = QPushButton(self.text("新增更正紀錄", "Add a correction"))
        self.registered_on = RocDateEdit(
            label=self.text("已登錄系統日期", "Entered into the system on"), language=language
        )
        self.register_button = QPushButton(self.text("儲存登錄日", "Save entry date"))
        self.attempt_button = QPushButton(self.text("新增聯繫紀錄", "Log a contact attempt"))
        self._build_layout()
        self._connect()

    # ---- layout ----

    def _build_layout(self) -> None:
        editor = QWidget()
        # A finalised record is shown with its fields disabled; they must stay as readable as the notes.
        editor.setStyleSheet(
            "QComboBox:disabled, QLineEdit:disabled, QSpinBox:disabled { color: #262626; background: #f4f4f4; }"
        )
        form = QFormLayout()
        for text, widget in (
            (self.text("類別", "Kind"), self.kind),
            (self.text("方式", "Mode"), self.mode),
            (self.text("日期", "Date"), self.held_on),
            (self.text("地點", "Place"), self.place),
            (self.text("服務時長", "Duration"), self.duration),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            widget.setAccessibleName(text)
            form.addRow(label, widget)
        self.notes.setAccessibleName(self.text("紀錄內容", "Notes"))
        self.registration = QWidget()
        register = QHBoxLayout(self.registration)
        register.setContentsMargins(0, 0, 0, 0)
        register.addWidget(QLabel(self.text("已登錄職重系統：", "Entered into the national system:")))
        register.addWidget(self.registered_on, 1)
        register.addWidget(self.register_button, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for button in (self.discard_button, self.correct_button, self.finalise_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(editor)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.text("紀錄內容", "Notes")))
        layout.addWidget(self.notes, 1)
        layout.addWidget(self.notes_message)
        layout.addWidget(self.registration)
        layout.addLayout(buttons)

        lists = QWidget()
        left = QVBoxLayout(lists)
        left.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.text("<b>服務紀錄</b>", "<b>Records</b>")), 1)
        top.addWidget(self.new_button)
        left.addLayout(top)
        left.addWidget(self.record_list, 3)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.text("<b>聯繫紀錄</b>", "<b>Contact attempts</b>")), 1)
        bottom.addWidget(self.attempt_button)
        left.addLayout(bottom)
        left.addWidget(self.attempt_list, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("records-splitter")
        splitter.addWidget(lists)
        splitter.addWidget(editor)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 4, 0, 0)
        outer.addWidget(splitter)

    def _connect(self) -> None:
        for combo in (self.kind, self.mode):
            combo.activated.connect(self._edited)
        self.held_on.lineEdit().textEdited.connect(self._edited)
        self.held_on.dateChanged.connect(self._date_changed)
        self.place.textEdited.connect(self._edited)
        self.duration.valueChanged.connect(self._edited)
        self.notes.textChanged.connect(self._edited)
        self.new_button.clicked.connect(self.new_record)
        self.finalise_button.clicked.connect(self.finalise)
        self.discard_button.clicked.connect(self.discard)
        self.correct_button.clicked.connect(self.add_correction)
        self.register_button.clicked.connect(self.save_registration)
        self.attempt_button.clicked.connect(self.log_attempt)
        for keys, slot in (
            (QKeySequence.StandardKey.New, self.new_record),
            (QKeySequence.StandardKey.Save, self.save_now),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # ---- showing ----

    def show_case(self, case: Case) -> None:
        super().show_case(case)
        self._saved_since_load = False
        self.records.set_rows(
            [self._row(r) for r in sorted(case.records, key=self._order, reverse=True) if not r.deleted]
        )
        self.attempts.set_rows(
            [self._attempt_row(a) for a in sorted(case.contact_attempts, key=lambda a: a.attempted_at, reverse=True)]
        )
        current = self._find(self.record_id)
        unchanged = current is not None and RecordValues.of(current) == self._values()
        busy = self.autosaver.busy(self.record_id)
        if current is not None and current.status == RecordStatus.DRAFT and (busy or unchanged):
            self._record = current  # the editor holds the same or newer text: keep it, and the cursor
            self._show_state()
        elif current is not None:
            self._show_record(current)
        elif self._record is None and busy:
            pass  # a new draft being typed or on its way to the store
        else:
            drafts = [r for r in case.records if r.status == RecordStatus.DRAFT and not r.deleted]
            self._show_record(max(drafts, key=self._order, default=None))
        self._select(self.record_id)

    @staticmethod
    def _order(record: ServiceRecord) -> tuple[date, datetime]:
        return record.held_on, record.updated_at

    def _find(self, record_id: uuid.UUID | None) -> ServiceRecord | None:
        if self.case is None or record_id is None:
            return None
        return next((r for r in self.case.records if r.id == record_id and not r.deleted), None)

    def _corrections(self, record: ServiceRecord) -> list[ServiceRecord]:
        if self.case is None:
            return []
        return [r for r in self.case.records if r.corrects_id == record.id and not r.deleted]

    def _row(
        self, record: ServiceRecord | None, values: RecordValues | None = None, row_id: uuid.UUID | None = None
    ) -> Row:
        """A record's line, from the record as loaded or from the values just saved (a new draft has no record)."""
        language = language_of(self.english)
        if values is None:
            assert record is not None
            values = RecordValues.of(record)
        held_on = values.held_on or (record.held_on if record is not None else clock.today())
        draft = record is None or record.status == RecordStatus.DRAFT
        status = enum_label(RecordStatus.DRAFT if draft else RecordStatus.FINAL, language)
        if record is not None and record.registered_on is not None:
            status = self.text("已登錄", "Entered")
        if record is not None and record.corrects_id is not None:
            status += self.text("（更正）", " (correction)")
        if record is not None and self._corrections(record):
            status += self.text("（已更正）", " (corrected)")
        minutes = self.text(f"{values.duration_minutes} 分", f"{values.duration_minutes} min")
        cells = (
            roc(held_on),
            enum_label(values.kind, language),
            enum_label(values.mode, language),
            values.place,
            minutes if values.duration_minutes else "",
            status,
            snippet(values.notes, 60),
        )
        return Row(cells, row_id or (record.id if record is not None else uuid.uuid4()), draft)

    def _attempt_row(self, attempt: ContactAttempt) -> Row:
        language = language_of(self.english)
        when = attempt.attempted_at.astimezone(clock.LOCAL_TZ)
        return Row(
            (
                f"{roc(when.date())} {when:%H:%M}",
                enum_label(attempt.channel, language),
                enum_label(attempt.outcome, language),
                snippet(attempt.note, 60),
            ),
            attempt.id,
        )

    def _select(self, record_id: uuid.UUID | None) -> None:
        position = self.records.position(record_id)
        selection = self.record_list.selectionModel()
        selection.blockSignals(True)
        if position < 0:
            self.record_list.clearSelection()
        else:
            self.record_list.selectRow(position)
        selection.blockSignals(False)

    def _show_record(self, record: ServiceRecord | None) -> None:
        """Put `record` (None: a blank new draft) into the editor, read-only when it is final."""
        self.autosaver.forget()
        self._record = record
        self.record_id = record.id if record is not None else uuid.uuid4()
        values = RecordValues.of(record) if record is not None else None
        self._loading = True
        try:
            select_code(self.kind, values.kind if values else RecordKind.INTERVIEW)
            select_code(self.mode, values.mode if values else ContactMode.IN_PERSON)
            self.held_on.setDate(values.held_on if values else clock.today())
            self.place.setText(values.place if values else "")
            self.duration.setValue(values.duration_minutes if values else 0)
            self.notes.setPlainText(values.notes if values else "")
            self.registered_on.setDate(record.registered_on if record is not None else None)
        finally:
            self._loading = False
        self.notes_message.clear()
        self._show_state()

    def _stored(self) -> bool:
        """The editor's record is in the store, or on its way there."""
        return (
            self._record is not None
            or self.records.position(self.record_id) >= 0
            or self.autosaver.pending(self.record_id) > 0
        )

    def _show_state(self) -> None:
        record = self._record
        final = record is not None and record.status == RecordStatus.FINAL
        for widget in (self.kind, self.mode, self.duration, self.held_on, self.place):
            widget.setEnabled(not final)
        self.notes.setReadOnly(final)
        self.finalise_button.setVisible(not final)
        self.discard_button.setVisible(not final and self._stored())
        self.correct_button.setVisible(final)
        self.registration.setVisible(final)
        lines: list[str] = []
        if record is None and not self._stored():
            lines.append(
                self.text("新紀錄：開始輸入後會自動存成草稿。", "New record: it is saved as a draft as you type.")
            )
        elif final and record is not None:
            when = record.finalised_at.astimezone(clock.LOCAL_TZ) if record.finalised_at else None
            stamp = f"{roc(when.date())} {when:%H:%M}" if when else ""
            lines.append(
                self.text(
                    f"已定稿（{stamp}），不可修改；如有錯誤，請按「新增更正紀錄」。",
                    f"Finalised ({stamp}); it cannot be changed. To fix a mistake, add a correction.",
                )
            )
        else:
            lines.append(
                self.text(
                    "草稿：每隔幾秒自動儲存，完成後請按「定稿」。",
                    "Draft: saved every few seconds; finalise it when done.",
                )
            )
        if record is not None and record.corrects_id is not None:
            corrected = self._find(record.corrects_id)
            day = roc(corrected.held_on) if corrected is not None else "?"
            lines.append(self.text(f"這筆紀錄更正 {day} 的紀錄。", f"This record corrects the record of {day}."))
        if record is not None:
            later = self._corrections(record)
            if later:
                days = "、".join(roc(r.held_on) for r in later)
                lines.append(self.text(f"此紀錄已有更正紀錄（{days}）。", f"This record has been corrected ({days})."))
        self.banner.setText("\n".join(lines))
        if not self.autosaver.dirty:
            self.status.setText("")

    def focus_target(self, target_kind: str, target_id: uuid.UUID | None) -> None:
        if target_id is None:
            return
        record = self._find(target_id)
        if record is not None:
            self._switch_to(record)
            self.record_list.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        position = self.attempts.position(target_id)
        if position >= 0:
            self.attempt_list.selectRow(position)
            self.attempt_list.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- editing and autosave ----

    def _edited(self) -> None:
        if (
            self._loading
            or self.case is None
            or (self._record is not None and self._record.status == RecordStatus.FINAL)
        ):
            return
        self.status.setText(self.text("編輯中…", "Editing…"))
        self.autosaver.touch()

    def _date_changed(self, _day: object) -> None:
        problems = record_problems(self._values()) if self.held_on.date() is not None else []
        message = next((p for p in problems if p.field == "held_on"), None)
        if message is not None:
            self.held_on.messageLabel().showError(message.message_en if self.english else message.message_zh)

    def _values(self) -> RecordValues:
        return RecordValues(
            kind=RecordKind(self.kind.currentData()),
            mode=ContactMode(self.mode.currentData()),
            held_on=self.held_on.date(),
            place=self.place.text(),
            duration_minutes=self.duration.value(),
            notes=self.notes.toPlainText(),
        )

    def _savable_values(self) -> RecordValues:
        """What can be saved of the editor now: a date that is unreadable or in the future is left out (the stored
        one is kept, and the field says what is wrong), so the notes are saved anyway."""
        values = self._values()
        if any(p.field == "held_on" for p in record_problems(values)):
            values = RecordValues(values.kind, values.mode, None, values.place, values.duration_minutes, values.notes)
        return values

    def _save_job(self) -> tuple[uuid.UUID, Callable[[Any], Any]] | None:
        if self.case is None:
            return None
        case_id, record_id, values = self.case.id, self.record_id, self._savable_values()
        return record_id, lambda session: (save_draft_record(session, case_id, record_id, values), values)

    def _autosaved(self, record_id: uuid.UUID, result: object) -> None:
        assert isinstance(result, tuple)
        _, values = result
        self._saved_since_load = True
        self.records.replace(self._row(self._find(record_id), values, record_id))
        if record_id != self.record_id:
            return  # the editor has moved on to another record meanwhile
        self._select(record_id)
        self._show_state()  # a new record is a draft now: the banner and the buttons say so
        if not self.autosaver.busy(record_id):
            self.status.setText(saved_at_text(self))

    def _autosave_failed(self, record_id: uuid.UUID, error: BaseException) -> None:
        if record_id != self.record_id:
            report_error(error, self)
            return
        self.autosaver.dirty = True  # saved by the next edit or Ctrl+S: nothing typed is dropped
        if isinstance(error, ProblemsError):
            problem = error.problems[0]
            self.status.setText(
                self.text(f"未能自動儲存：{problem.message_zh}", f"Not saved automatically: {problem.message_en}")
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

    def _switch_to(self, record: ServiceRecord | None) -> None:
        self.autosaver.flush()
        self._show_record(record)
        self._select(self.record_id)

    def _record_picked(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row_id = self.records.rows[current.row()].id
        if row_id == self.record_id:
            return
        record = self._find(row_id)
        if record is None:  # a draft written since the case was loaded: reload, which then shows it
            self._switch_to(None)
            self.record_id = row_id
            self.changed.emit()
            return
        self._switch_to(record)

    def new_record(self) -> None:
        self._switch_to(None)
        self.notes.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _act(
        self,
        job: Callable[[Any], Any],
        then: Callable[[Any], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        def done(result: object) -> None:
            if then is not None:
                then(result)
            self.changed.emit()

        self.runner.run(job, done, failed or self._action_failed, owner=self)

    def _action_failed(self, error: BaseException) -> None:
        if isinstance(error, ProblemsError):
            for problem in error.problems:
                message = problem.message_en if self.english else problem.message_zh
                if problem.field == "notes":
                    self.notes_message.showError(message)
                elif problem.field == "held_on":
                    self.held_on.messageLabel().showError(message)
                elif problem.field == "registered_on":
                    self.registered_on.messageLabel().showError(message)
            self.status.setText(
                self.text("未完成，請看欄位下方的說明。", "Not done; see the messages below the fields.")
            )
        else:
            report_error(error, self)

    def finalise(self) -> None:
        if self.case is None:
            return
        if not self.held_on.isValid() or any(p.field == "held_on" for p in record_problems(self._values())):
            self.held_on.revealProblem()
            self._date_changed(None)
            self.held_on.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.autosaver.forget()  # the job below saves what is on screen
        case_id, record_id, values = self.case.id, self.record_id, self._values()

        def job(session: Any) -> None:
            save_draft_record(session, case_id, record_id, values)
            finalise_record(session, record_id)

        def refused(error: BaseException) -> None:
            self._action_failed(error)
            if record_id == self.record_id:
                self.autosaver.touch()  # the refused job saved nothing: keep the draft as typed
                self.autosaver.flush()

        self._act(job, None, refused)

    def discard(self) -> None:
        record_id, stored = self.record_id, self._stored()
        self._show_record(None)
        if stored:
            self._act(lambda session: discard_draft_record(session, record_id))

    def add_correction(self) -> None:
        record_id = self.record_id

        def opened(correction: object) -> None:
            assert isinstance(correction, uuid.UUID)
            self._show_record(None)
            self.record_id = correction  # shown by the reload that follows

        self._act(lambda session: add_correction(session, record_id), opened)

    def save_registration(self) -> None:
        record_id = self.record_id
        if not self.registered_on.isValid():
            self.registered_on.revealProblem()
            return
        on = self.registered_on.date()
        self._act(lambda session: mark_registered(session, record_id, on))

    def log_attempt(self) -> None:
        if self.case is None:
            return
        dialog = ContactAttemptDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        case_id, values = self.case.id, dialog.values()
        self._act(lambda session: add_contact_attempt(session, case_id, values))


class ContactAttemptDialog(QDialog):
    """新增聯繫紀錄: when, how, and what came of it."""

    def __init__(self, tab: CaseTab) -> None:
        super().__init__(tab)
        self.setWindowTitle(tab.text("新增聯繫紀錄", "Log a contact attempt"))
        language = language_of(tab.english)
        now = clock.now()
        self.day = RocDateEdit(label=tab.text("日期", "Date"), required=True, language=language)
        self.day.setDate(now.date())
        self.time = QTimeEdit(QTime(now.hour, now.minute))
        self.time.setDisplayFormat("HH:mm")
        self.channel = QComboBox()
        for mode in ContactMode:
            self.channel.addItem(enum_label(mode, language), mode)
        select_code(self.channel, ContactMode.PHONE)
        self.outcome = QComboBox()
        for outcome in ContactOutcome:
            self.outcome.addItem(enum_label(outcome, language), outcome)
        self.note = QLineEdit()
        self.message = FieldMessage()
        form = QFormLayout(self)
        for text, widget in (
            (tab.text("日期", "Date"), self.day),
            (tab.text("時間", "Time"), self.time),
            (tab.text("方式", "Channel"), self.channel),
            (tab.text("結果", "Outcome"), self.outcome),
            (tab.text("說明", "Note"), self.note),
        ):
            widget.setAccessibleName(text)
            form.addRow(text, widget)
        form.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.tab = tab

    def when(self) -> datetime | None:
        day = self.day.date()
        if day is None:
            return None
        time = self.time.time()
        return datetime(day.year, day.month, day.day, time.hour(), time.minute(), tzinfo=clock.LOCAL_TZ)

    def _accept(self) -> None:
        when = self.when()
        if when is None:
            self.day.revealProblem()
            self.day.setFocus()
            return
        if when > clock.now():
            self.message.showError(self.tab.text("聯繫時間不能晚於現在。", "The attempt cannot be later than now."))
            return
        self.accept()

    def values(self) -> ContactAttemptValues:
        when = self.when()
        assert when is not None
        return ContactAttemptValues(
            when, ContactMode(self.channel.currentData()), ContactOutcome(self.outcome.currentData()), self.note.text()
        )
