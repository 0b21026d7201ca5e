"""The demo caseload: valid identities and codes, every category represented, histories that obey the workflow."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

import keyring
import pytest
from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from app.models import (
    Case,
    CaseTransfer,
    Client,
    Closure,
    ContactAttempt,
    DisabilityCertificate,
    Employment,
    NeedsAssessment,
    OutboxOp,
    PlanGoal,
    PlanItem,
    Referral,
    Review,
    ServicePlan,
    ServiceRecord,
    ServiceUnit,
)
from app.models.base import Base, SyncMixin
from app.models.enums import (
    ContactOutcome,
    IdKind,
    IntakeDecision,
    PlanStatus,
    Programme,
    RecordStatus,
    ReferralResponse,
    ReviewDecision,
    Stage,
)
from app.services import codes
from app.services.demo import MIN_HOURLY_WAGE, MIN_MONTHLY_WAGE, DemoSummary, generate_demo
from app.services.validation import gender_from_id_number, validate_id_number, validate_phone
from app.services.workdays import add_months
from app.store.keys import PASSPHRASE_ENV
from app.store.store import Store
from tests.conftest import MemoryKeyring

TODAY = date(2025, 6, 30)
TAIPEI = timezone(timedelta(hours=8))
M = TypeVar("M", bound=Base)


@dataclass
class Demo:
    """Everything one generated store holds, read once so that each test only looks."""

    summary: DemoSummary
    clients: list[Client]
    certificates: list[DisabilityCertificate]
    cases: list[Case]
    records: list[ServiceRecord]
    attempts: list[ContactAttempt]
    assessments: list[NeedsAssessment]
    plans: list[ServicePlan]
    goals: list[PlanGoal]
    items: list[PlanItem]
    referrals: list[Referral]
    employments: list[Employment]
    closures: list[Closure]
    transfers: list[CaseTransfer]
    units: list[ServiceUnit]
    outbox: list[OutboxOp]
    reviews: list[Review]

    def by_case(self, rows: list[Any]) -> dict[Any, list[Any]]:
        grouped: dict[Any, list[Any]] = {}
        for row in rows:
            grouped.setdefault(row.case_id, []).append(row)
        return grouped


def _all(session: Session, model: type[M]) -> list[M]:
    return list(session.scalars(select(model)))


def _read(store: Store, summary: DemoSummary) -> Demo:
    with store.session() as s:
        return Demo(
            summary=summary,
            clients=_all(s, Client),
            certificates=_all(s, DisabilityCertificate),
            cases=_all(s, Case),
            records=_all(s, ServiceRecord),
            attempts=_all(s, ContactAttempt),
            assessments=_all(s, NeedsAssessment),
            plans=_all(s, ServicePlan),
            goals=_all(s, PlanGoal),
            items=_all(s, PlanItem),
            referrals=_all(s, Referral),
            employments=_all(s, Employment),
            closures=_all(s, Closure),
            transfers=_all(s, CaseTransfer),
            units=_all(s, ServiceUnit),
            outbox=_all(s, OutboxOp),
            reviews=_all(s, Review),
        )


@pytest.fixture(scope="module")
def module_keyring() -> Iterator[None]:
    """The stores below are shared by the tests of this module, so they need a keyring that outlives one test."""
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv(PASSPHRASE_ENV, raising=False)
        previous = keyring.get_keyring()
        keyring.set_keyring(MemoryKeyring())
        yield
        keyring.set_keyring(previous)


def _generated(path: Path, cases: int, seed: int) -> Demo:
    store = Store.open(path, actor="cm.chen")
    try:
        return _read(store, generate_demo(store, cases, seed=seed, today=TODAY))
    finally:
        store.close()


@pytest.fixture(scope="module")
def demo(module_keyring: None, tmp_path_factory: pytest.TempPathFactory) -> Demo:
    """100 cases, seed 1, in a fresh store like the `store` fixture's, generated once for the whole module (the
    `store` fixture is per test, and regenerating for each test would take the file well past its time budget)."""
    return _generated(tmp_path_factory.mktemp("demo") / "demo.db", 100, seed=1)


@pytest.fixture(scope="module")
def demo300(module_keyring: None, tmp_path_factory: pytest.TempPathFactory) -> Demo:
    return _generated(tmp_path_factory.mktemp("demo300") / "demo.db", 300, seed=1)


# --- identities and contact details ---------------------------------------------------------------------------------


def test_every_id_number_validates_and_matches_the_gender(demo: Demo) -> None:
    assert len(demo.clients) == 100
    for client in demo.clients:
        assert validate_id_number(client.id_number) == client.id_number
        assert gender_from_id_number(client.id_number) == client.gender.value
    assert len({c.id_number for c in demo.clients}) == len(demo.clients)


def test_id_kinds_include_new_format_resident_certificates(demo: Demo) -> None:
    residents = [c for c in demo.clients if c.id_kind == IdKind.RESIDENT_NEW]
    assert residents, "a few 新住民 with a 2021-format 居留證"
    assert all(c.id_number[1] in "89" for c in residents)
    assert all(c.household_county is None for c in residents)  # a 居留證 holder has no 戶籍
    assert all(c.id_number[1] in "12" for c in demo.clients if c.id_kind == IdKind.NATIONAL)


def test_id_letters_mostly_match_the_county(demo: Demo) -> None:
    letters = {
        "TPE": "AY", "TXG": "BL", "KEE": "C", "TNN": "DR", "KHH": "ES", "NWT": "F", "ILA": "G", "TAO": "H",
        "CYI": "I", "HSQ": "J", "MIA": "K", "NAN": "M", "CHA": "N", "HSZ": "O", "YUN": "P", "CYQ": "Q",
        "PIF": "T", "HUA": "U", "TTT": "V", "KIN": "W", "PEN": "X", "LIE": "Z",
    }  # fmt: skip
    # The 戶籍 county for citizens; the county of residence (the issuing office) for 居留證 holders.
    matching = sum(c.id_number[0] in letters[c.household_county or c.residence_county or ""] for c in demo.clients)
    assert matching >= 0.7 * len(demo.clients)


def test_every_phone_validates(demo: Demo) -> None:
    phones = [
        phone for c in demo.clients for phone in (c.mobile_phone, c.home_phone, c.contact_phone) if phone is not None
    ] + [u.phone for u in demo.units]
    assert phones
    for phone in phones:
        assert validate_phone(phone) == phone
    assert all(c.mobile_phone or c.home_phone for c in demo.clients)
    assert all(c.mobile_phone is None or c.mobile_phone.startswith("09") for c in demo.clients)


def test_landlines_use_the_area_code_of_the_county(demo: Demo) -> None:
    area = {"TPE": "02-", "NWT": "02-", "KHH": "07-", "TTT": "089-", "KIN": "082-", "LIE": "0836-", "MIA": "037-"}
    for client in demo.clients:
        if client.home_phone and client.residence_county in area:
            assert client.home_phone.startswith(area[client.residence_county])


def test_names_are_chinese_with_compound_surnames_and_rare_characters(demo: Demo) -> None:
    names = [c.name for c in demo.clients]
    assert all(2 <= len(name) <= 4 for name in names)
    assert sum(len(name) == 3 for name in names) >= 0.75 * len(names)  # surname + two characters, mostly
    assert any(name[:2] in ("歐陽", "司馬", "張簡", "范姜", "諸葛", "上官", "司徒") for name in names)
    assert any(ord(ch) > 0xFFFF for name in names for ch in name), "at least one name outside the BMP"
    assert any(ch in "堃喆犇昇峯䶮淼焱垚" for name in names for ch in name)
    assert sum(n[0] == "陳" for n in names) > sum(n[0] == "蔡" for n in names)  # weighted like the population


def test_birth_dates_are_working_age(demo: Demo) -> None:
    for client in demo.clients:
        born = client.birth_date
        assert 16 <= TODAY.year - born.year - ((TODAY.month, TODAY.day) < (born.month, born.day)) <= 64


def test_contact_persons_are_complete(demo: Demo) -> None:
    with_contact = [c for c in demo.clients if c.contact_name]
    assert len(with_contact) >= 0.7 * len(demo.clients)
    assert all(c.contact_relation and c.contact_phone for c in with_contact)


# --- code lists -----------------------------------------------------------------------------------------------------


def _codes(list_name: str) -> set[str]:
    return {e.code for e in codes.entries(list_name)}


def test_counties_and_townships_come_from_the_code_list(demo: Demo) -> None:
    townships = {c.code: set(c.townships) for c in codes.counties()}
    for client in demo.clients:
        places = [(client.residence_county, client.residence_township)]
        if client.id_kind == IdKind.NATIONAL:
            places.append((client.household_county, client.household_township))
        for county, township in places:
            assert county in townships
            assert township in townships[county]
        assert client.residence_address
    assert {case.county for case in demo.cases} <= set(townships)
    assert {u.county for u in demo.units} <= set(townships)


def test_small_counties_islands_and_their_townships_appear(demo: Demo) -> None:
    counties = {c.residence_county for c in demo.clients}
    assert {"HUA", "TTT", "PEN", "KIN", "LIE"} <= counties
    townships = {c.residence_township for c in demo.clients}
    assert {"蘭嶼鄉", "綠島鄉"} <= townships


def test_every_code_is_in_its_list(demo: Demo) -> None:
    for client in demo.clients:
        assert client.education in _codes(codes.EDUCATION_LEVELS)
        assert client.economic_status in _codes(codes.ECONOMIC_STATUS)
        assert set(client.target_groups) <= _codes(codes.TARGET_GROUPS)
        assert client.indigenous_tribe is None or client.indigenous_tribe in _codes(codes.INDIGENOUS_TRIBES)
    categories = _codes(codes.DISABILITY_NEW_SYSTEM) | _codes(codes.DISABILITY_OLD_SYSTEM)
    for cert in demo.certificates:
        assert cert.categories and set(cert.categories) <= categories
        assert cert.severity in _codes(codes.SEVERITIES)
    assert {case.source for case in demo.cases} <= _codes(codes.CASE_SOURCES)
    kinds = _codes(codes.SERVICE_KINDS)
    assert {i.service_kind for i in demo.items} <= kinds
    assert {r.service_kind for r in demo.referrals if r.service_kind is not None} <= kinds
    assert {k for u in demo.units for k in u.service_kinds} <= kinds
    assert {a for x in demo.assessments for a in x.recommended_services} <= kinds
    assert {c.reason_code for c in demo.closures} <= _codes(codes.CLOSURE_REASONS)


def test_disability_certificates(demo: Demo) -> None:
    clients = {c.id: c for c in demo.clients}
    certified = {cert.client_id for cert in demo.certificates}
    for case in demo.cases:
        if case.programme != Programme.EMPLOYMENT_SERVICE:
            assert case.client_id in certified
    new = [c for c in demo.certificates if c.system.value == "new"]
    assert len(new) > len(demo.certificates) / 2
    assert {c.severity for c in demo.certificates} >= {"mild", "moderate", "severe"}
    assert any(c.no_expiry and c.expires_on is None for c in demo.certificates)
    assert any(c.expires_on and TODAY < c.expires_on <= TODAY + timedelta(days=90) for c in demo.certificates)
    for cert in demo.certificates:
        assert cert.no_expiry == (cert.expires_on is None)
        if cert.reassess_on is not None:
            assert cert.expires_on is not None and cert.reassess_on <= cert.expires_on
        assert cert.client_id in clients


def test_employment_service_clients_have_target_groups(demo: Demo) -> None:
    clients = {c.id: c for c in demo.clients}
    es = [clients[case.client_id] for case in demo.cases if case.programme == Programme.EMPLOYMENT_SERVICE]
    assert es and all(c.target_groups for c in es)
    for client in demo.clients:
        if "returning_women" in client.target_groups:
            assert client.gender.value == "F"


# --- cases and their histories --------------------------------------------------------------------------------------


def test_every_stage_and_programme_appears(demo: Demo) -> None:
    assert {c.stage for c in demo.cases} == set(Stage)
    assert {c.programme for c in demo.cases} == set(Programme)
    shares = {p: sum(c.programme == p for c in demo.cases) for p in Programme}
    assert shares[Programme.VR] > shares[Programme.SUPPORTED_EMPLOYMENT] > shares[Programme.EMPLOYMENT_SERVICE]
    assert demo.summary.cases_by_stage == {s.value: sum(c.stage == s for c in demo.cases) for s in Stage}


def test_every_closure_reason_appears_at_300_cases(demo300: Demo) -> None:
    assert {c.reason_code for c in demo300.closures} == _codes(codes.CLOSURE_REASONS)
    assert demo300.summary.closures == len(demo300.closures)


def test_lost_contact_closures_have_three_unanswered_attempts(demo300: Demo) -> None:
    attempts = demo300.by_case(demo300.attempts)
    lost = [c for c in demo300.closures if c.reason_code == "lost_contact"]
    assert lost
    for closure in lost:
        unanswered = [a for a in attempts.get(closure.case_id, []) if a.outcome != ContactOutcome.REACHED]
        assert len(unanswered) >= 3
        assert all(a.attempted_at.astimezone(TAIPEI).date() <= closure.closed_on for a in unanswered)


def test_stable_employment_closures_have_a_job_held_three_months(demo300: Demo) -> None:
    jobs = demo300.by_case(demo300.employments)
    stable = [c for c in demo300.closures if c.reason_code == "stable_employment_3m"]
    assert stable
    for closure in stable:
        assert any(j.end_on is None and add_months(j.start_on, 3) <= closure.closed_on for j in jobs[closure.case_id])


def test_not_opened_cases_have_reasons(demo: Demo) -> None:
    not_opened = [c for c in demo.cases if c.decision == IntakeDecision.NOT_OPEN]
    assert not_opened
    for case in not_opened:
        assert case.decision_reason.strip()
        assert case.stage == Stage.G and case.opened_on is None


def test_dates_are_ordered_and_nothing_is_after_today(demo: Demo) -> None:
    for case in demo.cases:
        steps = [case.application_date, case.intake_assessed_on, case.opened_on, case.closed_on]
        known = [d for d in steps if d is not None]
        assert known == sorted(known)
        assert known[-1] <= TODAY
        assert TODAY - timedelta(days=730) <= case.application_date
        assert (case.closed_on is not None) == (case.stage == Stage.G)
    rows: list[Base] = [*demo.records, *demo.attempts, *demo.assessments, *demo.plans, *demo.goals, *demo.items]
    rows += [*demo.referrals, *demo.employments, *demo.closures, *demo.transfers, *demo.certificates]
    for row in rows:
        for day in _days(row):
            assert day <= TODAY, (type(row).__name__, day)
    cases = {c.id: c for c in demo.cases}
    for record in demo.records:
        assert cases[record.case_id].application_date <= record.held_on
    for closure in demo.closures:
        assert closure.closed_on == cases[closure.case_id].closed_on


# Dates that look ahead (when a plan ends, a certificate expires, a follow-up is due) may lie after today.
PLANNED = {
    ServicePlan: {"start_on", "end_on"},
    PlanGoal: {"target_on"},
    PlanItem: {"start_on", "end_on"},
    DisabilityCertificate: {"expires_on", "reassess_on"},
    Referral: {"follow_up_due_on"},
}


def _days(row: Base) -> list[date]:
    """Every date and timestamp of what happened in a row (timestamps as Taipei dates); not the sync stamp, which is
    the real clock, nor the planned dates."""
    days = []
    for attr in inspect(type(row)).column_attrs:
        value = getattr(row, attr.key)
        if attr.key == "updated_at" or value is None or attr.key in PLANNED.get(type(row), set()):
            continue
        if isinstance(value, datetime):
            days.append(value.astimezone(TAIPEI).date())
        elif isinstance(value, date):
            days.append(value)
    return days


def test_records_include_drafts_and_unregistered_recent_ones(demo: Demo) -> None:
    modes = {r.mode.value for r in demo.records}
    assert modes == {"in_person", "phone", "home_visit", "workplace_visit"}
    assert any(r.status == RecordStatus.DRAFT for r in demo.records)
    final = [r for r in demo.records if r.status == RecordStatus.FINAL]
    assert all(r.finalised_at is not None for r in final)
    # The 2-week 登錄 deadline has something to show: final records not yet in the national system.
    assert any(r.registered_on is None for r in final)
    assert sum(r.registered_on is not None for r in demo.records) > len(demo.records) / 2
    assert any(a.outcome != ContactOutcome.REACHED for a in demo.attempts)


def test_plans_with_items_have_consent_and_cover_three_parts(demo: Demo) -> None:
    with_items = [p for p in demo.plans if p.id in {i.plan_id for i in demo.items}]
    assert with_items
    for plan in with_items:
        assert plan.consent_given and plan.consent_on is not None
        assert plan.start_on <= plan.end_on
    assert {i.part for i in demo.items} == {"pre_employment", "matching_support", "post_employment"}
    cases = {c.id: c for c in demo.cases}
    for plan in demo.plans:
        assert cases[plan.case_id].opened_on is not None  # no plan before 開案


def test_referrals_and_directory(demo: Demo) -> None:
    assert 20 <= len(demo.units) <= 40
    assert any(u.name.startswith("財團法人") and u.name.endswith("基金會") for u in demo.units)
    assert any(u.name.startswith("社團法人") for u in demo.units)
    assert all(0 <= u.current_caseload <= u.capacity for u in demo.units)
    units = {u.id for u in demo.units}
    service = [r for r in demo.referrals if r.kind.value == "service"]
    assert {r.response for r in service} == set(ReferralResponse)
    assert all(r.receiving_unit_id in units for r in service)
    assert all(r.decline_reason for r in demo.referrals if r.response == ReferralResponse.DECLINED)
    assert any(r.follow_up_done_on is None and r.follow_up_due_on for r in service)
    assert any(r.kind.value == "job" and r.employer for r in demo.referrals)


def test_employment_pays_at_least_the_minimum_wage(demo: Demo) -> None:
    assert demo.employments
    for job in demo.employments:
        if job.monthly_wage is not None:
            assert job.monthly_wage >= Decimal(MIN_MONTHLY_WAGE)
        else:
            assert job.hourly_wage is not None and job.hourly_wage >= Decimal(MIN_HOURLY_WAGE)
        assert job.hours_per_week >= 20
        assert job.labour_insurance_on is None or job.labour_insurance_on >= job.start_on
        assert job.end_on is None or job.start_on <= job.end_on <= TODAY


def test_closures_have_satisfaction_and_transfers_change_the_owner(demo300: Demo) -> None:
    assert all(c.summary for c in demo300.closures)
    assert any(c.satisfaction_client is not None for c in demo300.closures)
    assert all(1 <= s <= 5 for c in demo300.closures for s in (c.satisfaction_client, c.satisfaction_employer) if s)
    assert demo300.transfers
    cases = {c.id: c for c in demo300.cases}
    for transfer in demo300.transfers:
        assert transfer.from_owner != transfer.to_owner
        assert (
            cases[transfer.case_id].owner == transfer.to_owner
            or len(demo300.by_case(demo300.transfers)[transfer.case_id]) > 1
        )
    owners = {c.owner for c in demo300.cases}
    assert 5 <= len(owners) <= 8 and all(owner.startswith("cm.") for owner in owners)
    assert len({c.unit for c in demo300.cases}) <= 2
    assert any(p.revision_reason and p.previous_id for p in demo300.plans)


def test_the_outbox_holds_every_insert(demo: Demo) -> None:
    syncable = [
        row
        for rows in (
            demo.clients, demo.certificates, demo.cases, demo.records, demo.attempts, demo.assessments, demo.plans,
            demo.goals, demo.items, demo.referrals, demo.employments, demo.closures, demo.transfers, demo.units,
            demo.reviews,
        )
        for row in rows
    ]  # fmt: skip
    assert all(isinstance(row, SyncMixin) for row in syncable)
    inserts = {op.record_id: op for op in demo.outbox if op.op == "insert"}
    assert set(inserts) == {row.id for row in syncable}
    # The foreign keys travel with each insert, also for rows the workflow attached through relationships.
    for op in inserts.values():
        for key in ("client_id", "case_id", "plan_id"):
            if key in op.fields:
                assert op.fields[key]["new"] is not None, (op.record_type, key)


def test_plans_waiting_for_sign_off_were_submitted(demo300: Demo) -> None:
    """A demo plan waiting for the supervisor (送審) has its pending review, so the supervisor's queue shows it."""
    waiting = {p.id for p in demo300.plans if p.status == PlanStatus.SUBMITTED}
    assert waiting and {r.plan_id for r in demo300.reviews} == waiting
    assert all(r.decision == ReviewDecision.PENDING and r.submitted_by.startswith("cm.") for r in demo300.reviews)


