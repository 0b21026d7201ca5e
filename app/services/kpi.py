"""VR case-management performance figures of seed 002 (結案率, 服務人數, 職管員員額, 目標服務人數).

Pure functions over plain counts, so the dashboard, the monthly report and the tests compute them the same way.
Ratios are `Fraction`s: a rate of exactly 30 % must pass the ≥ 30 % target, which float arithmetic cannot promise.
Supported-employment figures (seed 003) are in `app.services.supported_employment`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Final

from app.errors import ValidationError
from app.services import codes

CLOSURE_TARGET: Final = Fraction(30, 100)  # 結案率應達30%（含）以上 (002 附件一 三(六))
CARRY_OVER_SHARE: Final = Fraction(1, 2)  # 前一年度未結案總數最高列計50% (002 附件四 註三)
POPULATION_PER_MANAGER: Final = 5_000  # 每滿5,000人補助1名 (002 附件四 註一)
REMAINDER_FOR_EXTRA: Final = 2_500  # 餘額超過2,500人者，仍得酌予補助1名 (註一)
OVERLOAD_FACTOR: Final = Fraction(3, 2)  # 平均服務人數超過目標值1.5倍者得增加補助員額 (註一)


def _non_negative(field: str, value: int) -> None:
    if value < 0:
        raise ValidationError(field, f"{field} 不可為負數（{value}）。", f"{field} cannot be negative ({value}).")


# --- 結案率 -------------------------------------------------------------------------------------------------------


def closure_rate(closed: int, opened_this_year: int, open_from_last_year: int) -> Fraction | None:
    """年度結案率 = 結案個案數 ÷ (當年度新開案數 + 前一年度未結案數) (002 附件一 三(六)).

    Returns None when the denominator is 0 (no case opened this year and none carried over): the rate is
    undefined, and showing 0 % or 100 % would both be false. More closures than cases is inconsistent data and
    raises ValidationError rather than reporting a rate above 100 %.
    """
    for field, value in (
        ("closed", closed),
        ("opened_this_year", opened_this_year),
        ("open_from_last_year", open_from_last_year),
    ):
        _non_negative(field, value)
    caseload = opened_this_year + open_from_last_year
    if caseload == 0:
        if closed:
            raise ValidationError("closed", "沒有案量卻有結案數。", "Closures reported with no cases to close.")
        return None
    if closed > caseload:
        raise ValidationError(
            "closed",
            f"結案數 {closed} 大於新開案數與前一年度未結案數之和 {caseload}。",
            f"{closed} closures exceed the {caseload} cases that could be closed.",
        )
    return Fraction(closed, caseload)


def meets_closure_target(rate: Fraction | None) -> bool | None:
    """Whether a 結案率 reaches 30 %（含） (002 附件一 三(六)); None when the rate is undefined (no cases)."""
    if rate is None:
        return None
    return rate >= CLOSURE_TARGET


# --- 服務人數 -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ServedCount:
    """服務人數 with the carry-over cap of 002 附件四 註三 made visible."""

    opened_this_year: int
    open_from_last_year: int  # as reported, before the cap
    carry_over_cap: Fraction  # 職管員人數 × 目標服務人數 × 50 %; may be a half (1 × 45 × 50 % = 22.5)
    counted_carry_over: int  # min(reported, ⌊cap⌋): people are whole, and the cap is a maximum
    total: int  # 當年度開案數 + counted_carry_over
    target: int  # 職管員人數 × 目標服務人數

    @property
    def capped(self) -> bool:
        return self.counted_carry_over < self.open_from_last_year


def served_count(
    opened_this_year: int, open_from_last_year: int, case_managers: int, target_per_manager: int
) -> ServedCount:
    """服務人數 = 當年度開案數 + 前一年度未結案數, the latter counted up to 職管員人數 × 目標服務人數 × 50 %.

    Source: 002 附件四 註三 (各縣市前一年度未結案總數最高列計50%). A cap of x.5 counts ⌊x⌋ people, because the cap
    is a maximum and a person cannot be counted in halves.
    """
    for field, value in (
        ("opened_this_year", opened_this_year),
        ("open_from_last_year", open_from_last_year),
        ("case_managers", case_managers),
        ("target_per_manager", target_per_manager),
    ):
        _non_negative(field, value)
    cap = case_managers * target_per_manager * CARRY_OVER_SHARE
    counted = min(open_from_last_year, math.floor(cap))
    return ServedCount(
        opened_this_year=opened_this_year,
        open_from_last_year=open_from_last_year,
        carry_over_cap=cap,
        counted_carry_over=counted,
        total=opened_this_year + counted,
        target=case_managers * target_per_manager,
    )


def average_served(served: ServedCount, case_managers: int) -> Fraction | None:
    """每位職管員平均服務人數 (the figure 註一 compares with 1.5 × target); None without case managers."""
    _non_negative("case_managers", case_managers)
    return Fraction(served.total, case_managers) if case_managers else None


# --- 職管員員額 (staffing) -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Staffing:
    """Case-manager posts per 002 附件四 註一."""

    disabled_population_15_64: int
    full_units: int  # 每滿5,000人 1名
    remainder: int  # population left after the full units
    minimum_applied: bool  # 未達5,000人者，補助1名
    discretionary_extra: int  # 1 when 餘額超過2,500人 (仍得酌予補助: discretionary, so shown apart)
    total: int  # posts including the discretionary one
    eligible_for_more: bool | None  # 前一年度平均服務人數超過目標值1.5倍; None when not given


def staffing(
    disabled_population_15_64: int,
    last_year_avg_served: Fraction | float | None = None,
    target: int | None = None,
) -> Staffing:
    """補助職管員員額 from the disabled population aged 15–64 (002 附件四 註一).

    每滿5,000人補助1名; 未達5,000人者補助1名; 經核算後餘額超過2,500人者仍得酌予補助1名. The remainder rule applies
    after counting full units of 5,000, so 4,999 people give 1 post (the minimum), not 1 + 1. "超過" is strict:
    7,500 → 1, 7,501 → 2. A unit is eligible for more posts when last year's average per case manager
    exceeds 1.5 × `target` (also strict); that needs both `last_year_avg_served` and `target`.
    """
    _non_negative("disabled_population_15_64", disabled_population_15_64)
    full_units, remainder = divmod(disabled_population_15_64, POPULATION_PER_MANAGER)
    minimum_applied = full_units == 0
    extra = 1 if not minimum_applied and remainder > REMAINDER_FOR_EXTRA else 0
    eligible: bool | None = None
    if last_year_avg_served is not None:
        if target is None or target <= 0:
            raise ValidationError(
                "target",
                "判斷是否得增加員額需要每位職管員的目標服務人數。",
                "Judging eligibility for more posts needs the target per case manager.",
            )
        if last_year_avg_served < 0:
            raise ValidationError("last_year_avg_served", "平均服務人數不可為負數。", "Average cannot be negative.")
        eligible = last_year_avg_served > OVERLOAD_FACTOR * target
    return Staffing(
        disabled_population_15_64=disabled_population_15_64,
        full_units=full_units,
        remainder=remainder,
        minimum_applied=minimum_applied,
        discretionary_extra=extra,
        total=max(full_units, 1) + extra,
        eligible_for_more=eligible,
    )


def county_target(county: codes.County | str) -> int:
    """目標服務身障人數/每一職管員/每年 of a county (002 附件四, counties.yaml); accepts a County, code or name."""
    found = codes.county(county) if isinstance(county, str) else county
    return found.target_per_manager
