"""What the edits of the 基本資料, 晤談紀錄 and 需求評估 tabs share: problems named after the form's fields, the labels
of the enums those forms show, and finding the draft a form saves into.

A draft (an interview record, a needs assessment) is saved again and again while it is typed and then finalised,
after which it is immutable (app.store.tracking refuses changes too): a mistake in a record is fixed by a
correction, a new draft whose `corrects_id` points at it; a changed assessment is a new one.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from enum import StrEnum
from typing import TypeVar

from sqlalchemy.orm import Session

from app.errors import Problem, RuleError
from app.models import Case, NeedsAssessment, ServiceRecord
from app.models.enums import CertificateSystem, ContactOutcome, Gender, RecordKind, RecordStatus
from app.services.labels import label
from app.store.tracking import INFO_ACTOR

DraftT = TypeVar("DraftT", ServiceRecord, NeedsAssessment)

_ENUM_LABELS: dict[object, tuple[str, str]] = {
    Gender.MALE: ("男", "Male"),
    Gender.FEMALE: ("女", "Female"),
    Gender.OTHER: ("其他", "Other"),
    CertificateSystem.NEW: ("身心障礙證明（新制）", "Disability certificate (new system)"),
    CertificateSystem.OLD: ("身心障礙手冊（舊制）", "Disability handbook (old system)"),
    RecordKind.INTERVIEW: ("晤談紀錄", "Interview"),
    RecordKind.SERVICE: ("服務紀錄", "Service"),
    RecordKind.FOLLOW_UP: ("追蹤紀錄", "Follow-up"),
    RecordStatus.DRAFT: ("草稿", "Draft"),
    RecordStatus.FINAL: ("已定稿", "Final"),
    ContactOutcome.REACHED: ("已聯繫上", "Reached"),
    ContactOutcome.NO_ANSWER: ("無人接聽", "No answer"),
    ContactOutcome.WRONG_NUMBER: ("號碼錯誤", "Wrong number"),
    ContactOutcome.MESSAGE_LEFT: ("已留言", "Message left"),
    ContactOutcome.REFUSED: ("拒絕聯繫", "Refused"),
}


def enum_label(value: object, language: str = "zh-TW") -> str:
    """The zh-TW or English label of a code of the enums these forms show (the contact modes are labels.py's)."""
    pair = _ENUM_LABELS.get(value)
    if pair is None:
        return label(value, "en" if language == "en" else "zh-TW") if isinstance(value, StrEnum) else str(value)
    return pair[1] if language == "en" else pair[0]


def problem(name: str, zh: str, en: str) -> Problem:
    """A problem of the form field `name`."""
    return Problem(row=None, field=name, message_zh=zh, message_en=en)


def date_problems(name: str, day: date | None, today: date, *, required: bool) -> list[Problem]:
    """A date field's problems: missing (when `required`) or later than today."""
    if day is None:
        return [problem(name, "請輸入日期。", "Please enter a date.")] if required else []
    if day > today:
        return [problem(name, "日期不能晚於今天。", "The date cannot be later than today.")]
    return []


def actor(session: Session) -> str:
    """Who is making the edits of this session."""
    return str(session.info.get(INFO_ACTOR, ""))


def open_case(session: Session, case_id: uuid.UUID) -> Case:
    case = session.get(Case, case_id)
    if case is None or case.deleted:
        raise RuleError("找不到這個個案。", "This case was not found.")
    return case


def live_draft(session: Session, model: type[DraftT], draft_id: uuid.UUID, missing: tuple[str, str]) -> DraftT:
    """The record `draft_id` (draft or final); RuleError with `missing` (zh-TW, English) if gone or deleted."""
    found = session.get(model, draft_id)
    if found is None or found.deleted:
        raise RuleError(*missing)
    return found


def refuse_final(status: RecordStatus) -> None:
    if status == RecordStatus.FINAL:
        raise RuleError(
            "已定稿的紀錄不可修改；如需更正，請新增更正紀錄。",
            "A finalised record cannot be changed; add a correction instead.",
        )


def draft_to_save(
    session: Session,
    model: type[DraftT],
    case_id: uuid.UUID,
    draft_id: uuid.UUID | None,
    new: Callable[[], DraftT],
    missing: tuple[str, str],
    elsewhere: tuple[str, str],
) -> DraftT:
    """The draft of the case that a save writes into: the stored `draft_id`, refused (RuleError with `elsewhere`)
    when it belongs to another case, and when it is final; or, when the store does not hold it, a new one made by
    `new` with the id `draft_id` (None: a new id). An editor picks a new draft's id itself, so that autosaves queued
    before the first one has returned update that one draft instead of each making another."""
    existing = None if draft_id is None else session.get(model, draft_id)
    if existing is None:
        open_case(session, case_id)
        draft = new()
        if draft_id is not None:
            draft.id = draft_id
        session.add(draft)
        return draft
    draft = live_draft(session, model, existing.id, missing)
    if draft.case_id != case_id:
        raise RuleError(*elsewhere)
    refuse_final(draft.status)
    return draft
