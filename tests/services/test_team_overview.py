"""團隊總覽 figures: a hand-counted team, the deadline engine's own verdicts, and the cases behind each cell."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import UTC, date, datetime
from fractions import Fraction

import pytest

from app.models import ContactAttempt, Referral, ServiceUnit, SyncConflict
from app.models.enums import ContactMode, ContactOutcome, IntakeDecision, RecordStatus, ReferralKind, Stage
from app.services import kpi_report
from app.services.agenda import due_items
from app.services.deadline_rules import RULES_FOR_CLOSED_CASES, DeadlineRule, intake_reply, service_entry
from app.services.deadlines import DueStatus
from app.services.demo import generate_demo
from app.services.team_overview import OVERDUE_RULES, Cell, cell_case_ids, team_overview
from app.store.store import Store
from tests.factories import make_case, make_client, make_record

ON = date(2026, 11, 22)


@pytest.fixture
def team(store: Store) -> dict[str, uuid.UUID]:
    """cm.a: A1 opened this month and seen on 11/10; A2 opened 9/1 and never contacted; A3 closed in October.
    cm.b: B1 carried over from 2025 with a referral not followed up and a service on 11/20; B2 assessed on 11/16
    and not yet answered. One sync conflict on B1's service record, one on the unit directory."""
    ids: dict[str, uuid.UUID] = {}
    with store.transaction() as db:
        open_case = {"decision": IntakeDecision.OPEN, "stage": Stage.E}
        a1 = make_case(make_client(name="甲一"), owner="cm.a", opened_on=date(2026, 11, 3), **open_case)
        a2 = make_case(make_client(name="甲二"), owner="cm.a", opened_on=date(2026, 9, 1), **open_case)
        a3 = make_case(
            make_client(name="甲三"),
            owner="cm.a",
            opened_on=date(2026, 2, 1),
            closed_on=date(2026, 10, 1),
            decision=IntakeDecision.OPEN,
            stage=Stage.G,
        )
        b1 = make_case(make_client(name="乙一"), owner="cm.b", opened_on=date(2025, 6, 1), **open_case)
        b2 = make_case(
            make_client(name="乙二"),
            owner="cm.b",
            application_date=date(2026, 11, 15),
            intake_assessed_on=date(2026, 11, 16),
            stage=Stage.B,
        )
        db.add_all([a1, a2, a3, b1, b2])
        db.flush()
        seen = make_record(a1, held_on=date(2026, 11, 10), status=RecordStatus.FINAL, registered_on=date(2026, 11, 11))
        served = make_record(b1, held_on=date(2026, 11, 20), status=RecordStatus.FINAL)
        # An unanswered call is not a contact; a draft record is not a service that happened.
        db.add(
            ContactAttempt(
                case_id=a2.id,
                attempted_at=datetime(2026, 11, 20, 2, tzinfo=UTC),
                channel=ContactMode.PHONE,
                outcome=ContactOutcome.NO_ANSWER,
            )
        )
        db.add(make_record(a2, held_on=date(2026, 11, 21)))
        db.add(
            Referral(
                case_id=b1.id,
                kind=ReferralKind.SERVICE,
                service_kind="vocational_evaluation",
                sent_on=date(2026, 10, 1),
            )
        )
        unit = ServiceUnit(name="某某職評中心", county="TPE")
        db.add_all([seen, served, unit])
        db.flush()
        for record_type, record_id in (("service_record", served.id), ("service_unit", unit.id)):
            db.add(
                SyncConflict(
                    id=uuid.uuid4(),
                    record_type=record_type,
                    record_id=record_id,
                    field="notes",
                    base="甲",
                    mine="乙",
                    theirs="丙",
                )
            )
        ids.update(a1=a1.id, a2=a2.id, a3=a3.id, b1=b1.id, b2=b2.id)
    return ids


