"""督導紀錄: the supervisor's records of individual, group and peer supervision and case consultations (002 四(三)).

A record is drafted, saved again and again, then finalised (定稿), after which it is immutable: the store refuses
changes (app.store.tracking), and the sync protocol relies on it (append-only records never conflict). A draft made
by mistake is tombstoned. The supervisor is whoever makes the edits (the store's actor).

A record lists the cases discussed: the first is `case_id` (it decides who sees the record in sync), all of them are
in `case_ids`; each must be a case on this laptop (the central service accepts only cases of the author's team). The
agreed actions stay text, with one follow-up due date (追蹤期限) for them; what came of them (done date and note) is
recorded later with `record_follow_up`, also on a final record: those two fields are the only ones the store lets
change after 定稿 (app.store.tracking.MUTABLE_WHEN_FINAL).

An editor that leaves a record (another is picked, the window closes) saves what can be saved of it with
`keep_draft_note` and `keep_follow_up`: a field typed that is not a date, or that the store would refuse, keeps its
stored value, the rest is saved, and the editor is told which fields were not.

This module writes records; app.services.supervision_list reads them for the page.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import Problem, ProblemsError, RuleError, ValidationError
from app.models import Case, SupervisionNote
from app.models.enums import RecordStatus, SupervisionKind
from app.services import clock
from app.services.case_edits_common import actor, date_problems, problem, refuse_final
from app.services.rocdate import parse_date

MAX_ATTENDEES: Final = 50
MAX_NAME: Final = 64  # attendees are usernames or names, like SupervisionNote.supervisor
MAX_CASES: Final = 30
NOTE_MISSING: Final = (
    "找不到這筆督導紀錄（可能已刪除）。",
    "This supervision record was not found (it may be deleted).",
)


def unique_cases(case_id: uuid.UUID | None, case_ids: Iterable[uuid.UUID]) -> tuple[uuid.UUID, ...]:
    """The cases discussed, `case_id` first, without repeats."""
    return tuple(dict.fromkeys([*([] if case_id is None else [case_id]), *case_ids]))


def as_uuids(values: Iterable[Any]) -> tuple[uuid.UUID, ...]:
    """The case ids of a `case_ids` column; a value that is not a UUID (a damaged row) is left out."""
    found: list[uuid.UUID] = []
    for value in values or ():
        try:
            found.append(value if isinstance(value, uuid.UUID) else uuid.UUID(str(value)))
        except ValueError:
            continue
    return tuple(found)


@dataclass(frozen=True)
class NoteValues:
    """The editor as typed. `held_on` None keeps the stored date (today for a new draft), like the records tab.

    The cases discussed are `case_ids`, the primary one (`case_id`) first: either may be given, and each is made to
    agree with the other (`case_id` is put first in `case_ids`; without it, the first of `case_ids` becomes it)."""

    kind: SupervisionKind
    held_on: date | None
    attendees: tuple[str, ...] = ()
    case_id: uuid.UUID | None = None
    content: str = ""
    agreed_actions: str = ""
    case_ids: tuple[uuid.UUID, ...] = ()
    follow_up_due_on: date | None = None

    def __post_init__(self) -> None:
        cases = unique_cases(self.case_id, self.case_ids)
        object.__setattr__(self, "case_ids", cases)
        object.__setattr__(self, "case_id", cases[0] if cases else None)


def clean_attendees(names: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Attendees without blanks and repeats, in the order given."""
    return tuple(dict.fromkeys(name.strip() for name in names if name.strip()))


def typed_date(field: str, text: str) -> date | None:
    """A date field of the editor as typed (ROC or Gregorian): None when empty; ProblemsError naming `field` with
    the reason (民國115年2月沒有30日) when it is not a date."""
    if not text.strip():
        return None
    try:
        return parse_date(text, field)
    except ValidationError as exc:
        raise ProblemsError([problem(field, exc.message_zh, exc.message_en)]) from exc


