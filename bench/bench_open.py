"""Opening (unlocking) the store: keyring key vs passphrase-wrapped key (scrypt), on the 50,000-client store."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

from app.store import keys
from app.store.store import Store


def _time_open(path: Path, repeat: int = 5) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        store = Store.open(path)
        with store.transaction() as db:
            db.connection().exec_driver_sql("SELECT count(*) FROM client").scalar()
        store.close()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def main() -> None:
    os.environ[keys.PASSPHRASE_ENV] = "bench passphrase"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "open.db"
        Store.open(path).close()  # a passphrase-wrapped store (no keyring on this machine)
        print(f"== open: unlock with passphrase (scrypt n=2^15) + first query: {_time_open(path):.0f} ms median ==")
