"""送審: submitting plans and closures for the supervisor's sign-off, deciding, and the decision's effect on the
owner's laptop (app.services.reviews), with the team setting that makes closures wait for approval."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import RuleError
from app.models import Case, Closure, OutboxOp, PlanItem, Review, ServicePlan
from app.models.enums import IntakeDecision, PlanPart, PlanStatus, ReviewDecision, ReviewSubject, Stage
from app.services import plan_edits, reviews, team_settings, timeline, workflow
from app.services.cases import load_case
from app.services.plan_edits import ClosureValues, RevisionValues
from app.store.store import Store
from app.store.tracking import INFO_ACTOR
from tests.factories import make_case, make_client

CLOSING = ClosureValues(reason_code="plan_goal_achieved", closed_on=date(2025, 6, 30), summary="目標達成")


def _open_case_with_plan(store: Store) -> tuple[uuid.UUID, uuid.UUID]:
    with store.transaction() as session:
        case = make_case(make_client(), application_date=date(2025, 3, 3), owner="cm.chen")
        session.add(case)
        workflow.record_intake_assessment(case, date(2025, 3, 5), "適合")
        workflow.decide_intake(case, IntakeDecision.OPEN, date(2025, 3, 6))
        plan = workflow.new_plan(case, date(2025, 3, 10), date(2025, 9, 10), "餐飲業內場助手")
        session.add(PlanItem(plan=plan, part=PlanPart.PRE_EMPLOYMENT, service_kind="career_counselling"))
        workflow.record_consent(plan, date(2025, 3, 12))
        session.flush()
        return case.id, plan.id


def _as(session: Session, username: str) -> Session:
    session.info[INFO_ACTOR] = username
    return session


def test_a_plan_round_trip_keeps_every_submission(store: Store) -> None:
    case_id, plan_id = _open_case_with_plan(store)
    with store.transaction() as session:
        review_id = reviews.submit_plan(session, plan_id, "請督導審閱")
    with store.transaction() as session:
        plan = session.get(ServicePlan, plan_id)
        assert plan is not None and plan.status == PlanStatus.SUBMITTED
        with pytest.raises(RuleError, match="只有草稿"):
            plan_edits.save_plan_draft(session, case_id, plan_edits.PlanDraft(plan.start_on, plan.end_on), plan_id)
    with store.transaction() as session, pytest.raises(RuleError, match="待督導審核"):
        plan_edits.revise_plan(session, plan_id, RevisionValues("改", date(2025, 4, 1), date(2025, 10, 1)))
    with store.transaction() as session, pytest.raises(RuleError, match="需要修改"):
        reviews.decide(_as(session, "sup.wang"), review_id, ReviewDecision.RETURNED, "  ")
    with store.transaction() as session:
        reviews.decide(_as(session, "sup.wang"), review_id, ReviewDecision.RETURNED, "目標請具體化")
    with store.transaction() as session, pytest.raises(RuleError, match="已經審核"):
        reviews.decide(_as(session, "sup.wang"), review_id, ReviewDecision.APPROVED)
    with store.transaction() as session:
        assert reviews.apply_decisions(session, "someone.else") == 0
        assert reviews.apply_decisions(session, "cm.chen") == 1
        assert reviews.apply_decisions(session, "cm.chen") == 0  # idempotent
    with store.transaction() as session:
        plan = session.get(ServicePlan, plan_id)
        assert plan is not None and plan.status == PlanStatus.RETURNED
        with pytest.raises(RuleError, match="修訂計畫"):
            reviews.submit_plan(session, plan_id)
        revised = plan_edits.revise_plan(session, plan_id, RevisionValues("依督導意見", plan.start_on, plan.end_on))
        plan_edits.record_plan_consent(session, revised, plan_edits.ConsentValues(date(2025, 3, 20)))
    with store.transaction() as session:
        second = reviews.submit_plan(session, revised)
    with store.transaction() as session:
        reviews.decide(_as(session, "sup.wang"), second, ReviewDecision.APPROVED)
        assert reviews.apply_decisions(session, "cm.chen") == 1
    with store.transaction() as session:
        case = load_case(session, case_id, audit=False)
        assert [p.status for p in sorted(case.plans, key=lambda p: p.version_no)] == [
            PlanStatus.SUPERSEDED,
            PlanStatus.APPROVED,
        ]
        plan_edits.start_plan(session, revised)
        assert case.stage == Stage.E
        lines = [e.text_zh for e in timeline.case_timeline(case) if e.step == timeline.Step.REVIEW]
    assert lines == [
        "督導核准服務計畫第 2 版（sup.wang）",
        "服務計畫第 2 版送審（cm.chen）",
        "督導退回服務計畫第 1 版（sup.wang）：目標請具體化",
        "服務計畫第 1 版送審（cm.chen）：請督導審閱",
    ]


def test_a_plan_needs_consent_and_a_service_before_submission(store: Store) -> None:
    _case_id, plan_id = _open_case_with_plan(store)
    with store.transaction() as session:
        plan = session.get(ServicePlan, plan_id)
        assert plan is not None
        plan.consent_given = False
    with store.transaction() as session, pytest.raises(RuleError, match="同意"):
        reviews.submit_plan(session, plan_id)
    with store.transaction() as session:
        assert session.scalars(select(Review)).all() == []


def test_with_sign_off_required_a_closure_waits_for_approval(store: Store) -> None:
    case_id, _plan_id = _open_case_with_plan(store)
    with store.transaction() as session:
        team_settings.set_closure_signoff(session, True)
    with store.transaction() as session, pytest.raises(RuleError, match="督導核准"):
        plan_edits.close(session, case_id, CLOSING)
    with store.transaction() as session:
        first = reviews.submit_closure(session, case_id, CLOSING, "個案已達成目標")
    with store.transaction() as session:
        case = load_case(session, case_id, audit=False)
        assert case.stage != Stage.G and case.closed_on is None and reviews.closure_pending(case)
        assert case.closure is not None and case.closure.reason_code == "plan_goal_achieved"
        steps = [e.step for e in timeline.case_timeline(case)]
        assert timeline.Step.REVIEW in steps and timeline.Step.CLOSURE not in steps  # submitted, not closed
        with pytest.raises(RuleError, match="送審"):
            reviews.submit_closure(session, case_id, CLOSING)
        with pytest.raises(RuleError, match="尚未結案"):
            plan_edits.record_satisfaction(session, case_id, plan_edits.SatisfactionValues(5))
    with store.transaction() as session:
        reviews.decide(_as(session, "sup.wang"), first, ReviewDecision.RETURNED, "摘要請補充追蹤情形")
        assert reviews.apply_decisions(session, "cm.chen") == 0  # a returned closure leaves the case open
    corrected = ClosureValues(CLOSING.reason_code, CLOSING.closed_on, "目標達成，已追蹤三個月")
    with store.transaction() as session:
        second = reviews.submit_closure(session, case_id, corrected)
        reviews.decide(_as(session, "sup.wang"), second, ReviewDecision.APPROVED)
    with store.transaction() as session:
        assert reviews.apply_decisions(session, "cm.chen") == 1
    with store.transaction() as session:
        case = load_case(session, case_id, audit=False)
        assert (case.stage, case.closed_on) == (Stage.G, CLOSING.closed_on)
        assert len(session.scalars(select(Closure)).all()) == 1  # one closure row for good
        assert case.closure is not None and case.closure.summary == "目標達成，已追蹤三個月"
        subjects = [(r.subject, r.decision) for r in reviews.live_reviews(case)]
        assert subjects == [
            (ReviewSubject.CLOSURE, ReviewDecision.RETURNED),
            (ReviewSubject.CLOSURE, ReviewDecision.APPROVED),
        ]
        ops = {op.record_type for op in session.scalars(select(OutboxOp))}
        assert {"review", "closure", "case"} <= ops


def test_without_the_setting_a_case_closes_at_once_and_a_returned_closure_row_is_reused(store: Store) -> None:
    case_id, _plan_id = _open_case_with_plan(store)
    with store.transaction() as session:
        review_id = reviews.submit_closure(session, case_id, CLOSING)
        reviews.decide(_as(session, "sup.wang"), review_id, ReviewDecision.RETURNED, "再等一個月")
    with store.transaction() as session:
        plan_edits.close(session, case_id, CLOSING)
    with store.transaction() as session:
        case = session.get(Case, case_id)
        assert case is not None and case.stage == Stage.G
        assert len(session.scalars(select(Closure)).all()) == 1
