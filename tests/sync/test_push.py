"""Push against a scripted server: in-flight marking, settling, lost responses, rejected edits."""

from __future__ import annotations

import gzip
import json
import random
import threading
import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from sqlalchemy import event, select

from app.models import Case, Client, OutboxOp, ServiceRecord
from app.models.sync import RejectedEdit
from app.store.store import Store
from app.store.tracking import INFO_APPLYING_SYNC
from app.sync import push as push_module
from app.sync.errors import OfflineError
from app.sync.progress import Progress, RunControl, SyncCancelled
from app.sync.push import push
from app.sync.transport import RetryPolicy, Transport
from tests.factories import make_case, make_client, make_record

Answer = Callable[[dict[str, Any]], dict[str, Any]]


def _transport(handler: Callable[[httpx.Request], httpx.Response], tries: int = 5) -> Transport:
    return Transport(
        "http://127.0.0.1:9",
        "tok",
        transport=httpx.MockTransport(handler),
        sleep=lambda s: None,
        retry=RetryPolicy(tries=tries, rng=random.Random(0)),
    )


def _server(answer: Answer, sent: list[list[dict[str, Any]]]) -> Callable[[httpx.Request], httpx.Response]:
    def handler(request: httpx.Request) -> httpx.Response:
        body = request.content
        if request.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        ops = json.loads(body)["ops"]
        sent.append(ops)
        return httpx.Response(200, json={"results": [answer(op) for op in ops]})

    return handler


def applied(op: dict[str, Any], version: int = 100, **extra: Any) -> dict[str, Any]:
    return {"op_id": op["op_id"], "status": "applied", "version": version, "conflicts": [], "replayed": False} | extra


def _ops(store: Store) -> list[OutboxOp]:
    with store.transaction() as db:
        return list(db.scalars(select(OutboxOp).order_by(OutboxOp.seq)))


def _synced_client(store: Store) -> Client:
    with store.transaction() as db:
        db.info[INFO_APPLYING_SYNC] = True
        client = make_client(version=7)
        db.add(client)
    return client


def test_ops_go_in_seq_order_in_batches_and_settled_ones_are_deleted(store: Store) -> None:
    with store.transaction() as db:
        for i in range(5):
            db.add(make_client(id_number=f"A12345678{i}", name=f"個案{i}"))
    seqs = [op.seq for op in _ops(store)]
    sent: list[list[dict[str, Any]]] = []
    with _transport(_server(applied, sent)) as t:
        outcome = push(store, t, batch=2)
    assert [len(batch) for batch in sent] == [2, 2, 1]
    assert [op["seq"] for batch in sent for op in batch] == seqs
    assert outcome.pushed == outcome.applied == 5
    assert _ops(store) == []
    with store.transaction() as db:
        assert set(db.scalars(select(Client.version))) == {100}  # applied as sent: synced at that version


def test_ops_are_marked_in_flight_before_the_request_leaves(store: Store) -> None:
    client = _synced_client(store)
    with store.transaction() as db:
        db.get_one(Client, client.id).name = "王曉明"
    seen: list[bool] = []

    def answer(op: dict[str, Any]) -> dict[str, Any]:
        seen.extend(o.pushed_at is not None for o in _ops(store))
        if len(seen) == 1:
            # the user types again while the push is on the wire: a new op, not coalesced into the one in flight
            with store.transaction() as db:
                db.get_one(Client, client.id).name = "王大明"
        return applied(op)

    sent: list[list[dict[str, Any]]] = []
    with _transport(_server(answer, sent)) as t:
        push(store, t)
    assert seen == [True, True]
    assert [batch[0]["fields"]["name"]["new"] for batch in sent] == ["王曉明", "王大明"]
    assert _ops(store) == []


