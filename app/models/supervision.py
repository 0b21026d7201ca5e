"""督導紀錄 and attachments: append-only once final, so they never conflict in sync."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin, code_enum
from app.models.enums import RecordStatus, SupervisionKind


class SupervisionNote(SyncMixin, Base):
    """Seed 002 四(三): individual, group, peer supervision or case consultation.

    `case_id` is the one case a note is about (it decides who sees it in sync); `case_ids` lists every case discussed
    (a group supervision may take up several; the server accepts only cases of the author's team). The agreed follow-up
    has a due date, and its done date and note are recorded later, also once the note is final
    (app.store.tracking.MUTABLE_WHEN_FINAL).
    """

    __tablename__ = "supervision_note"

    case_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("case.id"), index=True)
    case_ids: Mapped[list[str]] = mapped_column(default=list)  # case UUIDs as text
    kind: Mapped[SupervisionKind] = mapped_column(code_enum(SupervisionKind))
    held_on: Mapped[date]
    supervisor: Mapped[str] = mapped_column(String(64))
    attendees: Mapped[list[str]] = mapped_column(default=list)
    content: Mapped[str] = mapped_column(Text, default="")
    agreed_actions: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[RecordStatus] = mapped_column(code_enum(RecordStatus), default=RecordStatus.DRAFT)
    follow_up_due_on: Mapped[date | None]  # 追蹤期限 of the agreed actions
    follow_up_done_on: Mapped[date | None]
    follow_up_note: Mapped[str] = mapped_column(Text, default="")


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
