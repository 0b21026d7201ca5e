"""個人資料保護法 minimisation: a letter that leaves the agency carries only the fields its template discloses.

The view is blanked before the renderer sees it, so even a template mistake cannot print more (the template reader
also refuses a disclosing template that names a field outside its list).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from app.printing.views import CaseDocument

# Fields of the document itself, not of the client: always kept.
_DOCUMENT_FIELDS = frozenset({"doc_id", "printed_on", "subject", "signatures"})


def redact(document: CaseDocument, disclosed: Iterable[str]) -> CaseDocument:
    """A copy of `document` in which only the `disclosed` paths (and what lies under them) keep their values."""
    paths = [tuple(p.split(".")) for p in disclosed]
    kept = {name: getattr(document, name) for name in _DOCUMENT_FIELDS}
    redacted: CaseDocument = _redact(document, (), paths)
    return dataclasses.replace(redacted, **kept)


def _redact(value: Any, prefix: tuple[str, ...], paths: list[tuple[str, ...]]) -> Any:
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return value
    changes: dict[str, Any] = {}
    for f in dataclasses.fields(value):
        here = (*prefix, f.name)
        current = getattr(value, f.name)
        if any(here[: len(p)] == p for p in paths):
            continue  # disclosed, with everything under it
        if any(p[: len(here)] == here for p in paths):
            changes[f.name] = _redact_inner(current, here, paths)
        else:
            changes[f.name] = _blank(current)
    return dataclasses.replace(value, **changes)


def _redact_inner(value: Any, prefix: tuple[str, ...], paths: list[tuple[str, ...]]) -> Any:
    if isinstance(value, tuple):
        return tuple(_redact(v, prefix, paths) for v in value)
    return _redact(value, prefix, paths)


def _blank(value: Any) -> Any:
    if isinstance(value, bool):
        return False
    if isinstance(value, str):
        return ""
    if isinstance(value, int):
        return 0
    if isinstance(value, tuple):
        return ()
    return None
