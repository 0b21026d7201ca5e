"""Migration 0005 (the sync client's tables) keeps a day of unsynced field work and can be undone."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, select
from sqlalchemy.orm import sessionmaker

from app.models import OutboxOp
from app.store import tracking
from app.store.engine import make_engine
from app.store.keys import create_key
from app.store.migrate import alembic_config, current_revision, head_revision
from app.store.store import Store
from app.sync.conflicts import open_conflicts, pending_count
from tests.factories import make_case, make_client, make_record

SYNC_TABLES = {"sync_conflict", "sync_inbox", "sync_rejected", "sync_read_only"}


def test_upgrade_to_0005_keeps_the_outbox_and_adds_empty_sync_tables(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = create_key(store_path)
    engine = make_engine(store_path, key)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0004")
    factory = sessionmaker(engine, expire_on_commit=False)
    tracking.install(factory)
    # Edits as a 0004 program made them: the read-only guard reads sync_read_only, which 0005 adds.
    monkeypatch.setattr(tracking, "_guard_read_only", lambda session: None)
    with factory.begin() as db:
        db.info[tracking.INFO_DEVICE] = "laptop-3"
        case = make_case(make_client())
        db.add_all([case, make_record(case, notes="部落外展")])
    with factory.begin() as db:
        before = [(op.seq, op.op_id, op.fields) for op in db.scalars(select(OutboxOp).order_by(OutboxOp.seq))]
    engine.dispose()

    store = Store.open(store_path)
    assert current_revision(store.engine) == head_revision()
    with store.transaction() as db:
        after = [(op.seq, op.op_id, op.fields) for op in db.scalars(select(OutboxOp).order_by(OutboxOp.seq))]
        assert after == before and len(after) == 3
        assert set(inspect(db.connection()).get_table_names()) >= SYNC_TABLES
    assert pending_count(store) == 3 and open_conflicts(store) == []

    with store.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0004")
        assert not SYNC_TABLES & set(inspect(conn).get_table_names())
        assert conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar() == 3
    store.close()
