"""The server's Alembic tree builds exactly the models' schema, on PostgreSQL and SQLite, and the service refuses a
database that is not at the head revision."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Uuid, bindparam, select, text

from app.errors import AppError
from server.core.config import Settings
from server.core.db import Database
from server.main import create_app
from server.migrate import alembic_config, head_revision, require_current, upgrade
from server.models import Device, Record, ServerBase
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


def test_upgrading_keeps_logouts_apart_from_revocations_and_indexes_attachment_hashes(database: Database) -> None:
    with database.engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0001")
    devices = {name: uuid.uuid4() for name in ("logged_out", "revoked", "active")}
    attachment, other = uuid.uuid4(), uuid.uuid4()
    digest = "c" * 64
    now = "2026-11-20 01:02:03"
    with database.engine.begin() as conn:
        conn.execute(text("INSERT INTO team (id, name, created_at) VALUES (1, 't', :now)"), {"now": now})
        conn.execute(
            text(
                "INSERT INTO user_account (id, username, display_name, role, team_id, password_hash, created_at) "
                "VALUES (1, 'cm.a', '', 'case_manager', 1, 'x', :now)"
            ),
            {"now": now},
        )
        for name, device_id in devices.items():
            conn.execute(
                text(
                    "INSERT INTO device (id, user_id, name, token_hash, created_at, revoked_at, revoked_by) "
                    "VALUES (:id, 1, :name, :hash, :now, :at, :by)"
                ).bindparams(bindparam("id", type_=Uuid())),
                {
                    "id": device_id,
                    "name": name,
                    "hash": name,
                    "now": now,
                    "at": None if name == "active" else now,
                    "by": {"logged_out": "cm.a", "revoked": "admin"}.get(name),
                },
            )
        for record_id, record_type, data, version in (
            (attachment, "attachment", f'{{"sha256": "{digest}", "size": 3}}', 1),
            (other, "client", '{"name": "x"}', 2),
        ):
            conn.execute(
                text(
                    "INSERT INTO record (id, record_type, version, data, deleted, anchored, created_by, created_at, "
                    "updated_at, updated_by) VALUES (:id, :type, :version, :data, false, true, 'cm.a', :now, :now, "
                    "'cm.a')"
                ).bindparams(bindparam("id", type_=Uuid())),
                {"id": record_id, "type": record_type, "version": version, "data": data, "now": now},
            )
    upgrade(database.engine)
    with database.unit() as session:
        state = {
            device.name: (device.revoked_at is not None, device.logged_out_at is not None, device.revoked_by)
            for device in session.scalars(select(Device))
        }
        hashes = {row.id: row.blob_sha256 for row in session.execute(select(Record.id, Record.blob_sha256))}
    assert state == {
        "logged_out": (False, True, None),
        "revoked": (True, False, "admin"),
        "active": (False, False, None),
    }
    assert hashes == {attachment: digest, other: None}
    with database.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0001")
        rows = conn.execute(text("SELECT name, revoked_by FROM device WHERE revoked_at IS NOT NULL")).all()
    assert sorted(rows) == [("logged_out", "cm.a"), ("revoked", "admin")]
