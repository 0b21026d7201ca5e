"""Attachment content on the server: blobs addressed by their SHA-256, uploaded in chunks (resumable).

A blob row says how large the upload will be (`size`), how many bytes have arrived (`received`) and whether the
whole was verified against its hash (`complete`). The bytes live in `sync_blob_chunk` rows of at most 1 MiB each,
in order of `offset`, so no request ever holds more than one chunk in memory.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from server.models.base import ServerBase, utcnow


class SyncBlob(ServerBase):
    __tablename__ = "sync_blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)  # lower-case hex
    size: Mapped[int] = mapped_column(BigInteger)  # the whole blob, as the uploader declared it
    received: Mapped[int] = mapped_column(BigInteger, default=0)  # bytes stored so far, from offset 0
    complete: Mapped[bool] = mapped_column(default=False)  # every byte arrived and the hash was verified
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    completed_at: Mapped[datetime | None]


class SyncBlobChunk(ServerBase):
    __tablename__ = "sync_blob_chunk"

    sha256: Mapped[str] = mapped_column(ForeignKey("sync_blob.sha256", ondelete="CASCADE"), primary_key=True)
    offset: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    length: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
