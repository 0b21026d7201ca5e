"""A case window a supervisor opens on a team case: every record readable, nothing editable.

The central service sends a supervisor the team's cases read-only (server/services/scope.py `read_only`), and the
store refuses a change to them (app.store.tracking `_guard_read_only`). This module makes the window say so before
anyone types: text stays selectable and copyable, tables and lists still select (a record, a plan version, a job
shows in the tab's form), but fields are read-only and every button that would change something is disabled.

The tabs were written for the case manager and enable their own buttons as the state they show changes (定稿 once
a draft is selected, 送審 on a consented plan); `ReadOnlyLock` watches each locked widget and undoes that at once,
so no tab needs a read-only branch. A button that only shows or exports (an attachment's 開啟) is marked with
`mark_viewing` and stays usable.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QTabBar,
    QTextEdit,
    QWidget,
)

VIEWING_PROPERTY: Final = "fieldcase_viewing"
_WATCHED_PROPERTY: Final = "fieldcase_read_only_watched"

READ_ONLY_FIELD_COLOUR: Final = QColor("#f0f0f0")

_Editable = QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox


def mark_viewing(*widgets: QWidget) -> None:
    """These buttons (or choices) only show or export what is there: they stay usable in a read-only case window."""
    for widget in widgets:
        widget.setProperty(VIEWING_PROPERTY, True)


class ReadOnlyLock(QObject):
    """Locks the editing controls of one widget tree and keeps them locked, also those the tab adds later."""

    def __init__(self, root: QWidget) -> None:
        super().__init__(root)
        self.root = root
        self._pending = False

    def apply(self) -> None:
        """Lock every control under the root now, and watch every widget so that later changes are undone."""
        self._pending = False
        window = self.root.window()
        for widget in [self.root, *self.root.findChildren(QWidget)]:
            if widget.property(_WATCHED_PROPERTY) or widget.window() is not window:
                continue  # watched already, or in a dialog over the case window (a message, a file dialog)
            widget.setProperty(_WATCHED_PROPERTY, True)
            widget.installEventFilter(self)
            if _is_control(widget):
                _lock(widget)
        for view in self.root.findChildren(QAbstractItemView):
            if not isinstance(view, QHeaderView) and view.window() is window:
                view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.EnabledChange, QEvent.Type.ReadOnlyChange):
            if isinstance(watched, QWidget) and _is_control(watched):
                _lock(watched)  # the tab changed it back for the state it shows: lock it again
        elif kind == QEvent.Type.ChildAdded and not self._pending:
            # A widget is being built under a watched one (a row of a list, a certificate's panel): lock it once it
            # is whole, at the next turn of the event loop.
            self._pending = True
            QTimer.singleShot(0, self, self.apply)
        return False


def _is_control(widget: QWidget) -> bool:
    """A control that edits: a field, a choice, or a button that is not marked as only viewing."""
    if widget.property(VIEWING_PROPERTY):
        return False
    inside = widget.parent()
    if isinstance(widget, _Editable):
        return not isinstance(inside, QComboBox | QAbstractSpinBox)  # their own line edit follows them
    if isinstance(widget, QAbstractButton):
        return not isinstance(inside, QTabBar | QAbstractItemView)  # scroll arrows, a table's corner button
    return isinstance(widget, QComboBox | QSlider)


def _lock(widget: QWidget) -> None:
    if isinstance(widget, _Editable):
        if not widget.isReadOnly():
            widget.setReadOnly(True)
        # A read-only field looks it (grey, as a disabled choice does), so nobody starts typing into one. A field
        # with a style sheet (the validated ones) takes its colour from it, the others from their palette.
        palette = widget.palette()
        palette.setColor(QPalette.ColorRole.Base, READ_ONLY_FIELD_COLOUR)
        widget.setPalette(palette)
        if not widget.styleSheet():
            widget.setStyleSheet(f"background: {READ_ONLY_FIELD_COLOUR.name()};")
    elif widget.isEnabled():
        widget.setEnabled(False)
