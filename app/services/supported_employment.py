"""Supported-employment (支持性就業服務) definitions and performance figures of seed 003.

Sources, all in 003_7fd14cae9494880a.txt: 三(三) 服務模式 and 服務績效, 三(四) 推介成功, 三(五) 就業成功,
三(六) 職場適應服務, 四 預期效益. Pure functions over plain values; counts are whole people and ratios are
`Fraction`s so that boundary cases (exactly 2/3, exactly 70 %) come out as the text says.
"""

from __future__ import annotations

import calendar
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from typing import Final

from app.errors import ValidationError
from app.models.enums import EmploymentProof

PLACEMENTS_PER_COACH: Final = 12  # 推介成功總人數 = 就業服務員人數 × 12 (三(三)1(2))
SUPPORTED_SUCCESSES_PER_COACH: Final = 6  # 支持性就業成功總數 = 就業服務員人數 × 6 (三(三)1(2))
CASELOAD_PER_COACH: Final = 20  # 每名就業服務員年度服務個案量至少20名 (四(二))
GENERAL_PER_SUPPORTED: Final = 3  # 一般性就業成功3人可換算為支持性就業成功1人 (三(三)1(2))
SUPPORTED_MIN_SHARE: Final = Fraction(2, 3)  # 支持性就業成功人數應至少占就業成功總人數三分之二
DOUBLE_COUNT_WEIGHT: Final = 2  # 偏鄉地區或高度支持需求之困難個案 … 1人以2人計
MAX_OFFSET_PER_COACH: Final = 2  # 職場適應服務: 每位支持性就業服務員每年度至多扣抵2人 (三(六)3)
GROUP_MIN_CLIENTS: Final = 9  # 群組服務模式: 每年至少服務9名 (三(三)2)
GROUP_MIN_PER_PLACEMENT: Final = 3  # 每次至少3人
GROUP_MIN_STABLE_SHARE: Final = Fraction(70, 100)  # 至少百分之七十穩定就業6個月以上
GROUP_STABLE_MONTHS: Final = 6
INTENSIVE_SUPPORT_MIN_WORKING_DAYS: Final = 10  # 至少2週（10個工作天）以上之密集輔導 (三(三)1(1))
EMPLOYMENT_SUCCESS_MONTHS: Final = 3  # 就業成功: 競爭性職場就業3個月以上 (三(五))
MIN_WEEKLY_HOURS: Final = 20  # 部分工時者至少每週工作20小時 (三(五))
SMALL_FIRM_MAX_SIZE: Final = 5  # 5人以下之公司行號 (以下 includes 5) (三(四))
# 三(四): for firms of ≤ 5 people these prove the job instead of 勞工保險. The seed ends the list with 等, so an agency
# may accept more; add them to EmploymentProof and here.
SMALL_FIRM_PROOFS: Final = frozenset(
    {
        EmploymentProof.EMPLOYMENT_INSURANCE,
        EmploymentProof.EMPLOYMENT_CERTIFICATE,
        EmploymentProof.PAYROLL,
        EmploymentProof.TIME_CARD,
        EmploymentProof.SIGN_IN_SHEET,
    }
)
# 三(三)1(1): a 支持性 case must also have these 職重系統 forms completed; checked by the forms module, not here.
REQUIRED_FORMS: Final = ("表0C", "表2-1", "表2-4", "表3-1", "表3-2", "表4-1")


def _non_negative(**values: int) -> None:
    for field, value in values.items():
        if value < 0:
            raise ValidationError(field, f"{field} 不可為負數（{value}）。", f"{field} cannot be negative ({value}).")


def _subset(field: str, part: int, whole: int) -> None:
    if part > whole:
        raise ValidationError(
            field,
            f"{field}（{part}）不可大於總數（{whole}）。",
            f"{field} ({part}) cannot exceed the total ({whole}).",
        )


# --- definitions of one case ---------------------------------------------------------------------------------------


