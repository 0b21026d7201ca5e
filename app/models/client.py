"""Client (個案基本資料) and disability certificates (DOMAIN.md, "Client record")."""

from __future__ import annotations

import uuid
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, SyncMixin, code_enum
from app.models.enums import CertificateSystem, Gender, IdKind

if TYPE_CHECKING:
    from app.models.case import Case


class Client(SyncMixin, Base):
    __tablename__ = "client"

    id_number: Mapped[str] = mapped_column(String(12), index=True)  # 身分證統一編號 / 居留證號, checksum-validated
    id_kind: Mapped[IdKind] = mapped_column(code_enum(IdKind), default=IdKind.NATIONAL)
    name: Mapped[str] = mapped_column(String(64))
    gender: Mapped[Gender] = mapped_column(code_enum(Gender))
    birth_date: Mapped[date]
    household_county: Mapped[str | None] = mapped_column(String(16))  # 戶籍地 county code
    household_township: Mapped[str | None] = mapped_column(String(32))
    household_address: Mapped[str | None] = mapped_column(String(200))
    residence_county: Mapped[str | None] = mapped_column(String(16))  # 居住地
    residence_township: Mapped[str | None] = mapped_column(String(32))
    residence_address: Mapped[str | None] = mapped_column(String(200))
    mobile_phone: Mapped[str | None] = mapped_column(String(24))
    home_phone: Mapped[str | None] = mapped_column(String(24))
    contact_name: Mapped[str | None] = mapped_column(String(64))  # 聯絡人
    contact_relation: Mapped[str | None] = mapped_column(String(32))
    contact_phone: Mapped[str | None] = mapped_column(String(24))
    education: Mapped[str | None] = mapped_column(String(32))  # code from education_levels.yaml (incl. 特教班)
    target_groups: Mapped[list[str]] = mapped_column(default=list)  # 特定對象身分, several codes
    indigenous_tribe: Mapped[str | None] = mapped_column(String(32))  # 原住民族別
    economic_status: Mapped[str | None] = mapped_column(String(32))  # 一般 / 低收入戶 / 中低收入戶
    work_history: Mapped[str] = mapped_column(Text, default="")
    health: Mapped[str] = mapped_column(Text, default="")
    strengths: Mapped[str] = mapped_column(Text, default="")  # 優勢
    data_consent: Mapped[bool] = mapped_column(default=False)  # 個資蒐集告知同意
    data_consent_on: Mapped[date | None]

    certificates: Mapped[list[DisabilityCertificate]] = relationship(
        back_populates="client", order_by="DisabilityCertificate.issued_on"
    )
    cases: Mapped[list[Case]] = relationship(back_populates="client")


class DisabilityCertificate(SyncMixin, Base):
    """身心障礙證明 (new ICF system) or 身心障礙手冊 (old system); may carry no expiry (無註記效期)."""

    __tablename__ = "disability_certificate"

    client_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("client.id"), index=True)
    system: Mapped[CertificateSystem] = mapped_column(code_enum(CertificateSystem))
    categories: Mapped[list[str]] = mapped_column(default=list)  # codes from disability_categories.yaml
    severity: Mapped[str] = mapped_column(String(16))  # 輕度 / 中度 / 重度 / 極重度 code
    icd_codes: Mapped[list[str]] = mapped_column(default=list)
    issued_on: Mapped[date | None]
    expires_on: Mapped[date | None]  # 有效期限
    reassess_on: Mapped[date | None]  # 重新鑑定日期
    no_expiry: Mapped[bool] = mapped_column(default=False)

    client: Mapped[Client] = relationship(back_populates="certificates")
