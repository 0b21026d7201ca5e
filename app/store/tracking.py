"""Every local edit is recorded from day one: sync columns stamped, outbox operation appended, audit entry written.

Hooked into the ORM session's flush, so no caller can forget it. Edits to one record between syncs coalesce into
one operation that keeps each field's base value (the value at the last sync) for the server's three-way merge.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import MANYTOONE, Session, UOWTransaction
from sqlalchemy.orm.base import NO_VALUE

from app.errors import RuleError, StoreError
from app.models.base import SyncMixin, utcnow
from app.models.enums import RecordStatus
from app.models.local import AuditEntry, OutboxOp
from app.models.sync import SUPERVISOR_CASE_FIELDS, SUPERVISOR_WRITABLE, ReadOnlyRecord
from app.store.values import to_json_value

# Columns that describe sync state rather than content; they never travel as changed fields.
SYNC_META = frozenset({"id", "version", "updated_at", "updated_by"})
# A finalised record may still be marked as entered into the national system, and a finalised supervision note may
# still get the outcome of its agreed follow-up (done date and note), which comes weeks after the meeting.
MUTABLE_WHEN_FINAL = frozenset(
    {"registered_on", "follow_up_done_on", "follow_up_note", "deleted", "version", "updated_at", "updated_by"}
)
APPEND_ONLY_TABLES = frozenset({"contact_attempt", "attachment"})
# What a supervisor may add to a team case they see read-only: a review is decided, never added, by a supervisor
# (deciding one changes a row that is not read-only).
NEW_IN_READ_ONLY_CASE = SUPERVISOR_WRITABLE - {"review"}

INFO_ACTOR = "actor"
INFO_DEVICE = "device_id"
INFO_APPLYING_SYNC = "applying_sync"  # rows written by the sync client are the server's, not local edits


def install(session_factory: Any) -> None:
    event.listen(session_factory, "before_flush", _before_flush)


def content_columns(obj: SyncMixin) -> list[str]:
    return [c.key for c in inspect(type(obj)).column_attrs if c.key not in SYNC_META]


def _before_flush(session: Session, flush_context: UOWTransaction, instances: Any) -> None:
    if session.info.get(INFO_APPLYING_SYNC):
        return
    actor = str(session.info.get(INFO_ACTOR, ""))
    device = str(session.info.get(INFO_DEVICE, ""))
    now = utcnow()
    for obj in list(session.deleted):
        if isinstance(obj, SyncMixin):
            raise StoreError(
                "同步資料不可直接刪除，請改用刪除標記。",
                f"Synced rows are tombstoned, never deleted ({type(obj).__name__}).",
            )
    with session.no_autoflush:
        _guard_read_only(session)
        for obj in list(session.new):
            if isinstance(obj, SyncMixin):
                if obj.id is None:
                    obj.id = uuid.uuid4()
                _copy_foreign_keys(obj)
                _stamp(obj, actor, now)
                fields = {key: {"base": None, "new": to_json_value(getattr(obj, key))} for key in content_columns(obj)}
                _record(session, obj, "insert", fields, device, actor, now)
        for obj in list(session.dirty):
            if isinstance(obj, SyncMixin) and session.is_modified(obj, include_collections=False):
                changes = _changed_fields(session, obj)
                if not changes:
                    continue
                _guard_final(obj, changes)
                _stamp(obj, actor, now)
                op = "delete" if changes.get("deleted", {}).get("new") is True else "update"
                _record(session, obj, op, changes, device, actor, now)


def _copy_foreign_keys(obj: SyncMixin) -> None:
    """Fill foreign keys from the related objects now; SQLAlchemy does it only later in the flush, after the
    outbox would have recorded them as empty (a plan made with `ServicePlan(case=case)` must carry its case_id)."""
    state = inspect(obj)
    for relationship in state.mapper.relationships:
        if relationship.direction is not MANYTOONE:
            continue
        target = state.attrs[relationship.key].loaded_value
        if target is None or target is NO_VALUE:
            continue
        for local, remote in relationship.local_remote_pairs:
            key = state.mapper.get_property_by_column(local).key
            if getattr(obj, key) is None:
                remote_key = inspect(type(target)).get_property_by_column(remote).key
                setattr(obj, key, getattr(target, remote_key))


def _stamp(obj: SyncMixin, actor: str, now: Any) -> None:
    obj.updated_at = now
    obj.updated_by = actor


def _changed_fields(session: Session, obj: SyncMixin) -> dict[str, dict[str, Any]]:
    """Each changed content field with its value before the change ("base") and after it ("new")."""
    state = inspect(obj)
    changes: dict[str, dict[str, Any]] = {}
    unknown_base: list[str] = []
    for key in content_columns(obj):
        history = state.attrs[key].history
        if not history.has_changes():
            continue
        new = history.added[0] if history.added else None
        if history.deleted:
            old = history.deleted[0]
        elif state.committed_state.get(key) is NO_VALUE:
            # The attribute was expired (after a refresh or a rollback) when it was set, so SQLAlchemy never saw
            # the old value; it is still in the database, read below. Guessing None would fake a conflict later.
            unknown_base.append(key)
            old = None
        else:
            old = None
        changes[key] = {"base": to_json_value(old), "new": to_json_value(new)}
    if unknown_base and state.has_identity:
        mapper = state.mapper
        columns = [mapper.attrs[key].expression for key in unknown_base]
        row = session.execute(select(*columns).where(mapper.attrs["id"].expression == obj.id)).one_or_none()
        if row is not None:
            for key, value in zip(unknown_base, row, strict=True):
                changes[key]["base"] = to_json_value(value)
    return {key: change for key, change in changes.items() if change["base"] != change["new"]}


def _guard_read_only(session: Session) -> None:
    """Refuse, before anything is written, a change the central service would refuse at the next sync: a record it
    marked read-only (a supervisor's copy of a team case, app.sync.apply) changed, or a new record hung on one. The
    window locks these already (app.views.workspace.read_only); this is the guarantee behind it. A supervisor's 移案
    of a team case (its owner, and the CaseTransfer) is the one change the server takes, so it passes here too."""
    wanted = {
        obj.id
        for obj in session.dirty
        if isinstance(obj, SyncMixin)
        and session.is_modified(obj, include_collections=False)
        and not _only_a_new_owner(obj)
    }
    for obj in session.new:
        if isinstance(obj, SyncMixin) and type(obj).__tablename__ not in NEW_IN_READ_ONLY_CASE:  # type: ignore[attr-defined]
            wanted.update(_foreign_ids(obj))
    if not wanted:
        return
    locked = session.scalars(select(ReadOnlyRecord.record_id).where(ReadOnlyRecord.record_id.in_(wanted))).first()
    if locked is not None:
        raise RuleError(
            "這是團隊個案的唯讀副本：督導可以檢視、審核送審與撰寫督導紀錄，但不能修改個案的紀錄。",
            "This is a read-only copy of a team case: a supervisor can view it, decide submissions and write "
            "supervision records, but cannot change the case's records.",
        )


def _only_a_new_owner(obj: SyncMixin) -> bool:
    """移案 by the team's supervisor: a case whose only change is its owner (SUPERVISOR_CASE_FIELDS, as the server
    allows a supervisor); the CaseTransfer beside it is a supervisor's record too."""
    if type(obj).__tablename__ != "case":  # type: ignore[attr-defined]
        return False
    state = inspect(obj)
    changed = {key for key in content_columns(obj) if state.attrs[key].history.has_changes()}
    return bool(changed) and changed <= SUPERVISOR_CASE_FIELDS


