"""Attachment content: chunked, resumable upload by SHA-256, its status, and scope-checked, audited download."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from fastapi.responses import StreamingResponse

from server.api.deps import CurrentPrincipal, DatabaseDep
from server.api.routes.auth import ERRORS
from server.api.schemas import MAX_INT, BlobStatus, ErrorBody
from server.core.db import Database
from server.services import blobs
from server.services.blobs import Download

router = APIRouter(prefix="/sync/blobs", tags=["blobs"])

Sha256 = Annotated[str, Path(pattern=blobs.SHA256_PATTERN, description="SHA-256 of the content, lower-case hex")]
BLOB_ERRORS: dict[int | str, dict[str, Any]] = {
    **ERRORS,
    404: {"model": ErrorBody},
    409: {"model": ErrorBody},
    413: {"model": ErrorBody},
}
OCTETS = "application/octet-stream"


async def raw_body(request: Request) -> bytes:
    return await request.body()


@router.head("/{sha256}/status", responses=BLOB_ERRORS, operation_id="blob_status_head")
@router.get("/{sha256}/status", responses=BLOB_ERRORS, operation_id="blob_status")
def status(sha256: Sha256, principal: CurrentPrincipal, database: DatabaseDep, response: Response) -> BlobStatus:
    """How many bytes of the content the server holds (also as X-FieldCase-Blob-* headers, for HEAD)."""
    with database.unit() as session:
        state = blobs.state(session, principal, sha256)
    response.headers.update(state.headers())
    return BlobStatus.model_validate(state.as_json())


@router.put(
    "/{sha256}",
    responses=BLOB_ERRORS,
    openapi_extra={
        "requestBody": {"required": True, "content": {OCTETS: {"schema": {"type": "string", "format": "binary"}}}}
    },
)
def upload(
    sha256: Sha256,
    principal: CurrentPrincipal,
    database: DatabaseDep,
    response: Response,
    body: Annotated[bytes, Depends(raw_body)],
    offset: Annotated[int, Query(ge=0, le=MAX_INT, description="where this chunk goes: the bytes received so far")],
    size: Annotated[int, Query(ge=1, le=MAX_INT, description="the size of the whole content")],
) -> BlobStatus:
    """One chunk (≤ 1 MiB, body `application/octet-stream`) at `offset`; 409 `offset` says where to continue."""
    with database.unit() as session:
        outcome = blobs.put_chunk(session, principal, sha256, offset=offset, size=size, data=body)
    if outcome.error is not None:
        raise outcome.error
    response.headers.update(outcome.state.headers())
    return BlobStatus.model_validate(outcome.state.as_json())


@router.get(
    "/{sha256}",
    response_class=StreamingResponse,
    responses={**BLOB_ERRORS, 200: {"content": {OCTETS: {"schema": {"type": "string", "format": "binary"}}}}},
)
def download(
    sha256: Sha256,
    principal: CurrentPrincipal,
    database: DatabaseDep,
    offset: Annotated[int, Query(ge=0, le=MAX_INT, description="first byte to send")] = 0,
    limit: Annotated[int | None, Query(ge=1, le=MAX_INT, description="at most this many bytes")] = None,
) -> StreamingResponse:
    """The content from `offset` (all of it by default); refused unless the user sees an attachment naming it."""
    with database.unit() as session:
        part = blobs.open_download(session, principal, sha256, offset, limit)
        offsets = blobs.chunk_offsets(session, part)
    headers = {
        "Content-Length": str(part.end - part.start),
        "X-FieldCase-Blob-Size": str(part.size),
        "Cache-Control": "no-store",
    }
    return StreamingResponse(_stream(database, part, offsets), media_type=OCTETS, headers=headers)


def _stream(database: Database, part: Download, offsets: list[int]) -> Iterator[bytes]:
    """One stored chunk at a time, each read in a short transaction (a complete blob never changes), so a slow link
    holds neither the whole content in memory nor a database transaction open."""
    for offset in offsets:
        with database.unit() as session:
            yield blobs.chunk_bytes(session, part, offset)
