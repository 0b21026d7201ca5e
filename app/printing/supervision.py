"""督導紀錄表: the view-model of a supervision record (seed 002 四(三)) for the `supervision_record` template.

The cases discussed (the record's `case_id`, then its `case_ids`) print as the client's name, the masked ID number
(A12****789, as letters that leave the agency print it), the case number and the case manager: a supervision record
is shared with the team and filed for the 分署, so it never carries a full ID number. A case this laptop does not
hold (another team's, not synced) prints as its case number alone.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.errors import AppError
from app.models import AuditEntry, Case, SupervisionNote
from app.models.enums import RecordStatus
from app.printing.options import coded
from app.printing.views import (
    Attendee,
    Coded,
    DiscussedCase,
    Signatures,
    SupervisionDocument,
    SupervisionNoteView,
)
from app.services.caseload import masked
from app.services.rocdate import format_roc
from app.store.tracking import INFO_ACTOR

DRAFT_MARK: Final = "草稿"
NOT_HELD: Final = "（本機無此個案資料）"
NO_CODE: Final = Coded("", "")


def note_ids(texts: Iterable[str]) -> list[uuid.UUID]:
    """Record ids in order, each once; AppError naming a text that is no id."""
    found: list[uuid.UUID] = []
    for text in (t.strip() for t in texts):
        if not text:
            continue
        try:
            note_id = uuid.UUID(text)
        except ValueError:
            raise AppError(
                f"「{text}」不是督導紀錄編號（應為 32 位十六進位的 UUID）。",
                f"'{text}' is not a supervision record id (a UUID of 32 hex digits).",
            ) from None
        if note_id not in found:
            found.append(note_id)
    return found


def supervision_document(
    session: Session,
    doc_id: str,
    note_id: uuid.UUID,
    *,
    printed_on: date,
    staff_names: Mapping[str, str],
    signatures: Signatures,
) -> SupervisionDocument:
    """The record `note_id` as the template prints it; AppError when there is no such (live) record."""
    note = session.get(SupervisionNote, note_id)
    if note is None or note.deleted:
        raise AppError(
            f"找不到督導紀錄 {note_id}（可能已刪除）。",
            f"Supervision record {note_id} was not found (it may be deleted).",
        )

    def name(username: str) -> str:
        return staff_names.get(username, username)

    kind = coded("supervision_kind", note.kind) or NO_CODE
    status = coded("record_status", note.status) or NO_CODE
    final = note.status == RecordStatus.FINAL
    view = SupervisionNoteView(
        reference=note.id.hex[:8].upper(),
        kind=kind,
        held_on=note.held_on,
        supervisor=name(note.supervisor),
        attendees=tuple(name(a) for a in note.attendees),
        sign_in=tuple(Attendee(name(a)) for a in note.attendees),
        cases=_discussed(session, _case_ids(note), staff_names),
        content=note.content,
        agreed_actions=note.agreed_actions,
        follow_up_due_on=note.follow_up_due_on,
        follow_up_done_on=note.follow_up_done_on,
        follow_up_note=note.follow_up_note,
        status=status,
        final=final,
    )
    return SupervisionDocument(
        doc_id=doc_id,
        printed_on=printed_on,
        note=view,
        subject=f"{format_roc(note.held_on)} {kind.label}" + ("" if final else f"（{DRAFT_MARK}）"),
        mark="" if final else DRAFT_MARK,
        signatures=signatures,
    )


def _case_ids(note: SupervisionNote) -> list[uuid.UUID]:
    """The record's case, then every other case discussed, each once (ids that cannot be read are left out)."""
    found: list[uuid.UUID] = [note.case_id] if note.case_id is not None else []
    for text in note.case_ids or ():
        try:
            case_id = uuid.UUID(str(text))
        except ValueError:
            continue
        if case_id not in found:
            found.append(case_id)
    return found


def _discussed(
    session: Session, case_ids: list[uuid.UUID], staff_names: Mapping[str, str]
) -> tuple[DiscussedCase, ...]:
    if not case_ids:
        return ()
    cases = {
        c.id: c
        for c in session.scalars(
            select(Case).where(Case.id.in_(case_ids), Case.deleted.is_(False)).options(selectinload(Case.client))
        )
    }
    found = []
    for case_id in case_ids:
        reference = case_id.hex[:8].upper()
        case = cases.get(case_id)
        if case is None:
            found.append(DiscussedCase(reference, NOT_HELD, "", "", NO_CODE, NO_CODE))
            continue
        # 個人資料保護法: printing a client's name is a read of their file, recorded as opening the case is.
        actor = str(session.info.get(INFO_ACTOR, ""))
        session.add(AuditEntry(actor=actor, action="view", record_type="case", record_id=case.id, detail="print"))
        found.append(
            DiscussedCase(
                reference=reference,
                client_name=case.client.name,
                id_number_masked=masked(case.client.id_number),
                manager=staff_names.get(case.owner, case.owner),
                programme=coded("programme", case.programme) or NO_CODE,
                stage=coded("stage", case.stage) or NO_CODE,
            )
        )
    return tuple(found)