def is_supported_employment(intensive_support_working_days: int) -> bool:
    """支持性就業服務: at least 2 weeks (10 working days) of 密集輔導; less is 一般性就業服務 (003 三(三)1(1)).

    The same paragraph also requires the forms in REQUIRED_FORMS; their completeness is not a number of days and
    is checked where the forms are.
    """
    _non_negative(intensive_support_working_days=intensive_support_working_days)
    return intensive_support_working_days >= INTENSIVE_SUPPORT_MIN_WORKING_DAYS


def is_placement_success(
    *, competitive: bool, days_worked: int, proofs: Collection[EmploymentProof], employer_size: int | None = None
) -> bool:
    """推介成功: placed in a competitive job for ≥ 1 day with 勞工保險 (003 三(四)).

    For firms of ≤ 5 people (5人以下) 就業保險, 僱用證明, 薪資名冊, 打卡單 or 簽到表 also prove the job. An unknown
    employer size only accepts 勞工保險: the exception needs the size to be known.
    """
    _non_negative(days_worked=days_worked)
    if not competitive or days_worked < 1:
        return False
    if EmploymentProof.LABOUR_INSURANCE in proofs:
        return True
    small_firm = employer_size is not None and employer_size <= SMALL_FIRM_MAX_SIZE
    return small_firm and any(proof in SMALL_FIRM_PROOFS for proof in proofs)


def period_last_day(start: date, months: int) -> date:
    """The last day of a period of `months` calendar months whose first day is `start`.

    Follows 民法 §121 II: the day before the corresponding day of the last month, or that month's last day when
    it has no corresponding day (1/15 + 3 months → 4/14; 11/30 + 3 months → 2/28 or 2/29). The first day counts
    in full because a job starts at the beginning of the working day.
    """
    year, month_index = divmod(start.month - 1 + months, 12)
    year += start.year
    month = month_index + 1
    days_in_month = calendar.monthrange(year, month)[1]
    if start.day > days_in_month:
        return date(year, month, days_in_month)
    return date(year, month, start.day) - timedelta(days=1)


def has_worked_months(first_day: date, last_day: date, months: int) -> bool:
    """Whether employment from `first_day` to `last_day` (both inclusive) covers `months` full calendar months."""
    if last_day < first_day:
        raise ValidationError("last_day", "最後在職日早於到職日。", "The last day is before the first day.")
    return last_day >= period_last_day(first_day, months)


def is_employment_success(
    *,
    competitive: bool,
    first_day: date,
    last_day: date,
    hours_per_week: float,
    lawful_terms: bool,
    employed_before_service: bool = False,
    service_start: date | None = None,
) -> bool:
    """就業成功: competitive employment for ≥ 3 months on lawful terms, ≥ 20 h/week when part-time (003 三(五)).

    `last_day` is the last day employed so far (or the as-of date). A client already employed before the 就服員
    started (就服員開始服務前已在職) counts when still employed 3 months after `service_start`. The 20-hour floor
    is applied to every job: a job under 20 hours a week is part-time by definition, so this is the seed's rule.
    """
    if hours_per_week < 0:
        raise ValidationError("hours_per_week", "每週工時不可為負數。", "Weekly hours cannot be negative.")
    start = first_day
    if employed_before_service:
        if service_start is None:
            raise ValidationError(
                "service_start", "服務前已在職者需要服務開始日。", "Employed-before-service needs the service start."
            )
        if service_start < first_day:
            raise ValidationError(
                "service_start",
                "服務開始日早於到職日，不是服務前已在職。",
                "Service started before the job, so the client was not employed before service.",
            )
        start = service_start
    if last_day < first_day:
        raise ValidationError("last_day", "最後在職日早於到職日。", "The last day is before the first day.")
    if not competitive or not lawful_terms or hours_per_week < MIN_WEEKLY_HOURS or last_day < start:
        return False
    return has_worked_months(start, last_day, EMPLOYMENT_SUCCESS_MONTHS)


def counted_weight(*, remote_area: bool, high_support: bool) -> int:
    """How many people one 推介成功/就業成功 counts as: 2 for 偏鄉 or 高度支持需求 cases, else 1 (003 三(三)1(2)).

    A case that is both counts 2, not 4: the seed doubles "前開服務倘屬偏鄉地區或高度支持需求之困難個案者" once.
    """
    return DOUBLE_COUNT_WEIGHT if remote_area or high_support else 1


