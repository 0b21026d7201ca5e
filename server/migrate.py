"""Schema migrations of the central service's database (its own Alembic tree in server/migrations).

`fieldcase-server migrate` upgrades; every other command, and the service itself, refuses a database whose schema
is not at the head revision, with a message saying what to run.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from app.errors import AppError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the server has no migrations"
    return head


def current_revision(engine: Engine) -> str | None:
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    except SQLAlchemyError as exc:
        raise unreachable(engine, exc) from exc


def upgrade(engine: Engine) -> tuple[str | None, str]:
    """Bring the schema to the head revision; (revision before, revision after)."""
    before = current_revision(engine)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    return before, head_revision()


def require_current(engine: Engine) -> None:
    """Refuse to work on a database that is not migrated to this program's schema."""
    current, head = current_revision(engine), head_revision()
    if current == head:
        return
    if current is None:
        raise AppError(
            "資料庫尚未建立同步服務的資料表，請先執行 `fieldcase-server migrate`。",
            "The database has no FieldCase server schema yet; run `fieldcase-server migrate` first.",
        )
    if not _known(current):
        raise AppError(
            f"資料庫由較新版本的 FieldCase 伺服器建立（版本 {current}），請先更新程式。",
            f"The database was made by a newer FieldCase server (revision {current}); update the program first.",
        )
    raise AppError(
        f"資料庫結構版本為 {current}，需要 {head}：請先執行 `fieldcase-server migrate`。",
        f"The database schema is at revision {current}, this program needs {head}: run `fieldcase-server migrate`.",
    )


def unreachable(engine: Engine, exc: Exception) -> AppError:
    where = engine.url.render_as_string(hide_password=True)
    reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return AppError(f"無法連線到資料庫 {where}：{reason}", f"Cannot reach the database {where}: {reason}")


def _known(revision: str) -> bool:
    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except Exception:  # alembic raises several types for an unknown id
        return False
