"""Applying staged pulled changes: one transaction, no outbox ops, search index kept, local edits kept."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select

from app.models import Case, Client, ServiceRecord
from app.models.enums import Programme
from app.models.sync import SyncConflict, SyncInboxItem
from app.store.search import search_clients
from app.store.store import Store
from app.store.tracking import INFO_APPLYING_SYNC
from app.sync import credentials
from app.sync.apply import apply_inbox
from app.sync.client import local_scope_hash, read_only_ids
from app.sync.scope import scope_hash
from tests.factories import make_case, make_client, make_record
from tests.sync.helpers import conflict_item, outbox_count, record_item, stage


def _remote_case(version: int = 10) -> tuple[Client, Case, ServiceRecord]:
    """Objects standing for rows that exist only on the server (never added to a local session)."""
    client = make_client(id=uuid.uuid4(), name="林美玲", id_number="F223456788")
    case = make_case(client, id=uuid.uuid4(), client_id=client.id)
    record = make_record(case, id=uuid.uuid4(), case_id=case.id, notes="蘭嶼外展晤談")
    return client, case, record


def _synced(store: Store) -> tuple[Client, Case, ServiceRecord]:
    with store.transaction() as db:
        db.info[INFO_APPLYING_SYNC] = True
        client = make_client(version=3)
        case = make_case(client, version=4)
        record = make_record(case, version=5)
        db.add_all([client, case, record])
    return client, case, record


def test_pulled_rows_arrive_children_first_and_are_searchable_without_outbox_ops(store: Store) -> None:
    client, case, record = _remote_case()
    stage(store, [record_item(record, 12), record_item(case, 11), record_item(client, 10)])
    outcome = apply_inbox(store)
    assert outcome.applied == 3
    assert outbox_count(store) == 0
    with store.transaction() as db:
        got = db.get_one(ServiceRecord, record.id)
        assert (got.version, got.updated_by, got.notes) == (12, "cm.lin", "蘭嶼外展晤談")
        assert db.get_one(Case, case.id).client_id == client.id
        assert search_clients(db.connection(), "美玲") == [client.id]
        assert search_clients(db.connection(), "蘭嶼", include_notes=True) == [client.id]
        assert db.scalar(select(func.count()).select_from(SyncInboxItem)) == 0


def test_latest_version_of_a_record_wins_and_tombstones_leave_the_index(store: Store) -> None:
    client, _, _ = _synced(store)
    stage(store, [record_item(client, 20, name="王大明"), record_item(client, 21, name="王大明", deleted=True)])
    apply_inbox(store)
    with store.transaction() as db:
        got = db.get_one(Client, client.id)
        assert (got.version, got.deleted) == (21, True)
        assert search_clients(db.connection(), "王大明") == []


def test_fields_with_unsent_edits_keep_the_local_value_and_the_op_its_base(store: Store) -> None:
    client, _, _ = _synced(store)
    with store.transaction() as db:
        db.get_one(Client, client.id).mobile_phone = "0911000111"  # typed while the pull was in flight
    stage(store, [record_item(client, 30, mobile_phone="0922000222", strengths="守時")])
    outcome = apply_inbox(store)
    assert outcome.kept_local == 1
    with store.transaction() as db:
        got = db.get_one(Client, client.id)
        assert (got.mobile_phone, got.strengths, got.version) == ("0911000111", "守時", 30)
    from app.models.local import OutboxOp

    with store.transaction() as db:
        op = db.scalars(select(OutboxOp)).one()
        assert op.base_version == 3 and op.fields["mobile_phone"]["base"] == "0912345678"


def test_scope_removal_deletes_the_case_and_its_client(store: Store) -> None:
    client, case, _ = _synced(store)
    stage(store, [{"kind": "scope_removal", "version": 40, "case_id": str(case.id), "client_id": str(client.id)}])
    outcome = apply_inbox(store)
    assert outcome.removed == 3
    with store.transaction() as db:
        for model in (Client, Case, ServiceRecord):
            assert db.scalar(select(func.count()).select_from(model)) == 0
        assert search_clients(db.connection(), "小明") == []
        assert search_clients(db.connection(), "晤談", include_notes=True) == []


def test_scope_removal_keeps_a_client_with_another_case_here(store: Store) -> None:
    client, case, _ = _synced(store)
    with store.transaction() as db:
        db.info[INFO_APPLYING_SYNC] = True
        other = make_case(db.get_one(Client, client.id), version=6, programme=Programme.SUPPORTED_EMPLOYMENT)
        db.add(other)
    stage(store, [{"kind": "scope_removal", "version": 40, "case_id": str(case.id), "client_id": str(client.id)}])
    apply_inbox(store)
    with store.transaction() as db:
        assert db.scalars(select(Case.id)).all() == [other.id]
        assert db.get(Client, client.id) is not None


def test_scope_removal_keeps_rows_with_unsent_edits_and_their_parents(store: Store) -> None:
    client, case, record = _synced(store)
    with store.transaction() as db:
        db.get_one(ServiceRecord, record.id).place = "案家"
    stage(store, [{"kind": "scope_removal", "version": 40, "case_id": str(case.id), "client_id": str(client.id)}])
    apply_inbox(store)
    with store.transaction() as db:
        assert db.get(ServiceRecord, record.id) is not None
        assert db.get(Case, case.id) is not None  # its record still points to it
        assert db.get(Client, client.id) is not None


def test_a_case_transferred_back_after_its_removal_stays(store: Store) -> None:
    client, case, record = _synced(store)
    stage(
        store,
        [
            {"kind": "scope_removal", "version": 40, "case_id": str(case.id), "client_id": str(client.id)},
            record_item(client, 50),
            record_item(case, 51),
            record_item(record, 52),
        ],
    )
    apply_inbox(store)
    with store.transaction() as db:
        assert db.get_one(Case, case.id).version == 51
        assert db.get_one(ServiceRecord, record.id).version == 52


def test_conflicts_are_stored_once_and_follow_their_resolution(store: Store) -> None:
    client, _, _ = _synced(store)
    item = conflict_item(client, "mobile_phone", 60)
    stage(store, [item])
    assert apply_inbox(store).conflicts_new == 1
    stage(store, [{**item, "version": 61, "resolved": True, "resolved_value": "mine", "resolved_by": "sup.wang"}])
    assert apply_inbox(store).conflicts_new == 0
    with store.transaction() as db:
        row = db.get_one(SyncConflict, uuid.UUID(item["id"]))
        assert (row.resolved, row.resolved_value, row.resolved_by, row.version) == (True, "mine", "sup.wang", 61)


def test_repair_removes_synced_rows_the_server_no_longer_sends(store: Store) -> None:
    client, case, record = _synced(store)
    with store.transaction() as db:
        local = make_record(db.get_one(Case, case.id), notes="尚未同步")  # version 0: never synced, kept
        db.add(local)
        credentials.set_meta(db, credentials.REPAIR, "1")
    stage(store, [record_item(client, 3), record_item(case, 4)])
    outcome = apply_inbox(store)
    assert outcome.repair and outcome.removed == 1
    with store.transaction() as db:
        assert db.get(ServiceRecord, record.id) is None
        assert db.get(ServiceRecord, local.id) is not None
        assert credentials.get_meta(db, credentials.REPAIR) is None


def test_a_record_whose_parent_has_not_arrived_waits_staged_without_blocking_the_rest(store: Store) -> None:
    client, case, record = _remote_case()
    goal_less = make_client(id=uuid.uuid4(), id_number="G123456781")
    stage(store, [record_item(record, 12), record_item(goal_less, 13)])
    outcome = apply_inbox(store)
    assert (outcome.applied, outcome.held_back) == (1, 1)
    with store.transaction() as db:
        assert db.get(ServiceRecord, record.id) is None
        assert db.get(Client, goal_less.id) is not None
        assert db.scalar(select(func.count()).select_from(SyncInboxItem)) == 1  # still staged
    # the drift hash counts it, as the server does
    assert local_scope_hash(store) == scope_hash([("service_record", record.id, 12), ("client", goal_less.id, 13)])
    stage(store, [record_item(client, 20), record_item(case, 21)])
    outcome = apply_inbox(store)
    assert (outcome.applied, outcome.held_back) == (3, 0)
    with store.transaction() as db:
        assert db.get_one(ServiceRecord, record.id).version == 12
        assert db.scalar(select(func.count()).select_from(SyncInboxItem)) == 0


def test_read_only_marks_follow_the_latest_pull(store: Store) -> None:
    client, case, _ = _remote_case()
    stage(store, [{**record_item(client, 10), "read_only": True}, {**record_item(case, 11), "read_only": True}])
    apply_inbox(store)
    assert read_only_ids(store, [client.id, case.id, uuid.uuid4()]) == {client.id, case.id}
    stage(store, [record_item(case, 12)])
    apply_inbox(store)
    assert read_only_ids(store, [client.id, case.id]) == {client.id}


def test_a_lost_value_gives_way_to_the_kept_one_unless_the_record_moved_on(store: Store) -> None:
    client, case, _ = _synced(store)  # versions 3 and 4
    with store.transaction() as db:
        db.info[INFO_APPLYING_SYNC] = True  # as after pushing these edits, which the server turned into conflicts
        db.get_one(Client, client.id).strengths = "我的"
        db.get_one(Case, case.id).decision_reason = "我的"
    stage(
        store,
        [
            conflict_item(client, "strengths", 9, mine="我的", theirs="他們的"),
            conflict_item(case, "decision_reason", 2, mine="我的", theirs="舊的"),  # the case has changed since
        ],
    )
    apply_inbox(store)
    with store.transaction() as db:
        assert db.get_one(Client, client.id).strengths == "他們的"
        assert db.get_one(Case, case.id).decision_reason == "我的"
