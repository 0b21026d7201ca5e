"""Where a plan version or a closure stands with the supervisor (送審): waiting, returned with the comment, or
approved; the line the plan and closure tabs show under what was submitted. Also what both tabs' 送審 share: the
optional note to the supervisor, and what the tab does once the submission is stored."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from app.models.enums import ReviewDecision
from app.models.review import Review
from app.services import clock
from app.views.workspace.base import CaseTab
from app.views.workspace.closure_texts import html_text
from app.views.workspace.common import ERROR_COLOUR, MUTED_COLOUR, OK_COLOUR, Notice, day_text, pick


def review_html(review: Review, *, returned_hint: str = "", approved_hint: str = "") -> str:
    """The state of `review` as rich text: who decided when, the supervisor's comment, and what to do next."""
    when = day_text(clock.local_date(review.submitted_at))
    decided = day_text(clock.local_date(review.decided_at)) if review.decided_at else ""
    by = review.decided_by or ""
    lines = []
    if review.note:
        lines.append(f"{pick(('送審說明', 'Note'))}：{html_text(review.note)}")
    if review.comment:
        lines.append(f"<b>{pick(('督導意見', 'Comment'))}：</b>{html_text(review.comment)}")
    if review.decision == ReviewDecision.PENDING:
        head, colour = (
            pick((f"已於 {when} 送督導審核，等待審核中。", f"Submitted on {when}; waiting for sign-off.")),
            MUTED_COLOUR,
        )
    elif review.decision == ReviewDecision.RETURNED:
        head, colour = pick((f"督導 {by} 於 {decided} 退回。", f"Returned by {by} on {decided}.")), ERROR_COLOUR
        lines.extend([returned_hint] if returned_hint else [])
    else:
        head, colour = pick((f"督導 {by} 於 {decided} 核准。", f"Approved by {by} on {decided}.")), OK_COLOUR
        lines.extend([approved_hint] if approved_hint else [])
    return "<br>".join([f"<span style='color:{colour}'><b>{head}</b></span>", *lines])


class ReviewStateLabel(QLabel):
    """A rich-text line, hidden when nothing was submitted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName(pick(("督導審核", "Supervisor's sign-off")))
        self.hide()

    def show_review(self, review: Review | None, *, returned_hint: str = "", approved_hint: str = "") -> None:
        if review is None:
            self.setText("")
            self.hide()
            return
        self.setText(review_html(review, returned_hint=returned_hint, approved_hint=approved_hint))
        self.show()


def submit_note_field() -> QLineEdit:
    """送審說明: what the case manager tells the supervisor with a submission (optional)."""
    note = QLineEdit()
    note.setPlaceholderText(pick(("給督導的說明（選填）", "Note to the supervisor (optional)")))
    note.setAccessibleName(pick(("送審說明", "Note to the supervisor")))
    return note


def submitted_shower(tab: CaseTab, note: QLineEdit, notice: Notice) -> Callable[[object], None]:
    """The done of a 送審 edit: the note was sent, so it is cleared; the notice says when the supervisor sees it;
    the workspace reloads the case so the tab shows the submission waiting."""

    def submitted(_review_id: object) -> None:
        note.clear()
        notice.show_ok(
            tab.text("已送督導審核；同步後督導即可審閱。", "Submitted; the supervisor sees it after the next sync.")
        )
        tab.changed.emit()

    return submitted
