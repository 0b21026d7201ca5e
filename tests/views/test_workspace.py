"""The case workspace frame: loads the case off the GUI thread, builds each tab on its first view and shows it the
case, opens at a target, and is driven from the keyboard (Alt+1…9 between tabs, Ctrl+S, Ctrl+Shift+N in them)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.models import Case, Client, ServiceRecord
from app.models.enums import RecordStatus
from app.store.store import Store
from app.views.runner import StoreRunner
from app.views.workspace import CaseTab, CaseWorkspace
from app.views.workspace.assessment_tab import AssessmentTab
from app.views.workspace.profile_tab import ProfileTab
from app.views.workspace.records_tab import RecordsTab
from tests.factories import make_case, make_client


class SeenTab(CaseTab):
    title_zh = "基本資料"
    title_en = "Profile"
    target_kinds = ("case",)

    def show_case(self, case: Case) -> None:
        super().show_case(case)
        self.seen = case.client.name


class ReferralTab(CaseTab):
    title_zh = "派案/轉介"
    title_en = "Referrals"
    target_kinds = ("referral",)
    focused: uuid.UUID | None = None

    def focus_target(self, target_kind: str, target_id: uuid.UUID | None) -> None:
        self.focused = target_id


@pytest.fixture
def runner(store: Store) -> Iterator[StoreRunner]:
    runner = StoreRunner(store)
    yield runner
    runner.shutdown()


def test_workspace_shows_the_case_and_opens_at_a_target(store: Store, runner: StoreRunner, qtbot: QtBot) -> None:
    with store.transaction() as db:
        case = make_case(make_client(name="林美惠"))
        db.add(case)
    workspace = CaseWorkspace(runner, case.id, [SeenTab, ReferralTab])
    qtbot.addWidget(workspace)
    target = uuid.uuid4()
    workspace.open_at("referral", target)  # asked before the case has loaded
    with qtbot.waitSignal(workspace.loaded, timeout=5000):
        pass
    assert "林美惠" in workspace.header.text()
    first, second = workspace.tab_pages
    assert isinstance(first, SeenTab) and first.seen == "林美惠"
    assert workspace.tabs.currentIndex() == 1 and isinstance(second, ReferralTab) and second.focused == target


class BuiltCount(CaseTab):
    """A tab that counts how many of its kind were built, and what it was shown."""

    title_zh = "計數"
    title_en = "Count"
    built = 0

    def __init__(self, runner: StoreRunner, parent: QWidget | None = None) -> None:
        super().__init__(runner, parent)
        type(self).built += 1
        self.shown: list[str] = []

    def show_case(self, case: Case) -> None:
        super().show_case(case)
        self.shown.append(case.client.name)


class FirstTab(BuiltCount):
    built = 0


class SecondTab(BuiltCount):
    built = 0
    target_kinds = ("referral",)


class ThirdTab(BuiltCount):
    built = 0


@pytest.fixture(autouse=True)
def _count_from_zero() -> None:
    for tab_class in (FirstTab, SecondTab, ThirdTab):
        tab_class.built = 0


def a_case(store: Store, name: str = "林美惠") -> uuid.UUID:
    with store.transaction() as db:
        case = make_case(make_client(name=name))
        db.add(case)
        db.flush()
        return case.id


def test_only_the_tab_in_view_is_built_and_the_others_on_first_view(
    store: Store, runner: StoreRunner, qtbot: QtBot
) -> None:
    workspace = CaseWorkspace(runner, a_case(store), [FirstTab, SecondTab, ThirdTab])
    qtbot.addWidget(workspace)
    with qtbot.waitSignal(workspace.loaded, timeout=5000):
        workspace.show()
    assert (FirstTab.built, SecondTab.built, ThirdTab.built) == (1, 0, 0)
    assert [type(tab) for tab in workspace.built_tabs()] == [FirstTab]
    first = workspace.tab(FirstTab)
    assert first.shown == ["林美惠"] and first.isVisible()

    workspace.tabs.setCurrentIndex(2)  # built when selected, and shown the case loaded already
    third = workspace.tab(ThirdTab)
    assert ThirdTab.built == 1 and third.shown == ["林美惠"] and third.isVisible() and SecondTab.built == 0

    with qtbot.waitSignal(workspace.loaded, timeout=5000):
        workspace.reload()  # every tab built so far sees the reloaded case; the unbuilt one stays unbuilt
    assert first.shown == ["林美惠", "林美惠"] and third.shown == ["林美惠", "林美惠"] and SecondTab.built == 0
    workspace.tabs.setCurrentIndex(0)
    workspace.tabs.setCurrentIndex(2)
    assert ThirdTab.built == 1  # built once

    second = workspace.tab_pages[1]  # looking a tab up builds that one only
    assert isinstance(second, SecondTab) and second.shown == ["林美惠"] and not second.isVisible()
    assert (FirstTab.built, SecondTab.built, ThirdTab.built) == (1, 1, 1)


def test_a_target_opened_before_loading_builds_only_its_tab(store: Store, runner: StoreRunner, qtbot: QtBot) -> None:
    workspace = CaseWorkspace(runner, a_case(store), [FirstTab, SecondTab, ThirdTab])
    qtbot.addWidget(workspace)
    workspace.open_at("referral", uuid.uuid4())
    with qtbot.waitSignal(workspace.loaded, timeout=5000):
        workspace.show()
    assert workspace.tabs.currentIndex() == 1
    assert (FirstTab.built, SecondTab.built, ThirdTab.built) == (0, 1, 0)
    assert workspace.tab(SecondTab).shown == ["林美惠"]


CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


class SlowRecordsTab(RecordsTab):
    autosave_delay_ms = 60_000  # only Ctrl+S saves in the test below


def test_the_workspace_is_driven_from_the_keyboard(store: Store, runner: StoreRunner, qtbot: QtBot) -> None:
    case_id = a_case(store, "王小明")
    workspace = CaseWorkspace(runner, case_id, [ProfileTab, SlowRecordsTab, AssessmentTab])
    qtbot.addWidget(workspace)
    with qtbot.waitSignal(workspace.loaded, timeout=5000):
        workspace.show()
    workspace.activateWindow()
    qtbot.waitActive(workspace)
    assert workspace.tabs.tabToolTip(1) == "晤談紀錄（Alt+2）"

    # Alt+2: 晤談紀錄, built now, with the focus in it.
    qtbot.keyClick(workspace.focusWidget() or workspace, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    records = workspace.tab(SlowRecordsTab)
    assert workspace.tabs.currentIndex() == 1 and records.isVisible()
    assert records.isAncestorOf(QApplication.focusWidget())
    new = records.new_button
    assert new.accessibleName() == "新增紀錄" and "Ctrl+Shift+N" in new.toolTip()

    # Ctrl+Shift+N starts a new record with the focus in its notes; Ctrl+S saves the draft at once.
    qtbot.keyClick(records.row_list, Qt.Key.Key_N, CTRL_SHIFT)
    assert QApplication.focusWidget() is records.notes
    qtbot.keyClicks(records.notes, "first interview")
    assert records.autosaver.dirty
    qtbot.keyClick(records.notes, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not records.autosaver.busy(records.record_id), timeout=5000)
    with store.transaction() as db:
        draft = db.scalars(select(ServiceRecord)).one()
        assert (draft.notes, draft.status, draft.id) == ("first interview", RecordStatus.DRAFT, records.record_id)
    first = records.record_id
    qtbot.keyClick(records.notes, Qt.Key.Key_N, CTRL_SHIFT)
    assert records.record_id != first and records.notes.toPlainText() == ""

    # Alt+1: 基本資料, where Ctrl+S saves the profile.
    qtbot.keyClick(records.notes, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    profile = workspace.tab(ProfileTab)
    assert workspace.tabs.currentIndex() == 0 and profile.isAncestorOf(QApplication.focusWidget())
    assert "Ctrl+S" in profile.save_button.toolTip() and profile.save_button.accessibleName() == "儲存基本資料"
    qtbot.waitUntil(lambda: runner.idle, timeout=5000)  # leaving 晤談紀錄 after a save reloads the case
    qtbot.keyClicks(profile.contact_relation, "mother")
    qtbot.keyClick(profile.contact_relation, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: profile.status.text().startswith("已儲存"), timeout=5000)
    with store.transaction() as db:
        assert db.scalars(select(Client.contact_relation)).one() == "mother"

    # Alt+3 builds the assessment tab; its 「new」 button tells its keys too.
    qtbot.keyClick(profile.contact_relation, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assessment = workspace.tab(AssessmentTab)
    assert assessment.isVisible() and "Ctrl+Shift+N" in assessment.new_button.toolTip()
