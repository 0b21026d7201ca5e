"""待審 (送審佇列): the team's plans and closures waiting for the supervisor's sign-off, oldest first (case manager,
client, what, when). Picking one shows what was submitted, read-only (the plan version with its goals and
services, or the closure), with the earlier rounds of the same plan or closure; 核准 approves it, 退回 returns it
with the comment saying what to change. The decision is stored on this laptop and reaches the case manager with the
next sync (app.services.reviews); 開啟個案 opens the whole case.
"""

from __future__ import annotations

import uuid
from typing import Final

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.models.enums import ReviewDecision, ReviewSubject
from app.services import clock, reviews
from app.services.review_queue import QueueRow, ReviewDetail, pending_reviews, review_detail
from app.services.rocdate import format_roc
from app.views.i18n import translate
from app.views.runner import StoreRunner
from app.views.workspace.closure_texts import html_text, reason_name, score_text, table_html
from app.views.workspace.common import Notice, day_text, refusal_shower, service_name, span_text
from app.views.workspace.common_tables import add_row, cell, make_table, select_id, selected_id
from app.views.workspace.plan_texts import PART_TITLES

DECISION_TEXT: Final = {
    ReviewDecision.PENDING: ("待審", "Pending"),
    ReviewDecision.APPROVED: ("核准", "Approved"),
    ReviewDecision.RETURNED: ("退回", "Returned"),
}


def _pick(pair: tuple[str, str]) -> str:
    return translate(*pair)


def subject_text(row: QueueRow) -> str:
    if row.subject == ReviewSubject.CLOSURE:
        return translate("結案", "Closure")
    if row.plan_version:
        return translate(f"服務計畫第 {row.plan_version} 版", f"Plan version {row.plan_version}")
    return translate("服務計畫", "Plan")


def _when(row: QueueRow) -> str:
    local = row.submitted_at.astimezone(clock.LOCAL_TZ)
    return f"{format_roc(local.date(), 'short')} {local:%H:%M}"


def detail_html(detail: ReviewDetail) -> str:
    """What was submitted, as the supervisor reads it before deciding."""
    row = detail.row
    head = [
        (translate("個案", "Client"), row.client_name),
        (translate("個案管理員", "Case manager"), row.case_manager),
        (translate("送審項目", "Submitted"), subject_text(row)),
        (translate("送審時間", "Submitted on"), _when(row)),
    ]
    if row.note:
        head.append((translate("送審說明", "Note"), row.note))
    parts = [table_html(head)]
    if detail.plan is not None:
        plan = detail.plan
        rows = [
            (translate("計畫期間", "Period"), span_text(plan.start_on, plan.end_on)),
            (translate("職業重建目標", "Vocational goal"), plan.vocational_goal or "—"),
            (
                translate("知後同意", "Consent"),
                day_text(plan.consent_on) if plan.consent_on else translate("未同意", "not yet"),
            ),
        ]
        if plan.revision_reason:
            rows.append((translate("修訂原因", "Revision reason"), plan.revision_reason))
        parts.append(table_html(rows))
        for part, title in PART_TITLES.items():
            goals = [g for g in plan.goals if g.part == part]
            items = [i for i in plan.items if i.part == part]
            if not goals and not items:
                continue
            lines = [f"{translate('目標', 'Goal')}：{html_text(g.description)}" for g in goals]
            for item in items:
                unit = f"（{html_text(item.unit_name)}）" if item.unit_name else ""
                hours = f"，{item.hours:g} {translate('小時', 'h')}" if item.hours else ""
                what = f"{service_name(item.service_kind)}{unit}{hours}"
                lines.append(f"{translate('服務', 'Service')}：{what} {html_text(item.description)}")
            parts.append(f"<p><b>{_pick(title)}</b><br>" + "<br>".join(lines) + "</p>")
    if detail.closure is not None:
        closure = detail.closure
        rows = [
            (translate("結案日", "Closing date"), day_text(closure.closed_on)),
            (translate("結案原因", "Reason"), reason_name(closure.reason_code)),
            (translate("結案摘要", "Summary"), closure.summary or "—"),
        ]
        names = (
            translate("個案滿意度", "Client"),
            translate("雇主滿意度", "Employer"),
            translate("受案單位滿意度", "Unit"),
        )
        rows.extend((name, score_text(score)) for name, score in zip(names, closure.satisfaction, strict=True))
        parts.append(table_html(rows))
    if detail.earlier:
        lines = [
            f"{format_roc(clock.local_date(e.submitted_at), 'short')} {_pick(DECISION_TEXT[e.decision])}"
            + (f"（{html_text(e.decided_by)}）：{html_text(e.comment)}" if e.comment else "")
            for e in detail.earlier
        ]
        parts.append(f"<p><b>{translate('先前的送審', 'Earlier rounds')}</b><br>" + "<br>".join(lines) + "</p>")
    return "".join(parts)


