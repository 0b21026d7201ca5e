"""Applying one pushed op (docs/sync-protocol.md, "Push"): idempotent by op_id, merged field by field, in scope.

The caller runs each op in its own transaction holding the version counter (`Database.writing`); the op log entry
is written in that same transaction, so a repeated op_id returns the stored result and changes nothing. A refused op
is rolled back to a savepoint: nothing of it stays but its log entry.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.sync.merge import FieldChange, MergeStatus, merge_fields, same_value
from app.sync.schema import CONFLICT_TYPE, RecordType, record_type
from server.core.db import VersionCounter
from server.models import Record
from server.models.base import utcnow
from server.services import audit, batch, blobs, conflicts, records, rejections, reviews
from server.services.fields import check_value, field_specs
from server.services.principal import Principal
from server.services.rejections import Rejected
from server.services.scope import CASE_TYPE, PLAN_TYPE, may_see_placement, place, sees_record

RESOLVE = "resolve"


@dataclass(frozen=True)
class PushOp:
    op_id: uuid.UUID
    seq: int
    record_type: str
    record_id: uuid.UUID
    op: str  # insert | update | delete | resolve
    base_version: int
    fields: dict[str, FieldChange]


@dataclass(frozen=True)
class Outcome:
    status: MergeStatus
    version: int | None
    conflicts: tuple[uuid.UUID, ...] = ()


def push_op(session: Session, counter: VersionCounter, principal: Principal, op: PushOp) -> dict[str, Any]:
    """The op's result as the wire carries it; a replay returns the stored result."""
    stored = batch.logged_op(session, op.op_id)
    if stored is not None:
        user_id, stored_result = stored
        if user_id != principal.user_id:
            return _rejected(op, rejections.duplicate_op())
        return {**stored_result, "replayed": True}
    mark = counter.value
    savepoint = session.begin_nested()
    try:
        with audit.collecting(session) as entries:
            outcome = _apply(session, counter, principal, op)
    except Rejected as exc:
        savepoint.rollback()
        batch.refused(session)
        counter.value = mark
        entries = []
        result = _rejected(op, exc)
    else:
        savepoint.commit()
        result = {
            "op_id": str(op.op_id),
            "status": outcome.status.value,
            "version": outcome.version,
            "conflicts": [str(c) for c in outcome.conflicts],
            "replayed": False,
            "code": None,
            "message_zh": None,
            "message_en": None,
        }
    assert principal.device_id is not None
    row = {
        "op_id": op.op_id,
        "user_id": principal.user_id,
        "device_id": principal.device_id,
        "seq": op.seq,
        "record_type": op.record_type[:40],
        "record_id": op.record_id,
        "status": result["status"],
        "result": result,
        "created_at": utcnow(),
    }
    batch.log_op(session, row, entries)
    return result


def _rejected(op: PushOp, exc: Rejected) -> dict[str, Any]:
    return {
        "op_id": str(op.op_id),
        "status": "rejected",
        "version": None,
        "conflicts": [],
        "replayed": False,
        "code": exc.code,
        "message_zh": exc.message_zh,
        "message_en": exc.message_en,
    }


def _apply(session: Session, counter: VersionCounter, principal: Principal, op: PushOp) -> Outcome:
    if op.op == RESOLVE or op.record_type == CONFLICT_TYPE:
        if op.op != RESOLVE or op.record_type != CONFLICT_TYPE:
            raise rejections.invalid(
                "處理衝突的操作需為 op = resolve、record_type = sync_conflict。",
                "A resolution has op 'resolve' and record_type 'sync_conflict'.",
            )
        version = conflicts.resolve(session, counter, principal, op.record_id, op.fields)
        return Outcome(MergeStatus.APPLIED, version)
    kind = record_type(op.record_type)
    if kind is None:
        raise rejections.unknown_type(op.record_type)
    changes = _checked_changes(kind, op.fields)
    current = batch.record(session, op.record_id)
    if current is None:
        return _create(session, counter, principal, kind, op, changes)
    if current.record_type != kind.name or not sees_record(session, principal, current.id):
        raise rejections.out_of_scope()
    return _change(session, counter, principal, kind, op, current, changes)


def _checked_changes(kind: RecordType, fields: dict[str, FieldChange]) -> dict[str, FieldChange]:
    specs = field_specs(kind.name)
    unknown = [name for name in fields if name not in specs]
    if unknown:
        raise rejections.unknown_fields(kind.name, unknown)
    checked = {}
    for name, change in fields.items():
        try:
            checked[name] = FieldChange(base=change.base, new=check_value(specs[name], change.new))
        except ValidationError as exc:
            raise rejections.invalid(exc.message_zh, exc.message_en) from exc
    return checked


