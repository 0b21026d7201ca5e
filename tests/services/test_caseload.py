"""我的個案: filters, sort orders, overdue and search over a demo caseload, and the rows the table shows."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import keyring
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Case, Client, ContactAttempt
from app.models.enums import ContactMode, ContactOutcome, Programme, RecordStatus, Stage
from app.services import caseload
from app.services.agenda import case_facts, due_items
from app.services.caseload import (
    CaseFilter,
    SortKey,
    case_ids,
    case_list,
    case_owners,
    case_rows,
    due_states,
    masked,
)
from app.services.deadline_rules import DeadlineRule
from app.services.deadlines import DueStatus
from app.services.demo import generate_demo
from app.store.store import Store
from tests.conftest import MemoryKeyring
from tests.factories import make_case, make_client, make_record

TODAY = date(2025, 6, 30)
ALL = CaseFilter(include_closed=True)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """300 demo cases, generated once for the module; the tests only read them."""
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        store = Store.open(Path(tmp_path_factory.mktemp("caseload")) / "demo.db", actor="cm.chen")
        generate_demo(store, 300, seed=1, today=TODAY)
    finally:
        keyring.set_keyring(previous)
    yield store
    store.close()


@pytest.fixture
def db(demo: Store) -> Iterator[Session]:
    with demo.transaction() as session:
        yield session


def ids_of(
    db: Session, case_filter: CaseFilter, key: SortKey = SortKey.NAME, descending: bool = False
) -> list[uuid.UUID]:
    return case_ids(db, case_filter, key, descending, TODAY)


def live_cases(db: Session) -> list[Case]:
    return list(db.scalars(select(Case).join(Client).where(Case.deleted.is_(False), Client.deleted.is_(False))))


def is_closed(case: Case) -> bool:
    return case.closed_on is not None or case.stage == Stage.G


# --- filters ------------------------------------------------------------------------------------------------------


def test_closed_cases_are_hidden_unless_asked_for(db: Session) -> None:
    cases = live_cases(db)
    open_ids = {c.id for c in cases if not is_closed(c)}
    assert 0 < len(open_ids) < len(cases)
    shown = ids_of(db, CaseFilter())
    assert set(shown) == open_ids and len(shown) == len(open_ids)
    assert set(ids_of(db, ALL)) == {c.id for c in cases}


@pytest.mark.parametrize(
    ("case_filter", "expected"),
    [
        (CaseFilter(programme=Programme.SUPPORTED_EMPLOYMENT), lambda c: c.programme == Programme.SUPPORTED_EMPLOYMENT),
        (CaseFilter(stage=Stage.E), lambda c: c.stage == Stage.E),
        (CaseFilter(county="TPE"), lambda c: c.county == "TPE"),
        (CaseFilter(target_group="indigenous"), lambda c: "indigenous" in c.client.target_groups),
        (CaseFilter(owners=frozenset({"cm.chen", "cm.lin"})), lambda c: c.owner in ("cm.chen", "cm.lin")),
        (
            CaseFilter(programme=Programme.VR, county="NWT", stage=Stage.E),
            lambda c: (c.programme, c.county, c.stage) == (Programme.VR, "NWT", Stage.E),
        ),
    ],
)
def test_filters_keep_exactly_the_matching_open_cases(db: Session, case_filter: CaseFilter, expected: object) -> None:
    assert callable(expected)
    wanted = {c.id for c in live_cases(db) if not is_closed(c) and expected(c)}
    assert wanted, "the demo should have cases of every kind the filters test"
    assert set(ids_of(db, case_filter)) == wanted


def test_stage_g_with_closed_cases(db: Session) -> None:
    closed = ids_of(db, CaseFilter(stage=Stage.G, include_closed=True))
    assert closed and set(closed) == {c.id for c in live_cases(db) if c.stage == Stage.G}
    assert ids_of(db, CaseFilter(stage=Stage.G)) == []


def test_owners_of_the_store(db: Session) -> None:
    owners = case_owners(db)
    assert owners == sorted({c.owner for c in live_cases(db)}) and "cm.chen" in owners


# --- overdue and next due -------------------------------------------------------------------------------------------


def test_overdue_is_what_the_agenda_calls_overdue(db: Session) -> None:
    items = due_items(db, TODAY)
    agenda_overdue = {i.case_id for i in items if i.status == DueStatus.OVERDUE and not i.informative and i.case_id}
    overdue = ids_of(db, CaseFilter(include_closed=True, overdue_only=True))
    assert overdue and set(overdue) == agenda_overdue
    # The open ones among them, in name order.
    open_overdue = ids_of(db, CaseFilter(overdue_only=True))
    assert set(open_overdue) == agenda_overdue & set(ids_of(db, CaseFilter()))
    assert open_overdue == [i for i in ids_of(db, CaseFilter()) if i in agenda_overdue]


def test_next_due_is_the_agendas_earliest_item(db: Session) -> None:
    states = due_states(db, ids_of(db, ALL), TODAY)
    earliest: dict[uuid.UUID, date] = {}
    for item in due_items(db, TODAY):
        if item.case_id is not None and not item.informative:
            earliest[item.case_id] = min(item.due_on, earliest.get(item.case_id, item.due_on))
    # The agenda shows only what falls within its horizon; within it, both must agree on every case.
    near = {case_id: s.next_due_on for case_id, s in states.items() if s.next_due_on and s.next_due_on <= TODAY}
    assert near and all(earliest.get(case_id) == due for case_id, due in near.items())
    assert all(states[case_id].next_due_on == due for case_id, due in earliest.items())
    assert all(s.overdue == (s.next_due_on is not None and s.next_due_on < TODAY) for s in states.values())


# --- sort orders ----------------------------------------------------------------------------------------------------


def test_name_order_and_its_reverse(db: Session) -> None:
    ids = ids_of(db, ALL, SortKey.NAME)
    rows = case_rows(db, ids, on_date=TODAY)
    names = [rows[i].name for i in ids]
    assert names == sorted(names) and len(ids) == len(set(ids))
    backwards = [rows[i].name for i in ids_of(db, ALL, SortKey.NAME, descending=True)]
    assert backwards == sorted(names, reverse=True)


def test_opened_order_uses_the_application_date_of_cases_not_opened(db: Session) -> None:
    ids = ids_of(db, ALL, SortKey.OPENED)
    rows = case_rows(db, ids, on_date=TODAY)
    keys = [rows[i].opened_on or rows[i].application_date for i in ids]
    assert keys == sorted(keys)
    assert any(rows[i].opened_on is None for i in ids)
    newest_first = ids_of(db, ALL, SortKey.OPENED, descending=True)
    assert [rows[i].opened_on or rows[i].application_date for i in newest_first] == sorted(keys, reverse=True)


def test_stage_order(db: Session) -> None:
    ids = ids_of(db, ALL, SortKey.STAGE)
    rows = case_rows(db, ids, on_date=TODAY)
    stages = [rows[i].stage.value for i in ids]
    assert stages == sorted(stages) and stages[0] == "A" and stages[-1] == "G"
    # Within a stage, by name.
    in_e = [rows[i].name for i in ids if rows[i].stage == Stage.E]
    assert in_e == sorted(in_e)


def test_last_contact_order_agrees_with_the_deadline_facts(db: Session) -> None:
    facts = {f.case_id: f.last_contact_on for f in case_facts(db)}
    ids = ids_of(db, ALL, SortKey.LAST_CONTACT)
    contacts = [facts[i] for i in ids]
    never = [c for c in contacts if c is None]
    assert never and contacts[: len(never)] == never  # never contacted counts as longest ago
    dated = [c for c in contacts if c is not None]
    assert dated == sorted(dated)
    recent_first = [facts[i] for i in ids_of(db, ALL, SortKey.LAST_CONTACT, descending=True)]
    assert recent_first[0] == max(dated) and recent_first[-1] is None
    rows = case_rows(db, ids, on_date=TODAY)
    assert all(rows[i].last_contact_on == facts[i] for i in ids)


def test_next_due_order_most_urgent_first(db: Session) -> None:
    ids = ids_of(db, CaseFilter(), SortKey.NEXT_DUE)
    rows = case_rows(db, ids, on_date=TODAY)
    dues = [rows[i].next_due_on for i in ids]
    dated = [d for d in dues if d is not None]
    assert dues[: len(dated)] == sorted(dated)  # then the cases owing nothing
    assert rows[ids[0]].overdue
    latest_first = [rows[i].next_due_on for i in ids_of(db, CaseFilter(), SortKey.NEXT_DUE, descending=True)]
    assert [d for d in latest_first if d is not None] == sorted(dated, reverse=True)


# --- search ---------------------------------------------------------------------------------------------------------


def client_named(db: Session, length: int) -> Client:
    return next(c for c in db.scalars(select(Client).order_by(Client.name)) if len(c.name) == length)


def test_partial_chinese_name_finds_the_case(db: Session) -> None:
    client = client_named(db, 3)
    case_id = client.cases[0].id
    for part in (client.name, client.name[1:], client.name[:2], client.name[1]):
        found = ids_of(db, CaseFilter(text=part, include_closed=True))
        assert case_id in found, part
    given = ids_of(db, CaseFilter(text=client.name[1:], include_closed=True))
    rows = case_rows(db, given, on_date=TODAY)
    assert all(client.name[1:] in row.name for row in rows.values())


def test_search_by_id_number_and_phone_tail(db: Session) -> None:
    client = next(c for c in db.scalars(select(Client).order_by(Client.id_number)) if c.mobile_phone)
    assert client.mobile_phone is not None
    case_id = client.cases[0].id
    assert case_id in ids_of(db, CaseFilter(text=client.id_number, include_closed=True))
    assert case_id in ids_of(db, CaseFilter(text=client.mobile_phone[-4:], include_closed=True))


def test_search_combines_with_filters_and_sorting(db: Session) -> None:
    surname = Counter(c.name[0] for c in db.scalars(select(Client))).most_common(1)[0][0]
    everyone = ids_of(db, CaseFilter(text=surname, include_closed=True), SortKey.OPENED)
    rows = case_rows(db, everyone, on_date=TODAY)
    named = {c.id for c in live_cases(db) if surname in c.client.name}
    # The contact person's name (聯絡人) is searched too; the clients named so come first, each part in order.
    head, tail = everyone[: len(named)], everyone[len(named) :]
    assert len(named) > 1 and set(head) == named
    for part in (head, tail):
        opened = [rows[i].opened_on or rows[i].application_date for i in part]
        assert opened == sorted(opened)
    only_open = ids_of(db, CaseFilter(text=surname), SortKey.OPENED)
    assert only_open == [i for i in everyone if not rows[i].closed]
    by_due = ids_of(db, CaseFilter(text=surname, include_closed=True), SortKey.NEXT_DUE)
    assert set(by_due[: len(named)]) == named


def test_a_broad_search_lists_the_best_matches_and_says_so(db: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    surname = Counter(c.name[0] for c in db.scalars(select(Client))).most_common(1)[0][0]
    monkeypatch.setattr(caseload, "SEARCH_LIMIT", 3)
    broad = case_list(db, CaseFilter(text=surname, include_closed=True), on_date=TODAY, first=2)
    assert broad.truncated and 0 < len(broad.ids) <= 3 and set(broad.rows) == set(broad.ids[:2])
    narrow = case_list(db, CaseFilter(text=client_named(db, 3).name, include_closed=True), on_date=TODAY)
    assert not narrow.truncated and set(narrow.rows) == set(narrow.ids)


def test_search_matching_nobody(db: Session) -> None:
    assert ids_of(db, CaseFilter(text="魑魅魍魎", include_closed=True)) == []
    assert ids_of(db, CaseFilter(text="   ")) == ids_of(db, CaseFilter())


# --- rows -----------------------------------------------------------------------------------------------------------


def test_rows_in_chinese_and_english(db: Session) -> None:
    case = next(c for c in live_cases(db) if c.opened_on and c.programme == Programme.VR and c.county == "TPE")
    row = case_rows(db, [case.id], on_date=TODAY)[case.id]
    assert (row.name, row.id_number, row.owner) == (case.client.name, case.client.id_number, case.owner)
    assert (row.programme_label, row.county_label) == ("職業重建個案管理", "臺北市")
    assert row.stage_label.startswith(case.stage.value + " ")
    assert case.opened_on is not None
    assert row.opened_roc == f"{case.opened_on.year - 1911}/{case.opened_on.month:02d}/{case.opened_on.day:02d}"
    english = case_rows(db, [case.id], on_date=TODAY, language="en")[case.id]
    assert (english.programme_label, english.county_label) == ("VR case management", "Taipei City")


def test_rows_of_a_page_skip_unknown_ids(db: Session) -> None:
    ids = ids_of(db, ALL)[:200]
    stranger = uuid.uuid4()
    rows = case_rows(db, [*ids, stranger, ids[0]], on_date=TODAY)
    assert set(rows) == set(ids) and stranger not in rows
    assert case_rows(db, []) == {}


def test_masked_id_number() -> None:
    assert masked("A123456789") == "A12****789"
    assert masked("12345") == "*****"


# --- small stores: what the demo may not show -----------------------------------------------------------------------


def test_deleted_cases_and_clients_are_not_listed(store: Store) -> None:
    with store.transaction() as db:
        kept = make_case(make_client(name="陳美玲", id_number="B223456780"))
        gone = make_case(make_client(name="陳美華", id_number="C123456788"), deleted=True)
        tombstoned = make_case(make_client(name="陳美君", id_number="D123456785", deleted=True))
        db.add_all([kept, gone, tombstoned])
    with store.transaction() as db:
        assert case_ids(db, ALL, on_date=TODAY) == [kept.id]
        assert case_ids(db, CaseFilter(text="陳美", include_closed=True), on_date=TODAY) == [kept.id]
        assert set(case_rows(db, [kept.id, gone.id], on_date=TODAY)) == {kept.id}


def test_a_late_evening_call_counts_on_its_day_in_taiwan(store: Store) -> None:
    with store.transaction() as db:
        case = make_case(make_client(), opened_on=date(2025, 5, 2), stage=Stage.C)
        db.add(case)
        db.add(make_record(case, held_on=date(2025, 5, 10), status=RecordStatus.FINAL, registered_on=date(2025, 5, 12)))
        # 2025-05-31 23:30 UTC is 1 June 07:30 in Taipei.
        db.add(
            ContactAttempt(
                case=case,
                attempted_at=datetime(2025, 5, 31, 23, 30, tzinfo=UTC),
                channel=ContactMode.PHONE,
                outcome=ContactOutcome.REACHED,
            )
        )
    with store.transaction() as db:
        row = case_rows(db, [case.id], on_date=date(2025, 6, 20))[case.id]
        assert row.last_contact_on == date(2025, 6, 1)
        assert (row.next_due_on, row.overdue) == (date(2025, 7, 1), False)
        assert row.due.what("en") == "Contact every open case at least once a month"
        late = case_rows(db, [case.id], on_date=date(2025, 7, 2))[case.id]
        assert late.overdue and late.next_due_roc == "114/07/01"


def test_the_earliest_unregistered_service_decides(store: Store) -> None:
    with store.transaction() as db:
        case = make_case(make_client(), opened_on=date(2025, 3, 1), stage=Stage.C)
        db.add(case)
        for held_on in (date(2025, 3, 20), date(2025, 3, 5), date(2025, 3, 12)):
            db.add(make_record(case, held_on=held_on, status=RecordStatus.FINAL))
        db.add(make_record(case, held_on=date(2025, 3, 1), status=RecordStatus.DRAFT))  # a draft owes nothing yet
    with store.transaction() as db:
        state = due_states(db, [case.id], date(2025, 3, 25))[case.id]
        items = [i for i in due_items(db, date(2025, 3, 25)) if i.rule == DeadlineRule.SERVICE_ENTRY]
    assert (state.next_due_on, state.overdue) == (date(2025, 3, 19), True) == (min(i.due_on for i in items), True)
    assert "登錄" in state.what()