class ReviewQueueView(QWidget):
    """待審: pending submissions beside what was submitted, with 核准, 退回 and 開啟個案."""

    case_opened = Signal(object)  # uuid.UUID
    decided = Signal(object)  # the review id, once a decision is stored

    def __init__(self, runner: StoreRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.rows: list[QueueRow] = []
        self.detail: ReviewDetail | None = None
        self._ticket = 0
        self.table = make_table(
            [
                translate("個案管理員", "Case manager"),
                translate("個案", "Client"),
                translate("送審項目", "Submitted"),
                translate("送審時間", "Submitted on"),
                translate("說明", "Note"),
            ],
            translate("待審清單", "Submissions waiting for sign-off"),
        )
        self.table.itemSelectionChanged.connect(self._picked)
        self.table.doubleClicked.connect(lambda _index: self.open_case())
        self.summary = QLabel()
        self.empty = QLabel(translate("目前沒有待審的計畫或結案。", "Nothing is waiting for your sign-off."))
        self.empty.setWordWrap(True)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(translate("送審內容", "What was submitted"))
        self.browser.setOpenLinks(False)
        self.comment = QPlainTextEdit()
        self.comment.setAccessibleName(translate("督導意見", "Comment"))
        self.comment.setPlaceholderText(
            translate("意見（退回時必填：請寫下需要修改之處）", "Comment (required to return: say what to change)")
        )
        self.comment.setMaximumHeight(110)
        self.approve_button = QPushButton(translate("核准", "Approve"))
        self.return_button = QPushButton(translate("退回", "Return"))
        self.open_button = QPushButton(translate("開啟個案", "Open the case"))
        self.refresh_button = QPushButton(translate("重新整理", "Refresh"))
        for button in (self.approve_button, self.return_button, self.open_button, self.refresh_button):
            button.setAccessibleName(button.text())
        self.approve_button.clicked.connect(lambda: self.decide(ReviewDecision.APPROVED))
        self.return_button.clicked.connect(lambda: self.decide(ReviewDecision.RETURNED))
        self.open_button.clicked.connect(self.open_case)
        self.refresh_button.clicked.connect(self.refresh)
        self.notice = Notice()

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.empty)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.browser, 1)
        right_layout.addWidget(self.comment)
        right_layout.addWidget(self.notice)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.return_button)
        buttons.addWidget(self.approve_button)
        right_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._show_detail(None)
        self.refresh()

    # --- the list ---

    def refresh(self) -> None:
        """Read the pending submissions again (after a sync, or a decision)."""
        self.runner.run(pending_reviews, self._listed, owner=self)

    def _listed(self, rows: list[QueueRow]) -> None:
        keep = selected_id(self.table)
        self.rows = rows
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for row in rows:
            add_row(
                self.table,
                [
                    cell(row.case_manager, row.review_id),
                    cell(row.client_name),
                    cell(subject_text(row)),
                    cell(_when(row)),
                    cell(row.note),
                ],
            )
        self.table.blockSignals(False)
        self.summary.setText(translate(f"待審 {len(rows)} 件", f"{len(rows)} waiting"))
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        if keep is not None and any(row.review_id == keep for row in rows):
            self.select_review(keep)
        elif rows:
            self.select_review(rows[0].review_id)
        else:
            self._show_detail(None)

    def select_review(self, review_id: uuid.UUID) -> None:
        select_id(self.table, review_id)
        self._picked()

    def _picked(self) -> None:
        review_id = selected_id(self.table)
        if review_id is None:
            self._show_detail(None)
            return
        if self.detail is not None and self.detail.row.review_id == review_id:
            return
        self._ticket += 1
        ticket = self._ticket

        def loaded(detail: ReviewDetail) -> None:
            if ticket == self._ticket:
                self._show_detail(detail)

        self.runner.run(lambda session: review_detail(session, review_id), loaded, owner=self)

    def _show_detail(self, detail: ReviewDetail | None) -> None:
        if detail is None or self.detail is None or detail.row.review_id != self.detail.row.review_id:
            self.comment.clear()
        self.detail = detail
        self.browser.setHtml(detail_html(detail) if detail else "")
        pending = detail is not None and detail.decision == ReviewDecision.PENDING
        for widget in (self.approve_button, self.return_button, self.comment):
            widget.setEnabled(pending)
        self.open_button.setEnabled(detail is not None)

    # --- deciding ---

    def decide(self, decision: ReviewDecision) -> None:
        detail = self.detail
        if detail is None:
            return
        comment = self.comment.toPlainText()
        if decision == ReviewDecision.RETURNED and not comment.strip():
            self.notice.show_error(
                translate("退回時請寫下需要修改之處。", "Say what needs changing when returning it.")
            )
            self.comment.setFocus()
            return
        review_id = detail.row.review_id

        def stored(_: object) -> None:
            self.notice.show_ok(
                translate(
                    "已核准；同步後個案管理員即可看到。", "Approved; the case manager sees it after the next sync."
                )
                if decision == ReviewDecision.APPROVED
                else translate(
                    "已退回；同步後個案管理員即可看到意見。", "Returned; the case manager sees it after the sync."
                )
            )
            self.comment.clear()
            self.detail = None
            self.decided.emit(review_id)
            self.refresh()

        self.notice.clear()
        self.runner.run(
            lambda session: reviews.decide(session, review_id, decision, comment),
            stored,
            refusal_shower(self.notice, self),
            owner=self,
        )

    def open_case(self) -> None:
        if self.detail is not None:
            self.case_opened.emit(self.detail.row.case_id)
