"""Migrations: a store holding unsynced field work is upgraded after a backup, and the work is intact."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select, text
from sqlalchemy.orm import sessionmaker

from app.errors import StoreError
from app.models import Client, OutboxOp
from app.store import migrate, tracking
from app.store.engine import connect, make_engine
from app.store.keys import create_key
from app.store.migrate import alembic_config, current_revision, head_revision
from app.store.search import search_clients
from app.store.store import Store
from tests.factories import make_case, make_client, make_record


@pytest.fixture(autouse=True)
def edits_as_the_first_release_made_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """The read-only guard reads sync_read_only, which came with 0005; the first release had neither."""
    monkeypatch.setattr(tracking, "_guard_read_only", lambda session: None)


def _store_at_first_revision(path: Path) -> list[tuple[int, str, dict[str, object]]]:
    """A store as the first release left it, with a day of unsynced edits in its outbox."""
    key = create_key(path)
    engine = make_engine(path, key)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0001")
    factory = sessionmaker(engine, expire_on_commit=False)
    tracking.install(factory)
    with factory.begin() as db:
        db.info[tracking.INFO_ACTOR] = "cm.lin"
        db.info[tracking.INFO_DEVICE] = "laptop-7"
        client = make_client(name="陳阿美", id_number="T223344559")
        case = make_case(client)
        db.add_all([client, case, make_record(case, notes="蘭嶼外展晤談")])
    with factory.begin() as db:
        db.get_one(Client, client.id).mobile_phone = "0988777666"
        ops = [(op.seq, str(op.op_id), op.fields) for op in db.scalars(select(OutboxOp).order_by(OutboxOp.seq))]
    engine.dispose()
    return ops


def test_upgrade_keeps_unsynced_edits(store_path: Path) -> None:
    before = _store_at_first_revision(store_path)
    assert len(before) == 3

    store = Store.open(store_path)
    assert current_revision(store.engine) == head_revision()
    assert store.last_backup is not None and store.last_backup.exists()
    with store.transaction() as db:
        after = [(op.seq, str(op.op_id), op.fields) for op in db.scalars(select(OutboxOp).order_by(OutboxOp.seq))]
        assert after == before
        assert db.scalar(select(Client.mobile_phone)) == "0988777666"
        # the new search index covers what was typed before it existed
        assert len(search_clients(db.connection(), "阿美")) == 1
        assert len(search_clients(db.connection(), "蘭嶼", include_notes=True)) == 1
    store.close()


def test_backup_holds_the_pre_migration_state(store_path: Path) -> None:
    _store_at_first_revision(store_path)
    store = Store.open(store_path)
    assert store.last_backup is not None
    conn = connect(store.last_backup, store.key)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert conn.execute("SELECT count(*) FROM outbox").fetchone() == (3,)
    finally:
        conn.close()
    store.close()


def test_up_to_date_store_is_not_backed_up_again(store: Store, store_path: Path) -> None:
    store.close()
    again = Store.open(store_path)
    assert again.last_backup is None
    again.close()


def test_store_from_a_newer_version_is_refused(store: Store, store_path: Path) -> None:
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    store.close()
    with pytest.raises(StoreError, match="較新版本"):
        Store.open(store_path)


REBUILD_CLIENT = '''"""A later revision that rebuilds a table other tables point to, as SQLite batch migrations do."""
from alembic import op
import sqlalchemy as sa

revision = "9001"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("client", recreate="always") as batch:
        batch.add_column(sa.Column("nickname", sa.String(32), nullable=True))


def downgrade() -> None:
    pass
'''


def test_rebuilding_a_referenced_table_keeps_every_row(
    store: Store, store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with store.transaction() as db:
        case = make_case(make_client())
        db.add_all([case, make_record(case)])
    store.close()
    migrations = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, migrations)
    (migrations / "versions" / "9001_rebuild_client.py").write_text(REBUILD_CLIENT.replace("{head}", head_revision()))
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", migrations)

    upgraded = Store.open(store_path)
    assert current_revision(upgraded.engine) == "9001"
    with upgraded.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM client")).scalar() == 1
        assert conn.execute(text('SELECT count(*) FROM "case"')).scalar() == 1
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1  # back on after the migration
    upgraded.close()


def test_outbox_sequence_is_never_reused(store: Store) -> None:
    with store.transaction() as db:
        db.add(make_client())
        db.add(make_client(id_number="B123456780", name="李四"))
    with store.transaction() as db:
        newest = db.scalars(select(OutboxOp).order_by(OutboxOp.seq.desc())).first()
        assert newest is not None
        top = newest.seq
        db.delete(newest)  # as when the server has acknowledged it
    with store.transaction() as db:
        db.add(make_client(id_number="C123456781", name="張三"))
    with store.transaction() as db:
        assert max(db.scalars(select(OutboxOp.seq))) == top + 1


def test_migrations_build_exactly_the_models_schema(store: Store) -> None:
    """A model change without its migration (or the reverse) is caught here, not on a laptop in the field."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from app.models.base import Base

    with store.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    search_tables = {"search_doc", "client_fts", "note_fts"} | {
        f"{t}_{s}" for t in ("client_fts", "note_fts") for s in ("data", "idx", "docsize", "config", "content")
    }
    real = [d for d in differences if not (d[0] == "remove_table" and d[1].name in search_tables)]
    real = [d for d in real if not (d[0] == "remove_index" and d[1].table.name == "search_doc")]
    assert real == []
