"""The deadline engine: each rule not yet due / due today / overdue / done, filtering and order."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from app.services.deadlines import (
    CaseFacts,
    CertificateFact,
    DeadlineRule,
    DueItem,
    DueStatus,
    EmploymentFact,
    ReferralFact,
    ServiceFact,
    TargetKind,
    agenda,
    group_by_rule,
)
from app.services.workdays import WorkCalendar

R = DeadlineRule
S = DueStatus


def make_case(**changes: Any) -> CaseFacts:
    """A case with no dates at all, so only what a test sets can produce items."""
    base = CaseFacts(
        case_id=uuid.uuid4(),
        owner="amy",
        client_name="王小明",
        programme="vr",
        stage="E",
        intake_assessed_on=None,
        reply_sent_on=None,
        opened_on=None,
        closed_on=None,
        last_contact_on=None,
    )
    return replace(base, **changes)


def referral(**changes: Any) -> ReferralFact:
    base = ReferralFact(
        referral_id=uuid.uuid4(),
        kind="service",
        service_kind="vocational_evaluation",
        needs_one_month_follow_up=False,
        is_job_redesign=False,
        sent_on=None,
        accepted_on=None,
        follow_up_done_on=None,
    )
    return replace(base, **changes)


def employment(start_on: date, *, end_on: date | None = None, supported: bool = False) -> EmploymentFact:
    return EmploymentFact(uuid.uuid4(), start_on, end_on, supported)


def certificate(
    expires_on: date | None = None, reassess_on: date | None = None, *, no_expiry: bool = False
) -> CertificateFact:
    return CertificateFact(uuid.uuid4(), expires_on, reassess_on, no_expiry)


def items_for(case: CaseFacts, on: date, rule: DeadlineRule, **kwargs: Any) -> list[DueItem]:
    return [i for i in agenda([case], on, include_unit_items=False, **kwargs) if i.rule == rule]


def one(case: CaseFacts, on: date, rule: DeadlineRule, **kwargs: Any) -> DueItem:
    found = items_for(case, on, rule, **kwargs)
    assert len(found) == 1, found
    return found[0]


def states(case: CaseFacts, rule: DeadlineRule, *days: date) -> list[tuple[DueStatus, int]]:
    return [(i.status, i.days_left) for d in days for i in items_for(case, d, rule)]


class TestIntakeReply:
    case = make_case(stage="B", intake_assessed_on=date(2025, 3, 3))

    def test_three_calendar_days(self) -> None:
        got = states(self.case, R.INTAKE_REPLY, date(2025, 3, 4), date(2025, 3, 6), date(2025, 3, 9))
        assert got == [(S.UPCOMING, 2), (S.DUE_TODAY, 0), (S.OVERDUE, -3)]

    def test_item_text_and_target(self) -> None:
        item = one(self.case, date(2025, 3, 4), R.INTAKE_REPLY)
        assert item.due_on == date(2025, 3, 6)
        assert item.title_zh == "接案評估後3天內回覆申請者或轉介單位（王小明）"
        assert item.title_en.endswith("(王小明)")
        assert (item.target_kind, item.target_id) == (TargetKind.CASE, self.case.case_id)
        assert item.case_id == self.case.case_id
        assert (item.owner, item.client_name) == ("amy", "王小明")

    def test_done_once_replied(self) -> None:
        done = replace(self.case, reply_sent_on=date(2025, 3, 5))
        assert items_for(done, date(2025, 3, 9), R.INTAKE_REPLY) == []

    def test_beyond_the_horizon_is_not_shown(self) -> None:
        assert items_for(self.case, date(2025, 3, 4), R.INTAKE_REPLY, horizon_days=1) == []
        assert items_for(self.case, date(2025, 3, 4), R.INTAKE_REPLY, horizon_days=2) != []


class TestServiceEntry:
    service = ServiceFact(uuid.uuid4(), date(2025, 3, 1), None)

    def test_two_weeks_after_the_service(self) -> None:
        case = make_case(services=(self.service,))
        got = states(case, R.SERVICE_ENTRY, date(2025, 3, 14), date(2025, 3, 15), date(2025, 3, 20))
        assert got == [(S.UPCOMING, 1), (S.DUE_TODAY, 0), (S.OVERDUE, -5)]
        item = one(case, date(2025, 3, 14), R.SERVICE_ENTRY)
        assert (item.target_kind, item.target_id) == (TargetKind.SERVICE, self.service.record_id)
        assert "114/03/01" in item.title_zh

    def test_done_once_registered(self) -> None:
        case = make_case(services=(replace(self.service, registered_on=date(2025, 3, 10)),))
        assert items_for(case, date(2025, 3, 20), R.SERVICE_ENTRY) == []

    def test_one_item_per_unregistered_service(self) -> None:
        other = ServiceFact(uuid.uuid4(), date(2025, 3, 5), None)
        case = make_case(services=(self.service, other))
        assert [i.target_id for i in items_for(case, date(2025, 3, 14), R.SERVICE_ENTRY)] == [
            self.service.record_id,
            other.record_id,
        ]


class TestReferralFollowUp:
    sent = referral(needs_one_month_follow_up=True, sent_on=date(2025, 1, 31))

    def test_one_calendar_month_clamped_to_february(self) -> None:
        case = make_case(referrals=(self.sent,))
        got = states(case, R.REFERRAL_FOLLOW_UP, date(2025, 2, 27), date(2025, 2, 28), date(2025, 3, 3))
        assert got == [(S.UPCOMING, 1), (S.DUE_TODAY, 0), (S.OVERDUE, -3)]
        item = one(case, date(2025, 2, 27), R.REFERRAL_FOLLOW_UP)
        assert (item.target_kind, item.target_id) == (TargetKind.REFERRAL, self.sent.referral_id)

    @pytest.mark.parametrize(
        "changes",
        [{"follow_up_done_on": date(2025, 2, 20)}, {"needs_one_month_follow_up": False}, {"sent_on": None}],
    )
    def test_nothing_owed(self, changes: dict[str, Any]) -> None:
        case = make_case(referrals=(replace(self.sent, **changes),))
        assert items_for(case, date(2025, 3, 3), R.REFERRAL_FOLLOW_UP) == []


class TestJobReferralTracking:
    sent = referral(kind="job", service_kind=None, sent_on=date(2025, 3, 1))

    def test_two_weeks_after_sending(self) -> None:
        case = make_case(referrals=(self.sent,))
        got = states(case, R.JOB_REFERRAL_TRACKING, date(2025, 3, 10), date(2025, 3, 15), date(2025, 3, 17))
        assert got == [(S.UPCOMING, 5), (S.DUE_TODAY, 0), (S.OVERDUE, -2)]

    def test_done_once_followed_up(self) -> None:
        case = make_case(referrals=(replace(self.sent, follow_up_done_on=date(2025, 3, 14)),))
        assert items_for(case, date(2025, 3, 17), R.JOB_REFERRAL_TRACKING) == []

    def test_only_for_job_referrals(self) -> None:
        case = make_case(referrals=(replace(self.sent, kind="service"),))
        assert items_for(case, date(2025, 3, 17), R.JOB_REFERRAL_TRACKING) == []


class TestMonthlyContact:
    case = make_case(opened_on=date(2025, 1, 15), last_contact_on=date(2025, 2, 20))

    def test_one_month_after_the_last_contact(self) -> None:
        got = states(self.case, R.MONTHLY_CONTACT, date(2025, 3, 19), date(2025, 3, 20), date(2025, 3, 25))
        assert got == [(S.UPCOMING, 1), (S.DUE_TODAY, 0), (S.OVERDUE, -5)]

    def test_from_opening_when_never_contacted(self) -> None:
        case = replace(self.case, opened_on=date(2025, 1, 31), last_contact_on=None)
        assert one(case, date(2025, 2, 20), R.MONTHLY_CONTACT).due_on == date(2025, 2, 28)

    def test_a_contact_before_opening_does_not_count(self) -> None:
        case = replace(self.case, last_contact_on=date(2025, 1, 10))
        assert one(case, date(2025, 2, 10), R.MONTHLY_CONTACT).due_on == date(2025, 2, 15)

    def test_a_new_contact_moves_it_out(self) -> None:
        case = replace(self.case, last_contact_on=date(2025, 3, 18))
        assert items_for(case, date(2025, 3, 20), R.MONTHLY_CONTACT) == []

    @pytest.mark.parametrize("changes", [{"opened_on": None}, {"closed_on": date(2025, 3, 1)}, {"stage": "G"}])
    def test_only_open_cases(self, changes: dict[str, Any]) -> None:
        assert items_for(replace(self.case, **changes), date(2025, 3, 25), R.MONTHLY_CONTACT) == []


class TestEmploymentFollowUp:
    job = employment(date(2024, 11, 30))

    def test_three_months_after_starting(self) -> None:
        case = make_case(opened_on=date(2024, 10, 1), employments=(self.job,))
        got = states(case, R.EMPLOYMENT_FOLLOW_UP, date(2025, 2, 27), date(2025, 2, 28), date(2025, 3, 5))
        assert got == [(S.UPCOMING, 1), (S.DUE_TODAY, 0), (S.OVERDUE, -5)]
        item = one(case, date(2025, 2, 27), R.EMPLOYMENT_FOLLOW_UP)
        assert "可評估穩定就業結案" in item.title_zh
        assert (item.target_kind, item.target_id) == (TargetKind.EMPLOYMENT, self.job.employment_id)

    def test_done_when_the_case_is_closed(self) -> None:
        case = make_case(closed_on=date(2025, 3, 1), stage="G", employments=(self.job,))
        assert items_for(case, date(2025, 3, 5), R.EMPLOYMENT_FOLLOW_UP) == []

    def test_a_job_that_ended_is_not_followed(self) -> None:
        ended = replace(self.job, end_on=date(2025, 1, 20))
        assert items_for(make_case(employments=(ended,)), date(2025, 2, 27), R.EMPLOYMENT_FOLLOW_UP) == []

    def test_a_job_ending_before_the_mark_cannot_reach_it(self) -> None:
        ending = replace(self.job, end_on=date(2025, 2, 27))
        assert items_for(make_case(employments=(ending,)), date(2025, 2, 20), R.EMPLOYMENT_FOLLOW_UP) == []

    def test_a_job_ending_after_the_mark_still_counts(self) -> None:
        ending = replace(self.job, end_on=date(2025, 6, 30))
        assert len(items_for(make_case(employments=(ending,)), date(2025, 2, 20), R.EMPLOYMENT_FOLLOW_UP)) == 1


class TestIntensiveSupport:
    # Monday 2025-01-20 + 10 working days crosses Lunar New Year and lands on the make-up Saturday 2/8.
    job = employment(date(2025, 1, 20), supported=True)

    def test_ten_working_days_across_new_year(self) -> None:
        case = make_case(employments=(self.job,))
        got = states(case, R.INTENSIVE_SUPPORT, date(2025, 2, 1), date(2025, 2, 8))
        assert got == [(S.UPCOMING, 7), (S.DUE_TODAY, 0)]
        assert one(case, date(2025, 2, 1), R.INTENSIVE_SUPPORT).informative

    def test_dropped_once_reached(self) -> None:
        assert items_for(make_case(employments=(self.job,)), date(2025, 2, 10), R.INTENSIVE_SUPPORT) == []

    def test_only_for_supported_placements(self) -> None:
        plain = replace(self.job, supported=False)
        assert items_for(make_case(employments=(plain,)), date(2025, 2, 1), R.INTENSIVE_SUPPORT) == []

    def test_not_when_the_placement_ends_first(self) -> None:
        short = replace(self.job, end_on=date(2025, 2, 5))
        assert items_for(make_case(employments=(short,)), date(2025, 2, 1), R.INTENSIVE_SUPPORT) == []


class TestJobRedesignReport:
    # Accepted Monday 1/20: 1/21-24 (4), 2/3-7 (9), Saturday 2/8 (10), 2/10-14 (15).
    taken = referral(
        service_kind="job_redesign", is_job_redesign=True, sent_on=date(2025, 1, 17), accepted_on=date(2025, 1, 20)
    )

    def test_fifteen_working_days_after_acceptance(self) -> None:
        case = make_case(referrals=(self.taken,))
        got = states(case, R.JOB_REDESIGN_REPORT, date(2025, 2, 13), date(2025, 2, 14), date(2025, 2, 20))
        assert got == [(S.UPCOMING, 1), (S.DUE_TODAY, 0), (S.OVERDUE, -6)]

    def test_from_sending_when_acceptance_is_unknown(self) -> None:
        case = make_case(referrals=(replace(self.taken, accepted_on=None),))
        assert one(case, date(2025, 2, 10), R.JOB_REDESIGN_REPORT).due_on == date(2025, 2, 13)

    @pytest.mark.parametrize(
        "changes", [{"report_received_on": date(2025, 2, 12)}, {"follow_up_done_on": date(2025, 2, 12)}]
    )
    def test_done_once_the_report_is_in(self, changes: dict[str, Any]) -> None:
        case = make_case(referrals=(replace(self.taken, **changes),))
        assert items_for(case, date(2025, 2, 20), R.JOB_REDESIGN_REPORT) == []

    def test_the_agency_calendar_is_used(self) -> None:
        typhoon = WorkCalendar(extra_holidays=[date(2025, 2, 10)])
        case = make_case(referrals=(self.taken,))
        assert one(case, date(2025, 2, 10), R.JOB_REDESIGN_REPORT, calendar=typhoon).due_on == date(2025, 2, 17)


class TestCertificate:
    def test_expiry_uses_a_90_day_window(self) -> None:
        case = make_case(certificates=(certificate(date(2025, 6, 1)),))
        days = (date(2025, 2, 1), date(2025, 3, 10), date(2025, 6, 1), date(2025, 6, 5))
        got = states(case, R.CERTIFICATE_EXPIRY, *days)
        assert got == [(S.UPCOMING, 83), (S.DUE_TODAY, 0), (S.OVERDUE, -4)]

    def test_the_window_can_be_narrowed(self) -> None:
        case = make_case(certificates=(certificate(date(2025, 6, 1)),))
        assert items_for(case, date(2025, 3, 10), R.CERTIFICATE_EXPIRY, certificate_window_days=30) == []

    def test_reassessment_date(self) -> None:
        cert = certificate(None, date(2025, 4, 1))
        item = one(make_case(certificates=(cert,)), date(2025, 3, 10), R.CERTIFICATE_REASSESSMENT)
        assert (item.days_left, item.target_kind, item.target_id) == (22, TargetKind.CERTIFICATE, cert.certificate_id)

    def test_never_for_no_expiry(self) -> None:
        case = make_case(certificates=(certificate(date(2025, 4, 1), date(2025, 4, 1), no_expiry=True),))
        assert agenda([case], date(2025, 3, 10), include_unit_items=False) == []

    def test_a_renewed_certificate_replaces_the_old_one(self) -> None:
        old, new = certificate(date(2025, 3, 1)), certificate(date(2025, 5, 1))
        found = items_for(make_case(certificates=(old, new)), date(2025, 3, 10), R.CERTIFICATE_EXPIRY)
        assert [i.target_id for i in found] == [new.certificate_id]


class TestUnitItems:
    def unit(self, on: date) -> list[DueItem]:
        return agenda([], on)

    def test_monthly_report_by_the_tenth(self) -> None:
        (item,) = self.unit(date(2025, 3, 5))
        assert (item.rule, item.due_on, item.status, item.days_left) == (
            R.MONTHLY_REPORT,
            date(2025, 3, 10),
            S.UPCOMING,
            5,
        )
        assert "114年2月" in item.title_zh and "表6-1" in item.title_zh
        assert (item.case_id, item.owner, item.client_name, item.target_kind) == (None, "", "", TargetKind.UNIT)
        assert self.unit(date(2025, 3, 10))[0].status is S.DUE_TODAY

    def test_after_the_tenth_the_next_month_is_due(self) -> None:
        assert self.unit(date(2025, 3, 11)) == []
        (item,) = self.unit(date(2025, 3, 28))
        assert (item.due_on, item.days_left) == (date(2025, 4, 10), 13)
        assert "114年3月" in item.title_zh

    def test_annual_report_by_december_31(self) -> None:
        got = [(i.rule, i.due_on) for i in self.unit(date(2025, 12, 28))]
        assert got == [(R.ANNUAL_REPORT, date(2025, 12, 31)), (R.MONTHLY_REPORT, date(2026, 1, 10))]
        assert "114年度" in self.unit(date(2025, 12, 28))[0].title_zh

    def test_can_be_left_out(self) -> None:
        assert agenda([], date(2025, 3, 5), include_unit_items=False) == []


class TestClosedCases:
    def test_only_data_entry_is_still_owed(self) -> None:
        owed = ServiceFact(uuid.uuid4(), date(2025, 3, 1), None)
        case = make_case(
            stage="G",
            intake_assessed_on=date(2025, 1, 2),
            reply_sent_on=date(2025, 1, 4),
            opened_on=date(2025, 1, 5),
            closed_on=date(2025, 3, 3),
            services=(owed,),
            referrals=(referral(needs_one_month_follow_up=True, sent_on=date(2025, 2, 20)),),
            employments=(employment(date(2024, 12, 1)),),
            certificates=(certificate(date(2025, 4, 1)),),
        )
        assert [(i.rule, i.target_id) for i in agenda([case], date(2025, 3, 10), include_unit_items=False)] == [
            (R.SERVICE_ENTRY, owed.record_id)
        ]
        # The same facts on an open case owe much more: the closure is what silenced them.
        reopened = replace(case, stage="E", closed_on=None)
        assert len(agenda([reopened], date(2025, 3, 10), include_unit_items=False)) > 1

    # 不開案 (workflow.decide_intake): stage G and closed on the day of the decision, reply not yet sent.
    not_opened = make_case(stage="G", intake_assessed_on=date(2025, 3, 5), closed_on=date(2025, 3, 6))

    def test_the_reply_after_not_opening_is_still_owed(self) -> None:
        got = states(self.not_opened, R.INTAKE_REPLY, date(2025, 3, 6), date(2025, 3, 8), date(2025, 3, 10))
        assert got == [(S.UPCOMING, 2), (S.DUE_TODAY, 0), (S.OVERDUE, -2)]
        assert one(self.not_opened, date(2025, 3, 6), R.INTAKE_REPLY).due_on == date(2025, 3, 8)

    @pytest.mark.parametrize("changes", [{"closed_on": None}, {"stage": "B"}])
    def test_closed_by_date_or_by_stage_alone(self, changes: dict[str, Any]) -> None:
        case = replace(self.not_opened, **changes)
        assert one(case, date(2025, 3, 6), R.INTAKE_REPLY).due_on == date(2025, 3, 8)

    def test_done_once_the_reply_is_sent(self) -> None:
        replied = replace(self.not_opened, reply_sent_on=date(2025, 3, 7))
        assert agenda([replied], date(2025, 3, 10), include_unit_items=False) == []


class TestOwnersAndOrder:
    @staticmethod
    def overdue_intake(owner: str, name: str, assessed_on: date) -> CaseFacts:
        return make_case(owner=owner, client_name=name, intake_assessed_on=assessed_on)

    def test_filter_by_one_owner_or_a_team(self) -> None:
        on = date(2025, 3, 10)
        cases = [self.overdue_intake(o, o.upper(), date(2025, 3, 5)) for o in ("amy", "bob", "carol", "am")]
        team = agenda(cases, on, owners={"amy", "bob"}, include_unit_items=False)
        assert sorted(i.owner for i in team) == ["amy", "bob"]
        # A bare string means one owner, not its characters or substrings.
        assert [i.owner for i in agenda(cases, on, owners="amy", include_unit_items=False)] == ["amy"]
        assert len(agenda(cases, on, include_unit_items=False)) == 4
        assert agenda(cases, on, owners=[], include_unit_items=False) == []

    def test_overdue_first_then_by_date_then_name(self) -> None:
        on = date(2025, 3, 10)
        cases = [
            self.overdue_intake("amy", "乙", date(2025, 3, 4)),  # due 3/7, 3 days late
            self.overdue_intake("amy", "甲", date(2025, 3, 2)),  # due 3/5, 5 days late
            self.overdue_intake("amy", "丙", date(2025, 3, 7)),  # due today
            self.overdue_intake("amy", "戊", date(2025, 3, 9)),  # due 3/12
            self.overdue_intake("amy", "丁", date(2025, 3, 9)),  # due 3/12, same day: by name
        ]
        got = [(i.client_name, i.status, i.days_left) for i in agenda(cases, on)]
        assert got == [
            ("甲", S.OVERDUE, -5),
            ("乙", S.OVERDUE, -3),
            ("", S.DUE_TODAY, 0),  # the monthly report is due 3/10 too; the unit item has no name
            ("丙", S.DUE_TODAY, 0),
            ("丁", S.UPCOMING, 2),
            ("戊", S.UPCOMING, 2),
        ]

    def test_negative_horizon_is_refused(self) -> None:
        with pytest.raises(ValueError):
            agenda([], date(2025, 3, 10), horizon_days=-1)


class TestGroupByRule:
    def test_groups_in_rule_order_keeping_item_order(self) -> None:
        case = make_case(
            intake_assessed_on=date(2025, 3, 8),
            services=(ServiceFact(uuid.uuid4(), date(2025, 2, 20), None),),
        )
        other = make_case(client_name="李小華", intake_assessed_on=date(2025, 3, 9))
        items = agenda([other, case], date(2025, 3, 10))
        # The agenda starts with the overdue data entry; the groups still follow DeadlineRule's order.
        assert [i.rule for i in items] == [R.SERVICE_ENTRY, R.MONTHLY_REPORT, R.INTAKE_REPLY, R.INTAKE_REPLY]
        groups = group_by_rule(items)
        assert list(groups) == [R.INTAKE_REPLY, R.SERVICE_ENTRY, R.MONTHLY_REPORT]
        assert [i.client_name for i in groups[R.INTAKE_REPLY]] == ["王小明", "李小華"]
        assert sum(len(g) for g in groups.values()) == len(items)
        assert group_by_rule([]) == {}
