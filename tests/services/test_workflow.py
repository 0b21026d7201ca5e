"""Stage transitions A–G and their guards (seed 002 附件一 三)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from app.errors import AppError, RuleError
from app.models import Case, ContactAttempt, Employment, PlanItem
from app.models.enums import ContactMode, ContactOutcome, IntakeDecision, PlanPart, PlanStatus, Stage
from app.services import workflow
from app.store.store import Store
from tests.factories import make_case, make_client


@pytest.fixture
def case() -> Case:
    return make_case(make_client(), application_date=date(2025, 3, 3))


def opened(case: Case) -> Case:
    workflow.record_intake_assessment(case, date(2025, 3, 5), "適合進入職重個管")
    workflow.decide_intake(case, IntakeDecision.OPEN, date(2025, 3, 6))
    return case


def test_intake_sets_the_three_day_reply(case: Case) -> None:
    workflow.record_intake_assessment(case, date(2025, 3, 5), "評估")
    assert (case.stage, case.reply_due_on) == (Stage.B, date(2025, 3, 8))
    assert workflow.decide_intake(case, IntakeDecision.OPEN, date(2025, 3, 6)) == date(2025, 3, 8)
    assert (case.stage, case.opened_on) == (Stage.C, date(2025, 3, 6))


def test_not_open_needs_a_reason_and_ends_the_case(case: Case) -> None:
    workflow.record_intake_assessment(case, date(2025, 3, 5), "評估")
    with pytest.raises(RuleError, match="不開案必須說明理由"):
        workflow.decide_intake(case, IntakeDecision.NOT_OPEN, date(2025, 3, 5), "  ")
    assert case.decision is None and case.stage == Stage.B
    due = workflow.decide_intake(case, IntakeDecision.NOT_OPEN, date(2025, 3, 5), "需醫療資源優先協助")
    assert due == date(2025, 3, 8)
    assert (case.stage, case.closed_on, case.opened_on) == (Stage.G, date(2025, 3, 5), None)


def test_decision_needs_an_assessment_first(case: Case) -> None:
    with pytest.raises(RuleError, match="接案評估"):
        workflow.decide_intake(case, IntakeDecision.OPEN, date(2025, 3, 5))


def test_no_plan_before_opening(case: Case) -> None:
    with pytest.raises(RuleError, match="尚未開案"):
        workflow.new_plan(case, date(2025, 3, 10), date(2025, 9, 10))


def test_plan_needs_consent_and_an_item(case: Case) -> None:
    opened(case)
    plan = workflow.new_plan(case, date(2025, 3, 10), date(2025, 9, 10), "餐飲業內場助手")
    assert case.stage == Stage.D
    with pytest.raises(RuleError, match="同意"):
        workflow.start_plan(case, plan)
    workflow.record_consent(plan, date(2025, 3, 12))
    with pytest.raises(RuleError, match="至少要有一項服務"):
        workflow.start_plan(case, plan)
    PlanItem(plan=plan, part=PlanPart.PRE_EMPLOYMENT, service_kind="vocational_evaluation")
    workflow.start_plan(case, plan)
    assert (case.stage, plan.status) == (Stage.E, PlanStatus.APPROVED)


def test_revision_needs_a_reason_and_supersedes(case: Case) -> None:
    opened(case)
    first = workflow.new_plan(case, date(2025, 3, 10), date(2025, 9, 10))
    with pytest.raises(RuleError, match="修訂計畫必須說明原因"):
        workflow.revise_plan(case, first, "", date(2025, 9, 11), date(2026, 3, 10))
    second = workflow.revise_plan(
        case, first, "原目標職缺已額滿，改以物流理貨為目標", date(2025, 9, 11), date(2026, 3, 10)
    )
    assert (first.status, second.version_no, second.previous_id) == (PlanStatus.SUPERSEDED, 2, first.id)


def test_closure_needs_a_known_reason(case: Case) -> None:
    opened(case)
    with pytest.raises(RuleError, match="結案原因"):
        workflow.close_case(case, date(2025, 6, 1), "")
    with pytest.raises(AppError, match="沒有結案原因"):
        workflow.close_case(case, date(2025, 6, 1), "no_such_reason")
    assert case.stage == Stage.C
    closure = workflow.close_case(case, date(2025, 6, 1), "moved_away", "遷居外縣市")
    assert (case.stage, case.closed_on, closure.reason_code) == (Stage.G, date(2025, 6, 1), "moved_away")
    with pytest.raises(RuleError, match="已結案"):
        workflow.move_to(case, Stage.D)


def test_closure_date_cannot_be_in_the_future(case: Case) -> None:
    from datetime import timedelta

    from app.services import clock

    opened(case)
    with pytest.raises(RuleError, match="不能晚於今天"):
        workflow.close_case(case, clock.today() + timedelta(days=1), "moved_away")


def test_lost_contact_needs_three_unanswered_attempts(case: Case) -> None:
    opened(case)
    for day in (2, 9):
        ContactAttempt(
            case=case,
            attempted_at=datetime(2025, 5, day, 10, tzinfo=UTC),
            channel=ContactMode.PHONE,
            outcome=ContactOutcome.NO_ANSWER,
        )
    with pytest.raises(RuleError, match="目前 2 次"):
        workflow.close_case(case, date(2025, 6, 1), "lost_contact")
    ContactAttempt(
        case=case, attempted_at=datetime(2025, 5, 20, tzinfo=UTC), channel=ContactMode.HOME_VISIT, outcome="no_answer"
    )
    workflow.close_case(case, date(2025, 6, 1), "lost_contact")
    assert case.stage == Stage.G


def test_lost_contact_counts_only_attempts_since_the_client_was_last_reached(case: Case) -> None:
    opened(case)
    for day, outcome in [(1, "no_answer"), (2, "wrong_number"), (3, "message_left"), (4, "reached"), (5, "no_answer")]:
        ContactAttempt(
            case=case, attempted_at=datetime(2025, 5, day, 3, tzinfo=UTC), channel=ContactMode.PHONE, outcome=outcome
        )
    with pytest.raises(RuleError, match="目前 1 次"):
        workflow.close_case(case, date(2025, 6, 1), "lost_contact")


def test_refused_revision_changes_nothing_and_old_plans_cannot_start(case: Case) -> None:
    opened(case)
    first = workflow.new_plan(case, date(2025, 3, 10), date(2025, 9, 10))
    with pytest.raises(RuleError, match="結束日"):
        workflow.revise_plan(case, first, "目標調整", date(2025, 9, 11), date(2025, 9, 1))
    assert first.status == PlanStatus.DRAFT
    second = workflow.revise_plan(case, first, "目標調整", date(2025, 9, 11), date(2026, 3, 1))
    workflow.record_consent(first, date(2025, 3, 12))
    PlanItem(plan=first, part=PlanPart.PRE_EMPLOYMENT, service_kind="vocational_evaluation")
    with pytest.raises(RuleError, match="已被新版取代"):
        workflow.start_plan(case, first)
    other = opened(make_case(make_client(name="別人")))
    with pytest.raises(RuleError, match="不屬於此個案"):
        workflow.start_plan(other, second)


def test_stable_employment_closure_needs_three_months(case: Case) -> None:
    opened(case)
    job = Employment(employer="全聯福利中心", job_title="理貨員", start_on=date(2025, 4, 1), hours_per_week=30)
    workflow.record_employment(case, job)
    with pytest.raises(RuleError, match="三個月"):
        workflow.close_case(case, date(2025, 6, 29), "stable_employment_3m")
    workflow.close_case(case, date(2025, 6, 30), "stable_employment_3m")  # 4/1–6/30 is three months (民法 §121)


def test_loop_back_for_review_and_illegal_jumps(case: Case) -> None:
    opened(case)
    with pytest.raises(RuleError, match="不能從階段 C 直接移到 F"):
        workflow.move_to(case, Stage.F)
    workflow.move_to(case, Stage.D)
    case.stage = Stage.E
    workflow.move_to(case, Stage.C)  # 定期評估/審查
    assert case.stage == Stage.C


def test_rules_in_a_real_unit_of_work(store: Store) -> None:
    with store.transaction() as db:
        case = make_case(make_client())
        db.add(case)
    with pytest.raises(RuleError), store.transaction() as db:
        row = db.get_one(Case, case.id)
        workflow.record_intake_assessment(row, date(2025, 3, 5), "評估")
        workflow.decide_intake(row, IntakeDecision.NOT_OPEN, date(2025, 3, 5))
    with store.transaction() as db:
        assert db.get_one(Case, case.id).stage == Stage.A  # the refused unit of work changed nothing
