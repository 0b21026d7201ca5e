"""The supervisor's server endpoints: the team overview and KPIs computed in SQL equal what the laptop's own
foundation functions compute from the same records, and the audit log; every endpoint keeps teams apart (a
supervisor of team B reads nothing of team A) and answers a case manager 403.

The fixture is real field work: two case managers of team A and one of team B each generate demo cases on their own
encrypted laptop and sync them to the server with the real sync client; team A's supervisor syncs too, so the
supervisor's laptop holds exactly the records the server aggregates, and the foundation functions
(app.services.team_overview, kpi_report, kpi) run on them there.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import keyring
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Case, Client
from app.models.enums import Programme
from app.services import clock, kpi, kpi_report
from app.services.demo import generate_demo
from app.services.team_overview import team_overview
from app.store.store import Store
from app.sync.client import login, sync
from app.sync.transport import Transport
from server.models import Role
from tests.conftest import MemoryKeyring
from tests.server.support import PASSWORD, Api, Env

TODAY = date(2026, 11, 20)


@dataclass
class World:
    env: Env
    team_a: str
    team_b: str
    managers_a: tuple[str, str]
    manager_b: str
    supervisor_a: Api
    supervisor_b: Api
    case_manager: Api
    admin: Api
    laptop: Store  # team A's supervisor's, synced
    clients_a: set[str]
    clients_b: set[str]


def _laptop(env: Env, folder: Path, username: str, cases: int, seed: int) -> Store:
    store = Store.open(folder / f"{username}.db", actor=username)
    if cases:
        generate_demo(store, cases, seed=seed, today=TODAY, owner=username)
    with Transport(env.server.base_url) as transport:
        login(store, env.server.base_url, username, PASSWORD, "laptop", transport=transport)
    report = sync(store)
    assert report.rejected == 0 and not report.drift, report
    return store


def _client_ids(store: Store) -> set[str]:
    with store.transaction() as session:
        return {str(i) for i in session.scalars(select(Client.id))}


def _conflict(api: Api, case_id: str) -> None:
    """A same-field clash on a case record: the server keeps its value and records a conflict."""
    version = api.records()[case_id]["version"]
    op = api.op("case", case_id, {"unit": "另一個單位"}, base_version=version - 1, bases={"unit": "不是現在的值"})
    assert api.push_one(op)["status"] == "conflict"


@pytest.fixture(scope="module")
def world(env: Env, tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    folder = tmp_path_factory.mktemp("laptops")
    team_a, team_b = env.team(), env.team()
    cm_a1, cm_a2 = env.user(team=team_a, prefix="cmA"), env.user(team=team_a, prefix="cmA")
    cm_b = env.user(team=team_b, prefix="cmB")
    sup_a = env.user(Role.SUPERVISOR, team=team_a, prefix="supA")
    sup_b = env.user(Role.SUPERVISOR, team=team_b, prefix="supB")
    stores = [_laptop(env, folder, cm_a1, 30, 1), _laptop(env, folder, cm_a2, 24, 2), _laptop(env, folder, cm_b, 12, 3)]
    try:
        owner_a1 = env.login(cm_a1)
        for case_id in [r["id"] for r in owner_a1.records().values() if r["record_type"] == "case"][:2]:
            _conflict(owner_a1, case_id)
        laptop = _laptop(env, folder, sup_a, 0, 0)
        stores.append(laptop)
        yield World(
            env=env,
            team_a=team_a,
            team_b=team_b,
            managers_a=(cm_a1, cm_a2),
            manager_b=cm_b,
            supervisor_a=env.login(sup_a),
            supervisor_b=env.login(sup_b),
            case_manager=owner_a1,
            admin=env.login(env.user(Role.ADMIN, team=team_a, prefix="adm")),
            laptop=laptop,
            clients_a=_client_ids(stores[0]) | _client_ids(stores[1]),
            clients_b=_client_ids(stores[2]),
        )
    finally:
        for store in stores:
            store.close()
        keyring.set_keyring(previous)


def _get(api: Api, path: str, **params: Any) -> Any:
    response = api.client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_the_overview_in_sql_equals_the_laptops_team_overview(world: World) -> None:
    server = _get(world.supervisor_a, "/api/v1/team/overview", on=TODAY.isoformat())
    assert server["team"] == world.team_a and [row["owner"] for row in server["rows"]] == sorted(world.managers_a)
    with world.laptop.transaction() as session:
        local = team_overview(session, TODAY, owners=set(world.managers_a))
    expected = {
        row.owner: (row.open_cases, row.new_this_month, row.contact_days_max, row.contact_days_median, row.conflicts)
        for row in local.rows
    }
    got = {
        row["owner"]: (
            row["open_cases"],
            row["new_this_month"],
            row["contact_days_max"],
            row["contact_days_median"],
            row["conflicts"],
        )
        for row in server["rows"]
    }
    assert got == expected
    assert sum(row["conflicts"] for row in server["rows"]) == 2 and server["total"]["conflicts"] == 2
    assert server["total"]["open_cases"] == local.total.open_cases > 0
    assert server["total"]["contact_days_max"] == local.total.contact_days_max
    assert server["total"]["contact_days_median"] == local.total.contact_days_median


@pytest.mark.parametrize("year", [TODAY.year, TODAY.year - 1])
def test_the_kpis_in_sql_equal_the_foundation_functions(world: World, year: int) -> None:
    as_of = min(TODAY, date(year, 12, 31))
    server = _get(world.supervisor_a, "/api/v1/team/kpi", year=year, as_of=as_of.isoformat())
    with world.laptop.transaction() as session:
        counts = kpi_report.vr_counts_by_owner(session, year)
        outcomes = kpi_report.period_outcomes(session, date(year, 1, 1), date(year, 12, 31), as_of=as_of)
        served = {row.owner: row.served for row in team_overview(session, as_of, owners=set(world.managers_a)).rows}
        counties = _most_frequent_counties(session, year)
    for row in server["rows"]:
        owner = row["owner"]
        mine = counts.get(owner, {})
        opened, carried, closed = (mine.get(which, 0) for which in kpi_report.VrCount)
        rate = kpi.closure_rate(closed, opened, carried)
        assert (row["opened"], row["carried"], row["closed"]) == (opened, carried, closed), owner
        assert row["closure_denominator"] == opened + carried
        assert row["closure_rate"] == (float(rate) if rate is not None else None)
        assert row["meets_closure_target"] == kpi.meets_closure_target(rate)
        counted = kpi.served_count(opened, carried, 1, kpi.county_target(row["county"]))
        assert (row["served"], row["served_target"], row["served_capped"]) == (
            counted.total,
            counted.target,
            counted.capped,
        )
        assert row["county"] in counties[owner]  # the county of most of their VR cases served in the year
        if year == TODAY.year and len(counties[owner]) == 1:
            assert (row["served"], row["served_target"]) == (served[owner].total, served[owner].target), owner
        people = outcomes.owner(owner)
        got = (row["placed"], row["supported_successes"], row["general_successes"], row["employment_successes"])
        assert got == (people.placed, people.supported_successes, people.general_successes, people.succeeded), owner
    total = server["total"]
    assert total["placed"] == outcomes.total.placed and total["employment_successes"] == outcomes.total.succeeded
    assert sum(row["opened"] + row["carried"] + row["closed"] for row in server["rows"]) > 0
    if total["closure_rate"] is not None:
        assert total["closure_rate"] == pytest.approx(total["closed"] / total["closure_denominator"])


def _most_frequent_counties(session: Session, year: int) -> dict[str, set[str]]:
    """Each owner's most frequent counties (ties kept) among their VR cases served in `year`."""
    counted: dict[str, Counter[str]] = defaultdict(Counter)
    served = kpi_report.served_in(date(year, 1, 1), date(year, 12, 31))
    for owner, county in session.execute(select(Case.owner, Case.county).where(Case.programme == Programme.VR, served)):
        counted[owner][county] += 1
    return {
        owner: {county for county, n in found.items() if n == max(found.values())} for owner, found in counted.items()
    }


