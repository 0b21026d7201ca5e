"""KPI formulas of seed 002 (VR case management) and seed 003 (supported employment), on hand-worked numbers."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from app.errors import ValidationError
from app.models.enums import EmploymentProof
from app.services import codes, kpi
from app.services import supported_employment as se

# --- 結案率 (002 附件一 三(六)) ------------------------------------------------------------------------------------


def test_closure_rate_exactly_30_percent_meets_the_target() -> None:
    # 45 closed of 120 new + 30 carried over = 45/150
    rate = kpi.closure_rate(45, 120, 30)
    assert rate == Fraction(3, 10)
    assert kpi.meets_closure_target(rate) is True


def test_closure_rate_just_below_30_percent_fails() -> None:
    rate = kpi.closure_rate(44, 120, 30)
    assert rate == Fraction(44, 150)
    assert kpi.meets_closure_target(rate) is False


def test_closure_rate_counts_carried_over_cases_in_the_denominator() -> None:
    # Without the 50 carried-over cases this would be 30/50 = 60 %.
    assert kpi.closure_rate(30, 50, 50) == Fraction(3, 10)


def test_closure_rate_without_cases_is_undefined() -> None:
    assert kpi.closure_rate(0, 0, 0) is None
    assert kpi.meets_closure_target(None) is None


@pytest.mark.parametrize(("closed", "opened", "carried"), [(5, 0, 0), (11, 6, 4), (-1, 10, 0), (1, -10, 20)])
def test_closure_rate_rejects_impossible_counts(closed: int, opened: int, carried: int) -> None:
    with pytest.raises(ValidationError):
        kpi.closure_rate(closed, opened, carried)


# --- 服務人數 (002 附件四 註三) ------------------------------------------------------------------------------------


def test_carry_over_is_capped_at_half_the_target() -> None:
    # 4 職管員 × 50 × 50 % = 100 of the 130 carried-over cases count.
    served = kpi.served_count(opened_this_year=150, open_from_last_year=130, case_managers=4, target_per_manager=50)
    assert served.carry_over_cap == 100
    assert served.counted_carry_over == 100
    assert served.total == 250
    assert served.target == 200
    assert served.capped


def test_carry_over_below_the_cap_counts_in_full() -> None:
    served = kpi.served_count(150, 80, 4, 50)
    assert (served.counted_carry_over, served.total, served.capped) == (80, 230, False)


def test_half_person_cap_counts_whole_people_only() -> None:
    # 1 × 45 × 50 % = 22.5
    served = kpi.served_count(30, 40, 1, 45)
    assert served.carry_over_cap == Fraction(45, 2)
    assert served.counted_carry_over == 22
    assert served.total == 52


def test_average_served() -> None:
    served = kpi.served_count(150, 130, 4, 50)
    assert kpi.average_served(served, 4) == Fraction(250, 4)
    assert kpi.average_served(kpi.served_count(0, 0, 0, 50), 0) is None


# --- 職管員員額 (002 附件四 註一) ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("population", "posts"),
    [
        (0, 1),  # 未達5,000人者補助1名
        (4_999, 1),  # the remainder rule is for what is left after full units, so not 1 + 1
        (5_000, 1),
        (7_500, 1),  # 2,500 does not exceed 2,500
        (7_501, 2),
        (10_000, 2),
        (12_500, 2),
        (12_600, 3),  # 2 full units, remainder 2,600 > 2,500
        (15_000, 3),
    ],
)
def test_staffing_posts(population: int, posts: int) -> None:
    assert kpi.staffing(population).total == posts


def test_staffing_shows_the_discretionary_post_apart() -> None:
    result = kpi.staffing(12_600)
    assert (result.full_units, result.remainder, result.discretionary_extra) == (2, 2_600, 1)
    assert not result.minimum_applied
    assert kpi.staffing(3_000).minimum_applied


def test_more_posts_only_above_one_and_a_half_times_the_target() -> None:
    # target 50 → threshold 75, and 超過 is strict
    assert kpi.staffing(10_000, last_year_avg_served=76, target=50).eligible_for_more is True
    assert kpi.staffing(10_000, last_year_avg_served=75, target=50).eligible_for_more is False
    assert kpi.staffing(10_000, last_year_avg_served=Fraction(121, 2), target=40).eligible_for_more is True
    assert kpi.staffing(10_000).eligible_for_more is None


def test_average_without_target_is_rejected() -> None:
    with pytest.raises(ValidationError):
        kpi.staffing(10_000, last_year_avg_served=80)


def test_negative_population_is_rejected() -> None:
    with pytest.raises(ValidationError):
        kpi.staffing(-1)


# --- county targets (002 附件四) -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("county", "target"),
    [("臺北市", 50), ("KHH", 50), ("基隆市", 45), ("嘉義縣", 45), ("花蓮縣", 40), ("台東縣", 40), ("LIE", 40)],
)
def test_county_target(county: str, target: int) -> None:
    assert kpi.county_target(county) == target


def test_county_target_of_a_county_object() -> None:
    assert kpi.county_target(codes.county("PEN")) == 40


# --- supported employment: targets (003 三(三), 四) ------------------------------------------------------------------


def test_worked_example_of_003_section_4() -> None:
    targets = se.supported_employment_targets(22)
    assert (targets.placements, targets.supported_successes, targets.served) == (264, 132, 440)


def test_targets_of_one_coach() -> None:
    targets = se.supported_employment_targets(1)
    assert (targets.placements, targets.supported_successes, targets.served) == (12, 6, 20)


# --- supported employment: 職場適應服務 offsets (003 三(六)3) --------------------------------------------------------


@pytest.mark.parametrize(("clients", "offset"), [(0, 0), (4, 0), (5, 1), (7, 1), (8, 2), (9, 2), (16, 2), (40, 2)])
def test_workplace_adaptation_offset(clients: int, offset: int) -> None:
    assert se.workplace_adaptation_offset(clients) == offset


def _coach(adaptation: int = 0) -> se.CoachYear:
    return se.CoachYear(new_cases=12, old_cases=8, workplace_adaptation_clients=adaptation)


def _counts(
    coaches: int = 1,
    placements: int = 12,
    placements_double: int = 0,
    supported: int = 6,
    supported_double: int = 0,
    general: int = 0,
    general_double: int = 0,
    adaptation: int = 0,
) -> se.SupportedEmploymentCounts:
    return se.SupportedEmploymentCounts(
        coaches=tuple(_coach(adaptation) for _ in range(coaches)),
        placements=placements,
        placements_double=placements_double,
        supported_successes=supported,
        supported_successes_double=supported_double,
        general_successes=general,
        general_successes_double=general_double,
    )


def test_offsets_are_capped_per_coach_not_pooled() -> None:
    # 3 coaches with 16 adaptation clients each: 3 × 2 = 6, not 48 / 8 × 2 = 12 or 48 / 5 = 9.
    result = se.evaluate_supported_employment(_counts(coaches=3, placements=30, supported=18, adaptation=16))
    assert result.placement_offset == 6
    assert result.placements_required == 36 - 6
    assert result.placements_met


def test_offset_lowers_the_placement_target() -> None:
    assert not se.evaluate_supported_employment(_counts(placements=10)).placements_met
    assert se.evaluate_supported_employment(_counts(placements=10, adaptation=8)).placements_met
    assert not se.evaluate_supported_employment(_counts(placements=10, adaptation=7)).placements_met


# --- supported employment: conversion and the 2/3 rule (003 三(三)1(2)) ----------------------------------------------


def test_three_general_successes_convert_to_one_supported() -> None:
    # 2 coaches → 12 支持性; 11 supported keep the 2/3 share with up to 5 general successes.
    result = se.evaluate_supported_employment(_counts(coaches=2, placements=24, supported=11, general=2))
    assert result.general_converted == 0
    assert not result.supported_successes_met
    result = se.evaluate_supported_employment(_counts(coaches=2, placements=24, supported=11, general=5))
    assert (result.general_converted, result.supported_successes_total) == (1, 12)
    assert result.two_thirds_rule_met
    assert result.supported_successes_met


def test_two_thirds_rule_boundary() -> None:
    # 10 supported of 15 successes is exactly 2/3.
    at_boundary = se.evaluate_supported_employment(_counts(supported=10, general=5))
    assert at_boundary.two_thirds_rule_met
    assert at_boundary.supported_successes_met


def test_two_thirds_rule_failure_fails_the_success_target_despite_enough_conversions() -> None:
    # 4 supported + 9 general: 4 + 3 = 7 ≥ 6, but 4 < 2/3 × 13.
    result = se.evaluate_supported_employment(_counts(supported=4, general=9))
    assert result.supported_successes_total == 7
    assert not result.two_thirds_rule_met
    assert not result.supported_successes_met
    assert not result.achieved


# --- supported employment: double counting (003 三(三)1(2)) --------------------------------------------------------


def test_remote_or_high_support_cases_count_double() -> None:
    result = se.evaluate_supported_employment(
        _counts(placements=8, placements_double=4, supported=4, supported_double=2)
    )
    assert result.placements_counted == 12
    assert result.supported_successes_counted == 6
    assert result.achieved
    assert not se.evaluate_supported_employment(_counts(placements=8, supported=4)).achieved


def test_double_counting_applies_to_the_two_thirds_rule() -> None:
    # Raw 4 of 6 successes is 2/3; doubling the general ones makes it 4 of 8.
    assert se.evaluate_supported_employment(_counts(supported=4, general=2)).two_thirds_rule_met
    assert not se.evaluate_supported_employment(_counts(supported=4, general=2, general_double=2)).two_thirds_rule_met


def test_counted_weight() -> None:
    assert se.counted_weight(remote_area=False, high_support=False) == 1
    assert se.counted_weight(remote_area=True, high_support=False) == 2
    assert se.counted_weight(remote_area=False, high_support=True) == 2
    assert se.counted_weight(remote_area=True, high_support=True) == 2


def test_double_counted_part_cannot_exceed_the_count() -> None:
    with pytest.raises(ValidationError):
        se.evaluate_supported_employment(_counts(placements=3, placements_double=4))


def test_worked_example_unit_reaches_all_targets() -> None:
    result = se.evaluate_supported_employment(_counts(coaches=22, placements=264, supported=120, general=36))
    assert result.supported_successes_total == 132
    assert result.served_counted == 440
    assert result.achieved


# --- supported employment: caseload (003 四(二)) -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("new", "old", "counted", "met"),
    [(10, 10, 20, True), (10, 15, 20, True), (9, 30, 18, False), (20, 0, 20, True), (0, 25, 0, False)],
)
def test_old_cases_count_up_to_half_of_the_caseload(new: int, old: int, counted: int, met: bool) -> None:
    caseload = se.counted_caseload(new, old)
    assert (caseload.counted, caseload.met) == (counted, met)


def test_one_coach_below_caseload_fails_the_unit() -> None:
    counts = _counts(coaches=2, placements=24, supported=12)
    low = se.CoachYear(new_cases=5, old_cases=30)
    result = se.evaluate_supported_employment(
        se.SupportedEmploymentCounts(
            coaches=(counts.coaches[0], low),
            placements=24,
            placements_double=0,
            supported_successes=12,
            supported_successes_double=0,
            general_successes=0,
            general_successes_double=0,
        )
    )
    assert result.placements_met and result.supported_successes_met
    assert not result.caseload_met
    assert not result.achieved


# --- supported employment: group model (003 三(三)2) --------------------------------------------------------------


@pytest.mark.parametrize(
    ("served", "stable", "sizes", "met"),
    [
        (9, 7, [3, 3, 3], True),
        (10, 7, [5, 5], True),  # exactly 70 %
        (10, 6, [5, 5], False),
        (8, 8, [4, 4], False),  # fewer than 9 a year
        (9, 9, [3, 2, 4], False),  # a placement of 2
    ],
)
def test_group_model(served: int, stable: int, sizes: list[int], met: bool) -> None:
    assert se.evaluate_group_model(served, stable, sizes).met is met


# --- definitions of one case -----------------------------------------------------------------------------------


def test_supported_needs_ten_working_days_of_intensive_support() -> None:
    assert se.is_supported_employment(10)
    assert not se.is_supported_employment(9)


def test_placement_success_with_labour_insurance() -> None:
    proofs = {EmploymentProof.LABOUR_INSURANCE}
    assert se.is_placement_success(competitive=True, days_worked=1, proofs=proofs)
    assert not se.is_placement_success(competitive=True, days_worked=0, proofs=proofs)
    assert not se.is_placement_success(competitive=False, days_worked=30, proofs=proofs)


@pytest.mark.parametrize(
    ("size", "proof", "success"),
    [
        (5, EmploymentProof.PAYROLL, True),
        (3, EmploymentProof.SIGN_IN_SHEET, True),
        (5, EmploymentProof.EMPLOYMENT_INSURANCE, True),
        (6, EmploymentProof.PAYROLL, False),
        (None, EmploymentProof.TIME_CARD, False),
        (6, EmploymentProof.LABOUR_INSURANCE, True),
    ],
)
def test_small_firm_proofs(size: int | None, proof: EmploymentProof, success: bool) -> None:
    assert se.is_placement_success(competitive=True, days_worked=2, proofs={proof}, employer_size=size) is success


def _success(
    first: date,
    last: date,
    *,
    hours_per_week: float = 40,
    lawful_terms: bool = True,
    competitive: bool = True,
    employed_before_service: bool = False,
    service_start: date | None = None,
) -> bool:
    return se.is_employment_success(
        competitive=competitive,
        first_day=first,
        last_day=last,
        hours_per_week=hours_per_week,
        lawful_terms=lawful_terms,
        employed_before_service=employed_before_service,
        service_start=service_start,
    )


def test_employment_success_after_three_calendar_months() -> None:
    assert _success(date(2025, 1, 15), date(2025, 4, 14))
    assert not _success(date(2025, 1, 15), date(2025, 4, 13))


def test_three_months_at_month_end_and_in_leap_years() -> None:
    assert _success(date(2024, 11, 30), date(2025, 2, 28))
    assert not _success(date(2024, 11, 30), date(2025, 2, 27))
    assert not _success(date(2023, 11, 30), date(2024, 2, 28))
    assert _success(date(2023, 11, 30), date(2024, 2, 29))


def test_part_time_needs_twenty_hours_a_week_and_lawful_terms() -> None:
    first, last = date(2025, 1, 1), date(2025, 6, 30)
    assert _success(first, last, hours_per_week=20)
    assert not _success(first, last, hours_per_week=19.5)
    assert not _success(first, last, lawful_terms=False)
    assert not _success(first, last, competitive=False)


def test_employed_before_service_counts_three_months_from_service_start() -> None:
    first = date(2024, 6, 1)
    start = date(2025, 3, 1)
    assert _success(first, date(2025, 5, 31), employed_before_service=True, service_start=start)
    assert not _success(first, date(2025, 5, 30), employed_before_service=True, service_start=start)
    with pytest.raises(ValidationError):
        _success(first, date(2025, 5, 31), employed_before_service=True)
