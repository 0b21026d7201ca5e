"""FieldMessage: the line below a field that says what is wrong with it, or confirms how it was read."""

from __future__ import annotations

from typing import Final, Literal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QWidget

MessageKind = Literal["none", "hint", "error"]

ERROR_COLOUR: Final = QColor("#b3261e")  # dark red: 6.5:1 on white, readable for low vision too
HINT_COLOUR: Final = QColor("#4a4a4a")


class FieldMessage(QLabel):
    """The line below a field: an error (red) or a neutral hint such as the 民國 reading of a typed date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind: MessageKind = "none"
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Keep one line's room even when empty, so a form does not jump as messages come and go.
        self.setMinimumHeight(self.fontMetrics().height())

    def kind(self) -> MessageKind:
        return self._kind

    def showError(self, text: str) -> None:
        self._show("error", text, ERROR_COLOUR)

    def showHint(self, text: str) -> None:
        self._show("hint", text, HINT_COLOUR)

    def clear(self) -> None:
        self._show("none", "", HINT_COLOUR)

    def _show(self, kind: MessageKind, text: str, colour: QColor) -> None:
        self._kind = kind
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        self.setPalette(palette)
        self.setText(text)
