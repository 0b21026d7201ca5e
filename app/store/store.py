"""The Store: one open, unlocked, migrated case store and the sessions that work on it."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.errors import StoreError
from app.models.local import StoreMeta
from app.store import indexing, tracking
from app.store.backup import backup_store
from app.store.engine import WRONG_KEY, connect, make_engine, writer
from app.store.keys import NO_KEY, PassphrasePrompt, StoreKey, candidate_keys, create_key, existing_key_sources
from app.store.migrate import upgrade_store

DISK_FULL = StoreError(
    "磁碟空間不足，這次的變更沒有儲存；已輸入的內容仍在畫面上，請騰出空間後再儲存。",
    "The disk is full; this change was not saved. What you typed is still on screen: free some space and save again.",
)


STORE_BUSY = StoreError(
    "資料庫正由另一個 FieldCase 程式使用中，這次的變更沒有儲存；請稍後再試。",
    "Another FieldCase program is using the store; this change was not saved. Try again in a moment.",
)


@dataclass
class Store:
    path: Path
    engine: Engine
    key: StoreKey = field(repr=False)
    actor: str = ""
    device_id: str = ""
    last_backup: Path | None = None
    _factory: sessionmaker[Session] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._factory = sessionmaker(self.engine, expire_on_commit=False)
        tracking.install(self._factory)
        indexing.install(self._factory)
        if not self.device_id:
            self.device_id = self._ensure_device_id()

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        actor: str = "",
        prompt: PassphrasePrompt | None = None,
        create: bool = True,
    ) -> Store:
        """Unlock (or, with `create`, make) the store at `path`, migrating it after a backup when it is behind."""
        path = Path(path)
        if path.exists():
            if path.stat().st_size == 0:
                _wait_for_key(path)  # another process is creating this store right now
            key = _unlock(path, prompt)
        elif create:
            key = _create(path, prompt)
        else:
            raise StoreError(f"找不到資料庫：{path}", f"No store at {path}")
        engine = make_engine(path, key)
        try:
            backup = upgrade_store(engine, path, key)
        except Exception:
            engine.dispose()
            raise
        return cls(path=path, engine=engine, key=key, actor=actor, last_backup=backup)

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r}, actor={self.actor!r}, device_id={self.device_id!r})"

    def session(self) -> Session:
        session = self._factory()
        session.info[tracking.INFO_ACTOR] = self.actor
        session.info[tracking.INFO_DEVICE] = self.device_id
        return session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back (changing nothing) when it raises."""
        session = self.session()
        session.bind = writer(self.engine)
        try:
            with session.begin():
                yield session
        except OperationalError as exc:
            problem = str(exc.orig).lower()
            if "full" in problem:
                raise DISK_FULL from exc
            if "locked" in problem or "busy" in problem:
                raise STORE_BUSY from exc
            raise
        finally:
            session.close()

    def backup(self, label: str = "manual") -> Path:
        return backup_store(self.engine, self.path, self.key, label)

    def close(self) -> None:
        self.engine.dispose()

    def _ensure_device_id(self) -> str:
        with self._factory.begin() as session:
            meta = session.get(StoreMeta, "device_id")
            if meta is None:
                meta = StoreMeta(key="device_id", value=uuid.uuid4().hex)
                session.add(meta)
            return meta.value

    def meta(self, key: str) -> str | None:
        with self._factory() as session:
            return session.scalar(select(StoreMeta.value).where(StoreMeta.key == key))


def _create(path: Path, prompt: PassphrasePrompt | None) -> StoreKey:
    """Claim the path, then make the key. Of two processes creating the same store, only one makes a key; the
    other opens what the first made. A failure removes the claimed (still empty) file again."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))  # owner-only, like the key file
    except FileExistsError:
        _wait_for_key(path)  # another process claimed the path a moment ago and is making the key
        return _unlock(path, prompt)
    try:
        return create_key(path, prompt)
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def _wait_for_key(path: Path, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not existing_key_sources(path) and time.monotonic() < deadline:
        time.sleep(0.05)


def _unlock(path: Path, prompt: PassphrasePrompt | None) -> StoreKey:
    """The first candidate key that decrypts the file."""
    tried = False
    for key in candidate_keys(path, prompt):
        tried = True
        try:
            connect(path, key).close()
        except StoreError:
            continue
        return key
    raise WRONG_KEY if tried else NO_KEY
