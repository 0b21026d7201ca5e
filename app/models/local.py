"""Tables that never sync as records: the outbox of local edits, the local audit log, and store metadata."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow


class OutboxOp(Base):
    """One pending local edit of one record (DESIGN.md, sync protocol point 1).

    `seq` is the per-device sequence (push order). `fields` maps each changed field to {"base": ..., "new": ...}
    where "base" is the value at the last sync, so the server can do a field-level three-way merge. Edits to the
    same record coalesce into its open (not yet pushed) operation.
    """

    __tablename__ = "outbox"
    # AUTOINCREMENT: a sequence number is never handed out twice, even after the newest operation was deleted
    # (coalesced away, or acknowledged by the server); the server orders a device's operations by it.
    __table_args__ = {"sqlite_autoincrement": True}  # noqa: RUF012

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    op_id: Mapped[uuid.UUID] = mapped_column(unique=True, default=uuid.uuid4)
    device_id: Mapped[str] = mapped_column(String(64))
    record_type: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[uuid.UUID] = mapped_column(index=True)
    op: Mapped[str] = mapped_column(String(8))  # insert | update | delete
    base_version: Mapped[int]
    fields: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    pushed_at: Mapped[datetime | None]  # set while in flight; a pushed op is no longer coalesced into


class AuditEntry(Base):
    """Local audit log: who did what to which record on this laptop (個人資料保護法)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))  # insert, update, delete, open, export, print …
    record_type: Mapped[str] = mapped_column(String(40), default="")
    record_id: Mapped[uuid.UUID | None]
    detail: Mapped[str] = mapped_column(Text, default="")


class StoreMeta(Base):
    """Key-value facts about this store: device id, creation time, schema notes."""

    __tablename__ = "store_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
