"""Dependencies declared once: the database, the settings, and the user behind the request's device token."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from server.core.config import Settings
from server.core.db import Database
from server.core.errors import unauthorized
from server.services import auth
from server.services.principal import Principal

bearer = HTTPBearer(auto_error=False, description="The device token from POST /api/v1/auth/login")


def get_database(request: Request) -> Database:
    database: Database = request.app.state.database
    return database


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def client_address(request: Request) -> str:
    return request.client.host if request.client else ""


DatabaseDep = Annotated[Database, Depends(get_database)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
AddressDep = Annotated[str, Depends(client_address)]


def current_principal(
    database: DatabaseDep,
    address: AddressDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Principal:
    """Checked in a transaction of its own, so the route's unit of work (a pull's snapshot) starts clean."""
    if credentials is None or credentials.scheme.lower() != "bearer" or not credentials.credentials:
        raise unauthorized()
    with database.unit() as session:
        return auth.authenticate(session, credentials.credentials, address)


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]
