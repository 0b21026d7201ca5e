"""督導紀錄: drafts saved again and again, finalised once, immutable after."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date

import pytest

from app.errors import ProblemsError, RuleError
from app.models import OutboxOp, SupervisionNote
from app.models.enums import RecordStatus, SupervisionKind
from app.services.supervision import (
    NoteValues,
    case_choices,
    discard_draft_note,
    finalise_note,
    list_notes,
    save_draft_note,
    team_members,
)
from app.store.store import Store
from tests.factories import make_case, make_client


def a_case(store: Store, name: str = "王小明", owner: str = "cm.chen", **client: object) -> uuid.UUID:
    with store.transaction() as db:
        case = make_case(make_client(name=name, **client), owner=owner)
        db.add(case)
        db.flush()
        return case.id


def test_a_draft_is_saved_again_then_finalised_and_stays_so(store: Store) -> None:
    case_id = a_case(store)
    note_id = uuid.uuid4()
    values = NoteValues(SupervisionKind.INDIVIDUAL, date(2026, 11, 20), ("cm.chen", " ", "cm.chen"), case_id, "討論")
    with store.transaction() as db:
        assert save_draft_note(db, note_id, values) == note_id
    with store.transaction() as db:
        save_draft_note(db, note_id, replace(values, agreed_actions="下週家訪"))
    with store.transaction() as db:
        finalise_note(db, note_id)
    with store.transaction() as db:
        (row,) = list_notes(db)
        note = db.get(SupervisionNote, note_id)
        assert note is not None and note.supervisor == "cm.chen"  # the store's actor writes the record
        ops = db.query(OutboxOp).filter(OutboxOp.record_id == note_id).count()
    assert (row.status, row.attendees, row.client_name, row.agreed_actions) == (
        RecordStatus.FINAL,
        ("cm.chen",),
        "王小明",
        "下週家訪",
    )
    assert ops >= 1  # it syncs
    with pytest.raises(RuleError), store.transaction() as db:
        save_draft_note(db, note_id, values)
    with pytest.raises(RuleError), store.transaction() as db:  # the store itself refuses, whatever the service
        stored = db.get(SupervisionNote, note_id)
        assert stored is not None
        stored.content = "改寫"
        db.flush()
    with pytest.raises(RuleError), store.transaction() as db:
        discard_draft_note(db, note_id)


def test_finalising_needs_attendees_content_and_a_case_for_a_consultation(store: Store) -> None:
    note_id = uuid.uuid4()
    with store.transaction() as db:
        save_draft_note(db, note_id, NoteValues(SupervisionKind.CONSULTATION, date(2026, 11, 20)))
    with pytest.raises(ProblemsError) as refused, store.transaction() as db:
        finalise_note(db, note_id)
    assert {p.field for p in refused.value.problems} == {"attendees", "content", "case_id"}
    with pytest.raises(ProblemsError), store.transaction() as db:  # nor can a date lie in the future
        save_draft_note(db, note_id, NoteValues(SupervisionKind.GROUP, date(2099, 1, 1)))


def test_a_draft_made_by_mistake_is_tombstoned(store: Store) -> None:
    note_id = uuid.uuid4()
    with store.transaction() as db:
        save_draft_note(db, note_id, NoteValues(SupervisionKind.PEER, None, content="草稿"))
    with store.transaction() as db:
        discard_draft_note(db, note_id)
    with store.transaction() as db:
        assert list_notes(db) == []
        assert db.get(SupervisionNote, note_id) is not None


def test_case_choices_and_team_members(store: Store) -> None:
    a_case(store, "王小明", "cm.chen")
    a_case(store, "李小華", "cm.lin", id_number="B123456780")
    with store.transaction() as db:
        assert [c.client_name for c in case_choices(db, "小")] == ["李小華", "王小明"]
        assert [c.client_name for c in case_choices(db, "cm.lin")] == ["李小華"]
        assert case_choices(db, "  ") == []
        assert team_members(db) == ["cm.chen", "cm.lin"]