# --- targets and achievement of a unit -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SupportedEmploymentTargets:
    job_coaches: int
    placements: int  # 推介成功
    supported_successes: int  # 支持性就業成功
    served: int  # 服務個案量


def supported_employment_targets(job_coaches: int) -> SupportedEmploymentTargets:
    """Yearly targets of individual-model 就業服務員 (003 三(三)1(2), 四(一)(二)).

    推介成功 = coaches × 12, 支持性就業成功 = coaches × 6, served = coaches × 20; 003 四: 22 → 264, 132, 440.
    """
    _non_negative(job_coaches=job_coaches)
    return SupportedEmploymentTargets(
        job_coaches=job_coaches,
        placements=job_coaches * PLACEMENTS_PER_COACH,
        supported_successes=job_coaches * SUPPORTED_SUCCESSES_PER_COACH,
        served=job_coaches * CASELOAD_PER_COACH,
    )


def workplace_adaptation_offset(clients_served: int) -> int:
    """推介成功 offset earned by one 就業服務員's 職場適應服務 in a year (003 三(六)3).

    5 clients → 1, 8 → 2, at most 2 per coach per year, so 16 clients still offset 2.
    """
    _non_negative(clients_served=clients_served)
    if clients_served >= 8:
        return MAX_OFFSET_PER_COACH
    return 1 if clients_served >= 5 else 0


@dataclass(frozen=True)
class CaseloadCount:
    """One 就業服務員's yearly caseload with old cases counted up to half of it (003 四(二))."""

    new_cases: int
    old_cases: int
    counted_old_cases: int
    counted: int

    @property
    def met(self) -> bool:
        return self.counted >= CASELOAD_PER_COACH


def counted_caseload(new_cases: int, old_cases: int) -> CaseloadCount:
    """服務個案量 ≥ 20 with 舊案比例不得超過50%，超過部分不予列計 (003 四(二)).

    Old cases may be at most half of the counted caseload, so at most as many old as new cases count. (Reading the
    50 % as "of the 20-case target" instead gives the same pass/fail: both need ≥ 10 new and ≥ 20 in all.)
    """
    _non_negative(new_cases=new_cases, old_cases=old_cases)
    counted_old = min(old_cases, new_cases)
    return CaseloadCount(new_cases, old_cases, counted_old, new_cases + counted_old)


@dataclass(frozen=True)
class CoachYear:
    """One individual-model 就業服務員's year: caseload and 職場適應服務 clients (both capped per coach)."""

    new_cases: int
    old_cases: int
    workplace_adaptation_clients: int = 0


@dataclass(frozen=True)
class SupportedEmploymentCounts:
    """A unit's yearly counts. Each `*_double` is how many of the preceding count are 偏鄉/高度支持 cases."""

    coaches: tuple[CoachYear, ...]
    placements: int  # 推介成功 (people)
    placements_double: int
    supported_successes: int  # 支持性就業成功
    supported_successes_double: int
    general_successes: int  # 一般性就業成功
    general_successes_double: int


@dataclass(frozen=True)
class SupportedEmploymentResult:
    targets: SupportedEmploymentTargets
    placement_offset: int  # from 職場適應服務, already capped per coach
    placements_required: int  # targets.placements − placement_offset
    placements_counted: int  # with double counting
    supported_successes_counted: int  # with double counting
    general_successes_counted: int  # with double counting
    general_converted: int  # ⌊general_successes_counted / 3⌋ (3 一般性 → 1 支持性; a remainder does not count)
    supported_successes_total: int  # supported_successes_counted + general_converted
    two_thirds_rule_met: bool  # 支持性 ≥ 2/3 of all 就業成功 (counted)
    caseloads: tuple[CaseloadCount, ...]
    served_counted: int

    @property
    def placements_met(self) -> bool:
        return self.placements_counted >= self.placements_required

    @property
    def supported_successes_met(self) -> bool:
        return self.supported_successes_total >= self.targets.supported_successes and self.two_thirds_rule_met

    @property
    def caseload_met(self) -> bool:
        """Every coach has ≥ 20 counted cases (the target is per coach, 003 四(二))."""
        return all(caseload.met for caseload in self.caseloads)

    @property
    def achieved(self) -> bool:
        return self.placements_met and self.supported_successes_met and self.caseload_met


