"""docs/deploy.md, run: the central service set up on PostgreSQL with the documented commands (a database owned by
its own unprivileged role, `migrate`, the first admin), two instances started as installer/server/
fieldcase-server@.service starts them (as behind nginx's upstream) with laptops logging in and syncing through
either, a lost laptop revoked, and the nightly installer/server/fieldcase-backup restored into a new database that a
fresh instance then serves from.

Needs PostgreSQL on 127.0.0.1:5432 (trust authentication, user postgres) and its client programs (createuser,
createdb, pg_dump, pg_restore); skips, saying why, without them. Every database and role it makes is dropped.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from app.models import Client
from app.services.validation import make_national_id
from app.store.store import Store
from app.sync.client import login, sync
from app.sync.errors import DeviceRevoked
from tests.factories import make_case, make_client, make_record
from tests.server.support import pg_unreachable
from tests.sync.live import free_port

ROOT = Path(__file__).resolve().parents[2]
SERVER = str(Path(sys.executable).with_name("fieldcase-server"))
UNIT = ROOT / "installer" / "server" / "fieldcase-server@.service"
BACKUP_SCRIPT = ROOT / "installer" / "server" / "fieldcase-backup"
PG = ["-h", "127.0.0.1", "-p", "5432", "-U", "postgres"]
TEAM = "花蓮縣職業重建個案管理服務窗口"
PASSWORDS = {"admin": "first-admin-password-1", "cm.wu": "case-manager-password-1"}


@pytest.fixture(scope="module")
def pg_tools() -> None:
    reason = pg_unreachable()
    if reason:
        pytest.skip(reason)
    tools = ("createuser", "dropuser", "createdb", "dropdb", "pg_dump", "pg_restore")
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"PostgreSQL client programs missing: {', '.join(missing)}")


def run(*args: str, stdin: str | None = None, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(args, input=stdin, capture_output=True, text=True, timeout=60, env=env, cwd=ROOT)
    assert done.returncode == 0, f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@contextlib.contextmanager
def service_role() -> Iterator[str]:
    """The service's own role (docs/deploy.md: `createuser fieldcase`), no superuser; dropped afterwards."""
    role = f"fieldcase_deploy_test_{uuid.uuid4().hex[:8]}"
    run("createuser", *PG, "--no-superuser", "--no-createdb", "--no-createrole", role)
    try:
        yield role
    finally:
        run("dropuser", *PG, "--if-exists", role)


@contextlib.contextmanager
def database(role: str, label: str) -> Iterator[str]:
    """A fresh database owned by `role` (`createdb --owner`), dropped afterwards; yields the service's URL for it."""
    name = f"{role}_{label}"
    run("createdb", *PG, "--owner", role, name)
    try:
        yield f"postgresql://{role}@127.0.0.1:5432/{name}"  # trust authentication here; a password in production
    finally:
        run("dropdb", *PG, "--force", "--if-exists", name)


def database_name(url: str) -> str:
    return url.rsplit("/", 1)[1]


def unit_command(port: int) -> list[str]:
    """The unit's ExecStart for instance `port` (%i), with this checkout's fieldcase-server."""
    exec_start = next(line for line in UNIT.read_text().splitlines() if line.startswith("ExecStart="))
    program, *args = shlex.split(exec_start.removeprefix("ExecStart=").replace("%i", str(port)))
    assert program == "/opt/fieldcase/venv/bin/fieldcase-server"
    return [SERVER, *args]


def service_env(url: str) -> dict[str, str]:
    """The environment of the systemd unit: the database URL from its EnvironmentFile."""
    return {**os.environ, "FIELDCASE_DATABASE_URL": url, "FIELDCASE_FORWARDED_ALLOW_IPS": "127.0.0.1"}


