"""The local unlock password: what the idle lock asks for (個人資料保護法: an unattended laptop shows nothing).

A store whose key sits in the OS keyring opens without typing anything, so unlocking after an idle lock needs a
secret of its own: an argon2 hash of the case manager's unlock password, kept inside the encrypted store. A store
protected by a passphrase is unlocked with that passphrase instead (see views.lock).
"""

from __future__ import annotations

import json
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.orm import Session

from app.errors import StoreError, ValidationError
from app.models import StoreMeta
from app.store.keys import unwrap_key, wrap_path

META_KEY = "unlock_password_hash"
MIN_LENGTH = 6
_hasher = PasswordHasher()


def has_unlock_password(session: Session) -> bool:
    return session.get(StoreMeta, META_KEY) is not None


def set_unlock_password(session: Session, password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise ValidationError(
            "unlock_password",
            f"解鎖密碼至少需要 {MIN_LENGTH} 個字元。",
            f"The unlock password needs at least {MIN_LENGTH} characters.",
        )
    meta = session.get(StoreMeta, META_KEY)
    if meta is None:
        session.add(StoreMeta(key=META_KEY, value=_hasher.hash(password)))
    else:
        meta.value = _hasher.hash(password)


def check_unlock_password(session: Session, password: str) -> bool:
    meta = session.get(StoreMeta, META_KEY)
    if meta is None:
        return False
    try:
        return _hasher.verify(meta.value, password)
    except (VerificationError, InvalidHashError):
        return False


def verify_unlock(session: Session, store_path: Path, passphrase_protected: bool, secret: str) -> bool:
    """Whether `secret` unlocks the window: the store's passphrase where it has one, else the unlock password."""
    if not passphrase_protected:
        return check_unlock_password(session, secret)
    try:
        unwrap_key(json.loads(wrap_path(store_path).read_text(encoding="utf-8")), secret)
    except (StoreError, OSError, ValueError):
        return False
    return True
