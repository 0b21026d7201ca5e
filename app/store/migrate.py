"""Schema migrations of the local store (Alembic), each preceded by a backup.

A store may hold days of unsynced field work, so a migration must never lose it: the backup is taken first and
each revision keeps the outbox and every row (DESIGN.md, "Local store").
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from app.errors import StoreError
from app.store.backup import backup_store
from app.store.engine import writer
from app.store.keys import StoreKey

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the local store has no migrations"
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade_store(engine: Engine, path: Path, key: StoreKey, target: str = "head") -> Path | None:
    """Bring the schema to `target`, backing the store up first when it already holds data.

    Runs under the write lock, with the revision read again inside it, so a second process opening the store at
    the same moment waits and then finds nothing left to do. Foreign keys are off while tables are rebuilt (SQLite's
    batch migrations drop and recreate tables that other tables point to) and checked before the commit.
    Returns the backup's path, or None when nothing needed migrating or the store was new.
    """
    script = ScriptDirectory.from_config(alembic_config())
    wanted = script.get_current_head() if target == "head" else target
    if current_revision(engine) == wanted:
        return None
    with writer(engine).connect() as conn:
        # Only outside a transaction does SQLite honour this, hence the driver connection, which does not begin one.
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.begin():
                current = MigrationContext.configure(conn).get_current_revision()
                if current == wanted:
                    return None
                if current is not None and not _known(script, current):
                    raise StoreError(
                        "此資料庫由較新版本的 FieldCase 建立，請先更新程式再開啟。",
                        "This store was made by a newer FieldCase; update the program before opening it.",
                    )
                backup = backup_store(engine, path, key, label=f"before-{wanted}") if current is not None else None
                command.upgrade(alembic_config(conn), target)
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise StoreError(
                        "資料庫升級後發現資料關聯錯誤，已取消升級，資料維持原樣。",
                        f"The upgrade left {len(broken)} broken references; it was rolled back and nothing changed.",
                    )
        finally:
            raw.execute("PRAGMA foreign_keys = ON")
    return backup


def _known(script: ScriptDirectory, revision: str) -> bool:
    try:
        return script.get_revision(revision) is not None
    except Exception:  # alembic raises several types for an unknown id
        return False
