"""`fieldcase login` and `fieldcase sync` against a real server: JSON out, exit 2 with a message on expected
problems, and a revoked laptop wiped."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import EXIT_PROBLEM, main
from app.store.store import Store
from app.sync import transport
from tests.factories import make_case, make_client
from tests.sync.live import PASSWORD, LiveServer, free_port, running_server, template_once


@pytest.fixture
def server(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    template = template_once(tmp_path_factory.mktemp("server-template"))
    with running_server(tmp_path / "server", template) as live:
        yield live


def _login(db: Path, url: str, password: str, monkeypatch: pytest.MonkeyPatch, *extra: str) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    return main([*extra, "login", "--db", str(db), "--server", url, "--user", "cm.chen", "--password-stdin"])


def test_login_then_sync_prints_the_report(
    server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "laptop.db"
    assert _login(db, server.url, PASSWORD, monkeypatch) == 0
    account = json.loads(capsys.readouterr().out)
    assert (account["username"], account["role"], account["server_url"]) == ("cm.chen", "case_manager", server.url)
    store = Store.open(db)
    with store.transaction() as session:
        session.add(make_case(make_client()))
    store.close()
    assert main(["sync", "--db", str(db)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["pushed"] == 2 and report["pending"] == 0 and report["conflicts_open"] == 0


def test_wrong_password_is_a_message_not_a_traceback(
    server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _login(tmp_path / "laptop.db", server.url, "wrong", monkeypatch, "--lang", "en") == EXIT_PROBLEM
    assert capsys.readouterr().err.strip() == "Wrong username or password."


def test_sync_before_login_says_to_log_in(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "laptop.db"
    Store.open(db).close()
    assert main(["sync", "--db", str(db)]) == EXIT_PROBLEM
    assert "登入" in capsys.readouterr().err


def test_an_unreachable_server_is_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(transport.RetryPolicy, "delay", lambda self, attempt, retry_after=None: 0.0)
    db = tmp_path / "laptop.db"
    assert _login(db, f"http://127.0.0.1:{free_port()}", PASSWORD, monkeypatch) == EXIT_PROBLEM
    assert "無法連線" in capsys.readouterr().err


def test_a_revoked_laptop_wipes_its_store_and_says_so(
    server: LiveServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "laptop.db"
    assert _login(db, server.url, PASSWORD, monkeypatch) == 0
    assert main(["sync", "--db", str(db)]) == 0
    store = Store.open(db)
    store.backup()
    store.close()
    capsys.readouterr()
    server.cli("revoke-device", "--user", "cm.chen")
    assert main(["--lang", "en", "sync", "--db", str(db)]) == EXIT_PROBLEM
    err = capsys.readouterr().err
    assert "revoked" in err and str(db) in err and "keyring: sync token" in err
    assert not db.exists() and not (tmp_path / "backups").exists()
