"""Intake: checks of the typed application, duplicate detection before creating, and 接案評估 → 開案/不開案."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from app.errors import ProblemsError, RuleError, ValidationError
from app.models import Case, Client
from app.models.enums import Gender, IntakeDecision, Programme, Stage
from app.services import clock
from app.services.intake import (
    IntakeApplication,
    check_application,
    create_intake,
    find_duplicates,
    names_close,
    record_assessment_and_decision,
    reply_due_preview,
)
from app.services.validation import make_national_id
from app.store.store import Store
from tests.factories import make_case, make_client

TODAY = clock.today()
BORN = date(1990, 1, 2)


def application(**overrides: object) -> IntakeApplication:
    values: dict[str, object] = {
        "name": "陳美玲",
        "id_number": make_national_id("B", 2, 7654321),
        "gender": Gender.FEMALE,
        "birth_date": BORN,
        "programme": Programme.VR,
        "source": "self",
        "application_date": TODAY - timedelta(days=2),
        "county": "TPE",
        "owner": "cm.chen",
    }
    values.update(overrides)
    return IntakeApplication(**values)  # type: ignore[arg-type]


def count(store: Store, model: type[Client] | type[Case]) -> int:
    with store.transaction() as db:
        return db.scalar(select(func.count()).select_from(model)) or 0


@pytest.mark.parametrize(
    ("a", "b", "close"),
    [
        ("王小明", "王小明", True),
        ("王小明", "王曉明", True),  # one character typed differently
        ("王小明", "王明", True),  # one left out
        ("王明", "王小明", True),  # one added
        ("王小明", "王 小明", True),  # spaces do not count
        ("王小明", "李曉明", False),  # two different
        ("王小明", "王小明明明", False),
    ],
)
def test_close_names(a: str, b: str, close: bool) -> None:
    assert names_close(a, b) is close


def test_a_sound_application_has_no_problems() -> None:
    assert check_application(application()) == []


def test_problems_name_their_fields() -> None:
    problems = check_application(
        application(
            name=" ",
            id_number="A123456788",
            source="education",  # a referral …
            referring_unit="",  # … without its referring unit
            application_date=TODAY + timedelta(days=1),
            mobile_phone="12345",
            county="XX",
        )
    )
    assert {p.field for p in problems} == {
        "name",
        "id_number",
        "referring_unit",
        "application_date",
        "mobile_phone",
        "county",
    }


def test_new_application_creates_client_and_case_in_stage_a(store: Store) -> None:
    with store.transaction() as db:
        created = create_intake(
            db, application(mobile_phone="0912345678", source="education", referring_unit="啟明學校")
        )
    with store.transaction() as db:
        case = db.get(Case, created.case_id)
        assert case is not None
        assert case.stage == Stage.A and case.source == "education" and case.referring_unit == "啟明學校"
        assert case.client.name == "陳美玲" and case.client.mobile_phone == "0912-345-678"
        assert case.owner == "cm.chen" and case.county == "TPE"
    assert not created.reused_client


def test_a_self_application_keeps_no_referring_unit(store: Store) -> None:
    with store.transaction() as db:
        created = create_intake(db, application(referring_unit="不該存"))
    with store.transaction() as db:
        case = db.get(Case, created.case_id)
        assert case is not None and case.referring_unit is None


def test_invalid_application_creates_nothing(store: Store) -> None:
    with pytest.raises(ProblemsError), store.transaction() as db:
        create_intake(db, application(id_number="A123"))
    assert count(store, Client) == 0 and count(store, Case) == 0


def test_same_id_number_is_found_and_refused_as_a_new_client(store: Store) -> None:
    with store.transaction() as db:
        db.add(make_case(make_client(id_number="A123456789", name="王小明"), stage=Stage.G))
    with store.transaction() as db:
        found = find_duplicates(db, "a123456789", "王大明", date(1980, 5, 5))
    assert [(m.name, m.reason) for m in found] == [("王小明", "same_id")]
    assert found[0].cases[0].is_closed
    with pytest.raises(RuleError), store.transaction() as db:
        create_intake(db, application(id_number="A123456789", name="王小明"))
    with store.transaction() as db:
        created = create_intake(db, application(id_number="A123456789", name="王小明"), found[0].client_id)
    assert created.reused_client and count(store, Client) == 1 and count(store, Case) == 2


def test_close_name_with_the_same_birth_date_is_found(store: Store) -> None:
    with store.transaction() as db:
        db.add(make_client(id_number="A123456789", name="王小明", birth_date=BORN))
        db.add(make_client(id_number=make_national_id("A", 1, 1111111), name="王曉明", birth_date=date(1991, 1, 2)))
        db.add(make_client(id_number=make_national_id("A", 1, 2222222), name="李大同", birth_date=BORN))
    with store.transaction() as db:
        found = find_duplicates(db, make_national_id("F", 1, 3333333), "王曉明", BORN)
    assert [(m.name, m.reason) for m in found] == [("王小明", "similar_name")]


def test_no_second_ongoing_case_in_the_same_programme(store: Store) -> None:
    with store.transaction() as db:
        client = make_client()
        db.add(make_case(client, stage=Stage.C, owner="cm.lin"))
    with pytest.raises(RuleError, match=r"cm\.lin"), store.transaction() as db:
        create_intake(db, application(id_number=client.id_number), client.id)
    with store.transaction() as db:
        created = create_intake(
            db, application(id_number=client.id_number, programme=Programme.SUPPORTED_EMPLOYMENT), client.id
        )
    assert created.reused_client


@pytest.fixture
def applied(store: Store) -> Case:
    with store.transaction() as db:
        created = create_intake(db, application())
        case = db.get(Case, created.case_id)
        assert case is not None
        return case


def test_assessment_and_opening(store: Store, applied: Case) -> None:
    assessed = TODAY - timedelta(days=1)
    with store.transaction() as db:
        outcome = record_assessment_and_decision(db, applied.id, assessed, "有就業意願", IntakeDecision.OPEN)
    assert outcome.stage == Stage.C and outcome.reply_due_on == assessed + timedelta(days=3)
    assert reply_due_preview(assessed) == outcome.reply_due_on
    with store.transaction() as db:
        case = db.get(Case, applied.id)
        assert case is not None
        assert case.stage == Stage.C and case.opened_on == assessed and case.reply_due_on == outcome.reply_due_on


def test_not_opening_needs_a_reason_and_changes_nothing_without_one(store: Store, applied: Case) -> None:
    with pytest.raises(RuleError), store.transaction() as db:
        record_assessment_and_decision(db, applied.id, TODAY, "評估", IntakeDecision.NOT_OPEN, "  ")
    with store.transaction() as db:
        case = db.get(Case, applied.id)
        assert case is not None and case.stage == Stage.A and case.intake_assessed_on is None
    with store.transaction() as db:
        outcome = record_assessment_and_decision(
            db, applied.id, TODAY, "評估", IntakeDecision.NOT_OPEN, "目前無就業意願", replied_on=TODAY
        )
    assert outcome.stage == Stage.G and outcome.reply_sent_on == TODAY


def test_deciding_later_leaves_the_case_in_stage_b(store: Store, applied: Case) -> None:
    with store.transaction() as db:
        outcome = record_assessment_and_decision(db, applied.id, TODAY, "需再補件", None)
    assert outcome.stage == Stage.B and outcome.decision is None


def test_assessment_needs_text_and_no_future_date(store: Store, applied: Case) -> None:
    with pytest.raises(ValidationError), store.transaction() as db:
        record_assessment_and_decision(db, applied.id, TODAY, " ", IntakeDecision.OPEN)
    with pytest.raises(ValidationError), store.transaction() as db:
        record_assessment_and_decision(db, applied.id, TODAY + timedelta(days=1), "評估", IntakeDecision.OPEN)
