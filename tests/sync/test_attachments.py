"""Attachment contents against a real `fieldcase-server`: up after the push, down after the pull, byte for byte;
an interrupted upload resumes; a corrupted upload is refused; a user outside the scope cannot fetch the content;
a content not on the server yet never stops the rest of the sync."""

from __future__ import annotations

import hashlib
import random
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.models import Attachment, AttachmentBlob
from app.services.attachments import add_attachment, attachment_content
from app.store.store import Store
from app.sync.blobs import CHUNK
from app.sync.client import sync
from app.sync.credentials import load_token
from app.sync.errors import RequestRefused
from app.sync.push import push
from app.sync.transport import Json, Transport
from tests.sync.live import Laptop, LiveServer, laptops
from tests.sync.test_live import add_case


def _content(size: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(size)


def attach(laptop: Laptop, case_id: uuid.UUID, content: bytes, filename: str = "身心障礙證明.pdf") -> uuid.UUID:
    with laptop.store.transaction() as db:
        attachment = add_attachment(db, filename, content, case_id=case_id)
        db.flush()
        return attachment.id


def content_on(laptop: Laptop, attachment_id: uuid.UUID) -> bytes:
    with laptop.store.transaction() as db:
        return attachment_content(db, db.get_one(Attachment, attachment_id))


def blob_count(store: Store) -> int:
    with store.transaction() as db:
        return int(db.scalar(select(func.count()).select_from(AttachmentBlob)) or 0)


class RecordingTransport(Transport):
    """Notes the offset of every chunk it uploads."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.offsets: list[int] = []

    def put_bytes(self, path: str, data: bytes, params: Mapping[str, str | int]) -> Json:
        self.offsets.append(int(params["offset"]))
        return super().put_bytes(path, data, params)


def test_an_attachment_reaches_the_users_other_laptop_and_the_supervisor_byte_for_byte(
    live_server: LiveServer, tmp_path: Path
) -> None:
    content = _content(CHUNK + 4321, seed=1)
    with laptops(live_server, tmp_path, "cm.chen", "cm.chen", "sup.wang", "cm.lin") as (a, b, supervisor, lin):
        _, case_id = add_case(a)
        attachment_id = attach(a, case_id, content)
        sent = a.sync()
        assert (sent.pushed, sent.blobs_sent, sent.blobs_missing) == (4, 1, 0)
        got = b.sync()
        assert (got.blobs_received, got.blobs_missing) == (1, 0)
        assert content_on(b, attachment_id) == content
        assert supervisor.sync().blobs_received == 1
        assert content_on(supervisor, attachment_id) == content
        # nothing moves twice: the server has it, and so does every laptop
        for laptop in (a, b, supervisor):
            again = laptop.sync()
            assert (again.blobs_sent, again.blobs_received, again.blobs_missing) == (0, 0, 0)
        # another case manager's caseload: no record, and no content either
        assert lin.sync().blobs_received == 0 and blob_count(lin.store) == 0
        digest = hashlib.sha256(content).hexdigest()
        with Transport(live_server.url, load_token(lin.store)) as outsider:
            for path in (f"/sync/blobs/{digest}", f"/sync/blobs/{digest}/status"):
                with pytest.raises(RequestRefused) as refused:
                    outsider.get_bytes(path)
                assert (refused.value.status, refused.value.code) == (403, "scope")
            with pytest.raises(RequestRefused) as refused:
                outsider.put_bytes(f"/sync/blobs/{digest}", content[:10], {"offset": 0, "size": len(content)})
            assert refused.value.status == 403


def test_an_interrupted_upload_resumes_and_a_missing_content_never_blocks_the_sync(
    live_server: LiveServer, tmp_path: Path
) -> None:
    content = _content(2 * CHUNK + 99, seed=2)
    digest = hashlib.sha256(content).hexdigest()
    with laptops(live_server, tmp_path, "cm.chen", "cm.chen") as (a, b):
        _, case_id = add_case(a)
        attachment_id = attach(a, case_id, content)
        with Transport(live_server.url, load_token(a.store)) as link:
            push(a.store, link)  # the records go up; then the link drops after the first chunk
            state = link.put_bytes(f"/sync/blobs/{digest}", content[:CHUNK], {"offset": 0, "size": len(content)})
            assert (state["received"], state["complete"]) == (CHUNK, False)

        waiting = b.sync()  # the record is there, its content is not complete yet: the rest of the sync goes on
        assert waiting.applied == 4 and waiting.blobs_missing == 1 and waiting.blobs_received == 0
        with b.store.transaction() as db:
            assert db.get(Attachment, attachment_id) is not None and db.get(AttachmentBlob, digest) is None

        recording = RecordingTransport(live_server.url, load_token(a.store))
        try:
            report = sync(a.store, transport=recording)
        finally:
            recording.close()
        assert recording.offsets == [CHUNK, 2 * CHUNK]  # resumed where the server stopped, nothing sent twice
        assert (report.blobs_sent, report.blobs_missing) == (1, 0)
        arrived = b.sync()
        assert (arrived.blobs_received, arrived.blobs_missing) == (1, 0)
        assert content_on(b, attachment_id) == content


def test_a_corrupted_upload_is_refused_and_nothing_is_stored(live_server: LiveServer, tmp_path: Path) -> None:
    content = _content(3000, seed=3)
    digest = hashlib.sha256(content).hexdigest()
    with laptops(live_server, tmp_path, "cm.chen", "cm.chen") as (a, b):
        _, case_id = add_case(a)
        attachment_id = attach(a, case_id, content)
        with Transport(live_server.url, load_token(a.store)) as link:
            push(a.store, link)
            damaged = bytes(x ^ 1 for x in content)
            with pytest.raises(RequestRefused) as refused:
                link.put_bytes(f"/sync/blobs/{digest}", damaged, {"offset": 0, "size": len(content)})
            assert (refused.value.status, refused.value.code) == (422, "hash_mismatch")
            status = link.get(f"/sync/blobs/{digest}/status")
            assert (status["received"], status["complete"]) == (0, False)

        # a damaged local copy is never offered as the content either
        with a.store.transaction() as db:
            db.get_one(AttachmentBlob, digest).content = damaged
        assert a.sync().blobs_missing == 1
        assert b.sync().blobs_missing == 1 and blob_count(b.store) == 0
        with a.store.transaction() as db:
            db.get_one(AttachmentBlob, digest).content = content
        assert a.sync().blobs_sent == 1  # still offered: the mark stayed below the failed record
        assert b.sync().blobs_received == 1
        assert content_on(b, attachment_id) == content
