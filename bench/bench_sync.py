"""Sync against a real `fieldcase-server` on 127.0.0.1 (embedded SQLite, and PostgreSQL when it runs here).

A laptop with a demo caseload (300 cases of one case manager, ~5,000 records) sends everything on its first sync; a
second laptop of the same case manager pulls it all; then a day's small edit goes up and comes down. Figures: wall
time of each sync and operations or records per second.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import httpx
from sqlalchemy import select

from app.models import ServiceRecord
from app.services.demo import generate_demo
from app.store import keys
from app.store.store import Store
from app.sync.client import login, sync

SERVER = str(Path(sys.executable).with_name("fieldcase-server"))
PASSWORD = "bench-password"
POSTGRES_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _cli(*args: str, url: str, stdin: str | None = None) -> None:
    subprocess.run([SERVER, *args, "--database-url", url], input=stdin, text=True, check=True, capture_output=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def _server(url: str, folder: Path) -> Iterator[str]:
    _cli("migrate", url=url)
    _cli("create-user", "--username", "cm.chen", "--role", "case_manager", "--team", "bench", "--password-stdin",
         url=url, stdin=PASSWORD + "\n")  # fmt: skip
    port = _free_port()
    with (folder / "server.log").open("ab") as log:
        process = subprocess.Popen(
            [SERVER, "serve", "--host", "127.0.0.1", "--port", str(port), "--database-url", url],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{base}/api/v1/health", timeout=1).status_code == 200:
                    break
            time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(10)


@contextlib.contextmanager
def postgres_database() -> Iterator[str | None]:
    """A fresh database on the local PostgreSQL, dropped afterwards; None when PostgreSQL does not answer."""
    import sqlalchemy

    name = f"fieldcase_bench_{uuid.uuid4().hex[:8]}"
    try:
        admin = sqlalchemy.create_engine(POSTGRES_ADMIN, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.exec_driver_sql(f"CREATE DATABASE {name}")
    except Exception:
        yield None
        return
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.dispose()


def _timed_sync(store: Store) -> tuple[float, int, int]:
    started = time.perf_counter()
    report = sync(store)
    return time.perf_counter() - started, report.pushed, report.applied


def run(label: str, url: str, folder: Path) -> None:
    with _server(url, folder) as base:
        office = Store.open(folder / f"{label}-office.db", actor="cm.chen")
        field = Store.open(folder / f"{label}-field.db", actor="cm.chen")
        try:
            generate_demo(office, 300, seed=7, today=date(2025, 11, 20), owner="cm.chen")
            login(office, base, "cm.chen", PASSWORD, "office")
            login(field, base, "cm.chen", PASSWORD, "field")
            seconds, pushed, _ = _timed_sync(office)
            print(f"== sync ({label}): first push of a 300-case laptop: {pushed} ops in {seconds:.1f} s "
                  f"({pushed / seconds:.0f} ops/s) ==")  # fmt: skip
            seconds, _, applied = _timed_sync(field)
            print(f"== sync ({label}): a second laptop pulls it all: {applied} records in {seconds:.1f} s "
                  f"({applied / seconds:.0f} records/s) ==")  # fmt: skip
            with office.transaction() as db:
                record = db.scalars(select(ServiceRecord).where(ServiceRecord.status == "draft").limit(1)).one()
                record.notes += "（補充）"
            up, pushed, _ = _timed_sync(office)
            down, _, applied = _timed_sync(field)
            print(f"== sync ({label}): one edit up {up * 1000:.0f} ms ({pushed} op), down {down * 1000:.0f} ms "
                  f"({applied} record) ==")  # fmt: skip
        finally:
            office.close()
            field.close()


def main() -> None:
    os.environ.setdefault(keys.PASSPHRASE_ENV, "bench passphrase")
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        run("SQLite", f"sqlite:///{folder / 'server.db'}", folder)
        with postgres_database() as url:
            if url is None:
                print("== sync (PostgreSQL): skipped, no PostgreSQL at 127.0.0.1:5432 ==")
            else:
                run("PostgreSQL", url, folder)


if __name__ == "__main__":
    main()
