"""A whole case driven through the real widgets, as a case manager does it, against a real encrypted store:

intake (申請 → 接案評估 → 開案) → 晤談紀錄 → 需求評估 → 服務計畫 → 派案 → 就業 → 追蹤 → 結案, and then 移案 of
another open case. After each step the test reads back what the store holds.

The dates are those of a case that began about seven months ago (the rules refuse dates after today, and 穩定就業
三個月 needs a job held three months by the closing date). Chinese is typed the way an input method commits it;
ASCII (ID numbers, phones, dates, numbers) is typed key by key; combo entries are chosen with the arrow keys.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from decimal import Decimal
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.models import (
    Case,
    CaseTransfer,
    Client,
    Employment,
    NeedsAssessment,
    Referral,
    ServicePlan,
    ServiceRecord,
    ServiceUnit,
)
from app.models.enums import (
    ContactMode,
    EmploymentProof,
    IntakeDecision,
    PlanPart,
    PlanStatus,
    RecordKind,
    RecordStatus,
    ReferralKind,
    ReferralResponse,
    Stage,
)
from app.services import clock
from app.services.directory import UnitInput, save_unit
from app.services.intake import reply_due_preview
from app.services.rocdate import format_roc
from app.services.validation import make_national_id
from app.services.workdays import add_months
from app.store.store import Store
from app.views.case_windows import WORKSPACE_TABS, CaseWindows
from app.views.handover import HandoverDialog
from app.views.intake import ASSESSMENT_PAGE, DONE_PAGE, IntakeDialog
from app.views.runner import StoreRunner
from app.views.widgets import RocDateEdit
from app.views.workspace import CaseTab, CaseWorkspace
from app.views.workspace.assessment_tab import AssessmentTab
from app.views.workspace.closure_tab import ClosureTab
from app.views.workspace.common import ID_ROLE
from app.views.workspace.employment_tab import EmploymentTab
from app.views.workspace.plan_tab import PlanTab
from app.views.workspace.records_tab import RecordsTab
from app.views.workspace.referral_tab import ReferralTab
from app.views.workspace.timeline_tab import TimelineTab
from tests.factories import make_case, make_client

TabT = TypeVar("TabT", bound=CaseTab)

WAIT_MS = 5000
FAST_AUTOSAVE_MS = 100
USER, COLLEAGUE = "cm.chen", "cm.lin"

# A case that began about seven months ago, every date in the past.
TODAY = clock.today()
APPLIED = TODAY - timedelta(days=200)
ASSESSED = TODAY - timedelta(days=198)  # 接案評估 and 開案 the same day
INTERVIEWED = TODAY - timedelta(days=195)
NEEDS_ASSESSED = TODAY - timedelta(days=185)
PLAN_START = TODAY - timedelta(days=170)
PLAN_END = add_months(PLAN_START, 12)
GOAL_TARGET = TODAY - timedelta(days=100)
CONSENTED = PLAN_START
UNIT_CALLED = TODAY - timedelta(days=152)
REFERRED = TODAY - timedelta(days=150)
UNIT_ANSWERED = TODAY - timedelta(days=147)
JOB_START = TODAY - timedelta(days=130)
REFERRAL_FOLLOWED_UP = TODAY - timedelta(days=125)  # within the month after the referral
FOLLOW_UP_VISIT = TODAY - timedelta(days=40)
TOO_EARLY = JOB_START + timedelta(days=60)  # two months into the job: not yet 穩定就業三個月
CLOSED = TODAY - timedelta(days=7)

CLIENT_ID_NUMBER = make_national_id("F", 2, 2468013)
SECOND_ID_NUMBER = make_national_id("A", 1, 1357924)


# --- fixtures ------------------------------------------------------------------------------------------------------


@pytest.fixture
def runner(store: Store, qtbot: QtBot) -> Iterator[StoreRunner]:
    runner = StoreRunner(store)
    yield runner
    runner.shutdown()


@pytest.fixture
def units(store: Store) -> dict[str, uuid.UUID]:
    """The 服務單位 directory the case manager refers to, and a colleague who has cases of her own."""
    with store.transaction() as db:
        rows = [
            save_unit(
                db,
                UnitInput(
                    name="伊甸基金會萬華就業服務中心",
                    service_kinds=("supported_employment",),
                    county="TPE",
                    phone="02-2345-6789",
                    contact_person="林社工",
                    capacity=10,
                    current_caseload=4,
                ),
            ),
            save_unit(
                db,
                UnitInput(
                    name="臺北市職業重建中心",
                    service_kinds=("vocational_evaluation",),
                    county="TPE",
                    capacity=20,
                    current_caseload=5,
                ),
            ),
            save_unit(
                db,
                UnitInput(
                    name="高雄市支持性就業協會",
                    service_kinds=("supported_employment",),
                    county="KHH",
                    capacity=8,
                    current_caseload=1,
                ),
            ),
        ]
        db.add(make_case(make_client(name="林志明", id_number=make_national_id("B", 1, 1112223)), owner=COLLEAGUE))
        return {row.name: row.unit_id for row in rows}


# --- how a case manager uses the widgets ---------------------------------------------------------------------------


def type_chinese(widget: QWidget, text: str) -> None:
    """What an input method (注音, 倉頡) does when the user picks the characters: it commits a string."""
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ASCII key by key over what the field held."""
    widget.setFocus()
    select_all = getattr(widget, "selectAll", None)
    if select_all is not None:
        select_all()
    qtbot.keyClicks(widget, text)


