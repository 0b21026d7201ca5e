"""Where the sync client keeps what it knows between runs.

The device token is a secret: it lives in the OS keyring, under this store's device id, never in a settings file.
Where a computer has no keyring, the store's own key is already wrapped by the user's passphrase
(app.store.keys); the token then goes inside the encrypted store (`store_meta`), where it is exactly as safe as the
clients' records beside it and never readable without that passphrase. Everything else (server address, user,
role, the server's device id, the pull cursor, the last sync time) is not secret and sits in `store_meta` too.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import datetime

import keyring
import keyring.errors
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.models.local import StoreMeta
from app.store.keys import usable_keyring
from app.store.store import Store
from app.sync.errors import NotLoggedIn, SyncError

TOKEN_SERVICE = "FieldCase sync"

SERVER_URL = "sync.server_url"
USERNAME = "sync.username"
DISPLAY_NAME = "sync.display_name"
ROLE = "sync.role"
TEAM = "sync.team"
SERVER_DEVICE_ID = "sync.device_id"
CURSOR = "sync.cursor"
REPAIR = "sync.repair"  # set while a repair pull (from cursor 0) is being staged
LAST_SYNC_AT = "sync.last_sync_at"
STORED_TOKEN = "sync.token"  # only where the computer has no keyring (see the module docstring)
LOGGED_OUT = "sync.logged_out"  # set by logout: the old token must never be used again, even if the keyring kept it
ACCOUNT_KEYS = (SERVER_URL, USERNAME, DISPLAY_NAME, ROLE, TEAM, SERVER_DEVICE_ID)
SYNC_STATE_KEYS = (CURSOR, REPAIR, LAST_SYNC_AT)


@dataclass(frozen=True)
class Account:
    """Who this store syncs as, and with which server."""

    server_url: str
    username: str
    display_name: str
    role: str
    team: str
    server_device_id: str


def save_token(store: Store, token: str) -> None:
    backend = usable_keyring()
    if backend is not None:
        backend.set_password(TOKEN_SERVICE, store.device_id, token)
        with store.transaction() as session:
            set_meta(session, STORED_TOKEN, None)
        return
    if store.key.source != "passphrase":
        raise SyncError(
            "這台電腦沒有可用的系統金鑰圈（Windows 認證管理員、macOS 鑰匙圈或 Secret Service），無法安全保存登入憑證。",
            "This computer has no usable OS keyring (Credential Manager, Keychain, Secret Service) to keep the "
            "login token safely.",
        )
    with store.transaction() as session:  # inside the passphrase-encrypted store, beside the data it protects
        set_meta(session, STORED_TOKEN, token)


def load_token(store: Store) -> str:
    backend = usable_keyring()
    token = None
    if backend is not None:
        with contextlib.suppress(keyring.errors.KeyringError):
            token = backend.get_password(TOKEN_SERVICE, store.device_id)
    if not token:
        with store.transaction() as session:
            token = get_meta(session, STORED_TOKEN)
    if not token:
        raise NotLoggedIn()
    return token


def forget_stored_token(store: Store) -> None:
    with store.transaction() as session:
        set_meta(session, STORED_TOKEN, None)


def forget_token(device_id: str) -> bool:
    """Remove the token from the keyring; True when there was one."""
    backend = usable_keyring()
    if backend is None:
        return False
    try:
        backend.delete_password(TOKEN_SERVICE, device_id)
    except keyring.errors.KeyringError:
        return False
    return True


def set_meta(session: Session, key: str, value: str | None) -> None:
    row = session.get(StoreMeta, key)
    if value is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(StoreMeta(key=key, value=value))
    else:
        row.value = value


def get_meta(session: Session, key: str) -> str | None:
    return session.scalar(select(StoreMeta.value).where(StoreMeta.key == key))


def save_account(session: Session, account: Account) -> None:
    """Record the login; a different user or server starts the pull over from the beginning."""
    previous = load_account(session)
    if previous is None or (previous.server_url, previous.username) != (account.server_url, account.username):
        session.execute(delete(StoreMeta).where(StoreMeta.key.in_(SYNC_STATE_KEYS)))
    set_meta(session, SERVER_URL, account.server_url)
    set_meta(session, USERNAME, account.username)
    set_meta(session, DISPLAY_NAME, account.display_name)
    set_meta(session, ROLE, account.role)
    set_meta(session, TEAM, account.team)
    set_meta(session, SERVER_DEVICE_ID, account.server_device_id)
    set_meta(session, LOGGED_OUT, None)


def logged_out(session: Session) -> bool:
    return get_meta(session, LOGGED_OUT) is not None


def load_account(session: Session) -> Account | None:
    """The account this store syncs (or last synced) as; None before the first login."""
    values = {row.key: row.value for row in session.scalars(select(StoreMeta).where(StoreMeta.key.in_(ACCOUNT_KEYS)))}
    if SERVER_URL not in values or USERNAME not in values:
        return None
    return Account(
        server_url=values[SERVER_URL],
        username=values[USERNAME],
        display_name=values.get(DISPLAY_NAME, ""),
        role=values.get(ROLE, ""),
        team=values.get(TEAM, ""),
        server_device_id=values.get(SERVER_DEVICE_ID, ""),
    )


def cursor(session: Session) -> int:
    value = get_meta(session, CURSOR)
    return int(value) if value else 0


def last_sync_at(session: Session) -> datetime | None:
    value = get_meta(session, LAST_SYNC_AT)
    return datetime.fromisoformat(value) if value else None
