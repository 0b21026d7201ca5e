"""Declarative base of the central service's own tables (separate from the laptop store's `app.models`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, BigInteger, Integer, MetaData
from sqlalchemy.orm import DeclarativeBase

from app.models.base import NAMING_CONVENTION, UTCDateTime, utcnow

# SQLite gives an auto-incrementing key only to a column declared exactly INTEGER PRIMARY KEY.
BigId = BigInteger().with_variant(Integer(), "sqlite")

__all__ = ["BigId", "ServerBase", "utcnow"]


class ServerBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime(), dict[str, Any]: JSON()}
