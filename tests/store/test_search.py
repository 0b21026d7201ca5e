"""Search-as-you-type: partial Chinese names, ID numbers, phone tails, notes; NFKC-folded."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import text

from app.models import Client
from app.store.search import index_tokens, match_expression, search_clients
from app.store.store import Store
from tests.factories import make_case, make_client, make_record


@pytest.fixture
def people(store: Store) -> dict[str, uuid.UUID]:
    ids: dict[str, uuid.UUID] = {}
    with store.transaction() as db:
        for name, id_number, phone in [
            ("王小明", "A123456789", "0912345678"),
            ("歐陽娜娜", "B234567894", "02-2345-6789"),
            ("林明", "C123456781", "0933000111"),
            ("張美玲", "D223456784", None),
        ]:
            client = make_client(name=name, id_number=id_number, mobile_phone=phone)
            db.add(client)
            ids[name] = client.id
        case = make_case(db.get_one(Client, ids["張美玲"]), intake_assessment="家長陪同申請")
        db.add(case)
        db.add(make_record(case, notes="想從事烘焙工作，需職務再設計"))
    return ids


def find(store: Store, query: str, include_notes: bool = False) -> set[uuid.UUID]:
    with store.transaction() as db:
        return set(search_clients(db.connection(), query, include_notes=include_notes))


def test_partial_chinese_names(store: Store, people: dict[str, uuid.UUID]) -> None:
    assert find(store, "小明") == {people["王小明"]}
    assert find(store, "明") == {people["王小明"], people["林明"]}
    assert find(store, "歐陽") == {people["歐陽娜娜"]}
    assert find(store, "陽娜") == {people["歐陽娜娜"]}
    assert find(store, "明小") == set()  # characters must be consecutive


def test_ids_and_phones(store: Store, people: dict[str, uuid.UUID]) -> None:
    assert find(store, "a1234") == {people["王小明"]}
    assert find(store, "123456") == {people["王小明"], people["林明"]}  # inside A123456789 and C123456780
    assert find(store, "6789") == {people["王小明"], people["歐陽娜娜"]}  # ID tail and phone tail
    assert find(store, "0933") == {people["林明"]}
    assert find(store, "3300-0111") == {people["林明"]}  # a dash typed inside a number joins it
    assert find(store, "(02)2345") == {people["歐陽娜娜"]}


def test_full_width_input_is_folded(store: Store, people: dict[str, uuid.UUID]) -> None:
    assert find(store, "Ａ１２３４５") == {people["王小明"]}


def test_compatibility_ideographs_fold_to_unified(store: Store) -> None:
    with store.transaction() as db:
        client = make_client(name="游\uf9ea華")  # 離 written as U+F9EA, as in the seed texts
        db.add(client)
    assert find(store, "離華") == {client.id}


def test_notes_only_when_asked(store: Store, people: dict[str, uuid.UUID]) -> None:
    assert find(store, "烘焙") == set()
    assert find(store, "烘焙", include_notes=True) == {people["張美玲"]}
    assert find(store, "家長陪同", include_notes=True) == {people["張美玲"]}


def test_index_follows_edits_and_tombstones(store: Store, people: dict[str, uuid.UUID]) -> None:
    with store.transaction() as db:
        db.get_one(Client, people["王小明"]).name = "王大同"
    assert find(store, "小明") == set()
    assert find(store, "大同") == {people["王小明"]}
    with store.transaction() as db:
        db.get_one(Client, people["王小明"]).deleted = True
    assert find(store, "大同") == set()


def test_tombstoned_client_is_not_found_through_notes_either(store: Store, people: dict[str, uuid.UUID]) -> None:
    assert find(store, "烘焙", include_notes=True) == {people["張美玲"]}
    with store.transaction() as db:
        db.get_one(Client, people["張美玲"]).deleted = True
    assert find(store, "烘焙", include_notes=True) == set()
    assert find(store, "家長陪同", include_notes=True) == set()


def test_rollback_leaves_index_untouched(store: Store, people: dict[str, uuid.UUID]) -> None:
    with pytest.raises(RuntimeError), store.transaction() as db:
        db.get_one(Client, people["林明"]).name = "林大明"
        db.flush()
        raise RuntimeError("user cancelled")
    assert find(store, "林明") == {people["林明"]}
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM search_doc")).scalar() == 6


def test_query_syntax_is_never_injected() -> None:
    assert match_expression('"*(') is None
    assert match_expression('" OR * NEAR(') == '"or"* AND "near"*'  # operators become quoted words
    assert match_expression("王 A1") == '"王" AND "a1"*'
    assert index_tokens(["王小明"], identifiers=["A12345"]) == "王 小 明 a12345 12345 2345 345"
