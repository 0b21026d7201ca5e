"""今日待辦 read from a real store, and 移案 with its frozen hand-over summary."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from app.errors import RuleError
from app.models import AuditEntry, Case, ContactAttempt, OutboxOp, PlanItem, Referral, ServiceRecord
from app.models.enums import ContactMode, ContactOutcome, IntakeDecision, PlanPart, RecordStatus, ReferralResponse
from app.services import clock, workflow
from app.services.agenda import due_items
from app.services.cases import load_case
from app.services.deadline_rules import DeadlineRule
from app.services.handover import handover_summary, transfer_cases
from app.store.store import Store
from tests.factories import make_case, make_client, make_record


@pytest.fixture
def working_case(store: Store) -> Case:
    """A case opened in March 2025 with a plan, a pending referral and a finalised interview not yet registered."""
    with store.transaction() as db:
        case = make_case(make_client(name="李阿花"), owner="cm.chen")
        workflow.record_intake_assessment(case, date(2025, 3, 5), "適合")
        workflow.decide_intake(case, IntakeDecision.OPEN, date(2025, 3, 6))
        workflow.record_reply(case, date(2025, 3, 7))
        plan = workflow.new_plan(case, date(2025, 3, 10), date(2025, 9, 30), "超商門市人員")
        workflow.record_consent(plan, date(2025, 3, 10))
        PlanItem(plan=plan, part=PlanPart.PRE_EMPLOYMENT, service_kind="vocational_evaluation")
        workflow.start_plan(case, plan)
        db.add(case)
        db.add(make_record(case, held_on=date(2025, 3, 20), status=RecordStatus.FINAL, notes="討論職評安排"))
        db.add(
            Referral(
                case=case,
                service_kind="vocational_evaluation",
                sent_on=date(2025, 3, 21),
                contacted_before_dispatch=True,
                follow_up_due_on=workflow.referral_follow_up_due(date(2025, 3, 21)),
            )
        )
        db.add(
            ContactAttempt(
                case=case,
                attempted_at=datetime(2025, 3, 28, 9, tzinfo=UTC),
                channel=ContactMode.PHONE,
                outcome=ContactOutcome.REACHED,
            )
        )
    return case


def test_due_items_from_the_store(store: Store, working_case: Case) -> None:
    with store.transaction() as db:
        items = due_items(db, date(2025, 4, 15), owners=["cm.chen"])
    rules = {item.rule: item for item in items if item.case_id == working_case.id}
    assert rules[DeadlineRule.SERVICE_ENTRY].due_on == date(2025, 4, 3)  # 2 weeks after 3/20, not registered
    assert rules[DeadlineRule.SERVICE_ENTRY].status == "overdue"
    assert rules[DeadlineRule.REFERRAL_FOLLOW_UP].due_on == date(2025, 4, 21)
    assert rules[DeadlineRule.MONTHLY_CONTACT].due_on == date(2025, 4, 28)  # a month after the reached call
    assert DeadlineRule.INTAKE_REPLY not in rules  # replied on 3/7
    with store.transaction() as db:
        assert [i for i in due_items(db, date(2025, 4, 10), owners=["cm.lin"]) if i.case_id] == []


def test_registering_the_record_clears_its_item(store: Store, working_case: Case) -> None:
    with store.transaction() as db:
        db.scalars(select(ServiceRecord)).one().registered_on = date(2025, 4, 1)
    with store.transaction() as db:
        rules = {i.rule for i in due_items(db, date(2025, 4, 10)) if i.case_id == working_case.id}
    assert DeadlineRule.SERVICE_ENTRY not in rules


def test_handover_summary_says_what_is_open(store: Store, working_case: Case) -> None:
    with store.transaction() as db:
        summary = handover_summary(load_case(db, working_case.id))
    text = summary.as_text()
    assert "李阿花" in text and "超商門市人員" in text
    assert "職業輔導評量" in text and "待回覆" in text
    assert "討論職評安排" in text
    assert summary.last_contact_on == date(2025, 3, 28)


def test_bulk_transfer(store: Store, working_case: Case) -> None:
    with store.transaction() as db:
        other = make_case(make_client(name="周小華", id_number="B123456780"), owner="cm.chen")
        db.add(other)
    with store.transaction() as db:
        due = {working_case.id: due_items(db, date(2025, 4, 10), owners=["cm.chen"])}
        transfers = transfer_cases(db, [working_case.id, other.id], "cm.lin", date(2025, 4, 10), "約聘期滿離職", due)
    assert [t.from_owner for t in transfers] == ["cm.chen", "cm.chen"]
    with store.transaction() as db:
        assert set(db.scalars(select(Case.owner))) == {"cm.lin"}
        moved = load_case(db, working_case.id)
        assert "待辦期限" in moved.transfers[0].summary and "114/04/03" in moved.transfers[0].summary
        assert db.scalar(select(func.count()).select_from(OutboxOp).where(OutboxOp.record_type == "case_transfer")) == 2
        assert db.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "view")) >= 2


def test_transfer_to_the_same_owner_changes_nothing(store: Store, working_case: Case) -> None:
    with pytest.raises(RuleError, match=r"已由 cm\.chen 負責"), store.transaction() as db:
        transfer_cases(db, [working_case.id], "cm.chen", date(2025, 4, 10))
    with pytest.raises(RuleError, match="接手"), store.transaction() as db:
        transfer_cases(db, [working_case.id], "  ", date(2025, 4, 10))
    with store.transaction() as db:
        assert db.get_one(Case, working_case.id).transfers == []


def test_declined_referral_is_no_longer_pending(store: Store, working_case: Case) -> None:
    with store.transaction() as db:
        referral = db.scalars(select(Referral)).one()
        referral.response = ReferralResponse.DECLINED
        referral.decline_reason = "名額已滿"
        referral.follow_up_done_on = date(2025, 3, 30)
    with store.transaction() as db:
        assert handover_summary(load_case(db, working_case.id)).open_referrals == ()


def test_the_reply_after_not_opening_stays_on_the_agenda(store: Store) -> None:
    """不開案 closes the case at once (stage G, closed_on), but the 3-day reply is still owed (002 附件一 三(一))."""
    with store.transaction() as db:
        case = make_case(make_client(name="張小玉"), owner="cm.chen")
        workflow.record_intake_assessment(case, date(2025, 3, 5), "目前以就醫為優先")
        workflow.decide_intake(case, IntakeDecision.NOT_OPEN, date(2025, 3, 6), "需非職業重建資源優先協助")
        db.add(case)
    with store.transaction() as db:
        assert db.get_one(Case, case.id).closed_on == date(2025, 3, 6)
        items = [i for i in due_items(db, date(2025, 3, 6)) if i.case_id == case.id]
    assert [(i.rule, i.due_on, i.days_left) for i in items] == [(DeadlineRule.INTAKE_REPLY, date(2025, 3, 8), 2)]
    with store.transaction() as db:
        workflow.record_reply(db.get_one(Case, case.id), date(2025, 3, 7))
    with store.transaction() as db:
        assert [i for i in due_items(db, date(2025, 3, 9)) if i.case_id == case.id] == []


@pytest.mark.parametrize(
    ("attempted_at", "contact_day"),
    [
        (datetime(2025, 5, 9, 23, 30, tzinfo=UTC), date(2025, 5, 10)),  # 07:30 in Taipei on 5/10
        (datetime(2025, 5, 10, 15, 30, tzinfo=UTC), date(2025, 5, 10)),  # 23:30 in Taipei, still 5/10
        (datetime(2025, 5, 9, 15, 59, tzinfo=UTC), date(2025, 5, 9)),  # 23:59 in Taipei on 5/09
    ],
)
def test_a_call_counts_on_its_day_in_taiwan(store: Store, attempted_at: datetime, contact_day: date) -> None:
    with store.transaction() as db:
        case = make_case(make_client(name="陳大同"), owner="cm.chen")
        workflow.record_intake_assessment(case, date(2025, 3, 5), "適合")
        workflow.decide_intake(case, IntakeDecision.OPEN, date(2025, 3, 6))
        workflow.record_reply(case, date(2025, 3, 7))
        db.add(case)
        db.add(
            ContactAttempt(
                case=case, attempted_at=attempted_at, channel=ContactMode.PHONE, outcome=ContactOutcome.REACHED
            )
        )
    with store.transaction() as db:
        items = [i for i in due_items(db, date(2025, 6, 1)) if i.case_id == case.id]
        summary = handover_summary(load_case(db, case.id))
    assert [(i.rule, i.due_on) for i in items] == [(DeadlineRule.MONTHLY_CONTACT, contact_day.replace(month=6))]
    assert summary.last_contact_on == contact_day


def test_today_in_taiwan_is_the_default_date(store: Store, working_case: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: date(2025, 4, 15))
    with store.transaction() as db:
        assert due_items(db, owners=["cm.chen"]) == due_items(db, date(2025, 4, 15), owners=["cm.chen"])
        (transfer,) = transfer_cases(db, [working_case.id], "cm.lin")
    assert transfer.transferred_on == date(2025, 4, 15)
