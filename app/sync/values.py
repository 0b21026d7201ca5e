"""Pulled JSON back into column values: the inverse of app.store.values.to_json_value, typed by each column."""

from __future__ import annotations

import enum
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Double, Enum, Float, Integer, Numeric, Uuid, inspect
from sqlalchemy.types import TypeDecorator, TypeEngine

Converter = Any  # Callable[[Any], Any]; kept loose because each column has its own target type


def _datetime(value: Any) -> datetime:
    parsed = datetime.fromisoformat(str(value))
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _converter(column_type: TypeEngine[Any]) -> Converter:
    if isinstance(column_type, TypeDecorator):
        column_type = column_type.impl_instance
    if isinstance(column_type, Enum) and column_type.enum_class is not None:
        enum_class: type[enum.Enum] = column_type.enum_class
        return enum_class
    if isinstance(column_type, DateTime):
        return _datetime
    if isinstance(column_type, Date):
        return lambda value: date.fromisoformat(str(value))
    if isinstance(column_type, Uuid):
        return lambda value: uuid.UUID(str(value))
    if isinstance(column_type, Boolean):
        return bool
    if isinstance(column_type, Integer):
        return int
    if isinstance(column_type, Double | Float) and not getattr(column_type, "asdecimal", False):
        return float
    if isinstance(column_type, Numeric):
        return lambda value: Decimal(str(value))
    if isinstance(column_type, JSON):
        return lambda value: value
    return str


_CONVERTERS: dict[type[object], dict[str, Converter]] = {}


def converters(model: type[object]) -> dict[str, Converter]:
    """Attribute name → function turning its JSON form into the column's Python value."""
    found = _CONVERTERS.get(model)
    if found is None:
        found = {attr.key: _converter(attr.columns[0].type) for attr in inspect(model).column_attrs}
        _CONVERTERS[model] = found
    return found


def from_json_value(model: type[object], key: str, value: Any) -> Any:
    if value is None:
        return None
    return converters(model)[key](value)
