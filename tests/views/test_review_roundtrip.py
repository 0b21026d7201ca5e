"""送審 across two laptops and a real central service, through the real widgets: the case manager submits a plan
(送審 in the plan tab) and syncs; the supervisor syncs, returns it with a comment in the review queue and syncs; the
case manager syncs, sees the comment, revises, submits again; the supervisor approves. Both laptops' timelines
then agree and show submitted, returned, submitted, approved. With the team setting "closure requires sign-off" on,
a submitted closure leaves the case open until the supervisor's approval arrives."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.models import Case, PlanItem, ServicePlan
from app.models.enums import IntakeDecision, PlanPart, PlanStatus, ReviewDecision, Stage
from app.services import clock, reviews, team_settings, workflow
from app.services.cases import load_case
from app.services.timeline import Step, TimelineEntry, case_timeline
from app.store.store import Store
from app.views.runner import StoreRunner
from app.views.supervisor.review_queue import ReviewQueueView
from app.views.workspace import CaseWorkspace
from app.views.workspace.closure_tab import ClosureTab
from app.views.workspace.plan_tab import PlanTab
from app.views.workspace.timeline_tab import TimelineTab
from server.cli import DEMO_TEAM
from tests.factories import make_case, make_client
from tests.sync.live import Laptop, LiveServer, laptops, running_server, template_once

TODAY = clock.today()
OPENED = TODAY - timedelta(days=40)
RETURN_COMMENT = "第三部分請補上穩定就業後的追蹤方式"


@pytest.fixture
def server(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    template = template_once(tmp_path_factory.mktemp("server-template"))
    with running_server(tmp_path / "server", template) as running:
        yield running


@pytest.fixture
def pair(server: LiveServer, tmp_path: Path) -> Iterator[tuple[Laptop, Laptop]]:
    with laptops(server, tmp_path, "cm.chen", "sup.wang") as (manager, supervisor):
        yield manager, supervisor


@pytest.fixture
def runners(pair: tuple[Laptop, Laptop], qtbot: QtBot) -> Iterator[tuple[StoreRunner, StoreRunner]]:
    made = (StoreRunner(pair[0].store), StoreRunner(pair[1].store))
    yield made
    for runner in made:
        runner.shutdown()


def _case_with_a_draft_plan(store: Store) -> tuple[uuid.UUID, uuid.UUID]:
    with store.transaction() as session:
        case = make_case(make_client(name="林美華"), application_date=OPENED - timedelta(days=2), owner="cm.chen")
        session.add(case)
        workflow.record_intake_assessment(case, OPENED - timedelta(days=1), "具工作意願，適合職業重建")
        workflow.decide_intake(case, IntakeDecision.OPEN, OPENED)
        plan = workflow.new_plan(case, OPENED + timedelta(days=5), OPENED + timedelta(days=200), "餐飲業內場助手")
        session.add(PlanItem(plan=plan, part=PlanPart.PRE_EMPLOYMENT, service_kind="career_counselling"))
        workflow.record_consent(plan, OPENED + timedelta(days=6))
        session.flush()
        return case.id, plan.id


def _workspace(qtbot: QtBot, runner: StoreRunner, case_id: uuid.UUID) -> CaseWorkspace:
    workspace = CaseWorkspace(runner, case_id, [PlanTab, ClosureTab, TimelineTab])
    qtbot.addWidget(workspace)
    workspace.show()
    with qtbot.waitSignal(workspace.loaded, timeout=5000):
        pass
    qtbot.waitUntil(lambda: runner.idle, timeout=5000)
    return workspace


def _reloads(qtbot: QtBot, workspace: CaseWorkspace, action: object) -> None:
    with qtbot.waitSignal(workspace.loaded, timeout=5000):
        action()  # type: ignore[operator]
    qtbot.waitUntil(lambda: workspace.runner.idle, timeout=5000)


def _queue(qtbot: QtBot, runner: StoreRunner, rows: int) -> ReviewQueueView:
    queue = ReviewQueueView(runner)
    qtbot.addWidget(queue)
    queue.show()
    qtbot.waitUntil(lambda: len(queue.rows) == rows and (rows == 0 or queue.detail is not None), timeout=5000)
    return queue


def _decide(qtbot: QtBot, queue: ReviewQueueView, decision: ReviewDecision, comment: str = "") -> None:
    queue.comment.setPlainText(comment)
    button = queue.return_button if decision == ReviewDecision.RETURNED else queue.approve_button
    with qtbot.waitSignal(queue.decided, timeout=5000):
        button.click()
    qtbot.waitUntil(lambda: queue.runner.idle, timeout=5000)


def _timeline(store: Store, case_id: uuid.UUID) -> list[TimelineEntry]:
    with store.transaction() as session:
        return case_timeline(load_case(session, case_id, audit=False))


def test_a_plan_is_returned_revised_and_approved_across_two_laptops(
    pair: tuple[Laptop, Laptop], runners: tuple[StoreRunner, StoreRunner], qtbot: QtBot
) -> None:
    manager, supervisor = pair
    case_id, plan_id = _case_with_a_draft_plan(manager.store)
    workspace = _workspace(qtbot, runners[0], case_id)
    plan_tab = workspace.tab_pages[0]
    assert isinstance(plan_tab, PlanTab) and plan_tab.submit_button.isEnabled()
    plan_tab.submit_note.setText("請督導審閱")
    _reloads(qtbot, workspace, plan_tab.submit_button.click)
    assert "等待審核" in plan_tab.review_state.text() and not plan_tab.submit_button.isEnabled()
    assert manager.sync().rejected == 0

    assert supervisor.sync().rejected == 0
    queue = _queue(qtbot, runners[1], 1)
    assert queue.table.item(0, 0).text() == "cm.chen" and queue.table.item(0, 1).text() == "林美華"
    assert "服務計畫第 1 版" in queue.table.item(0, 2).text() and "career" not in queue.browser.toPlainText()
    assert "餐飲業內場助手" in queue.browser.toPlainText()  # the plan itself, read-only
    queue.comment.clear()
    queue.return_button.click()  # a return needs a comment
    assert "需要修改" in queue.notice.text()
    _decide(qtbot, queue, ReviewDecision.RETURNED, RETURN_COMMENT)
    assert queue.rows == []
    assert supervisor.sync().rejected == 0

    report = manager.sync()
    assert report.rejected == 0 and report.pending == 0  # the plan's return took effect and went up at once
    _reloads(qtbot, workspace, workspace.reload)
    assert RETURN_COMMENT in plan_tab.review_state.text() and "修訂計畫" in plan_tab.review_state.text()
    with manager.store.transaction() as session:
        assert session.get_one(ServicePlan, plan_id).status == PlanStatus.RETURNED
    revision = plan_tab.open_revision_dialog()
    assert revision is not None
    revision.reason.setPlainText("依督導意見補充穩定就業後服務")
    _reloads(qtbot, workspace, revision.check_and_accept)
    assert plan_tab.plan is not None and plan_tab.plan.version_no == 2 and plan_tab.plan.status == PlanStatus.DRAFT
    plan_tab.consent_on.setDate(TODAY)
    _reloads(qtbot, workspace, plan_tab.consent_button.click)
    _reloads(qtbot, workspace, plan_tab.submit_button.click)
    assert manager.sync().rejected == 0

    supervisor.sync()
    queue.refresh()
    qtbot.waitUntil(lambda: len(queue.rows) == 1 and queue.detail is not None, timeout=5000)
    assert "服務計畫第 2 版" in queue.table.item(0, 2).text()
    assert RETURN_COMMENT in queue.browser.toPlainText()  # the earlier round is shown with its comment
    _decide(qtbot, queue, ReviewDecision.APPROVED)
    supervisor.sync()

    manager.sync()
    supervisor.sync()  # brings the plan's new status the case manager's laptop wrote
    _reloads(qtbot, workspace, workspace.reload)
    assert "核准" in plan_tab.review_state.text() and plan_tab.start_button.isEnabled()
    with manager.store.transaction() as session:
        statuses = [p.status for p in session.scalars(select(ServicePlan).order_by(ServicePlan.version_no))]
    assert statuses == [PlanStatus.SUPERSEDED, PlanStatus.APPROVED]

    mine, theirs = _timeline(manager.store, case_id), _timeline(supervisor.store, case_id)
    assert [e.text_zh for e in mine] == [e.text_zh for e in theirs]
    rounds = [e.text_zh for e in mine if e.step == Step.REVIEW]
    assert rounds == [
        "督導核准服務計畫第 2 版（sup.wang）",
        "服務計畫第 2 版送審（cm.chen）",
        f"督導退回服務計畫第 1 版（sup.wang）：{RETURN_COMMENT}",
        "服務計畫第 1 版送審（cm.chen）：請督導審閱",
    ]
    timeline_tab = workspace.tab_pages[2]
    workspace.tabs.setCurrentIndex(2)
    assert isinstance(timeline_tab, TimelineTab)
    qtbot.waitUntil(lambda: bool(timeline_tab.entries), timeout=5000)
    shown = [timeline_tab.model.item(row, 1).text() for row in range(timeline_tab.model.rowCount())]
    assert all(line in shown for line in rounds)


def test_with_sign_off_required_a_submitted_closure_waits_for_approval(
    server: LiveServer, pair: tuple[Laptop, Laptop], runners: tuple[StoreRunner, StoreRunner], qtbot: QtBot
) -> None:
    manager, supervisor = pair
    server.cli("team-setting", "--team", DEMO_TEAM, "--closure-signoff", "on")
    case_id, _plan_id = _case_with_a_draft_plan(manager.store)
    manager.sync()
    with manager.store.transaction() as session:
        assert team_settings.closure_signoff_required(session)  # the setting came with the pull

    workspace = _workspace(qtbot, runners[0], case_id)
    workspace.tabs.setCurrentIndex(1)
    tab = workspace.tab_pages[1]
    assert isinstance(tab, ClosureTab)
    qtbot.waitUntil(lambda: tab.signoff_required, timeout=5000)
    tab.select_reason("plan_goal_achieved")
    qtbot.waitUntil(lambda: tab.check is not None and tab.check.allowed, timeout=5000)
    tab.next_button.click()
    tab.summary.setPlainText("已達成計畫目標，個案於超市穩定工作。")
    tab.next_button.click()
    tab.next_button.click()
    assert tab.submit_button.isVisible() and not tab.finish_button.isVisible()
    assert "督導核准" in tab.review.text()
    _reloads(qtbot, workspace, tab.submit_button.click)
    assert tab.pages.currentIndex() == 3 and "等待審核" in tab.waiting_state.text()
    manager.sync()
    with manager.store.transaction() as session:
        case = session.get_one(Case, case_id)
        assert case.stage != Stage.G and case.closed_on is None  # submitted, not closed

    supervisor.sync()
    queue = _queue(qtbot, runners[1], 1)
    assert queue.table.item(0, 2).text() == "結案" and "已達成計畫目標" in queue.browser.toPlainText()
    _decide(qtbot, queue, ReviewDecision.APPROVED, "同意結案")
    supervisor.sync()
    with supervisor.store.transaction() as session:
        assert session.get_one(Case, case_id).closed_on is None  # closes on the case manager's laptop

    manager.sync()
    with manager.store.transaction() as session:
        case = session.get_one(Case, case_id)
        assert (case.stage, case.closed_on) == (Stage.G, TODAY)
        assert not reviews.closure_pending(load_case(session, case_id, audit=False))
    _reloads(qtbot, workspace, workspace.reload)
    assert tab.pages.currentIndex() == 1 and "計畫目標達成" in tab.closed_text.text()
    supervisor.sync()
    with supervisor.store.transaction() as session:
        assert session.get_one(Case, case_id).stage == Stage.G