def note_problems(values: NoteValues, today: date | None = None) -> list[Problem]:
    """What a draft may not hold: a date in the future, too many or too long attendee names, too many cases, a
    follow-up due before the meeting."""
    found = date_problems("held_on", values.held_on, today or clock.today(), required=False)
    attendees = clean_attendees(values.attendees)
    if len(attendees) > MAX_ATTENDEES:
        found.append(problem("attendees", f"出席者最多 {MAX_ATTENDEES} 位。", f"At most {MAX_ATTENDEES} attendees."))
    if any(len(name) > MAX_NAME for name in attendees):
        found.append(
            problem("attendees", f"出席者姓名最多 {MAX_NAME} 個字。", f"A name has at most {MAX_NAME} characters.")
        )
    if len(values.case_ids) > MAX_CASES:
        found.append(problem("case_ids", f"最多列出 {MAX_CASES} 個個案。", f"At most {MAX_CASES} cases."))
    due, held = values.follow_up_due_on, values.held_on
    if due is not None and held is not None and due < held:
        found.append(
            problem(
                "follow_up_due_on",
                "追蹤期限不能早於督導日期。",
                "The follow-up cannot be due before the supervision date.",
            )
        )
    return found


def final_problems(values: NoteValues, today: date | None = None) -> list[Problem]:
    """定稿 needs what the record is for: who attended, what was discussed, and a date."""
    found = note_problems(values, today)
    if values.held_on is None:
        found.append(problem("held_on", "請輸入督導日期。", "Enter the date of the supervision."))
    if not clean_attendees(values.attendees):
        found.append(problem("attendees", "定稿前請填寫出席者。", "Enter the attendees before finalising."))
    if not values.content.strip():
        found.append(problem("content", "定稿前請填寫督導內容。", "Write the content before finalising."))
    if values.kind == SupervisionKind.CONSULTATION and values.case_id is None:
        found.append(problem("case_id", "個案研討請選擇討論的個案。", "Choose the case a consultation discusses."))
    return found


def _live(session: Session, note_id: uuid.UUID) -> SupervisionNote:
    note = session.get(SupervisionNote, note_id)
    if note is None or note.deleted:
        raise RuleError(*NOTE_MISSING)
    return note


def _missing_cases(session: Session, case_ids: tuple[uuid.UUID, ...]) -> list[uuid.UUID]:
    """The listed cases that are not live cases on this laptop."""
    if not case_ids:
        return []
    found = set(session.scalars(select(Case.id).where(Case.id.in_(case_ids), Case.deleted.is_(False))))
    return [case_id for case_id in case_ids if case_id not in found]


def _missing_problem(missing: list[uuid.UUID]) -> Problem:
    return problem(
        "case_ids",
        f"找不到 {len(missing)} 個列出的個案（只能列出本機上團隊的個案）。",
        f"{len(missing)} listed case(s) not found (only the team's cases on this laptop can be listed).",
    )


def _check_cases(session: Session, case_ids: tuple[uuid.UUID, ...]) -> None:
    """Every case listed is a live case on this laptop (the server accepts only the author's team's cases, and a
    supervisor's laptop holds exactly those)."""
    missing = _missing_cases(session, case_ids)
    if missing:
        raise ProblemsError([_missing_problem(missing)])


def _stored_values(note: SupervisionNote) -> NoteValues:
    return NoteValues(
        note.kind,
        note.held_on,
        tuple(note.attendees),
        note.case_id,
        note.content,
        note.agreed_actions,
        as_uuids(note.case_ids),
        note.follow_up_due_on,
    )


def save_draft_note(session: Session, note_id: uuid.UUID | None, values: NoteValues) -> uuid.UUID:
    """Create or update a draft; returns its id. `note_id` not yet in the store creates the draft with that id (an
    editor picks a new draft's id itself, so queued autosaves update one draft). A final record is refused."""
    existing = None if note_id is None else session.get(SupervisionNote, note_id)
    if existing is not None:
        existing = _live(session, existing.id)
        refuse_final(existing.status)
    held_on = values.held_on or (existing.held_on if existing is not None else clock.today())
    # The due date is checked against the date the record keeps, typed or stored.
    problems = note_problems(replace(values, held_on=held_on))
    if problems:
        raise ProblemsError(problems)
    _check_cases(session, values.case_ids)
    note = existing
    if note is None:
        note = SupervisionNote(kind=values.kind, held_on=held_on, supervisor=actor(session) or "supervisor")
        if note_id is not None:
            note.id = note_id
        session.add(note)
    note.kind = values.kind
    note.held_on = held_on
    note.attendees = list(clean_attendees(values.attendees))
    note.case_id = values.case_id
    note.case_ids = [str(case_id) for case_id in values.case_ids]
    note.content = values.content
    note.agreed_actions = values.agreed_actions
    note.follow_up_due_on = values.follow_up_due_on
    session.flush()
    return note.id


