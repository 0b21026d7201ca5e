"""Pieces of the forms in the dialogs (新案受理, 移案, 服務單位): text in the user's language, dates as case managers
read them, the coloured banners, plain text and past-date fields that validate like the others, a field with its
message line below, and the county picker."""

from __future__ import annotations

from datetime import date
from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from app.errors import ValidationError
from app.services import codes
from app.services.rocdate import format_roc
from app.views.errors import current_language
from app.views.i18n import translate
from app.views.widgets import FieldMessage, RocDateEdit, ValidatedLineEdit

_WEEKDAYS_ZH: Final = "一二三四五六日"
ERROR_STYLE: Final = "color: #b3261e;"
BANNER_STYLE: Final = (
    "QLabel { background: #fff4e5; border: 1px solid #b35c00; border-radius: 4px; padding: 8px; color: #4a2a00; }"
)
WARNING_STYLE: Final = (
    "QLabel { background: #fdeceb; border: 1px solid #b3261e; border-radius: 4px; padding: 8px; color: #5c1410; }"
)
SUCCESS_STYLE: Final = (
    "QLabel { background: #e8f5e9; border: 1px solid #2e7d32; border-radius: 4px; padding: 8px; color: #1b4d20; }"
)


def tr(zh: str, en: str) -> str:
    """The text in the user's language (English from the translation catalog, see app.views.i18n)."""
    return translate(zh, en)


def show_date(day: date, *, weekday: bool = False) -> str:
    """民國 for Chinese (with the weekday when asked), ISO for English."""
    if current_language() == "en":
        return day.strftime("%a %Y-%m-%d") if weekday else day.isoformat()
    text = format_roc(day)
    return f"{text}（週{_WEEKDAYS_ZH[day.weekday()]}）" if weekday else text


class TextField(ValidatedLineEdit[str]):
    """Plain text that may be required and has a maximum length, with its message below like the other fields."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        label: str = "",
        required: bool = False,
        field_name: str = "",
        placeholder: str = "",
        max_length: int = 100,
        empty_message: tuple[str, str] = ("此欄必填。", "This field is required."),
    ) -> None:
        self._max_length = max_length
        self._empty_message = empty_message
        super().__init__(
            parent,
            label=label,
            required=required,
            field_name=field_name,
            placeholder=placeholder,
            language=current_language(),
        )

    def parse(self, text: str) -> str:
        value = text.strip()
        if not value:
            raise ValidationError(self.fieldName(), *self._empty_message)
        if len(value) > self._max_length:
            raise ValidationError(
                self.fieldName(), f"最多 {self._max_length} 個字。", f"At most {self._max_length} characters."
            )
        return value


class PastDateEdit(RocDateEdit):
    """A date that cannot be after today (an application, a birth, an assessment already made), nor before an
    earlier step's date when one is set (an assessment cannot precede its application)."""

    def __init__(self, *, label: str, field_name: str, today: date, required: bool = True) -> None:
        self._today = today
        self._earliest: tuple[date, str, str] | None = None
        super().__init__(label=label, required=required, field_name=field_name, language=current_language())

    def set_earliest(self, earliest: date, what_zh: str, what_en: str) -> None:
        """Refuse dates before `earliest`, naming it (申請日 / the application date) in the message."""
        self._earliest = (earliest, what_zh, what_en)
        self.refresh()

    def parse(self, text: str) -> date:
        value = super().parse(text)
        if value > self._today:
            raise ValidationError(self.fieldName(), "日期不能在今天之後。", "The date cannot be in the future.")
        if self._earliest is not None and value < self._earliest[0]:
            earliest, zh, en = self._earliest
            raise ValidationError(
                self.fieldName(),
                f"不能早於{zh}（{format_roc(earliest, 'short')}）。",
                f"Cannot be before {en} ({earliest.isoformat()}).",
            )
        return value


def message_label(style: str = BANNER_STYLE) -> QLabel:
    banner = QLabel()
    banner.setWordWrap(True)
    banner.setTextFormat(Qt.TextFormat.RichText)
    banner.setStyleSheet(style)
    return banner


def with_message(widget: QWidget, message: FieldMessage) -> QWidget:
    """A widget with its message line below, as the validating fields have."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(widget)
    layout.addWidget(message)
    return box


def county_combo(accessible_name: str, current: str = "", *, blank: bool = False) -> QComboBox:
    """Counties in the Ministry's order; a blank first entry means "not chosen"."""
    combo = QComboBox()
    combo.setAccessibleName(accessible_name)
    combo.addItem(tr("（請選擇）", "(choose)") if not blank else "—", "")
    for county in codes.counties():
        combo.addItem(county.label(current_language()), county.code)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo
