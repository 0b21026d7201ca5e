"""The drift check's order-independent hash of the records a device holds (docs/sync-protocol.md, "Drift check").

Both sides compute it over (record_type, id, version) of every record in scope with version > 0, so a laptop that
missed a change (or holds one the server no longer sends it) finds out without comparing record by record.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable

_MASK = (1 << 64) - 1


def record_term(record_type: str, record_id: uuid.UUID | str, version: int) -> int:
    digest = hashlib.sha256(f"{record_type}:{record_id}:{version}".encode()).digest()
    return int.from_bytes(digest[:8], "big")


def scope_hash(records: Iterable[tuple[str, uuid.UUID | str, int]]) -> str:
    """Sum modulo 2**64 of each record's term: the same set in any order gives the same 16 hex digits."""
    total = 0
    for record_type, record_id, version in records:
        if version > 0:
            total = (total + record_term(record_type, record_id, version)) & _MASK
    return f"{total:016x}"
