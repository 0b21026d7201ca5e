"""Form fields the workspace tabs share: choices from the code lists (one in a combo box, several in a grid of
check boxes), a field with its message line below, and read-only views of them that stay readable."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.services import codes
from app.views.widgets import FieldMessage, ValidatedLineEdit

# The look of ValidatedLineEdit's invalid state, for the plain line edits of a form.
ERROR_LINE_STYLE = "QLineEdit { border: 2px solid #b3261e; border-radius: 3px; background: #fdeceb; }"


def language_of(english: bool) -> str:
    return "en" if english else "zh-TW"


def fill_codes(combo: QComboBox, list_name: str, english: bool, empty: str | None = None) -> None:
    """Fill a combo with a code list's labels (the code as item data); `empty` is a first "none" item."""
    combo.clear()
    if empty is not None:
        combo.addItem(empty, None)
    for entry in codes.entries(list_name):
        combo.addItem(entry.label(language_of(english)), entry.code)


def select_code(combo: QComboBox, code: object) -> None:
    """Select the item holding `code`; a code this device's list lacks is kept as an item of its own."""
    index = combo.findData(code)
    if index < 0 and code is not None:
        combo.addItem(str(code), code)
        index = combo.count() - 1
    combo.setCurrentIndex(max(index, 0))


class CheckGrid(QWidget):
    """Several choices out of a list (特定對象, 障礙類別, 建議服務): a grid of check boxes, keyboard operable."""

    changed = Signal()

    def __init__(self, columns: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._columns = columns
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setVerticalSpacing(2)
        self._boxes: dict[str, QCheckBox] = {}

    def set_entries(self, entries: Sequence[tuple[str, str]], columns: int | None = None) -> None:
        """(code, label) choices; ticks of codes still listed are kept."""
        self._columns = columns or self._columns
        kept = set(self.checked())
        for box in self._boxes.values():
            self._layout.removeWidget(box)
            box.hide()
            box.deleteLater()
        self._boxes = {}
        for index, (code, text) in enumerate(entries):
            self._add(index, code, text, code in kept)

    def _add(self, index: int, code: str, text: str, ticked: bool) -> None:
        box = QCheckBox(text, self)
        box.setChecked(ticked)
        box.toggled.connect(self.changed)
        self._layout.addWidget(box, index // self._columns, index % self._columns)
        self._boxes[code] = box

    def set_checked(self, ticked: Iterable[str]) -> None:
        wanted = list(ticked)
        for code in wanted:
            if code not in self._boxes:  # a code from a newer list: shown so that saving keeps it
                self._add(len(self._boxes), code, code, True)
        for code, box in self._boxes.items():
            box.blockSignals(True)
            box.setChecked(code in wanted)
            box.blockSignals(False)

    def checked(self) -> tuple[str, ...]:
        return tuple(code for code, box in self._boxes.items() if box.isChecked())

    def set_read_only(self, read_only: bool) -> None:
        """Read-only, yet as readable as when editable (a disabled box greys its text out)."""
        for box in self._boxes.values():
            read_only_box(box, read_only)


def read_only_box(box: QCheckBox, read_only: bool) -> None:
    box.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, read_only)
    box.setFocusPolicy(Qt.FocusPolicy.NoFocus if read_only else Qt.FocusPolicy.StrongFocus)


class Messaged(QWidget):
    """A plain widget with a message line below it, for fields that are not validating line edits; the line takes
    room only while it has something to say."""

    def __init__(self, widget: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.widget = widget
        self.message = FieldMessage(self)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(self.message)
        self.setFocusProxy(widget)

    def show_error(self, text: str) -> None:
        self.message.showError(text)
        self.message.show()
        if isinstance(self.widget, QLineEdit):
            self.widget.setStyleSheet(ERROR_LINE_STYLE)

    def clear(self) -> None:
        self.message.clear()
        self.message.hide()
        if isinstance(self.widget, QLineEdit):
            self.widget.setStyleSheet("")


def show_message(field: QWidget | None, text: str) -> None:
    """Show `text` below `field`: a validating field's own message line, the line of a `Messaged`, or the
    message line itself."""
    if isinstance(field, Messaged):
        field.show_error(text)
    elif isinstance(field, ValidatedLineEdit):
        field.messageLabel().showError(text)
    elif isinstance(field, FieldMessage):
        field.showError(text)


def add_row(form: QFormLayout, text: str, field: QWidget) -> None:
    """A row of `form`: `field`, named `text` for screen readers, beside a label that is its buddy."""
    label = QLabel(text)
    label.setBuddy(field)
    field.setAccessibleName(text)
    if isinstance(field, Messaged):
        field.widget.setAccessibleName(text)
    form.addRow(label, field)


def labelled_form(rows: Iterable[tuple[str, QWidget]]) -> QFormLayout:
    """A form of (label, field) rows, each added by `add_row`."""
    form = QFormLayout()
    for text, field in rows:
        add_row(form, text, field)
    return form
