"""Audit entries (個人資料保護法), written in the same transaction as the read or write they describe."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from server.models import AuditLog
from server.models.base import utcnow
from server.services.principal import Principal

# session.info key: the list `collecting` gathers entries into.
_COLLECTED = "fieldcase.audit_collected"


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
    row = {
        "at": utcnow(),
        "username": username if username is not None else (principal.username if principal else ""),
        "device_id": principal.device_id if principal else None,
        "action": action.value,
        "record_type": record_type,
        "record_id": record_id,
        "address": address if address is not None else (principal.address if principal else ""),
        "detail": detail,
    }
    collected: list[dict[str, Any]] | None = session.info.get(_COLLECTED)
    if collected is not None:
        collected.append(row)
    else:
        session.add(AuditLog(**row))


@contextmanager
def collecting(session: Session) -> Iterator[list[dict[str, Any]]]:
    """The entries `record` writes inside, as rows for the caller to insert (`insert_rows`) in the same transaction
    instead of one INSERT each: a push batch inserts those of its accepted ops together, and drops those of a refused
    op with the rest of it."""
    if _COLLECTED in session.info:
        raise RuntimeError("audit entries are already being collected in this session")
    rows: list[dict[str, Any]] = []
    session.info[_COLLECTED] = rows
    try:
        yield rows
    finally:
        del session.info[_COLLECTED]


def insert_rows(session: Session, rows: list[dict[str, Any]]) -> None:
    if rows:
        session.execute(insert(AuditLog), rows)


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
    insert_rows(session, rows)
