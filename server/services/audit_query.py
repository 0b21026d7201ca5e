"""Reading the audit log (GET /api/v1/audit): who read or changed which record, when, from which device.

An administrator sees every entry. A supervisor sees the entries about records of their team's cases (and those
cases' clients), and the logins and logouts of their team's users; nothing of another team. Reading the log is itself
recorded, since it says whose files were opened.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, Final

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from app.services.clock import LOCAL_TZ
from server.models import AuditLog, CaseAccess, Device, Record, User
from server.services import audit
from server.services.principal import Principal

MAX_LIMIT: Final = 1000


@dataclass(frozen=True)
class AuditQuery:
    client_id: uuid.UUID | None = None  # the client's own record, their cases and everything of those cases
    username: str | None = None
    since: date | None = None  # a day in Taiwan, inclusive
    until: date | None = None  # inclusive
    limit: int = 200


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    username: str
    device_id: uuid.UUID | None
    device_name: str
    action: str
    record_type: str
    record_id: uuid.UUID | None
    client_id: uuid.UUID | None  # the client the record belongs to, when known
    address: str
    detail: str


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time(0), LOCAL_TZ)


def _in_team(principal: Principal) -> ColumnElement[bool]:
    """Entries a supervisor may read: about a record of the team's cases or clients, or a team member's login."""
    team_cases = select(CaseAccess.case_id).where(CaseAccess.team_id == principal.team_id)
    team_clients = select(CaseAccess.client_id).where(CaseAccess.team_id == principal.team_id)
    team_records = select(Record.id).where(
        or_(
            Record.case_id.in_(team_cases),
            and_(Record.case_id.is_(None), Record.client_id.in_(team_clients)),
            and_(Record.case_id.is_(None), Record.client_id.is_(None), Record.team_id == principal.team_id),
        )
    )
    team_users = select(User.username).where(User.team_id == principal.team_id)
    return or_(
        AuditLog.record_id.in_(team_records),
        and_(AuditLog.record_id.is_(None), AuditLog.username.in_(team_users)),
    )


def _of_client(client_id: uuid.UUID) -> ColumnElement[bool]:
    cases = select(CaseAccess.case_id).where(CaseAccess.client_id == client_id)
    records = select(Record.id).where(or_(Record.client_id == client_id, Record.case_id.in_(cases)))
    return AuditLog.record_id.in_(records)


def audit_entries(session: Session, principal: Principal, query: AuditQuery) -> tuple[list[AuditRow], bool]:
    """The newest entries matching `query` that this user may read (a supervisor or an admin), and whether there
    are more than `limit` of them."""
    conditions: list[ColumnElement[bool]] = []
    if not principal.is_admin:
        conditions.append(_in_team(principal))
    if query.client_id is not None:
        conditions.append(_of_client(query.client_id))
    if query.username:
        conditions.append(AuditLog.username == query.username)
    if query.since is not None:
        conditions.append(AuditLog.at >= _start_of(query.since))
    if query.until is not None:
        conditions.append(AuditLog.at < _start_of(query.until + timedelta(days=1)))
    limit = max(1, min(query.limit, MAX_LIMIT))
    rows = session.execute(
        select(
            AuditLog, Device.name, func.coalesce(Record.client_id, CaseAccess.client_id), Record.record_type, Record.id
        )
        .outerjoin(Device, Device.id == AuditLog.device_id)
        .outerjoin(Record, Record.id == AuditLog.record_id)
        .outerjoin(CaseAccess, CaseAccess.case_id == Record.case_id)
        .where(*conditions)
        .order_by(AuditLog.at.desc(), AuditLog.id.desc())
        .limit(limit + 1)
    ).all()
    found = [_row(entry, name, client_id, kind, record_id) for entry, name, client_id, kind, record_id in rows[:limit]]
    detail = " ".join(
        f"{key}={value}"
        for key, value in (
            ("client", query.client_id),
            ("user", query.username),
            ("since", query.since),
            ("until", query.until),
        )
        if value
    )
    audit.record(session, principal, audit.Action.READ, record_type="audit_log", detail=f"audit {detail}".strip())
    return found, len(rows) > limit


def _row(entry: AuditLog, device_name: Any, client_id: Any, kind: Any, record_id: Any) -> AuditRow:
    # A client record is the client; the others name it, or their case does.
    client = record_id if kind == "client" else client_id
    return AuditRow(
        id=entry.id,
        at=entry.at,
        username=entry.username,
        device_id=entry.device_id,
        device_name=str(device_name or ""),
        action=entry.action,
        record_type=entry.record_type,
        record_id=entry.record_id,
        client_id=client,
        address=entry.address,
        detail=entry.detail,
    )
