"""Conflicts and rejected edits as the user sees them, and choosing a conflict's value (docs/sync-protocol.md).

Resolving is itself an operation: it goes into the outbox (op "resolve" on the `sync_conflict` record) and reaches
the server with the next sync; until then the conflict shows the chosen value as pending, and the record shows it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from app.errors import RuleError, ValidationError
from app.models.base import utcnow
from app.models.local import AuditEntry, OutboxOp
from app.models.sync import RejectedEdit, SyncConflict
from app.store.store import Store
from app.store.tracking import INFO_APPLYING_SYNC
from app.store.values import to_json_value
from app.sync.schema import CONFLICT_TYPE, record_type
from app.sync.values import from_json_value


@dataclass(frozen=True)
class ConflictView:
    """同步衝突 as shown to the user: the field, the common base, both values, and who wrote each."""

    id: uuid.UUID
    record_type: str
    record_id: uuid.UUID
    field: str
    base: Any
    mine: Any  # the later pusher's value
    theirs: Any  # the value the server kept
    mine_by: str
    theirs_by: str
    created_at: datetime | None
    resolved: bool
    resolved_value: Any
    resolved_by: str | None
    pending: bool  # a resolution chosen here is waiting for the next sync
    pending_value: Any


@dataclass(frozen=True)
class RejectedEditView:
    """被退回的修改: an edit the server refused, with the values the user typed and the server's reason."""

    id: uuid.UUID
    record_type: str
    record_id: uuid.UUID
    op: str
    fields: dict[str, Any]  # field → {"base": …, "new": …}
    code: str
    message_zh: str
    message_en: str
    rejected_at: datetime
    dismissed: bool


def _conflict_view(row: SyncConflict) -> ConflictView:
    return ConflictView(
        id=row.id,
        record_type=row.record_type,
        record_id=row.record_id,
        field=row.field,
        base=row.base,
        mine=row.mine,
        theirs=row.theirs,
        mine_by=row.mine_by,
        theirs_by=row.theirs_by,
        created_at=row.created_at,
        resolved=row.resolved,
        resolved_value=row.resolved_value,
        resolved_by=row.resolved_by,
        pending=row.pending_op_id is not None,
        pending_value=row.pending_value,
    )


def open_conflicts(store: Store, record_id: uuid.UUID | None = None) -> list[ConflictView]:
    """Unresolved conflicts (those with a pending local resolution included), oldest first; of one record if given."""
    with store.transaction() as session:
        query = select(SyncConflict).where(SyncConflict.resolved.is_(False))
        if record_id is not None:
            query = query.where(SyncConflict.record_id == record_id)
        rows = session.scalars(query.order_by(SyncConflict.created_at, SyncConflict.version))
        return [_conflict_view(row) for row in rows]


def conflict(store: Store, conflict_id: uuid.UUID) -> ConflictView | None:
    with store.transaction() as session:
        row = session.get(SyncConflict, conflict_id)
        return None if row is None else _conflict_view(row)


def open_conflict_count(store: Store) -> int:
    with store.transaction() as session:
        return int(
            session.scalar(select(func.count()).select_from(SyncConflict).where(SyncConflict.resolved.is_(False))) or 0
        )


def resolve_conflict(store: Store, conflict_id: uuid.UUID, value: Any) -> None:
    """Choose the value that ends a conflict (usually its `mine` or `theirs`); sent with the next sync.

    The record shows the chosen value at once. Choosing again before the sync replaces the earlier choice.
    """
    chosen = to_json_value(value)
    with store.transaction() as session:
        # The record changes as the resolution says; the resolve op carries it, so no ordinary edit op is made.
        session.info[INFO_APPLYING_SYNC] = True
        row = session.get(SyncConflict, conflict_id)
        if row is None:
            raise RuleError("找不到這筆同步衝突。", "No such sync conflict.")
        if row.resolved:
            raise RuleError("這筆同步衝突已經處理過了。", "This sync conflict has already been resolved.")
        spec = record_type(row.record_type)
        typed: Any = None
        if spec is not None and row.field in spec.fields:
            try:
                typed = from_json_value(spec.model, row.field, chosen)
            except (TypeError, ValueError) as exc:
                raise ValidationError(
                    row.field, "選擇的值格式不正確。", "The chosen value has the wrong form."
                ) from exc
        fields = {"value": {"base": row.theirs, "new": chosen}}
        op = session.scalar(
            select(OutboxOp).where(
                OutboxOp.record_type == CONFLICT_TYPE, OutboxOp.record_id == row.id, OutboxOp.pushed_at.is_(None)
            )
        )
        now = utcnow()
        if op is None:
            op = OutboxOp(
                device_id=store.device_id,
                record_type=CONFLICT_TYPE,
                record_id=row.id,
                op="resolve",
                base_version=row.version,
                fields=fields,
                created_at=now,
                updated_at=now,
            )
            session.add(op)
        else:
            op.fields = fields
            op.updated_at = now
        row.pending_value = chosen
        row.pending_op_id = op.op_id
        record = session.get(spec.model, row.record_id) if spec is not None else None
        if record is not None and spec is not None and row.field in spec.fields:
            setattr(record, row.field, typed)
        session.add(
            AuditEntry(
                at=now,
                actor=store.actor,
                action="resolve",
                record_type=row.record_type,
                record_id=row.record_id,
                detail=row.field,
            )
        )


def rejected_edits(store: Store, *, include_dismissed: bool = False) -> list[RejectedEditView]:
    with store.transaction() as session:
        query = select(RejectedEdit).order_by(RejectedEdit.rejected_at, RejectedEdit.seq)
        if not include_dismissed:
            query = query.where(RejectedEdit.dismissed_at.is_(None))
        return [
            RejectedEditView(
                id=row.id,
                record_type=row.record_type,
                record_id=row.record_id,
                op=row.op,
                fields=dict(row.fields),
                code=row.code,
                message_zh=row.message_zh,
                message_en=row.message_en,
                rejected_at=row.rejected_at,
                dismissed=row.dismissed_at is not None,
            )
            for row in session.scalars(query)
        ]


def dismiss_rejected_edit(store: Store, edit_id: uuid.UUID) -> None:
    """The user has read it; it stays in the store (hidden) rather than being deleted."""
    with store.transaction() as session:
        row = session.get(RejectedEdit, edit_id)
        if row is not None and row.dismissed_at is None:
            row.dismissed_at = utcnow()


def pending_count(store: Store) -> int:
    """Local edits (and resolutions) not yet settled by the server."""
    with store.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(OutboxOp)) or 0)
