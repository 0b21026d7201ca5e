"""Attachment content over the sync link (docs/sync-protocol.md, "Attachments"): after the push, the blobs of this
laptop's attachment records that the server lacks go up in chunks; after the pull, the blobs of attachment records
this laptop lacks come down. Both check the SHA-256 (a blob is its hash), both resume (an upload asks the server how
much it already holds; a download stores nothing until the whole arrived and matched).

A blob that cannot move now never stops the sync: it is counted as missing in the report and tried again next
time. Only what ends every request of the run (no login, a revoked device, another protocol, a cancel) goes on up.

Which blobs to offer: attachment records with a server version above a mark kept in `store_meta`, for the current
server and user. The mark moves past a record once its blob is known to be on the server, so a laptop with years of
attachments asks about the new ones only.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Attachment, AttachmentBlob
from app.services.attachments import MAX_ATTACHMENT_BYTES
from app.store.store import Store
from app.store.tracking import INFO_APPLYING_SYNC
from app.sync import credentials
from app.sync.errors import OfflineError, RequestRefused, ServerRefused
from app.sync.progress import NO_CONTROL, RunControl
from app.sync.transport import Transport

log = logging.getLogger(__name__)

CHUNK = 2**20  # bytes per request, both ways (the server takes at most 1 MiB per uploaded chunk)
UPLOADED_MARK = "sync.blobs_uploaded"  # {"server", "user", "version"}: blobs of records up to it are on the server
OFFSET_RETRIES = 3  # times an upload re-reads the server's status after a 409 `offset` before giving up this run


@dataclass
class BlobOutcome:
    sent: int = 0  # blobs uploaded (the server lacked them)
    received: int = 0  # blobs downloaded and stored
    missing: int = 0  # blobs that could not move this run (tried again next time)


def upload_blobs(store: Store, transport: Transport, *, control: RunControl = NO_CONTROL) -> BlobOutcome:
    outcome = BlobOutcome()
    with store.transaction() as session:
        mark = _uploaded_mark(session)
        candidates = _upload_candidates(session, mark)
    if not candidates:
        return outcome
    top = max(highest for _, _, highest in candidates)
    failed: list[int] = []  # the lowest record version of each blob that did not go up
    for index, (sha256, lowest, _) in enumerate(candidates):
        control.step("upload", index)
        try:
            outcome.sent += _upload_one(store, transport, sha256)
        except OfflineError:
            log.warning("attachment upload stopped: the server cannot be reached")
            failed.extend(low for _, low, _ in candidates[index:])
            break
        except (RequestRefused, ServerRefused, _BadLocalBlob) as exc:
            log.warning("attachment %s was not uploaded: %s", sha256[:12], exc.message_en)
            failed.append(lowest)
    outcome.missing = len(failed)
    with store.transaction() as session:
        _save_uploaded_mark(session, max(mark, min(failed) - 1) if failed else top)
    return outcome


def download_blobs(store: Store, transport: Transport, *, control: RunControl = NO_CONTROL) -> BlobOutcome:
    outcome = BlobOutcome()
    with store.transaction() as session:
        wanted = _download_wanted(session)
    for index, sha256 in enumerate(wanted):
        control.step("download", index)
        try:
            content = _download_one(transport, sha256)
        except OfflineError:
            log.warning("attachment download stopped: the server cannot be reached")
            outcome.missing += len(wanted) - index
            break
        except (RequestRefused, ServerRefused) as exc:
            log.info("attachment %s not downloaded: %s", sha256[:12], exc.message_en)
            outcome.missing += 1
            continue
        if hashlib.sha256(content).hexdigest() != sha256:
            log.warning("attachment %s arrived damaged (hash mismatch); not stored", sha256[:12])
            outcome.missing += 1
            continue
        with store.transaction() as session:
            session.info[INFO_APPLYING_SYNC] = True
            if session.get(AttachmentBlob, sha256) is None:
                session.add(AttachmentBlob(sha256=sha256, content=content))
        outcome.received += 1
    return outcome


class _BadLocalBlob(Exception):
    """The local copy does not match its hash (or is too large): it must not go up as the attachment's content."""

    def __init__(self, sha256: str) -> None:
        super().__init__(sha256)
        self.message_en = f"the local copy of {sha256[:12]} does not match its hash"


