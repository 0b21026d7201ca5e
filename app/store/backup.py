"""Backups of the encrypted store with SQLite's online backup API; a backup is as encrypted as the store."""

from __future__ import annotations

import contextlib
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from app.store.engine import connect
from app.store.keys import StoreKey

KEEP_BACKUPS = 10


def backups_dir(store_path: Path) -> Path:
    return store_path.parent / "backups"


def backup_store(engine: Engine, store_path: Path, key: StoreKey, label: str = "manual") -> Path:
    """Copy the store page by page into backups/<name>.<timestamp>.<label>.db, under the same key."""
    folder = backups_dir(store_path)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{store_path.stem}.{stamp}.{label}.db"
    destination = connect(target, key)
    try:
        raw = engine.raw_connection()
        try:
            raw.driver_connection.backup(destination)  # type: ignore[union-attr]
        finally:
            raw.close()
    finally:
        destination.close()
    _prune(folder, store_path.stem)
    return target


def _prune(folder: Path, stem: str) -> None:
    """Keep the newest backups only; each is a full copy, and a laptop's disk is small."""
    backups = sorted(folder.glob(f"{stem}.*.db"))
    for old in backups[:-KEEP_BACKUPS]:
        with contextlib.suppress(OSError):
            old.unlink()
