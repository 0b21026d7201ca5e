"""晤談紀錄: what the records tab saves: interview, service and follow-up records (drafted, then finalised, then
corrected by new records), the day one was entered into the national system, and the log of contact attempts.

Values are checked as profile_edits describes; a refused save raises ProblemsError and changes nothing.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import Problem, ProblemsError, RuleError
from app.models import ContactAttempt, ServiceRecord
from app.models.enums import ContactMode, ContactOutcome, RecordKind, RecordStatus
from app.services import clock
from app.services.case_edits_common import date_problems, draft_to_save, live_draft, open_case, problem, refuse_final

LONGEST_RECORD_MINUTES = 12 * 60
RECORD_MISSING = ("找不到這筆紀錄（可能已刪除）。", "This record was not found (it may have been deleted).")


@dataclass(frozen=True)
class RecordValues:
    """A record's editor as typed. `held_on` None keeps the stored date (today for a new draft): an autosave while
    the date field holds something unreadable still keeps the notes, and saves nothing invalid."""

    kind: RecordKind
    mode: ContactMode
    held_on: date | None
    place: str = ""
    duration_minutes: int = 0
    notes: str = ""

    @classmethod
    def of(cls, record: ServiceRecord) -> RecordValues:
        return cls(
            kind=record.kind,
            mode=record.mode,
            held_on=record.held_on,
            place=record.place,
            duration_minutes=record.duration_minutes,
            notes=record.notes,
        )


def record_problems(values: RecordValues, today: date | None = None) -> list[Problem]:
    today = today or clock.today()
    found = date_problems("held_on", values.held_on, today, required=False)
    if len(values.place.strip()) > 200:
        found.append(problem("place", "地點最多 200 個字。", "The place has at most 200 characters."))
    if not 0 <= values.duration_minutes <= LONGEST_RECORD_MINUTES:
        found.append(
            problem(
                "duration_minutes",
                f"時間應為 0 到 {LONGEST_RECORD_MINUTES} 分鐘。",
                f"The duration is 0 to {LONGEST_RECORD_MINUTES} minutes.",
            )
        )
    return found


def _record(session: Session, record_id: uuid.UUID) -> ServiceRecord:
    return live_draft(session, ServiceRecord, record_id, RECORD_MISSING)


def save_draft_record(
    session: Session, case_id: uuid.UUID, record_id: uuid.UUID | None, values: RecordValues
) -> uuid.UUID:
    """Create or update a draft record; returns its id. A finalised record is refused.

    `record_id` None creates a record with a new id; an id the store does not hold yet creates the record with that
    id (see case_edits_common.draft_to_save)."""
    problems = record_problems(values)
    if problems:
        raise ProblemsError(problems)
    record = draft_to_save(
        session,
        ServiceRecord,
        case_id,
        record_id,
        lambda: ServiceRecord(case_id=case_id, mode=values.mode, held_on=values.held_on or clock.today()),
        RECORD_MISSING,
        ("這筆紀錄不屬於此個案。", "This record belongs to another case."),
    )
    record.kind = values.kind
    record.mode = values.mode
    if values.held_on is not None:
        record.held_on = values.held_on
    record.place = values.place.strip()
    record.duration_minutes = values.duration_minutes
    record.notes = values.notes
    session.flush()
    return record.id


def finalise_record(session: Session, record_id: uuid.UUID) -> None:
    """定稿: the record becomes immutable. It must say what happened (notes) and when (not in the future)."""
    record = _record(session, record_id)
    refuse_final(record.status)
    problems = record_problems(RecordValues.of(record))
    if not record.notes.strip():
        problems.append(problem("notes", "定稿前請填寫紀錄內容。", "Write the notes before finalising."))
    if problems:
        raise ProblemsError(problems)
    record.status = RecordStatus.FINAL
    record.finalised_at = clock.now()


def discard_draft_record(session: Session, record_id: uuid.UUID) -> None:
    """A draft made by mistake is tombstoned (synced rows are never deleted); finalised records stay."""
    record = _record(session, record_id)
    refuse_final(record.status)
    record.deleted = True


def add_correction(session: Session, record_id: uuid.UUID) -> uuid.UUID:
    """A new draft correcting the finalised record, starting from its content; an unfinished correction of the same
    record is returned instead of starting a second one."""
    original = _record(session, record_id)
    if original.status != RecordStatus.FINAL:
        raise RuleError("草稿可以直接修改，不需要更正紀錄。", "A draft can be edited directly; it needs no correction.")
    pending = session.scalar(
        select(ServiceRecord.id).where(
            ServiceRecord.corrects_id == original.id,
            ServiceRecord.status == RecordStatus.DRAFT,
            ServiceRecord.deleted.is_(False),
        )
    )
    if pending is not None:
        return pending
    correction = ServiceRecord(
        case_id=original.case_id,
        kind=original.kind,
        mode=original.mode,
        held_on=original.held_on,
        place=original.place,
        duration_minutes=original.duration_minutes,
        notes=original.notes,
        corrects_id=original.id,
    )
    session.add(correction)
    session.flush()
    return correction.id


def mark_registered(session: Session, record_id: uuid.UUID, registered_on: date | None) -> None:
    """已登錄系統: the day a finalised record was entered into the national system (None clears it)."""
    record = _record(session, record_id)
    if record.status != RecordStatus.FINAL:
        raise RuleError("請先定稿，再登錄職重系統。", "Finalise the record before entering it into the system.")
    if registered_on is not None:
        problems = date_problems("registered_on", registered_on, clock.today(), required=False)
        if registered_on < record.held_on:
            problems.append(
                problem("registered_on", "登錄日不能早於服務日期。", "It cannot be entered before the service date.")
            )
        if problems:
            raise ProblemsError(problems)
    record.registered_on = registered_on


@dataclass(frozen=True)
class ContactAttemptValues:
    """One try to reach the client: when (aware datetime), how, what came of it."""

    attempted_at: datetime
    channel: ContactMode
    outcome: ContactOutcome
    note: str = ""


def add_contact_attempt(session: Session, case_id: uuid.UUID, values: ContactAttemptValues) -> uuid.UUID:
    """Append a contact attempt (the log 失聯 closures need); attempts are never changed afterwards."""
    if values.attempted_at.tzinfo is None:
        raise ValueError("attempted_at must carry a time zone")
    if values.attempted_at > clock.now():
        raise ProblemsError(
            [problem("attempted_at", "聯繫時間不能晚於現在。", "The attempt cannot be later than now.")]
        )
    open_case(session, case_id)
    attempt = ContactAttempt(
        case_id=case_id,
        attempted_at=values.attempted_at,
        channel=values.channel,
        outcome=values.outcome,
        note=values.note.strip(),
    )
    session.add(attempt)
    session.flush()
    return attempt.id
