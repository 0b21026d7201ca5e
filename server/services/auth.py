"""Login (argon2id, rate limited per username and per address), device tokens, logout and revocation.

A device token is 32 random bytes shown once; the server keeps its SHA-256 only, so a copy of the database opens
no laptop's session. A device revoked by an administrator is told so (403 device_revoked) at its next contact and
wipes its store; a device that logged out is only told to log in again (401 logged_out): logging out is the user's
own choice and must never cost them their local data.
"""

from __future__ import annotations

import math
import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.errors import AppError
from server.core.config import Settings
from server.core.errors import ApiError, device_revoked, logged_out, unauthorized
from server.core.security import burn_time, hash_password, needs_rehash, new_token, token_hash, verify_password
from server.models import Device, LoginFailure, Role, Team, User
from server.models.base import utcnow
from server.services import audit
from server.services.principal import Principal

USERNAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
MIN_PASSWORD = 8
# Touching last_seen_at on every request would make every read a write; once a minute is enough to list devices.
LAST_SEEN_EVERY = timedelta(seconds=60)


@dataclass(frozen=True)
class LoginResult:
    """A login's outcome; a failure is returned, not raised, so that the failure itself is committed."""

    principal: Principal | None = None
    token: str = ""
    error: ApiError | None = None


def login_failed() -> ApiError:
    return ApiError(401, "login_failed", "帳號或密碼不正確。", "Wrong username or password.")


def login(
    session: Session,
    settings: Settings,
    *,
    username: str,
    password: str,
    device_name: str,
    address: str,
    now: datetime | None = None,
) -> LoginResult:
    now = now or utcnow()
    wait = _rate_limited_for(session, settings, username, address, now)
    if wait is not None:
        minutes = max(1, math.ceil(wait / 60))
        raise ApiError(
            429,
            "rate_limited",
            f"登入失敗次數過多，請於 {minutes} 分鐘後再試。",
            f"Too many failed logins; try again in {minutes} minute(s).",
            headers={"Retry-After": str(wait)},
        )
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        burn_time(password)
    if user is None or not verify_password(user.password_hash, password):
        # Failures older than the window no longer count anywhere; forgetting them keeps the table small.
        window = timedelta(seconds=settings.login_window_seconds)
        session.execute(delete(LoginFailure).where(LoginFailure.at < now - window))
        session.add(LoginFailure(username=username[:64], address=address[:64], at=now))
        audit.record(session, None, audit.Action.LOGIN, username=username[:64], address=address, detail="failed")
        return LoginResult(error=login_failed())
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    session.execute(delete(LoginFailure).where(LoginFailure.username == username))
    token = new_token()
    device = Device(id=uuid.uuid4(), user_id=user.id, name=device_name, token_hash=token_hash(token), created_at=now)
    device.last_seen_at = now
    session.add(device)
    principal = _principal(user, device.id, address)
    audit.record(session, principal, audit.Action.LOGIN, detail=f"device {device.id} {device_name}"[:500])
    return LoginResult(principal=principal, token=token)


def _rate_limited_for(session: Session, settings: Settings, username: str, address: str, now: datetime) -> int | None:
    """Seconds until another try is allowed, when this username or this address failed too often recently."""
    window = timedelta(seconds=settings.login_window_seconds)
    waits = []
    for column, value in ((LoginFailure.username, username), (LoginFailure.address, address)):
        times = list(
            session.scalars(
                select(LoginFailure.at).where(column == value, LoginFailure.at > now - window).order_by(LoginFailure.at)
            )
        )
        if len(times) >= settings.login_max_failures:
            lifts_at = times[len(times) - settings.login_max_failures] + window
            waits.append(max(1, math.ceil((lifts_at - now).total_seconds())))
    return max(waits) if waits else None


def _principal(user: User, device_id: uuid.UUID | None, address: str) -> Principal:
    return Principal(
        user_id=user.id,
        username=user.username,
        display_name=user.display_name,
        role=user.role,
        team_id=user.team_id,
        team_name=user.team.name,
        device_id=device_id,
        address=address,
    )


def authenticate(session: Session, token: str, address: str) -> Principal:
    """The user behind a bearer token; 401 for an unknown token or a logged-out device, 403 device_revoked for a
    device an administrator revoked (even one that had logged out before)."""
    device = session.scalar(select(Device).where(Device.token_hash == token_hash(token)))
    if device is None:
        raise unauthorized()
    if device.revoked_at is not None:
        raise device_revoked()
    if device.logged_out_at is not None:
        raise logged_out()
    now = utcnow()
    if device.last_seen_at is None or now - device.last_seen_at > LAST_SEEN_EVERY:
        device.last_seen_at = now
    return _principal(device.user, device.id, address)


def logout(session: Session, principal: Principal) -> None:
    """End the calling device's token. Not a revocation: the token is answered 401 `logged_out` from now on."""
    device = session.get(Device, principal.device_id) if principal.device_id else None
    if device is not None and device.logged_out_at is None:
        device.logged_out_at = utcnow()
        audit.record(session, principal, audit.Action.LOGOUT, detail=f"device {device.id} logout")


def revoke(
    session: Session, actor: str, *, device_id: uuid.UUID | None = None, username: str | None = None, address: str = ""
) -> list[Device]:
    """Revoke one device, or every device of a user; returns those newly revoked."""
    query = select(Device).where(Device.revoked_at.is_(None))
    if device_id is not None:
        if session.get(Device, device_id) is None:
            raise AppError(f"找不到裝置 {device_id}。", f"No device {device_id}.")
        query = query.where(Device.id == device_id)
    elif username is not None:
        user = find_user(session, username)
        query = query.where(Device.user_id == user.id)
    else:
        raise AppError("請指定裝置或使用者。", "Name a device or a user.")
    now = utcnow()
    revoked = list(session.scalars(query))
    for device in revoked:
        device.revoked_at = now
        device.revoked_by = actor
        audit.record(
            session, None, audit.Action.REVOKE, username=actor, address=address, detail=f"device {device.id} revoked"
        )
    return revoked


def list_devices(session: Session, username: str | None = None) -> list[Device]:
    query = select(Device).join(User).order_by(User.username, Device.created_at)
    if username is not None:
        query = query.where(User.username == find_user(session, username).username)
    return list(session.scalars(query))


def find_user(session: Session, username: str) -> User:
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise AppError(f"找不到使用者 {username}。", f"No user {username}.")
    return user


def ensure_team(session: Session, name: str) -> Team:
    name = name.strip()
    if not name or len(name) > 100:
        raise AppError("團隊名稱需為 1 到 100 個字。", "A team name has 1 to 100 characters.")
    team = session.scalar(select(Team).where(Team.name == name))
    if team is None:
        team = Team(name=name)
        session.add(team)
        session.flush()
    return team


def create_user(
    session: Session, *, username: str, role: Role, team: str, password: str, display_name: str = ""
) -> User:
    if not USERNAME.fullmatch(username):
        raise AppError(
            f"帳號「{username}」不合格式：請用英文字母、數字、點、底線或連字號，最多 64 字。",
            f"Username '{username}' is not valid: letters, digits, dot, underscore or hyphen, at most 64.",
        )
    if len(password) < MIN_PASSWORD:
        raise AppError(f"密碼至少需要 {MIN_PASSWORD} 個字元。", f"A password needs at least {MIN_PASSWORD} characters.")
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise AppError(f"使用者 {username} 已存在。", f"User {username} already exists.")
    user = User(
        username=username,
        display_name=display_name.strip()[:100],
        role=role,
        team=ensure_team(session, team),
        password_hash=hash_password(password),
    )
    session.add(user)
    session.flush()
    return user