CHECKED_FIELDS: Final = ("held_on", "attendees", "case_ids", "follow_up_due_on")  # those `note_problems` names


def _keep(values: NoteValues, stored: NoteValues, fields: Iterable[str]) -> NoteValues:
    """`values` with the stored value of each of `fields` (the cases discussed go together)."""
    fields = set(fields)
    changes: dict[str, Any] = {name: getattr(stored, name) for name in CHECKED_FIELDS if name in fields}
    if fields & {"case_id", "case_ids"}:
        changes.update(case_id=stored.case_id, case_ids=stored.case_ids)
    return replace(values, **changes)


def keep_draft_note(
    session: Session, note_id: uuid.UUID, values: NoteValues, unreadable: Sequence[Problem] = ()
) -> list[Problem]:
    """Save what can be saved of the draft `note_id` as an editor leaves it: the fields `unreadable` names (a date
    typed that is not one) and those the store would refuse keep their stored value (a new draft: none, today's
    date), and cases no longer on this laptop are left out; everything else, the text above all, is saved. Returns
    the problems of the fields not saved (`unreadable` first). RuleError when the record takes no draft (deleted, or
    final), as with `save_draft_note`."""
    existing = session.get(SupervisionNote, note_id)
    stored = _stored_values(existing) if existing is not None else NoteValues(values.kind, None)
    kept, dropped = _keep(values, stored, (found.field for found in unreadable)), list(unreadable)
    held_on = stored.held_on or clock.today()  # what save_draft_note keeps for a date not given
    refused = note_problems(replace(kept, held_on=kept.held_on or held_on))
    if refused:
        dropped.extend(refused)
        kept = _keep(kept, stored, (found.field for found in refused))
        if note_problems(replace(kept, held_on=kept.held_on or held_on)):  # a stored value disagrees with one typed
            kept = _keep(kept, stored, CHECKED_FIELDS)
    missing = _missing_cases(session, kept.case_ids)
    if missing:
        dropped.append(_missing_problem(missing))
        kept = replace(kept, case_id=None, case_ids=tuple(case for case in kept.case_ids if case not in missing))
    save_draft_note(session, note_id, kept)
    return dropped


def finalise_note(session: Session, note_id: uuid.UUID) -> None:
    """定稿: the record becomes immutable (but for its follow-up, `record_follow_up`)."""
    note = _live(session, note_id)
    refuse_final(note.status)
    problems = final_problems(_stored_values(note))
    if problems:
        raise ProblemsError(problems)
    note.status = RecordStatus.FINAL


def follow_up_problems(held_on: date, done_on: date | None, today: date | None = None) -> list[Problem]:
    """A done date may not lie in the future, nor before the meeting that agreed the actions."""
    found = date_problems("follow_up_done_on", done_on, today or clock.today(), required=False)
    if done_on is not None and done_on < held_on:
        found.append(
            problem(
                "follow_up_done_on",
                "完成日期不能早於督導日期。",
                "The follow-up cannot be done before the supervision date.",
            )
        )
    return found


def record_follow_up(session: Session, note_id: uuid.UUID, done_on: date | None, note_text: str) -> None:
    """追蹤結果: the day the agreed actions were done (None: not yet) and what came of them. Works on a draft and on a
    final record alike; it changes nothing else, so a final record stays as it was finalised."""
    note = _live(session, note_id)
    problems = follow_up_problems(note.held_on, done_on)
    if problems:
        raise ProblemsError(problems)
    note.follow_up_done_on = done_on
    note.follow_up_note = note_text
    session.flush()


def keep_follow_up(
    session: Session, note_id: uuid.UUID, done_on: date | None, note_text: str, unreadable: Sequence[Problem] = ()
) -> list[Problem]:
    """Save what can be saved of the 追蹤結果 as an editor leaves it: a done date typed that is not one (`unreadable`
    names it) or that `record_follow_up` would refuse keeps its stored value, and the note is saved. Returns the
    problems of the done date not saved."""
    note = _live(session, note_id)
    dropped = list(unreadable)
    if not dropped:
        dropped = follow_up_problems(note.held_on, done_on)
    if dropped:
        done_on = note.follow_up_done_on
    record_follow_up(session, note_id, done_on, note_text)
    return dropped


def discard_draft_note(session: Session, note_id: uuid.UUID) -> None:
    """A draft made by mistake is tombstoned; a final record stays."""
    note = _live(session, note_id)
    refuse_final(note.status)
    note.deleted = True