def _create(
    session: Session,
    counter: VersionCounter,
    principal: Principal,
    kind: RecordType,
    op: PushOp,
    changes: dict[str, FieldChange],
) -> Outcome:
    """A record the server never saw (an insert, or an update of one it never received): every field as sent."""
    specs = field_specs(kind.name)
    missing = [name for name, spec in specs.items() if spec.required and name not in changes]
    if missing:
        raise rejections.incomplete(kind.name, missing)
    data = {name: spec.default for name, spec in specs.items()}
    data.update({name: change.new for name, change in changes.items()})
    placement = place(session, kind, op.record_id, data, principal.team_id)
    records.check_role_may_write(principal, kind, data)
    records.check_anchors_exist(session, kind, data)
    if kind.name == reviews.REVIEW_TYPE:
        reviews.check_new_review(session, principal, data)
    elif kind.name == reviews.NOTE_TYPE:
        reviews.check_note_cases(session, principal, data.get("case_ids"))
    blob = blobs.attachment_hash(kind.name, data)
    if kind.name == CASE_TYPE:
        _check_new_case(session, principal, data, placement.client_id)
    elif not may_see_placement(session, principal, kind, placement):
        raise rejections.out_of_scope()
    now = utcnow()
    record = Record(
        id=op.record_id,
        record_type=kind.name,
        version=counter.take(),
        data=data,
        deleted=data.get("deleted") is True,
        case_id=placement.case_id,
        client_id=placement.client_id,
        parent_id=placement.parent_id,
        team_id=placement.team_id,
        anchored=placement.anchored,
        blob_sha256=blob,
        created_by=principal.username,
        created_at=now,
        updated_at=now,
        updated_by=principal.username,
    )
    session.add(record)
    batch.created(session, record)
    if kind.name == CASE_TYPE:
        records.case_created(session, counter, record)
    elif kind.name == PLAN_TYPE:
        records.plan_created(session, counter, record)
    audit.record(session, principal, audit.Action.WRITE, record_type=kind.name, record_id=record.id, detail="insert")
    return Outcome(MergeStatus.APPLIED, record.version)


def _check_new_case(session: Session, principal: Principal, data: dict[str, Any], client_id: uuid.UUID | None) -> None:
    """A new case is its creator's own, for a client that is theirs or new to the server."""
    if not principal.is_case_manager or data.get(records.OWNER) != principal.username:
        raise rejections.out_of_scope()
    if client_id is None:
        return
    owners = {access.owner for access in batch.client_access(session, client_id)}
    if owners:
        if principal.username not in owners:
            raise rejections.out_of_scope()
        return
    client = batch.record(session, client_id)
    if client is not None and client.created_by != principal.username:
        raise rejections.out_of_scope()


def _change(
    session: Session,
    counter: VersionCounter,
    principal: Principal,
    kind: RecordType,
    op: PushOp,
    current: Record,
    changes: dict[str, FieldChange],
) -> Outcome:
    effective = [name for name, change in changes.items() if not same_value(current.data.get(name), change.new)]
    records.check_role_may_write(principal, kind, effective)
    records.check_mutable(kind, current.data, effective)
    _check_type_rules(session, principal, kind, current, {name: changes[name].new for name in effective})
    merge = merge_fields(current.data, current.version, op.base_version, changes)
    access = batch.case_access(session, current.id) if kind.name == CASE_TYPE else None
    target = None
    if access is not None and records.OWNER in merge.applied:
        target = records.transfer_target(session, principal, access, merge.content[records.OWNER])
    theirs_by = current.updated_by
    if merge.changed:
        records.set_content(current, merge.content, counter.take(), principal)
    conflict_ids = tuple(
        conflicts.create(session, counter, principal, current, conflict, theirs_by) for conflict in merge.conflicts
    )
    if access is not None and target is not None:
        records.transfer(session, counter, principal, current, access, target)
    if merge.changed or conflict_ids:
        audit.record(
            session,
            principal,
            audit.Action.WRITE,
            record_type=kind.name,
            record_id=current.id,
            detail=f"{merge.status.value}: {', '.join(merge.applied) or '-'}",
        )
    return Outcome(merge.status, current.version, conflict_ids)


def _check_type_rules(
    session: Session, principal: Principal, kind: RecordType, current: Record, changed: dict[str, Any]
) -> None:
    """The rules of a few record types about who may change what (server.services.reviews)."""
    if kind.name == reviews.REVIEW_TYPE:
        reviews.check_review_change(principal, current.data, changed)
    elif kind.name == CASE_TYPE and principal.is_case_manager:
        reviews.check_closing(session, current, changed)
    elif kind.name == reviews.NOTE_TYPE and "case_ids" in changed:
        reviews.check_note_cases(session, principal, changed["case_ids"])
