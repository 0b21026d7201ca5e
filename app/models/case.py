"""Case (個案) and its hand-overs (移案). A client may have several cases over the years, one per programme episode."""

from __future__ import annotations

import uuid
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, SyncMixin, code_enum
from app.models.enums import IntakeDecision, Programme, Stage

if TYPE_CHECKING:
    from app.models.assessment import NeedsAssessment
    from app.models.client import Client
    from app.models.closure import Closure
    from app.models.employment import Employment
    from app.models.plan import ServicePlan
    from app.models.record import ContactAttempt, ServiceRecord
    from app.models.referral import Referral
    from app.models.review import Review


class Case(SyncMixin, Base):
    __tablename__ = "case"

    client_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("client.id"), index=True)
    programme: Mapped[Programme] = mapped_column(code_enum(Programme))
    stage: Mapped[Stage] = mapped_column(code_enum(Stage), default=Stage.A)
    source: Mapped[str] = mapped_column(String(32))  # 個案來源 code (case_sources.yaml)
    referring_unit: Mapped[str | None] = mapped_column(String(100))  # 轉介單位
    application_date: Mapped[date]  # 申請日 / 轉介日
    intake_assessed_on: Mapped[date | None]  # 接案評估日
    intake_assessment: Mapped[str] = mapped_column(Text, default="")
    decision: Mapped[IntakeDecision | None] = mapped_column(code_enum(IntakeDecision))
    decision_reason: Mapped[str] = mapped_column(Text, default="")
    reply_due_on: Mapped[date | None]  # 接案評估三天內回覆 (002 附件一 三(一))
    reply_sent_on: Mapped[date | None]
    opened_on: Mapped[date | None]  # 開案日
    closed_on: Mapped[date | None]  # 結案日
    owner: Mapped[str] = mapped_column(String(64), index=True)  # the case manager's username
    unit: Mapped[str] = mapped_column(String(100), default="")  # 承辦/受託單位
    county: Mapped[str] = mapped_column(String(16), index=True)  # county code of the serving office

    client: Mapped[Client] = relationship(back_populates="cases")
    records: Mapped[list[ServiceRecord]] = relationship(back_populates="case", order_by="ServiceRecord.held_on")
    contact_attempts: Mapped[list[ContactAttempt]] = relationship(
        back_populates="case", order_by="ContactAttempt.attempted_at"
    )
    assessments: Mapped[list[NeedsAssessment]] = relationship(back_populates="case")
    plans: Mapped[list[ServicePlan]] = relationship(back_populates="case", order_by="ServicePlan.version_no")
    referrals: Mapped[list[Referral]] = relationship(back_populates="case", order_by="Referral.sent_on")
    employments: Mapped[list[Employment]] = relationship(back_populates="case", order_by="Employment.start_on")
    closure: Mapped[Closure | None] = relationship(back_populates="case")
    transfers: Mapped[list[CaseTransfer]] = relationship(back_populates="case", order_by="CaseTransfer.transferred_on")
    reviews: Mapped[list[Review]] = relationship(back_populates="case", order_by="Review.submitted_at")


class CaseTransfer(SyncMixin, Base):
    """移案: a case handed from one case manager to another, with the hand-over summary given at that moment."""

    __tablename__ = "case_transfer"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case.id"), index=True)
    from_owner: Mapped[str] = mapped_column(String(64))
    to_owner: Mapped[str] = mapped_column(String(64))
    transferred_on: Mapped[date]
    reason: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")  # 移案摘要, frozen text as handed over

    case: Mapped[Case] = relationship(back_populates="transfers")
