"""The case workspace: loads the case off the GUI thread, shows a header, and hands the case to every tab."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from app.models import Case
from app.services.cases import load_case
from app.services.labels import label
from app.services.rocdate import format_roc
from app.views.errors import current_language
from app.views.runner import StoreRunner
from app.views.workspace.base import CaseTab


class CaseWorkspace(QWidget):
    loaded = Signal(object)  # the Case, after each (re)load

    def __init__(
        self, runner: StoreRunner, case_id: uuid.UUID, tabs: Sequence[type[CaseTab]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.case_id = case_id
        self.case: Case | None = None
        self.header = QLabel("…")
        self.header.setAccessibleName("Case" if current_language() == "en" else "個案")
        self.header.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tab_pages: list[CaseTab] = []
        for tab_class in tabs:
            tab = tab_class(runner)
            tab.changed.connect(self.reload)
            self.tab_pages.append(tab)
            self.tabs.addTab(tab, tab_class.title())
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs)
        self._pending_target: tuple[str, uuid.UUID | None] | None = None
        self.reload()

    def reload(self) -> None:
        case_id = self.case_id
        progress = "Loading the case…" if current_language() == "en" else "載入個案…"
        self.runner.run(lambda session: load_case(session, case_id), self._show, owner=self, progress=progress)

    def open_at(self, target_kind: str, target_id: uuid.UUID | None) -> None:
        """Select the tab that holds `target_kind` records and bring `target_id` into view (after loading)."""
        if self.case is None:
            self._pending_target = (target_kind, target_id)
            return
        for index, tab in enumerate(self.tab_pages):
            if target_kind in tab.target_kinds:
                self.tabs.setCurrentIndex(index)
                tab.focus_target(target_kind, target_id)
                return

    def _show(self, case: Case) -> None:
        self.case = case
        english = current_language() == "en"
        client = case.client
        opened = format_roc(case.opened_on, "short") if case.opened_on else "—"
        self.header.setText(
            f"<b>{client.name}</b>　{client.id_number}　{label(case.programme, current_language())}　"
            f"{label(case.stage, current_language())}　"
            + (f"opened {opened}　case manager {case.owner}" if english else f"開案 {opened}　個管員 {case.owner}")
        )
        for tab in self.tab_pages:
            tab.show_case(case)
        self.loaded.emit(case)
        if self._pending_target is not None:
            target, self._pending_target = self._pending_target, None
            self.open_at(*target)
