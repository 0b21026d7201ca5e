"""結案: reason, summary and the satisfaction of client, employer and receiving unit (002 附件一 三(六))."""

from __future__ import annotations

import uuid
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, SyncMixin

if TYPE_CHECKING:
    from app.models.case import Case


class Closure(SyncMixin, Base):
    __tablename__ = "closure"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case.id"), unique=True)
    closed_on: Mapped[date]
    reason_code: Mapped[str] = mapped_column(String(40))  # closure_reasons.yaml
    summary: Mapped[str] = mapped_column(Text, default="")
    satisfaction_client: Mapped[int | None]  # 1–5; None = not asked
    satisfaction_employer: Mapped[int | None]
    satisfaction_receiving_unit: Mapped[int | None]

    case: Mapped[Case] = relationship(back_populates="closure")
