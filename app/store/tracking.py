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
from app.store.values import to_json_value

# Columns that describe sync state rather than content; they never travel as changed fields.
SYNC_META = frozenset({"id", "version", "updated_at", "updated_by"})
# A finalised record may still be marked as entered into the national system.
MUTABLE_WHEN_FINAL = frozenset({"registered_on", "version", "updated_at", "updated_by"})

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
                changes = _changed_fields(obj)
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


def _changed_fields(obj: SyncMixin) -> dict[str, dict[str, Any]]:
    state = inspect(obj)
    changes: dict[str, dict[str, Any]] = {}
    for key in content_columns(obj):
        history = state.attrs[key].history
        if not history.has_changes():
            continue
        old = history.deleted[0] if history.deleted else None
        new = history.added[0] if history.added else None
        if to_json_value(old) != to_json_value(new):
            changes[key] = {"base": to_json_value(old), "new": to_json_value(new)}
    return changes


def _guard_final(obj: SyncMixin, changes: dict[str, dict[str, Any]]) -> None:
    """Finalised interview/service/supervision records are immutable; corrections are new records (DESIGN.md 3)."""
    status = changes.get("status", {}).get("base", getattr(obj, "status", None))
    if to_json_value(status) != RecordStatus.FINAL.value:
        return
    if set(changes) - MUTABLE_WHEN_FINAL:
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
        select(OutboxOp).where(OutboxOp.record_id == record_id, OutboxOp.pushed_at.is_(None)).limit(1)
    ).first()


def _coalesce(session: Session, open_op: OutboxOp, fields: dict[str, dict[str, Any]], now: Any) -> None:
    merged = dict(open_op.fields)
    for key, change in fields.items():
        base = merged[key]["base"] if key in merged else change["base"]
        merged[key] = {"base": base, "new": change["new"]}
        if open_op.op != "insert" and merged[key]["base"] == merged[key]["new"]:
            del merged[key]  # edited back to the synced value: nothing left to send for this field
    if not merged and open_op.op == "update":
        session.delete(open_op)
        return
    open_op.fields = merged  # reassigned, not mutated, so the JSON column sees the change
    if open_op.op != "insert":
        open_op.op = "delete" if merged.get("deleted", {}).get("new") is True else "update"
    open_op.updated_at = now
