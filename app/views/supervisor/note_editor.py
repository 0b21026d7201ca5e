"""The form of one supervision record: kind, date, attendees, the cases discussed, content, agreed actions and their
follow-up due date, and the 追蹤結果 group (app.views.supervisor.note_follow_up), which stays open on a final record.
The page (app.views.supervisor.notes) loads, saves and finalises.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any, Final

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError, Problem, ProblemsError
from app.models.enums import SupervisionKind
from app.services import clock
from app.services.rocdate import format_roc
from app.services.supervision import (
    NoteValues,
    clean_attendees,
    follow_up_problems,
    keep_draft_note,
    keep_follow_up,
    note_problems,
    typed_date,
)
from app.services.supervision_list import CaseChoice, NoteRow, kind_label
from app.views.forms import BANNER_STYLE, SUCCESS_STYLE, WARNING_STYLE
from app.views.i18n import translate
from app.views.runner import StoreRunner
from app.views.supervisor.note_cases import DiscussedCases
from app.views.supervisor.note_follow_up import FollowUpOutcome, hint_width
from app.views.supervisor.note_list import language
from app.views.widgets import RocDateEdit

StoreJob = Callable[[Any], object]  # a job for the runner: it gets the session

# The form's name for each field a problem may name (ProblemsError.report would show the column name).
FIELD_LABELS: Final[dict[str, tuple[str, str]]] = {
    "held_on": ("督導日期", "Date"),
    "attendees": ("出席者", "Attendees"),
    "case_id": ("討論的個案", "Cases discussed"),
    "case_ids": ("討論的個案", "Cases discussed"),
    "content": ("督導內容", "Content"),
    "follow_up_due_on": ("追蹤期限", "Follow-up due"),
    "follow_up_done_on": ("完成日期", "Done on"),
    "follow_up_note": ("追蹤說明", "Follow-up note"),
}


def _split(text: str) -> list[str]:
    for separator in ("，", ",", ";", "；"):
        text = text.replace(separator, "、")
    return [part.strip() for part in text.split("、")]


def problem_text(error: AppError) -> str:
    """What went wrong, each problem under the form's name of its field."""
    lang = language()
    if not isinstance(error, ProblemsError):
        return error.message(lang)
    lines = [error.message(lang)]
    for found in error.problems:
        zh, en = FIELD_LABELS.get(found.field, (found.field, found.field))
        name, message = (en, found.message_en) if lang == "en" else (zh, found.message_zh)
        lines.append(f"• {name}：{message}" if lang != "en" else f"• {name}: {message}")
    return "\n".join(lines)


def not_saved_text(problems: list[Problem], left: date | None = None) -> str:
    """A save that left `problems`' fields as stored: of the record on screen, or of the one `left` (its date)."""
    lang = language()
    if left is None:
        head = translate(
            "已儲存，但下列欄位未儲存（紀錄中仍是原本的內容），請修正：",
            "Saved, but not the fields below (the record keeps what it held); please correct them:",
        )
    else:
        day = format_roc(left, "short")
        head = translate(
            f"上一筆督導紀錄（{day}）已儲存，但下列欄位未儲存（紀錄中仍是原本的內容）：",
            f"The record you left ({day}) was saved, but not the fields below (it keeps what it held):",
        )
    lines = [head]
    for found in problems:
        zh, en = FIELD_LABELS.get(found.field, (found.field, found.field))
        lines.append(f"• {en}: {found.message_en}" if lang == "en" else f"• {zh}：{found.message_zh}")
    return "\n".join(lines)