def _foreign_ids(obj: SyncMixin) -> list[uuid.UUID]:
    """The records `obj` hangs on (its foreign keys' values, set directly or through a relationship)."""
    found: list[uuid.UUID] = []
    state = inspect(obj)
    for column in state.mapper.columns:
        if column.foreign_keys:
            value = getattr(obj, state.mapper.get_property_by_column(column).key, None)
            if isinstance(value, uuid.UUID):
                found.append(value)
    for relationship in state.mapper.relationships:
        if relationship.direction is MANYTOONE:
            target = state.attrs[relationship.key].loaded_value
            if isinstance(target, SyncMixin) and target.id is not None:
                found.append(target.id)
    return found


def _guard_final(obj: SyncMixin, changes: dict[str, dict[str, Any]]) -> None:
    """Append-only records never change (DESIGN.md, sync protocol 3): contact attempts and attachments once written,
    interview/service/assessment/supervision records once finalised. Corrections are new records; a record made
    by mistake may still be tombstoned, and a finalised one marked as entered into the national system."""
    changed = set(changes)
    if type(obj).__tablename__ in APPEND_ONLY_TABLES:  # type: ignore[attr-defined]
        if changed - {"deleted"}:
            raise RuleError(
                "聯繫紀錄與附件建立後不可修改；如有錯誤，請新增一筆正確的紀錄。",
                "Contact attempts and attachments cannot be changed once written; add a correct record instead.",
            )
        return
    status = changes.get("status", {}).get("base", getattr(obj, "status", None))
    if to_json_value(status) == RecordStatus.FINAL.value and changed - MUTABLE_WHEN_FINAL:
        raise RuleError(
            "已定稿的紀錄不可修改；如需更正，請新增一筆更正紀錄。",
            "A finalised record cannot be changed; add a correcting record instead.",
        )


def _record(
    session: Session,
    obj: SyncMixin,
    op: str,
    fields: dict[str, dict[str, Any]],
    device: str,
    actor: str,
    now: Any,
) -> None:
    record_type = type(obj).__tablename__  # type: ignore[attr-defined]
    # A row new in this flush has no operation yet; one flushed earlier in the transaction is found by the query.
    open_op = None if op == "insert" else _open_op(session, obj.id)
    if open_op is None:
        session.add(
            OutboxOp(
                device_id=device,
                record_type=record_type,
                record_id=obj.id,
                op=op,
                base_version=obj.version,
                fields=fields,
                created_at=now,
                updated_at=now,
            )
        )
    else:
        _coalesce(session, open_op, fields, now)
    session.add(
        AuditEntry(at=now, actor=actor, action=op, record_type=record_type, record_id=obj.id, detail=",".join(fields))
    )


def _open_op(session: Session, record_id: uuid.UUID) -> OutboxOp | None:
    return session.scalars(
        select(OutboxOp)
        .where(OutboxOp.record_id == record_id, OutboxOp.pushed_at.is_(None))
        .order_by(OutboxOp.seq.desc())
        .limit(1)
    ).first()


def _coalesce(session: Session, open_op: OutboxOp, fields: dict[str, dict[str, Any]], now: Any) -> None:
    merged = dict(open_op.fields)
    for key, change in fields.items():
        base = merged[key]["base"] if key in merged else change["base"]
        merged[key] = {"base": base, "new": change["new"]}
        if open_op.op != "insert" and merged[key]["base"] == merged[key]["new"]:
            del merged[key]  # edited back to the synced value: nothing left to send for this field
    if open_op.op != "insert":
        open_op.op = "delete" if merged.get("deleted", {}).get("new") is True else "update"
        if not merged:  # every field is back at its synced value (a tombstone undone, say): nothing to send
            session.delete(open_op)
            return
    open_op.fields = merged  # reassigned, not mutated, so the JSON column sees the change
    open_op.updated_at = now
