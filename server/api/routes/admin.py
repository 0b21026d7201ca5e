"""Administration over HTTP: revoking a device (also `fieldcase-server revoke-device`)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from app.errors import AppError
from server.api.deps import CurrentPrincipal, DatabaseDep
from server.api.routes.auth import ERRORS
from server.api.schemas import RevokedDevice
from server.core.errors import ApiError, forbidden_role
from server.models import Device
from server.services import auth

router = APIRouter(prefix="/admin", tags=["admin"])


@router.post("/devices/{device_id}/revoke", responses={**ERRORS, 404: ERRORS[401]})
def revoke_device(device_id: uuid.UUID, principal: CurrentPrincipal, database: DatabaseDep) -> RevokedDevice:
    if not principal.is_admin:
        raise forbidden_role()
    with database.unit() as session:
        try:
            auth.revoke(session, principal.username, device_id=device_id, address=principal.address)
        except AppError as exc:
            raise ApiError(404, "not_found", exc.message_zh, exc.message_en) from exc
        device = session.get(Device, device_id)
        assert device is not None
        return RevokedDevice(device_id=device.id, revoked_at=device.revoked_at)
