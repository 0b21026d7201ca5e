"""Applying the staged inbox: every pulled change written in one transaction (docs/sync-protocol.md, "Applying").

Foreign keys are deferred, so a record may arrive before its parent; one whose parent never arrives (the server
holds it, but not what it hangs from) stays staged until a later pull brings the parent, instead of blocking
every other change. Rows are written through the ORM with the session marked as applying sync, so no outbox
operation is made while the search index still follows every row.
A killed process leaves either the whole inbox (applied next time) or the applied result, never half.
"""

from __future__ import annotations

import logging
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, inspect, select
from sqlalchemy.orm import Session

from app.models.base import SyncMixin
from app.models.sync import ReadOnlyRecord, SyncConflict, SyncInboxItem
from app.store.store import Store
from app.store.tracking import INFO_APPLYING_SYNC
from app.store.values import to_json_value
from app.sync import credentials
from app.sync.removal import remove_case, remove_unsent
from app.sync.rows import RecordKey, chunks, pending_fields, synced_types, table_of
from app.sync.schema import record_type, record_types
from app.sync.values import from_json_value

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ApplyOutcome:
    applied: int  # records written (new or changed)
    removed: int  # rows removed by scope removals or a repair
    conflicts_new: int  # conflicts this laptop had not seen before
    kept_local: int  # fields that kept their local value because an edit of them is waiting to be pushed
    held_back: int  # records left staged because their parent (case, client, plan) is not here yet
    repair: bool  # this apply finished a repair pull


def apply_inbox(store: Store) -> ApplyOutcome:
    with store.transaction() as session:
        session.info[INFO_APPLYING_SYNC] = True
        session.connection().exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        return _apply(session)


def _apply(session: Session) -> ApplyOutcome:
    repair = credentials.get_meta(session, credentials.REPAIR) == "1"
    items = list(session.scalars(select(SyncInboxItem).order_by(SyncInboxItem.seq)))
    if not items and not repair:
        return ApplyOutcome(0, 0, 0, 0, 0, repair=False)
    latest: dict[RecordKey, dict[str, Any]] = {}
    removals: list[dict[str, Any]] = []
    conflicts: dict[uuid.UUID, dict[str, Any]] = {}
    for entry in items:
        item = entry.item
        if entry.kind == "record":
            if record_type(str(item.get("record_type"))) is None:
                log.warning("skipping a pulled record of unknown type %r", item.get("record_type"))
                continue
            key = (str(item["record_type"]), uuid.UUID(str(item["id"])))
            if key not in latest or int(item["version"]) >= int(latest[key]["version"]):
                latest[key] = item
        elif entry.kind == "scope_removal":
            removals.append(item)
        elif entry.kind == "conflict":
            conflict_id = uuid.UUID(str(item["id"]))
            if conflict_id not in conflicts or int(item["version"]) >= int(conflicts[conflict_id]["version"]):
                conflicts[conflict_id] = item
        else:
            log.warning("skipping a pulled item of unknown kind %r", entry.kind)

    pending = pending_fields(session)
    applied, kept_local, orphans = _apply_all_records(session, latest, pending)
    _mark_read_only(session, (item for key, item in latest.items() if key not in orphans))
    session.flush()
    removed = 0
    for removal in sorted(removals, key=lambda r: int(r["version"])):
        removed += remove_case(session, removal, pending)
        orphans = {key for key in orphans if not _removed_with(latest[key], removal)}
    if repair:
        removed += remove_unsent(session, set(latest), pending)
    conflicts_new = _store_conflicts(session, conflicts, pending)
    session.execute(delete(SyncInboxItem).where(SyncInboxItem.seq <= max((e.seq for e in items), default=0)))
    # Records whose parent has not arrived stay staged, and are applied by the first pull that brings the parent.
    session.add_all(SyncInboxItem(version=int(latest[k]["version"]), kind="record", item=latest[k]) for k in orphans)
    credentials.set_meta(session, credentials.REPAIR, None)
    return ApplyOutcome(applied, removed, conflicts_new, kept_local, len(orphans), repair)


