"""Resolving a conflict is an op in the outbox; the record shows the choice at once; rejected edits are listed."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from app.errors import RuleError
from app.models import Client, OutboxOp
from app.store.store import Store
from app.store.tracking import INFO_APPLYING_SYNC
from app.sync.apply import apply_inbox
from app.sync.conflicts import open_conflicts, pending_count, resolve_conflict
from app.sync.rows import pending_fields
from tests.factories import make_client
from tests.sync.helpers import conflict_item, record_item, stage


def _conflicted(store: Store) -> tuple[Client, uuid.UUID]:
    with store.transaction() as db:
        db.info[INFO_APPLYING_SYNC] = True
        client = make_client(version=7, mobile_phone="0933000333")
        db.add(client)
    item = conflict_item(client, "mobile_phone", 8, base="0912345678", mine="0911000111", theirs="0933000333")
    stage(store, [item])
    apply_inbox(store)
    return client, uuid.UUID(item["id"])


def test_resolving_queues_an_op_and_shows_the_choice(store: Store) -> None:
    client, conflict_id = _conflicted(store)
    (view,) = open_conflicts(store)
    assert (view.mine, view.theirs, view.pending) == ("0911000111", "0933000333", False)
    resolve_conflict(store, conflict_id, view.mine)
    with store.transaction() as db:
        op = db.scalars(select(OutboxOp)).one()
        assert (op.op, op.record_type, op.record_id, op.base_version) == ("resolve", "sync_conflict", conflict_id, 8)
        assert op.fields == {"value": {"base": "0933000333", "new": "0911000111"}}
        assert db.get_one(Client, client.id).mobile_phone == "0911000111"
        assert pending_fields(db)[client.id] == {"mobile_phone"}
    (view,) = open_conflicts(store)
    assert view.pending and view.pending_value == "0911000111"
    resolve_conflict(store, conflict_id, "0933000333")  # changed my mind before syncing: one op still
    assert pending_count(store) == 1
    (view,) = open_conflicts(store)
    assert view.pending_value == "0933000333"


def test_a_pulled_copy_does_not_hide_a_pending_resolution(store: Store) -> None:
    client, conflict_id = _conflicted(store)
    resolve_conflict(store, conflict_id, "0911000111")
    stage(store, [record_item(client, 9, mobile_phone="0933000333")])
    apply_inbox(store)
    with store.transaction() as db:
        assert db.get_one(Client, client.id).mobile_phone == "0911000111"


def test_resolved_conflicts_cannot_be_resolved_again(store: Store) -> None:
    client, conflict_id = _conflicted(store)
    item = conflict_item(client, "mobile_phone", 9, id=str(conflict_id), resolved=True, resolved_value="0933000333")
    stage(store, [item])
    apply_inbox(store)
    assert open_conflicts(store) == []
    with pytest.raises(RuleError):
        resolve_conflict(store, conflict_id, "0911000111")
    with pytest.raises(RuleError):
        resolve_conflict(store, uuid.uuid4(), "x")
