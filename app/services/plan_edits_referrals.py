"""派案/轉介 and 推介 edits of the case workspace: a new referral sent through services.referrals.dispatch (the unit
contacted first, capacity, consent), the unit's answer, and the follow-up (002 附件一 三(四)(五); 000 A5).

A job referral (推介就業) goes to an employer rather than a directory unit, so dispatch's unit checks do not apply;
it is tracked two weeks later before the client is referred again (deadline_rules.JOB_REFERRAL_TRACKING_DAYS).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from app.errors import RuleError, ValidationError
from app.models import Referral, ServiceUnit
from app.models.enums import ReferralKind, ReferralResponse, Stage
from app.services import codes, referrals
from app.services.deadline_rules import JOB_REFERRAL_TRACKING_DAYS
from app.services.plan_edits_common import live, live_case, not_before, not_in_future, required_text


@dataclass(frozen=True)
class ReferralValues:
    kind: ReferralKind
    sent_on: date
    service_kind: str | None = None  # service referrals: service_kinds.yaml code
    unit_id: uuid.UUID | None = None  # service referrals: the receiving unit
    employer: str = ""  # job referrals
    job_title: str = ""
    contacted_before_dispatch: bool = False  # 派案前先聯繫受案單位 (or, for a job, the employer)
    contacted_on: date | None = None
    client_consented: bool = False


def create_referral_and_dispatch(session: Session, case_id: uuid.UUID, values: ReferralValues) -> uuid.UUID:
    """Record a referral and send it. A service referral goes through referrals.dispatch, whose refusals (unit not
    contacted first, no room, service not offered, no consent) leave nothing behind."""
    case = live_case(session, case_id)
    not_in_future("sent_on", values.sent_on, "派案日", "referral date")
    referral = Referral(
        kind=ReferralKind(values.kind),
        contacted_before_dispatch=values.contacted_before_dispatch,
        contacted_on=values.contacted_on if values.contacted_before_dispatch else None,
        client_consented=values.client_consented,
    )
    if referral.kind == ReferralKind.SERVICE:
        if not values.service_kind:
            raise ValidationError(
                "service_kind", "請選擇轉介的服務項目。", "Choose the service the client is referred to."
            )
        if values.unit_id is None:
            raise ValidationError("unit", "請選擇受案單位。", "Choose the receiving unit.")
        referral.service_kind = codes.service_kind(values.service_kind).code
        unit = live(session, ServiceUnit, values.unit_id, "服務單位", "service unit")
        referrals.dispatch(case, referral, unit, values.sent_on)  # sets the unit, sent date and follow-up due
    else:
        if case.opened_on is None or case.stage in (Stage.A, Stage.B, Stage.G):
            raise RuleError("只有開案中的個案可以推介就業。", "Only an open case can be referred to a job.")
        referral.employer = required_text("employer", values.employer, "雇主名稱", "employer")
        referral.job_title = values.job_title.strip()
        if not values.client_consented:
            raise RuleError(
                "推介須經個案同意提供資料給雇主。", "The client must agree to their data going to the employer."
            )
        if referral.contacted_on is not None:
            not_before(
                "sent_on", values.sent_on, referral.contacted_on, "推介日不能早於聯繫雇主的日期", "Sent before contact"
            )
        referral.sent_on = values.sent_on
        referral.follow_up_due_on = values.sent_on + timedelta(days=JOB_REFERRAL_TRACKING_DAYS)
    referral.case = case
    session.add(referral)
    return referral.id


def record_referral_response(
    session: Session, referral_id: uuid.UUID, response: ReferralResponse, on: date, reason: str = ""
) -> None:
    """The unit's (or employer's) answer through referrals.record_response: accepting takes one of the unit's
    places; declining needs the reason, so another service can be offered."""
    referral = live(session, Referral, referral_id, "轉介", "referral")
    if referral.sent_on is not None:
        not_before("responded_on", on, referral.sent_on, "回覆日不能早於派案日", "The answer predates the referral")
    not_in_future("responded_on", on, "回覆日", "answer date")
    referrals.record_response(referral, ReferralResponse(response), on, reason)


def record_follow_up(session: Session, referral_id: uuid.UUID, done_on: date, note: str = "") -> None:
    """轉介後追蹤 done on `done_on` (002 附件一 三(五)), with what was learnt."""
    referral = live(session, Referral, referral_id, "轉介", "referral")
    if referral.sent_on is None:
        raise RuleError("這筆轉介尚未送出。", "This referral has not been sent.")
    not_before(
        "follow_up_done_on", done_on, referral.sent_on, "追蹤日不能早於派案日", "The follow-up predates the referral"
    )
    not_in_future("follow_up_done_on", done_on, "追蹤日", "follow-up date")
    referral.follow_up_done_on = done_on
    referral.follow_up_note = required_text("follow_up_note", note, "追蹤情形", "follow-up note")
