"""Key handling: keyring first, passphrase-wrapped key where there is no keyring, never a plain secret on disk."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from app.errors import StoreError
from app.models import Client
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


def test_missing_store_file_never_gets_a_new_key(store: Store, store_path: Path, memory_keyring: MemoryKeyring) -> None:
    """A moved or deleted store must not get a fresh key: that would lock out the file and all its backups."""
    with store.transaction() as db:
        db.add(make_client())
    backup = store.backup("before-move")
    store.close()
    secrets_before = dict(memory_keyring.secrets)
    moved = store_path.with_name("moved.db")
    store_path.rename(moved)
    with pytest.raises(StoreError, match="不會建立新金鑰"):
        Store.open(store_path)
    assert memory_keyring.secrets == secrets_before
    assert not store_path.exists()
    backup.rename(store_path)  # restoring the backup to the old path works with the kept key
    restored = Store.open(store_path)
    with restored.transaction() as db:
        assert db.scalar(select(Client.name)) == "王小明"
    restored.close()


def test_stale_keyring_entry_falls_back_to_the_key_file(
    store_path: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(keys.PASSPHRASE_ENV, "passphrase for the file")
    Store.open(store_path).close()  # wrapped key, because the passphrase was given
    memory_keyring.secrets[(keys.KEYRING_SERVICE, keys.keyring_account(store_path))] = "22" * 32  # stale entry
    assert Store.open(store_path).key.source == "passphrase"
    monkeypatch.delenv(keys.PASSPHRASE_ENV)
    # without the env var the keyring is tried first, fails to decrypt, and the passphrase is asked for
    asked: list[bool] = []
    store = Store.open(store_path, prompt=lambda creating: asked.append(creating) or "passphrase for the file")
    assert (store.key.source, asked) == ("passphrase", [False])
    store.close()


def test_key_never_appears_in_repr(store: Store) -> None:
    assert store.key.raw.hex() not in repr(store) + repr(store.key)
    assert str(list(store.key.raw)) not in repr(store.key)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
@pytest.mark.usefixtures("no_keyring")
def test_store_and_key_file_are_owner_only(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(keys.PASSPHRASE_ENV, "owner only please")
    Store.open(store_path).close()
    assert stat.S_IMODE(store_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(keys.wrap_path(store_path).stat().st_mode) == 0o600


def test_two_processes_creating_one_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both start at once on a path that does not exist; afterwards the store opens and holds both clients."""
    path = tmp_path / "race.db"
    script = (
        "import sys\n"
        "from app.store.store import Store\n"
        "from tests.factories import make_client\n"
        "from app.services.validation import make_national_id\n"
        "store = Store.open(sys.argv[1])\n"
        "with store.transaction() as db:\n"
        "    db.add(make_client(id_number=make_national_id('A', 1, sys.argv[2]), name='同時' + sys.argv[2]))\n"
    )
    env = dict(
        os.environ, FIELDCASE_PASSPHRASE="race passphrase", PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring"
    )
    runs = [
        subprocess.Popen([sys.executable, "-c", script, str(path), serial], env=env, cwd=Path(__file__).parents[2])
        for serial in ("1111111", "2222222")
    ]
    assert [run.wait(timeout=60) for run in runs] == [0, 0]
    monkeypatch.setenv(keys.PASSPHRASE_ENV, "race passphrase")
    store = Store.open(path, create=False)
    with store.transaction() as db:
        assert sorted(db.scalars(select(Client.name))) == ["同時1111111", "同時2222222"]
    store.close()
