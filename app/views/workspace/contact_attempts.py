"""聯繫紀錄: the log of tries to reach the client, shown under the 晤談紀錄 tab's records. A 失聯 closure rests on it
(three unanswered attempts), so attempts are only ever added, never changed."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QTimeEdit

from app.models import ContactAttempt
from app.models.enums import ContactMode, ContactOutcome
from app.services import clock
from app.services.case_edits import ContactAttemptValues, enum_label
from app.services.timeline import snippet
from app.views.widgets import FieldMessage, RocDateEdit
from app.views.workspace.base import CaseTab
from app.views.workspace.drafts import Row, roc
from app.views.workspace.form_fields import language_of, select_code

ATTEMPT_HEADERS = (("時間", "When"), ("方式", "Channel"), ("結果", "Outcome"), ("說明", "Note"))


def attempt_row(attempt: ContactAttempt, language: str) -> Row:
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
