"""The workspace tabs' edit services against a real encrypted store: values are checked, the rules are asked, and a
refused edit leaves the store as it was."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.errors import AppError, RuleError, ValidationError
from app.models import Case, Closure, ContactAttempt, Employment, PlanItem, Referral, ServicePlan, ServiceUnit
from app.models.enums import (
    ContactMode,
    ContactOutcome,
    EmploymentProof,
    IntakeDecision,
    ItemStatus,
    PlanPart,
    PlanStatus,
    ReferralKind,
    ReferralResponse,
    Stage,
)
from app.services import plan_edits as edits
from app.services import workflow
from app.store.store import Store
from tests.factories import make_case, make_client

OPENED = date(2025, 3, 6)


def open_case(store: Store) -> uuid.UUID:
    with store.transaction() as db:
        case = make_case(make_client())
        db.add(case)
        workflow.record_intake_assessment(case, date(2025, 3, 5), "適合")
        workflow.decide_intake(case, IntakeDecision.OPEN, OPENED)
        return case.id


def add_unit(store: Store, name: str = "伊甸基金會桃園中心", **overrides: object) -> uuid.UUID:
    values: dict[str, object] = {
        "name": name,
        "service_kinds": ["vocational_evaluation", "supported_employment"],
        "county": "TAO",
        "capacity": 10,
        "current_caseload": 7,
    }
    values.update(overrides)
    with store.transaction() as db:
        unit = ServiceUnit(**values)
        db.add(unit)
        return unit.id


@pytest.fixture
def case_id(store: Store) -> uuid.UUID:
    return open_case(store)


def draft_with_item(store: Store, case_id: uuid.UUID, unit_id: uuid.UUID | None = None) -> uuid.UUID:
    with store.transaction() as db:
        plan_id = edits.save_plan_draft(db, case_id, edits.PlanDraft(date(2025, 3, 10), date(2025, 9, 10), "餐飲內場"))
        edits.add_goal(db, plan_id, edits.GoalValues(PlanPart.PRE_EMPLOYMENT, "完成職業輔導評量"))
        edits.add_item(
            db,
            plan_id,
            edits.ItemValues(PlanPart.PRE_EMPLOYMENT, "vocational_evaluation", unit_id, hours=12),
        )
    return plan_id


def test_units_are_listed_with_their_remaining_capacity(store: Store) -> None:
    full = add_unit(store, "滿額協會", capacity=5, current_caseload=5)
    roomy = add_unit(store, "有空間基金會")
    add_unit(store, "臺北庇護工場", service_kinds=["sheltered_employment"], county="TPE")
    with store.transaction() as db:
        units = edits.list_units(db, "vocational_evaluation")
        everyone = edits.list_units(db, county="TPE")
    assert [(u.id, u.remaining) for u in units] == [(roomy, 3), (full, 0)]  # units with room first
    assert everyone[0].name == "臺北庇護工場" and len(everyone) == 3  # the case's county first


def test_a_plan_starts_only_with_consent_and_a_service(store: Store, case_id: uuid.UUID) -> None:
    unit_id = add_unit(store)
    plan_id = draft_with_item(store, case_id, unit_id)
    with pytest.raises(RuleError, match="同意"), store.transaction() as db:
        edits.start_plan(db, plan_id)
    with store.transaction() as db:
        plan = db.get_one(ServicePlan, plan_id)
        assert plan.status == PlanStatus.DRAFT and db.get_one(Case, case_id).stage == Stage.D
        assert [(i.service_kind, i.service_unit_id, i.hours) for i in plan.items] == [
            ("vocational_evaluation", unit_id, 12.0)
        ]
        edits.record_plan_consent(db, plan_id, edits.ConsentValues(date(2025, 3, 9), "guardian"))
    with store.transaction() as db:
        edits.start_plan(db, plan_id)
    with store.transaction() as db:
        plan = db.get_one(ServicePlan, plan_id)
        assert (plan.status, plan.consent_by, plan.consent_on) == (PlanStatus.APPROVED, "guardian", date(2025, 3, 9))
        assert db.get_one(Case, case_id).stage == Stage.E


def test_changing_a_consented_draft_withdraws_the_consent(store: Store, case_id: uuid.UUID) -> None:
    plan_id = draft_with_item(store, case_id)
    with store.transaction() as db:
        edits.record_plan_consent(db, plan_id, edits.ConsentValues(date(2025, 3, 9)))
        # Saving the same values is no change.
        edits.save_plan_draft(db, case_id, edits.PlanDraft(date(2025, 3, 10), date(2025, 9, 10), "餐飲內場"), plan_id)
        assert db.get_one(ServicePlan, plan_id).consent_given
        edits.save_plan_draft(db, case_id, edits.PlanDraft(date(2025, 3, 10), date(2025, 10, 10), "餐飲內場"), plan_id)
        assert not db.get_one(ServicePlan, plan_id).consent_given


def test_bad_values_are_refused_and_change_nothing(store: Store, case_id: uuid.UUID) -> None:
    unit_id = add_unit(store, service_kinds=["supported_employment"])
    plan_id = draft_with_item(store, case_id)
    bad = [
        (edits.ItemValues(PlanPart.PRE_EMPLOYMENT, "vocational_evaluation", unit_id), "沒有提供「職業輔導評量」"),
        (edits.ItemValues(PlanPart.PRE_EMPLOYMENT, "no_such_service"), "沒有服務項目"),
        (edits.ItemValues(PlanPart.PRE_EMPLOYMENT, "career_counselling", hours=0), "時數"),
        (
            edits.ItemValues(
                PlanPart.PRE_EMPLOYMENT, "career_counselling", None, "", date(2025, 5, 1), date(2025, 4, 1)
            ),
            "結束日不能早於開始日",
        ),
    ]
    for values, message in bad:
        with pytest.raises(ValidationError, match=message), store.transaction() as db:
            edits.add_item(db, plan_id, values)
    with pytest.raises(ValidationError, match="目標內容"), store.transaction() as db:
        edits.add_goal(db, plan_id, edits.GoalValues(PlanPart.PRE_EMPLOYMENT, "  "))
    with pytest.raises(ValidationError, match="不能晚於今天"), store.transaction() as db:
        edits.record_plan_consent(db, plan_id, edits.ConsentValues(date(2999, 1, 1)))
    with store.transaction() as db:
        plan = db.get_one(ServicePlan, plan_id)
        assert (len(plan.items), len(plan.goals), plan.consent_given) == (1, 1, False)


def test_goals_and_items_are_edited_and_removed_as_tombstones(store: Store, case_id: uuid.UUID) -> None:
    plan_id = draft_with_item(store, case_id)
    with store.transaction() as db:
        plan = db.get_one(ServicePlan, plan_id)
        goal_id, item_id = plan.goals[0].id, plan.items[0].id
        edits.update_goal(db, goal_id, edits.GoalValues(PlanPart.MATCHING_SUPPORT, "進入餐飲業工作", date(2025, 8, 1)))
        edits.update_item(db, item_id, edits.ItemValues(PlanPart.PRE_EMPLOYMENT, "career_counselling", hours=6))
    with store.transaction() as db:
        plan = db.get_one(ServicePlan, plan_id)
        assert (plan.goals[0].part, plan.goals[0].target_on) == (PlanPart.MATCHING_SUPPORT, date(2025, 8, 1))
        assert (plan.items[0].service_kind, plan.items[0].hours) == ("career_counselling", 6.0)
        edits.remove_item(db, item_id)
        edits.record_plan_consent(db, plan_id, edits.ConsentValues(date(2025, 3, 9)))
    with pytest.raises(RuleError, match="至少要有一項服務"), store.transaction() as db:
        edits.start_plan(db, plan_id)  # the removed item is a tombstone, not a service
    with store.transaction() as db:
        assert db.get_one(PlanItem, item_id).deleted


def test_a_plan_being_carried_out_is_revised_not_edited(store: Store, case_id: uuid.UUID) -> None:
    plan_id = draft_with_item(store, case_id)
    with store.transaction() as db:
        plan = db.get_one(ServicePlan, plan_id)
        edits.add_item(db, plan_id, edits.ItemValues(PlanPart.MATCHING_SUPPORT, "supported_employment"))
        edits.record_plan_consent(db, plan_id, edits.ConsentValues(date(2025, 3, 9)))
        edits.start_plan(db, plan_id)
        done_item = plan.items[0].id
    with pytest.raises(RuleError, match="只有草稿"), store.transaction() as db:
        edits.add_goal(db, plan_id, edits.GoalValues(PlanPart.PRE_EMPLOYMENT, "新目標"))
    with store.transaction() as db:
        edits.set_item_status(db, done_item, ItemStatus.DONE)  # progress is recorded on the plan being carried out
    with pytest.raises(RuleError, match="原因"), store.transaction() as db:
        edits.revise_plan(db, plan_id, edits.RevisionValues(" ", date(2025, 6, 1), date(2025, 12, 1)))
    with store.transaction() as db:
        revised_id = edits.revise_plan(
            db, plan_id, edits.RevisionValues("評量後改變目標", date(2025, 6, 1), date(2025, 12, 1))
        )
    with store.transaction() as db:
        old, new = db.get_one(ServicePlan, plan_id), db.get_one(ServicePlan, revised_id)
        assert old.status == PlanStatus.SUPERSEDED
        assert (new.version_no, new.previous_id, new.revision_reason) == (2, plan_id, "評量後改變目標")
        assert (new.status, new.start_on, new.consent_given) == (PlanStatus.DRAFT, date(2025, 6, 1), False)
        # The goal not yet met and the service not yet given carry over; the finished one does not.
        assert [g.description for g in new.goals] == ["完成職業輔導評量"]
        assert [i.service_kind for i in new.items] == ["supported_employment"]


def referral_values(unit_id: uuid.UUID, **overrides: object) -> edits.ReferralValues:
    values: dict[str, object] = {
        "kind": ReferralKind.SERVICE,
        "sent_on": date(2025, 4, 2),
        "service_kind": "vocational_evaluation",
        "unit_id": unit_id,
        "contacted_before_dispatch": True,
        "contacted_on": date(2025, 4, 1),
        "client_consented": True,
    }
    values.update(overrides)
    return edits.ReferralValues(**values)  # type: ignore[arg-type]


def test_a_referral_needs_the_unit_contacted_first(store: Store, case_id: uuid.UUID) -> None:
    unit_id = add_unit(store)
    with pytest.raises(RuleError, match="須先聯繫受案單位"), store.transaction() as db:
        edits.create_referral_and_dispatch(db, case_id, referral_values(unit_id, contacted_before_dispatch=False))
    with store.transaction() as db:
        assert db.scalar(select(func.count()).select_from(Referral)) == 0
        referral_id = edits.create_referral_and_dispatch(db, case_id, referral_values(unit_id))
    with store.transaction() as db:
        referral = db.get_one(Referral, referral_id)
        assert (referral.case_id, referral.receiving_unit_id) == (case_id, unit_id)
        assert (referral.sent_on, referral.follow_up_due_on) == (date(2025, 4, 2), date(2025, 5, 2))
        with pytest.raises(ValidationError, match="回覆日不能早於派案日"):
            edits.record_referral_response(db, referral_id, ReferralResponse.ACCEPTED, date(2025, 4, 1))
        edits.record_referral_response(db, referral_id, ReferralResponse.ACCEPTED, date(2025, 4, 3))
        edits.record_follow_up(db, referral_id, date(2025, 4, 28), "已開始評量，個案適應良好")
    with store.transaction() as db:
        referral = db.get_one(Referral, referral_id)
        assert (referral.response, referral.follow_up_done_on) == (ReferralResponse.ACCEPTED, date(2025, 4, 28))
        assert db.get_one(ServiceUnit, unit_id).current_caseload == 8  # the accepted client takes a place


def test_a_full_unit_or_a_missing_unit_is_refused(store: Store, case_id: uuid.UUID) -> None:
    full = add_unit(store, capacity=3, current_caseload=3)
    with pytest.raises(RuleError, match="無可容納之服務量"), store.transaction() as db:
        edits.create_referral_and_dispatch(db, case_id, referral_values(full))
    with pytest.raises(ValidationError, match="受案單位"), store.transaction() as db:
        edits.create_referral_and_dispatch(db, case_id, dataclasses.replace(referral_values(full), unit_id=None))
    with store.transaction() as db:
        assert db.scalar(select(func.count()).select_from(Referral)) == 0


def test_a_job_referral_is_tracked_two_weeks_later(store: Store, case_id: uuid.UUID) -> None:
    values = edits.ReferralValues(
        ReferralKind.JOB, date(2025, 5, 5), employer="全聯福利中心", job_title="理貨員", client_consented=True
    )
    with pytest.raises(ValidationError, match="雇主"), store.transaction() as db:
        edits.create_referral_and_dispatch(db, case_id, edits.ReferralValues(ReferralKind.JOB, date(2025, 5, 5)))
    with store.transaction() as db:
        referral = db.get_one(Referral, edits.create_referral_and_dispatch(db, case_id, values))
        assert (referral.employer, referral.follow_up_due_on) == ("全聯福利中心", date(2025, 5, 19))


def job_values(**overrides: object) -> edits.EmploymentValues:
    values: dict[str, object] = {
        "employer": "全聯福利中心",
        "job_title": "理貨員",
        "start_on": date(2025, 5, 12),
        "hours_per_week": 40.0,
        "monthly_wage": Decimal(29000),
        "labour_insurance_on": date(2025, 5, 12),
        "proof": EmploymentProof.LABOUR_INSURANCE,
    }
    values.update(overrides)
    return edits.EmploymentValues(**values)  # type: ignore[arg-type]


def test_employment_is_recorded_and_its_success_computed(store: Store, case_id: uuid.UUID) -> None:
    with pytest.raises(ValidationError, match="每週工時"), store.transaction() as db:
        edits.add_employment(db, case_id, job_values(hours_per_week=0))
    with store.transaction() as db:
        job_id = edits.add_employment(db, case_id, job_values())
    with store.transaction() as db:
        job = db.get_one(Employment, job_id)
        assert (job.case_id, job.monthly_wage) == (case_id, Decimal(29000))
        early = edits.employment_status(job, OPENED, date(2025, 5, 12))
        later = edits.employment_status(job, OPENED, date(2025, 8, 11))
    assert (early.placement_success, early.employment_success) == (True, False)
    assert later.employment_success and later.three_months_on == date(2025, 8, 11)
    with store.transaction() as db:
        edits.update_employment(db, job_id, job_values(labour_insurance_on=None, proof=None, employer_size=30))
        job = db.get_one(Employment, job_id)
        assert not edits.employment_status(job, OPENED, date(2025, 6, 1)).placement_success  # no proof of the job
        with pytest.raises(ValidationError, match="離職原因"):
            edits.end_employment(db, job_id, date(2025, 6, 30), "")
        with pytest.raises(ValidationError, match="離職日不能早於到職日"):
            edits.end_employment(db, job_id, date(2025, 5, 1), "試用期未過")
        edits.end_employment(db, job_id, date(2025, 6, 30), "試用期未過")
    with store.transaction() as db:
        assert db.get_one(Employment, job_id).end_on == date(2025, 6, 30)


def test_closure_is_checked_then_made_with_satisfaction(store: Store, case_id: uuid.UUID) -> None:
    with store.transaction() as db:
        check = edits.check_closure(db, case_id, "lost_contact", date(2025, 6, 1))
        assert not check.allowed and "3 次未聯繫上" in check.message() and "attempts" in check.message("en")
        assert edits.check_closure(db, case_id, "moved_away", date(2025, 6, 1)).allowed
    with store.transaction() as db:  # the check closed nothing
        assert db.get_one(Case, case_id).stage == Stage.C
        assert db.scalar(select(func.count()).select_from(Closure)) == 0
    values = edits.ClosureValues(
        "moved_away", date(2025, 6, 1), "遷居臺東，已轉介當地職管窗口", edits.SatisfactionValues(6)
    )
    with pytest.raises(ValidationError, match="滿意度"), store.transaction() as db:
        edits.close(db, case_id, values)
    with store.transaction() as db:
        edits.close(
            db, case_id, edits.ClosureValues("moved_away", date(2025, 6, 1), "遷居", edits.SatisfactionValues(4))
        )
    with store.transaction() as db:
        edits.record_satisfaction(db, case_id, edits.SatisfactionValues(4, None, 5))
    with store.transaction() as db:
        case = db.get_one(Case, case_id)
        assert case.stage == Stage.G and case.closure is not None
        closure = case.closure
        assert (closure.reason_code, closure.closed_on, closure.summary) == ("moved_away", date(2025, 6, 1), "遷居")
        assert (closure.satisfaction_client, closure.satisfaction_employer, closure.satisfaction_receiving_unit) == (
            4,
            None,
            5,
        )


def test_lost_contact_closes_after_three_unanswered_attempts(store: Store, case_id: uuid.UUID) -> None:
    with store.transaction() as db:
        for day in (2, 9, 16):
            db.add(
                ContactAttempt(
                    case_id=case_id,
                    attempted_at=datetime(2025, 5, day, 2, tzinfo=UTC),
                    channel=ContactMode.PHONE,
                    outcome=ContactOutcome.NO_ANSWER,
                )
            )
    with store.transaction() as db:
        assert edits.check_closure(db, case_id, "lost_contact", date(2025, 6, 1)).allowed
        edits.close(db, case_id, edits.ClosureValues("lost_contact", date(2025, 6, 1)))
    with store.transaction() as db:
        assert db.get_one(Case, case_id).closed_on == date(2025, 6, 1)


def test_attachments_are_added_listed_and_copied(store: Store, case_id: uuid.UUID, tmp_path: Path) -> None:
    scan = tmp_path / "身心障礙證明.pdf"
    scan.write_bytes(b"%PDF-1.4 " + bytes(range(256)) * 8)
    with store.transaction() as db:
        added = edits.add_attachment_file(db, case_id, scan, " 正反面 ")
    with store.transaction() as db:
        listed = edits.list_attachments(db, case_id)
        copy = edits.save_attachment_copy(db, listed[0].id, tmp_path / "copy.pdf")
    assert [(a.id, a.filename, a.media_type, a.size, a.description) for a in listed] == [
        (added.id, "身心障礙證明.pdf", "application/pdf", scan.stat().st_size, "正反面")
    ]
    assert copy.read_bytes() == scan.read_bytes()
    with pytest.raises(AppError, match="無法讀取"), store.transaction() as db:
        edits.add_attachment_file(db, case_id, tmp_path / "missing.pdf")
    with pytest.raises(AppError, match="無法寫入"), store.transaction() as db:
        edits.save_attachment_copy(db, added.id, tmp_path / "no-such-dir" / "copy.pdf")
