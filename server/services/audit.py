"""Audit entries (個人資料保護法), written in the same transaction as the read or write they describe."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from enum import StrEnum

from sqlalchemy import insert
from sqlalchemy.orm import Session

from server.models import AuditLog
from server.models.base import utcnow
from server.services.principal import Principal


class Action(StrEnum):
    READ = "read"
    WRITE = "write"
    RESOLVE = "resolve"
    LOGIN = "login"
    LOGOUT = "logout"
    REVOKE = "revoke"


def record(
    session: Session,
    principal: Principal | None,
    action: Action,
    *,
    record_type: str = "",
    record_id: uuid.UUID | None = None,
    detail: str = "",
    username: str | None = None,
    address: str | None = None,
) -> None:
    session.add(
        AuditLog(
            at=utcnow(),
            username=username if username is not None else (principal.username if principal else ""),
            device_id=principal.device_id if principal else None,
            action=action.value,
            record_type=record_type,
            record_id=record_id,
            address=address if address is not None else (principal.address if principal else ""),
            detail=detail,
        )
    )


def reads(session: Session, principal: Principal, items: Iterable[tuple[str, uuid.UUID, str]]) -> None:
    """One `read` entry per (record_type, record_id, detail), in one statement: a pull page reads up to 1000."""
    now = utcnow()
    rows = [
        {
            "at": now,
            "username": principal.username,
            "device_id": principal.device_id,
            "action": Action.READ.value,
            "record_type": record_type,
            "record_id": record_id,
            "address": principal.address,
            "detail": detail,
        }
        for record_type, record_id, detail in items
    ]
    if rows:
        session.execute(insert(AuditLog), rows)
