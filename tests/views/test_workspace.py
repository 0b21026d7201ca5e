"""The case workspace frame: loads the case off the GUI thread, shows it to every tab, opens at a target."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from app.models import Case
from app.store.store import Store
from app.views.runner import StoreRunner
from app.views.workspace import CaseTab, CaseWorkspace
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
