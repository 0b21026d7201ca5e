"""Reading a template's paths out of a view-model and writing the values as forms do (民國 dates, labels)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.printing.templates import Format
from app.printing.views import Coded
from app.services.rocdate import format_roc

BLANK_FILL = "＿＿＿＿＿＿"  # a blank in running text, to write in by hand
LIST_SEPARATOR = "、"


def resolve(root: object, path: str) -> object:
    """The value at dotted `path` under `root`; None as soon as a step is missing (no plan, no closure yet)."""
    current: object = root
    for part in path.split("."):
        if current is None:
            return None
        current = getattr(current, part)
    return current


def as_text(value: object, fmt: Format = "auto") -> str:
    """How a value prints: dates as 民國114年3月5日 (date_short: 114/03/05; 民國前 before 1912, rocdate), codes as
    their label, yes/no as 是/否, lists joined with 、; None and empty text as ""."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, date):
        return format_roc(value, "short" if fmt == "date_short" else "long")
    if isinstance(value, Coded):
        return value.label
    if isinstance(value, tuple | list):
        return LIST_SEPARATOR.join(t for t in (as_text(v, fmt) for v in value) if t)
    if isinstance(value, float | Decimal):
        return f"{value:,g}" if fmt == "number" else f"{value:g}"
    if isinstance(value, int):
        return f"{value:,}" if fmt == "number" else str(value)
    return str(value).strip()


def checked_codes(value: object) -> set[str]:
    """The option codes a value ticks: a Coded's code, each of a list's, yes/no for a bool, a text as itself."""
    if value is None:
        return set()
    if isinstance(value, bool):
        return {"yes" if value else "no"}
    if isinstance(value, Coded):
        return {value.code}
    if isinstance(value, tuple | list):
        return set().union(*(checked_codes(v) for v in value)) if value else set()
    return {str(value)}
