"""Changing a stored record and what follows from it: the guards every change passes (anchors that must exist and
never move, roles, final records), new versions, a new case anchoring its client, and a case transfer (移案) moving
the case to another caseload.

Whenever a record becomes visible to someone who could not see it before, it takes a new version: a device whose
cursor is already past the old version would otherwise never receive it (docs/sync-protocol.md, "Scope changes").
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app.models.sync import SUPERVISOR_CASE_FIELDS, SUPERVISOR_WRITABLE
from app.store.tracking import MUTABLE_WHEN_FINAL
from app.sync.merge import DELETED
from app.sync.schema import APPEND_ONLY_TYPES, FINAL_STATUS, FINALISABLE_TYPES, Anchor, RecordType
from server.core.db import VersionCounter
from server.models import CaseAccess, Record, Role, ScopeEvent, SyncConflict, User
from server.models.base import utcnow
from server.services import audit, batch, rejections
from server.services.principal import Principal
from server.services.scope import CASE_TYPE, PLAN_CHILD_TYPES, PLAN_TYPE

OWNER = "owner"
# The fields that say where a record hangs; they are fixed once the record exists.
ANCHOR_FIELDS: dict[Anchor, frozenset[str]] = {
    Anchor.GLOBAL: frozenset(),
    Anchor.CLIENT: frozenset(),
    Anchor.CLIENT_CHILD: frozenset({"client_id"}),
    Anchor.CASE: frozenset({"client_id"}),
    Anchor.CASE_CHILD: frozenset({"case_id"}),
    Anchor.PLAN_CHILD: frozenset({"plan_id"}),
    Anchor.CASE_OR_CLIENT: frozenset({"case_id", "client_id"}),
    Anchor.CASE_OR_TEAM: frozenset({"case_id"}),
}


# What each anchor field names: the record type that must already be on the server.
ANCHOR_PARENTS = {"case_id": CASE_TYPE, "client_id": "client", "plan_id": PLAN_TYPE}
_PARENT_LABELS = {
    "case_id": ("個案", "case"),
    "client_id": ("個案基本資料", "client"),
    "plan_id": ("服務計畫", "service plan"),
}


def check_anchors_exist(session: Session, kind: RecordType, data: dict[str, Any]) -> None:
    """A new record may only hang from records the server holds: its case, client or plan must have arrived first
    (earlier in the same push is fine: ops apply in order). A child of a case the server refused would otherwise be
    kept where no other laptop could ever apply it, its parent never arriving."""
    for field in sorted(ANCHOR_FIELDS[kind.anchor]):
        value = data.get(field)
        if value is None:
            continue
        parent = batch.record(session, uuid.UUID(str(value)))
        if parent is None or parent.record_type != ANCHOR_PARENTS[field]:
            zh, en = _PARENT_LABELS[field]
            raise rejections.missing_anchor(zh, en)


def check_role_may_write(principal: Principal, kind: RecordType, changed: Iterable[str]) -> None:
    """A supervisor writes supervision notes and hand-overs, and may move a case to another owner; an admin
    writes no records. Resolving conflicts is checked separately (a supervisor may resolve any in the team)."""
    if principal.is_case_manager:
        return
    if principal.is_supervisor:
        if kind.name in SUPERVISOR_WRITABLE:
            return
        if kind.name == CASE_TYPE and set(changed) <= SUPERVISOR_CASE_FIELDS:
            return
    raise rejections.read_only()


def check_mutable(kind: RecordType, current: dict[str, Any], changed: Iterable[str]) -> None:
    """Anchors never move; append-only records change only their tombstone; final records only the fields the
    store itself lets change (registered_on, the tombstone)."""
    changed = set(changed)
    moved = changed & ANCHOR_FIELDS[kind.anchor]
    if moved:
        raise rejections.anchor_changed(sorted(moved))
    if kind.name in APPEND_ONLY_TYPES and changed - {DELETED}:
        raise rejections.final()
    if kind.name in FINALISABLE_TYPES and current.get("status") == FINAL_STATUS and changed - MUTABLE_WHEN_FINAL:
        raise rejections.final()


def set_content(record: Record, content: dict[str, Any], version: int, principal: Principal) -> None:
    record.data = content
    record.deleted = content.get(DELETED) is True
    record.version = version
    record.updated_at = utcnow()
    record.updated_by = principal.username


def reversion(session: Session, counter: VersionCounter, query: Select[Record], *, anchor: bool) -> list[uuid.UUID]:
    """Give every record the query finds a new version (and mark it anchored); their ids."""
    ids = []
    for record in session.scalars(query.order_by(Record.version)):
        record.version = counter.take()
        if anchor:
            record.anchored = True
        ids.append(record.id)
    _reversion_conflicts(session, counter, ids)
    return ids


def _reversion_conflicts(session: Session, counter: VersionCounter, record_ids: list[uuid.UUID]) -> None:
    if not record_ids:
        return
    query = select(SyncConflict).where(SyncConflict.record_id.in_(record_ids)).order_by(SyncConflict.version)
    for conflict in session.scalars(query):
        conflict.version = counter.take()


def case_created(session: Session, counter: VersionCounter, case: Record) -> CaseAccess:
    """Record who the new case belongs to and anchor what already hangs from it (or from its client)."""
    owner = str(case.data[OWNER])
    team_id = batch.team_of(session, owner)
    assert case.client_id is not None
    earlier = [(row.owner, row.team_id) for row in batch.client_access(session, case.client_id)]
    access = CaseAccess(case_id=case.id, client_id=case.client_id, owner=owner, team_id=team_id)
    session.add(access)
    session.flush()
    batch.case_created(session, access)
    waiting = select(Record).where(Record.case_id == case.id, Record.anchored.is_(False))
    reversion(session, counter, waiting, anchor=True)
    if (owner, team_id) not in earlier:
        reversion(session, counter, _client_level(case.client_id), anchor=True)
    return access


def plan_created(session: Session, counter: VersionCounter, plan: Record) -> None:
    """Goals and items that arrived before their plan now hang from the plan's case. (Since anchors are checked
    (`check_anchors_exist`) none arrive first; this anchors those a server before that check accepted.)"""
    query = select(Record).where(
        Record.parent_id == plan.id, Record.record_type.in_(sorted(PLAN_CHILD_TYPES)), Record.case_id.is_(None)
    )
    for child in session.scalars(query):
        child.case_id = plan.case_id
        if plan.anchored and not child.anchored:
            child.anchored = True
            child.version = counter.take()
            _reversion_conflicts(session, counter, [child.id])


def _client_level(client_id: uuid.UUID) -> Select[Record]:
    return select(Record).where(Record.case_id.is_(None), Record.client_id == client_id)


def transfer_target(session: Session, principal: Principal, access: CaseAccess, new_owner: Any) -> User:
    """移案 is allowed to the case's owner and to their supervisor, towards another existing case manager."""
    if principal.is_case_manager and access.owner != principal.username:
        raise rejections.out_of_scope()
    if principal.is_supervisor and access.team_id != principal.team_id:
        raise rejections.out_of_scope()
    if principal.is_admin:
        raise rejections.read_only()
    target = session.scalar(select(User).where(User.username == str(new_owner), User.role == Role.CASE_MANAGER))
    if target is None:
        raise rejections.bad_transfer(str(new_owner))
    return target


def transfer(
    session: Session, counter: VersionCounter, principal: Principal, case: Record, access: CaseAccess, target: User
) -> None:
    """Move the case to `target`'s caseload: everything of the case and its client takes a new version (so the new
    owner pulls it), and the old owner (and the old team, when the team changes) gets a scope removal."""
    old_owner, old_team = access.owner, access.team_id
    access.owner, access.team_id = target.username, target.team_id
    session.flush()
    batch.access_changed(session)
    reversion(session, counter, select(Record).where(Record.case_id == case.id, Record.id != case.id), anchor=False)
    _reversion_conflicts(session, counter, [case.id])
    reversion(session, counter, _client_level(access.client_id), anchor=False)
    session.add(
        ScopeEvent(
            version=counter.take(),
            case_id=case.id,
            client_id=access.client_id,
            removed_owner=old_owner if old_owner != target.username else None,
            removed_team_id=old_team if old_team != target.team_id else None,
            created_by=principal.username,
        )
    )
    audit.record(
        session,
        principal,
        audit.Action.WRITE,
        record_type=CASE_TYPE,
        record_id=case.id,
        detail=f"transfer {old_owner} → {target.username}",
    )