def test_a_lost_response_sends_the_same_ops_again(store: Store) -> None:
    client = _synced_client(store)
    with store.transaction() as db:
        db.get_one(Client, client.id).name = "王曉明"
    first_ids = [str(op.op_id) for op in _ops(store)]

    def drop(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadError("connection reset", request=request)

    with _transport(drop, tries=2) as t, pytest.raises(OfflineError):
        push(store, t)
    (left,) = _ops(store)
    assert left.pushed_at is not None
    sent: list[list[dict[str, Any]]] = []
    with _transport(_server(lambda op: applied(op, replayed=True), sent)) as t:
        outcome = push(store, t)
    assert [op["op_id"] for op in sent[0]] == first_ids
    assert outcome.replayed == 1 and _ops(store) == []


def test_a_rejected_edit_is_kept_and_the_record_goes_back(store: Store) -> None:
    client = _synced_client(store)
    with store.transaction() as db:
        db.get_one(Client, client.id).name = "王曉明"

    def reject(op: dict[str, Any]) -> dict[str, Any]:
        return {
            "op_id": op["op_id"],
            "status": "rejected",
            "version": None,
            "conflicts": [],
            "replayed": False,
            "code": "read_only",
            "message_zh": "唯讀",
            "message_en": "read-only",
        }

    with _transport(_server(reject, [])) as t:
        assert push(store, t).rejected == 1
    with store.transaction() as db:
        edit = db.scalars(select(RejectedEdit)).one()
        assert edit.fields["name"] == {"base": "王小明", "new": "王曉明"}
        assert (edit.code, edit.message_zh) == ("read_only", "唯讀")
        assert db.get_one(Client, client.id).name == "王小明"
    assert _ops(store) == []  # the revert itself is not a new edit


def test_a_rejected_insert_is_hidden_but_kept(store: Store) -> None:
    with store.transaction() as db:
        case = make_case(make_client())
        record = make_record(case)
        db.add_all([case, record])

    def answer(op: dict[str, Any]) -> dict[str, Any]:
        if op["record_type"] != "service_record":
            return applied(op)
        return {"op_id": op["op_id"], "status": "rejected", "version": None, "conflicts": [], "code": "scope"}

    with _transport(_server(answer, [])) as t:
        push(store, t)
    with store.transaction() as db:
        assert db.get_one(ServiceRecord, record.id).deleted
        assert db.get_one(Case, case.id).version == 100
        assert db.scalars(select(RejectedEdit.record_id)).all() == [record.id]


def test_a_mismatched_answer_settles_nothing(store: Store) -> None:
    _synced_client(store)
    with store.transaction() as db:
        db.add(make_client(id_number="B123456780"))

    def wrong(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"results": []})

    from app.sync.errors import ServerRefused

    with _transport(wrong) as t, pytest.raises(ServerRefused):
        push(store, t)
    assert len(_ops(store)) == 1


def test_cancelling_stops_between_batches_with_each_batch_complete(store: Store) -> None:
    with store.transaction() as db:
        for i in range(5):
            db.add(make_client(id_number=f"A12345678{i}", name=f"個案{i}"))
    cancel = threading.Event()
    seen: list[Progress] = []

    def on_progress(progress: Progress) -> None:
        seen.append(progress)
        if progress.done:
            cancel.set()  # the user pressed cancel while the second batch was on its way

    with _transport(_server(applied, [])) as t, pytest.raises(SyncCancelled):
        push(store, t, batch=2, control=RunControl(on_progress, cancel))
    assert seen == [Progress("push", 0), Progress("push", 2)]
    left = _ops(store)
    assert len(left) == 1 and left[0].pushed_at is None


