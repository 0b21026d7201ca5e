"""The FastAPI application of the central service (`create_app`), served by `fieldcase-server serve`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.middleware.gzip import DEFAULT_EXCLUDED_CONTENT_TYPES, GZipMiddleware

from app import __version__
from server.api import errors
from server.api.main import api_router
from server.core.config import Settings, get_settings
from server.core.db import Database
from server.core.middleware import ProtocolVersionMiddleware, RequestBodyMiddleware
from server.migrate import require_current


def create_app(settings: Settings | None = None) -> FastAPI:
    """The service over the configured database; AppError when the database is unreachable or not migrated."""
    settings = settings or get_settings()
    database = Database(settings)
    try:
        require_current(database.engine)
    except Exception:
        database.dispose()
        raise

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        database.dispose()

    app = FastAPI(
        title="FieldCase central service",
        summary="Sync for FieldCase laptops (docs/sync-protocol.md)",
        version=__version__,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.database = database
    errors.install(app)
    app.include_router(api_router)
    # Added innermost first: a request meets GZip, then the protocol check, then the body reader.
    app.add_middleware(RequestBodyMiddleware, max_bytes=settings.max_body_bytes)
    app.add_middleware(ProtocolVersionMiddleware)
    # Attachment content (scans, PDFs) is already compressed: gzip would spend CPU for nothing.
    app.add_middleware(
        GZipMiddleware,
        minimum_size=1024,
        exclude_content_types=(*DEFAULT_EXCLUDED_CONTENT_TYPES, "application/octet-stream"),
    )
    return app
