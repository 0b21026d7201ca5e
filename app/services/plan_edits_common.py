"""What the edit services of the case workspace share: fetching a live row or saying clearly that it is gone, and
the small checks every form makes (required text, date order, dates not in the future).

The services (plan_edits, plan_edits_referrals, plan_edits_outcomes) take plain dataclass values, check them all
before changing anything, and raise AppError (RuleError, ValidationError) with zh-TW and English messages; the
caller's unit of work commits or rolls back.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import TypeVar

from sqlalchemy.orm import Session

from app.errors import AppError, ValidationError
from app.models import Case, SyncMixin
from app.services import clock
from app.services.rocdate import format_roc

RowT = TypeVar("RowT", bound=SyncMixin)


def live(session: Session, model: type[RowT], row_id: uuid.UUID, what_zh: str, what_en: str) -> RowT:
    """The row `row_id` of `model`, unless it does not exist or was deleted (perhaps on another device)."""
    row = session.get(model, row_id)
    if row is None or row.deleted:
        raise AppError(
            f"找不到這筆{what_zh}（可能已被刪除，請重新整理）。",
            f"This {what_en} was not found (it may have been deleted; reload the case).",
        )
    return row


def live_case(session: Session, case_id: uuid.UUID) -> Case:
    return live(session, Case, case_id, "個案", "case")


def required_text(field: str, value: str, label_zh: str, label_en: str) -> str:
    text = value.strip()
    if not text:
        raise ValidationError(field, f"請填寫{label_zh}。", f"Enter the {label_en}.")
    return text


def not_before(field: str, later: date, earlier: date, zh: str, en: str) -> None:
    """Refuse `later` when it is before `earlier` (the message says which dates)."""
    if later < earlier:
        raise ValidationError(field, f"{zh}（{format_roc(earlier, 'short')}）。", f"{en} ({earlier.isoformat()}).")


def not_in_future(field: str, day: date, label_zh: str, label_en: str) -> None:
    """Something that has happened (a consent, a referral sent, a follow-up done) cannot be dated after today."""
    today = clock.today()
    if day > today:
        raise ValidationError(
            field,
            f"{label_zh}不能晚於今天（{format_roc(today, 'short')}）。",
            f"The {label_en} cannot be after today ({today.isoformat()}).",
        )