def test_a_new_records_parents_go_up_before_it_whatever_order_the_store_recorded(store: Store) -> None:
    with store.transaction() as db:
        first = make_client(name="甲", id_number="A123456780")
        db.add(make_client(name="乙", id_number="A123456781"))
        case = make_case(first)
        db.add(make_record(case))  # one flush records the record and its case before the new client
        db.flush()
        db.add(make_client(name="丙", id_number="A123456782"))
    recorded = [op.record_id for op in _ops(store)]
    assert recorded.index(first.id) > recorded.index(case.id)  # the store's own order: the server would refuse
    sent: list[list[dict[str, Any]]] = []
    with _transport(_server(applied, sent)) as t:
        assert push(store, t, batch=2).pushed == 5
    assert [len(batch) for batch in sent] == [2, 2, 1]
    order = [(op["record_type"], uuid.UUID(op["record_id"]), op["seq"]) for batch in sent for op in batch]
    assert [name for name, _, _ in order] == ["client", "client", "case", "service_record", "client"]
    assert [record_id for _, record_id, _ in order][1:3] == [first.id, case.id]  # hoisted, parent first
    assert order[0][2] < order[3][2] < order[4][2]  # the others keep their seq order


def test_one_batch_of_every_answer_settles_each_op_once_in_a_few_statements(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    with store.transaction() as db:
        db.info[INFO_APPLYING_SYNC] = True
        merged, conflicted, refused, ahead = (
            make_client(id_number=f"B12345678{i}", name=f"舊{i}", version=7) for i in range(4)
        )
        db.add_all([merged, conflicted, refused, ahead])
    with store.transaction() as db:
        new = [make_client(id_number=f"A1234567{i:02d}", name=f"新{i}") for i in range(20)]
        db.add_all(new)
        for client in (merged, conflicted, refused, ahead):
            db.get_one(Client, client.id).name += "改"
    new_ids = {client.id for client in new}
    per_settle: list[int] = []

    def settle(session: Any, ops: Any, results: Any, outcome: Any) -> None:
        statements: list[str] = []

        def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
            statements.append(statement)

        event.listen(store.engine, "before_cursor_execute", count)
        try:
            real_settle(session, ops, results, outcome)
            session.flush()  # what the commit writes counts too
        finally:
            event.remove(store.engine, "before_cursor_execute", count)
        per_settle.append(len(statements))

    real_settle = push_module._settle
    monkeypatch.setattr(push_module, "_settle", settle)

    def answer(op: dict[str, Any]) -> dict[str, Any]:
        record_id = uuid.UUID(op["record_id"])
        if record_id == new[0].id and op["op"] == "insert":
            with store.transaction() as db:  # edited again while the push is on the wire: a new op of its own
                db.get_one(Client, new[0].id).mobile_phone = "0987654321"
        if record_id == merged.id:
            return applied(op, version=None, status="merged")
        if record_id == conflicted.id:
            return applied(op, version=None, status="conflict", conflicts=[str(uuid.uuid4())])
        if record_id == refused.id:
            return applied(op, version=None, status="rejected", code="scope", message_en="no")
        if record_id == ahead.id:
            return applied(op, version=5)  # the row is already synced at a later version: never lowered
        return applied(op, version=101 if op["op"] == "insert" else 102)

    sent: list[list[dict[str, Any]]] = []
    with _transport(_server(answer, sent)) as t:
        outcome = push(store, t)
    assert [len(batch) for batch in sent] == [24, 1]
    assert (outcome.pushed, outcome.applied, outcome.merged, outcome.conflicted, outcome.rejected) == (25, 22, 1, 1, 1)
    assert outcome.conflicts == 1
    assert _ops(store) == []
    assert per_settle[0] < 20, per_settle  # a few statements for the batch, not a few per op
    with store.transaction() as db:
        versions = dict(db.execute(select(Client.id, Client.version)).all())
        assert versions == {new[0].id: 102} | {i: 101 for i in new_ids - {new[0].id}} | {
            merged.id: 7,
            conflicted.id: 7,
            refused.id: 7,
            ahead.id: 7,
        }
        assert db.get_one(Client, refused.id).name == "舊2"  # back to the server's value
        assert db.get_one(Client, merged.id).name == "舊0改"
        assert db.get_one(Client, new[0].id).mobile_phone == "0987654321"
        assert db.scalars(select(RejectedEdit.record_id)).all() == [refused.id]
