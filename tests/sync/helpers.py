"""Builders for pulled items as the server sends them, and staging them as a pull would."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select

from app.models.base import SyncMixin
from app.models.local import OutboxOp
from app.models.sync import SyncInboxItem
from app.store.store import Store
from app.store.tracking import content_columns
from app.store.values import to_json_value


def content(obj: SyncMixin) -> dict[str, Any]:
    return {key: to_json_value(getattr(obj, key)) for key in content_columns(obj)}


def record_item(obj: SyncMixin, version: int, **changes: Any) -> dict[str, Any]:
    data = content(obj)
    data.update({key: to_json_value(value) for key, value in changes.items()})
    return {
        "kind": "record",
        "version": version,
        "record_type": type(obj).__tablename__,  # type: ignore[attr-defined]
        "id": str(obj.id),
        "data": data,
        "updated_at": "2026-11-20T01:02:03+00:00",
        "updated_by": "cm.lin",
        "read_only": False,
    }


def conflict_item(record: SyncMixin, field: str, version: int, **overrides: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "kind": "conflict",
        "version": version,
        "id": str(uuid.uuid4()),
        "record_type": type(record).__tablename__,  # type: ignore[attr-defined]
        "record_id": str(record.id),
        "field": field,
        "base": "base",
        "mine": "mine",
        "theirs": "theirs",
        "mine_by": "cm.chen",
        "theirs_by": "cm.lin",
        "created_at": "2026-11-20T01:02:03+00:00",
        "resolved": False,
        "resolved_value": None,
        "resolved_by": None,
        "resolved_at": None,
    }
    item.update(overrides)
    return item


def stage(store: Store, items: list[dict[str, Any]]) -> None:
    with store.transaction() as db:
        db.add_all(SyncInboxItem(version=i["version"], kind=i["kind"], item=i) for i in items)


def outbox_count(store: Store) -> int:
    with store.transaction() as db:
        return int(db.scalar(select(func.count()).select_from(OutboxOp)) or 0)
