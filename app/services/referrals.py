"""派案/轉介: dispatching a client to a service unit, and the unit's answer (002 附件一 三(四)(五), 六, 七).

Before dispatching, the case manager contacts the receiving unit (應先主動聯繫職業重建受案單位); the directory keeps
each unit's remaining capacity (尚可容納之服務量); a unit that cannot serve the client says so, and the case manager
offers another service.
"""

from __future__ import annotations

from datetime import date

from app.errors import RuleError
from app.models import Case, Referral, ServiceUnit
from app.models.enums import ReferralKind, ReferralResponse, Stage
from app.services import codes
from app.services.workflow import referral_follow_up_due


def dispatch(case: Case, referral: Referral, unit: ServiceUnit, sent_on: date) -> None:
    """Send the referral: the unit was contacted first, offers the service, has room, and the client agreed."""
    if case.opened_on is None or case.stage in (Stage.A, Stage.B, Stage.G):
        raise RuleError("只有開案中的個案可以派案。", "Only an open case can be referred.")
    if referral.kind == ReferralKind.SERVICE:
        if not referral.service_kind:
            raise RuleError("請選擇轉介的服務項目。", "Choose the service the client is referred to.")
        service = codes.service_kind(referral.service_kind)
        if service.code not in unit.service_kinds:
            raise RuleError(f"{unit.name} 沒有提供「{service.zh}」。", f"{unit.name} does not offer '{service.en}'.")
    if not referral.contacted_before_dispatch or referral.contacted_on is None:
        raise RuleError(
            "派案前須先聯繫受案單位，並記錄聯繫日期。",
            "Contact the receiving unit before dispatching, and record the date.",
        )
    if unit.remaining_capacity <= 0:
        raise RuleError(
            f"{unit.name} 目前已無可容納之服務量（{unit.current_caseload}／{unit.capacity}），請改派其他單位。",
            f"{unit.name} has no room left ({unit.current_caseload}/{unit.capacity}); choose another unit.",
        )
    if not referral.client_consented:
        raise RuleError(
            "轉介須經個案同意提供資料給受案單位。", "The client must agree to their data going to the receiving unit."
        )
    if sent_on < referral.contacted_on:
        raise RuleError(
            "派案日不能早於聯繫受案單位的日期。", "The referral cannot be sent before the unit was contacted."
        )
    referral.receiving_unit = unit
    referral.receiving_unit_id = unit.id
    referral.sent_on = sent_on
    referral.follow_up_due_on = referral_follow_up_due(sent_on)


def record_response(referral: Referral, response: ReferralResponse, on: date, reason: str = "") -> None:
    """The unit's answer. Accepting takes one place of its capacity; declining needs the reason, so the case
    manager can offer the client another service (002 附件一 七)."""
    if referral.sent_on is None:
        raise RuleError("這筆轉介尚未送出。", "This referral has not been sent.")
    if response == ReferralResponse.DECLINED and not reason.strip():
        raise RuleError("受案單位不接案時，請記錄原因。", "Record why the unit declined.")
    newly_accepted = response == ReferralResponse.ACCEPTED and referral.response != ReferralResponse.ACCEPTED
    if newly_accepted and referral.receiving_unit is not None:
        referral.receiving_unit.current_caseload += 1
    referral.response = response
    referral.responded_on = on
    referral.decline_reason = reason.strip()
