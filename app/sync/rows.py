"""Row-level helpers for the sync client: which fields have local edits waiting, and removing synced rows safely."""

from __future__ import annotations

import logging
import uuid
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import Table, delete, select
from sqlalchemy.orm import Session

from app.models.base import Base
from app.models.local import OutboxOp
from app.models.sync import SyncConflict
from app.store import search
from app.sync.schema import CONFLICT_TYPE, record_types

log = logging.getLogger(__name__)

CHUNK = 500  # ids per IN (...) list, well below SQLite's variable limit

RecordKey = tuple[str, uuid.UUID]  # (record_type, id)


def chunks(ids: Iterable[uuid.UUID], size: int = CHUNK) -> Iterable[list[uuid.UUID]]:
    batch: list[uuid.UUID] = []
    for item in ids:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def pending_fields(session: Session) -> dict[uuid.UUID, set[str]]:
    """Record id → fields with a local edit the server has not settled yet (outbox ops, resolutions included).

    A pulled record keeps these fields' local values, so the edit is neither lost nor hidden before it is pushed.
    """
    found: dict[uuid.UUID, set[str]] = defaultdict(set)
    resolutions: list[uuid.UUID] = []
    for record_type, record_id, fields in session.execute(
        select(OutboxOp.record_type, OutboxOp.record_id, OutboxOp.fields)
    ):
        if record_type == CONFLICT_TYPE:
            resolutions.append(record_id)
        else:
            found[record_id].update(fields)
    for ids in chunks(resolutions):
        for record_id, field in session.execute(
            select(SyncConflict.record_id, SyncConflict.field).where(SyncConflict.id.in_(ids))
        ):
            found[record_id].add(field)
    return found


def table_of(record_type: str) -> Table:
    table = Base.metadata.tables[record_type]
    assert isinstance(table, Table)
    return table


def delete_rows(session: Session, doomed: dict[str, set[uuid.UUID]]) -> int:
    """Delete synced rows by record type, and their search documents; returns how many went.

    A row that a surviving row still points to (a case whose record has an unsent edit, say) stays: the deletes run
    in a savepoint, SQLite's foreign-key check names the rows left dangling, and the parents they point to are taken
    off the list before trying again. Foreign keys are deferred during a sync apply, so this check is the only
    place a dangling reference would be noticed before the commit refuses it.
    """
    doomed = {name: set(ids) for name, ids in doomed.items() if ids}
    while doomed:
        nested = session.begin_nested()
        for name, ids in doomed.items():
            table = table_of(name)
            for batch in chunks(ids):
                session.execute(delete(table).where(table.c.id.in_(batch)))
        keep = _still_referenced(session, doomed)
        if not keep:
            nested.commit()
            break
        nested.rollback()
        for name, ids in keep.items():
            doomed[name] -= ids
        doomed = {name: ids for name, ids in doomed.items() if ids}
    conn = session.connection()
    count = 0
    for ids in doomed.values():
        for record_id in ids:
            search.remove(conn, record_id)
            count += 1
    return count


def _still_referenced(session: Session, doomed: dict[str, set[uuid.UUID]]) -> dict[str, set[uuid.UUID]]:
    """Rows about to be deleted that a remaining row still references."""
    conn = session.connection()
    keep: dict[str, set[uuid.UUID]] = defaultdict(set)
    columns: dict[tuple[str, int], str] = {}
    for child, rowid, parent, fkid in conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall():
        if parent not in doomed:
            continue
        if (child, fkid) not in columns:
            for row in conn.exec_driver_sql(f'PRAGMA foreign_key_list("{child}")').fetchall():
                columns[(child, row[0])] = row[3]
        column = columns[(child, fkid)]
        value = conn.exec_driver_sql(f'SELECT "{column}" FROM "{child}" WHERE rowid = ?', (rowid,)).scalar()
        if value is None:
            continue
        parent_id = uuid.UUID(hex=str(value))
        if parent_id in doomed[parent]:
            keep[parent].add(parent_id)
    return keep


def synced_types() -> list[str]:
    """Record types parents first (clients before cases before records), the order rows are written in."""
    names = set(record_types())
    return [table.name for table in Base.metadata.sorted_tables if table.name in names]
