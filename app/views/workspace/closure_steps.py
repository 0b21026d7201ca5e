"""The pages of the closure wizard: the reason and closing date (with what the reason requires and whether the rules
accept it yet), the closing summary, the satisfaction scores, and the confirmation read back before 確認結案 or 送審.
The pages hold the fields; moving between them, asking the rules and saving are the closure tab's."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.services import codes
from app.services.plan_edits import ClosureCheck, ClosureValues, SatisfactionValues
from app.views.widgets import RocDateEdit
from app.views.workspace.closure_texts import RATER_NAMES, RATERS, SCORES, requirement_text, score_rows, table_html
from app.views.workspace.common import (
    ERROR_COLOUR,
    MUTED_COLOUR,
    OK_COLOUR,
    day_text,
    form_validator,
    language,
    pick,
)
from app.views.workspace.review_state import submit_note_field

Scores = tuple[QComboBox, QComboBox, QComboBox]


def score_combos() -> Scores:
    """The satisfaction of the client, the employer and the receiving unit, each 1–5 or 未評."""
    combos = []
    for name in RATER_NAMES:
        combo = QComboBox()
        combo.setAccessibleName(pick(name))
        for value, label in SCORES:
            combo.addItem(pick(label), value)
        combos.append(combo)
    return combos[0], combos[1], combos[2]


def score_form(combos: Scores) -> QFormLayout:
    form = QFormLayout()
    for rater, combo in zip(RATERS, combos, strict=True):
        form.addRow(pick(rater), combo)
    return form


def scores_of(combos: Scores) -> SatisfactionValues:
    client, employer, unit = (combo.currentData() or None for combo in combos)
    return SatisfactionValues(client, employer, unit)


class ReasonStep(QWidget):
    """Step 1: the closure reasons of the code list beside what the chosen one requires, the closing date, and the
    rules' answer for that reason on that date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lang = language()
        self.reasons = QListWidget()
        self.reasons.setAccessibleName(pick(("結案原因", "Closure reason")))
        for reason in codes.code_lists().closure_reasons:
            item = QListWidgetItem(reason.label(lang))
            item.setData(Qt.ItemDataRole.UserRole, reason.code)
            self.reasons.addItem(item)
        self.reasons.setSpacing(3)
        self.reasons.setWordWrap(True)
        self.reasons.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.reasons.setMaximumWidth(280)
        self.requirement = QLabel()
        self.requirement.setWordWrap(True)
        self.closed_on = RocDateEdit(label=pick(("結案日", "Closing date")), required=True, language=lang)
        self.check_label = QLabel()
        self.check_label.setWordWrap(True)
        self.validator = form_validator(self.closed_on)
        side = QVBoxLayout()
        side.addWidget(QLabel(f"<b>{pick(('條件', 'What it needs'))}</b>"))
        side.addWidget(self.requirement)
        date_form = QFormLayout()
        date_form.addRow(pick(("結案日", "Closing date")), self.closed_on)
        side.addLayout(date_form)
        side.addWidget(self.check_label)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.reasons)
        layout.addLayout(side, 1)
        # Connected before the tab asks the rules on the same signal, so the requirement is shown first.
        self.reasons.currentItemChanged.connect(self._show_requirement)
        self._show_requirement()

    def reason_code(self) -> str | None:
        item = self.reasons.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return str(value) if value else None

    def select_reason(self, code: str) -> None:
        for row in range(self.reasons.count()):
            item = self.reasons.item(row)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == code:
                self.reasons.setCurrentRow(row)
                return

    def _show_requirement(self) -> None:
        code = self.reason_code()
        self.requirement.setText(requirement_text(code) if code else pick(("請先選擇結案原因。", "Pick a reason.")))

    def clear_check(self) -> None:
        self.check_label.setText("")

    def show_checking(self) -> None:
        self.check_label.setText(pick(("檢查中…", "Checking…")))
        self.check_label.setStyleSheet(f"color: {MUTED_COLOUR};")

    def show_check(self, check: ClosureCheck) -> None:
        if check.allowed:
            self.check_label.setText("✓ " + pick(("可以此原因結案。", "The case can close for this reason.")))
            self.check_label.setStyleSheet(f"color: {OK_COLOUR};")
        else:
            self.check_label.setText("✗ " + check.message(language()))
            self.check_label.setStyleSheet(f"color: {ERROR_COLOUR}; font-weight: bold;")


class SummaryStep(QWidget):
    """Step 2: the closing summary (結案摘要表)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QPlainTextEdit()
        self.summary.setAccessibleName(pick(("結案摘要", "Closing summary")))
        self.summary.setPlaceholderText(
            pick(
                (
                    "服務歷程、目標達成情形、結案理由與後續建議（結案摘要表）",
                    "Services given, goals met, why the case closes, and what next",
                )
            )
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)


class SatisfactionStep(QWidget):
    """Step 3: how satisfied the client, the employer and the receiving unit were (each may stay 未評)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scores = score_combos()
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                pick(
                    (
                        "沒有詢問或不適用者請選「未評」；結案後仍可補記。",
                        "Choose “Not rated” when not asked; it can be added after closing.",
                    )
                )
            )
        )
        layout.addLayout(score_form(self.scores))
        layout.addStretch(1)


class ConfirmStep(QWidget):
    """Step 4: the closure read back, with what confirming it does, and the note for 送審."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.review = QLabel()
        self.review.setWordWrap(True)
        self.review.setTextFormat(Qt.TextFormat.RichText)
        self.review.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.submit_note = submit_note_field()
        layout = QVBoxLayout(self)
        layout.addWidget(self.review)
        layout.addStretch(1)
        layout.addWidget(self.submit_note)

    def show_values(self, values: ClosureValues | None, signoff_required: bool) -> None:
        self.review.setText(confirmation_html(values, signoff_required) if values is not None else "")


def confirmation_html(values: ClosureValues, signoff_required: bool) -> str:
    """The closure as the form holds it, and what happens next: the case closes on 確認結案, or (where the team
    requires the supervisor's sign-off) only once the submitted closure is approved."""
    rows = [
        (pick(("結案原因", "Reason")), codes.closure_reason(values.reason_code).label(language())),
        (pick(("結案日", "Closing date")), day_text(values.closed_on)),
        (pick(("結案摘要", "Summary")), values.summary.strip()),
        *score_rows(values.satisfaction),
    ]
    if signoff_required:
        warning = pick(
            (
                "本單位結案須經督導核准：按「送審」後，督導核准時個案才結案（階段 G）。",
                "Closures in this team need the supervisor's approval: submit it; the case closes (stage G) once "
                "approved.",
            )
        )
    else:
        warning = pick(
            (
                "確認後個案即結案（階段 G），之後不能再新增計畫、派案或就業紀錄；或按「送審」先請督導審核。",
                "Once confirmed the case is closed (stage G); no more plans, referrals or jobs can be added. Or "
                "submit it for the supervisor's sign-off first.",
            )
        )
    return f"{table_html(rows)}<p style='color:{ERROR_COLOUR}'>{warning}</p>"
