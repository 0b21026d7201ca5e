"""Removing synced rows a user may no longer see: a case transferred away (scope removal), or rows a repair pull
no longer brings. Rows with unsent edits stay (they are pushed first), and so do the parents they point to."""

from __future__ import annotations

import uuid
from collections import defaultdict
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.models import Case
from app.models.base import SyncMixin
from app.models.sync import ReadOnlyRecord, SyncConflict
from app.sync.rows import RecordKey, chunks, delete_rows, table_of
from app.sync.schema import Anchor, record_types


def remove_case(session: Session, removal: dict[str, Any], pending: dict[uuid.UUID, set[str]]) -> int:
    """A case left this user's scope (移案): remove its rows, and its client's when no other local case is theirs.

    Rows re-sent after the removal (the case came back) and rows with unsent edits stay.
    """
    version = int(removal["version"])
    case_id = uuid.UUID(str(removal["case_id"]))
    client_id = uuid.UUID(str(removal["client_id"])) if removal.get("client_id") else None
    doomed: dict[str, set[uuid.UUID]] = defaultdict(set)
    plan_ids: set[uuid.UUID] = set()
    for name, spec in record_types().items():
        table = table_of(name)
        if spec.anchor is Anchor.CASE:
            query = select(table.c.id, table.c.version).where(table.c.id == case_id)
        elif spec.anchor in (Anchor.CASE_CHILD, Anchor.CASE_OR_TEAM, Anchor.CASE_OR_CLIENT):
            query = select(table.c.id, table.c.version).where(table.c.case_id == case_id)
        else:
            continue
        rows = session.execute(query).all()
        doomed[name].update(row.id for row in rows if row.version < version)
        if name == "service_plan":
            plan_ids.update(row.id for row in rows)
    for name, spec in record_types().items():
        if spec.anchor is Anchor.PLAN_CHILD and plan_ids:
            table = table_of(name)
            rows = session.execute(select(table.c.id, table.c.version).where(table.c.plan_id.in_(plan_ids))).all()
            doomed[name].update(row.id for row in rows if row.version < version)
    if client_id is not None and not _client_has_other_cases(session, client_id, case_id):
        for name, spec in record_types().items():
            table = table_of(name)
            if spec.anchor is Anchor.CLIENT:
                query = select(table.c.id, table.c.version).where(table.c.id == client_id)
            elif spec.anchor is Anchor.CLIENT_CHILD:
                query = select(table.c.id, table.c.version).where(table.c.client_id == client_id)
            elif spec.anchor is Anchor.CASE_OR_CLIENT:
                query = select(table.c.id, table.c.version).where(
                    table.c.client_id == client_id, table.c.case_id.is_(None)
                )
            else:
                continue
            doomed[name].update(row.id for row in session.execute(query) if row.version < version)
    return _delete_synced(session, doomed, pending)


def _client_has_other_cases(session: Session, client_id: uuid.UUID, case_id: uuid.UUID) -> bool:
    other = session.scalar(select(Case.id).where(Case.client_id == client_id, Case.id != case_id).limit(1))
    return other is not None


def remove_unsent(session: Session, sent: set[RecordKey], pending: dict[uuid.UUID, set[str]]) -> int:
    """Repair pull: synced rows the server no longer sends this user are out of scope or gone; remove them."""
    doomed: dict[str, set[uuid.UUID]] = defaultdict(set)
    for name in record_types():
        table = table_of(name)
        for (record_id,) in session.execute(select(table.c.id).where(table.c.version > 0)):
            if (name, record_id) not in sent:
                doomed[name].add(record_id)
    return _delete_synced(session, doomed, pending)


def _delete_synced(session: Session, doomed: dict[str, set[uuid.UUID]], pending: dict[uuid.UUID, set[str]]) -> int:
    for ids in doomed.values():
        ids.difference_update(pending)
    ids_gone = {record_id for ids in doomed.values() for record_id in ids}
    # The session may hold some of these rows from this apply; forget them so nothing writes them back.
    for obj in list(session.identity_map.values()):
        if isinstance(obj, SyncMixin) and obj.id in ids_gone:
            session.expunge(obj)
    count = delete_rows(session, doomed)
    gone = [record_id for ids in doomed.values() for record_id in ids]
    for batch in chunks(gone):
        session.execute(delete(SyncConflict).where(SyncConflict.record_id.in_(batch)))
        session.execute(delete(ReadOnlyRecord).where(ReadOnlyRecord.record_id.in_(batch)))
    return count
