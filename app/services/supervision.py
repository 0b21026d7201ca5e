"""督導紀錄: the supervisor's records of individual, group and peer supervision and case consultations (002 四(三)).

A record is drafted, saved again and again, then finalised (定稿), after which it is immutable: the store refuses
changes (app.store.tracking), and the sync protocol relies on it (append-only records never conflict). A draft made
by mistake is tombstoned. The supervisor is whoever makes the edits (the store's actor).

The model holds one optional case, the attendees, the content and the agreed actions as text; what a fuller record
needs (several cases discussed, agreed actions with due and done dates) is listed in the issue report, not guessed
into the text here.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import Language, Problem, ProblemsError, RuleError
from app.models import Case, Client, SupervisionNote
from app.models.enums import RecordStatus, SupervisionKind
from app.services import clock
from app.services.case_edits_common import actor, date_problems, problem, refuse_final

MAX_ATTENDEES: Final = 50
MAX_NAME: Final = 64  # attendees are usernames or names, like SupervisionNote.supervisor
NOTE_MISSING: Final = (
    "找不到這筆督導紀錄（可能已刪除）。",
    "This supervision record was not found (it may be deleted).",
)

KIND_LABELS: Final[dict[SupervisionKind, tuple[str, str]]] = {
    SupervisionKind.INDIVIDUAL: ("個別督導", "Individual supervision"),
    SupervisionKind.GROUP: ("團體督導", "Group supervision"),
    SupervisionKind.PEER: ("同儕督導", "Peer supervision"),
    SupervisionKind.CONSULTATION: ("個案研討／諮詢", "Case consultation"),
}


def kind_label(kind: SupervisionKind, language: Language = "zh-TW") -> str:
    zh, en = KIND_LABELS[kind]
    return en if language == "en" else zh


@dataclass(frozen=True)
class NoteValues:
    """The editor as typed. `held_on` None keeps the stored date (today for a new draft), like the records tab."""

    kind: SupervisionKind
    held_on: date | None
    attendees: tuple[str, ...] = ()
    case_id: uuid.UUID | None = None
    content: str = ""
    agreed_actions: str = ""


@dataclass(frozen=True)
class NoteRow:
    """A record as the list and the editor show it."""

    id: uuid.UUID
    kind: SupervisionKind
    held_on: date
    supervisor: str
    attendees: tuple[str, ...]
    case_id: uuid.UUID | None
    client_name: str  # of the case discussed, "" without one
    case_owner: str
    content: str
    agreed_actions: str
    status: RecordStatus
    updated_at: datetime

    @property
    def final(self) -> bool:
        return self.status == RecordStatus.FINAL

    @property
    def values(self) -> NoteValues:
        return NoteValues(self.kind, self.held_on, self.attendees, self.case_id, self.content, self.agreed_actions)


def clean_attendees(names: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Attendees without blanks and repeats, in the order given."""
    return tuple(dict.fromkeys(name.strip() for name in names if name.strip()))


