"""Push: the outbox in `seq` order (parents' inserts first), in batches, each op marked in flight before it is sent
(docs/sync-protocol.md).

An op is deleted only once the server has settled it. A response that never came leaves the batch marked in flight;
the next run sends the same ops with the same `op_id`s and the server answers from its op log without applying them
twice. A rejected op's values become a local rejected-edit record, and the record goes back to the server's value.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, delete, inspect, select, update
from sqlalchemy.orm import Session

from app.models.base import SyncMixin, utcnow
from app.models.local import AuditEntry, OutboxOp
from app.models.sync import RejectedEdit, SyncConflict
from app.store.store import Store
from app.store.tracking import INFO_ACTOR, INFO_APPLYING_SYNC
from app.store.values import to_json_value
from app.sync.errors import ServerRefused
from app.sync.progress import NO_CONTROL, RunControl
from app.sync.schema import CONFLICT_TYPE, record_type
from app.sync.transport import Transport
from app.sync.values import from_json_value

log = logging.getLogger(__name__)

BATCH = 100  # ops per request; the protocol allows at most 200
# What a record hangs from (app.sync.schema.ANCHORS), and the closure a closure's review names: the server takes a
# review only once the closure it submits is there.
ANCHOR_FIELDS = ("client_id", "case_id", "plan_id", "closure_id")
SETTLED = frozenset({"applied", "merged", "conflict", "rejected"})


@dataclass(frozen=True)
class WireOp:
    seq: int
    op_id: uuid.UUID
    record_type: str
    record_id: uuid.UUID
    op: str
    base_version: int
    fields: dict[str, Any]

    def as_json(self) -> dict[str, Any]:
        return {
            "op_id": str(self.op_id),
            "seq": self.seq,
            "record_type": self.record_type,
            "record_id": str(self.record_id),
            "op": self.op,
            "base_version": self.base_version,
            "fields": self.fields,
        }


@dataclass
class PushOutcome:
    pushed: int = 0  # ops the server settled
    applied: int = 0  # … applied as sent
    merged: int = 0  # … merged with others' changes
    conflicted: int = 0  # … with at least one field in conflict
    conflicts: int = 0  # conflict records those ops made
    rejected: int = 0  # … refused (kept as rejected edits)
    replayed: int = 0  # … the server had seen before (a retry after a lost response)


def push(store: Store, transport: Transport, *, batch: int = BATCH, control: RunControl = NO_CONTROL) -> PushOutcome:
    outcome = PushOutcome()
    sent: set[uuid.UUID] = set()  # ops sent in this run: each goes once (its answer settles it)
    waiting: list[uuid.UUID] = []
    while True:
        control.step("push", outcome.pushed)
        if not waiting:
            waiting = _send_order(store, sent)  # again at the end: edits made while this run was pushing
            if not waiting:
                return outcome
        ops = _claim(store, waiting[:batch])
        waiting = waiting[batch:]
        if not ops:
            continue
        sent.update(op.op_id for op in ops)
        response = transport.post("/sync/push", {"ops": [op.as_json() for op in ops]})
        results = _results(response, ops)
        with store.transaction() as session:
            session.info[INFO_APPLYING_SYNC] = True
            _settle(session, ops, results, outcome)


def _send_order(store: Store, sent: set[uuid.UUID]) -> list[uuid.UUID]:
    """The outbox's op ids in `seq` order, except that the insert of a record others hang from goes before them.

    The server takes a new record only when the case, client or plan it names is already there (docs/sync-protocol
    .md, "Anchors must exist"), and one flush of the store may record a case before its new client. Moving an insert
    earlier is safe: it is the first op of its record, and ops of other records do not depend on its absence.
    """
    with store.transaction() as session:
        rows = [
            (op_id, record_id, op, fields)
            for op_id, record_id, op, fields in session.execute(
                select(OutboxOp.op_id, OutboxOp.record_id, OutboxOp.op, OutboxOp.fields).order_by(OutboxOp.seq)
            )
            if op_id not in sent
        ]
    inserts = {record_id: index for index, (_, record_id, op, _) in enumerate(rows) if op == "insert"}
    order: list[uuid.UUID] = []
    placed: set[int] = set()

    def place(index: int, path: frozenset[int]) -> None:
        if index in placed or index in path:  # placed already, or a cycle (which no real data makes)
            return
        for parent in _anchors(rows[index][3]):
            if parent in inserts:
                place(inserts[parent], path | {index})
        placed.add(index)
        order.append(rows[index][0])

    for index in range(len(rows)):
        place(index, frozenset())
    return order


def _anchors(fields: dict[str, Any]) -> list[uuid.UUID]:
    """The records an op's record hangs from, as its new values name them."""
    found = []
    for name in ANCHOR_FIELDS:
        change = fields.get(name)
        value = change.get("new") if isinstance(change, dict) else None
        if value is None:
            continue
        try:
            found.append(uuid.UUID(str(value)))
        except ValueError:
            continue
    return found


