"""The field-level three-way merge of one pushed operation with the server's record (docs/sync-protocol.md, "Merge").

Pure: no database, no clock. The server applies its result; tests (and the client, to predict what a push will do)
call it directly. Values are the records' JSON content (`app.store.values.to_json_value`), compared as JSON: `true`
is not `1`, so a boolean never merges silently with a number.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

DELETED = "deleted"


class MergeStatus(enum.StrEnum):
    APPLIED = "applied"  # the op as sent
    MERGED = "merged"  # some of it merged with others' changes, nothing clashed
    CONFLICT = "conflict"  # at least one field became a conflict


@dataclass(frozen=True)
class FieldChange:
    """One changed field of an op: its value at the client's last sync (`base`) and the value the client set."""

    base: Any
    new: Any

    @classmethod
    def from_wire(cls, change: Mapping[str, Any]) -> FieldChange:
        return cls(base=change.get("base"), new=change.get("new"))


@dataclass(frozen=True)
class FieldConflict:
    """衝突: both sides changed `field` since `base`; the server keeps `theirs`, `mine` is the pushed value."""

    field: str
    base: Any
    mine: Any
    theirs: Any


@dataclass(frozen=True)
class MergeResult:
    status: MergeStatus
    content: dict[str, Any]  # the record's content after the op (fields the op does not carry untouched)
    applied: tuple[str, ...]  # fields whose value the op set
    conflicts: tuple[FieldConflict, ...]

    @property
    def changed(self) -> bool:
        """True when the op set at least one field (the record then takes a new version)."""
        return bool(self.applied)


def same_value(a: Any, b: Any) -> bool:
    """JSON equality: like ==, except that booleans equal only booleans (Python says True == 1)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_value(a[k], b[k]) for k in a)
    if isinstance(a, list | dict) or isinstance(b, list | dict):
        return False
    return bool(a == b)


def merge_fields(
    current: Mapping[str, Any] | None,
    current_version: int,
    base_version: int,
    changes: Mapping[str, FieldChange],
) -> MergeResult:
    """Merge an op's `changes` into the server's `current` content (None: the server has no such record).

    - No current record, or nobody changed it since the client's `base_version`: every field is applied.
    - Otherwise, per field: the server still holds the base → the new value is applied; the server already holds
      the new value → nothing to do; else a conflict, and the server keeps its value.
    - A tombstone (`deleted` → true) of a record someone else changed since `base_version` is a conflict on
      `deleted`, never a silent delete of their edit; likewise an edit of a record someone else has deleted since
      (the edit is kept inside the tombstone, and the conflict asks whether to bring the record back).
    """
    if current is None:
        content = {field: change.new for field, change in changes.items()}
        return MergeResult(MergeStatus.APPLIED, content, tuple(changes), ())
    content = dict(current)
    if base_version == current_version:
        applied_now: list[str] = []
        for field, change in changes.items():
            if not same_value(current.get(field), change.new):
                content[field] = change.new
                applied_now.append(field)
        return MergeResult(MergeStatus.APPLIED, content, tuple(applied_now), ())

    applied: list[str] = []
    conflicts: list[FieldConflict] = []
    for field, change in changes.items():
        theirs = current.get(field)
        if field == DELETED and change.new is True and theirs is not True:
            conflicts.append(FieldConflict(field, change.base, change.new, theirs))
        elif same_value(theirs, change.new):
            continue
        elif same_value(theirs, change.base):
            content[field] = change.new
            applied.append(field)
        else:
            conflicts.append(FieldConflict(field, change.base, change.new, theirs))
    edited = [f for f in (*applied, *(c.field for c in conflicts)) if f != DELETED]
    if current.get(DELETED) is True and DELETED not in changes and edited:
        conflicts.append(FieldConflict(DELETED, False, False, True))
    status = MergeStatus.CONFLICT if conflicts else MergeStatus.MERGED
    return MergeResult(status, content, tuple(applied), tuple(conflicts))
