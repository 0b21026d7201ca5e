"""Login (a device token per laptop) and logout (the calling device's token is revoked)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response

from server.api.deps import AddressDep, CurrentPrincipal, DatabaseDep, SettingsDep
from server.api.schemas import ErrorBody, LoginRequest, LoginResponse, UserInfo
from server.services import auth

router = APIRouter(prefix="/auth", tags=["auth"])

ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorBody},
    403: {"model": ErrorBody},
    422: {"model": ErrorBody},
    426: {"model": ErrorBody},
    429: {"model": ErrorBody},
}


@router.post("/login", responses=ERRORS)
def login(body: LoginRequest, database: DatabaseDep, settings: SettingsDep, address: AddressDep) -> LoginResponse:
    with database.unit() as session:
        result = auth.login(
            session,
            settings,
            username=body.username,
            password=body.password,
            device_name=body.device_name,
            address=address,
        )
    if result.error is not None:
        raise result.error
    principal = result.principal
    assert principal is not None and principal.device_id is not None
    return LoginResponse(
        token=result.token,
        device_id=principal.device_id,
        user=UserInfo(
            username=principal.username,
            display_name=principal.display_name,
            role=principal.role.value,
            team=principal.team_name,
        ),
    )


@router.post("/logout", status_code=204, responses=ERRORS)
def logout(principal: CurrentPrincipal, database: DatabaseDep) -> Response:
    with database.unit() as session:
        auth.logout(session, principal)
    return Response(status_code=204)