def _claim(store: Store, op_ids: list[uuid.UUID]) -> list[WireOp]:
    """These ops (those still waiting), marked in flight in the same transaction (from now on new edits of the same
    records start new ops instead of coalescing into these, which the server may already have applied)."""
    with store.transaction() as session:
        rows = {row.op_id: row for row in session.scalars(select(OutboxOp).where(OutboxOp.op_id.in_(op_ids)))}
        now = utcnow()
        claimed = [rows[op_id] for op_id in op_ids if op_id in rows]
        for row in claimed:
            if row.pushed_at is None:
                row.pushed_at = now
        return [
            WireOp(row.seq, row.op_id, row.record_type, row.record_id, row.op, row.base_version, dict(row.fields))
            for row in claimed
        ]


def _results(response: dict[str, Any], ops: list[WireOp]) -> list[dict[str, Any]]:
    results = response.get("results")
    if (
        not isinstance(results, list)
        or len(results) != len(ops)
        or any(
            not isinstance(r, dict) or str(r.get("op_id")) != str(op.op_id) for r, op in zip(results, ops, strict=True)
        )
        or any(r.get("status") not in SETTLED for r in results)
    ):
        raise ServerRefused(
            "同步伺服器的回應與送出的修改對不上，修改仍保留在這台電腦上，下次同步會再送出。",
            "The server's answer does not match the edits sent; they stay on this laptop and go again next time.",
        )
    return results


def _settle(session: Session, ops: list[WireOp], results: list[dict[str, Any]], outcome: PushOutcome) -> None:
    """Apply one response's results, each once, and take its ops out of the outbox, all in the caller's transaction
    (a process killed before it commits leaves the batch in flight, and the next run's replay settles it).

    In statements, not per op: the applied ops' versions in one UPDATE per record type, the settled ops out of the
    outbox in one DELETE, and what rejected ops change written by the transaction's one flush. Autoflush is off
    while results are read: the only queries on the way (a rejected op's later edits, rows by primary key) read
    nothing this loop changes but the ORM rows it holds itself, so flushing after every op would only run the
    store's hooks (the search index) once per op.
    """
    synced: dict[type[SyncMixin], dict[uuid.UUID, int]] = {}
    with session.no_autoflush:
        for op, result in zip(ops, results, strict=True):
            status = str(result["status"])
            outcome.pushed += 1
            outcome.replayed += bool(result.get("replayed"))
            if status == "applied":
                outcome.applied += 1
                _synced_at(synced, op, result.get("version"))
            elif status == "merged":
                outcome.merged += 1
            elif status == "conflict":
                outcome.conflicted += 1
                outcome.conflicts += len(result.get("conflicts") or [])
            else:
                outcome.rejected += 1
                _keep_rejected(session, op, result)
        _mark_synced(session, synced)
        session.execute(
            delete(OutboxOp)
            .where(OutboxOp.op_id.in_([op.op_id for op in ops]))
            .execution_options(synchronize_session=False)
        )


def _synced_at(synced: dict[type[SyncMixin], dict[uuid.UUID, int]], op: WireOp, version: object) -> None:
    """Note the version an applied op's row is synced at (the highest, when one batch applies several of its ops)."""
    spec = record_type(op.record_type)
    if spec is None or not isinstance(version, int):
        return
    rows = synced.setdefault(spec.model, {})
    rows[op.record_id] = max(version, rows.get(op.record_id, version))


