"""服務單位 directory (search, filters, validated saves) and 移案 through the case-manager directory."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from app.errors import ProblemsError, RuleError, ValidationError
from app.models import Case, CaseTransfer, ServiceUnit
from app.models.enums import IntakeDecision, Stage
from app.services import workflow
from app.services.directory import (
    UnitInput,
    case_deadlines,
    case_managers,
    check_unit,
    get_unit,
    hand_over,
    handover_previews,
    save_unit,
    search_units,
    validate_email,
)
from app.services.validation import make_national_id
from app.store.store import Store
from tests.factories import make_case, make_client

ON = date(2025, 4, 15)


@pytest.fixture
def units(store: Store) -> None:
    with store.transaction() as db:
        db.add_all(
            [
                ServiceUnit(name="臺北市和光庇護工場", service_kinds=["sheltered_employment"], county="TPE",
                            capacity=20, current_caseload=20),
                ServiceUnit(name="台北市向陽就業促進協會", service_kinds=["supported_employment", "job_shadowing"],
                            county="TPE", capacity=50, current_caseload=10),
                ServiceUnit(name="高雄市向陽職業訓練中心", service_kinds=["vocational_training"], county="KHH",
                            capacity=30, current_caseload=35),
                ServiceUnit(name="已刪除的單位", service_kinds=["vocational_training"], county="KHH", deleted=True),
            ]
        )  # fmt: skip


def names(rows: list[object]) -> list[str]:
    return [row.name for row in rows]  # type: ignore[attr-defined]


def test_search_by_name_folds_tai(store: Store, units: None) -> None:
    with store.transaction() as db:
        assert names(search_units(db, "臺北")) == ["台北市向陽就業促進協會", "臺北市和光庇護工場"]
        assert names(search_units(db, "向陽")) == ["台北市向陽就業促進協會", "高雄市向陽職業訓練中心"]
        assert names(search_units(db, "沒有這個")) == []


def test_filters_by_service_county_and_room(store: Store, units: None) -> None:
    with store.transaction() as db:
        assert names(search_units(db, service_kind="vocational_training")) == ["高雄市向陽職業訓練中心"]
        assert names(search_units(db, county="KHH")) == ["高雄市向陽職業訓練中心"]
        assert names(search_units(db, county="TPE", only_with_room=True)) == ["台北市向陽就業促進協會"]


def test_remaining_capacity_never_below_zero(store: Store, units: None) -> None:
    with store.transaction() as db:
        rows = {row.name: row for row in search_units(db)}
    assert rows["臺北市和光庇護工場"].remaining == 0 and rows["臺北市和光庇護工場"].is_full
    assert rows["高雄市向陽職業訓練中心"].remaining == 0  # over capacity
    assert rows["台北市向陽就業促進協會"].remaining == 40


def test_save_validates_and_canonicalises(store: Store) -> None:
    with pytest.raises(ProblemsError) as refused, store.transaction() as db:
        save_unit(db, UnitInput(name="新竹縣展翼協會", service_kinds=("job_redesign",), county="HSQ", phone="02-123"))
    assert [p.field for p in refused.value.problems] == ["phone"]
    with store.transaction() as db:
        assert search_units(db) == []
    bad = UnitInput(name="", service_kinds=(), county="", email="x@y", capacity=-1)
    assert {p.field for p in check_unit(bad)} == {"name", "service_kinds", "county", "email", "capacity"}

    new = UnitInput(
        name=" 新竹縣展翼協會 ",
        service_kinds=("job_redesign",),
        county="HSQ",
        phone="03 5123456",
        email=" a@b.org",
        capacity=10,
        current_caseload=3,
    )
    with store.transaction() as db:
        saved = save_unit(db, new)
    assert saved.name == "新竹縣展翼協會" and saved.phone == "03-512-3456" and saved.email == "a@b.org"
    changed = replace(new, service_kinds=("job_redesign", "career_counselling"), phone="", current_caseload=10)
    with store.transaction() as db:
        edited = save_unit(db, changed, saved.unit_id)
        assert get_unit(db, saved.unit_id) == edited
    assert edited.service_kinds == ("career_counselling", "job_redesign")  # in the code list's order
    assert edited.is_full and edited.phone == ""
    with store.transaction() as db:
        assert len(search_units(db)) == 1


@pytest.mark.parametrize("email", ["a@b.org", "service01@example.org"])
def test_email_accepted(email: str) -> None:
    assert validate_email(f" {email} ") == email


@pytest.mark.parametrize("email", ["ab.org", "a@b", "a@@b.org", "a b@c.org", "@b.org"])
def test_email_refused(email: str) -> None:
    with pytest.raises(ValidationError):
        validate_email(email)


def opened(name: str, serial: int, owner: str = "cm.chen") -> Case:
    case = make_case(make_client(name=name, id_number=make_national_id("A", 1, serial)), owner=owner)
    workflow.record_intake_assessment(case, date(2025, 3, 5), "適合")
    workflow.decide_intake(case, IntakeDecision.OPEN, date(2025, 3, 6))
    return case


def test_case_managers_with_open_caseloads(store: Store) -> None:
    with store.transaction() as db:
        db.add_all([opened("甲", 1), opened("乙", 2), opened("丙", 3, "cm.lin")])
        db.add(make_case(make_client(id_number=make_national_id("A", 1, 4)), owner="cm.lin", stage=Stage.G))
    with store.transaction() as db:
        assert [(m.username, m.open_cases) for m in case_managers(db)] == [("cm.chen", 2), ("cm.lin", 1)]


def test_hand_over_freezes_summaries_with_deadlines(store: Store) -> None:
    with store.transaction() as db:
        first, second, theirs = opened("李阿花", 1), opened("張大山", 2), opened("王小明", 3, "cm.lin")
        db.add_all([first, second, theirs])
    ids = [first.id, second.id, theirs.id]
    with store.transaction() as db:
        due = case_deadlines(db, ids, ON)
        previews = handover_previews(db, ids, ON)
    assert due[first.id] and previews[0].deadlines == len(due[first.id])
    assert "李阿花" in previews[0].text and "待辦期限：" in previews[0].text and previews[0].overdue >= 1
    with pytest.raises(ValidationError), store.transaction() as db:
        hand_over(db, ids, "cm.lin", " ", ON)
    with store.transaction() as db:
        result = hand_over(db, ids, "cm.lin", "個管員離職", ON)
    assert set(result.transferred) == {first.id, second.id} and result.already_theirs == (theirs.id,)
    with store.transaction() as db:
        transfers = db.scalars(select(CaseTransfer).order_by(CaseTransfer.summary)).all()
        assert {t.case_id for t in transfers} == {first.id, second.id}
        assert all(t.from_owner == "cm.chen" and t.to_owner == "cm.lin" and t.reason == "個管員離職" for t in transfers)
        assert all(
            "待辦期限：" in t.summary and not t.summary.split("待辦期限：")[1].startswith("無") for t in transfers
        )
        assert {c.owner for c in db.scalars(select(Case))} == {"cm.lin"}


def test_hand_over_to_nobody_is_refused(store: Store) -> None:
    with store.transaction() as db:
        case = opened("李阿花", 1)
        db.add(case)
    with pytest.raises(RuleError), store.transaction() as db:
        hand_over(db, [case.id], " ", "離職", ON)
