"""派案/轉介 to a service unit and 推介 to a job (002 附件一 三(四)(五); 000 A5)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, SyncMixin, code_enum
from app.models.enums import ReferralKind, ReferralResponse

if TYPE_CHECKING:
    from app.models.case import Case
    from app.models.directory import ServiceUnit


class Referral(SyncMixin, Base):
    __tablename__ = "referral"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case.id"), index=True)
    kind: Mapped[ReferralKind] = mapped_column(code_enum(ReferralKind), default=ReferralKind.SERVICE)
    service_kind: Mapped[str | None] = mapped_column(String(40))  # service_kinds.yaml code
    receiving_unit_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("service_unit.id"))
    employer: Mapped[str] = mapped_column(String(100), default="")  # job referrals
    job_title: Mapped[str] = mapped_column(String(100), default="")
    contacted_before_dispatch: Mapped[bool] = mapped_column(default=False)  # 派案前先聯繫受案單位
    contacted_on: Mapped[date | None]
    sent_on: Mapped[date | None]
    response: Mapped[ReferralResponse] = mapped_column(code_enum(ReferralResponse), default=ReferralResponse.PENDING)
    responded_on: Mapped[date | None]
    decline_reason: Mapped[str] = mapped_column(Text, default="")
    follow_up_due_on: Mapped[date | None]  # 轉介後一個月內完成追蹤
    follow_up_done_on: Mapped[date | None]
    follow_up_note: Mapped[str] = mapped_column(Text, default="")
    client_consented: Mapped[bool] = mapped_column(default=False)  # the letter records the client's consent

    case: Mapped[Case] = relationship(back_populates="referrals")
    receiving_unit: Mapped[ServiceUnit | None] = relationship()
