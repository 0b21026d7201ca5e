from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.errors import AppError
from app.models import AttachmentBlob
from app.services.attachments import add_attachment, attachment_content
from app.store.store import Store
from tests.factories import make_case, make_client

SCAN = b"%PDF-1.4 scanned certificate " + bytes(range(256)) * 40


def test_same_content_is_stored_once(store: Store) -> None:
    with store.transaction() as db:
        case = make_case(make_client())
        db.add(case)
        db.flush()
        first = add_attachment(db, "身心障礙證明.pdf", SCAN, case_id=case.id)
        second = add_attachment(db, "證明影本.pdf", SCAN, client_id=case.client_id)
    assert first.sha256 == second.sha256 and first.media_type == "application/pdf"
    with store.transaction() as db:
        assert db.scalar(select(func.count()).select_from(AttachmentBlob)) == 1
        assert attachment_content(db, first) == SCAN


def test_damaged_content_is_refused(store: Store) -> None:
    with store.transaction() as db:
        case = make_case(make_client())
        db.add(case)
        db.flush()
        attachment = add_attachment(db, "scan.png", SCAN, case_id=case.id)
    with store.transaction() as db:
        db.get_one(AttachmentBlob, attachment.sha256).content = b"tampered"
    with pytest.raises(AppError, match="已損壞"), store.transaction() as db:
        attachment_content(db, attachment)


def test_empty_or_orphan_files_are_refused(store: Store) -> None:
    with pytest.raises(AppError, match="空的"), store.transaction() as db:
        add_attachment(db, "a.pdf", b"", client_id=None, case_id=make_case(make_client()).id)
    with pytest.raises(AppError, match="必須屬於"), store.transaction() as db:
        add_attachment(db, "a.pdf", SCAN)
