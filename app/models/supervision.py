"""督導紀錄 and attachments: append-only once final, so they never conflict in sync."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin, code_enum
from app.models.enums import RecordStatus, SupervisionKind


class SupervisionNote(SyncMixin, Base):
    """Seed 002 四(三): individual, group, peer supervision or case consultation."""

    __tablename__ = "supervision_note"

    case_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("case.id"), index=True)
    kind: Mapped[SupervisionKind] = mapped_column(code_enum(SupervisionKind))
    held_on: Mapped[date]
    supervisor: Mapped[str] = mapped_column(String(64))
    attendees: Mapped[list[str]] = mapped_column(default=list)
    content: Mapped[str] = mapped_column(Text, default="")
    agreed_actions: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[RecordStatus] = mapped_column(code_enum(RecordStatus), default=RecordStatus.DRAFT)


class Attachment(SyncMixin, Base):
    """A scanned certificate or signed form; content lives once in `attachment_blob` keyed by its SHA-256."""

    __tablename__ = "attachment"

    case_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("case.id"), index=True)
    client_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("client.id"), index=True)
    filename: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(100))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int]
    description: Mapped[str] = mapped_column(Text, default="")


class AttachmentBlob(Base):
    """Content-addressed bytes, deduplicated; not synced as a row (attachments go up in chunks by hash)."""

    __tablename__ = "attachment_blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)
