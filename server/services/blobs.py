"""Attachment content (docs/sync-protocol.md, "Attachments"): blobs addressed by their SHA-256.

A blob goes up in chunks of at most 1 MiB, each at the offset where the server's copy ends, so an upload cut off
anywhere resumes where it stopped (the status says how many bytes arrived). When the last byte arrives the server
hashes the whole and keeps it only if the hash is the blob's name; otherwise everything of it is discarded. Only a
user who sees an attachment record naming the hash may upload, ask about or download it (a case manager's own
caseload, a supervisor's team; an admin never), and every download is audited as a read of personal data.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.services.attachments import MAX_ATTACHMENT_BYTES
from server.core.errors import ApiError
from server.models import Record, SyncBlob, SyncBlobChunk
from server.models.base import utcnow
from server.services import audit, rejections
from server.services.principal import Principal
from server.services.scope import visible_records

ATTACHMENT_TYPE = "attachment"
CHUNK_MAX = 2**20  # bytes per uploaded chunk
MAX_BLOB = MAX_ATTACHMENT_BYTES  # what the laptop lets a case manager attach
SHA256_PATTERN = r"^[0-9a-f]{64}$"
_SHA256 = re.compile(SHA256_PATTERN)


@dataclass(frozen=True)
class BlobState:
    sha256: str
    size: int | None  # declared by the upload under way; None before any byte arrived
    received: int  # bytes the server holds, from offset 0
    complete: bool  # all of it arrived and matched its hash

    def as_json(self) -> dict[str, Any]:
        return {"sha256": self.sha256, "size": self.size, "received": self.received, "complete": self.complete}

    def headers(self) -> dict[str, str]:
        return {
            "X-FieldCase-Blob-Received": str(self.received),
            "X-FieldCase-Blob-Size": "" if self.size is None else str(self.size),
            "X-FieldCase-Blob-Complete": "1" if self.complete else "0",
        }


@dataclass(frozen=True)
class Upload:
    """A chunk's outcome; a refused whole (hash mismatch) is returned, not raised, so its removal is committed."""

    state: BlobState
    error: ApiError | None = None


@dataclass(frozen=True)
class Download:
    sha256: str
    size: int  # the whole blob
    start: int  # first byte sent
    end: int  # one past the last byte sent


def attachment_hash(record_type: str, data: dict[str, Any]) -> str | None:
    """The blob an attachment record names (None for any other record); a malformed hash is refused."""
    if record_type != ATTACHMENT_TYPE:
        return None
    digest = data.get("sha256")
    if not isinstance(digest, str) or not _SHA256.fullmatch(digest):
        raise rejections.invalid(
            "附件的內容雜湊值（sha256）應為 64 個小寫十六進位字元。",
            "An attachment's sha256 must be 64 lower-case hexadecimal digits.",
        )
    return digest


def attachments_naming(session: Session, principal: Principal, sha256: str) -> list[uuid.UUID]:
    """The attachment records (not deleted) this user sees whose content is this blob."""
    if principal.is_admin:
        return []
    query = (
        select(Record.id)
        .where(
            Record.blob_sha256 == sha256,
            Record.record_type == ATTACHMENT_TYPE,
            Record.deleted.is_(False),
            visible_records(principal),
        )
        .order_by(Record.version)
    )
    return list(session.scalars(query))


def _require_access(session: Session, principal: Principal, sha256: str) -> list[uuid.UUID]:
    found = attachments_naming(session, principal, sha256)
    if not found:
        raise ApiError(
            403,
            "scope",
            "這個附件內容不屬於您可檢視的任何附件紀錄（或指到它的附件紀錄尚未同步到伺服器）。",
            "No attachment record you may see names this content (or that record has not reached the server yet).",
        )
    return found


def _state(sha256: str, blob: SyncBlob | None) -> BlobState:
    if blob is None:
        return BlobState(sha256, None, 0, False)
    return BlobState(sha256, blob.size, blob.received, blob.complete)


def state(session: Session, principal: Principal, sha256: str) -> BlobState:
    _require_access(session, principal, sha256)
    return _state(sha256, session.get(SyncBlob, sha256))


