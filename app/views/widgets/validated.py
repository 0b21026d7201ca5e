"""The one mechanism every validating field shares: a line edit, a message beside it, and a language.

A field checks its text with a service function (``parse_date``, ``validate_id_number`` …) that returns the
canonical value or raises :class:`~app.errors.ValidationError` with zh-TW and English messages. The message is
shown below the line edit in the field's language, the line edit gets a red border, and the message becomes the
line edit's accessible description (and is announced) so a screen reader user hears what a sighted user sees.

Timing follows "reward early, punish late": a message appears once the input is complete, on focus-out, on
Enter, or when a form asks (:meth:`ValidatedLineEdit.revealProblem`), never for a half-typed value; once shown it
follows every keystroke until the field is valid or emptied again.
"""

from __future__ import annotations

from typing import Any, Final, Generic, TypeVar

from PySide6 import QtGui
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QGridLayout, QLineEdit, QWidget

from app.errors import Language, ValidationError
from app.views.widgets.message import ERROR_COLOUR, FieldMessage

ValueT = TypeVar("ValueT")

LANGUAGES: Final = ("zh-TW", "en")
_ERROR_STYLE: Final = (
    f"QLineEdit {{ border: 2px solid {ERROR_COLOUR.name()}; border-radius: 3px; background: #fdeceb; "
    "padding: 0px 1px; }"
)
# Added in Qt 6.8; the project allows 6.7, where the message still reaches screen readers as the description.
_ANNOUNCEMENT_EVENT: Final[Any] = getattr(QtGui, "QAccessibleAnnouncementEvent", None)

_PAUSE_REASONS: Final = (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.ActiveWindowFocusReason)

_default_language: Language = "zh-TW"


def default_language() -> Language:
    """The language of fields that were not given one ("zh-TW" unless :func:`set_default_language` changed it)."""
    return _default_language


def set_default_language(language: Language) -> None:
    """Switch every field that follows the default (no ``setLanguage`` call of its own) to ``language``."""
    global _default_language
    _default_language = _checked_language(language)
    if QApplication.instance() is None:
        return
    for widget in QApplication.allWidgets():
        if isinstance(widget, ValidatedLineEdit):
            widget.refresh()


def _checked_language(language: Language) -> Language:
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, not {language!r}")
    return language


