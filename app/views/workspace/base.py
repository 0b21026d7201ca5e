"""What every tab of the case workspace shares: it is shown a loaded case, saves through the runner, and says when
it changed something so the workspace reloads the case (and every tab sees the new state)."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QWidget

from app.models import Case
from app.views.errors import current_language
from app.views.i18n import translate
from app.views.runner import StoreRunner

# Key sequences are made when a tab is (a QKeySequence made before the application exists crashes Qt).
Keys = QKeySequence | QKeySequence.StandardKey | str
SAVE_KEYS: Keys = QKeySequence.StandardKey.Save  # Ctrl+S
NEW_KEYS: Keys = "Ctrl+Shift+N"  # a new record in the tab (Ctrl+N is the main window's new intake)


class CaseTab(QWidget):
    """Base of a workspace tab. Subclasses set `title_zh`/`title_en`, and `target_kinds` (the deadline targets,
    e.g. "referral", that open on this tab), and implement `show_case`."""

    changed = Signal()
    title_zh = ""
    title_en = ""
    target_kinds: tuple[str, ...] = ()

    def __init__(self, runner: StoreRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.case: Case | None = None
        self.english = current_language() == "en"

    @classmethod
    def title(cls) -> str:
        return cls.title_en if current_language() == "en" else cls.title_zh

    def show_case(self, case: Case) -> None:
        """Show a freshly loaded case (detached, with every relationship of services.cases.load_case loaded)."""
        self.case = case

    def focus_target(self, target_kind: str, target_id: uuid.UUID | None) -> None:
        """Bring the record `target_id` into view (a deadline was opened); the default does nothing more."""

    def text(self, zh: str, en: str) -> str:
        return translate(zh, en, "en" if self.english else "zh-TW")

    def add_shortcut(self, keys: Keys, *buttons: QAbstractButton) -> QShortcut:
        """While the focus is in this tab, `keys` press the first of `buttons` that is on screen and enabled (the
        one that applies to what the tab shows now). Each button's tooltip and accessible description tell the
        keys; its accessible name is its text."""
        sequence = QKeySequence(keys)
        shortcut = QShortcut(sequence, self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda: _press_first(self, buttons))
        hint = sequence.toString(QKeySequence.SequenceFormat.NativeText)
        for button in buttons:
            button.setAccessibleName(button.text())
            button.setAccessibleDescription(hint)
            said = button.toolTip()
            button.setToolTip((f"{said} ({hint})" if self.english else f"{said}（{hint}）") if said else hint)
        return shortcut

    def add_key_action(self, keys: Keys, slot: Callable[[], object]) -> QShortcut:
        """While the focus is in this tab, `keys` call `slot` (an action without a button, e.g. saving a draft now)."""
        return QShortcut(QKeySequence(keys), self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)


def _press_first(tab: QWidget, buttons: tuple[QAbstractButton, ...]) -> None:
    for button in buttons:
        if button.isVisibleTo(tab) and button.isEnabled():
            button.click()
            return
