"""The app's "online?" probe: no authentication, no database."""

from __future__ import annotations

from fastapi import APIRouter

from app.sync.schema import PROTOCOL_VERSION
from server.api.schemas import Health

router = APIRouter(tags=["health"])


@router.get("/health")
def health() -> Health:
    return Health(status="ok", protocol=PROTOCOL_VERSION)
