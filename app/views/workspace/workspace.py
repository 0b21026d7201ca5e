"""The case workspace: loads the case off the GUI thread, shows a header, and hands the case to every tab.

A tab is built the first time it comes into view (the one on screen when the window opens, one picked with the
mouse, Ctrl+Tab or Alt+1…9, or the one a deadline opens at), and is shown the loaded case then; opening a case
builds one tab instead of nine. Every tab built so far is shown each reload of the case.

The 列印 button beside the header (Ctrl+P) lists the documents that print for a case; its menu is filled the
first time it opens, so opening a case reads no form template.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TypeVar, overload

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QTabWidget, QToolButton, QVBoxLayout, QWidget

from app.models import Case
from app.services.cases import load_case
from app.services.labels import label
from app.services.rocdate import format_roc
from app.views.errors import current_language
from app.views.forms import message_label
from app.views.print_job import documents_about
from app.views.printing import open_print_dialog
from app.views.runner import StoreRunner
from app.views.settings import AppSettings
from app.views.workspace.base import CaseTab
from app.views.workspace.read_only import ReadOnlyLock

TabT = TypeVar("TabT", bound=CaseTab)


class CaseWorkspace(QWidget):
    loaded = Signal(object)  # the Case, after each (re)load

    def __init__(
        self,
        runner: StoreRunner,
        case_id: uuid.UUID,
        tabs: Sequence[type[CaseTab]],
        parent: QWidget | None = None,
        *,
        settings: AppSettings | None = None,
        read_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self.read_only = read_only  # a supervisor's view of a team case (app.views.workspace.read_only)
        self.runner = runner
        self.case_id = case_id
        self.case: Case | None = None
        self.settings = settings  # the agency printed on forms; None: the user's stored settings
        self.header = QLabel("…")
        self.header.setAccessibleName("Case" if current_language() == "en" else "個案")
        self.header.setWordWrap(True)
        self.read_only_banner = message_label()
        self.read_only_banner.setVisible(read_only)
        self.print_button = QToolButton()
        self.print_button.setText("Print" if current_language() == "en" else "列印")
        self.print_button.setAccessibleName(self.print_button.text())
        self.print_button.setToolTip("Ctrl+P")
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.print_menu = QMenu(self.print_button)
        self.print_menu.aboutToShow.connect(self._fill_print_menu)
        self.print_button.setMenu(self.print_menu)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_button.showMenu)
        self.tabs = QTabWidget()
        self.tab_classes = tuple(tabs)
        self._built: dict[int, CaseTab] = {}
        english = current_language() == "en"
        for index, tab_class in enumerate(self.tab_classes):
            self.tabs.addTab(_TabHolder(), tab_class.title())
            if index < 9:  # Alt+1…9, as the main window's pages have Ctrl+1…9
                keys = QKeySequence(f"Alt+{index + 1}")
                hint = keys.toString(QKeySequence.SequenceFormat.NativeText)
                self.tabs.setTabToolTip(
                    index, f"{tab_class.title()} ({hint})" if english else f"{tab_class.title()}（{hint}）"
                )
                QShortcut(keys, self, lambda index=index: self.go_to_tab(index))
        self.tabs.currentChanged.connect(self.page)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.read_only_banner)
        layout.addWidget(self.tabs)
        self._pending_target: tuple[str, uuid.UUID | None] | None = None
        self.reload()

    @property
    def tab_pages(self) -> TabPages:
        """The tabs in order; looking one up builds it if it was not built yet."""
        return TabPages(self)

    def built_tabs(self) -> list[CaseTab]:
        """The tabs built so far, in order."""
        return [self._built[index] for index in sorted(self._built)]

    def page(self, index: int) -> CaseTab:
        """The tab at `index`, built now (and shown the case, if it has loaded) if it was not built yet."""
        tab = self._built.get(index)
        if tab is None:
            tab = self.tab_classes[index](self.runner)
            tab.changed.connect(self.reload)
            if self.case is not None:
                tab.show_case(self.case)
            holder = self.tabs.widget(index)
            assert isinstance(holder, _TabHolder)
            holder.hold(tab)
            if self.read_only:
                ReadOnlyLock(tab).apply()
            self._built[index] = tab
        return tab

    def tab(self, tab_class: type[TabT]) -> TabT:
        """The tab of `tab_class`, built if need be (it need not be the current one)."""
        index = self.tab_classes.index(tab_class)
        tab = self.page(index)
        assert isinstance(tab, tab_class)
        return tab

    def go_to_tab(self, index: int) -> CaseTab:
        """Bring the tab at `index` into view and move the keyboard focus into it."""
        self.tabs.setCurrentIndex(index)
        tab = self.page(index)
        last = tab.focusWidget()  # where the focus was when the tab was last left
        if last is not None and last.isVisible() and last.isEnabled():
            last.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            _focus_first(tab)
        return tab

    def showEvent(self, event: QShowEvent) -> None:
        if self.tabs.count():
            self.page(self.tabs.currentIndex())  # the tab in view is built before the window first paints
        super().showEvent(event)

    def reload(self) -> None:
        case_id = self.case_id
        progress = "Loading the case…" if current_language() == "en" else "載入個案…"
        self.runner.run(lambda session: load_case(session, case_id), self._show, owner=self, progress=progress)

    def _fill_print_menu(self) -> None:
        if self.print_menu.actions():
            return
        english = current_language() == "en"
        for doc_id, title, title_en in documents_about("case"):
            action = self.print_menu.addAction(f"{title_en if english else title}…")
            action.setData(doc_id)
            action.triggered.connect(lambda _=False, doc_id=doc_id: self.open_print_dialog(doc_id))

    def open_print_dialog(self, doc_id: str | None = None) -> QWidget:
        """The print dialog for this case, at document `doc_id`."""
        names = [self.case.client.name] if self.case is not None else []
        settings = self.settings or AppSettings()
        return open_print_dialog(self.runner, settings, [self.case_id], self, doc_id=doc_id, names=names)

    def open_at(self, target_kind: str, target_id: uuid.UUID | None) -> None:
        """Select the tab that holds `target_kind` records and bring `target_id` into view (after loading)."""
        for index, tab_class in enumerate(self.tab_classes):
            if target_kind in tab_class.target_kinds:
                self.tabs.setCurrentIndex(index)
                if self.case is None:
                    self._pending_target = (target_kind, target_id)
                else:
                    self.page(index).focus_target(target_kind, target_id)
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
        if self.read_only:
            self.read_only_banner.setText(
                f"Read only: {case.owner}'s case. You can read and print its records, decide what is submitted "
                "for sign-off (Sign-off page) and write supervision records; changes are made by the case manager."
                if english
                else f"唯讀檢視：這是 {case.owner} 的個案。督導可以檢視與列印紀錄、在「待審」頁審核送審，"
                "並撰寫督導紀錄；個案紀錄的修改由個管員進行。"
            )
        for tab in self.built_tabs():
            tab.show_case(case)
            if self.read_only:
                _lock_of(tab).apply()
        self.loaded.emit(case)
        if self._pending_target is not None:
            target, self._pending_target = self._pending_target, None
            self.open_at(*target)


class TabPages(Sequence[CaseTab]):
    """The workspace's tabs as a sequence: indexing builds only the tab asked for; iterating builds them all."""

    def __init__(self, workspace: CaseWorkspace) -> None:
        self._workspace = workspace

    def __len__(self) -> int:
        return len(self._workspace.tab_classes)

    @overload
    def __getitem__(self, index: int) -> CaseTab: ...

    @overload
    def __getitem__(self, index: slice) -> list[CaseTab]: ...

    def __getitem__(self, index: int | slice) -> CaseTab | list[CaseTab]:
        if isinstance(index, slice):
            return [self._workspace.page(i) for i in range(len(self))[index]]
        return self._workspace.page(range(len(self))[index])


class _TabHolder(QWidget):
    """The page a tab's widget is put in once it is built."""

    def __init__(self) -> None:
        super().__init__()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def hold(self, tab: CaseTab) -> None:
        self._layout.addWidget(tab)
        tab.show()  # now, not at the next turn of the event loop (as a layout would), so it is usable at once
        self.setFocusProxy(tab)


def _lock_of(tab: CaseTab) -> ReadOnlyLock:
    lock = tab.findChild(ReadOnlyLock)
    return lock if isinstance(lock, ReadOnlyLock) else ReadOnlyLock(tab)


def _focus_first(tab: CaseTab) -> None:
    """Focus the first control of `tab` that takes the keyboard focus with Tab."""
    widget = tab.nextInFocusChain()
    while widget is not None and widget is not tab:
        if (
            tab.isAncestorOf(widget)
            and widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return
        widget = widget.nextInFocusChain()
