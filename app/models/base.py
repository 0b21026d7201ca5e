"""Declarative base and the sync columns every syncable row carries (DESIGN.md, "Local store")."""

from __future__ import annotations

import enum
import functools
import uuid
from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, DateTime, Enum, MetaData, String, TypeDecorator, inspect
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Deterministic constraint names keep Alembic's batch migrations on SQLite working.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC timestamp; SQLite keeps no zone, so it is stored naive-UTC and restored aware."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where a UTC timestamp is required")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def code_enum(enum_cls: type[enum.Enum]) -> Enum:
    """Store an enum by its value (the stable code), not its Python name, as plain text."""
    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda members: [m.value for m in members],
    )


@functools.cache
def _column_defaults(cls: type[Any]) -> tuple[tuple[str, Any], ...]:
    """(attribute, ColumnDefault) of every column of a mapped class that has a Python-side default."""
    found = []
    for attr in inspect(cls).column_attrs:
        default = attr.columns[0].default
        if default is not None and (default.is_scalar or default.is_callable):
            found.append((attr.key, default))
    return tuple(found)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime(), dict[str, Any]: JSON(), list[str]: JSON()}

    def __init__(self, **kwargs: Any) -> None:
        """Apply column defaults at construction, not at INSERT, so a new object is complete before its first flush:
        the outbox records an insert's full values, and the rules can read defaults of unsaved objects."""
        cls = type(self)
        for key, default in _column_defaults(cls):
            if key not in kwargs:
                kwargs[key] = default.arg(None) if default.is_callable else default.arg
        for name, value in kwargs.items():
            if not hasattr(cls, name):
                raise TypeError(f"{name!r} is an invalid keyword argument for {cls.__name__}")
            setattr(self, name, value)


class SyncMixin:
    """Columns every syncable row carries.

    `id` is made on the client so a record exists before any server has seen it; `version` is the server change
    sequence it was last synced at (0 = never synced); `deleted` is a tombstone, because a row that simply
    vanished could not tell other devices that it is gone.
    """

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    version: Mapped[int] = mapped_column(default=0)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(64), default="")
    deleted: Mapped[bool] = mapped_column(default=False)


def syncable_tables() -> list[str]:
    """Names of every table whose rows sync; the outbox and search index are kept for these."""
    return sorted(
        str(mapper.persist_selectable.description)
        for mapper in Base.registry.mappers
        if issubclass(mapper.class_, SyncMixin)
    )
