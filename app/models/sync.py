"""Local-only sync state: conflicts mirrored from the server, edits the server refused, staged pulled pages, and
which pulled records are read-only here.

None of these rows sync as records (they carry no SyncMixin); they are what the sync client keeps between runs so
that no value a case manager typed is ever lost without them seeing it (docs/sync-protocol.md).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow


class SyncConflict(Base):
    """同步衝突: one field two sides changed to different values, as the server recorded it.

    `mine` is the later pusher's value, `theirs` the value the server kept. A resolution chosen on this laptop and
    not yet confirmed by the server is `pending_value` (with the outbox op that carries it in `pending_op_id`).
    """

    __tablename__ = "sync_conflict"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)  # the server's conflict id
    version: Mapped[int] = mapped_column(default=0)  # the server change sequence of its last change
    record_type: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[uuid.UUID] = mapped_column(index=True)
    field: Mapped[str] = mapped_column(String(64))
    base: Mapped[Any] = mapped_column(JSON, nullable=True)
    mine: Mapped[Any] = mapped_column(JSON, nullable=True)
    theirs: Mapped[Any] = mapped_column(JSON, nullable=True)
    mine_by: Mapped[str] = mapped_column(String(64), default="")
    theirs_by: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime | None]
    resolved: Mapped[bool] = mapped_column(default=False)
    resolved_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    resolved_by: Mapped[str | None] = mapped_column(String(64))
    resolved_at: Mapped[datetime | None]
    pending_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    pending_op_id: Mapped[uuid.UUID | None]


class RejectedEdit(Base):
    """被退回的修改: a local edit the server refused (out of scope, read-only, finalised record, bad value).

    Its values stay here until the user has seen them; the record itself goes back to what the server holds.
    """

    __tablename__ = "sync_rejected"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)  # the op_id of the refused operation
    seq: Mapped[int]
    record_type: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[uuid.UUID] = mapped_column(index=True)
    op: Mapped[str] = mapped_column(String(8))
    base_version: Mapped[int]
    fields: Mapped[dict[str, Any]]
    code: Mapped[str] = mapped_column(String(32), default="")
    message_zh: Mapped[str] = mapped_column(Text, default="")
    message_en: Mapped[str] = mapped_column(Text, default="")
    rejected_at: Mapped[datetime] = mapped_column(default=utcnow)
    dismissed_at: Mapped[datetime | None]


class SyncInboxItem(Base):
    """One pulled change, staged until the whole pull has arrived and is applied in one transaction."""

    __tablename__ = "sync_inbox"
    __table_args__ = {"sqlite_autoincrement": True}  # noqa: RUF012

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    version: Mapped[int]
    kind: Mapped[str] = mapped_column(String(16))  # record | conflict | scope_removal
    item: Mapped[dict[str, Any]]


# What a supervisor writes in the team's cases, which are otherwise read-only to them: the central service enforces it
# (server/services/records.py `check_role_may_write`) and the laptop's store refuses the rest before it is written
# (app.store.tracking `_guard_read_only`). Of a case, a supervisor changes only its owner (移案).
SUPERVISOR_WRITABLE = frozenset({"supervision_note", "case_transfer", "review"})
SUPERVISOR_CASE_FIELDS = frozenset({"owner"})


class ReadOnlyRecord(Base):
    """A pulled record this user may see but not change (a supervisor's view of a team case); the GUI locks it."""

    __tablename__ = "sync_read_only"

    record_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    record_type: Mapped[str] = mapped_column(String(40))