def note_problems(values: NoteValues, today: date | None = None) -> list[Problem]:
    """What a draft may not hold: a date in the future, too many or too long attendee names."""
    found = date_problems("held_on", values.held_on, today or clock.today(), required=False)
    attendees = clean_attendees(values.attendees)
    if len(attendees) > MAX_ATTENDEES:
        found.append(problem("attendees", f"出席者最多 {MAX_ATTENDEES} 位。", f"At most {MAX_ATTENDEES} attendees."))
    if any(len(name) > MAX_NAME for name in attendees):
        found.append(
            problem("attendees", f"出席者姓名最多 {MAX_NAME} 個字。", f"A name has at most {MAX_NAME} characters.")
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


def _check_case(session: Session, case_id: uuid.UUID | None) -> None:
    if case_id is None:
        return
    case = session.get(Case, case_id)
    if case is None or case.deleted:
        raise ProblemsError([problem("case_id", "找不到這個個案。", "This case was not found.")])


def save_draft_note(session: Session, note_id: uuid.UUID | None, values: NoteValues) -> uuid.UUID:
    """Create or update a draft; returns its id. `note_id` not yet in the store creates the draft with that id (an
    editor picks a new draft's id itself, so queued autosaves update one draft). A final record is refused."""
    problems = note_problems(values)
    if problems:
        raise ProblemsError(problems)
    _check_case(session, values.case_id)
    note = None if note_id is None else session.get(SupervisionNote, note_id)
    if note is None:
        note = SupervisionNote(
            kind=values.kind, held_on=values.held_on or clock.today(), supervisor=actor(session) or "supervisor"
        )
        if note_id is not None:
            note.id = note_id
        session.add(note)
    else:
        note = _live(session, note.id)
        refuse_final(note.status)
    note.kind = values.kind
    if values.held_on is not None:
        note.held_on = values.held_on
    note.attendees = list(clean_attendees(values.attendees))
    note.case_id = values.case_id
    note.content = values.content
    note.agreed_actions = values.agreed_actions
    session.flush()
    return note.id


def finalise_note(session: Session, note_id: uuid.UUID) -> None:
    """定稿: the record becomes immutable."""
    note = _live(session, note_id)
    refuse_final(note.status)
    values = NoteValues(note.kind, note.held_on, tuple(note.attendees), note.case_id, note.content, note.agreed_actions)
    problems = final_problems(values)
    if problems:
        raise ProblemsError(problems)
    note.status = RecordStatus.FINAL


def discard_draft_note(session: Session, note_id: uuid.UUID) -> None:
    """A draft made by mistake is tombstoned; a final record stays."""
    note = _live(session, note_id)
    refuse_final(note.status)
    note.deleted = True


def list_notes(session: Session, *, kind: SupervisionKind | None = None) -> list[NoteRow]:
    """Every live record in the store (the supervisor's own and those synced from the team), newest first."""
    query = (
        select(SupervisionNote, Client.name, Case.owner)
        .outerjoin(Case, Case.id == SupervisionNote.case_id)
        .outerjoin(Client, Client.id == Case.client_id)
        .where(SupervisionNote.deleted.is_(False))
    )
    if kind is not None:
        query = query.where(SupervisionNote.kind == kind)
    query = query.order_by(SupervisionNote.held_on.desc(), SupervisionNote.updated_at.desc())
    return [
        NoteRow(
            id=note.id,
            kind=note.kind,
            held_on=note.held_on,
            supervisor=note.supervisor,
            attendees=tuple(note.attendees),
            case_id=note.case_id,
            client_name=name or "",
            case_owner=owner or "",
            content=note.content,
            agreed_actions=note.agreed_actions,
            status=note.status,
            updated_at=note.updated_at,
        )
        for note, name, owner in session.execute(query)
    ]


@dataclass(frozen=True)
class CaseChoice:
    """A case the editor offers to link: the client's name and the case manager."""

    case_id: uuid.UUID
    client_name: str
    owner: str


def case_choices(session: Session, text: str, *, limit: int = 30) -> list[CaseChoice]:
    """Cases whose client's name contains `text` (or the case manager's username starts with it), for the editor's
    case field; open cases first."""
    needle = text.strip()
    if not needle:
        return []
    query = (
        select(Case.id, Client.name, Case.owner)
        .join(Client, Client.id == Case.client_id)
        .where(
            Case.deleted.is_(False),
            Client.name.contains(needle, autoescape=True) | Case.owner.startswith(needle, autoescape=True),
        )
        .order_by(Case.closed_on.is_not(None), Client.name, Case.id)
        .limit(limit)
    )
    return [CaseChoice(case_id, name, owner) for case_id, name, owner in session.execute(query)]


def team_members(session: Session) -> list[str]:
    """The case managers whose cases are in the store, to offer as attendees."""
    return list(session.scalars(select(Case.owner).where(Case.deleted.is_(False)).distinct().order_by(Case.owner)))
