"""Keeps the search index in step with the rows, inside the same transaction as the edit that changed them."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from app.models import Case, Client, Closure, ContactAttempt, NeedsAssessment, ServiceRecord
from app.models.base import SyncMixin
from app.store.search import CLIENT_DOC, NOTE_DOC, SearchDoc, bulk_insert, index_tokens, remove, remove_client, upsert

# Which free-text fields of each case-linked record are searchable as notes.
NOTE_FIELDS: dict[type[SyncMixin], tuple[str, ...]] = {
    Case: ("referring_unit", "intake_assessment", "decision_reason"),
    ServiceRecord: ("place", "notes"),
    ContactAttempt: ("note",),
    NeedsAssessment: ("work_ability", "vocational_interest", "support_needs", "summary"),
    Closure: ("summary",),
}


def install(session_factory: Any) -> None:
    event.listen(session_factory, "after_flush", _after_flush)


def client_doc(client: Client) -> SearchDoc:
    body = index_tokens(
        [client.name, client.contact_name],
        identifiers=[client.id_number, client.mobile_phone, client.home_phone, client.contact_phone],
    )
    return SearchDoc(client.id, client.id, CLIENT_DOC, body)


def note_doc(obj: SyncMixin, client_id: uuid.UUID) -> SearchDoc:
    body = index_tokens(getattr(obj, name) for name in NOTE_FIELDS[type(obj)])
    return SearchDoc(obj.id, client_id, NOTE_DOC, body)


def _after_flush(session: Session, flush_context: Any) -> None:
    new = [o for o in session.new if isinstance(o, SyncMixin)]
    dirty = [o for o in session.dirty if isinstance(o, SyncMixin)]
    if not new and not dirty:
        return
    conn = session.connection()
    # New rows cannot be in the index yet: add them in bulk instead of one delete-and-insert each.
    bulk_insert(conn, (doc for obj in new if not obj.deleted and (doc := _doc(session, obj)) is not None))
    for obj in dirty:
        if isinstance(obj, Client) and obj.deleted:
            remove_client(conn, obj.id)
            continue
        doc = None if obj.deleted else _doc(session, obj)
        if doc is None:
            remove(conn, obj.id)
        else:
            upsert(conn, doc)


def _doc(session: Session, obj: SyncMixin) -> SearchDoc | None:
    """The search document of a row, or None for rows that are not searchable."""
    if isinstance(obj, Client):
        return client_doc(obj)
    if type(obj) not in NOTE_FIELDS:
        return None
    client_id = obj.client_id if isinstance(obj, Case) else _client_of_case(session, obj)
    return None if client_id is None else note_doc(obj, client_id)


def _client_of_case(session: Session, obj: SyncMixin) -> uuid.UUID | None:
    # The case is usually in memory: related through the object, or flushed with it; only else is it queried.
    case = inspect(obj).attrs["case"].loaded_value
    if not isinstance(case, Case):
        case = session.identity_map.get((Case, (obj.case_id,), None))  # type: ignore[attr-defined]
    if isinstance(case, Case):
        return case.client_id
    case_id = obj.case_id  # type: ignore[attr-defined]
    with session.no_autoflush:
        return session.scalar(select(Case.client_id).where(Case.id == case_id))


def rebuild(session: Session) -> int:
    """Rebuild the whole index from the rows (after a bulk load, or from a migration). Returns documents written."""
    conn = session.connection()
    for table in ("search_doc", "client_fts", "note_fts"):
        conn.exec_driver_sql(f"DELETE FROM {table}")
    return bulk_insert(conn, _all_docs(session))


def _all_docs(session: Session) -> Iterator[SearchDoc]:
    for client in session.scalars(select(Client).where(Client.deleted.is_(False)).execution_options(yield_per=2000)):
        yield client_doc(client)
    case_clients = {row[0]: row[1] for row in session.execute(select(Case.id, Case.client_id))}
    for model, fields in NOTE_FIELDS.items():
        columns = [getattr(model, name) for name in fields]
        query = select(model.id, model.client_id if model is Case else model.case_id, *columns).where(  # type: ignore[attr-defined]
            model.deleted.is_(False)
        )
        for row in session.execute(query.execution_options(yield_per=5000)):
            record_id, owner_id, *texts = row
            client_id = owner_id if model is Case else case_clients.get(owner_id)
            if client_id is not None:
                yield SearchDoc(record_id, client_id, NOTE_DOC, index_tokens(texts))
