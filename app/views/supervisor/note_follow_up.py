"""The 追蹤結果 group of the supervision-record form (app.views.supervisor.note_editor): the day the agreed actions
were done, what came of them, and where the follow-up stands (待追蹤, 逾期, 已完成). It stays open on a final record,
because the store lets exactly those two fields change after 定稿; a draft not yet in the store has nothing to
record it on.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.rocdate import format_roc
from app.services.supervision_list import FollowUp, follow_up_label, follow_up_state
from app.views.i18n import translate
from app.views.supervisor.note_list import language
from app.views.widgets import RocDateEdit


def hint_width(field: RocDateEdit) -> int:
    """Room for a date field's 民國 reading below it on one line."""
    zh, en = field.hint(date(2026, 11, 30)) or ("", "")
    return field.fontMetrics().horizontalAdvance(en if language() == "en" else zh) + 8


class FollowUpOutcome(QGroupBox):
    """The done date, the note and the follow-up's state, with a button to save them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("追蹤結果", "Follow-up outcome"), parent)
        self.done_on = RocDateEdit(label=translate("完成日期", "Done on"), field_name="follow_up_done_on")
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(translate("追蹤說明", "Follow-up note"))
        self.note.setPlaceholderText(
            translate("決議事項的執行情形與結果", "What was done about the agreed actions, and what came of it")
        )
        self.note.setMinimumWidth(160)
        self.note.setMaximumHeight(96)
        self.state = QLabel()
        self.done_on.setMinimumWidth(hint_width(self.done_on))
        self.done_on.setMaximumWidth(hint_width(self.done_on) + 48)  # the note beside it gets the rest
        self.save_button = QPushButton(translate("儲存追蹤結果", "Save follow-up"))
        self.setToolTip(translate("定稿後仍可記錄追蹤結果。", "The follow-up can be recorded after finalising too."))
        done_row = QHBoxLayout()
        done_row.addWidget(QLabel(translate("完成日期", "Done on")))
        done_row.addWidget(self.done_on)
        done_column = QVBoxLayout()
        done_column.addLayout(done_row)
        done_column.addWidget(self.state)
        done_column.addStretch(1)
        done_column.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        layout = QHBoxLayout(self)
        layout.addLayout(done_column)
        layout.addWidget(self.note, 1)

    def set_open(self, stored: bool) -> None:
        """Open once the record is in the store; the title says why it is not."""
        self.setEnabled(stored)
        self.setTitle(
            translate("追蹤結果", "Follow-up outcome")
            if stored
            else translate("追蹤結果（草稿儲存後可記錄）", "Follow-up outcome (once the draft is saved)")
        )

    def values(self) -> tuple[date | None, str]:
        return self.done_on.date(), self.note.toPlainText()

    def typed(self) -> tuple[str, str]:
        """As typed, to put back with `restore` after a reload."""
        return self.done_on.text(), self.note.toPlainText()

    def restore(self, done_text: str, note: str) -> None:
        self.done_on.setText(done_text)
        self.note.setPlainText(note)

    def show_state(self, due: date | None) -> None:
        """Where the follow-up due on `due` stands with the done date as typed."""
        state = follow_up_state(due, self.done_on.date())
        text = follow_up_label(state, language()) if state != FollowUp.NONE else ""
        if state in (FollowUp.PENDING, FollowUp.OVERDUE) and due is not None:
            text = translate(f"{text}，期限 {format_roc(due, 'short')}", f"{text}, due {format_roc(due, 'short')}")
        self.state.setText(text)
        self.state.setStyleSheet("color: #b3261e;" if state == FollowUp.OVERDUE else "")