def test_a_hand_counted_team(store: Store, team: dict[str, uuid.UUID]) -> None:
    with store.transaction() as db:
        overview = team_overview(db, ON)
    a, b = overview.rows
    assert (a.owner, a.open_cases, a.new_this_month, a.overdue_cases) == ("cm.a", 2, 1, 1)
    assert {rule: n for rule, n in a.overdue.items() if n} == {DeadlineRule.MONTHLY_CONTACT: 1}
    # A1 last seen 11/10 (12 days), A2 never since opening on 9/1 (82 days).
    assert (a.contact_days_max, a.contact_days_median) == (82, 47)
    assert (b.owner, b.open_cases, b.new_this_month, b.overdue_cases) == ("cm.b", 2, 0, 2)
    assert {rule: n for rule, n in b.overdue.items() if n} == {
        DeadlineRule.INTAKE_REPLY: 1,  # due 11/19
        DeadlineRule.REFERRAL_FOLLOW_UP: 1,  # due 11/1
    }
    assert (b.contact_days_max, b.contact_days_median) == (2, 2)  # B2 is not opened: no contact clock yet
    assert (a.conflicts, b.conflicts, overview.total.conflicts, overview.other_conflicts) == (0, 1, 1, 1)
    # 服務人數 (VR) of 2026: cm.a opened three this year; cm.b carries B1 over from 2025. 臺北市: 50 each.
    assert (a.served.opened_this_year, a.served.open_from_last_year, a.served.total, a.served.target) == (3, 0, 3, 50)
    assert (b.served.total, b.served.carry_over_cap, a.county) == (1, Fraction(25), "TPE")
    total = overview.total
    assert (total.open_cases, total.new_this_month, total.overdue_cases, total.contact_days_max) == (4, 1, 3, 82)
    assert (total.served.total, total.served.target) == (4, 100)


def test_the_served_figures_are_the_foundation_kpis(store: Store, team: dict[str, uuid.UUID]) -> None:
    with store.transaction() as db:
        overview = team_overview(db, ON)
        year = kpi_report.vr_year(db, 2026)
    total = overview.total.served
    assert (total.opened_this_year, total.open_from_last_year) == (year.opened_this_year, year.open_from_last_year)
    assert total == year.served  # the same kpi.served_count over the same counts: 2 case managers, 臺北市


def test_each_cell_lists_the_cases_behind_it(store: Store, team: dict[str, uuid.UUID]) -> None:
    with store.transaction() as db:

        def listed(owner: str | None, column: Cell | DeadlineRule) -> list[uuid.UUID]:
            return cell_case_ids(db, owner, column, ON)

        assert listed("cm.a", Cell.OPEN) == [team["a2"], team["a1"]]  # by opening date
        assert listed("cm.a", Cell.NEW) == [team["a1"]]
        assert listed("cm.a", DeadlineRule.MONTHLY_CONTACT) == [team["a2"]]
        assert listed("cm.a", Cell.CONTACT) == [team["a2"], team["a1"]]  # longest without contact first
        assert listed("cm.b", Cell.OVERDUE) == [team["b1"], team["b2"]]  # overdue since 11/1, then 11/19
        assert listed("cm.b", DeadlineRule.INTAKE_REPLY) == [team["b2"]]
        assert listed("cm.b", Cell.CONFLICTS) == [team["b1"]]
        assert listed("cm.b", Cell.SERVED) == [team["b1"]]
        assert set(listed(None, Cell.SERVED)) == {team["a1"], team["a2"], team["a3"], team["b1"]}
        assert listed("cm.a", Cell.CONFLICTS) == []


def test_only_open_cases_and_closed_ones_owing_a_reply_or_an_entry_are_read() -> None:
    # team_overview._may_owe reads the facts of closed cases only for these two rules.
    assert (intake_reply, service_entry) == RULES_FOR_CLOSED_CASES


def test_overdue_counts_agree_with_the_deadline_engine(store: Store) -> None:
    """On a demo team the per-rule counts are the cases the full engine (今日待辦) finds overdue."""
    generate_demo(store, 80, seed=6, today=date(2026, 11, 20))
    with store.transaction() as db:
        overview = team_overview(db, ON)
        engine: dict[tuple[str, DeadlineRule], set[uuid.UUID]] = defaultdict(set)
        for item in due_items(db, ON):
            if item.status is DueStatus.OVERDUE and not item.informative and item.case_id is not None:
                engine[(item.owner, item.rule)].add(item.case_id)
        for row in overview.rows:
            for rule in OVERDUE_RULES:
                assert row.overdue[rule] == len(engine[(row.owner, rule)]), (row.owner, rule)
                assert set(cell_case_ids(db, row.owner, rule, ON)) == engine[(row.owner, rule)]
    assert len(overview.rows) == 7  # the demo's team
    assert sum(row.overdue_cases for row in overview.rows) == overview.total.overdue_cases > 0


def test_a_team_of_some_owners_only(store: Store, team: dict[str, uuid.UUID]) -> None:
    with store.transaction() as db:
        overview = team_overview(db, ON, owners={"cm.a"})
    assert [row.owner for row in overview.rows] == ["cm.a"]
    assert overview.total.open_cases == 2
    assert overview.other_conflicts == 2  # B1's conflict is outside this team
