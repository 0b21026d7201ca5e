"""Pull: pages in version order with a resumable cursor, the drift hash on the last page only, reads audited, and a
case transfer (移案) arriving as a scope removal for the old owner and as full records for the new one."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select

from server.models import AuditLog, Role
from tests.server.support import Api, Env


def _caseload(api: Api, records: int) -> tuple[str, str, list[str]]:
    client_id, case_id = api.caseload()
    ops = [api.new_record(case_id, notes=f"第 {n} 次") for n in range(records)]
    assert all(r["status"] == "applied" for r in api.push(*(op for _, op in ops)))
    return client_id, case_id, [record_id for record_id, _ in ops]


def test_pages_come_in_version_order_and_resume_at_the_cursor(env: Env) -> None:
    api = env.login(env.user())
    _caseload(api, 11)  # 13 records
    everything, cursor, final_hash = api.pull()
    versions = [item["version"] for item in everything]
    assert versions == sorted(versions) and len(set(versions)) == len(versions)

    pages, since = [], 0
    while True:
        page = api.page(since, limit=4)
        pages.append(page)
        assert page["cursor"] == (page["items"][-1]["version"] if page["items"] else since)
        since = page["cursor"]
        if not page["more"]:
            break
    assert [len(p["items"]) for p in pages] == [4, 4, 4, len(everything) - 12]
    assert all(p["scope_hash"] is None for p in pages[:-1]) and pages[-1]["scope_hash"] == final_hash
    assert [i["version"] for p in pages for i in p["items"]] == versions
    assert since == cursor

    past_the_end = api.page(cursor + 1000)
    assert (past_the_end["items"], past_the_end["cursor"], past_the_end["more"]) == ([], cursor + 1000, False)
    resumed = api.page(versions[5], limit=1000)
    assert [i["version"] for i in resumed["items"]] == versions[6:]


def test_cursor_and_limit_are_checked(env: Env) -> None:
    api = env.login(env.user())
    for params in ({"limit": 1001}, {"limit": 0}, {"since": -1}, {"since": "abc"}, {"since": 2**70}):
        response = api.client.get("/api/v1/sync/changes", params=params)
        assert response.status_code == 422, params
        assert response.json()["detail"]["code"] == "invalid"


def test_every_record_a_pull_returns_is_audited_as_read(env: Env) -> None:
    api = env.login(env.user())
    _, _, record_ids = _caseload(api, 3)
    api.pull()
    with env.database.unit() as session:
        reads = session.scalar(select(func.count()).where(AuditLog.username == api.username, AuditLog.action == "read"))
        read_ids = set(session.scalars(select(AuditLog.record_id).where(AuditLog.username == api.username)))
    assert reads == 5  # client, case, three records
    assert {uuid.UUID(r) for r in record_ids} <= read_ids


def test_a_transfer_removes_the_case_from_the_old_owner_and_brings_all_of_it_to_the_new(env: Env) -> None:
    team = env.team()
    old = env.login(env.user(team=team, prefix="cm"))
    new = env.login(env.user(team=team, prefix="cm"))
    supervisor = env.login(env.user(Role.SUPERVISOR, team=team, prefix="sup"))
    client_id, case_id, record_ids = _caseload(old, 2)
    kept_client, kept_case, _ = _caseload(old, 0)
    _, new_cursor, _ = new.pull()
    _, sup_cursor, _ = supervisor.pull()
    _, old_cursor, _ = old.pull()
    case_version = old.records()[case_id]["version"]

    transfer = old.op(
        "case_transfer",
        uuid.uuid4(),
        {"case_id": case_id, "from_owner": old.username, "to_owner": new.username, "transferred_on": "2025-06-01"},
        op="insert",
    )
    owner_change = old.op(
        "case", case_id, {"owner": new.username}, base_version=case_version, bases={"owner": old.username}
    )
    assert [r["status"] for r in old.push(transfer, owner_change)] == ["applied", "applied"]

    items, _, old_hash = old.pull(old_cursor)
    assert [(i["kind"], i["case_id"], i["client_id"]) for i in items] == [("scope_removal", case_id, client_id)]
    remaining = old.records()
    assert old_hash == old.pull()[2]  # the drift hash no longer counts the case that left
    assert case_id not in remaining and client_id not in remaining and kept_case in remaining
    assert kept_client in remaining

    arrived = new.records(new_cursor)
    assert {client_id, case_id, *record_ids, transfer["record_id"]} <= set(arrived)
    assert arrived[case_id]["data"]["owner"] == new.username
    assert not [i for i in new.pull(new_cursor)[0] if i["kind"] == "scope_removal"]

    sup_items = supervisor.pull(sup_cursor)[0]  # same team: no removal, the re-versioned records again
    assert not [i for i in sup_items if i["kind"] == "scope_removal"]
    assert case_id in {i.get("id") for i in sup_items}

    edit = old.push_one(old.op("service_record", record_ids[0], {"notes": "移案後"}, base_version=0))
    assert edit["code"] == "scope"


def test_a_transfer_to_another_team_removes_it_from_the_old_supervisor(env: Env) -> None:
    team_a, team_b = env.team(), env.team()
    old = env.login(env.user(team=team_a, prefix="cm"))
    new = env.login(env.user(team=team_b, prefix="cm"))
    supervisor = env.login(env.user(Role.SUPERVISOR, team=team_a, prefix="sup"))
    new_supervisor = env.login(env.user(Role.SUPERVISOR, team=team_b, prefix="sup"))
    client_id, case_id, _ = _caseload(old, 1)
    _, sup_cursor, _ = supervisor.pull()
    _, new_sup_cursor, _ = new_supervisor.pull()
    # the supervisor of the old team hands it over
    owner_change = supervisor.op(
        "case", case_id, {"owner": new.username}, base_version=0, bases={"owner": old.username}
    )
    assert supervisor.push_one(owner_change)["status"] == "merged"  # base 0: the case moved on since, no clash
    removal = [i for i in supervisor.pull(sup_cursor)[0] if i["kind"] == "scope_removal"]
    assert [(i["case_id"], i["client_id"]) for i in removal] == [(case_id, client_id)]
    assert {client_id, case_id} <= set(new_supervisor.records(new_sup_cursor))


def test_a_transfer_needs_an_existing_case_manager(env: Env) -> None:
    api = env.login(env.user())
    supervisor = env.user(Role.SUPERVISOR)
    _, case_id = api.caseload()
    for target in ("nobody.here", supervisor):
        result = api.push_one(api.op("case", case_id, {"owner": target}, base_version=0, bases={"owner": api.username}))
        assert result["status"] == "rejected" and result["code"] == "transfer"
    assert api.records()[case_id]["data"]["owner"] == api.username