class ValidatedLineEdit(QWidget, Generic[ValueT]):
    """A line edit whose text must parse to a ``ValueT``, with its :class:`FieldMessage` below it.

    Subclasses implement :meth:`parse` (raise :class:`ValidationError` or return the canonical value) and may
    override :meth:`display` (the text written back on focus-out), :meth:`hint` and :meth:`looksUnfinished`.
    Keyboard focus goes to the line edit (it is the focus proxy), so ``QLabel.setBuddy(field)`` works.
    """

    valueChanged = Signal(object)  # the canonical value, or None when empty or invalid
    validityChanged = Signal(bool)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        label: str = "",
        required: bool = False,
        field_name: str = "",
        placeholder: str = "",
        language: Language | None = None,
    ) -> None:
        super().__init__(parent)
        self._required = required
        self._field_name = field_name or type(self).__name__
        self._language = None if language is None else _checked_language(language)
        self._value: ValueT | None = None
        self._problem: ValidationError | None = None
        self._revealed = False  # the problem (if any) is shown even for a half-typed value
        self._announced = ""

        self._edit = QLineEdit(self)
        self._edit.setPlaceholderText(placeholder)
        self._edit.installEventFilter(self)
        # The error style sheet draws its own frame; keep the native height so the form does not shift.
        self._edit.setMinimumHeight(self._edit.sizeHint().height())
        self._message = FieldMessage(self)
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setHorizontalSpacing(4)
        self._layout.setVerticalSpacing(2)
        self._layout.addWidget(self._edit, 0, 0)
        self._layout.addWidget(self._message, 1, 0, 1, -1)
        self._layout.setColumnStretch(0, 1)
        self.setFocusProxy(self._edit)
        self.setLabel(label)

        self._edit.textChanged.connect(self._on_text_changed)
        self._edit.textEdited.connect(self._on_text_edited)
        self._edit.returnPressed.connect(self._finish_editing)
        self._validate()

    # ---- what subclasses provide ----

    def parse(self, text: str) -> ValueT:
        """The canonical value of non-empty ``text``; raise :class:`ValidationError` when it is not acceptable."""
        raise NotImplementedError

    def display(self, value: ValueT) -> str:
        """How a valid value is written back into the line edit on focus-out."""
        return str(value)

    def hint(self, value: ValueT) -> tuple[str, str] | None:
        """A neutral note (zh-TW, English) shown below a valid value, or None."""
        return None

    def looksUnfinished(self, text: str) -> bool:
        """True while ``text`` may still become valid by typing more, so its problem is not shown yet."""
        return True

    # ---- public API ----

    def value(self) -> ValueT | None:
        """The canonical value, or None when the field is empty or invalid."""
        return self._value

    def setValue(self, value: ValueT | None) -> None:
        self.setText("" if value is None else self.display(value))

    def text(self) -> str:
        return self._edit.text()

    def setText(self, text: str) -> None:
        """Set the text as loaded data: a problem with it is shown at once rather than waiting for focus-out."""
        self._revealed = bool(text.strip())
        self._edit.setText(text)
        self._validate()

    def clear(self) -> None:
        self.setText("")

    def isValid(self) -> bool:
        """True when the text is valid, or empty and not required."""
        return self._problem is None

    def isEmpty(self) -> bool:
        return not self._edit.text().strip()

    def problem(self) -> ValidationError | None:
        """What is wrong with the current text (also while not yet shown), or None."""
        return self._problem

    def errorMessage(self) -> str:
        """The problem in this field's language, or "" when valid."""
        return "" if self._problem is None else self._problem.message(self.language())

    def messageText(self) -> str:
        """The text shown below the field right now (an error, a hint, or "")."""
        return self._message.text()

    def isShowingError(self) -> bool:
        return self._message.kind() == "error"

    def revealProblem(self) -> None:
        """Show the problem now, even for a half-typed or empty required value (a form calls this on save)."""
        self._revealed = True
        self._validate()

    def isRequired(self) -> bool:
        return self._required

    def setRequired(self, required: bool) -> None:
        self._required = required
        self._validate()

    def fieldName(self) -> str:
        return self._field_name

    def label(self) -> str:
        return self._label

    def setLabel(self, label: str) -> None:
        """The field's name as a user reads it (出生日期); it becomes the accessible name."""
        self._label = label
        self.setAccessibleName(label)
        self._edit.setAccessibleName(label)

    def language(self) -> Language:
        return self._language or _default_language

    def setLanguage(self, language: Language | None) -> None:
        """Show messages in "zh-TW" or "en"; None follows :func:`default_language`."""
        self._language = None if language is None else _checked_language(language)
        self.refresh()

    def refresh(self) -> None:
        """Re-render the message (after a language change)."""
        self._validate()

    def lineEdit(self) -> QLineEdit:
        return self._edit

    def messageLabel(self) -> FieldMessage:
        return self._message

    # ---- mechanism ----

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._edit:
            if isinstance(event, QFocusEvent) and event.type() == QEvent.Type.FocusOut:
                # A context menu or a switch to another window is a pause, not the end of the edit.
                if event.reason() not in _PAUSE_REASONS:
                    self._finish_editing()
            elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                return self.handleKey(event)
        return super().eventFilter(watched, event)

    def handleKey(self, event: QKeyEvent) -> bool:
        """A key pressed in the line edit; return True to consume it (RocDateEdit steps dates with Up/Down)."""
        return False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()
        super().changeEvent(event)

    def _on_text_edited(self, text: str) -> None:
        if not text.strip():
            self._revealed = False  # starting afresh: give the new value the same grace as the first

    def _on_text_changed(self, _text: str) -> None:
        self._validate()

    def _finish_editing(self) -> None:
        self._revealed = True
        if self._value is not None:
            canonical = self.display(self._value)
            if canonical != self._edit.text():
                self._edit.setText(canonical)
        self._validate()

    def _validate(self) -> None:
        text = self._edit.text()
        value: ValueT | None = None
        problem: ValidationError | None = None
        if text.strip() or self._required:
            try:
                value = self.parse(text)
            except ValidationError as error:
                problem = error
        was_valid = self._problem is None
        old_value = self._value
        self._value, self._problem = value, problem
        self._render(text)
        if value != old_value:
            self.valueChanged.emit(value)
            self.onValueChanged(value)
        if (problem is None) != was_valid:
            self.validityChanged.emit(problem is None)

    def onValueChanged(self, value: ValueT | None) -> None:
        """Called after ``valueChanged`` is emitted; subclasses with their own signal emit it here."""

    def _render(self, text: str) -> None:
        language = self.language()
        show_error = self._problem is not None and (self._revealed or not self.looksUnfinished(text))
        if show_error and self._problem is not None:
            self._revealed = True
            message = self._problem.message(language)
            self._message.showError(message)
        else:
            note = None if self._value is None else self.hint(self._value)
            message = "" if note is None else note[1 if language == "en" else 0]
            if message:
                self._message.showHint(message)
            else:
                self._message.clear()
        self._set_error_look(show_error)
        self._edit.setAccessibleDescription(message)
        if show_error and message != self._announced:
            self._announce(message)
        self._announced = message if show_error else ""

    def _set_error_look(self, error: bool) -> None:
        if self._edit.property("invalid") == error:
            return
        self._edit.setProperty("invalid", error)
        self._edit.setStyleSheet(_ERROR_STYLE if error else "")

    def _announce(self, message: str) -> None:
        if _ANNOUNCEMENT_EVENT is not None:
            QtGui.QAccessible.updateAccessibility(_ANNOUNCEMENT_EVENT(self._edit, message))
