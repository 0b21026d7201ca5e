"""KPIs read from a real store agree with a hand count of the cases put in it."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

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


def test_placements_and_successes(store: Store) -> None:
    (case,) = add_cases(store, [(Programme.SUPPORTED_EMPLOYMENT, date(2025, 1, 10), None, "cm.c")])
    jobs = [
        # insured from day one and kept 3 months in 2025, with 12 working days of intensive support → 支持性
        dict(
            start_on=date(2025, 2, 1), labour_insurance_on=date(2025, 2, 1), supported=True, intensive_support_days=12
        ),
        # insured, but only 5 days of intensive support and ended after 2 months → placement only
        dict(start_on=date(2025, 3, 1), labour_insurance_on=date(2025, 3, 1), end_on=date(2025, 4, 30)),
        # small firm proving the job with a payroll → placement; 3 months done → 一般性 success
        dict(start_on=date(2025, 4, 1), proof=EmploymentProof.PAYROLL, employer_size=4),
        # large firm without labour insurance → neither
        dict(start_on=date(2025, 5, 1), proof=EmploymentProof.PAYROLL, employer_size=50, hours_per_week=10),
    ]
    with store.transaction() as db:
        for values in jobs:
            base: dict[str, object] = {"employer": "某公司", "job_title": "清潔員", "hours_per_week": 40}
            db.add(Employment(case_id=case.id, **(base | values)))  # type: ignore[attr-defined]
    with store.transaction() as db:
        kpis = year_kpi(db, 2025, as_of=date(2025, 12, 31))
    counts = kpis.supported_employment.counts
    assert (counts.placements, counts.supported_successes, counts.general_successes) == (3, 1, 1)
    assert (kpis.outcomes.placements, kpis.outcomes.employment_successes) == (3, 2)
    result = kpis.supported_employment.result
    assert result is not None and result.targets.placements == 12