def test_case_managers_get_403_from_every_endpoint(world: World) -> None:
    for path in ("/api/v1/team/overview", "/api/v1/team/kpi", "/api/v1/audit"):
        response = world.case_manager.client.get(path)
        assert response.status_code == 403 and response.json()["detail"]["code"] == "scope", path


def test_a_supervisor_sees_nothing_of_another_team(world: World) -> None:
    other = world.supervisor_b
    overview = _get(other, "/api/v1/team/overview")
    kpis = _get(other, "/api/v1/team/kpi")
    assert [row["owner"] for row in overview["rows"]] == [world.manager_b]
    assert [row["owner"] for row in kpis["rows"]] == [world.manager_b]
    for path in ("/api/v1/team/overview", "/api/v1/team/kpi"):
        response = other.client.get(path, params={"team": world.team_a})
        assert response.status_code == 403, path
    entries = _get(other, "/api/v1/audit", limit=1000)["entries"]
    assert entries and all(e["client_id"] is None or e["client_id"] in world.clients_b for e in entries)
    assert not {e["username"] for e in entries} & {*world.managers_a, world.supervisor_a.username}
    some_client = sorted(world.clients_a)[0]
    assert _get(other, "/api/v1/audit", client_id=some_client)["entries"] == []


def test_the_audit_log_says_who_opened_or_changed_which_record_from_which_device(world: World) -> None:
    owner = world.managers_a[0]
    with world.laptop.transaction() as session:
        client_id = str(session.scalars(select(Client.id).join(Client.cases).where(Client.cases.any())).first())
    page = _get(world.supervisor_a, "/api/v1/audit", client_id=client_id, limit=1000)
    actions = {(e["username"], e["action"]) for e in page["entries"]}
    assert {e["client_id"] for e in page["entries"]} == {client_id}
    writers = [e for e in page["entries"] if e["action"] == "write"]
    assert any(e["device_name"] == "laptop" and e["device_id"] for e in writers), writers
    assert (world.supervisor_a.username, "read") in actions  # the supervisor's laptop pulled the client's file
    mine = _get(world.supervisor_a, "/api/v1/audit", user=owner, since=clock.today().isoformat(), limit=5)
    assert len(mine["entries"]) == 5 and mine["more"] and {e["username"] for e in mine["entries"]} == {owner}
    assert _get(world.supervisor_a, "/api/v1/audit", until="2000-01-01")["entries"] == []
    everything = _get(world.admin, "/api/v1/audit", client_id=sorted(world.clients_b)[0])["entries"]
    assert everything  # an administrator reads every team's entries


def test_an_admin_names_the_team_for_the_figures(world: World) -> None:
    assert world.admin.client.get("/api/v1/team/overview").status_code == 422
    assert world.admin.client.get("/api/v1/team/kpi", params={"team": "no such team"}).status_code == 404
    rows = _get(world.admin, "/api/v1/team/overview", team=world.team_a)["rows"]
    assert [row["owner"] for row in rows] == sorted(world.managers_a)
