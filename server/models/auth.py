"""Teams, users, their devices (one token each) and failed logins (for rate limiting)."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import code_enum
from server.models.base import ServerBase, utcnow


class Role(enum.StrEnum):
    CASE_MANAGER = "case_manager"  # 個管員: own caseload
    SUPERVISOR = "supervisor"  # 督導: the team's cases, read-only except supervision notes and resolutions
    ADMIN = "admin"  # 系統管理者: users and devices, no personal data


class Team(ServerBase):
    """A service office (e.g. 臺北市職業重建個案管理服務窗口): its case managers and their supervisor."""

    __tablename__ = "team"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # 結案須經督導核准: a closure is final only once the supervisor approved it (server.services.reviews).
    closure_signoff: Mapped[bool] = mapped_column(default=False)


class User(ServerBase):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100), default="")
    role: Mapped[Role] = mapped_column(code_enum(Role))
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id"), index=True)
    password_hash: Mapped[str] = mapped_column(String(255))  # argon2id, PHC string
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    team: Mapped[Team] = relationship()


class Device(ServerBase):
    """One logged-in laptop. Only the SHA-256 of its token is kept. A device logged out (by itself) is answered 401
    like an unknown token; one revoked (by an admin) gets 403 device_revoked at its next contact and wipes its store."""

    __tablename__ = "device"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"), index=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]
    revoked_by: Mapped[str | None] = mapped_column(String(64))
    logged_out_at: Mapped[datetime | None]

    user: Mapped[User] = relationship()


class LoginFailure(ServerBase):
    __tablename__ = "login_failure"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(String(64), index=True)
    address: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