def type_date(qtbot: QtBot, field: RocDateEdit, day: date) -> None:
    """Type the date as case managers write it (民國 114/03/05)."""
    type_text(qtbot, field.lineEdit(), format_roc(day, "short"))
    assert field.date() == day, field.messageText()


def type_number(qtbot: QtBot, spin: QSpinBox | QDoubleSpinBox, text: str) -> None:
    """Type a number over the box's value (its suffix, 分鐘 or 元, stays)."""
    type_text(qtbot, spin, text)
    assert spin.value() == float(text), spin.text()


def arrow_to(qtbot: QtBot, combo: QComboBox, target: int) -> None:
    """Move to entry `target` with the arrow keys (a pick made so is also `activated`, as a mouse pick is)."""
    assert target >= 0, "not offered"
    combo.setFocus()
    for _ in range(combo.count() + 1):
        if combo.currentIndex() == target:
            break
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)
    assert combo.currentIndex() == target


def choose(qtbot: QtBot, combo: QComboBox, value: object, role: int = Qt.ItemDataRole.UserRole) -> None:
    """Pick the entry whose data is `value` (compared in Python: a uuid is not a QVariant findData can match)."""
    arrow_to(qtbot, combo, next((i for i in range(combo.count()) if combo.itemData(i, role) == value), -1))


