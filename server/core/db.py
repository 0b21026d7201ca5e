"""Engine, sessions and units of work: PostgreSQL (psycopg 3) in production, an embedded SQLite file by default.

Services never commit; a route runs each unit of work through one of the helpers below, which commits it or rolls
it back as a whole. Writers that assign versions take the `sync_counter` row first (`writing()`), so versions
become visible in the order they were handed out (docs/sync-protocol.md, "Versions on PostgreSQL"). On SQLite every
transaction begins with the write lock (BEGIN IMMEDIATE): SQLite serialises writers anyway, and a reader that
later writes (a pull records its reads in the audit log) cannot then fail on upgrading its lock.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from server.core.config import Settings
from server.models import SyncCounter

COUNTER_ID = 1


class VersionCounter:
    """The server's change sequence, locked for the rest of the transaction (SELECT … FOR UPDATE)."""

    def __init__(self, session: Session) -> None:
        self._session = session
        row = session.execute(
            select(SyncCounter.value).where(SyncCounter.id == COUNTER_ID).with_for_update()
        ).scalar_one_or_none()
        if row is None:
            raise RuntimeError("sync_counter has no row: the database was not migrated")
        self._start = self.value = int(row)

    def take(self) -> int:
        self.value += 1
        return self.value

    def save(self) -> None:
        if self.value != self._start:
            self._session.execute(update(SyncCounter).where(SyncCounter.id == COUNTER_ID).values(value=self.value))
            self._start = self.value


class Database:
    def __init__(self, settings: Settings) -> None:
        self.url = settings.database_url
        self.engine = make_engine(settings)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        self._sessions = sessionmaker(self.engine, expire_on_commit=False, autoflush=True)

    def dispose(self) -> None:
        self.engine.dispose()

    @contextmanager
    def unit(self) -> Iterator[Session]:
        """One plain transaction (login, logout, revoke, CLI commands)."""
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def snapshot(self) -> Iterator[Session]:
        """One transaction that reads a single snapshot throughout (REPEATABLE READ on PostgreSQL): a pull."""
        with self._sessions() as session, session.begin():
            if not self.is_sqlite:
                session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            yield session

    @contextmanager
    def writing(self) -> Iterator[tuple[Session, VersionCounter]]:
        """One transaction holding the version counter until it commits: a pushed op, a resolution."""
        with self._sessions() as session, session.begin():
            counter = VersionCounter(session)
            yield session, counter
            counter.save()


def make_engine(settings: Settings) -> Engine:
    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite":
        database = url.database or ""
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        _sqlite_pragmas_and_immediate_transactions(engine)
        return engine
    return create_engine(
        url,
        pool_size=settings.pool_size,
        max_overflow=settings.max_overflow,
        pool_pre_ping=True,
    )


def _sqlite_pragmas_and_immediate_transactions(engine: Engine) -> None:
    """SQLAlchemy's documented recipe for pysqlite: let SQLAlchemy, not the driver, begin transactions."""

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, connection_record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA busy_timeout = 30000")
        cursor.execute("PRAGMA synchronous = FULL")  # a committed push survives a power cut
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
