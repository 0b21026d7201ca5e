"""需求評估: the needs assessment after opening (002 附件一 三(二))."""

from __future__ import annotations

import uuid
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, SyncMixin, code_enum
from app.models.enums import RecordStatus

if TYPE_CHECKING:
    from app.models.case import Case


class NeedsAssessment(SyncMixin, Base):
    __tablename__ = "needs_assessment"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case.id"), index=True)
    assessed_on: Mapped[date]
    methods: Mapped[list[str]] = mapped_column(default=list)  # 晤談, 觀察, 職業輔導評量 …
    work_ability: Mapped[str] = mapped_column(Text, default="")
    vocational_interest: Mapped[str] = mapped_column(Text, default="")
    support_needs: Mapped[str] = mapped_column(Text, default="")
    family_support: Mapped[str] = mapped_column(Text, default="")
    needs_vocational_evaluation: Mapped[bool] = mapped_column(default=False)  # refer to 職業輔導評量
    recommended_services: Mapped[list[str]] = mapped_column(default=list)  # service-kind codes
    summary: Mapped[str] = mapped_column(Text, default="")
    assessor: Mapped[str] = mapped_column(String(64), default="")
    status: Mapped[RecordStatus] = mapped_column(code_enum(RecordStatus), default=RecordStatus.DRAFT)

    case: Mapped[Case] = relationship(back_populates="assessments")