def choose_text(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Pick the entry that reads `text`."""
    arrow_to(qtbot, combo, combo.findText(text))


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isEnabled() and button.isVisibleTo(button.window()), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def tick(grid: QWidget, text: str) -> None:
    (box,) = [box for box in grid.findChildren(QCheckBox) if box.text() == text]
    box.click()
    assert box.isChecked()


def click_row(qtbot: QtBot, view: QAbstractItemView, row: int) -> None:
    model = view.model()
    index = model.index(row, 0)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def press_ok(dialog: QWidget) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None
    ok.click()


def settle(qtbot: QtBot, runner: StoreRunner) -> None:
    qtbot.waitUntil(lambda: runner.idle, timeout=WAIT_MS)


def saves(qtbot: QtBot, workspace: CaseWorkspace, action: Callable[[], object]) -> None:
    """Do `action`, which saves something, and wait until the workspace has reloaded the case."""
    with qtbot.waitSignal(workspace.loaded, timeout=WAIT_MS):
        action()
    settle(qtbot, workspace.runner)


def go_to(qtbot: QtBot, workspace: CaseWorkspace, tab_class: type[TabT]) -> TabT:
    """Open a tab of the workspace (leaving a tab saves what was typed there) and wait for the store."""
    (index,) = [i for i, page in enumerate(workspace.tab_pages) if type(page) is tab_class]
    workspace.tabs.setCurrentIndex(index)
    settle(qtbot, workspace.runner)
    page = workspace.tab_pages[index]
    assert isinstance(page, tab_class) and page.isVisible()
    return page


def case_now(store: Store, case_id: uuid.UUID) -> Case:
    with store.transaction() as db:
        case = db.get_one(Case, case_id)
        db.expunge(case)
        return case


# --- the steps -----------------------------------------------------------------------------------------------------


def intake(
    qtbot: QtBot,
    runner: StoreRunner,
    store: Store,
    *,
    name: str,
    id_number: str,
    born: date,
    applied: date,
    assessed: date,
    assessment: str,
) -> IntakeDialog:
    """新案受理 as a case manager fills it in: the application, no one like this on file, 接案評估 and 開案."""
    dialog = IntakeDialog(runner, owner=USER, default_county="TPE")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.kind_application.isChecked()  # 申請, not 轉介
    type_chinese(dialog.name.lineEdit(), name)
    type_text(qtbot, dialog.id_number.lineEdit(), id_number.lower())
    type_date(qtbot, dialog.birth_date, born)
    type_text(qtbot, dialog.mobile.lineEdit(), "0912345678")
    type_date(qtbot, dialog.application_date, applied)
    choose(qtbot, dialog.residence, "TPE")
    click(qtbot, dialog.next_button)
    # Nobody with this ID number or a close name and the same birth date: the case is created straight away.
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == ASSESSMENT_PAGE, timeout=WAIT_MS)
    assert dialog.created is not None and not dialog.created.reused_client
    assert name in dialog.case_header.text()
    with store.transaction() as db:  # the application is on file (stage A) before the assessment
        applied_case = db.get_one(Case, dialog.created.case_id)
        assert (applied_case.stage, applied_case.application_date, applied_case.opened_on) == (Stage.A, applied, None)

    type_date(qtbot, dialog.assessed_on, assessed)
    due = reply_due_preview(assessed)
    assert format_roc(due) in dialog.reply_due_banner.text()  # the reply due date, before anything is saved
    type_chinese(dialog.assessment, assessment)
    dialog.decide_open.click()
    with qtbot.waitSignal(dialog.intake_saved, timeout=WAIT_MS):
        click(qtbot, dialog.save_button)
    assert dialog.pages.currentIndex() == DONE_PAGE and "已開案" in dialog.done_banner.text()
    return dialog


def test_a_whole_case_from_intake_to_closure_then_a_hand_over(
    qtbot: QtBot, store: Store, runner: StoreRunner, units: dict[str, uuid.UUID]
) -> None:
    supported_unit = units["伊甸基金會萬華就業服務中心"]

    # 1. 新案受理: 申請 → (no duplicates) → 接案評估 → 開案.
    dialog = intake(
        qtbot,
        runner,
        store,
        name="陳美玲",
        id_number=CLIENT_ID_NUMBER,
        born=date(1992, 6, 15),
        applied=APPLIED,
        assessed=ASSESSED,
        assessment="領有身心障礙證明，具就業意願，適合職業重建服務。",
    )
    assert dialog.created is not None
    case_id = dialog.created.case_id
    with store.transaction() as db:
        client = db.scalars(select(Client).where(Client.id_number == CLIENT_ID_NUMBER)).one()
        assert (client.name, client.birth_date, client.mobile_phone) == ("陳美玲", date(1992, 6, 15), "0912-345-678")
        case = db.get_one(Case, case_id)
        assert case.client_id == client.id and case.owner == USER and case.county == "TPE"
        assert (case.stage, case.decision, case.application_date) == (Stage.C, IntakeDecision.OPEN, APPLIED)
        assert (case.intake_assessed_on, case.opened_on) == (ASSESSED, ASSESSED)
        assert case.reply_due_on == reply_due_preview(ASSESSED)
        assert case.intake_assessment == "領有身心障礙證明，具就業意願，適合職業重建服務。"

    # 「開啟個案工作區」 opens the case in its own window, with the nine tabs.
    windows = CaseWindows(runner)
    dialog.open_case_requested.connect(windows.open)
    click(qtbot, dialog.open_case)
    (window,) = windows.open_windows()
    assert isinstance(window, CaseWorkspace)
    workspace = window
    qtbot.addWidget(workspace)
    qtbot.waitUntil(lambda: workspace.case is not None, timeout=WAIT_MS)
    settle(qtbot, runner)
    assert [type(page) for page in workspace.tab_pages] == list(WORKSPACE_TABS)
    assert "陳美玲" in workspace.header.text() and "陳美玲" in workspace.windowTitle()

    # 2. 晤談紀錄: the first interview, autosaved as a draft while typed, then finalised.
    records = go_to(qtbot, workspace, RecordsTab)
    records.autosaver.delay_ms = FAST_AUTOSAVE_MS
    assert records.records.rows == [] and "新紀錄" in records.banner.text()
    choose(qtbot, records.kind, RecordKind.INTERVIEW)
    choose(qtbot, records.mode, ContactMode.IN_PERSON)
    type_date(qtbot, records.held_on, INTERVIEWED)
    type_chinese(records.place, "萬華就業服務站")
    type_number(qtbot, records.duration, "60")
    type_chinese(records.notes, "初次晤談：案主希望從事烘焙或餐飲內場工作，")
    type_chinese(records.notes, "家人支持，可自行搭捷運。")
    qtbot.waitUntil(
        lambda: not records.autosaver.busy(records.record_id) and "已自動儲存" in records.status.text(),
        timeout=WAIT_MS,
    )
    notes = "初次晤談：案主希望從事烘焙或餐飲內場工作，家人支持，可自行搭捷運。"
    with store.transaction() as db:
        draft = db.scalars(select(ServiceRecord).where(ServiceRecord.case_id == case_id)).one()
        assert (draft.id, draft.status, draft.kind, draft.mode) == (
            records.record_id,
            RecordStatus.DRAFT,
            RecordKind.INTERVIEW,
            ContactMode.IN_PERSON,
        )
        assert (draft.held_on, draft.place, draft.duration_minutes, draft.notes) == (
            INTERVIEWED,
            "萬華就業服務站",
            60,
            notes,
        )
    saves(qtbot, workspace, lambda: click(qtbot, records.finalise_button))
    with store.transaction() as db:
        interview = db.get_one(ServiceRecord, draft.id)
        assert interview.status == RecordStatus.FINAL and interview.finalised_at is not None
    assert records.notes.isReadOnly() and "已定稿" in records.banner.text()

    # 3. 需求評估: drafted, then finalised.
    assessment = go_to(qtbot, workspace, AssessmentTab)
    assessment.autosaver.delay_ms = FAST_AUTOSAVE_MS
    type_date(qtbot, assessment.assessed_on, NEEDS_ASSESSED)
    tick(assessment.methods, "晤談")
    tick(assessment.methods, "家訪")
    type_chinese(assessment.texts["work_ability"], "體力佳，能站立工作四小時，動作稍慢。")
    type_chinese(assessment.texts["vocational_interest"], "烘焙、餐飲內場")
    type_chinese(assessment.texts["support_needs"], "需職場工作分析與就業服務員現場輔導")
    type_chinese(assessment.texts["family_support"], "母親可接送")
    tick(assessment.services, "支持性就業服務")
    type_chinese(assessment.texts["summary"], "建議以支持性就業服務協助進入餐飲內場。")
    qtbot.waitUntil(
        lambda: not assessment.autosaver.busy(assessment.assessment_id) and "已自動儲存" in assessment.status.text(),
        timeout=WAIT_MS,
    )
    saves(qtbot, workspace, lambda: click(qtbot, assessment.finalise_button))
    with store.transaction() as db:
        needs = db.scalars(select(NeedsAssessment).where(NeedsAssessment.case_id == case_id)).one()
        assert (needs.status, needs.assessed_on, needs.assessor) == (RecordStatus.FINAL, NEEDS_ASSESSED, USER)
        assert needs.methods == ["晤談", "家訪"] and needs.recommended_services == ["supported_employment"]
        assert needs.work_ability == "體力佳，能站立工作四小時，動作稍慢。"
        assert needs.summary == "建議以支持性就業服務協助進入餐飲內場。"
        assert db.get_one(Case, case_id).stage == Stage.C

    # 4. 服務計畫: a new plan, its period and goal, a goal and a service with a unit from the picker, consent, start.
    plan_tab = go_to(qtbot, workspace, PlanTab)
    saves(qtbot, workspace, lambda: click(qtbot, plan_tab.new_button))
    with store.transaction() as db:
        plan = db.scalars(select(ServicePlan).where(ServicePlan.case_id == case_id)).one()
        assert (plan.status, plan.version_no, db.get_one(Case, case_id).stage) == (PlanStatus.DRAFT, 1, Stage.D)
    editor = plan_tab.editor
    type_date(qtbot, editor.start_on, PLAN_START)
    type_date(qtbot, editor.end_on, PLAN_END)
    type_chinese(plan_tab.goal_text, "一年內於餐飲業內場穩定就業")

    part = PlanPart.MATCHING_SUPPORT
    editor.parts.setCurrentIndex(list(PlanPart).index(part))
    page = plan_tab.part_pages[part]
    click(qtbot, page.add_goal)
    goal_dialog = plan_tab.goal_dialog
    assert goal_dialog is not None and goal_dialog.isVisible()
    type_chinese(goal_dialog.description, "經支持性就業服務媒合烘焙坊內場職缺")
    type_date(qtbot, goal_dialog.target_on, GOAL_TARGET)
    saves(qtbot, workspace, lambda: press_ok(goal_dialog))

    click(qtbot, page.add_item)
    item_dialog = plan_tab.item_dialog
    assert item_dialog is not None and item_dialog.isVisible()
    choose(qtbot, item_dialog.kind, "supported_employment")
    offered = [item_dialog.unit.itemText(i) for i in range(1, item_dialog.unit.count())]
    # Only the units giving this service, the case's county first, each with its remaining capacity.
    assert offered == ["伊甸基金會萬華就業服務中心（臺北市）— 尚可容納 6", "高雄市支持性就業協會（高雄市）— 尚可容納 7"]
    choose(qtbot, item_dialog.unit, supported_unit, ID_ROLE)
    assert "林社工" in item_dialog.cap_hint.text() and "02-2345-6789" in item_dialog.cap_hint.text()
    type_chinese(item_dialog.description, "就業服務員陪同面試與職場輔導")
    type_date(qtbot, item_dialog.start_on, PLAN_START)
    type_number(qtbot, item_dialog.hours, "40")
    saves(qtbot, workspace, lambda: press_ok(item_dialog))
    assert (page.goals.rowCount(), page.items.rowCount()) == (1, 1)
    unit_cell = page.items.item(0, 1)
    assert unit_cell is not None and unit_cell.text() == "伊甸基金會萬華就業服務中心"

    choose(qtbot, plan_tab.consent_by, "client")
    type_date(qtbot, plan_tab.consent_on, CONSENTED)
    saves(qtbot, workspace, lambda: click(qtbot, plan_tab.consent_button))
    saves(qtbot, workspace, lambda: click(qtbot, plan_tab.start_button))
    with store.transaction() as db:
        plan = db.scalars(select(ServicePlan).where(ServicePlan.case_id == case_id)).one()
        assert (plan.status, plan.start_on, plan.end_on) == (PlanStatus.APPROVED, PLAN_START, PLAN_END)
        assert (plan.vocational_goal, plan.consent_given, plan.consent_on, plan.consent_by) == (
            "一年內於餐飲業內場穩定就業",
            True,
            CONSENTED,
            "client",
        )
        assert [(g.part, g.description, g.target_on) for g in plan.goals] == [
            (part, "經支持性就業服務媒合烘焙坊內場職缺", GOAL_TARGET)
        ]
        assert [(i.part, i.service_kind, i.service_unit_id, i.hours, i.start_on) for i in plan.items] == [
            (part, "supported_employment", supported_unit, 40.0, PLAN_START)
        ]
        assert db.get_one(Case, case_id).stage == Stage.E
    assert "計畫開始執行" in plan_tab.notice.text() and not plan_tab.start_button.isEnabled()

    # 5. 派案: refused until the receiving unit has been contacted first; then sent, and the unit accepts.
    referral_tab = go_to(qtbot, workspace, ReferralTab)
    choose(qtbot, referral_tab.kind, ReferralKind.SERVICE)
    choose(qtbot, referral_tab.service_kind, "supported_employment")
    choose(qtbot, referral_tab.unit, supported_unit, ID_ROLE)
    assert "尚可容納 6" in referral_tab.unit_contact.text() and "林社工" in referral_tab.unit_contact.text()
    referral_tab.consented.click()
    type_date(qtbot, referral_tab.sent_on, REFERRED)
    click(qtbot, referral_tab.send_button)
    qtbot.waitUntil(lambda: "須先聯繫受案單位" in referral_tab.form_notice.text(), timeout=WAIT_MS)
    settle(qtbot, runner)
    with store.transaction() as db:
        assert db.scalar(select(func.count()).select_from(Referral)) == 0

    referral_tab.contacted.click()
    type_date(qtbot, referral_tab.contacted_on, UNIT_CALLED)
    saves(qtbot, workspace, lambda: click(qtbot, referral_tab.send_button))
    with store.transaction() as db:
        referral = db.scalars(select(Referral).where(Referral.case_id == case_id)).one()
        assert (referral.kind, referral.service_kind, referral.receiving_unit_id) == (
            ReferralKind.SERVICE,
            "supported_employment",
            supported_unit,
        )
        assert (referral.contacted_before_dispatch, referral.contacted_on, referral.client_consented) == (
            True,
            UNIT_CALLED,
            True,
        )
        assert (referral.sent_on, referral.follow_up_due_on) == (REFERRED, add_months(REFERRED, 1))
        assert referral.response == ReferralResponse.PENDING
    selected = referral_tab.selected()
    assert selected is not None and selected.id == referral.id  # the referral just sent is selected

    choose(qtbot, referral_tab.response, ReferralResponse.ACCEPTED)
    type_date(qtbot, referral_tab.response_on, UNIT_ANSWERED)
    saves(qtbot, workspace, lambda: click(qtbot, referral_tab.response_button))
    with store.transaction() as db:
        referral = db.get_one(Referral, referral.id)
        assert (referral.response, referral.responded_on) == (ReferralResponse.ACCEPTED, UNIT_ANSWERED)
        assert db.get_one(ServiceUnit, supported_unit).current_caseload == 5  # the unit took one of its places

    # 6. 就業: the job, with labour insurance from the first day.
    employment_tab = go_to(qtbot, workspace, EmploymentTab)
    assert employment_tab.add_button.isEnabled()
    type_chinese(employment_tab.employer, "好日子烘焙坊")
    type_chinese(employment_tab.job_title, "烘焙助理")
    type_number(qtbot, employment_tab.employer_size, "12")
    type_date(qtbot, employment_tab.start_on, JOB_START)
    type_date(qtbot, employment_tab.insured_on, JOB_START)
    choose(qtbot, employment_tab.proof, EmploymentProof.LABOUR_INSURANCE)
    type_number(qtbot, employment_tab.hours, "40")
    type_number(qtbot, employment_tab.wage, "30000")
    employment_tab.supported.click()
    type_number(qtbot, employment_tab.support_days, "15")
    saves(qtbot, workspace, lambda: click(qtbot, employment_tab.add_button))
    with store.transaction() as db:
        job = db.scalars(select(Employment).where(Employment.case_id == case_id)).one()
        assert (job.employer, job.job_title, job.start_on, job.labour_insurance_on) == (
            "好日子烘焙坊",
            "烘焙助理",
            JOB_START,
            JOB_START,
        )
        assert (job.proof, job.hours_per_week, job.monthly_wage, job.employer_size) == (
            EmploymentProof.LABOUR_INSURANCE,
            40.0,
            Decimal(30000),
            12,
        )
        assert (job.supported, job.intensive_support_days, job.end_on) == (True, 15, None)
        assert db.get_one(Case, case_id).stage == Stage.F
    badges = employment_tab.table.cellWidget(0, 8)
    assert badges is not None
    assert [label.text() for label in badges.findChildren(QLabel)] == ["推介成功", "就業成功"]

    # 7. 追蹤: a follow-up record at the workplace, and the referral's one-month follow-up.
    records = go_to(qtbot, workspace, RecordsTab)
    click(qtbot, records.new_button)
    assert records.record_id != interview.id and records.notes.toPlainText() == ""
    choose(qtbot, records.kind, RecordKind.FOLLOW_UP)
    choose(qtbot, records.mode, ContactMode.WORKPLACE_VISIT)
    type_date(qtbot, records.held_on, FOLLOW_UP_VISIT)
    type_chinese(records.place, "好日子烘焙坊")
    type_chinese(records.notes, "職場訪視：已可獨立完成備料，雇主滿意，持續追蹤。")
    qtbot.waitUntil(
        lambda: not records.autosaver.busy(records.record_id) and "已自動儲存" in records.status.text(),
        timeout=WAIT_MS,
    )
    follow_up_id = records.record_id
    saves(qtbot, workspace, lambda: click(qtbot, records.finalise_button))
    with store.transaction() as db:
        follow_up = db.get_one(ServiceRecord, follow_up_id)
        assert (follow_up.kind, follow_up.mode, follow_up.held_on, follow_up.status) == (
            RecordKind.FOLLOW_UP,
            ContactMode.WORKPLACE_VISIT,
            FOLLOW_UP_VISIT,
            RecordStatus.FINAL,
        )
        assert follow_up.notes == "職場訪視：已可獨立完成備料，雇主滿意，持續追蹤。"
        kinds = db.scalars(
            select(ServiceRecord.kind).where(ServiceRecord.case_id == case_id).order_by(ServiceRecord.held_on)
        ).all()
        assert kinds == [RecordKind.INTERVIEW, RecordKind.FOLLOW_UP]

    referral_tab = go_to(qtbot, workspace, ReferralTab)
    click_row(qtbot, referral_tab.table, 0)
    selected = referral_tab.selected()
    assert selected is not None and selected.id == referral.id and referral_tab.follow_up_button.isEnabled()
    type_date(qtbot, referral_tab.follow_up_on, REFERRAL_FOLLOWED_UP)
    type_chinese(referral_tab.follow_up_note, "已於好日子烘焙坊就業，就服員每週訪視")
    saves(qtbot, workspace, lambda: click(qtbot, referral_tab.follow_up_button))
    with store.transaction() as db:
        referral = db.get_one(Referral, referral.id)
        assert (referral.follow_up_done_on, referral.follow_up_note) == (
            REFERRAL_FOLLOWED_UP,
            "已於好日子烘焙坊就業，就服員每週訪視",
        )
        assert referral.follow_up_due_on == add_months(REFERRED, 1) >= REFERRAL_FOLLOWED_UP  # done in time
    assert not referral_tab.follow_up_button.isEnabled()  # done once

    # 8. 結案: 穩定就業三個月 is refused two months into the job, accepted months later; summary, satisfaction.
    closure_tab = go_to(qtbot, workspace, ClosureTab)
    assert closure_tab.pages.currentIndex() == 0 and closure_tab.steps.currentIndex() == 0
    reasons: QListWidget = closure_tab.reasons
    (row,) = [r for r in range(reasons.count()) if reasons.item(r).text() == "穩定就業三個月"]
    click_row(qtbot, reasons, row)
    assert closure_tab.reason_code() == "stable_employment_3m"
    type_date(qtbot, closure_tab.closed_on, TOO_EARLY)
    qtbot.waitUntil(lambda: closure_tab.check is not None, timeout=WAIT_MS)
    assert closure_tab.check is not None and not closure_tab.check.allowed
    assert "三個月" in closure_tab.check_label.text()
    click(qtbot, closure_tab.next_button)
    assert closure_tab.steps.currentIndex() == 0 and "尚不符合" in closure_tab.notice.text()

    type_date(qtbot, closure_tab.closed_on, CLOSED)
    qtbot.waitUntil(lambda: closure_tab.check is not None, timeout=WAIT_MS)
    assert closure_tab.check is not None and closure_tab.check.allowed
    click(qtbot, closure_tab.next_button)
    assert closure_tab.steps.currentIndex() == 1
    summary = "案主於好日子烘焙坊穩定就業滿三個月，勞保持續投保，雇主與案主均滿意，依計畫結案。"
    type_chinese(closure_tab.summary, summary)
    click(qtbot, closure_tab.next_button)
    assert closure_tab.steps.currentIndex() == 2
    choose(qtbot, closure_tab.satisfaction_client, 5)
    choose(qtbot, closure_tab.satisfaction_employer, 4)
    choose(qtbot, closure_tab.satisfaction_unit, 4)
    click(qtbot, closure_tab.next_button)
    assert closure_tab.steps.currentIndex() == 3 and "穩定就業三個月" in closure_tab.review.text()
    saves(qtbot, workspace, lambda: click(qtbot, closure_tab.finish_button))
    with store.transaction() as db:
        case = db.get_one(Case, case_id)
        assert (case.stage, case.closed_on) == (Stage.G, CLOSED)
        closure = case.closure
        assert closure is not None
        assert (closure.reason_code, closure.closed_on, closure.summary) == ("stable_employment_3m", CLOSED, summary)
        assert (closure.satisfaction_client, closure.satisfaction_employer, closure.satisfaction_receiving_unit) == (
            5,
            4,
            4,
        )
    assert closure_tab.pages.currentIndex() == 1 and "穩定就業三個月" in closure_tab.closed_text.text()
    assert not employment_tab.add_button.isEnabled() and not referral_tab.form_box.isEnabled()  # closed for good

    # The 歷程 tab tells the whole story, newest first.
    timeline = go_to(qtbot, workspace, TimelineTab)
    story = [timeline.model.item(r, 1).text() for r in range(timeline.model.rowCount())]
    assert story[0].startswith("結案") and story[-1].startswith("申請")
    for seen in ("烘焙助理", "職場訪視", "伊甸基金會萬華就業服務中心", "初次晤談"):
        assert any(seen in line for line in story), seen

    # 9. 移案: a second case, opened the same way, is handed to a colleague with its summary.
    second = intake(
        qtbot,
        runner,
        store,
        name="張家豪",
        id_number=SECOND_ID_NUMBER,
        born=date(1988, 11, 3),
        applied=TODAY - timedelta(days=20),
        assessed=TODAY - timedelta(days=18),
        assessment="中途致障，希望回到原職場，需職務再設計評估。",
    )
    assert second.created is not None
    second_id = second.created.case_id
    click(qtbot, second.close_button)
    assert case_now(store, second_id).stage == Stage.C

    handover = HandoverDialog(runner, [second_id])
    qtbot.addWidget(handover)
    with qtbot.waitSignal(handover.loaded, timeout=WAIT_MS):
        handover.show()
    settle(qtbot, runner)
    assert "張家豪" in handover.summary.toPlainText()
    receivers = [handover.receiver.itemData(i) for i in range(handover.receiver.count())]
    assert receivers == [COLLEAGUE]  # the case's own case manager is not offered
    choose(qtbot, handover.receiver, COLLEAGUE)
    choose_text(qtbot, handover.reason, "個管員離職")
    with qtbot.waitSignal(handover.transferred, timeout=WAIT_MS):
        click(qtbot, handover.confirm)
    assert f"已將 1 件個案移交給 {COLLEAGUE}" in handover.result_banner.text()
    with store.transaction() as db:
        (transfer,) = db.scalars(select(CaseTransfer)).all()
        assert (transfer.case_id, transfer.from_owner, transfer.to_owner) == (second_id, USER, COLLEAGUE)
        assert (transfer.transferred_on, transfer.reason) == (TODAY, "個管員離職")
        assert "張家豪" in transfer.summary and f"原個管員：{USER}" in transfer.summary
        assert db.get_one(Case, second_id).owner == COLLEAGUE
        assert db.get_one(Case, case_id).owner == USER  # the closed case stays with its case manager
