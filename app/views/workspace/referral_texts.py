"""What the referrals tab says of a referral: its kind, the unit's or employer's answer, the follow-up owed a month
later (late ones in red), and the lines about the selected one."""

from __future__ import annotations

from datetime import date
from typing import Final

from app.models import Referral
from app.models.enums import ReferralKind, ReferralResponse
from app.views.workspace.common import ERROR_COLOUR, OK_COLOUR, day_text, pick

KINDS: Final[dict[ReferralKind, tuple[str, str]]] = {
    ReferralKind.SERVICE: ("派案至服務單位", "Refer to a service unit"),
    ReferralKind.JOB: ("推介就業（雇主）", "Refer to a job (employer)"),
}
SHORT_KINDS: Final[dict[ReferralKind, tuple[str, str]]] = {
    ReferralKind.SERVICE: ("派案", "Service"),
    ReferralKind.JOB: ("推介就業", "Job"),
}
RESPONSES: Final[dict[ReferralResponse, tuple[str, str]]] = {
    ReferralResponse.PENDING: ("待回覆", "Waiting"),
    ReferralResponse.ACCEPTED: ("接案", "Accepted"),
    ReferralResponse.DECLINED: ("不接案", "Declined"),
}
JOB_RESPONSES: Final[dict[ReferralResponse, tuple[str, str]]] = {
    ReferralResponse.PENDING: ("待面試結果", "Waiting"),
    ReferralResponse.ACCEPTED: ("錄取", "Hired"),
    ReferralResponse.DECLINED: ("未錄取", "Not hired"),
}


def response_text(kind: ReferralKind, response: ReferralResponse) -> str:
    return pick((JOB_RESPONSES if kind == ReferralKind.JOB else RESPONSES)[response])


def answer_text(referral: Referral) -> tuple[str, str | None]:
    """The answer as the table shows it (with its date, and why a unit declined), and its colour."""
    answer = response_text(referral.kind, referral.response)
    if referral.responded_on is not None:
        answer += f" {day_text(referral.responded_on)}"
    if referral.response == ReferralResponse.DECLINED and referral.decline_reason:
        answer += f"：{referral.decline_reason}"
    colour = (
        OK_COLOUR
        if referral.response == ReferralResponse.ACCEPTED
        else ERROR_COLOUR
        if referral.response == ReferralResponse.DECLINED
        else None
    )
    return answer, colour


def due_text(referral: Referral, today: date) -> tuple[str, str | None]:
    """When the follow-up is due, and its colour: red once it is due today or late and not done."""
    due = referral.follow_up_due_on
    if due is None:
        return "—", None
    if referral.follow_up_done_on is not None:
        return day_text(due), None
    late = (today - due).days
    if late > 0:
        return pick((f"{day_text(due)}（逾期 {late} 天）", f"{day_text(due)} ({late} days overdue)")), ERROR_COLOUR
    if late == 0:
        return pick((f"{day_text(due)}（今天到期）", f"{day_text(due)} (due today)")), ERROR_COLOUR
    return day_text(due), None


def summary_html(referral: Referral) -> str:
    """The selected referral: where it went, when the unit was contacted first, and the follow-up once done."""
    where = referral.receiving_unit.name if referral.receiving_unit is not None else referral.employer
    lines = [f"<b>{where}</b>"]
    if referral.contacted_before_dispatch and referral.contacted_on is not None:
        contacted = day_text(referral.contacted_on)
        lines.append(pick((f"派案前聯繫：{contacted}", f"Contacted {contacted}")))
    if referral.follow_up_done_on is not None:
        done = day_text(referral.follow_up_done_on)
        lines.append(
            pick(
                (
                    f"已於 {done} 追蹤：{referral.follow_up_note}",
                    f"Followed up {done}: {referral.follow_up_note}",
                )
            )
        )
    return "<br>".join(lines)


def contacted_text(job: bool) -> str:
    """The tick box saying the unit (or the employer, for a job) was contacted before referring."""
    if job:
        return pick(("推介前已先聯繫雇主", "The employer was contacted first"))
    return pick(("派案前已先聯繫受案單位", "The unit was contacted before referring"))


def consented_text(job: bool) -> str:
    """The tick box saying the client agreed to their data going to the unit (or the employer)."""
    if job:
        return pick(("個案同意將資料提供給雇主", "The client agreed to their data going to the employer"))
    return pick(("個案同意將資料提供給受案單位", "The client agreed to their data going to the unit"))
