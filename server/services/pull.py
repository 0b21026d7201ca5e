"""One page of changes after a cursor (docs/sync-protocol.md, "Pull"), read in one snapshot.

Records, conflicts and scope removals share the version sequence; a page takes the first `limit` of them in version
order. Because writers hold the version counter until they commit, a snapshot never holds version n+1 without n,
so a client that stores the page's cursor can never skip a change. The drift-check hash comes with the last page.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.sync.scope import scope_hash
from server.models import Record, ScopeEvent, SyncConflict
from server.services import audit
from server.services.principal import Principal
from server.services.scope import (
    GLOBAL_TYPES,
    read_only,
    visible_conflicts,
    visible_records,
    visible_scope_events,
)


@dataclass(frozen=True)
class Page:
    items: list[dict[str, Any]]
    cursor: int
    more: bool
    scope_hash: str | None


def changes(session: Session, principal: Principal, since: int, limit: int) -> Page:
    # Each source gives at most limit + 1 rows: if together they hold more than `limit`, the first limit + 1 of the
    # union are among them, which is all `more` needs.
    records = session.scalars(
        select(Record)
        .where(Record.version > since, visible_records(principal))
        .order_by(Record.version)
        .limit(limit + 1)
    ).all()
    conflicts = session.scalars(
        select(SyncConflict)
        .where(SyncConflict.version > since, visible_conflicts(principal))
        .order_by(SyncConflict.version)
        .limit(limit + 1)
    ).all()
    events = session.scalars(
        select(ScopeEvent)
        .where(ScopeEvent.version > since, visible_scope_events(principal))
        .order_by(ScopeEvent.version)
        .limit(limit + 1)
    ).all()
    merged = list(
        heapq.merge(
            ((r.version, _record_item(principal, r)) for r in records),
            ((c.version, _conflict_item(c)) for c in conflicts),
            ((e.version, _removal_item(e)) for e in events),
            key=lambda pair: pair[0],
        )
    )
    more = len(merged) > limit
    page = [item for _, item in merged[:limit]]
    audit.reads(session, principal, _personal_data(page))
    return Page(
        items=page,
        cursor=page[-1]["version"] if page else since,
        more=more,
        scope_hash=None if more else current_scope_hash(session, principal),
    )


def current_scope_hash(session: Session, principal: Principal) -> str:
    rows = session.execute(select(Record.record_type, Record.id, Record.version).where(visible_records(principal)))
    return scope_hash((record_type, record_id, version) for record_type, record_id, version in rows)


def _record_item(principal: Principal, record: Record) -> dict[str, Any]:
    return {
        "kind": "record",
        "version": record.version,
        "record_type": record.record_type,
        "id": record.id,
        "data": record.data,
        "updated_at": record.updated_at,
        "updated_by": record.updated_by,
        "read_only": read_only(principal, record.record_type),
    }


def _conflict_item(conflict: SyncConflict) -> dict[str, Any]:
    return {
        "kind": "conflict",
        "version": conflict.version,
        "id": conflict.id,
        "record_type": conflict.record_type,
        "record_id": conflict.record_id,
        "field": conflict.field,
        "base": conflict.base,
        "mine": conflict.mine,
        "theirs": conflict.theirs,
        "mine_by": conflict.mine_by,
        "theirs_by": conflict.theirs_by,
        "created_at": conflict.created_at,
        "resolved": conflict.resolved,
        "resolved_value": conflict.resolved_value,
        "resolved_by": conflict.resolved_by,
        "resolved_at": conflict.resolved_at,
    }


def _removal_item(event: ScopeEvent) -> dict[str, Any]:
    return {"kind": "scope_removal", "version": event.version, "case_id": event.case_id, "client_id": event.client_id}


def _personal_data(items: list[dict[str, Any]]) -> list[tuple[str, Any, str]]:
    """What the audit log must show was read: every record but the directory's, and every conflict's values."""
    found = []
    for item in items:
        if item["kind"] == "record" and item["record_type"] not in GLOBAL_TYPES:
            found.append((item["record_type"], item["id"], f"pull v{item['version']}"))
        elif item["kind"] == "conflict":
            found.append((item["record_type"], item["record_id"], f"pull conflict {item['id']} v{item['version']}"))
    return found
