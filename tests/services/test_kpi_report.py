"""KPIs read from a real store agree with a hand count of the cases put in it."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Any

from app.models import Employment
from app.models.enums import EmploymentProof, IntakeDecision, Programme
from app.services.kpi_report import year_kpi
from app.store.store import Store
from tests.factories import make_case, make_client


def add_cases(store: Store, specs: list[tuple[Programme, date | None, date | None, str]]) -> list[object]:
    made = []
    with store.transaction() as db:
        for n, (programme, opened_on, closed_on, owner) in enumerate(specs):
            case = make_case(
                make_client(name=f"個案{n}"),
                programme=programme,
                opened_on=opened_on,
                closed_on=closed_on,
                decision=IntakeDecision.OPEN if opened_on else None,
                owner=owner,
                county="HUA",
            )
            db.add(case)
            made.append(case)
    return made


def test_closure_rate_and_served_count(store: Store) -> None:
    vr = Programme.VR
    add_cases(
        store,
        # carried into 2025: opened 2024 and not closed before 2025 (3 of them; the fourth closed in 2024)
        [(vr, date(2024, 3, 1), None, "cm.a"), (vr, date(2024, 5, 1), date(2025, 2, 1), "cm.a")]
        + [(vr, date(2024, 6, 1), date(2025, 8, 1), "cm.b"), (vr, date(2024, 7, 1), date(2024, 12, 1), "cm.b")]
        # opened in 2025: five, one of them closed in 2025
        + [(vr, date(2025, m, 1), None, "cm.a") for m in (1, 2, 3, 4)]
        + [(vr, date(2025, 5, 1), date(2025, 11, 1), "cm.b")]
        # not counted: never opened; another programme; opened 2026
        + [(vr, None, None, "cm.a"), (Programme.SUPPORTED_EMPLOYMENT, date(2025, 1, 1), None, "cm.c")]
        + [(vr, date(2026, 1, 5), None, "cm.a")],
    )
    with store.transaction() as db:
        result = year_kpi(db, 2025).vr
    assert (result.opened_this_year, result.open_from_last_year, result.closed) == (5, 3, 3)
    assert result.closure_rate == Fraction(3, 8)
    assert result.meets_closure_target is True
    assert result.county == "HUA" and result.case_managers == 2
    # 花蓮縣: 40 per case manager; the carry-over cap is 2 × 40 × 50 % = 40, so all 3 count.
    assert (result.served.target, result.served.total) == (80, 8)


def test_carry_over_cap_bites(store: Store) -> None:
    add_cases(store, [(Programme.VR, date(2024, 1, d), None, "cm.a") for d in range(1, 26)])
    with store.transaction() as db:
        served = year_kpi(db, 2025, case_managers=1).vr.served
    assert (served.counted_carry_over, served.total) == (20, 20)  # 1 × 40 × 50 %


def add_jobs(store: Store, case: Any, *jobs: dict[str, Any]) -> None:
    with store.transaction() as db:
        for values in jobs:
            base: dict[str, Any] = {"employer": "某公司", "job_title": "清潔員", "hours_per_week": 40}
            db.add(Employment(case_id=case.id, **(base | values)))


def insured(start_on: date, **values: Any) -> dict[str, Any]:
    """A job with 勞工保險 from its first day."""
    return {"start_on": start_on, "labour_insurance_on": start_on} | values


def test_placements_and_successes_count_people(store: Store) -> None:
    se, vr = Programme.SUPPORTED_EMPLOYMENT, Programme.VR
    with store.transaction() as db:
        ah = make_client(name="甲")  # one person with a 支持性 job, an 一般性 job, and a second case
        bei = make_client(name="乙")  # one person with two 一般性 jobs, one of them 偏鄉
        grouped = [make_client(name=name) for name in ("丙", "丁", "戊", "己", "庚")]  # 群組模式 only
        cases = {
            "甲": make_case(ah, programme=se, opened_on=date(2025, 1, 10), owner="cm.c"),
            "甲vr": make_case(ah, programme=vr, opened_on=date(2024, 6, 1), owner="cm.a"),
            "乙": make_case(bei, programme=se, opened_on=date(2025, 1, 10), owner="cm.c"),
        }
        # The same 就業服務員 also runs group placements, so the unit still has one coach (targets 12 and 6).
        cases |= {c.name: make_case(c, programme=se, opened_on=date(2025, 2, 1), owner="cm.c") for c in grouped}
        db.add_all(cases.values())
    add_jobs(
        store,
        cases["甲"],
        # kept 3 months in 2025 with 12 working days of intensive support → 支持性 success
        insured(date(2025, 2, 1), supported=True, intensive_support_days=12),
        # ended after 2 months → placement only
        insured(date(2025, 3, 1), end_on=date(2025, 4, 30)),
        # small firm proving the job with a payroll; 3 months done → would be 一般性, but 甲 is 支持性 already
        dict(start_on=date(2025, 4, 1), proof=EmploymentProof.PAYROLL, employer_size=4),
        # large firm without labour insurance → neither
        dict(start_on=date(2025, 5, 1), proof=EmploymentProof.PAYROLL, employer_size=50, hours_per_week=10),
    )
    add_jobs(store, cases["甲vr"], insured(date(2025, 6, 2)))  # 甲 again, through the VR case
    add_jobs(store, cases["乙"], insured(date(2025, 2, 3), remote_area=True), insured(date(2025, 3, 3)))
    # Group placements at one factory: three on 3/3 (戊 leaves 5/31), two more on 9/1.
    for name in ("丙", "丁"):
        add_jobs(store, cases[name], insured(date(2025, 3, 3), employer="某工廠", group_model=True))
    add_jobs(
        store, cases["戊"], insured(date(2025, 3, 3), employer="某工廠", group_model=True, end_on=date(2025, 5, 31))
    )
    for name in ("己", "庚"):
        add_jobs(store, cases[name], insured(date(2025, 9, 1), employer="某工廠", group_model=True))

    with store.transaction() as db:
        kpis = year_kpi(db, 2025, as_of=date(2025, 12, 31))

    # Individual model: 甲 and 乙 are placed; 甲 is a 支持性 success, 乙 an 一般性 one counting double (偏鄉).
    counts = kpis.supported_employment.counts
    assert (counts.placements, counts.placements_double) == (2, 1)
    assert (counts.supported_successes, counts.supported_successes_double) == (1, 0)
    assert (counts.general_successes, counts.general_successes_double) == (1, 1)
    result = kpis.supported_employment.result
    assert result is not None and result.targets.placements == 12
    assert (result.placements_counted, result.supported_successes_counted, result.general_successes_counted) == (
        3,
        1,
        2,
    )

    # Group model: 5 people placed in groups of 3 and 2; 丙 and 丁 stayed 6 months, 戊 left, 己 and 庚 have 4 so far.
    (group,) = kpis.supported_employment.group_model
    assert (group.owner, group.group_sizes) == ("cm.c", (3, 2))
    assert (group.result.clients_served, group.result.clients_stable_6_months) == (5, 2)
    assert group.result.stable_share == Fraction(2, 5)
    assert not (group.result.enough_clients or group.result.group_sizes_ok or group.result.stable_share_met)

    # Over every programme and model, in people: 推介成功 甲 乙 丙 丁 戊 己 庚; 就業成功 all but 戊.
    assert (kpis.outcomes.placements, kpis.outcomes.employment_successes) == (7, 6)


def test_group_model_alone_has_no_individual_placements(store: Store) -> None:
    cases = add_cases(store, [(Programme.SUPPORTED_EMPLOYMENT, date(2025, 1, 6), None, "cm.g") for _ in range(3)])
    for case in cases:
        add_jobs(store, case, insured(date(2025, 1, 6), employer="某工廠", group_model=True))
    with store.transaction() as db:
        se = year_kpi(db, 2025).supported_employment
    assert (se.counts.placements, se.counts.supported_successes, se.counts.general_successes) == (0, 0, 0)
    (group,) = se.group_model
    assert (group.group_sizes, group.result.clients_stable_6_months, group.result.stable_share_met) == ((3,), 3, True)
