"""The workspace tabs 服務計畫, 派案/轉介, 就業, 結案 and 附件 driven through their real widgets against a real store,
checking what the store holds after each step."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.models import Attachment, Case, Employment, PlanItem, Referral, ServicePlan, ServiceUnit
from app.models.enums import IntakeDecision, PlanPart, PlanStatus, ReferralKind, ReferralResponse, Stage
from app.services import clock, workflow
from app.services.workdays import add_months
from app.store.store import Store
from app.views.runner import StoreRunner
from app.views.workspace import CaseWorkspace
from app.views.workspace.attachments_tab import AttachmentsTab
from app.views.workspace.closure_tab import ClosureTab
from app.views.workspace.common import set_combo_data
from app.views.workspace.employment_tab import EmploymentTab
from app.views.workspace.plan_tab import PlanTab
from app.views.workspace.referral_tab import ReferralTab
from tests.factories import make_case, make_client

TABS = [PlanTab, ReferralTab, EmploymentTab, ClosureTab, AttachmentsTab]
TODAY = clock.today()
OPENED = TODAY - timedelta(days=60)


@pytest.fixture
def runner(store: Store, qtbot: QtBot) -> Iterator[StoreRunner]:
    runner = StoreRunner(store)
    yield runner
    runner.shutdown()


@pytest.fixture
def case_id(store: Store) -> uuid.UUID:
    with store.transaction() as db:
        case = make_case(make_client(name="陳怡君"), application_date=OPENED - timedelta(days=2))
        db.add(case)
        workflow.record_intake_assessment(case, OPENED - timedelta(days=1), "適合職業重建")
        workflow.decide_intake(case, IntakeDecision.OPEN, OPENED)
        return case.id


@pytest.fixture
def unit_id(store: Store) -> uuid.UUID:
    with store.transaction() as db:
        db.add(ServiceUnit(name="伊甸基金會", service_kinds=["supported_employment"], county="TPE", capacity=9))
        unit = ServiceUnit(
            name="臺北市職業重建中心",
            service_kinds=["vocational_evaluation", "supported_employment"],
            county="TPE",
            capacity=10,
            current_caseload=7,
            contact_person="林社工",
            phone="02-2345-6789",
        )
        db.add(unit)
        return unit.id


def open_workspace(qtbot: QtBot, runner: StoreRunner, case_id: uuid.UUID) -> CaseWorkspace:
    workspace = CaseWorkspace(runner, case_id, TABS)
    qtbot.addWidget(workspace)
    workspace.show()
    with qtbot.waitSignal(workspace.loaded, timeout=5000):
        pass
    qtbot.waitUntil(lambda: runner.idle, timeout=5000)
    return workspace


def reloads(qtbot: QtBot, workspace: CaseWorkspace, action: Callable[[], object]) -> None:
    """Do `action`, which saves something, and wait until the workspace has reloaded the case."""
    with qtbot.waitSignal(workspace.loaded, timeout=5000):
        action()
    qtbot.waitUntil(lambda: workspace.runner.idle, timeout=5000)


def test_plan_with_goal_and_item_starts_only_after_consent(
    store: Store, runner: StoreRunner, case_id: uuid.UUID, unit_id: uuid.UUID, qtbot: QtBot
) -> None:
    workspace = open_workspace(qtbot, runner, case_id)
    tab = workspace.tab_pages[0]
    assert isinstance(tab, PlanTab) and tab.new_button.isEnabled() and not tab.start_button.isEnabled()

    reloads(qtbot, workspace, tab.new_button.click)
    with store.transaction() as db:
        plan = db.scalars(select(ServicePlan)).one()
        assert (plan.status, plan.version_no, db.get_one(Case, case_id).stage) == (PlanStatus.DRAFT, 1, Stage.D)
    assert tab.start_button.isEnabled() and not tab.new_button.isEnabled()

    tab.goal_text.setPlainText("一年內於餐飲業內場穩定就業")
    reloads(qtbot, workspace, workspace.reload)  # another tab saved something: the typed goal stays
    assert tab.goal_text.toPlainText() == "一年內於餐飲業內場穩定就業"
    goal_dialog = tab.open_goal_dialog(PlanPart.PRE_EMPLOYMENT)
    assert goal_dialog is not None
    goal_dialog.check_and_accept()  # an empty goal is refused beside the form
    assert goal_dialog.isVisible() and "目標內容" in goal_dialog.notice.text()
    goal_dialog.description.setText("完成職業輔導評量")
    reloads(qtbot, workspace, goal_dialog.check_and_accept)

    item_dialog = tab.open_item_dialog(PlanPart.PRE_EMPLOYMENT)
    assert item_dialog is not None
    set_combo_data(item_dialog.kind, "vocational_evaluation")
    choices = [item_dialog.unit.itemText(i) for i in range(item_dialog.unit.count())]
    assert choices[1:] == ["臺北市職業重建中心（臺北市）— 尚可容納 3"]  # only units offering the service
    item_dialog.unit.set_unit_id(unit_id)
    assert "林社工" in item_dialog.cap_hint.text()
    item_dialog.hours.setValue(12)
    reloads(qtbot, workspace, item_dialog.check_and_accept)

    with store.transaction() as db:
        plan = db.scalars(select(ServicePlan)).one()
        # The goal typed before adding the goal was saved with it: nothing typed is lost.
        assert plan.vocational_goal == "一年內於餐飲業內場穩定就業"
        assert [(g.part, g.description) for g in plan.goals] == [(PlanPart.PRE_EMPLOYMENT, "完成職業輔導評量")]
        assert [(i.service_kind, i.service_unit_id, i.hours) for i in plan.items] == [
            ("vocational_evaluation", unit_id, 12.0)
        ]
    page = tab.part_pages[PlanPart.PRE_EMPLOYMENT]
    assert (page.goals.rowCount(), page.items.rowCount()) == (1, 1)
    assert page.items.item(0, 1).text() == "臺北市職業重建中心"

    tab.start_button.click()
    qtbot.waitUntil(lambda: "同意" in tab.notice.text(), timeout=5000)
    with store.transaction() as db:
        assert db.scalars(select(ServicePlan)).one().status == PlanStatus.DRAFT

    set_combo_data(tab.consent_by, "guardian")
    tab.consent_on.setDate(TODAY - timedelta(days=1))
    reloads(qtbot, workspace, tab.consent_button.click)
    reloads(qtbot, workspace, tab.start_button.click)
    with store.transaction() as db:
        plan = db.scalars(select(ServicePlan)).one()
        assert (plan.status, plan.consent_by, plan.consent_on) == (
            PlanStatus.APPROVED,
            "guardian",
            TODAY - timedelta(days=1),
        )
        assert db.get_one(Case, case_id).stage == Stage.E
    assert "計畫開始執行" in tab.notice.text() and tab.revise_button.isEnabled() and not tab.save_button.isEnabled()

    revision = tab.open_revision_dialog()
    assert revision is not None
    revision.reason.setPlainText("評量結果建議改為支持性就業")
    reloads(qtbot, workspace, revision.check_and_accept)
    with store.transaction() as db:
        versions = db.scalars(select(ServicePlan).order_by(ServicePlan.version_no)).all()
        assert [(p.version_no, p.status) for p in versions] == [(1, PlanStatus.SUPERSEDED), (2, PlanStatus.DRAFT)]
        assert versions[1].revision_reason == "評量結果建議改為支持性就業"
        assert db.scalar(select(func.count()).select_from(PlanItem)) == 2  # the open service carried over
    assert tab.versions.rowCount() == 2 and tab.plan is not None and tab.plan.version_no == 2


def test_referral_needs_the_unit_contacted_first_then_is_due_a_month_later(
    store: Store, runner: StoreRunner, case_id: uuid.UUID, unit_id: uuid.UUID, qtbot: QtBot
) -> None:
    with store.transaction() as db:
        late = Referral(
            case_id=case_id,
            kind=ReferralKind.JOB,
            employer="全聯福利中心",
            job_title="理貨員",
            sent_on=TODAY - timedelta(days=30),
            follow_up_due_on=TODAY - timedelta(days=16),
            client_consented=True,
        )
        db.add(late)
    workspace = open_workspace(qtbot, runner, case_id)
    tab = workspace.tab_pages[1]
    assert isinstance(tab, ReferralTab)
    qtbot.waitUntil(lambda: bool(tab.units), timeout=5000)
    assert "逾期 16 天" in tab.table.item(0, 5).text()  # the overdue follow-up is marked

    set_combo_data(tab.kind, ReferralKind.SERVICE)
    set_combo_data(tab.service_kind, "vocational_evaluation")
    tab.unit.set_unit_id(unit_id)
    assert "尚可容納 3" in tab.unit.currentText() and "林社工" in tab.unit_contact.text()
    tab.consented.setChecked(True)
    tab.send_button.click()
    qtbot.waitUntil(lambda: "須先聯繫受案單位" in tab.form_notice.text(), timeout=5000)
    with store.transaction() as db:
        assert db.scalar(select(func.count()).select_from(Referral)) == 1  # only the old one

    tab.contacted.setChecked(True)
    tab.contacted_on.setDate(TODAY - timedelta(days=1))
    reloads(qtbot, workspace, tab.send_button.click)
    with store.transaction() as db:
        sent = db.scalars(select(Referral).where(Referral.kind == ReferralKind.SERVICE)).one()
        assert (sent.receiving_unit_id, sent.sent_on, sent.follow_up_due_on) == (
            unit_id,
            TODAY,
            add_months(TODAY, 1),
        )
        assert (sent.contacted_on, sent.client_consented) == (TODAY - timedelta(days=1), True)
    selected = tab.selected()
    assert selected is not None and selected.id == sent.id  # the new referral is selected

    tab.table.clearSelection()
    workspace.open_at("referral", late.id)
    selected = tab.selected()
    assert workspace.tabs.currentIndex() == 1 and selected is not None and selected.id == late.id

    workspace.open_at("referral", sent.id)
    set_combo_data(tab.response, ReferralResponse.ACCEPTED)
    reloads(qtbot, workspace, tab.response_button.click)
    tab.follow_up_note.setText("已開始職業輔導評量")
    reloads(qtbot, workspace, tab.follow_up_button.click)
    with store.transaction() as db:
        sent = db.get_one(Referral, sent.id)
        assert (sent.response, sent.follow_up_done_on, sent.follow_up_note) == (
            ReferralResponse.ACCEPTED,
            TODAY,
            "已開始職業輔導評量",
        )
        assert db.get_one(ServiceUnit, unit_id).current_caseload == 8


def test_employment_shows_placement_success(
    store: Store, runner: StoreRunner, case_id: uuid.UUID, qtbot: QtBot
) -> None:
    workspace = open_workspace(qtbot, runner, case_id)
    tab = workspace.tab_pages[2]
    assert isinstance(tab, EmploymentTab)
    start = TODAY - timedelta(days=10)
    tab.employer.setText("全聯福利中心")
    tab.job_title.setText("理貨員")
    tab.start_on.setDate(start)
    tab.insured_on.setDate(start)
    tab.hours.setValue(40)
    tab.wage.setValue(30000)
    reloads(qtbot, workspace, tab.add_button.click)
    with store.transaction() as db:
        job = db.scalars(select(Employment)).one()
        assert (job.case_id, job.employer, job.start_on, job.labour_insurance_on) == (
            case_id,
            "全聯福利中心",
            start,
            start,
        )
        assert job.monthly_wage == 30000 and job.hours_per_week == 40
    badges = [label.text() for label in tab.table.cellWidget(0, 8).findChildren(QLabel)]
    assert badges == ["推介成功"]
    assert "滿 3 個月" in tab.explain.text()  # the selected job says when it becomes 就業成功

    tab.end_on.setDate(TODAY)
    tab.end_reason.setText("")
    tab.end_button.click()
    qtbot.waitUntil(lambda: "離職原因" in tab.end_notice.text(), timeout=5000)
    tab.end_reason.setText("契約到期")
    reloads(qtbot, workspace, tab.end_button.click)
    with store.transaction() as db:
        assert db.scalars(select(Employment)).one().end_on == TODAY


def test_closure_wizard_refuses_lost_contact_and_closes_with_moving_away(
    store: Store, runner: StoreRunner, case_id: uuid.UUID, qtbot: QtBot
) -> None:
    workspace = open_workspace(qtbot, runner, case_id)
    workspace.tabs.setCurrentIndex(3)
    tab = workspace.tab_pages[3]
    assert isinstance(tab, ClosureTab) and tab.pages.currentIndex() == 0

    tab.select_reason("lost_contact")
    assert "3 次未聯繫上" in tab.requirement.text()
    qtbot.waitUntil(lambda: tab.check is not None, timeout=5000)
    tab.next_button.click()
    assert tab.steps.currentIndex() == 0 and "目前 0 次" in tab.check_label.text()
    assert "尚不符合此結案原因的條件" in tab.notice.text()
    with store.transaction() as db:
        assert db.get_one(Case, case_id).closed_on is None

    tab.select_reason("moved_away")
    qtbot.waitUntil(lambda: tab.check is not None and tab.check.allowed, timeout=5000)
    tab.next_button.click()
    tab.next_button.click()  # no summary yet
    assert tab.steps.currentIndex() == 1 and "結案摘要" in tab.notice.text()
    tab.summary.setPlainText("個案遷居臺東，已轉介臺東縣職管窗口。")
    tab.next_button.click()
    set_combo_data(tab.satisfaction_client, 4)
    set_combo_data(tab.satisfaction_unit, 5)
    tab.next_button.click()
    assert tab.finish_button.isVisible() and "遷居" in tab.review.text()
    reloads(qtbot, workspace, tab.finish_button.click)
    with store.transaction() as db:
        case = db.get_one(Case, case_id)
        assert (case.stage, case.closed_on) == (Stage.G, TODAY) and case.closure is not None
        closure = case.closure
        assert (closure.reason_code, closure.summary) == ("moved_away", "個案遷居臺東，已轉介臺東縣職管窗口。")
        assert (closure.satisfaction_client, closure.satisfaction_employer, closure.satisfaction_receiving_unit) == (
            4,
            None,
            5,
        )
    assert tab.pages.currentIndex() == 1 and "遷居" in tab.closed_text.text()
    plan_tab = workspace.tab_pages[0]
    assert isinstance(plan_tab, PlanTab) and not plan_tab.new_button.isEnabled()  # a closed case gets no plan


def test_attachment_is_added_and_its_copy_is_identical(
    store: Store, runner: StoreRunner, case_id: uuid.UUID, qtbot: QtBot, tmp_path: Path
) -> None:
    workspace = open_workspace(qtbot, runner, case_id)
    tab = workspace.tab_pages[4]
    assert isinstance(tab, AttachmentsTab) and tab.table.rowCount() == 0
    scan = tmp_path / "同意書.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 64)
    reloads(qtbot, workspace, lambda: tab.add_file(scan, "個資蒐集告知同意書"))
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1, timeout=5000)
    with store.transaction() as db:
        stored = db.scalars(select(Attachment)).one()
        assert (stored.case_id, stored.filename, stored.size, stored.description) == (
            case_id,
            "同意書.pdf",
            scan.stat().st_size,
            "個資蒐集告知同意書",
        )
    assert tab.table.item(0, 1).text() == "PDF 文件" and tab.table.item(0, 2).text() == "16 KB"
    tab.table.selectRow(0)
    assert tab.save_button.isEnabled()
    copy = tmp_path / "copy.pdf"
    tab.save_copy(stored.id, copy)
    qtbot.waitUntil(lambda: "已另存" in tab.notice.text(), timeout=5000)
    assert copy.read_bytes() == scan.read_bytes()

    tab.add_file(tmp_path / "missing.pdf")
    qtbot.waitUntil(lambda: "無法讀取" in tab.notice.text(), timeout=5000)
    with store.transaction() as db:
        assert db.scalar(select(func.count()).select_from(Attachment)) == 1
