"""督導紀錄 as the page shows them: the list (newest first, or the overdue follow-ups), each record's cases with the
client's name and case manager, where its follow-up stands (追蹤: 待追蹤, 逾期, 已完成), and what the editor offers
(cases by client name, team members as attendees). Writing records is app.services.supervision.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Final

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app.errors import Language
from app.models import Case, Client, SupervisionNote
from app.models.enums import RecordStatus, SupervisionKind
from app.services import clock
from app.services.supervision import NoteValues, as_uuids, unique_cases

KIND_LABELS: Final[dict[SupervisionKind, tuple[str, str]]] = {
    SupervisionKind.INDIVIDUAL: ("個別督導", "Individual supervision"),
    SupervisionKind.GROUP: ("團體督導", "Group supervision"),
    SupervisionKind.PEER: ("同儕督導", "Peer supervision"),
    SupervisionKind.CONSULTATION: ("個案研討／諮詢", "Case consultation"),
}


def kind_label(kind: SupervisionKind, language: Language = "zh-TW") -> str:
    zh, en = KIND_LABELS[kind]
    return en if language == "en" else zh


class FollowUp(StrEnum):
    """Where the agreed actions' follow-up stands on a given day."""

    NONE = "none"  # no due date, nothing recorded
    PENDING = "pending"  # 待追蹤: due today or later
    OVERDUE = "overdue"  # 逾期: due before today, not done
    DONE = "done"  # 已完成


FOLLOW_UP_LABELS: Final[dict[FollowUp, tuple[str, str]]] = {
    FollowUp.NONE: ("無", "None"),
    FollowUp.PENDING: ("待追蹤", "Pending"),
    FollowUp.OVERDUE: ("逾期", "Overdue"),
    FollowUp.DONE: ("已完成", "Done"),
}


def follow_up_label(state: FollowUp, language: Language = "zh-TW") -> str:
    zh, en = FOLLOW_UP_LABELS[state]
    return en if language == "en" else zh


def follow_up_state(due_on: date | None, done_on: date | None, today: date | None = None) -> FollowUp:
    if done_on is not None:
        return FollowUp.DONE
    if due_on is None:
        return FollowUp.NONE
    return FollowUp.OVERDUE if due_on < (today or clock.today()) else FollowUp.PENDING


@dataclass(frozen=True)
class CaseChoice:
    """A case the editor offers or lists: the client's name and the case manager ("" for a case not on this
    laptop any more)."""

    case_id: uuid.UUID
    client_name: str
    owner: str


@dataclass(frozen=True)
class NoteRow:
    """A record as the list and the editor show it."""

    id: uuid.UUID
    kind: SupervisionKind
    held_on: date
    supervisor: str
    attendees: tuple[str, ...]
    case_id: uuid.UUID | None  # the primary case, the first of `case_ids`
    client_name: str  # of the primary case, "" without one
    case_owner: str
    content: str
    agreed_actions: str
    status: RecordStatus
    updated_at: datetime
    case_ids: tuple[uuid.UUID, ...] = ()
    cases: tuple[CaseChoice, ...] = ()  # one for each of `case_ids`, in order
    follow_up_due_on: date | None = None
    follow_up_done_on: date | None = None
    follow_up_note: str = ""

    @property
    def final(self) -> bool:
        return self.status == RecordStatus.FINAL

    @property
    def values(self) -> NoteValues:
        return NoteValues(
            self.kind,
            self.held_on,
            self.attendees,
            self.case_id,
            self.content,
            self.agreed_actions,
            self.case_ids,
            self.follow_up_due_on,
        )

    def follow_up(self, today: date | None = None) -> FollowUp:
        return follow_up_state(self.follow_up_due_on, self.follow_up_done_on, today)


def _rows(session: Session, query: Select[SupervisionNote]) -> list[NoteRow]:
    notes = list(session.scalars(query))
    listed = {note.id: unique_cases(note.case_id, as_uuids(note.case_ids)) for note in notes}
    wanted = {case_id for cases in listed.values() for case_id in cases}
    known: dict[uuid.UUID, CaseChoice] = {}
    if wanted:
        found = session.execute(
            select(Case.id, Client.name, Case.owner)
            .join(Client, Client.id == Case.client_id)
            .where(Case.id.in_(wanted), Case.deleted.is_(False))
        )
        known = {case_id: CaseChoice(case_id, name, owner) for case_id, name, owner in found}
    rows = []
    for note in notes:
        cases = tuple(known.get(case_id, CaseChoice(case_id, "", "")) for case_id in listed[note.id])
        rows.append(
            NoteRow(
                id=note.id,
                kind=note.kind,
                held_on=note.held_on,
                supervisor=note.supervisor,
                attendees=tuple(note.attendees),
                case_id=cases[0].case_id if cases else None,
                client_name=cases[0].client_name if cases else "",
                case_owner=cases[0].owner if cases else "",
                content=note.content,
                agreed_actions=note.agreed_actions,
                status=note.status,
                updated_at=note.updated_at,
                case_ids=listed[note.id],
                cases=cases,
                follow_up_due_on=note.follow_up_due_on,
                follow_up_done_on=note.follow_up_done_on,
                follow_up_note=note.follow_up_note,
            )
        )
    return rows


def _live_notes() -> Select[SupervisionNote]:
    return select(SupervisionNote).where(SupervisionNote.deleted.is_(False))


def list_notes(session: Session, *, kind: SupervisionKind | None = None) -> list[NoteRow]:
    """Every live record in the store (the supervisor's own and those synced from the team), newest first."""
    query = _live_notes()
    if kind is not None:
        query = query.where(SupervisionNote.kind == kind)
    return _rows(session, query.order_by(SupervisionNote.held_on.desc(), SupervisionNote.updated_at.desc()))


def overdue_follow_ups(session: Session, today: date | None = None) -> list[NoteRow]:
    """Records whose follow-up was due before `today` (default: today) and is not done, longest overdue first."""
    query = _live_notes().where(
        SupervisionNote.follow_up_due_on < (today or clock.today()), SupervisionNote.follow_up_done_on.is_(None)
    )
    return _rows(session, query.order_by(SupervisionNote.follow_up_due_on, SupervisionNote.held_on))


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
