"""The server's Alembic tree builds exactly the models' schema, on PostgreSQL and SQLite, and the service refuses a
database that is not at the head revision."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from app.errors import AppError
from server.core.config import Settings
from server.core.db import Database
from server.main import create_app
from server.migrate import alembic_config, head_revision, require_current, upgrade
from server.models import ServerBase
from tests.server.support import pg_schema_url, sqlite_url


@pytest.fixture(params=["postgresql", "sqlite"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    if request.param == "postgresql":
        request.getfixturevalue("postgres")
        with pg_schema_url("migrations") as url:
            db = Database(Settings(database_url=url))
            yield db
            db.dispose()
    else:
        db = Database(Settings(database_url=sqlite_url(tmp_path / "server.db")))
        yield db
        db.dispose()


def test_migrations_build_the_models_schema(database: Database) -> None:
    with pytest.raises(AppError, match="migrate"):
        require_current(database.engine)
    with pytest.raises(AppError, match="migrate"):
        create_app(Settings(database_url=database.url))
    assert upgrade(database.engine) == (None, head_revision())
    require_current(database.engine)
    with database.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), ServerBase.metadata) == []
    with database.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "base")
    with pytest.raises(AppError):
        require_current(database.engine)
    assert upgrade(database.engine)[1] == head_revision()
