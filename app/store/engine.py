"""Opening the encrypted store: a SQLCipher connection per pool slot, with the pragmas every connection needs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from app.errors import StoreError
from app.store.keys import StoreKey

IMMEDIATE = "fieldcase_immediate"  # execution option: begin with the write lock

WRONG_KEY = StoreError(
    "無法解開資料庫：金鑰或密碼不正確，或檔案不是 FieldCase 資料庫。",
    "The store cannot be decrypted: the key or passphrase is wrong, or the file is not a FieldCase store.",
)


def connect(path: Path, key: StoreKey) -> sqlcipher.Connection:
    """A DB-API connection to the encrypted file, checked to decrypt (a wrong key fails here, not mid-work)."""
    conn = sqlcipher.connect(str(path), check_same_thread=False, timeout=30)
    try:
        # Without this SQLCipher writes an HMAC error to stderr for every wrong-key attempt.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {key.sqlcipher_pragma_value()}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as exc:
        conn.close()
        raise WRONG_KEY from exc
    conn.execute("PRAGMA journal_mode = WAL")  # readers never wait for the writer (the GUI reads while saving)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 30000")
    # FULL: a commit survives a dead battery; field work is worth the fsync.
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def writer(engine: Engine) -> Engine:
    """The same engine (and pool) whose transactions begin with the write lock."""
    return engine.execution_options(**{IMMEDIATE: True})


def make_engine(path: Path, key: StoreKey) -> Engine:
    def creator() -> sqlcipher.Connection:
        return connect(path, key)

    engine = create_engine(
        "sqlite+pysqlite://",
        module=sqlcipher,
        creator=creator,
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=2,
    )
    _use_explicit_transactions(engine)
    return engine


def _use_explicit_transactions(engine: Engine) -> None:
    """Let SQLAlchemy, not the driver, begin transactions, so SAVEPOINT and DDL inside them behave (SQLAlchemy's
    documented recipe for pysqlite-style drivers)."""

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, connection_record: Any) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def on_begin(conn: Any) -> None:
        # A unit of work that will write takes the write lock at BEGIN: otherwise two writers that both read first
        # deadlock on the upgrade, and SQLite fails one at once instead of letting busy_timeout wait.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(IMMEDIATE) else "BEGIN")
