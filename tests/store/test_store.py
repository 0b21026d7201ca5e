"""The encrypted store: what a copied file reveals, wrong keys, pragmas, a full disk."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.errors import StoreError
from app.models import Client
from app.store import keys
from app.store.store import Store
from tests.conftest import MemoryKeyring
from tests.factories import make_case, make_client

SECRET_NAME = "鄭秀蘭"
SECRET_ID = "F223456786"


def _fill(store: Store) -> None:
    with store.transaction() as db:
        client = make_client(name=SECRET_NAME, id_number=SECRET_ID, mobile_phone="0987654321")
        db.add(make_case(client, intake_assessment="案主有思覺失調症病史"))


def test_copied_files_show_no_client_data(store: Store, store_path: Path, tmp_path: Path) -> None:
    _fill(store)
    copies = tmp_path / "stolen"
    copies.mkdir()
    for f in store_path.parent.glob(store_path.name + "*"):
        shutil.copy(f, copies / f.name)
    raw = b"".join(f.read_bytes() for f in copies.iterdir())
    assert len(raw) > 4096
    for needle in (SECRET_NAME, SECRET_ID, "0987654321", "思覺失調"):
        assert needle.encode("utf-8") not in raw
    assert b"SQLite format 3" not in raw


def test_reopens_with_key_from_keyring(store: Store, store_path: Path, memory_keyring: MemoryKeyring) -> None:
    _fill(store)
    device = store.device_id
    store.close()
    assert memory_keyring.secrets, "the key must be kept in the keyring"
    again = Store.open(store_path)
    with again.transaction() as db:
        assert db.scalar(select(Client.name)) == SECRET_NAME
    assert again.device_id == device
    again.close()


def test_wrong_key_gives_clear_message(store: Store, store_path: Path, memory_keyring: MemoryKeyring) -> None:
    _fill(store)
    store.close()
    account = (keys.KEYRING_SERVICE, keys.keyring_account(store_path))
    memory_keyring.secrets[account] = "00" * 32
    with pytest.raises(StoreError) as caught:
        Store.open(store_path)
    assert "金鑰或密碼不正確" in caught.value.message_zh
    assert "wrong" in caught.value.message_en


def test_plain_file_is_not_taken_for_a_store(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    impostor = tmp_path / "notes.db"
    impostor.write_bytes(b"this is not a database at all" * 200)
    memory_keyring.secrets[(keys.KEYRING_SERVICE, keys.keyring_account(impostor))] = "11" * 32
    with pytest.raises(StoreError, match="不是 FieldCase 資料庫"):
        Store.open(impostor)


def test_missing_store_without_create(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="找不到資料庫"):
        Store.open(tmp_path / "nowhere.db", create=False)


def test_wal_and_foreign_keys_are_on(store: Store) -> None:
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"


def test_full_disk_changes_nothing_and_says_so(store: Store) -> None:
    _fill(store)
    with store.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    with pytest.raises(StoreError) as caught, store.transaction() as db:
        # SQLite's own limit on the file size produces the same SQLITE_FULL a full disk does.
        db.connection().exec_driver_sql(f"PRAGMA max_page_count = {pages}")
        for n in range(400):
            db.add(make_client(name=f"測試{n}", work_history="長" * 2000))
    assert "磁碟空間不足" in caught.value.message_zh
    with store.transaction() as db:
        assert db.scalar(select(func.count()).select_from(Client)) == 1


def test_backup_is_encrypted_and_opens_with_the_same_key(store: Store) -> None:
    _fill(store)
    backup = store.backup("test")
    assert SECRET_NAME.encode() not in backup.read_bytes()
    from app.store.engine import connect

    conn = connect(backup, store.key)
    try:
        assert conn.execute("SELECT name FROM client").fetchone() == (SECRET_NAME,)
    finally:
        conn.close()
