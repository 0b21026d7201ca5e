"""服務單位 directory: where to refer, with each unit's remaining capacity (002 附件一 六)."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin


class ServiceUnit(SyncMixin, Base):
    __tablename__ = "service_unit"

    name: Mapped[str] = mapped_column(String(100))
    service_kinds: Mapped[list[str]] = mapped_column(default=list)  # service_kinds.yaml codes
    county: Mapped[str] = mapped_column(String(16), index=True)
    address: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(24), default="")
    contact_person: Mapped[str] = mapped_column(String(64), default="")
    email: Mapped[str] = mapped_column(String(100), default="")
    capacity: Mapped[int] = mapped_column(default=0)  # 可服務量
    current_caseload: Mapped[int] = mapped_column(default=0)  # 目前服務個案數
    notes: Mapped[str] = mapped_column(Text, default="")

    @property
    def remaining_capacity(self) -> int:
        """尚可容納之服務量."""
        return max(self.capacity - self.current_caseload, 0)
