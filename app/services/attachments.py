"""附件: scanned certificates and signed forms, stored once per content (SHA-256) inside the encrypted store."""

from __future__ import annotations

import hashlib
import mimetypes
import uuid

from sqlalchemy.orm import Session

from app.errors import AppError
from app.models import Attachment, AttachmentBlob

MAX_ATTACHMENT_BYTES = 50 * 2**20  # a scanned multi-page PDF; larger files belong on the agency's file server


def add_attachment(
    session: Session,
    filename: str,
    content: bytes,
    *,
    case_id: uuid.UUID | None = None,
    client_id: uuid.UUID | None = None,
    media_type: str | None = None,
    description: str = "",
) -> Attachment:
    """Attach a file to a case or client. The bytes are kept once however many records point to them."""
    if case_id is None and client_id is None:
        raise AppError("附件必須屬於某個個案或個案基本資料。", "An attachment must belong to a case or a client.")
    if not content:
        raise AppError(f"檔案「{filename}」是空的。", f"The file '{filename}' is empty.")
    if len(content) > MAX_ATTACHMENT_BYTES:
        raise AppError(
            f"檔案「{filename}」超過 {MAX_ATTACHMENT_BYTES // 2**20} MB。",
            f"The file '{filename}' is larger than {MAX_ATTACHMENT_BYTES // 2**20} MB.",
        )
    digest = hashlib.sha256(content).hexdigest()
    if session.get(AttachmentBlob, digest) is None:
        session.add(AttachmentBlob(sha256=digest, content=content))
    attachment = Attachment(
        case_id=case_id,
        client_id=client_id,
        filename=filename,
        media_type=media_type or mimetypes.guess_type(filename)[0] or "application/octet-stream",
        sha256=digest,
        size=len(content),
        description=description,
    )
    session.add(attachment)
    return attachment


def attachment_content(session: Session, attachment: Attachment) -> bytes:
    """The attachment's bytes, checked against its hash so a damaged copy is never shown as the client's document."""
    blob = session.get(AttachmentBlob, attachment.sha256)
    if blob is None or hashlib.sha256(blob.content).hexdigest() != attachment.sha256:
        raise AppError(
            f"附件「{attachment.filename}」的內容不在本機或已損壞，請同步後再試。",
            f"The content of '{attachment.filename}' is missing or damaged here; sync and try again.",
        )
    return blob.content
