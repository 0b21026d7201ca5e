"""就業: a placement and what 推介成功 / 就業成功 are computed from (003 三(四)(五))."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, SyncMixin, code_enum
from app.models.enums import EmploymentProof

if TYPE_CHECKING:
    from app.models.case import Case


class Employment(SyncMixin, Base):
    __tablename__ = "employment"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case.id"), index=True)
    employer: Mapped[str] = mapped_column(String(100))
    employer_size: Mapped[int | None]  # ≤ 5 employees allows proofs other than 勞保
    job_title: Mapped[str] = mapped_column(String(100))
    start_on: Mapped[date]
    hours_per_week: Mapped[float]
    monthly_wage: Mapped[Decimal | None] = mapped_column(Numeric(10, 0))
    hourly_wage: Mapped[Decimal | None] = mapped_column(Numeric(8, 1))
    labour_insurance_on: Mapped[date | None]  # 勞保加保日
    proof: Mapped[EmploymentProof | None] = mapped_column(code_enum(EmploymentProof))
    competitive: Mapped[bool] = mapped_column(default=True)  # 競爭性職場
    employed_before_service: Mapped[bool] = mapped_column(default=False)
    supported: Mapped[bool] = mapped_column(default=False)  # 支持性就業 placement with intensive support
    intensive_support_days: Mapped[int] = mapped_column(default=0)  # working days of 密集輔導
    group_model: Mapped[bool] = mapped_column(default=False)  # 群組模式
    remote_area: Mapped[bool] = mapped_column(default=False)  # 偏鄉 (counts double, 003 三(三))
    high_support: Mapped[bool] = mapped_column(default=False)  # 高度支持需求
    end_on: Mapped[date | None]
    end_reason: Mapped[str] = mapped_column(Text, default="")

    case: Mapped[Case] = relationship(back_populates="employments")