def _apply_all_records(
    session: Session, latest: dict[RecordKey, dict[str, Any]], pending: dict[uuid.UUID, set[str]]
) -> tuple[int, int, set[RecordKey]]:
    """Write every pulled record, except those pointing to a parent this laptop does not have (and their own
    children). The parents are looked up first; as a safety net each try runs in a savepoint, and SQLite's
    foreign-key check names any row still left dangling."""
    if not latest:
        return 0, 0, set()
    orphans = _without_parents(session, latest)
    while True:
        savepoint = session.begin_nested()
        writing = {key: item for key, item in latest.items() if key not in orphans}
        applied, kept_local = _apply_records(session, writing, pending)
        session.flush()
        dangling = _dangling(session, set(writing))
        if not dangling:
            savepoint.commit()
            if orphans:
                log.warning("holding back %d pulled record(s) whose parent has not arrived", len(orphans))
            return applied, kept_local, orphans
        savepoint.rollback()
        orphans |= dangling


def _without_parents(session: Session, latest: dict[RecordKey, dict[str, Any]]) -> set[RecordKey]:
    """Pulled records whose foreign keys point to rows neither here nor in this pull, and records under those."""
    references: dict[RecordKey, list[RecordKey]] = {}
    wanted: dict[str, set[uuid.UUID]] = defaultdict(set)
    for key, item in latest.items():
        data = item.get("data") or {}
        refs = []
        for attr, parent in _foreign_keys(key[0]):
            value = data.get(attr)
            if value is not None:
                ref = (parent, uuid.UUID(str(value)))
                refs.append(ref)
                if ref not in latest:
                    wanted[parent].add(ref[1])
        references[key] = refs
    present: set[RecordKey] = set(latest)
    for parent, ids in wanted.items():
        table = table_of(parent)
        for batch in chunks(ids):
            present.update(
                (parent, found) for found in session.scalars(select(table.c.id).where(table.c.id.in_(batch)))
            )
    orphans: set[RecordKey] = set()
    changed = True
    while changed:  # an orphan's children are orphans too
        changed = False
        for key, refs in references.items():
            if key not in orphans and any(ref not in present or ref in orphans for ref in refs):
                orphans.add(key)
                changed = True
    return orphans


def _foreign_keys(name: str) -> list[tuple[str, str]]:
    """(attribute, parent record type) of each foreign key of a record type."""
    model = record_types()[name].model
    mapper = inspect(model)
    return [
        (mapper.get_property_by_column(fk.parent).key, fk.column.table.name)
        for fk in table_of(name).foreign_keys
        if fk.column.table.name in record_types()
    ]


def _dangling(session: Session, written: set[RecordKey]) -> set[RecordKey]:
    """Rows just written whose foreign key points to a row that does not exist."""
    conn = session.connection()
    found: set[RecordKey] = set()
    for child, rowid, _parent, _fkid in conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall():
        value = conn.exec_driver_sql(f'SELECT id FROM "{child}" WHERE rowid = ?', (rowid,)).scalar()
        if value is None:
            continue
        key = (str(child), uuid.UUID(hex=str(value)))
        if key in written:
            found.add(key)
    return found


def _removed_with(item: dict[str, Any], removal: dict[str, Any]) -> bool:
    """A held-back record of a case (or client) that has since left this user's scope."""
    if int(item["version"]) >= int(removal["version"]):
        return False
    data = item.get("data") or {}
    return str(data.get("case_id")) == str(removal["case_id"]) or (
        item.get("record_type") == "case" and str(item.get("id")) == str(removal["case_id"])
    )


def _apply_records(
    session: Session, latest: dict[RecordKey, dict[str, Any]], pending: dict[uuid.UUID, set[str]]
) -> tuple[int, int]:
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for (name, _), item in latest.items():
        by_type[name].append(item)
    applied = kept_local = 0
    for name in synced_types():
        if name not in by_type:
            continue
        spec = record_types()[name]
        model = spec.model
        ids = [uuid.UUID(str(item["id"])) for item in by_type[name]]
        existing: dict[uuid.UUID, SyncMixin] = {}
        for batch in chunks(ids):
            existing.update((row.id, row) for row in session.scalars(select(model).where(model.id.in_(batch))))
        for item in by_type[name]:
            record_id = uuid.UUID(str(item["id"]))
            changed, kept = _apply_record(session, model, spec.fields, existing.get(record_id), item, pending)
            applied += changed
            kept_local += kept
    return applied, kept_local


