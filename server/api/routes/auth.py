"""Login (a device token per laptop) and logout (the calling device's token is revoked)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response

from server.api.deps import AddressDep, CurrentPrincipal, DatabaseDep, SettingsDep
from server.api.schemas import ErrorBody, LoginRequest, LoginResponse, TeamSettingsOut, UserInfo
from server.services import auth, teams
from server.services.principal import Principal

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
        principal = result.principal
        settings_now = teams.settings_of(session, principal.team_id) if principal is not None else None
    if result.error is not None:
        raise result.error
    assert principal is not None and principal.device_id is not None and settings_now is not None
    return LoginResponse(
        token=result.token,
        device_id=principal.device_id,
        user=user_info(principal),
        settings=TeamSettingsOut(closure_signoff=settings_now.closure_signoff),
    )


def user_info(principal: Principal) -> UserInfo:
    return UserInfo(
        username=principal.username,
        display_name=principal.display_name,
        role=principal.role.value,
        team=principal.team_name,
    )


@router.post("/logout", status_code=204, responses=ERRORS)
def logout(principal: CurrentPrincipal, database: DatabaseDep) -> Response:
    with database.unit() as session:
        auth.logout(session, principal)
    return Response(status_code=204)