def evaluate_supported_employment(counts: SupportedEmploymentCounts) -> SupportedEmploymentResult:
    """Whether a unit's individual-model 就業服務員 reached the yearly targets of 003 三(三)1(2), 三(六)3 and 四.

    Double counting (1人以2人計) applies to every 推介成功 and 就業成功 figure, including both sides of the
    2/3 rule: the seed states it for "前開服務" after the rule. The 2/3 rule is a condition of reaching the
    支持性就業成功 target (但…應至少占…三分之二), not a cap on how many 一般性 successes convert.
    """
    if not counts.coaches:
        raise ValidationError("coaches", "至少需要一位就業服務員。", "At least one job coach is needed.")
    _non_negative(
        placements=counts.placements,
        placements_double=counts.placements_double,
        supported_successes=counts.supported_successes,
        supported_successes_double=counts.supported_successes_double,
        general_successes=counts.general_successes,
        general_successes_double=counts.general_successes_double,
    )
    _subset("placements_double", counts.placements_double, counts.placements)
    _subset("supported_successes_double", counts.supported_successes_double, counts.supported_successes)
    _subset("general_successes_double", counts.general_successes_double, counts.general_successes)
    targets = supported_employment_targets(len(counts.coaches))
    offset = sum(workplace_adaptation_offset(coach.workplace_adaptation_clients) for coach in counts.coaches)
    # Each double-counted person adds one more to the headcount.
    supported = counts.supported_successes + counts.supported_successes_double
    general = counts.general_successes + counts.general_successes_double
    converted = general // GENERAL_PER_SUPPORTED
    caseloads = tuple(counted_caseload(coach.new_cases, coach.old_cases) for coach in counts.coaches)
    return SupportedEmploymentResult(
        targets=targets,
        placement_offset=offset,
        placements_required=targets.placements - offset,
        placements_counted=counts.placements + counts.placements_double,
        supported_successes_counted=supported,
        general_successes_counted=general,
        general_converted=converted,
        supported_successes_total=supported + converted,
        two_thirds_rule_met=supported >= SUPPORTED_MIN_SHARE * (supported + general),
        caseloads=caseloads,
        served_counted=sum(caseload.counted for caseload in caseloads),
    )


# --- group model -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupModelResult:
    """One group-model (群組服務模式) 就業服務員's year, 003 三(三)2."""

    clients_served: int
    clients_stable_6_months: int
    stable_share: Fraction | None  # None when nobody was served
    enough_clients: bool  # ≥ 9 a year
    group_sizes_ok: bool  # every placement had ≥ 3 clients
    stable_share_met: bool  # ≥ 70 % employed ≥ 6 months

    @property
    def met(self) -> bool:
        return self.enough_clients and self.group_sizes_ok and self.stable_share_met


def evaluate_group_model(
    clients_served: int, clients_stable_6_months: int, placement_group_sizes: Sequence[int]
) -> GroupModelResult:
    """群組服務模式: ≥ 9 long-term-support clients a year, ≥ 3 per placement, ≥ 70 % stably employed ≥ 6 months.

    Source 003 三(三)2. Use `has_worked_months(first, last, GROUP_STABLE_MONTHS)` to decide who is stable.
    """
    _non_negative(clients_served=clients_served, clients_stable_6_months=clients_stable_6_months)
    _subset("clients_stable_6_months", clients_stable_6_months, clients_served)
    for size in placement_group_sizes:
        _non_negative(placement_group_size=size)
    share = Fraction(clients_stable_6_months, clients_served) if clients_served else None
    return GroupModelResult(
        clients_served=clients_served,
        clients_stable_6_months=clients_stable_6_months,
        stable_share=share,
        enough_clients=clients_served >= GROUP_MIN_CLIENTS,
        group_sizes_ok=bool(placement_group_sizes)
        and all(size >= GROUP_MIN_PER_PLACEMENT for size in placement_group_sizes),
        stable_share_met=share is not None and share >= GROUP_MIN_STABLE_SHARE,
    )
