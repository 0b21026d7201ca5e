"""Checking a pushed field value against its column, with the exchange format's readers (app.services.exchange_values).

A value the laptop's store could hold is accepted: the wrong type, an unknown code, an impossible date or an over-long
text is refused with the reader's own message. Blank text is accepted where the column is not nullable (the store
allows it), null only where the column is nullable. Dates, timestamps, numbers, enums and UUIDs are kept in their
canonical JSON form (what `app.store.values.to_json_value` writes); text and lists are kept exactly as sent, so the
server never rewrites what a case manager typed and a later merge compares like with like.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import JSON, Enum, String, TypeDecorator, inspect
from sqlalchemy.orm import ColumnProperty

from app.errors import ValidationError
from app.services import exchange_schema
from app.services.exchange_schema import Field, FieldType
from app.services.exchange_values import read_value
from app.store.values import to_json_value
from app.sync.schema import RecordType, record_types

_AS_SENT = frozenset({FieldType.TEXT, FieldType.LIST})
MAX_INT = 2**63  # what the laptop's SQLite INTEGER holds


@dataclass(frozen=True)
class FieldSpec:
    field: Field
    required: bool  # an insert must carry it
    default: Any  # JSON value an insert that does not carry the field gets


@cache
def field_specs(record_type: str) -> dict[str, FieldSpec]:
    kind = record_types()[record_type]
    attrs = {attr.key: attr for attr in inspect(kind.model).column_attrs}
    specs = {}
    for key in kind.fields:
        field = _field(kind, attrs[key])
        specs[key] = FieldSpec(
            field=field, required=field.required, default=None if field.nullable else to_json_value(field.default)
        )
    return specs


def _field(kind: RecordType, attr: ColumnProperty[Any]) -> Field:
    labels = exchange_schema.LABELS.get(kind.model, {})
    if attr.key in labels:
        return exchange_schema._field(kind.model, attr)
    # Columns the exchange format does not carry (supervision notes, attachments, the tombstone): the same reading
    # of the column's type, with the key as its label.
    column = attr.columns[0]
    ctype = column.type
    if isinstance(ctype, TypeDecorator):
        ctype = ctype.impl_instance
    enum_class: type[enum.Enum] | None = None
    if isinstance(ctype, Enum):
        datatype, enum_class = FieldType.ENUM, ctype.enum_class
    elif isinstance(ctype, JSON):
        datatype = FieldType.LIST
    else:
        datatype = exchange_schema._PYTHON_TYPES[ctype.python_type]
    default = column.default
    default_value = (default.arg(None) if default.is_callable else default.arg) if default is not None else None
    return Field(
        key=attr.key,
        label_zh=attr.key,
        datatype=datatype,
        required=not column.nullable and default is None,
        nullable=bool(column.nullable),
        default=default_value,
        max_length=ctype.length if isinstance(ctype, String) and not isinstance(ctype, Enum) else None,
        enum=enum_class,
    )


def check_value(spec: FieldSpec, raw: Any) -> Any:
    """The value to store for `raw`, or ValidationError saying why it cannot be stored."""
    field = spec.field
    if raw is None:
        if field.nullable:
            return None
        raise ValidationError(
            field.key, f"{field.label_zh}（{field.key}）不可為空值。", f"{field.key} may not be null."
        )
    if field.datatype is FieldType.TEXT:
        if not isinstance(raw, str):  # the exchange reader takes a spreadsheet's 1140305 as text; the wire may not
            raise ValidationError(
                field.key, f"{field.label_zh}（{field.key}）應為文字。", f"{field.key} must be text; got {raw!r}."
            )
        if not raw.strip():
            return raw
    if field.datatype is FieldType.LIST and raw == []:
        return raw
    value = read_value(field, raw)
    if field.datatype is FieldType.INT and not -MAX_INT < value < MAX_INT:
        raise ValidationError(field.key, f"{field.label_zh}（{field.key}）的數值太大。", f"{field.key} is too large.")
    return raw if field.datatype in _AS_SENT else to_json_value(value)
