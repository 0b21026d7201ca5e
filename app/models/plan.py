"""職業重建服務計畫: versioned, three parts, goals and items, the client's informed consent (002 附件一 三(三))."""

from __future__ import annotations

import uuid
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, SyncMixin, code_enum
from app.models.enums import ItemStatus, PlanPart, PlanStatus

if TYPE_CHECKING:
    from app.models.case import Case
    from app.models.directory import ServiceUnit


class ServicePlan(SyncMixin, Base):
    """One version of a case's plan; a revision is a new row whose `previous_id` points to the one it replaces."""

    __tablename__ = "service_plan"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case.id"), index=True)
    version_no: Mapped[int] = mapped_column(default=1)
    previous_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("service_plan.id"))
    status: Mapped[PlanStatus] = mapped_column(code_enum(PlanStatus), default=PlanStatus.DRAFT)
    start_on: Mapped[date]
    end_on: Mapped[date]
    vocational_goal: Mapped[str] = mapped_column(Text, default="")  # 職業重建目標
    consent_given: Mapped[bool] = mapped_column(default=False)  # 知後決定
    consent_on: Mapped[date | None]
    consent_by: Mapped[str] = mapped_column(String(32), default="")  # client / guardian
    revision_reason: Mapped[str] = mapped_column(Text, default="")  # why goals or dates changed

    case: Mapped[Case] = relationship(back_populates="plans")
    goals: Mapped[list[PlanGoal]] = relationship(back_populates="plan", order_by="PlanGoal.position")
    items: Mapped[list[PlanItem]] = relationship(back_populates="plan", order_by="PlanItem.position")


class PlanGoal(SyncMixin, Base):
    __tablename__ = "plan_goal"

    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service_plan.id"), index=True)
    part: Mapped[PlanPart] = mapped_column(code_enum(PlanPart))
    position: Mapped[int] = mapped_column(default=0)
    description: Mapped[str] = mapped_column(Text)
    target_on: Mapped[date | None]
    achieved: Mapped[bool | None]

    plan: Mapped[ServicePlan] = relationship(back_populates="goals")


class PlanItem(SyncMixin, Base):
    __tablename__ = "plan_item"

    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service_plan.id"), index=True)
    part: Mapped[PlanPart] = mapped_column(code_enum(PlanPart))
    position: Mapped[int] = mapped_column(default=0)
    service_kind: Mapped[str] = mapped_column(String(40))  # code from service_kinds.yaml
    service_unit_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("service_unit.id"))
    description: Mapped[str] = mapped_column(Text, default="")
    start_on: Mapped[date | None]
    end_on: Mapped[date | None]
    hours: Mapped[float | None]  # counted against the 002 附件三 caps (30 h counselling, 45 h training)
    status: Mapped[ItemStatus] = mapped_column(code_enum(ItemStatus), default=ItemStatus.PLANNED)

    plan: Mapped[ServicePlan] = relationship(back_populates="items")
    service_unit: Mapped[ServiceUnit | None] = relationship()
