"""督導紀錄: drafts saved again and again, finalised once, immutable after (but for the follow-up outcome); the cases
discussed, the follow-up due, done and overdue."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from app.errors import ProblemsError, RuleError
from app.models import AuditEntry, OutboxOp, SupervisionNote
from app.models.enums import RecordStatus, SupervisionKind
from app.services import clock
from app.services.supervision import (
    NoteValues,
    discard_draft_note,
    finalise_note,
    keep_draft_note,
    keep_follow_up,
    record_follow_up,
    save_draft_note,
    typed_date,
)
from app.services.supervision_list import FollowUp, case_choices, list_notes, overdue_follow_ups, team_members
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


TODAY = date(2026, 11, 20)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "today", lambda: TODAY)


def pushed(store: Store) -> None:
    """As after a sync: every operation so far has gone up, so the next edit opens a new one."""
    with store.transaction() as db:
        for op in db.query(OutboxOp):
            op.pushed_at = datetime.now(UTC)


def test_several_cases_are_listed_the_first_is_the_primary_and_all_sync(store: Store) -> None:
    first = a_case(store, "王小明", "cm.chen")
    second = a_case(store, "李小華", "cm.lin", id_number="B123456780")
    note_id = uuid.uuid4()
    values = NoteValues(
        SupervisionKind.GROUP,
        date(2026, 11, 6),
        ("cm.chen", "cm.lin"),
        content="團體督導",
        case_ids=(first, second, first),
        follow_up_due_on=date(2026, 11, 13),
    )
    assert (values.case_id, values.case_ids) == (first, (first, second))
    assert NoteValues(SupervisionKind.PEER, None, (), second, case_ids=(first,)).case_ids == (second, first)
    with store.transaction() as db:
        save_draft_note(db, note_id, values)
    with store.transaction() as db:
        (row,) = list_notes(db)
        note = db.get(SupervisionNote, note_id)
        assert note is not None
        (op,) = db.query(OutboxOp).filter(OutboxOp.record_id == note_id).all()
        assert (note.case_id, note.case_ids) == (first, [str(first), str(second)])
        assert op.fields["case_id"]["new"] == str(first)
        assert op.fields["case_ids"]["new"] == [str(first), str(second)]
        assert op.fields["follow_up_due_on"]["new"] == "2026-11-13"
    assert (row.case_id, row.case_ids, row.client_name) == (first, (first, second), "王小明")
    assert [(c.client_name, c.owner) for c in row.cases] == [("王小明", "cm.chen"), ("李小華", "cm.lin")]
    assert row.values == values and row.follow_up() == FollowUp.OVERDUE

    with store.transaction() as db:  # the primary case changes: the other comes first
        save_draft_note(db, note_id, NoteValues(SupervisionKind.GROUP, None, case_ids=(second,)))
    with store.transaction() as db:
        (row,) = list_notes(db)
    assert (row.case_id, row.case_ids, row.held_on) == (second, (second,), date(2026, 11, 6))


def test_a_case_not_on_this_laptop_and_a_due_date_before_the_meeting_are_refused(store: Store) -> None:
    case_id = a_case(store)
    note_id = uuid.uuid4()
    with store.transaction() as db:
        save_draft_note(db, note_id, NoteValues(SupervisionKind.PEER, date(2026, 11, 10), content="草稿"))
    with pytest.raises(ProblemsError) as refused, store.transaction() as db:
        save_draft_note(db, note_id, NoteValues(SupervisionKind.PEER, None, case_ids=(case_id, uuid.uuid4())))
    assert [p.field for p in refused.value.problems] == ["case_ids"]
    with pytest.raises(ProblemsError) as refused, store.transaction() as db:  # before the stored date
        save_draft_note(db, note_id, NoteValues(SupervisionKind.PEER, None, follow_up_due_on=date(2026, 11, 9)))
    (found,) = refused.value.problems
    assert (found.field, found.message_zh) == ("follow_up_due_on", "追蹤期限不能早於督導日期。")
    with store.transaction() as db:
        (row,) = list_notes(db)
    assert (row.case_ids, row.follow_up_due_on, row.content) == ((), None, "草稿")


def test_an_impossible_typed_date_is_a_clear_problem() -> None:
    assert typed_date("follow_up_due_on", " ") is None
    assert typed_date("follow_up_due_on", "115/2/28") == date(2026, 2, 28)
    with pytest.raises(ProblemsError) as refused:
        typed_date("follow_up_due_on", "115/2/30")
    (found,) = refused.value.problems
    assert found.field == "follow_up_due_on"
    assert "2月沒有30日" in found.message_zh and "30" in found.message_en and "February" in found.message_en


def test_the_follow_up_is_recorded_on_a_final_record_and_only_it(store: Store) -> None:
    case_id = a_case(store)
    note_id = uuid.uuid4()
    values = NoteValues(
        SupervisionKind.INDIVIDUAL,
        date(2026, 11, 2),
        ("cm.chen",),
        case_id,
        "討論",
        "下週家訪",
        follow_up_due_on=date(2026, 11, 9),
    )
    with store.transaction() as db:
        save_draft_note(db, note_id, values)
        finalise_note(db, note_id)
    pushed(store)
    with store.transaction() as db:
        assert [row.id for row in overdue_follow_ups(db)] == [note_id]
        assert overdue_follow_ups(db, date(2026, 11, 9)) == []  # due that day: not overdue yet
        record_follow_up(db, note_id, date(2026, 11, 12), "已家訪，狀況穩定")
    with store.transaction() as db:
        (row,) = list_notes(db)
        (op,) = db.query(OutboxOp).filter(OutboxOp.record_id == note_id, OutboxOp.pushed_at.is_(None)).all()
        assert overdue_follow_ups(db) == []
    assert (row.status, row.follow_up_done_on, row.follow_up_note) == (
        RecordStatus.FINAL,
        date(2026, 11, 12),
        "已家訪，狀況穩定",
    )
    assert row.values == values and row.follow_up() == FollowUp.DONE
    assert op.op == "update" and set(op.fields) == {"follow_up_done_on", "follow_up_note"}
    assert op.fields["follow_up_done_on"] == {"base": None, "new": "2026-11-12"}

    with pytest.raises(RuleError), store.transaction() as db:  # anything else stays refused
        save_draft_note(db, note_id, replace(values, follow_up_due_on=date(2026, 11, 30)))
    with pytest.raises(RuleError), store.transaction() as db:
        stored = db.get(SupervisionNote, note_id)
        assert stored is not None
        stored.follow_up_due_on = date(2026, 11, 30)
        db.flush()
    with store.transaction() as db:  # a draft gets its follow-up the same way
        draft_id = save_draft_note(db, None, NoteValues(SupervisionKind.PEER, date(2026, 11, 19)))
        record_follow_up(db, draft_id, None, "尚在進行")
        assert list_notes(db, kind=SupervisionKind.PEER)[0].follow_up_note == "尚在進行"


@pytest.mark.parametrize(
    ("done_on", "message"),
    [(date(2026, 11, 21), "日期不能晚於今天。"), (date(2026, 11, 1), "完成日期不能早於督導日期。")],
)
def test_a_refused_done_date_changes_nothing(store: Store, done_on: date, message: str) -> None:
    note_id = uuid.uuid4()
    values = NoteValues(SupervisionKind.PEER, date(2026, 11, 2), ("cm.chen",), content="討論")
    with store.transaction() as db:
        save_draft_note(db, note_id, values)
        finalise_note(db, note_id)
    pushed(store)
    with store.transaction() as db:
        counts = (db.query(OutboxOp).count(), db.query(AuditEntry).count())
    with pytest.raises(ProblemsError) as refused, store.transaction() as db:
        record_follow_up(db, note_id, done_on, "寫了說明")
    assert [(p.field, p.message_zh) for p in refused.value.problems] == [("follow_up_done_on", message)]
    with store.transaction() as db:
        (row,) = list_notes(db)
        assert (db.query(OutboxOp).count(), db.query(AuditEntry).count()) == counts
    assert (row.follow_up_done_on, row.follow_up_note) == (None, "")
    with pytest.raises(RuleError), store.transaction() as db:  # nor is a deleted record's follow-up recorded
        draft = save_draft_note(db, None, NoteValues(SupervisionKind.PEER, date(2026, 11, 19)))
        discard_draft_note(db, draft)
        record_follow_up(db, draft, None, "")


def test_leaving_a_draft_saves_what_can_be_saved_and_says_what_was_not(store: Store) -> None:
    case_id = a_case(store)
    note_id = uuid.uuid4()
    stored = NoteValues(SupervisionKind.PEER, date(2026, 11, 2), ("cm.chen",), content="舊", follow_up_due_on=None)
    with store.transaction() as db:
        save_draft_note(db, note_id, replace(stored, follow_up_due_on=date(2026, 11, 5)))
    with pytest.raises(ProblemsError) as unreadable:
        typed_date("follow_up_due_on", "115/2/30")
    typed = NoteValues(SupervisionKind.PEER, date(2026, 11, 3), ("cm.lin",), case_id, "新的內容", "家訪")
    with store.transaction() as db:  # a due date that is not one: the stored one stays, the rest is saved
        kept = keep_draft_note(db, note_id, typed, unreadable.value.problems)
    assert kept == unreadable.value.problems
    with store.transaction() as db:
        (row,) = list_notes(db)
    assert row.values == replace(typed, follow_up_due_on=date(2026, 11, 5))

    with store.transaction() as db:  # a due date the store refuses and a case gone: left as stored, left out
        kept = keep_draft_note(
            db,
            note_id,
            replace(typed, case_ids=(uuid.uuid4(), case_id), follow_up_due_on=date(2026, 11, 1), content="三"),
        )
    assert [p.field for p in kept] == ["follow_up_due_on", "case_ids"]
    with store.transaction() as db:
        (row,) = list_notes(db)
    assert (row.content, row.follow_up_due_on, row.case_ids) == ("三", date(2026, 11, 5), (case_id,))

    with store.transaction() as db:  # the stored due date disagrees with the date typed: both stay as stored
        save_draft_note(db, note_id, replace(typed, held_on=date(2026, 11, 10), follow_up_due_on=date(2026, 11, 12)))
        later = replace(typed, held_on=date(2026, 11, 15), follow_up_due_on=date(2026, 11, 14), content="四")
        kept = keep_draft_note(db, note_id, later)
    with store.transaction() as db:
        (row,) = list_notes(db)
    assert [p.field for p in kept] == ["follow_up_due_on"]
    assert (row.content, row.held_on, row.follow_up_due_on) == ("四", date(2026, 11, 10), date(2026, 11, 12))

    new_id = uuid.uuid4()  # a new draft whose date is not one: today's
    with pytest.raises(ProblemsError) as unreadable:
        typed_date("held_on", "115/2/30")
    with store.transaction() as db:
        keep_draft_note(db, new_id, replace(typed, held_on=None), unreadable.value.problems)
        note = db.get(SupervisionNote, new_id)
        assert note is not None and (note.held_on, note.content) == (TODAY, "新的內容")
    with pytest.raises(RuleError), store.transaction() as db:  # a final record takes no draft
        finalise_note(db, new_id)
        keep_draft_note(db, new_id, typed)


def test_leaving_the_follow_up_saves_the_note_and_keeps_a_refused_done_date(store: Store) -> None:
    note_id = uuid.uuid4()
    with store.transaction() as db:
        save_draft_note(db, note_id, NoteValues(SupervisionKind.PEER, date(2026, 11, 2), ("cm.chen",), content="討論"))
        finalise_note(db, note_id)
        record_follow_up(db, note_id, date(2026, 11, 10), "")
    with store.transaction() as db:
        kept = keep_follow_up(db, note_id, date(2026, 11, 21), "已家訪")  # in the future
    assert [(p.field, p.message_zh) for p in kept] == [("follow_up_done_on", "日期不能晚於今天。")]
    with pytest.raises(ProblemsError) as unreadable:
        typed_date("follow_up_done_on", "115/2/30")
    with store.transaction() as db:
        (row,) = list_notes(db)
        assert (row.follow_up_done_on, row.follow_up_note) == (date(2026, 11, 10), "已家訪")
        assert keep_follow_up(db, note_id, None, "已家訪兩次", unreadable.value.problems) == unreadable.value.problems
        assert keep_follow_up(db, note_id, date(2026, 11, 12), "完成") == []
        (row,) = list_notes(db)
    assert (row.follow_up_done_on, row.follow_up_note) == (date(2026, 11, 12), "完成")
