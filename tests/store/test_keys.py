"""Key handling: keyring first, passphrase-wrapped key where there is no keyring, never a plain secret on disk."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.errors import StoreError
from app.store import keys
from app.store.store import Store
from tests.conftest import MemoryKeyring
from tests.factories import make_client


@pytest.mark.usefixtures("no_keyring")
def test_passphrase_fallback_wraps_the_key(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(keys.PASSPHRASE_ENV, "correct horse battery")
    store = Store.open(store_path)
    with store.transaction() as db:
        db.add(make_client())
    raw = store.key.raw
    store.close()
    wrapped = json.loads(keys.wrap_path(store_path).read_text())
    assert raw.hex() not in json.dumps(wrapped)
    assert wrapped["kdf"] == "scrypt"
    assert Store.open(store_path).key.raw == raw


@pytest.mark.usefixtures("no_keyring")
def test_wrong_passphrase_is_told_apart(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(keys.PASSPHRASE_ENV, "correct horse battery")
    Store.open(store_path).close()
    monkeypatch.setenv(keys.PASSPHRASE_ENV, "wrong horse battery")
    with pytest.raises(StoreError, match="密碼錯誤"):
        Store.open(store_path)


@pytest.mark.usefixtures("no_keyring")
def test_prompt_is_asked_when_no_env(store_path: Path) -> None:
    asked: list[bool] = []

    def prompt(creating: bool) -> str:
        asked.append(creating)
        return "field-work-2025"

    Store.open(store_path, prompt=prompt).close()
    Store.open(store_path, prompt=prompt).close()
    assert asked == [True, False]


@pytest.mark.usefixtures("no_keyring")
def test_short_passphrase_refused_and_nothing_created(store_path: Path) -> None:
    with pytest.raises(StoreError, match="至少需要 8 個字元"):
        Store.open(store_path, prompt=lambda creating: "short")
    assert not keys.wrap_path(store_path).exists()


@pytest.mark.usefixtures("no_keyring")
def test_no_passphrase_and_no_prompt(store_path: Path) -> None:
    with pytest.raises(StoreError, match="FIELDCASE_PASSPHRASE"):
        Store.open(store_path)


@pytest.mark.usefixtures("no_keyring")
def test_change_passphrase_keeps_the_key(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(keys.PASSPHRASE_ENV, "first passphrase")
    raw = Store.open(store_path).key.raw
    keys.change_passphrase(store_path, "first passphrase", "second passphrase")
    monkeypatch.setenv(keys.PASSPHRASE_ENV, "second passphrase")
    assert Store.open(store_path).key.raw == raw


@pytest.mark.usefixtures("no_keyring")
def test_damaged_key_file(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(keys.PASSPHRASE_ENV, "first passphrase")
    Store.open(store_path).close()
    keys.wrap_path(store_path).write_text('{"format": 1}')
    with pytest.raises(StoreError, match="金鑰檔已損壞"):
        Store.open(store_path)


def test_store_without_any_key(store: Store, store_path: Path, memory_keyring: MemoryKeyring) -> None:
    store.close()
    memory_keyring.secrets.clear()
    with pytest.raises(StoreError, match="找不到此資料庫的金鑰"):
        Store.open(store_path)


def test_forget_key(store: Store, store_path: Path, memory_keyring: MemoryKeyring) -> None:
    store.close()
    keys.forget_key(store_path)
    assert memory_keyring.secrets == {}