def test_summary_counts_what_was_written(demo: Demo) -> None:
    s = demo.summary
    assert s.clients == len(demo.clients) and s.cases == len(demo.cases) == 100
    assert s.records == len(demo.records) and s.referrals == len(demo.referrals)
    assert s.employments == len(demo.employments) and s.closures == len(demo.closures)
    assert s.units == len(demo.units)
    assert sum(s.cases_by_programme.values()) == 100
    assert s.elapsed_seconds > 0


# --- determinism ----------------------------------------------------------------------------------------------------


def _identities(store: Store, cases: int, seed: int) -> list[tuple[str, str]]:
    generate_demo(store, cases, seed=seed, today=TODAY)
    with store.session() as s:
        return sorted((name, number) for name, number in s.execute(select(Client.name, Client.id_number)))


def test_same_seed_gives_the_same_caseload(store: Store, tmp_path: Path) -> None:
    first = _identities(store, 25, seed=7)
    other = Store.open(tmp_path / "other.db", actor="cm.lin")
    try:
        assert _identities(other, 25, seed=7) == first
        with store.session() as a, other.session() as b:
            assert a.scalar(select(func.count()).select_from(ServiceRecord)) == b.scalar(
                select(func.count()).select_from(ServiceRecord)
            )
    finally:
        other.close()