def put_chunk(session: Session, principal: Principal, sha256: str, *, offset: int, size: int, data: bytes) -> Upload:
    """Store `data` at `offset` of a blob of `size` bytes; verify the whole once the last byte is in."""
    if size > MAX_BLOB:
        raise too_large(f"附件超過 {MAX_BLOB // 2**20} MB", f"attachments are at most {MAX_BLOB // 2**20} MB")
    if len(data) > CHUNK_MAX:
        raise too_large("每次上傳的區塊最多 1 MiB", "an uploaded chunk is at most 1 MiB")
    found = _require_access(session, principal, sha256)
    blob = _locked(session, principal, sha256, size)
    if blob.complete:
        return Upload(_state(sha256, blob))  # a repeated last chunk, or someone else's upload finished first
    if blob.size != size:
        if offset != 0:
            raise _wrong_offset(blob)
        _discard_chunks(session, sha256)  # an upload declared otherwise, never finished: start over
        blob.size, blob.received = size, 0
    if offset != blob.received:
        raise _wrong_offset(blob)
    if not data or offset + len(data) > size:
        raise ApiError(
            422,
            "invalid",
            "上傳的區塊是空的，或超出宣告的檔案大小。",
            "The chunk is empty or runs past the declared size.",
        )
    session.add(SyncBlobChunk(sha256=sha256, offset=offset, length=len(data), data=data))
    blob.received = offset + len(data)
    if blob.received < size:
        return Upload(_state(sha256, blob))
    if _digest(session, sha256) != sha256:
        _discard_chunks(session, sha256)
        session.delete(blob)
        return Upload(
            BlobState(sha256, None, 0, False),
            ApiError(
                422,
                "hash_mismatch",
                "上傳的附件內容與其雜湊值不符（傳輸中損壞），伺服器已捨棄，下次同步會重新上傳。",
                "The uploaded content does not match its hash (damaged on the way); the server discarded it and "
                "the next sync uploads it again.",
            ),
        )
    blob.complete = True
    blob.completed_at = utcnow()
    audit.record(
        session,
        principal,
        audit.Action.WRITE,
        record_type=ATTACHMENT_TYPE,
        record_id=found[0],
        detail=f"blob {sha256} uploaded ({size} bytes)",
    )
    return Upload(_state(sha256, blob))


def _locked(session: Session, principal: Principal, sha256: str, size: int) -> SyncBlob:
    """The blob's row, made if missing, locked for the rest of the transaction (concurrent uploads take turns)."""
    dialect = session.get_bind().dialect.name
    make = postgresql.insert if dialect == "postgresql" else sqlite.insert
    row = {"sha256": sha256, "size": size, "received": 0, "complete": False, "created_by": principal.username}
    session.execute(make(SyncBlob).values(**row, created_at=utcnow()).on_conflict_do_nothing(index_elements=["sha256"]))
    query = select(SyncBlob).where(SyncBlob.sha256 == sha256).with_for_update()
    return session.execute(query.execution_options(populate_existing=True)).scalar_one()


def _discard_chunks(session: Session, sha256: str) -> None:
    session.execute(delete(SyncBlobChunk).where(SyncBlobChunk.sha256 == sha256))


def _digest(session: Session, sha256: str) -> str:
    digest = hashlib.sha256()
    query = (
        select(SyncBlobChunk.data)
        .where(SyncBlobChunk.sha256 == sha256)
        .order_by(SyncBlobChunk.offset)
        .execution_options(yield_per=4)
    )
    for data in session.scalars(query):
        digest.update(data)
    return digest.hexdigest()


def _wrong_offset(blob: SyncBlob) -> ApiError:
    return ApiError(
        409,
        "offset",
        f"上傳位置不符：伺服器已收到這個附件的前 {blob.received} 位元組，請由該處續傳。",
        f"Wrong offset: the server holds the first {blob.received} bytes of this content; continue from there.",
        headers=_state(blob.sha256, blob).headers(),
    )


def too_large(zh: str, en: str) -> ApiError:
    return ApiError(413, "too_large", f"上傳的附件太大：{zh}。", f"The upload is too large: {en}.")


def open_download(session: Session, principal: Principal, sha256: str, offset: int, limit: int | None) -> Download:
    """Check and audit a download of bytes [offset, offset + limit) of a complete blob."""
    found = _require_access(session, principal, sha256)
    blob = session.get(SyncBlob, sha256)
    if blob is None or not blob.complete:
        raise ApiError(
            404,
            "blob_missing",
            "伺服器還沒有這個附件的內容（新增附件的電腦尚未上傳完成），下次同步會再試。",
            "The server does not have this attachment's content yet (the laptop that added it has not finished "
            "uploading it); the next sync tries again.",
        )
    if offset > blob.size:
        raise ApiError(
            422,
            "invalid",
            f"起始位置超出附件大小（{blob.size} 位元組）。",
            f"The offset is past the end of the content ({blob.size} bytes).",
        )
    end = blob.size if limit is None else min(blob.size, offset + limit)
    audit.reads(
        session, principal, [(ATTACHMENT_TYPE, record_id, f"blob {sha256} bytes {offset}-{end}") for record_id in found]
    )
    return Download(sha256=sha256, size=blob.size, start=offset, end=end)


def chunk_offsets(session: Session, download: Download) -> list[int]:
    """The offsets of the stored chunks that hold bytes of the download, in order."""
    query = (
        select(SyncBlobChunk.offset)
        .where(
            SyncBlobChunk.sha256 == download.sha256,
            SyncBlobChunk.offset < download.end,
            SyncBlobChunk.offset + SyncBlobChunk.length > download.start,
        )
        .order_by(SyncBlobChunk.offset)
    )
    return list(session.scalars(query))


def chunk_bytes(session: Session, download: Download, offset: int) -> bytes:
    """The download's part of the chunk stored at `offset`."""
    data = session.scalars(
        select(SyncBlobChunk.data).where(SyncBlobChunk.sha256 == download.sha256, SyncBlobChunk.offset == offset)
    ).one()
    return bytes(data[max(0, download.start - offset) : download.end - offset])
