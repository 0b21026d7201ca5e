"""Audit log (個人資料保護法): every read and write of personal data, logins and revocations."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import BigId, ServerBase, utcnow


class AuditLog(ServerBase):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    username: Mapped[str] = mapped_column(String(64), index=True)
    device_id: Mapped[uuid.UUID | None]
    action: Mapped[str] = mapped_column(String(16))  # read | write | resolve | login | logout | revoke
    record_type: Mapped[str] = mapped_column(String(40), default="")
    record_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    address: Mapped[str] = mapped_column(String(64), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
