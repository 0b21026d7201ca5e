"""晤談紀錄: the case's interview, service and follow-up records, the draft editor, and the log of contact attempts.

Drafts are kept safe as draft_tab describes. 定稿 makes a record immutable; a mistake in it is fixed by a
correction, a new draft pointing at it. A finalised record also records the day it was entered into the national
system (已登錄職重系統).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import Problem
from app.models import Case, ServiceRecord
from app.models.enums import ContactMode, RecordKind, RecordStatus
from app.services import clock
from app.services.case_edits import (
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
from app.views.i18n import translate
from app.views.runner import StoreRunner
from app.views.widgets import FieldMessage, RocDateEdit
from app.views.workspace.contact_attempts import ATTEMPT_HEADERS, ContactAttemptDialog, attempt_row
from app.views.workspace.draft_tab import DraftListTab, StoreJob
from app.views.workspace.drafts import Row, RowsModel, roc, table
from app.views.workspace.form_fields import labelled_form, language_of, select_code, show_message

RECORD_HEADERS = (
    ("日期", "Date"),
    ("類別", "Kind"),
    ("方式", "Mode"),
    ("地點", "Place"),
    ("時長", "Length"),
    ("狀態", "Status"),
    ("內容", "Notes"),
)


class RecordsTab(DraftListTab[ServiceRecord, RecordValues]):
    title_zh = "晤談紀錄"
    title_en = "Records"
    target_kinds = ("service",)

    def __init__(self, runner: StoreRunner, parent: QWidget | None = None) -> None:
        super().__init__(
            runner, RECORD_HEADERS, translate("紀錄清單", "Records"), 6, translate("新增紀錄", "New record"), parent
        )
        language = language_of(self.english)
        self.attempts = RowsModel([self.text(zh, en) for zh, en in ATTEMPT_HEADERS], self)
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
        self.discard_button = QPushButton(self.text("刪除草稿", "Discard draft"))
        self.correct_button = QPushButton(self.text("新增更正紀錄", "Add a correction"))
        self.registered_on = RocDateEdit(
            label=self.text("已登錄系統日期", "Entered into the system on"), language=language
        )
        self.register_button = QPushButton(self.text("儲存登錄日", "Save entry date"))
        self.attempt_button = QPushButton(self.text("新增聯繫紀錄", "Log a contact attempt"))
        self._build_layout()
        self._connect()
        self.add_key_action("Ctrl+N", self.new_draft)  # as before Ctrl+Shift+N, which the other tabs share

    @property
    def record_id(self) -> uuid.UUID:
        """The id of the record in the editor (a new draft's is chosen before its first save)."""
        return self.editing_id

    @property
    def records(self) -> RowsModel:
        return self.rows

    # ---- layout ----

    def _build_layout(self) -> None:
        editor = QWidget()
        # A finalised record is shown with its fields disabled; they must stay as readable as the notes.
        editor.setStyleSheet(
            "QComboBox:disabled, QLineEdit:disabled, QSpinBox:disabled { color: #262626; background: #f4f4f4; }"
        )
        form = labelled_form(
            (
                (self.text("類別", "Kind"), self.kind),
                (self.text("方式", "Mode"), self.mode),
                (self.text("日期", "Date"), self.held_on),
                (self.text("地點", "Place"), self.place),
                (self.text("服務時長", "Duration"), self.duration),
            ),
        )
        self.notes.setAccessibleName(self.text("紀錄內容", "Notes"))
        self.registration = QWidget()
        register = QHBoxLayout(self.registration)
        register.setContentsMargins(0, 0, 0, 0)
        register.addWidget(QLabel(self.text("已登錄職重系統：", "Entered into the national system:")))
        register.addWidget(self.registered_on, 1)
        register.addWidget(self.register_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(editor)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.text("紀錄內容", "Notes")))
        layout.addWidget(self.notes, 1)
        layout.addWidget(self.notes_message)
        layout.addWidget(self.registration)
        layout.addLayout(self.button_row(self.discard_button, self.correct_button, self.finalise_button))

        lists = QWidget()
        left = self.list_column(self.text("<b>服務紀錄</b>", "<b>Records</b>"))
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.text("<b>聯繫紀錄</b>", "<b>Contact attempts</b>")), 1)
        bottom.addWidget(self.attempt_button)
        left.addLayout(bottom)
        left.addWidget(self.attempt_list, 1)
        lists.setLayout(left)
        self.beside(lists, editor, (3, 2))

    def _connect(self) -> None:
        for combo in (self.kind, self.mode):
            combo.activated.connect(self.edited)
        self.held_on.lineEdit().textEdited.connect(self.edited)
        self.held_on.dateChanged.connect(self._date_changed)
        self.place.textEdited.connect(self.edited)
        self.duration.valueChanged.connect(self.edited)
        self.notes.textChanged.connect(self.edited)
        self.discard_button.clicked.connect(self.discard)
        self.correct_button.clicked.connect(self.add_correction)
        self.register_button.clicked.connect(self.save_registration)
        self.attempt_button.clicked.connect(self.log_attempt)

    # ---- showing ----

    def show_case(self, case: Case) -> None:
        super().show_case(case)
        language = language_of(self.english)
        attempts = sorted(case.contact_attempts, key=lambda a: a.attempted_at, reverse=True)
        self.attempts.set_rows([attempt_row(attempt, language) for attempt in attempts])

    def listed(self, case: Case) -> list[ServiceRecord]:
        return sorted((r for r in case.records if not r.deleted), key=self._order, reverse=True)

    def first_shown(self, listed: list[ServiceRecord]) -> ServiceRecord | None:
        """The newest draft: the work left off there; else a new record."""
        return next((r for r in listed if r.status == RecordStatus.DRAFT), None)

    @staticmethod
    def _order(record: ServiceRecord) -> tuple[date, datetime]:
        return record.held_on, record.updated_at

    def _corrections(self, record: ServiceRecord) -> list[ServiceRecord]:
        if self.case is None:
            return []
        return [r for r in self.case.records if r.corrects_id == record.id and not r.deleted]

    def row(self, record: ServiceRecord) -> Row:
        return self._row(record, RecordValues.of(record), record.id)

    def saved_row(self, record_id: uuid.UUID, values: RecordValues) -> Row:
        return self._row(self.find_record(record_id), values, record_id)

    def _row(self, record: ServiceRecord | None, values: RecordValues, row_id: uuid.UUID) -> Row:
        """A record's line, from the values as loaded or just saved (a new draft has no record yet)."""
        language = language_of(self.english)
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
        return Row(cells, row_id, draft)

    def fill(self, record: ServiceRecord | None) -> None:
        values = RecordValues.of(record) if record is not None else None
        select_code(self.kind, values.kind if values else RecordKind.INTERVIEW)
        select_code(self.mode, values.mode if values else ContactMode.IN_PERSON)
        self.held_on.setDate(values.held_on if values else clock.today())
        self.place.setText(values.place if values else "")
        self.duration.setValue(values.duration_minutes if values else 0)
        self.notes.setPlainText(values.notes if values else "")
        self.registered_on.setDate(record.registered_on if record is not None else None)
        self.notes_message.clear()

    def show_state(self) -> None:
        record, final = self.editing, self.final()
        for widget in (self.kind, self.mode, self.duration, self.held_on, self.place):
            widget.setEnabled(not final)
        self.notes.setReadOnly(final)
        self.finalise_button.setVisible(not final)
        self.discard_button.setVisible(not final and self.stored())
        self.correct_button.setVisible(final)
        self.registration.setVisible(final)
        lines: list[str] = []
        if record is None and not self.stored():
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
            lines.append(self.draft_banner())
        if record is not None and record.corrects_id is not None:
            corrected = self.find_record(record.corrects_id)
            day = roc(corrected.held_on) if corrected is not None else "?"
            lines.append(self.text(f"這筆紀錄更正 {day} 的紀錄。", f"This record corrects the record of {day}."))
        if record is not None:
            later = self._corrections(record)
            if later:
                days = "、".join(roc(r.held_on) for r in later)
                lines.append(self.text(f"此紀錄已有更正紀錄（{days}）。", f"This record has been corrected ({days})."))
        self.banner.setText("\n".join(lines))
        super().show_state()

    def focus_target(self, target_kind: str, target_id: uuid.UUID | None) -> None:
        super().focus_target(target_kind, target_id)
        position = self.attempts.position(target_id)
        if self.find_record(target_id) is None and position >= 0:
            self.attempt_list.selectRow(position)
            self.attempt_list.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- editing ----

    def first_field(self) -> QWidget:
        return self.notes

    def date_edit(self) -> RocDateEdit:
        return self.held_on

    def date_problem(self, values: RecordValues) -> Problem | None:
        return next((p for p in record_problems(values) if p.field == "held_on"), None)

    def _date_changed(self, _day: object) -> None:
        problem = self.date_problem(self.values()) if self.held_on.date() is not None else None
        if problem is not None:
            self.show_problem(problem)

    def values(self) -> RecordValues:
        return RecordValues(
            kind=RecordKind(self.kind.currentData()),
            mode=ContactMode(self.mode.currentData()),
            held_on=self.held_on.date(),
            place=self.place.text(),
            duration_minutes=self.duration.value(),
            notes=self.notes.toPlainText(),
        )

    def values_of(self, record: ServiceRecord) -> RecordValues:
        return RecordValues.of(record)

    def savable_values(self) -> RecordValues:
        values = self.values()
        if self.date_problem(values) is not None:
            values = RecordValues(values.kind, values.mode, None, values.place, values.duration_minutes, values.notes)
        return values

    def draft_job(self, case_id: uuid.UUID, record_id: uuid.UUID, values: RecordValues) -> StoreJob:
        return lambda session: save_draft_record(session, case_id, record_id, values)

    def finalise_job(self, record_id: uuid.UUID) -> StoreJob:
        return lambda session: finalise_record(session, record_id)

    def show_problem(self, problem: Problem) -> None:
        message = problem.message_en if self.english else problem.message_zh
        fields = {"notes": self.notes_message, "held_on": self.held_on, "registered_on": self.registered_on}
        show_message(fields.get(problem.field), message)

    # ---- the other actions ----

    def discard(self) -> None:
        record_id, stored = self.editing_id, self.stored()
        self.show_record(None)
        if stored:
            self.act(lambda session: discard_draft_record(session, record_id))

    def add_correction(self) -> None:
        record_id = self.editing_id

        def opened(correction: object) -> None:
            assert isinstance(correction, uuid.UUID)
            self.show_record(None)
            self.editing_id = correction  # shown by the reload that follows

        self.act(lambda session: add_correction(session, record_id), opened)

    def save_registration(self) -> None:
        record_id = self.editing_id
        if not self.registered_on.isValid():
            self.registered_on.revealProblem()
            return
        on = self.registered_on.date()
        self.act(lambda session: mark_registered(session, record_id, on))

    def log_attempt(self) -> None:
        if self.case is None:
            return
        dialog = ContactAttemptDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        case_id, values = self.case.id, dialog.values()
        self.act(lambda session: add_contact_attempt(session, case_id, values))
