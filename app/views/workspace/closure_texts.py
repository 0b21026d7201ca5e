"""What the closure tab says: its steps, the satisfaction scores, what each closure reason requires (as the rules
state it), and the closure read back as a table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from app.errors import AppError
from app.services import codes
from app.services.plan_edits import SatisfactionValues
from app.services.workflow import LOST_CONTACT_ATTEMPTS
from app.views.workspace.common import MUTED_COLOUR, language, pick

STEPS: Final = (
    ("結案原因", "Reason"),
    ("結案摘要", "Summary"),
    ("滿意度", "Satisfaction"),
    ("確認結案", "Confirm"),
)
SCORES: Final = (
    (0, ("未評", "Not rated")),
    (1, ("1 非常不滿意", "1 Very dissatisfied")),
    (2, ("2 不滿意", "2 Dissatisfied")),
    (3, ("3 普通", "3 Neutral")),
    (4, ("4 滿意", "4 Satisfied")),
    (5, ("5 非常滿意", "5 Very satisfied")),
)
# What the case manager should write for reasons without a rule of their own (the list is extendable, so this is
# a courtesy; a reason missing here gets the general sentence).
REASON_NOTES: Final[dict[str, tuple[str, str]]] = {
    "plan_goal_achieved": ("請在摘要說明達成了哪些計畫目標。", "Say in the summary which goals were met."),
    "declined_service": ("請在摘要記錄個案的意願及已做的說明。", "Record the client's wishes and what was explained."),
    "unable_to_cooperate": ("請在摘要記錄無法配合的情形。", "Record how the client could not take part."),
    "referred_or_not_ready": (
        "請在摘要註明轉介的單位，或暫不適合就業的理由。",
        "Name the unit referred to, or why work is not suitable now.",
    ),
    "needs_non_vr_resources": (
        "請註明需優先協助的資源（社政、衛生、醫療等）。",
        "Name the resources needed first (welfare, health, medical).",
    ),
    "entered_training": ("請在摘要註明職業訓練的單位與班別。", "Name the training centre and course."),
    "moved_away": ("請在摘要註明遷居地，必要時轉介當地窗口。", "Say where the client moved and whom you told there."),
}
# Who is asked how satisfied they were, in the form and in the closure read back.
RATERS: Final = (("個案", "Client"), ("雇主", "Employer"), ("受案單位", "Receiving unit"))
RATER_NAMES: Final = (
    ("個案滿意度", "Client's satisfaction"),
    ("雇主滿意度", "Employer's satisfaction"),
    ("受案單位滿意度", "Receiving unit's satisfaction"),
)


def requirement_text(code: str) -> str:
    """What closing with `code` requires, as the rules state it."""
    reason = codes.closure_reason(code)
    if reason.requires_contact_log:
        return pick(
            (
                f"失聯結案前，須記錄至少 {LOST_CONTACT_ATTEMPTS} 次未聯繫上（未接、空號、留言）的聯繫，"
                "且都在最後一次聯繫上個案之後。",
                f"Closing as lost contact needs {LOST_CONTACT_ATTEMPTS} unanswered attempts (no answer, wrong "
                "number, message left) on record since the client was last reached.",
            )
        )
    if reason.counts_as_stable_employment:
        return pick(
            (
                "須有一份尚未離職、到結案日已持續滿 3 個月的就業紀錄（穩三）。",
                "Needs a job still held that has lasted 3 months by the closing date.",
            )
        )
    return pick(REASON_NOTES.get(code, ("無其他條件；請在摘要說明結案理由。", "No other condition; explain it.")))


def reason_name(code: str) -> str:
    try:
        return codes.closure_reason(code).label(language())
    except AppError:
        return code


def score_text(score: int | None) -> str:
    return pick(dict(SCORES)[score or 0])


def score_rows(satisfaction: SatisfactionValues) -> list[tuple[str, str]]:
    """The three scores as rows of a read-back table."""
    scores = (satisfaction.client, satisfaction.employer, satisfaction.receiving_unit)
    return [(pick((f"{zh}滿意度", en)), score_text(score)) for (zh, en), score in zip(RATERS, scores, strict=True)]


def table_html(rows: Sequence[tuple[str, str]]) -> str:
    """A two-column table of captions (muted) and values, for a rich-text label."""
    cells = "".join(
        f"<tr><td style='color:{MUTED_COLOUR}; padding-right:12px'>{k}</td><td>{html_text(v)}</td></tr>"
        for k, v in rows
    )
    return f"<table cellspacing='6'>{cells}</table>"


def html_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
