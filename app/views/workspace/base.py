"""What every tab of the case workspace shares: it is shown a loaded case, saves through the runner, and says when
it changed something so the workspace reloads the case (and every tab sees the new state)."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from app.models import Case
from app.views.errors import current_language
from app.views.runner import StoreRunner


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
        return en if self.english else zh
