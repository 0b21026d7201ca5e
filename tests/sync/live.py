"""A real `fieldcase-server` process on 127.0.0.1 for sync tests, and laptops (stores) that sync with it."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from app.store.store import Store
from app.sync.client import SyncReport, login, sync

ROOT = Path(__file__).resolve().parents[2]
SERVER = str(Path(sys.executable).with_name("fieldcase-server"))
PASSWORD = "fieldcase-demo"  # `fieldcase-server demo`: cm.chen, cm.lin (case managers), sup.wang, admin; one team


def server_cli(*args: str, database_url: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [SERVER, *args, "--database-url", database_url],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        cwd=ROOT,
    )


_templates: list[Path] = []


def template_once(folder: Path) -> Path:
    """The template of this test run (the live tests and the CLI tests share it)."""
    if not _templates:
        _templates.append(make_template(folder))
    return _templates[0]


def make_template(folder: Path) -> Path:
    """A migrated server database with the demo accounts, made once and copied for each server."""
    path = folder / "template.db"
    url = f"sqlite:///{path}"
    server_cli("migrate", database_url=url)
    server_cli("demo", database_url=url)
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LiveServer:
    folder: Path
    template: Path
    port: int = 0
    process: subprocess.Popen[bytes] | None = None
    database_url: str = ""

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        db = self.folder / "server.db"
        shutil.copyfile(self.template, db)
        self.database_url = f"sqlite:///{db}"
        self.port = free_port()
        with (self.folder / "server.log").open("ab") as log:  # the child keeps its own copy of the descriptor
            self.process = subprocess.Popen(
                [SERVER, "serve", "--host", "127.0.0.1", "--port", str(self.port), "--database-url", self.database_url],
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=ROOT,
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("fieldcase-server exited:\n" + (self.folder / "server.log").read_text())
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{self.url}/api/v1/health", timeout=1).status_code == 200:
                    return
            time.sleep(0.05)
        raise RuntimeError("fieldcase-server did not answer /api/v1/health within 30 s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        return server_cli(*args, database_url=self.database_url)


@dataclass
class Laptop:
    """One case manager's laptop: its own encrypted store, logged in to the live server."""

    store: Store
    username: str
    reports: list[SyncReport] = field(default_factory=list)

    def sync(self) -> SyncReport:
        report = sync(self.store)
        self.reports.append(report)
        return report


@contextlib.contextmanager
def laptops(server: LiveServer, folder: Path, *usernames: str) -> Iterator[list[Laptop]]:
    made: list[Laptop] = []
    try:
        for i, username in enumerate(usernames):
            store = Store.open(folder / f"laptop-{i}-{username}.db", actor=username)
            made.append(Laptop(store, username))
            login(store, server.url, username, PASSWORD, f"laptop {i}")
        yield made
    finally:
        for laptop in made:
            laptop.store.close()


@contextlib.contextmanager
def running_server(folder: Path, template: Path) -> Iterator[LiveServer]:
    folder.mkdir(parents=True, exist_ok=True)
    server = LiveServer(folder, template)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def env_for_subprocess(keyring_file: Path, passphrase: str) -> dict[str, str]:
    from tests.sync.file_keyring import BACKEND, PATH_ENV

    env = dict(os.environ)
    env.update(
        {
            "PYTHON_KEYRING_BACKEND": BACKEND,
            PATH_ENV: str(keyring_file),
            "FIELDCASE_PASSPHRASE": passphrase,
            "PYTHONPATH": str(ROOT),
        }
    )
    return env