def _apply_record(
    session: Session,
    model: type[SyncMixin],
    fields: tuple[str, ...],
    row: SyncMixin | None,
    item: dict[str, Any],
    pending: dict[uuid.UUID, set[str]],
) -> tuple[int, int]:
    """Write one pulled record; returns (1 if anything changed, number of fields kept at their local value)."""
    record_id = uuid.UUID(str(item["id"]))
    version = int(item["version"])
    data: dict[str, Any] = item.get("data") or {}
    values = {key: from_json_value(model, key, data[key]) for key in fields if key in data}
    meta = {"version": version, "updated_by": str(item.get("updated_by") or "")}
    if item.get("updated_at"):
        meta["updated_at"] = from_json_value(model, "updated_at", item["updated_at"])
    if row is None:
        make: Any = model  # a mapped class; SyncMixin alone declares no constructor
        session.add(make(id=record_id, **values, **meta))
        return 1, 0
    if version < row.version:
        return 0, 0  # an older copy (a repair pull racing a newer change): what we hold is newer
    keep = pending.get(record_id, set())
    kept = 0
    changed = False
    for key, value in {**values, **meta}.items():
        if key in keep:
            kept += getattr(row, key) != value
            continue
        if getattr(row, key) != value:
            setattr(row, key, value)
            changed = True
    return int(changed), kept


def _mark_read_only(session: Session, items: Iterable[dict[str, Any]]) -> None:
    marks = {uuid.UUID(str(item["id"])): (str(item["record_type"]), bool(item.get("read_only"))) for item in items}
    for batch in chunks(marks):
        session.execute(delete(ReadOnlyRecord).where(ReadOnlyRecord.record_id.in_(batch)))
    session.add_all(
        ReadOnlyRecord(record_id=record_id, record_type=name) for record_id, (name, locked) in marks.items() if locked
    )


def _store_conflicts(
    session: Session, conflicts: dict[uuid.UUID, dict[str, Any]], pending: dict[uuid.UUID, set[str]]
) -> int:
    new = 0
    for conflict_id, item in conflicts.items():
        row = session.get(SyncConflict, conflict_id)
        if row is None:
            row = SyncConflict(id=conflict_id, version=0)
            session.add(row)
            new += 1
        elif int(item["version"]) < row.version:
            continue
        row.version = int(item["version"])
        row.record_type = str(item["record_type"])
        row.record_id = uuid.UUID(str(item["record_id"]))
        row.field = str(item["field"])
        row.base = item.get("base")
        row.mine = item.get("mine")
        row.theirs = item.get("theirs")
        row.mine_by = str(item.get("mine_by") or "")
        row.theirs_by = str(item.get("theirs_by") or "")
        row.created_at = _timestamp(item.get("created_at"))
        row.resolved = bool(item.get("resolved"))
        row.resolved_value = item.get("resolved_value")
        row.resolved_by = item.get("resolved_by")
        row.resolved_at = _timestamp(item.get("resolved_at"))
        if row.resolved:
            row.pending_value = None
            row.pending_op_id = None
        else:
            _show_kept_value(session, row, pending)
    return new


def _show_kept_value(session: Session, conflict: SyncConflict, pending: dict[uuid.UUID, set[str]]) -> None:
    """The record shows the value the server kept, not the one that lost (that lives on in the conflict).

    The server keeps its value without a new version, so when this laptop pushed the losing value after pulling
    the winning one, no pull would ever put the record right. A record pulled after the conflict (a later version)
    already shows the server's value; a field with an unsent edit keeps it.
    """
    spec = record_type(conflict.record_type)
    if spec is None or conflict.field not in spec.fields or conflict.field in pending.get(conflict.record_id, ()):
        return
    record = session.get(spec.model, conflict.record_id)
    if record is None or record.version > conflict.version:
        return
    if to_json_value(getattr(record, conflict.field)) != conflict.theirs:
        setattr(record, conflict.field, from_json_value(spec.model, conflict.field, conflict.theirs))


def _timestamp(value: Any) -> datetime | None:
    if not value:
        return None
    parsed = datetime.fromisoformat(str(value))
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