def _mark_synced(session: Session, synced: dict[type[SyncMixin], dict[uuid.UUID, int]]) -> None:
    """Applied as sent: the server now holds exactly these rows at these versions, so each row is synced at its
    version (raised, never lowered). Without this, a run cut off before its pull would leave the old version, and
    the next edit would look to the server like one made without seeing this change.

    Written with the table's own UPDATE, not through ORM rows: only `version` changes, which neither the outbox
    (the sync's own writes make no ops) nor the search index (it holds text, not versions) records. A row the
    session holds (one a rejected op of this batch reverted) keeps its old version in memory only, and its flush
    writes only the columns it changed.
    """
    for model, versions in synced.items():
        table = inspect(model).local_table
        session.execute(
            update(table)
            .where(table.c.id == bindparam("row_id"), table.c.version < bindparam("row_version"))
            .values(version=bindparam("row_version")),
            [{"row_id": row_id, "row_version": version} for row_id, version in versions.items()],
        )


def _keep_rejected(session: Session, op: WireOp, result: dict[str, Any]) -> None:
    """Keep what the user typed as a rejected edit they will see, and put the record back as the server has it."""
    if session.get(RejectedEdit, op.op_id) is None:
        session.add(
            RejectedEdit(
                id=op.op_id,
                seq=op.seq,
                record_type=op.record_type,
                record_id=op.record_id,
                op=op.op,
                base_version=op.base_version,
                fields=op.fields,
                code=str(result.get("code") or ""),
                message_zh=str(result.get("message_zh") or ""),
                message_en=str(result.get("message_en") or ""),
            )
        )
    log.info("the server refused op %s (%s): %s", op.op_id, result.get("code"), result.get("message_en"))
    if op.record_type == CONFLICT_TYPE:
        _undo_resolution(session, op)
    else:
        _revert(session, op)


def _later_edits(session: Session, op: WireOp) -> set[str]:
    """Fields of the same record edited again after this op (their newer values are not ours to undo)."""
    fields: set[str] = set()
    for later in session.scalars(
        select(OutboxOp.fields).where(OutboxOp.record_id == op.record_id, OutboxOp.seq > op.seq)
    ):
        fields.update(later)
    return fields


def _revert(session: Session, op: WireOp) -> None:
    spec = record_type(op.record_type)
    if spec is None:
        return
    row = session.get(spec.model, op.record_id)
    if row is None:
        return
    later = _later_edits(session, op)
    if op.op == "insert":
        # The server never took this record: hide it (its values live on in the rejected edit), unless it was
        # edited again since, in which case that edit goes up next and meets the same answer.
        if not later:
            row.deleted = True
        return
    for key, change in op.fields.items():
        if key in later or key not in spec.fields:
            continue
        if to_json_value(getattr(row, key)) == change.get("new"):
            setattr(row, key, from_json_value(spec.model, key, change.get("base")))
    _audit(session, row, "sync_reject", op)


def _undo_resolution(session: Session, op: WireOp) -> None:
    """A resolution the server refused (most often: someone else resolved it first; theirs arrives by pull)."""
    conflict = session.get(SyncConflict, op.record_id)
    if conflict is None:
        return
    if conflict.pending_op_id == op.op_id:
        conflict.pending_value = None
        conflict.pending_op_id = None
    spec = record_type(conflict.record_type)
    row = session.get(spec.model, conflict.record_id) if spec is not None else None
    change = op.fields.get("value", {})
    if spec is None or row is None or conflict.field not in spec.fields:
        return
    if to_json_value(getattr(row, conflict.field)) == change.get("new"):
        setattr(row, conflict.field, from_json_value(spec.model, conflict.field, change.get("base")))


def _audit(session: Session, row: SyncMixin, action: str, op: WireOp) -> None:
    session.add(
        AuditEntry(
            at=utcnow(),
            actor=str(session.info.get(INFO_ACTOR, "")),
            action=action,
            record_type=op.record_type,
            record_id=row.id,
            detail=",".join(op.fields),
        )
    )
