"""Who may see which record (docs/sync-protocol.md, "scope"), as SQL for pulls and as checks for pushes.

A case manager sees the cases they own (`case_access.owner`), those cases' clients and everything anchored to
them (app.sync.schema.ANCHORS); a supervisor sees every case of their team; an admin sees no personal data. The
service-unit directory is everyone's. Supervision notes without a case belong to the author's team. A client with no
case on the server yet (and what hangs from that client) is seen by its creator alone until a case anchors it; a
record whose case, client or plan the server does not hold at all is refused (`records.check_anchors_exist`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, false, or_, select
from sqlalchemy.orm import Session

from app.models.sync import SUPERVISOR_WRITABLE
from app.sync.schema import ANCHORS, Anchor, RecordType
from server.models import CaseAccess, Record, ScopeEvent, SyncConflict
from server.services import batch
from server.services.principal import Principal

GLOBAL_TYPES = frozenset(name for name, anchor in ANCHORS.items() if anchor is Anchor.GLOBAL)
PLAN_CHILD_TYPES = frozenset(name for name, anchor in ANCHORS.items() if anchor is Anchor.PLAN_CHILD)
PLAN_TYPE = "service_plan"
CASE_TYPE = "case"
# What a supervisor may write besides resolving conflicts: supervision notes, a hand-over (移案) of a team case, and
# the decision of a submission (送審; server.services.reviews says which fields).


def _access(principal: Principal) -> ColumnElement[bool]:
    if principal.is_case_manager:
        return CaseAccess.owner == principal.username
    return CaseAccess.team_id == principal.team_id


def visible_records(principal: Principal) -> ColumnElement[bool]:
    """The WHERE clause of every record this user may see."""
    directory = Record.record_type.in_(sorted(GLOBAL_TYPES))
    if principal.is_admin:
        return directory
    access = _access(principal)
    return or_(
        directory,
        and_(Record.anchored, Record.case_id.in_(select(CaseAccess.case_id).where(access))),
        and_(
            Record.anchored, Record.case_id.is_(None), Record.client_id.in_(select(CaseAccess.client_id).where(access))
        ),
        and_(
            Record.anchored, Record.case_id.is_(None), Record.client_id.is_(None), Record.team_id == principal.team_id
        ),
        and_(Record.anchored.is_(False), Record.created_by == principal.username),
    )


def visible_conflicts(principal: Principal) -> ColumnElement[bool]:
    """Conflicts follow their record: whoever sees the record sees its conflicts."""
    if principal.is_admin:
        return false()
    return SyncConflict.record_id.in_(select(Record.id).where(visible_records(principal)))


def visible_scope_events(principal: Principal) -> ColumnElement[bool]:
    if principal.is_case_manager:
        return ScopeEvent.removed_owner == principal.username
    if principal.is_supervisor:
        return ScopeEvent.removed_team_id == principal.team_id
    return false()


def sees_record(session: Session, principal: Principal, record_id: uuid.UUID) -> bool:
    found = session.scalar(select(Record.id).where(Record.id == record_id, visible_records(principal)))
    return found is not None


def read_only(principal: Principal, record_type: str) -> bool:
    """What the pull marks read-only: a supervisor's view of everything but supervision notes, an admin's of all."""
    if principal.is_case_manager:
        return False
    if principal.is_supervisor:
        return record_type not in SUPERVISOR_WRITABLE
    return True


@dataclass(frozen=True)
class Placement:
    """Where a record hangs, for scope: the columns of the same names on `record`."""

    case_id: uuid.UUID | None = None
    client_id: uuid.UUID | None = None
    parent_id: uuid.UUID | None = None
    team_id: int | None = None
    anchored: bool = True


def _uuid(value: Any) -> uuid.UUID | None:
    return None if value is None else uuid.UUID(str(value))


def place(
    session: Session, kind: RecordType, record_id: uuid.UUID, data: dict[str, Any], team_id: int | None
) -> Placement:
    """Where a record with this content hangs; `team_id` is its author's team (supervision notes without case)."""
    anchor = kind.anchor
    if anchor is Anchor.GLOBAL:
        return Placement()
    if anchor is Anchor.CLIENT:
        return _under_client(session, record_id, parent=None)
    if anchor is Anchor.CLIENT_CHILD:
        client_id = _uuid(data.get("client_id"))
        return _under_client(session, client_id, parent=client_id) if client_id else Placement(anchored=False)
    if anchor is Anchor.CASE:
        return Placement(case_id=record_id, client_id=_uuid(data.get("client_id")), anchored=True)
    if anchor is Anchor.PLAN_CHILD:
        plan_id = _uuid(data.get("plan_id"))
        plan = batch.record(session, plan_id) if plan_id else None
        if plan is None or plan.record_type != PLAN_TYPE:
            return Placement(parent_id=plan_id, anchored=False)
        return Placement(case_id=plan.case_id, parent_id=plan_id, anchored=plan.anchored)
    case_id = _uuid(data.get("case_id"))
    if case_id is not None:
        return _under_case(session, case_id)
    if anchor is Anchor.CASE_OR_CLIENT:
        client_id = _uuid(data.get("client_id"))
        return _under_client(session, client_id, parent=client_id) if client_id else Placement(anchored=False)
    if anchor is Anchor.CASE_OR_TEAM:
        return Placement(team_id=team_id, anchored=True)
    return Placement(anchored=False)  # a case child without its case id: its creator's alone


def _under_case(session: Session, case_id: uuid.UUID) -> Placement:
    return Placement(case_id=case_id, parent_id=case_id, anchored=batch.case_access(session, case_id) is not None)


def _under_client(session: Session, client_id: uuid.UUID, parent: uuid.UUID | None) -> Placement:
    has_case = bool(batch.client_access(session, client_id))
    return Placement(client_id=client_id, parent_id=parent, anchored=has_case)


def may_see_placement(session: Session, principal: Principal, kind: RecordType, placement: Placement) -> bool:
    """Whether a record placed so would be visible to this user (the Python twin of `visible_records`, for records
    not written yet). An unanchored record is its creator's, unless what it hangs from is someone else's."""
    if kind.name in GLOBAL_TYPES:
        return True
    if principal.is_admin:
        return False
    if not placement.anchored:
        if placement.parent_id is None:
            return True
        parent = batch.record(session, placement.parent_id)
        return parent is None or parent.created_by == principal.username
    if placement.case_id is not None:
        access = batch.case_access(session, placement.case_id)
        return access is not None and _grants(principal, access)
    if placement.client_id is not None:
        return any(_grants(principal, access) for access in batch.client_access(session, placement.client_id))
    return placement.team_id == principal.team_id


def _grants(principal: Principal, access: CaseAccess) -> bool:
    if principal.is_case_manager:
        return access.owner == principal.username
    return principal.is_supervisor and access.team_id == principal.team_id
