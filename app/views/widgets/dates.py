"""RocDateEdit: a date typed the way case managers type it, shown back as 民國 (ROC) while they type."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Final

from PySide6.QtCore import QDate, QLocale, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QToolButton, QWidget

from app.errors import Language
from app.services.rocdate import format_roc, parse_date
from app.views.widgets.validated import ValidatedLineEdit

_TOOLTIP: Final = (
    "可輸入 114/3/5、1140305、2025-03-05 或 民國114年3月5日；上下鍵加減一天，PageUp/PageDown 加減一個月。",
    "Type 114/3/5, 1140305, 2025-03-05 or 民國114年3月5日; Up/Down changes the day, PageUp/PageDown the month.",
)
_PICK_DATE: Final = ("選擇日期", "Pick a date")
_LOCALES: Final = {
    "zh-TW": QLocale(QLocale.Language.Chinese, QLocale.Script.TraditionalChineseScript, QLocale.Country.Taiwan),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedStates),
}


def _pick(pair: tuple[str, str], language: Language) -> str:
    return pair[1] if language == "en" else pair[0]


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (or earlier), clamped to the month's end: 1/31 + 1 month → 2/28."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if not dt.date.min.year <= year <= dt.date.max.year:
        raise OverflowError(f"{day.isoformat()} + {months} months is outside the dates Python can hold")
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


class RocDateEdit(ValidatedLineEdit[dt.date]):
    """A date field: accepts ``114/3/5``, ``1140305``, ``2025-03-05``, ``民國114年3月5日`` (whatever
    :func:`~app.services.rocdate.parse_date` reads), shows ``民國114年3月5日（2025-03-05）`` below while typing, and
    rewrites the text as ``114/03/05`` on focus-out. Up/Down step a valid date by a day, PageUp/PageDown by a month.
    """

    dateChanged = Signal(object)  # datetime.date, or None when empty or invalid

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        label: str = "",
        required: bool = False,
        field_name: str = "date",
        language: Language | None = None,
        calendar_button: bool = True,
    ) -> None:
        self._button: QToolButton | None = None
        self._calendar: QCalendarWidget | None = None
        super().__init__(
            parent,
            label=label,
            required=required,
            field_name=field_name,
            placeholder="114/3/5",
            language=language,
        )
        if calendar_button:
            self._button = QToolButton(self)
            self._button.setArrowType(Qt.ArrowType.DownArrow)
            self._button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard has Up/Down and typing instead
            self._button.clicked.connect(self.showCalendar)
            self._layout.addWidget(self._button, 0, 1)
        self.refresh()

    def date(self) -> dt.date | None:
        return self.value()

    def setDate(self, value: dt.date | None) -> None:
        self.setValue(value)

    def parse(self, text: str) -> dt.date:
        return parse_date(text, self.fieldName())

    def display(self, value: dt.date) -> str:
        try:
            return format_roc(value, "short")
        except ValueError:  # beyond 民國999年, which the 3-digit form cannot hold
            return value.isoformat()

    def hint(self, value: dt.date) -> tuple[str, str]:
        english = _LOCALES["en"].toString(QDate(value.year, value.month, value.day), "d MMMM yyyy")
        try:
            return f"{format_roc(value)}（{value.isoformat()}）", f"{english} (ROC {format_roc(value, 'short')})"
        except ValueError:
            return f"西元{value.isoformat()}", english

    def refresh(self) -> None:
        language = self.language()
        self.lineEdit().setToolTip(_pick(_TOOLTIP, language))
        if self._button is not None:
            self._button.setToolTip(_pick(_PICK_DATE, language))
            self._button.setAccessibleName(_pick(_PICK_DATE, language))
        if self._calendar is not None:
            self._calendar.setLocale(_LOCALES[language])
        super().refresh()

    def onValueChanged(self, value: dt.date | None) -> None:
        self.dateChanged.emit(value)

    def handleKey(self, event: QKeyEvent) -> bool:
        current = self.value()
        steps = {
            Qt.Key.Key_Up: (1, 0),
            Qt.Key.Key_Down: (-1, 0),
            Qt.Key.Key_PageUp: (0, 1),
            Qt.Key.Key_PageDown: (0, -1),
        }
        step = steps.get(Qt.Key(event.key()))
        if current is None or step is None:
            return False
        days, months = step
        try:
            stepped = add_months(current, months) + dt.timedelta(days=days)
        except (OverflowError, ValueError):
            return True  # at date.min / date.max: nowhere to go
        self.lineEdit().setText(self.display(stepped))
        return True

    def showCalendar(self) -> None:
        """Open the month calendar below the field; picking a day sets it and returns focus to the text."""
        if self._calendar is None:
            self._calendar = QCalendarWidget(self)
            self._calendar.setWindowFlags(Qt.WindowType.Popup)
            self._calendar.setGridVisible(True)
            self._calendar.setLocale(_LOCALES[self.language()])
            self._calendar.clicked.connect(self._calendar_picked)
            self._calendar.activated.connect(self._calendar_picked)
        current = self.value() or dt.date.today()
        self._calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        edit = self.lineEdit()
        self._calendar.move(edit.mapToGlobal(QPoint(0, edit.height())))
        self._calendar.show()
        self._calendar.setFocus()

    def calendarWidget(self) -> QCalendarWidget | None:
        """The popup calendar, once :meth:`showCalendar` has created it."""
        return self._calendar

    def _calendar_picked(self, picked: QDate) -> None:
        if self._calendar is not None:
            self._calendar.hide()
        self.setDate(dt.date(picked.year(), picked.month(), picked.day()))
        self.lineEdit().setFocus(Qt.FocusReason.PopupFocusReason)
