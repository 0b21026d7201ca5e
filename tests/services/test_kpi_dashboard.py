"""績效指標: the dashboard's figures are the foundation's KPIs, its distributions and trend count by hand, and every
bar lists the cases behind it."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest

from app.models import DisabilityCertificate, Employment
from app.models.enums import CertificateSystem, IntakeDecision, Programme
from app.services import kpi_report
from app.services.demo import generate_demo
from app.services.kpi_dashboard import (
    NO_CERTIFICATE,
    NO_TARGET_GROUP,
    DrillKey,
    Measure,
    dashboard,
    drill_case_ids,
)
from app.store.store import Store
from tests.factories import make_case, make_client

ON = date(2026, 11, 22)
VR, SE = Programme.VR, Programme.SUPPORTED_EMPLOYMENT


def insured(start_on: date, **values: Any) -> dict[str, Any]:
    return {
        "start_on": start_on,
        "labour_insurance_on": start_on,
        "employer": "某公司",
        "job_title": "清潔員",
        "hours_per_week": 40,
    } | values


@pytest.fixture
def unit(store: Store) -> dict[str, uuid.UUID]:
    """Five people. 甲 (VR, carried over from 2025, closed 2026-03) and 乙 (VR, opened 2026-02) are disabled and
    middle-aged; 丙 (SE, opened 2026-01) is placed 2026-05-04 with 12 days of support and stays: a 支持性 success
    in August; 丁 (SE, opened 2026-04) is placed 2026-09-01 (not yet 3 months); 戊 (VR) was closed in 2025."""
    ids: dict[str, uuid.UUID] = {}
    with store.transaction() as db:
        people = {
            "甲": make_client(name="甲", target_groups=["disabled", "middle_aged_elderly"]),
            "乙": make_client(name="乙", target_groups=["disabled"]),
            "丙": make_client(name="丙", target_groups=[]),
            "丁": make_client(name="丁", target_groups=["low_income"]),
            "戊": make_client(name="戊", target_groups=["disabled"]),
        }
        spec = {
            "甲": (VR, date(2025, 5, 1), date(2026, 3, 10), "cm.a"),
            "乙": (VR, date(2026, 2, 2), None, "cm.a"),
            "丙": (SE, date(2026, 1, 5), None, "cm.b"),
            "丁": (SE, date(2026, 4, 1), None, "cm.b"),
            "戊": (VR, date(2025, 1, 1), date(2025, 6, 1), "cm.a"),
        }
        cases = {}
        for name, (programme, opened_on, closed_on, owner) in spec.items():
            cases[name] = make_case(
                people[name],
                programme=programme,
                opened_on=opened_on,
                closed_on=closed_on,
                decision=IntakeDecision.OPEN,
                owner=owner,
            )
        db.add_all(cases.values())
        db.flush()
        # 甲's older certificate said 第1類; the latest says 第7類. 丙 and 丁 have none on record.
        db.add_all(
            [
                DisabilityCertificate(
                    client_id=people["甲"].id,
                    system=CertificateSystem.NEW,
                    categories=["icf_1"],
                    severity="mild",
                    issued_on=date(2018, 1, 1),
                ),
                DisabilityCertificate(
                    client_id=people["甲"].id,
                    system=CertificateSystem.NEW,
                    categories=["icf_7"],
                    severity="mild",
                    issued_on=date(2024, 1, 1),
                ),
                DisabilityCertificate(
                    client_id=people["乙"].id,
                    system=CertificateSystem.NEW,
                    categories=["icf_1", "icf_2"],
                    severity="moderate",
                    issued_on=date(2022, 1, 1),
                ),
            ]
        )
        db.add(
            Employment(case_id=cases["丙"].id, **insured(date(2026, 5, 4), supported=True, intensive_support_days=12))
        )
        db.add(Employment(case_id=cases["丁"].id, **insured(date(2026, 9, 1))))
        ids.update({name: case.id for name, case in cases.items()})
    return ids


def test_the_statutory_figures_are_year_kpi(store: Store, unit: dict[str, uuid.UUID]) -> None:
    with store.transaction() as db:
        board = dashboard(db, on=ON)
        expected = kpi_report.year_kpi(db, 2026, as_of=ON)
    assert board.kpi == expected
    assert (board.year, board.as_of) == (2026, ON)
    vr = board.kpi.vr
    assert (vr.opened_this_year, vr.open_from_last_year, vr.closed) == (1, 1, 1)
    assert (board.kpi.outcomes.placements, board.kpi.outcomes.employment_successes) == (2, 1)


def test_distributions_count_people_served_in_the_year(store: Store, unit: dict[str, uuid.UUID]) -> None:
    with store.transaction() as db:
        board = dashboard(db, on=ON)
        se_only = dashboard(db, on=ON, programme=SE)
    assert board.served_people == 4  # 戊 was closed in 2025
    assert [(s.code, s.people) for s in board.target_groups] == [
        ("middle_aged_elderly", 1),
        ("disabled", 2),
        ("low_income", 1),
        (NO_TARGET_GROUP, 1),
    ]
    # The latest certificate only: 甲 counts as 第7類, not 第1類.
    assert [(s.code, s.people) for s in board.disabilities] == [
        ("icf_1", 1),
        ("icf_2", 1),
        ("icf_7", 1),
        (NO_CERTIFICATE, 2),
    ]
    assert [(s.code, s.people) for s in se_only.target_groups] == [("low_income", 1), (NO_TARGET_GROUP, 1)]


def test_the_trend_counts_each_month(store: Store, unit: dict[str, uuid.UUID]) -> None:
    with store.transaction() as db:
        board = dashboard(db, on=ON)
        months = {f"{p.start:%Y-%m}": p for p in board.trend}
        assert list(months) == ["2025-12"] + [f"2026-{m:02d}" for m in range(1, 12)]
        assert {k: p.counts[Measure.OPENED] for k, p in months.items() if p.counts[Measure.OPENED]} == {
            "2026-01": 1,
            "2026-02": 1,
            "2026-04": 1,
        }
        assert {k: p.counts[Measure.CLOSED] for k, p in months.items() if p.counts[Measure.CLOSED]} == {"2026-03": 1}
        assert {k: p.counts[Measure.PLACED] for k, p in months.items() if p.counts[Measure.PLACED]} == {
            "2026-05": 1,
            "2026-09": 1,
        }
        # 丙's third month ends on 8/3.
        assert {k: p.counts[Measure.SUCCEEDED] for k, p in months.items() if p.counts[Measure.SUCCEEDED]} == {
            "2026-08": 1
        }
        # 丁's third month ends on 11/30, after today: the month so far is seen from today, not from its end.
        for point in board.trend:  # the same people as the monthly reports' period_outcomes
            total = kpi_report.period_outcomes(db, point.start, point.end, as_of=min(point.end, ON)).total
            assert (total.placed, total.succeeded) == (point.counts[Measure.PLACED], point.counts[Measure.SUCCEEDED])


def test_every_bar_lists_its_cases(store: Store, unit: dict[str, uuid.UUID]) -> None:
    with store.transaction() as db:
        board = dashboard(db, on=ON)

        def listed(key: DrillKey) -> list[uuid.UUID]:
            return drill_case_ids(db, key, as_of=ON)

        assert listed(board.year_key(Measure.VR_OPENED)) == [unit["乙"]]
        assert listed(board.year_key(Measure.VR_CARRIED)) == [unit["甲"]]
        assert listed(board.year_key(Measure.VR_CLOSED)) == [unit["甲"]]
        assert listed(board.year_key(Measure.VR_SERVED)) == [unit["甲"], unit["乙"]]
        assert listed(board.year_key(Measure.PLACED)) == [unit["丙"], unit["丁"]]
        assert listed(board.year_key(Measure.SUCCEEDED)) == [unit["丙"]]
        assert listed(board.year_key(Measure.SE_SUPPORTED)) == [unit["丙"]]
        assert listed(board.year_key(Measure.SE_GENERAL)) == []
        groups = {share.code: share.key for share in board.target_groups}
        assert listed(groups["disabled"]) == [unit["甲"], unit["乙"]]
        assert listed(groups[NO_TARGET_GROUP]) == [unit["丙"]]
        categories = {share.code: share.key for share in board.disabilities}
        assert listed(categories["icf_7"]) == [unit["甲"]]
        assert listed(categories[NO_CERTIFICATE]) == [unit["丙"], unit["丁"]]
        may = next(p for p in board.trend if p.start == date(2026, 5, 1))
        assert listed(may.key(Measure.PLACED)) == [unit["丙"]]
        march = next(p for p in board.trend if p.start == date(2026, 3, 1))
        assert listed(march.key(Measure.CLOSED)) == [unit["甲"]]


def test_the_people_behind_the_outcomes_are_period_outcomes_on_a_demo_team(store: Store) -> None:
    generate_demo(store, 150, seed=8, today=date(2026, 11, 20))
    with store.transaction() as db:
        periods = [(date(2026, 1, 1), date(2026, 12, 31)), (date(2026, 3, 1), date(2026, 3, 31))]
        for programme in (None, VR, SE):
            for period, people in zip(periods, kpi_report.period_people(db, periods, programme=programme), strict=True):
                total = kpi_report.period_outcomes(db, *period, programme=programme).total
                assert people.outcomes == total, (programme, period)
        year = kpi_report.supported_employment_year(db, 2026, as_of=ON).counts
        (individual,) = kpi_report.period_people(
            db, [(date(2026, 1, 1), date(2026, 12, 31))], as_of=ON, programme=SE, group_model=False
        )
        assert (len(individual.placed), len(individual.supported), len(individual.general)) == (
            year.placements,
            year.supported_successes,
            year.general_successes,
        )
        board = dashboard(db, on=ON)
        placed = drill_case_ids(db, board.year_key(Measure.PLACED), as_of=ON)
        assert len(placed) >= board.kpi.outcomes.placements > 0  # a person's every qualifying case is listed
