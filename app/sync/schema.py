"""Which records sync, where each one hangs in a case, and how its content travels (docs/sync-protocol.md).

Read from the ORM mappers so that a column added to a model syncs without code copied per model. Shared by the
sync client and the central service: the server uses the same names to validate pushed fields and to work out
each record's scope (the case and client it belongs to).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from functools import cache

from sqlalchemy import inspect

import app.models  # noqa: F401  (registers every table)
from app.models.base import Base, SyncMixin
from app.store.tracking import SYNC_META

PROTOCOL_VERSION = 1
CONFLICT_TYPE = "sync_conflict"


class Anchor(enum.StrEnum):
    """How a record finds the case (and so the user) it belongs to."""

    GLOBAL = "global"  # the service-unit directory: everyone sees it
    CLIENT = "client"  # the client row itself: its id is the client id
    CLIENT_CHILD = "client_child"  # has client_id (certificates)
    CASE = "case"  # the case row itself: its id is the case id, and it carries client_id and owner
    CASE_CHILD = "case_child"  # has case_id
    PLAN_CHILD = "plan_child"  # has plan_id: the plan's case
    CASE_OR_CLIENT = "case_or_client"  # has case_id or client_id (attachments)
    CASE_OR_TEAM = "case_or_team"  # has case_id, or belongs to the author's team (supervision notes)


ANCHORS: dict[str, Anchor] = {
    "service_unit": Anchor.GLOBAL,
    "client": Anchor.CLIENT,
    "disability_certificate": Anchor.CLIENT_CHILD,
    "case": Anchor.CASE,
    "case_transfer": Anchor.CASE_CHILD,
    "service_record": Anchor.CASE_CHILD,
    "contact_attempt": Anchor.CASE_CHILD,
    "needs_assessment": Anchor.CASE_CHILD,
    "service_plan": Anchor.CASE_CHILD,
    "plan_goal": Anchor.PLAN_CHILD,
    "plan_item": Anchor.PLAN_CHILD,
    "referral": Anchor.CASE_CHILD,
    "employment": Anchor.CASE_CHILD,
    "closure": Anchor.CASE_CHILD,
    "review": Anchor.CASE_CHILD,
    "supervision_note": Anchor.CASE_OR_TEAM,
    "attachment": Anchor.CASE_OR_CLIENT,
}

# Records that are append-only once written, and those that are once their status is final (sync protocol 3).
APPEND_ONLY_TYPES = frozenset({"contact_attempt", "attachment"})
FINALISABLE_TYPES = frozenset({"service_record", "needs_assessment", "supervision_note"})
FINAL_STATUS = "final"


@dataclass(frozen=True)
class RecordType:
    name: str
    model: type[SyncMixin]
    anchor: Anchor
    fields: tuple[str, ...]  # content fields, `deleted` included


@cache
def record_types() -> dict[str, RecordType]:
    """Every syncable record type by table name; a model without an anchor is a programming error."""
    found: dict[str, RecordType] = {}
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        if not issubclass(cls, SyncMixin):
            continue
        name = str(mapper.persist_selectable.description)
        if name not in ANCHORS:
            raise RuntimeError(f"syncable table {name!r} has no scope anchor in app.sync.schema.ANCHORS")
        columns = tuple(c.key for c in inspect(cls).column_attrs if c.key not in SYNC_META)
        found[name] = RecordType(name=name, model=cls, anchor=ANCHORS[name], fields=columns)
    return found


def record_type(name: str) -> RecordType | None:
    return record_types().get(name)
