"""The /api/v1 router."""

from __future__ import annotations

from fastapi import APIRouter

from server.api.routes import admin, auth, blobs, health, sync, team

api_router = APIRouter(prefix="/api/v1")
api_router.include_router(health.router)
api_router.include_router(auth.router)
api_router.include_router(sync.router)
api_router.include_router(blobs.router)
api_router.include_router(admin.router)
api_router.include_router(team.router)
