"""The synced records, who may see them, the change sequence, the op log, conflicts and scope events."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, ForeignKey, Index, String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import ServerBase, utcnow


class Record(ServerBase):
    """One synced record of any type, its content as JSON, and where it hangs for scope (denormalised).

    `case_id` is the case it belongs to (its own id for a case; the plan's case for plan goals and items),
    `client_id` the client of a client-level record (client, certificate, attachment without a case) or of a case,
    `team_id` the team of a supervision note without a case. `anchored` is false while the case or client it hangs
    from is not on the server yet (a client whose case has not arrived): then only its creator sees it.
    `data` is JSONB on PostgreSQL (the aggregates read its fields with JSON operators), JSON elsewhere.
    `blob_sha256` is an attachment's content hash (copied from its data, and fixed: attachments are append-only), so
    a blob request finds the records that name it through an index.
    """

    __tablename__ = "record"
    # A case's records of one type: the aggregates of server.services.team_figures probe them case by case.
    __table_args__ = (Index("ix_record_case_id_record_type", "case_id", "record_type"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    record_type: Mapped[str] = mapped_column(String(40), index=True)
    version: Mapped[int] = mapped_column(BigInteger, unique=True)
    data: Mapped[dict[str, Any]] = mapped_column(JSON().with_variant(JSONB(), "postgresql"))
    deleted: Mapped[bool] = mapped_column(default=False)
    case_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    client_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    parent_id: Mapped[uuid.UUID | None] = mapped_column(index=True)  # the row it hangs from, as the data says
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"), index=True)
    anchored: Mapped[bool] = mapped_column(Boolean, default=True)
    blob_sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(64))


class CaseAccess(ServerBase):
    """Who a case belongs to: its case manager (`owner`) and their team. Scope is read from here."""

    __tablename__ = "case_access"

    case_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    client_id: Mapped[uuid.UUID] = mapped_column(index=True)
    owner: Mapped[str] = mapped_column(String(64), index=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"), index=True)


class SyncCounter(ServerBase):
    """The single row holding the last version handed out; writers lock it until they commit."""

    __tablename__ = "sync_counter"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class SyncOp(ServerBase):
    """Every op ever settled, with the result returned, so a repeated op_id returns it again and changes nothing."""

    __tablename__ = "sync_op"

    op_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    device_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("device.id"), index=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    record_type: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[uuid.UUID]
    status: Mapped[str] = mapped_column(String(16))
    result: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SyncConflict(ServerBase):
    """同步衝突: one field two sides changed differently; synced to everyone who sees the record until resolved."""

    __tablename__ = "sync_conflict"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    version: Mapped[int] = mapped_column(BigInteger, unique=True)
    record_type: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[uuid.UUID] = mapped_column(index=True)
    field: Mapped[str] = mapped_column(String(64))
    base: Mapped[Any] = mapped_column(JSON, nullable=True)
    mine: Mapped[Any] = mapped_column(JSON, nullable=True)
    theirs: Mapped[Any] = mapped_column(JSON, nullable=True)
    mine_by: Mapped[str] = mapped_column(String(64))
    theirs_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved: Mapped[bool] = mapped_column(default=False)
    resolved_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    resolved_by: Mapped[str | None] = mapped_column(String(64))
    resolved_at: Mapped[datetime | None]


class ScopeEvent(ServerBase):
    """A case left someone's scope (移案): its old owner, and its old team's supervisor when the team changed."""

    __tablename__ = "scope_event"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    version: Mapped[int] = mapped_column(BigInteger, unique=True)
    case_id: Mapped[uuid.UUID] = mapped_column(index=True)
    client_id: Mapped[uuid.UUID]
    removed_owner: Mapped[str | None] = mapped_column(String(64), index=True)
    removed_team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64))
