"""A closure the closure tab shows rather than edits: the closure of a closed case, read-only but for the satisfaction
asked after closing (saved by the tab), and a closure submitted for the supervisor's sign-off, read-only while it
waits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from app.models import Closure
from app.models.review import Review
from app.services.plan_edits import SatisfactionValues
from app.views.workspace.closure_steps import score_combos, score_form
from app.views.workspace.closure_texts import reason_name, score_rows, table_html
from app.views.workspace.common import Notice, day_text, pick, set_combo_data
from app.views.workspace.review_state import ReviewStateLabel


def closure_html(closure: Closure) -> str:
    """The stored closure as a table: date, reason, summary and the three scores."""
    scores = (closure.satisfaction_client, closure.satisfaction_employer, closure.satisfaction_receiving_unit)
    rows = [
        (pick(("結案日", "Closed on")), day_text(closure.closed_on)),
        (pick(("結案原因", "Reason")), reason_name(closure.reason_code)),
        (pick(("結案摘要", "Summary")), closure.summary or "—"),
        *score_rows(SatisfactionValues(*scores)),
    ]
    return table_html(rows)


def record_text() -> QLabel:
    text = QLabel()
    text.setWordWrap(True)
    text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return text


class ClosedPage(QWidget):
    """A closed case's closure, and the satisfaction scores that can still be recorded after closing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.closed_box = QGroupBox(pick(("結案紀錄", "Closure")))
        self.closed_text = record_text()
        self.later = score_combos()
        self.later_button = QPushButton(pick(("儲存滿意度", "Save satisfaction")))
        self.later_notice = Notice()
        later = QGroupBox(pick(("結案後補記滿意度", "Satisfaction asked after closing")))
        later_form = score_form(self.later)
        later.setLayout(later_form)
        later_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        later_form.addRow("", self.later_button)
        later_form.addRow(self.later_notice)
        closed_layout = QVBoxLayout(self.closed_box)
        closed_layout.addWidget(self.closed_text)
        layout = QVBoxLayout(self)
        layout.addWidget(self.closed_box)
        layout.addWidget(later)
        layout.addStretch(1)

    def show_closure(self, closure: Closure) -> None:
        scores = (closure.satisfaction_client, closure.satisfaction_employer, closure.satisfaction_receiving_unit)
        self.closed_text.setText(closure_html(closure))
        for combo, score in zip(self.later, scores, strict=True):
            set_combo_data(combo, score or 0)


class WaitingPage(QWidget):
    """A closure submitted for sign-off: where it stands with the supervisor, and what was submitted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.waiting_state = ReviewStateLabel()
        self.waiting_text = record_text()
        waiting_box = QGroupBox(pick(("送審中的結案", "Closure submitted for sign-off")))
        QVBoxLayout(waiting_box).addWidget(self.waiting_text)
        layout = QVBoxLayout(self)
        layout.addWidget(self.waiting_state)
        layout.addWidget(waiting_box)
        layout.addStretch(1)

    def show_waiting(self, closure: Closure, review: Review) -> None:
        """Waiting, or approved and closing at the case manager's next sync."""
        self.waiting_text.setText(closure_html(closure))
        self.waiting_state.show_review(
            review,
            approved_hint=pick(
                ("個案將於個案管理員的筆電同步時結案。", "The case closes when the case manager's laptop syncs.")
            ),
        )
