"""`fieldcase-server`: migrate, create-user, demo, list-devices, revoke-device and serve, as an admin would use them."""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from server.cli import DEMO_PASSWORD, main
from server.core.config import DATABASE_URL_ENV, Settings
from server.core.db import Database
from server.migrate import head_revision
from server.services import auth
from tests.server.support import pg_schema_url

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def url(tmp_path: Path) -> str:
    return str(tmp_path / "server.db")


def _run(capsys: pytest.CaptureFixture[str], *argv: str, stdin: str | None = None) -> tuple[int, str, str]:
    if stdin is not None:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(sys, "stdin", io.StringIO(stdin))
            code = main(list(argv))
    else:
        code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_every_command_refuses_a_database_that_is_not_migrated(capsys: pytest.CaptureFixture[str], url: str) -> None:
    for argv in (["list-devices"], ["demo"], ["revoke-device", "--user", "x"], ["serve"]):
        code, _, err = _run(capsys, *argv, "--database-url", url)
        assert code == 2, argv
        assert "fieldcase-server migrate" in err and "請先執行" in err


def test_migrate_then_manage_users_and_devices(capsys: pytest.CaptureFixture[str], url: str) -> None:
    code, out, _ = _run(capsys, "--database-url", url, "migrate")
    assert code == 0 and head_revision() in out
    assert _run(capsys, "migrate", "--database-url", url)[1].count("up to date") == 1

    argv = ["create-user", "--database-url", url, "--username", "cm.wu", "--role", "case_manager", "--team", "新北站"]
    code, out, _ = _run(capsys, *argv, "--display-name", "吳個管", "--password-stdin", stdin="long-enough-pw\n")
    assert code == 0 and "cm.wu" in out
    code, _, err = _run(capsys, *argv, "--password-stdin", stdin="long-enough-pw\n")
    assert code == 2 and "already exists" in err
    code, _, err = _run(capsys, *[a if a != "cm.wu" else "cm.xu" for a in argv], "--password-stdin", stdin="short\n")
    assert code == 2 and "at least 8" in err
    code, _, err = _run(capsys, *argv)
    assert code == 2 and "--password-stdin" in err

    database = Database(Settings(database_url=url))
    try:
        devices = []
        for name in ("筆電", "平板"):
            with database.unit() as session:
                result = auth.login(
                    session,
                    Settings(database_url=url),
                    username="cm.wu",
                    password="long-enough-pw",
                    device_name=name,
                    address="127.0.0.1",
                )
                assert result.principal is not None
                devices.append(str(result.principal.device_id))
    finally:
        database.dispose()

    code, out, _ = _run(capsys, "list-devices", "--database-url", url, "--user", "cm.wu")
    assert code == 0 and all(d in out for d in devices) and out.count("active") == 2
    code, out, _ = _run(capsys, "revoke-device", "--database-url", url, "--device-id", devices[0])
    assert code == 0 and out.strip() == devices[0]
    code, out, _ = _run(capsys, "revoke-device", "--database-url", url, "--user", "cm.wu")
    assert code == 0 and out.strip() == devices[1]
    assert _run(capsys, "list-devices", "--database-url", url)[1].count("active") == 0
    code, _, err = _run(capsys, "revoke-device", "--database-url", url, "--user", "nobody")
    assert code == 2 and "No user nobody" in err
    with pytest.raises(SystemExit):
        main(["revoke-device", "--database-url", url])  # one of --device-id or --user is required
    capsys.readouterr()


def test_demo_accounts_are_idempotent(
    capsys: pytest.CaptureFixture[str], url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATABASE_URL_ENV, url)
    assert _run(capsys, "migrate")[0] == 0
    code, out, _ = _run(capsys, "demo")
    assert code == 0 and out.count("(new)") == 4 and DEMO_PASSWORD in out
    for username in ("cm.chen", "cm.lin", "sup.wang", "admin"):
        assert username in out
    code, out, _ = _run(capsys, "demo")
    assert code == 0 and out.count("(exists)") == 4


def test_serve_refuses_a_public_address_without_a_proxy(capsys: pytest.CaptureFixture[str], url: str) -> None:
    _run(capsys, "migrate", "--database-url", url)
    code, _, err = _run(capsys, "serve", "--database-url", url, "--host", "0.0.0.0")
    assert code == 2 and "--behind-proxy" in err
    assert (
        "--behind-proxy"
        in subprocess.run(
            [sys.executable, "-m", "server.cli", "serve", "--help"],
            capture_output=True,
            text=True,
            cwd=ROOT,
            check=True,
        ).stdout
    )


def test_an_unreachable_or_unknown_database_is_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "list-devices", "--database-url", "postgresql://nobody@127.0.0.1:1/none")
    assert code == 2 and "Cannot reach the database" in err
    code, _, err = _run(capsys, "migrate", "--database-url", "mysql://x/y")
    assert code == 2 and "Unsupported database URL" in err


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def test_serve_runs_the_service_for_real(tmp_path: Path) -> None:
    """What the sync client's tests do: migrate, demo, serve on a free port, log in as cm.chen."""
    env = {**os.environ, DATABASE_URL_ENV: str(tmp_path / "server.db")}
    command = [sys.executable, "-m", "server.cli"]
    for argv in (["migrate"], ["demo"]):
        subprocess.run([*command, *argv], env=env, cwd=ROOT, check=True, capture_output=True)
    port = _free_port()
    process = subprocess.Popen(
        [*command, "serve", "--port", str(port), "--log-level", "warning"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers={"X-FieldCase-Protocol": "1"}) as client:
            deadline = time.monotonic() + 20
            while True:
                try:
                    assert client.get("/api/v1/health").json()["status"] == "ok"
                    break
                except httpx.TransportError:
                    assert process.poll() is None and time.monotonic() < deadline
                    time.sleep(0.1)
            login = client.post(
                "/api/v1/auth/login", json={"username": "cm.chen", "password": DEMO_PASSWORD, "device_name": "ci"}
            )
            assert login.status_code == 200 and login.json()["user"]["role"] == "case_manager"
    finally:
        process.terminate()
        process.communicate(timeout=20)


def test_migrate_and_demo_on_postgresql(capsys: pytest.CaptureFixture[str], postgres: None) -> None:
    with pg_schema_url("cli") as url:
        assert _run(capsys, "migrate", "--database-url", url)[0] == 0
        code, out, _ = _run(capsys, "demo", "--database-url", url)
        assert code == 0 and out.count("(new)") == 4