def test_a_different_seed_gives_different_people(store: Store, tmp_path: Path) -> None:
    first = _identities(store, 25, seed=7)
    other = Store.open(tmp_path / "other.db", actor="cm.chen")
    try:
        second = _identities(other, 25, seed=8)
    finally:
        other.close()
    assert {n for n, _ in first} != {n for n, _ in second}
    assert not {i for _, i in first} & {i for _, i in second}


def test_rejects_a_negative_count(store: Store) -> None:
    with pytest.raises(ValueError):
        generate_demo(store, -1)


def test_zero_cases_writes_only_the_directory(store: Store) -> None:
    summary = generate_demo(store, 0, today=TODAY)
    assert summary.cases == 0 and summary.units > 0
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Case)) == 0


def test_a_demo_for_one_case_managers_laptop_holds_only_their_cases(store: Store) -> None:
    """`make run` syncs the demo as cm.chen: the server takes new cases only from their owner."""
    summary = generate_demo(store, 40, seed=3, today=date(2025, 11, 20), owner="cm.chen")
    with store.transaction() as db:
        owners = set(db.scalars(select(Case.owner)))
        transfers = db.scalars(select(CaseTransfer)).all()
    assert owners == {"cm.chen"}
    assert summary.cases == 40 and len(transfers) > 0
    assert all(t.to_owner == "cm.chen" and t.from_owner != "cm.chen" for t in transfers)
