from __future__ import annotations

from datetime import date

import pytest

from app.errors import RuleError
from app.models import Case, Referral, ServiceUnit
from app.models.enums import IntakeDecision, ReferralResponse
from app.services import workflow
from app.services.referrals import dispatch, record_response
from tests.factories import make_case, make_client


@pytest.fixture
def case() -> Case:
    case = make_case(make_client())
    workflow.record_intake_assessment(case, date(2025, 3, 5), "適合")
    workflow.decide_intake(case, IntakeDecision.OPEN, date(2025, 3, 6))
    return case


def unit(capacity: int = 10, caseload: int = 3) -> ServiceUnit:
    return ServiceUnit(
        name="財團法人伊甸社會福利基金會",
        service_kinds=["vocational_evaluation", "supported_employment"],
        county="TAO",
        capacity=capacity,
        current_caseload=caseload,
    )


def referral(**overrides: object) -> Referral:
    values: dict[str, object] = {
        "service_kind": "vocational_evaluation",
        "contacted_before_dispatch": True,
        "contacted_on": date(2025, 3, 10),
        "client_consented": True,
    }
    values.update(overrides)
    return Referral(**values)


def test_dispatch_sets_the_follow_up_due(case: Case) -> None:
    r = referral()
    dispatch(case, r, unit(), date(2025, 3, 11))
    assert (r.sent_on, r.follow_up_due_on) == (date(2025, 3, 11), date(2025, 4, 11))


@pytest.mark.parametrize(
    ("changes", "unit_args", "message"),
    [
        ({"contacted_before_dispatch": False}, {}, "須先聯繫受案單位"),
        ({"contacted_on": None}, {}, "須先聯繫受案單位"),
        ({}, {"capacity": 5, "caseload": 5}, r"無可容納之服務量（5／5）"),
        ({"client_consented": False}, {}, "個案同意"),
        ({"service_kind": "sheltered_employment"}, {}, "沒有提供「庇護性就業服務」"),
    ],
)
def test_dispatch_guards(case: Case, changes: dict[str, object], unit_args: dict[str, int], message: str) -> None:
    r = referral(**changes)
    with pytest.raises(RuleError, match=message):
        dispatch(case, r, unit(**unit_args), date(2025, 3, 11))
    assert r.sent_on is None


def test_no_dispatch_before_opening() -> None:
    with pytest.raises(RuleError, match="開案中"):
        dispatch(make_case(make_client()), referral(), unit(), date(2025, 3, 11))


def test_acceptance_takes_a_place_once_and_declining_needs_a_reason(case: Case) -> None:
    r, u = referral(), unit(caseload=3)
    dispatch(case, r, u, date(2025, 3, 11))
    with pytest.raises(RuleError, match="原因"):
        record_response(r, ReferralResponse.DECLINED, date(2025, 3, 12))
    record_response(r, ReferralResponse.ACCEPTED, date(2025, 3, 12))
    record_response(r, ReferralResponse.ACCEPTED, date(2025, 3, 13))
    assert (u.current_caseload, u.remaining_capacity) == (4, 6)
