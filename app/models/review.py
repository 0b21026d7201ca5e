"""送審: a plan or a closure submitted for the supervisor's sign-off (督導審核), and the supervisor's decision.

One row per submission: a plan or closure returned (退回) and submitted again gets a new row, so the history of
submissions, returns and approvals stays. The case manager writes the submission; the supervisor of the team writes
only the decision (`decision`, `decided_by`, `decided_at`, `comment`) of a pending one, which the central service
enforces (server/services/reviews.py). A closure under review is a `Closure` row whose case is not closed yet: the
case closes (stage G) when an approval reaches the case manager's laptop (app/services/reviews.py).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, SyncMixin, code_enum
from app.models.enums import ReviewDecision, ReviewSubject

if TYPE_CHECKING:
    from app.models.case import Case


class Review(SyncMixin, Base):
    __tablename__ = "review"

    case_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("case.id"), index=True)
    subject: Mapped[ReviewSubject] = mapped_column(code_enum(ReviewSubject))
    plan_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("service_plan.id"))  # subject plan: the version
    closure_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("closure.id"))  # subject closure: its draft
    submitted_by: Mapped[str] = mapped_column(String(64))
    submitted_at: Mapped[datetime]
    note: Mapped[str] = mapped_column(Text, default="")  # the case manager's note to the supervisor
    decision: Mapped[ReviewDecision] = mapped_column(code_enum(ReviewDecision), default=ReviewDecision.PENDING)
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decided_at: Mapped[datetime | None]
    comment: Mapped[str] = mapped_column(Text, default="")  # the supervisor's comment (why it was returned)

    case: Mapped[Case] = relationship(back_populates="reviews")
