"""The device token lives in the OS keyring only; the rest of the login is in the store; wiping removes it all."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import RuleError
from app.store.store import Store
from app.sync import credentials
from app.sync.client import login, sync_status, wipe_store
from app.sync.credentials import Account
from app.sync.errors import NotLoggedIn
from tests.conftest import MemoryKeyring
from tests.factories import make_client

ACCOUNT = Account("https://sync.example.tw", "cm.chen", "陳個管", "case_manager", "north", "dev-1")


def test_token_goes_to_the_keyring_not_the_store(store: Store, memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(NotLoggedIn):
        credentials.load_token(store)
    credentials.save_token(store, "s3cret-token-value")
    with store.transaction() as db:
        credentials.save_account(db, ACCOUNT)
    assert memory_keyring.secrets[(credentials.TOKEN_SERVICE, store.device_id)] == "s3cret-token-value"
    assert credentials.load_token(store) == "s3cret-token-value"
    store.close()
    for path in store.path.parent.iterdir():
        if path.is_file():
            assert b"s3cret-token-value" not in path.read_bytes()
    again = Store.open(store.path)
    status = sync_status(again)
    assert status.logged_in and status.account == ACCOUNT and status.pending == 0 and status.cursor == 0
    again.close()


def test_a_different_user_starts_the_pull_over(store: Store) -> None:
    with store.transaction() as db:
        credentials.save_account(db, ACCOUNT)
        credentials.set_meta(db, credentials.CURSOR, "42")
        credentials.save_account(db, ACCOUNT)
        assert credentials.cursor(db) == 42
        credentials.save_account(db, Account(ACCOUNT.server_url, "cm.lin", "", "case_manager", "north", "dev-2"))
        assert credentials.cursor(db) == 0


def test_wipe_removes_store_key_token_and_backups(store: Store, memory_keyring: MemoryKeyring) -> None:
    credentials.save_token(store, "tok")
    store.backup()
    path, device = store.path, store.device_id
    store.close()
    (path.parent / "other.db").write_bytes(b"not ours")
    report = wipe_store(path, device)
    assert not path.exists() and not (path.parent / "backups").exists()
    assert (path.parent / "other.db").exists()
    assert memory_keyring.secrets == {}
    assert "keyring: store key" in report.removed and "keyring: sync token" in report.removed
    assert any(item.endswith(".manual.db") for item in report.removed)


def test_wipe_of_a_passphrase_store_removes_its_key_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIELDCASE_PASSPHRASE", "correct horse battery")
    path = tmp_path / "laptop.db"
    Store.open(path).close()
    key_file = path.with_name(path.name + ".key.json")
    assert key_file.exists()
    report = wipe_store(path)
    assert not key_file.exists() and str(key_file) in report.removed


def test_logging_in_as_someone_else_waits_for_unsent_edits(store: Store) -> None:
    with store.transaction() as db:
        credentials.save_account(db, ACCOUNT)
        db.add(make_client())
    with pytest.raises(RuleError, match=r"cm\.chen"):
        login(store, ACCOUNT.server_url, "cm.lin", "pw", "laptop")


def test_without_a_keyring_the_token_lives_inside_the_passphrase_encrypted_store(
    no_keyring: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A headless Linux laptop (or `make run` on one) has no keyring; its store key is wrapped by the passphrase, and
    the token sits in the encrypted store beside the records it gives access to: never in plain text on disk."""
    monkeypatch.setenv("FIELDCASE_PASSPHRASE", "a long field passphrase")
    opened = Store.open(tmp_path / "laptop.db", actor="cm.chen")
    assert opened.key.source == "passphrase"
    credentials.save_token(opened, "s3cret-token-value")
    assert credentials.load_token(opened) == "s3cret-token-value"
    opened.close()
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert b"s3cret-token-value" not in path.read_bytes()
    again = Store.open(tmp_path / "laptop.db")
    assert credentials.load_token(again) == "s3cret-token-value"
    credentials.forget_stored_token(again)
    with pytest.raises(NotLoggedIn):
        credentials.load_token(again)
    again.close()