@contextlib.contextmanager
def instance(url: str, log: Path) -> Iterator[str]:
    """One `fieldcase-server serve` process (one upstream server of nginx), as the systemd unit starts it."""
    port = free_port()
    with log.open("ab") as out:
        process = subprocess.Popen(
            unit_command(port),
            env=service_env(url),
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"fieldcase-server exited:\n{log.read_text()}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{base}/api/v1/health", timeout=1).status_code == 200:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError(f"fieldcase-server did not answer within 30 s:\n{log.read_text()}")
            time.sleep(0.05)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def set_up(url: str) -> None:
    """docs/deploy.md, 「建立資料庫結構與第一位管理者」: migrate, the first admin, then a case manager."""
    env = service_env(url)
    assert "Migrated" in run(SERVER, "migrate", env=env)
    assert "up to date" in run(SERVER, "migrate", env=env)  # running it again (every upgrade does) is harmless
    for username, role in (("admin", "admin"), ("cm.wu", "case_manager")):
        out = run(
            SERVER,
            *("create-user", "--username", username, "--role", role, "--team", TEAM, "--password-stdin"),
            stdin=PASSWORDS[username] + "\n",
            env=env,
        )
        assert f"Created user {username}" in out


def laptop(folder: Path, name: str, server: str) -> Store:
    store = Store.open(folder / f"{name}.db", actor="cm.wu")
    login(store, server, "cm.wu", PASSWORDS["cm.wu"], name)
    return store


def client_names(store: Store) -> list[str]:
    with store.transaction() as db:
        return sorted(db.scalars(select(Client.name)))


@pytest.mark.usefixtures("pg_tools")
def test_documented_deployment_serves_syncs_revokes_and_restores_from_backup(tmp_path: Path) -> None:
    with service_role() as role:
        dump = deploy_sync_and_back_up(role, tmp_path)
        restore_and_serve(role, dump, tmp_path)


def deploy_sync_and_back_up(role: str, tmp_path: Path) -> Path:
    with database(role, "live") as url:
        set_up(url)
        with instance(url, tmp_path / "a.log") as first, instance(url, tmp_path / "b.log") as second:
            office = laptop(tmp_path, "office", first)
            field = laptop(tmp_path, "field", second)  # another upstream server, the same database
            try:
                with office.transaction() as db:
                    client = make_client(name="高玉蘭", id_number=make_national_id("U", 2, 7))
                    case = make_case(client, owner="cm.wu")
                    db.add_all([client, case, make_record(case, notes="玉里外展晤談")])
                assert sync(office).pushed == 3
                assert sync(field).applied == 3
                assert client_names(field) == ["高玉蘭"]

                # 「遺失筆電」: the admin revokes the lost laptop; at its next contact it is refused (and erases).
                devices = run(SERVER, "list-devices", "--user", "cm.wu", env=service_env(url))
                field_id = next(line.split("\t")[0] for line in devices.splitlines() if "\tfield\t" in line)
                run(SERVER, "revoke-device", "--device-id", field_id, env=service_env(url))
                with pytest.raises(DeviceRevoked):
                    sync(field)
                assert sync(office).pushed == 0  # the other laptop carries on
            finally:
                office.close()
                field.close()

        # 「備份」: what the nightly timer runs (as postgres), into a backup folder.
        backups = tmp_path / "backups"
        env = {**os.environ, "FIELDCASE_DB": database_name(url), "BACKUP_DIR": str(backups), "PGHOST": "127.0.0.1"}
        dump = Path(run(str(BACKUP_SCRIPT), env={**env, "PGUSER": "postgres"}).strip())
        assert dump.parent == backups and dump.stat().st_size > 0
        assert [p.name for p in backups.iterdir()] == [dump.name]  # no partial file left behind
        return dump


def restore_and_serve(role: str, dump: Path, tmp_path: Path) -> None:
    """「還原」: into a new database, as docs/deploy.md does it; then an instance serves from it."""
    with database(role, "restored") as restored:
        name = database_name(restored)
        run("pg_restore", *PG, "--no-owner", f"--role={role}", "--exit-on-error", "--dbname", name, str(dump))
        assert "up to date" in run(SERVER, "migrate", env=service_env(restored))
        with instance(restored, tmp_path / "restored.log") as server:
            replacement = laptop(tmp_path, "replacement", server)  # the accounts came back with the data
            try:
                report = sync(replacement)
                assert report.applied == 3 and not report.drift
                assert client_names(replacement) == ["高玉蘭"]
            finally:
                replacement.close()
