"""Conflict records: written when a merge finds a field both sides changed, resolved by an op of their own.

A resolution sets the record's field to the chosen value as a new change and closes the conflict (who, when,
which value); the first resolution stands, a later one is refused with code `resolved`.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.sync.merge import FieldChange, FieldConflict, same_value
from app.sync.schema import record_type
from server.core.db import VersionCounter
from server.models import CaseAccess, Record, SyncConflict
from server.models.base import utcnow
from server.services import audit, records, rejections
from server.services.fields import check_value, field_specs
from server.services.principal import Principal
from server.services.scope import CASE_TYPE, sees_record

VALUE = "value"


def create(
    session: Session,
    counter: VersionCounter,
    principal: Principal,
    record: Record,
    conflict: FieldConflict,
    theirs_by: str,
) -> uuid.UUID:
    row = SyncConflict(
        id=uuid.uuid4(),
        version=counter.take(),
        record_type=record.record_type,
        record_id=record.id,
        field=conflict.field,
        base=conflict.base,
        mine=conflict.mine,
        theirs=conflict.theirs,
        mine_by=principal.username,
        theirs_by=theirs_by,
        created_at=utcnow(),
    )
    session.add(row)
    return row.id


def resolve(
    session: Session,
    counter: VersionCounter,
    principal: Principal,
    conflict_id: uuid.UUID,
    fields: Mapping[str, FieldChange],
) -> int:
    """Apply a resolution; the record's version after it."""
    if set(fields) != {VALUE}:
        raise rejections.invalid(
            "處理衝突的操作只能有一個欄位 value。", "A resolution carries exactly one field, 'value'."
        )
    conflict = session.get(SyncConflict, conflict_id)
    if conflict is None:
        raise rejections.unknown_conflict()
    if principal.is_admin or not sees_record(session, principal, conflict.record_id):
        raise rejections.out_of_scope()
    if conflict.resolved:
        raise rejections.already_resolved()
    record = session.get(Record, conflict.record_id)
    kind = record_type(conflict.record_type)
    assert record is not None and kind is not None
    try:
        value = check_value(field_specs(kind.name)[conflict.field], fields[VALUE].new)
    except ValidationError as exc:
        raise rejections.invalid(exc.message_zh, exc.message_en) from exc
    if not same_value(record.data.get(conflict.field), value):
        _apply(session, counter, principal, record, conflict.field, value)
    now = utcnow()
    conflict.resolved = True
    conflict.resolved_value = value
    conflict.resolved_by = principal.username
    conflict.resolved_at = now
    conflict.version = counter.take()
    audit.record(
        session,
        principal,
        audit.Action.RESOLVE,
        record_type=record.record_type,
        record_id=record.id,
        detail=f"conflict {conflict.id} field {conflict.field}",
    )
    return record.version


def _apply(
    session: Session, counter: VersionCounter, principal: Principal, record: Record, field: str, value: Any
) -> None:
    kind = record_type(record.record_type)
    assert kind is not None
    records.check_mutable(kind, record.data, [field])
    access = session.get(CaseAccess, record.id) if kind.name == CASE_TYPE else None
    target = None
    if access is not None and field == records.OWNER:
        target = records.transfer_target(session, principal, access, value)
    records.set_content(record, {**record.data, field: value}, counter.take(), principal)
    if access is not None and target is not None:
        records.transfer(session, counter, principal, record, access, target)