class NoteEditor(QGroupBox):
    """One record's fields. `touched` when a field of the draft changes, `follow_up_touched` when the 追蹤結果 does."""

    touched = Signal()
    follow_up_touched = Signal()

    def __init__(self, runner: StoreRunner, parent: QWidget | None = None) -> None:
        super().__init__(translate("督導紀錄", "Supervision record"), parent)
        self.final = False
        self._loading = False
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.kind = QComboBox()
        self.kind.setAccessibleName(translate("督導類別", "Kind"))
        for kind in SupervisionKind:
            self.kind.addItem(kind_label(kind, language()), kind)
        self.held_on = RocDateEdit(label=translate("督導日期", "Date"), field_name="held_on")
        self.members = QListWidget()
        self.members.setAccessibleName(translate("出席的團隊成員", "Team members attending"))
        self.members.setFlow(QListWidget.Flow.LeftToRight)
        self.members.setWrapping(True)
        self.members.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.members.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.members.setMaximumHeight(52)
        self.others = QLineEdit()
        self.others.setAccessibleName(translate("其他出席者", "Other attendees"))
        self.others.setPlaceholderText(translate("其他出席者，以頓號分隔", "Other attendees, separated by commas"))
        self.cases = DiscussedCases(runner)
        self.content = QPlainTextEdit()
        self.content.setAccessibleName(translate("督導內容", "Content"))
        self.content.setPlaceholderText(translate("討論內容、觀察與建議", "What was discussed, observed, advised"))
        self.content.setMinimumHeight(60)
        self.agreed = QPlainTextEdit()
        self.agreed.setAccessibleName(translate("決議與待辦事項", "Agreed actions"))
        self.agreed.setPlaceholderText(
            translate("決議事項、負責人與期限（每行一項）", "Agreed actions, who and by when (one a line)")
        )
        self.agreed.setMaximumHeight(80)
        self.follow_up_due = RocDateEdit(label=translate("追蹤期限", "Follow-up due"), field_name="follow_up_due_on")

        self.held_on.setMinimumWidth(hint_width(self.held_on))  # room for the 民國 reading below on one line
        self.follow_up = FollowUpOutcome()  # 追蹤結果: open on a final record too; its fields under the editor's names
        self.done_on, self.follow_up_note = self.follow_up.done_on, self.follow_up.note
        self.follow_up_state, self.save_follow_up_button = self.follow_up.state, self.follow_up.save_button

        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(WARNING_STYLE)
        self.problems.setVisible(False)
        self.notice = QLabel()  # about the record shown before: stays until another record is shown
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(WARNING_STYLE)
        self.notice.setVisible(False)
        self.discard_button = QPushButton(translate("刪除草稿", "Discard draft"))
        self.save_button = QPushButton(translate("儲存草稿", "Save draft"))
        self.save_button.setToolTip("Ctrl+S")
        self.finalise_button = QPushButton(translate("定稿…", "Finalise…"))

        top = QHBoxLayout()
        top.addWidget(self.kind)
        top.addWidget(QLabel(translate("日期", "Date")))
        top.addWidget(self.held_on, 1)
        form = QFormLayout()
        form.addRow(translate("類別", "Kind"), top)
        form.addRow(translate("出席者", "Attendees"), self.members)
        form.addRow("", self.others)
        form.addRow(translate("個案", "Cases"), self.cases)
        form.addRow(translate("督導內容", "Content"), self.content)
        form.addRow(translate("決議與待辦", "Agreed actions"), self.agreed)
        form.addRow(translate("追蹤期限", "Follow-up due"), self.follow_up_due)
        buttons = QHBoxLayout()
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.finalise_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(form, 1)
        layout.addWidget(self.follow_up)
        layout.addWidget(self.problems)
        layout.addWidget(self.notice)
        layout.addLayout(buttons)

        for signal in (
            self.kind.currentIndexChanged,
            self.held_on.dateChanged,
            self.members.itemChanged,
            self.others.textEdited,
            self.cases.changed,
            self.content.textChanged,
            self.agreed.textChanged,
            self.follow_up_due.dateChanged,
        ):
            signal.connect(self._touched)
        for signal in (self.done_on.dateChanged, self.follow_up_note.textChanged):
            signal.connect(self._follow_up_touched)

    # --- loading ----------------------------------------------------------------------------------------------

    def set_members(self, names: list[str]) -> None:
        """The team members offered as attendees; those ticked stay ticked."""
        self._loading = True
        ticked = set(self.attendees())
        self.members.clear()
        for name in names:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in ticked else Qt.CheckState.Unchecked)
            self.members.addItem(item)
        self._loading = False

    def load(
        self,
        values: NoteValues,
        cases: tuple[CaseChoice, ...],
        *,
        final: bool,
        done_on: date | None = None,
        follow_up_note: str = "",
        stored: bool = False,
    ) -> None:
        """Show a record; `stored` opens the 追蹤結果 (a draft not yet in the store has nothing to record it on)."""
        self._loading = True
        self.final = final
        self.kind.setCurrentIndex(max(self.kind.findData(values.kind), 0))
        self.held_on.setDate(values.held_on)
        team = set()
        for index in range(self.members.count()):
            item = self.members.item(index)
            team.add(item.text())
            item.setCheckState(Qt.CheckState.Checked if item.text() in values.attendees else Qt.CheckState.Unchecked)
        self.others.setText("、".join(name for name in values.attendees if name not in team))
        self.cases.set_cases(cases)
        self.content.setPlainText(values.content)
        self.agreed.setPlainText(values.agreed_actions)
        self.follow_up_due.setDate(values.follow_up_due_on)
        self.done_on.setDate(done_on)
        self.follow_up_note.setPlainText(follow_up_note)
        for widget in (self.kind, self.held_on, self.members, self.others, self.follow_up_due):
            widget.setEnabled(not final)
        self.cases.set_read_only(final)
        self.content.setReadOnly(final)
        self.agreed.setReadOnly(final)
        for button in (self.save_button, self.finalise_button, self.discard_button):
            button.setEnabled(not final)
        self.set_follow_up_open(stored)
        self.problems.setVisible(False)
        self.notice.setVisible(False)
        self._loading = False
        self._show_follow_up_state()

    def set_follow_up_open(self, stored: bool) -> None:
        self.follow_up.set_open(stored)

    # --- reading ----------------------------------------------------------------------------------------------

    def attendees(self) -> tuple[str, ...]:
        ticked = [
            self.members.item(i).text()
            for i in range(self.members.count())
            if self.members.item(i).checkState() == Qt.CheckState.Checked
        ]
        return clean_attendees([*ticked, *_split(self.others.text())])

    def values(self) -> NoteValues:
        """The draft as typed; a date that is not one reads as None (`typed_problems` says why)."""
        kind = self.kind.currentData()
        return NoteValues(
            kind=SupervisionKind(kind) if kind else SupervisionKind.INDIVIDUAL,  # Qt keeps a StrEnum as plain text
            held_on=self.held_on.date(),
            attendees=self.attendees(),
            content=self.content.toPlainText(),
            agreed_actions=self.agreed.toPlainText(),
            case_ids=self.cases.case_ids(),
            follow_up_due_on=self.follow_up_due.date(),
        )

    def follow_up_values(self) -> tuple[date | None, str]:
        return self.follow_up.values()

    def typed_follow_up(self) -> tuple[str, str]:
        """The 追蹤結果 as typed, to put back with `restore_follow_up` after a reload."""
        return self.follow_up.typed()

    def restore_follow_up(self, done_text: str, note: str) -> None:
        self._loading = True
        self.follow_up.restore(done_text, note)
        self._loading = False
        self._show_follow_up_state()

    def typed_problems(self, *, follow_up: bool = False) -> ProblemsError | None:
        """A date field whose text is not a date (民國115年2月沒有30日): the draft's dates, or the done date."""
        fields = (self.done_on,) if follow_up else (self.held_on, self.follow_up_due)
        found = []
        for field in fields:
            try:
                typed_date(field.fieldName(), field.text())
            except ProblemsError as exc:
                field.revealProblem()
                found.extend(exc.problems)
        return ProblemsError(found) if found else None

    def save_job(self, note_id: uuid.UUID, *, follow_up: bool = False, leaving: bool = False) -> StoreJob | None:
        """The job saving the draft (`follow_up`: its 追蹤結果) as typed, as the draft tabs do: a date that is not one,
        or a value the store would refuse, keeps its stored value, everything else is saved at once (a killed
        process loses nothing else), and the job returns the problems of the fields not saved, which are shown and
        saved again once fixed. A date that is not one is shown at once, unless the editor is `leaving`."""
        unreadable = self.typed_problems(follow_up=follow_up)
        if unreadable is not None and not leaving:
            self.show_problem(unreadable)
        kept = [] if unreadable is None else unreadable.problems
        values, (done_on, text) = self.values(), self.follow_up_values()
        if follow_up:
            return lambda session: keep_follow_up(session, note_id, done_on, text, kept)
        return lambda session: keep_draft_note(session, note_id, values, kept)

    def store_problems(self, stored_on: date, *, draft: bool, follow_up: bool) -> ProblemsError | None:
        """What the store would refuse of the draft (`draft`) and of the 追蹤結果 (`follow_up`) as typed; a date that
        is not one is left out (it keeps its stored value), `stored_on` stands for a 督導日期 that is not one."""
        held_on = self.held_on.date() or stored_on
        found = note_problems(replace(self.values(), held_on=held_on)) if draft else []
        if follow_up:
            found += follow_up_problems(held_on, self.done_on.date())
        return ProblemsError(found) if found else None

    # --- showing ----------------------------------------------------------------------------------------------

    def show_problem(self, error: AppError | str) -> None:
        self.problems.setText(error if isinstance(error, str) else problem_text(error))
        self.problems.setVisible(True)

    def clear_problem(self) -> None:
        self.problems.setVisible(False)

    def show_notice(self, text: str) -> None:
        """About the record shown before (one of its saves left a field as stored): until another one is shown."""
        self.notice.setText(f"{self.notice.text()}\n{text}" if not self.notice.isHidden() else text)
        self.notice.setVisible(True)

    def set_status(self, text: str, style: str) -> None:
        self.status.setStyleSheet(style)
        self.status.setText(text)

    def show_record_state(self, row: NoteRow) -> None:
        if row.final:
            self.set_status(
                translate(
                    f"已定稿（{row.supervisor}），內容不可修改；仍可記錄追蹤結果。",
                    f"Finalised ({row.supervisor}); only the follow-up outcome can still be recorded.",
                ),
                SUCCESS_STYLE,
            )
        else:
            self.set_status(translate(f"草稿（{row.supervisor}）", f"Draft ({row.supervisor})"), BANNER_STYLE)

    def show_saved(self, *, follow_up: bool) -> None:
        now = clock.now().strftime("%H:%M:%S")
        if follow_up:
            text = translate(f"追蹤結果已儲存（{now}）", f"Follow-up saved ({now})")
        else:
            text = translate(f"草稿已儲存（{now}）", f"Draft saved ({now})")
        self.set_status(text, SUCCESS_STYLE if self.final else BANNER_STYLE)
        self.clear_problem()

    def confirm_finalise(self) -> bool:
        answer = QMessageBox.question(
            self,
            translate("定稿", "Finalise"),
            translate(
                "定稿後這筆督導紀錄不可再修改（追蹤結果除外）。確定定稿？",
                "A finalised record cannot be changed any more (but for its follow-up outcome). Finalise it?",
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _show_follow_up_state(self) -> None:
        self.follow_up.show_state(self.follow_up_due.date())

    def _touched(self, *_: object) -> None:
        if not self._loading:
            self._show_follow_up_state()
            if not self.final:
                self.touched.emit()

    def _follow_up_touched(self, *_: object) -> None:
        if not self._loading:
            self._show_follow_up_state()
            self.follow_up_touched.emit()

    def case_ids(self) -> tuple[uuid.UUID, ...]:
        return self.cases.case_ids()