def _upload_candidates(session: Session, mark: int) -> list[tuple[str, int, int]]:
    """(hash, lowest and highest record version) of the synced, live attachment records above the mark whose
    content is here, lowest first."""
    query = (
        select(Attachment.sha256, func.min(Attachment.version), func.max(Attachment.version))
        .join(AttachmentBlob, AttachmentBlob.sha256 == Attachment.sha256)
        .where(Attachment.version > mark, Attachment.deleted.is_(False))
        .group_by(Attachment.sha256)
        .order_by(func.min(Attachment.version))
    )
    return [(str(sha256), int(low), int(high)) for sha256, low, high in session.execute(query)]


def _download_wanted(session: Session) -> list[str]:
    """Hashes named by synced, live attachment records whose content is not in this store."""
    present = select(AttachmentBlob.sha256).where(AttachmentBlob.sha256 == Attachment.sha256).exists()
    query = (
        select(Attachment.sha256)
        .where(Attachment.version > 0, Attachment.deleted.is_(False), ~present)
        .group_by(Attachment.sha256)
        .order_by(func.min(Attachment.version))
    )
    return [str(sha256) for sha256 in session.scalars(query)]


def _upload_one(store: Store, transport: Transport, sha256: str) -> int:
    """Upload one blob unless the server has it; 1 when bytes went up."""
    with store.transaction() as session:
        blob = session.get(AttachmentBlob, sha256)
        content = bytes(blob.content) if blob is not None else b""
    if not content or len(content) > MAX_ATTACHMENT_BYTES or hashlib.sha256(content).hexdigest() != sha256:
        raise _BadLocalBlob(sha256)
    path = f"/sync/blobs/{sha256}"
    state = transport.get(f"{path}/status")
    if state.get("complete") is True:
        return 0
    offset = _resume_at(state, len(content))
    rereads = 0
    for _ in range(len(content) // CHUNK + OFFSET_RETRIES + 2):  # a server that stops moving cannot keep us here
        try:
            chunk = content[offset : offset + CHUNK]
            state = transport.put_bytes(path, chunk, {"offset": offset, "size": len(content)})
        except RequestRefused as exc:
            if exc.code != "offset" or rereads >= OFFSET_RETRIES:
                raise
            rereads += 1  # another laptop is uploading the same content, or our last answer was lost
            state = transport.get(f"{path}/status")
        if state.get("complete") is True:
            return 1
        offset = _resume_at(state, len(content))
    raise ServerRefused(
        "同步伺服器沒有接收附件內容的後續部分，下次同步會再試。",
        "The server stopped taking the rest of the attachment's content; the next sync tries again.",
    )


def _resume_at(state: Mapping[str, Any], size: int) -> int:
    """Where to continue: the bytes the server holds of an upload of this same size (else from the start)."""
    received = state.get("received")
    if state.get("size") == size and isinstance(received, int) and 0 <= received < size:
        return received
    return 0


def _download_one(transport: Transport, sha256: str) -> bytes:
    content = bytearray()
    while True:
        part, headers = transport.get_bytes(f"/sync/blobs/{sha256}", {"offset": len(content), "limit": CHUNK})
        size = _declared_size(headers)
        if size is None or size > MAX_ATTACHMENT_BYTES or len(content) + len(part) > size:
            raise ServerRefused(
                "同步伺服器傳回的附件內容大小不符，這次未儲存。",
                "The server's attachment content has an unexpected size; it was not stored this time.",
            )
        content += part
        if len(content) == size:
            return bytes(content)
        if not part:
            raise ServerRefused(
                "同步伺服器傳回的附件內容不完整，這次未儲存。",
                "The server's attachment content is incomplete; it was not stored this time.",
            )


def _declared_size(headers: Mapping[str, str]) -> int | None:
    try:
        return int(headers.get("x-fieldcase-blob-size", ""))
    except ValueError:
        return None


def _uploaded_mark(session: Session) -> int:
    account = credentials.load_account(session)
    try:
        saved = json.loads(credentials.get_meta(session, UPLOADED_MARK) or "{}")
    except ValueError:
        return 0
    if account is None or not isinstance(saved, dict):
        return 0
    if (saved.get("server"), saved.get("user")) != (account.server_url, account.username):
        return 0  # another server or user: every blob is offered again
    version = saved.get("version")
    return version if isinstance(version, int) else 0


def _save_uploaded_mark(session: Session, version: int) -> None:
    account = credentials.load_account(session)
    if account is None:
        return
    value = {"server": account.server_url, "user": account.username, "version": version}
    credentials.set_meta(session, UPLOADED_MARK, json.dumps(value))
