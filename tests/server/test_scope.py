"""Scope through every endpoint: a case manager sees and writes their own caseload only, a supervisor their team's
(read-only but for supervision notes and resolutions), an admin no personal data; nobody reads or writes across."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import pytest

from app.sync.scope import scope_hash
from server.models import Role
from tests.server.support import Api, Env

PERSONAL = {"client", "case", "service_record", "service_plan", "plan_goal", "disability_certificate", "attachment"}


@dataclass
class World:
    owner: Api  # case manager of team A, owns everything below
    colleague: Api  # another case manager of team A
    supervisor: Api  # team A's supervisor
    outsider: Api  # case manager of team B
    other_supervisor: Api  # team B's supervisor
    admin: Api
    ids: dict[str, str]
    conflict_id: str


def _build(env: Env) -> World:
    team_a, team_b = env.team(), env.team()
    owner = env.login(env.user(team=team_a, prefix="cmA"))
    world = World(
        owner=owner,
        colleague=env.login(env.user(team=team_a, prefix="cmA")),
        supervisor=env.login(env.user(Role.SUPERVISOR, team=team_a, prefix="supA")),
        outsider=env.login(env.user(team=team_b, prefix="cmB")),
        other_supervisor=env.login(env.user(Role.SUPERVISOR, team=team_b, prefix="supB")),
        admin=env.login(env.user(Role.ADMIN, team=team_b, prefix="adm")),
        ids={},
        conflict_id="",
    )
    client_id, case_id = owner.caseload()
    ids = {"client": client_id, "case": case_id}
    record_id, record = owner.new_record(case_id)
    plan_id = str(uuid.uuid4())
    goal_id, cert_id, attachment_id, unit_id, note_id = (str(uuid.uuid4()) for _ in range(5))
    ops = [
        record,
        owner.op(
            "service_plan", plan_id, {"case_id": case_id, "start_on": "2025-04-01", "end_on": "2025-12-31"}, op="insert"
        ),
        owner.op(
            "plan_goal",
            goal_id,
            {"plan_id": plan_id, "part": "pre_employment", "description": "建立工作習慣"},
            op="insert",
        ),
        owner.op(
            "disability_certificate",
            cert_id,
            {"client_id": client_id, "system": "new", "severity": "moderate"},
            op="insert",
        ),
        owner.op(
            "attachment",
            attachment_id,
            {
                "client_id": client_id,
                "filename": "證明.pdf",
                "media_type": "application/pdf",
                "sha256": "0" * 64,
                "size": 10,
            },
            op="insert",
        ),
        owner.op("service_unit", unit_id, {"name": "庇護工場", "county": "TPE"}, op="insert"),
        owner.op(
            "supervision_note",
            note_id,
            {"case_id": case_id, "kind": "individual", "held_on": "2025-04-02", "supervisor": "sup"},
            op="insert",
        ),
    ]
    results = owner.push(*ops)
    assert [r["status"] for r in results] == ["applied"] * len(ops), results
    ids.update(
        service_record=record_id,
        service_plan=plan_id,
        plan_goal=goal_id,
        disability_certificate=cert_id,
        attachment=attachment_id,
        service_unit=unit_id,
        supervision_note=note_id,
    )
    base = results[0]["version"]
    owner.push_one(owner.op("service_record", record_id, {"notes": "一"}, base_version=base))
    clash = owner.push_one(
        owner.op("service_record", record_id, {"notes": "二"}, base_version=base, bases={"notes": "x"})
    )
    assert clash["status"] == "conflict"
    world.ids, world.conflict_id = ids, clash["conflicts"][0]
    return world


@pytest.fixture(scope="module")
def world(env: Env) -> World:
    return _build(env)


def _seen(api: Api) -> dict[str, dict[str, Any]]:
    items, _, _ = api.pull()
    return {item.get("id") or item["case_id"]: item for item in items}


def test_the_owner_sees_the_whole_caseload(world: World) -> None:
    seen = _seen(world.owner)
    assert set(world.ids.values()) <= set(seen)
    assert world.conflict_id in seen
    assert not any(item["read_only"] for item in seen.values() if item["kind"] == "record")


def test_the_supervisor_sees_the_team_read_only_but_for_supervision_notes(world: World) -> None:
    seen = _seen(world.supervisor)
    assert set(world.ids.values()) <= set(seen) and world.conflict_id in seen
    for name, record_id in world.ids.items():
        assert seen[record_id]["read_only"] is (name != "supervision_note"), name


@pytest.mark.parametrize("who", ["colleague", "outsider", "other_supervisor", "admin"])
def test_others_see_none_of_it(world: World, who: str) -> None:
    seen = _seen(getattr(world, who))
    mine = set(world.ids.values()) - {world.ids["service_unit"]}
    assert not mine & set(seen)
    assert world.conflict_id not in seen
    assert world.ids["service_unit"] in seen  # the directory is everyone's
    assert not {item["record_type"] for item in seen.values() if item["kind"] == "record"} & PERSONAL


@pytest.mark.parametrize("who", ["colleague", "outsider", "other_supervisor", "admin"])
def test_others_write_none_of_it(env: Env, world: World, who: str) -> None:
    api: Api = getattr(world, who)
    ids = world.ids
    before = world.owner.records()
    attempts = [
        api.op("client", ids["client"], {"name": "冒名"}),
        api.op("client", ids["client"], {"name": "冒名"}, op="insert"),
        api.op("case", ids["case"], {"owner": api.username}),
        api.op("service_record", ids["service_record"], {"deleted": True}, op="delete"),
        api.new_record(ids["case"])[1],
        api.new_case(ids["client"])[1],
        api.op(
            "plan_goal",
            uuid.uuid4(),
            {"plan_id": ids["service_plan"], "part": "pre_employment", "description": "x"},
            op="insert",
        ),
        api.op(
            "disability_certificate",
            uuid.uuid4(),
            {"client_id": ids["client"], "system": "new", "severity": "mild"},
            op="insert",
        ),
        api.op(
            "supervision_note",
            uuid.uuid4(),
            {"case_id": ids["case"], "kind": "individual", "held_on": "2025-04-03", "supervisor": "x"},
            op="insert",
        ),
        api.op("sync_conflict", world.conflict_id, {"value": "搶先處理"}, op="resolve"),
    ]
    results = api.push(*attempts)
    assert [r["status"] for r in results] == ["rejected"] * len(attempts)
    assert {r["code"] for r in results} <= {"scope", "read_only"}
    after = world.owner.records()
    assert {k: v["version"] for k, v in after.items()} == {k: v["version"] for k, v in before.items()}
    assert not [i for i in world.owner.pull()[0] if i["kind"] == "conflict" and i["resolved"]]


def test_the_supervisor_writes_supervision_notes_only(world: World) -> None:
    sup, ids = world.supervisor, world.ids
    note = sup.op(
        "supervision_note",
        uuid.uuid4(),
        {"case_id": ids["case"], "kind": "individual", "held_on": "2025-04-09", "supervisor": sup.username},
        op="insert",
    )
    team_note = sup.op(
        "supervision_note",
        uuid.uuid4(),
        {"kind": "group", "held_on": "2025-04-09", "supervisor": sup.username},
        op="insert",
    )
    edit = sup.op("service_record", ids["service_record"], {"place": "督導改"})
    new_record = sup.new_record(ids["case"])[1]
    results = sup.push(note, team_note, edit, new_record)
    assert [r["status"] for r in results] == ["applied", "applied", "rejected", "rejected"]
    assert results[2]["code"] == results[3]["code"] == "read_only"
    # the case manager sees both notes; a team note (no case) is the team's, not the other team's
    assert {note["record_id"], team_note["record_id"]} <= set(_seen(world.owner))
    assert team_note["record_id"] in _seen(world.colleague)
    assert team_note["record_id"] not in _seen(world.other_supervisor)


def test_scope_hash_is_the_hash_of_what_a_full_pull_returned(world: World) -> None:
    for api in (world.owner, world.supervisor, world.colleague, world.admin):
        items, _, server_hash = api.pull()
        latest: dict[str, tuple[str, str, int]] = {}
        for item in items:
            if item["kind"] == "record":
                latest[item["id"]] = (item["record_type"], item["id"], item["version"])
        assert server_hash == scope_hash(latest.values())


def test_a_record_whose_case_is_not_there_yet_is_its_creators_alone(env: Env, world: World) -> None:
    owner, supervisor = world.owner, world.supervisor
    sup_cursor = supervisor.pull()[1]
    client_id, client_op = owner.new_client(name="新個案")
    assert owner.push_one(client_op)["status"] == "applied"
    assert client_id in owner.records()
    assert client_id not in supervisor.records(sup_cursor)
    stranger = env.login(env.user(team=env.team()))
    assert stranger.push_one(stranger.new_case(client_id)[1])["code"] == "scope"  # cannot adopt someone's client
    case_id, case_op = owner.new_case(client_id)
    assert owner.push_one(case_op)["status"] == "applied"
    arrived = supervisor.records(sup_cursor)  # the client took a new version, so the cursor does not hide it
    assert {client_id, case_id} <= set(arrived)


def test_plan_items_pushed_before_their_plan_are_refused_then_accepted_after_it(world: World) -> None:
    owner, supervisor = world.owner, world.supervisor
    sup_cursor = supervisor.pull()[1]
    plan_id, goal_id = str(uuid.uuid4()), str(uuid.uuid4())
    fields = {"plan_id": plan_id, "part": "pre_employment", "description": "先到"}
    early = owner.push_one(owner.op("plan_goal", goal_id, fields, op="insert"))
    assert (early["status"], early["code"]) == ("rejected", "anchor")
    assert "服務計畫" in early["message_zh"] and "service plan" in early["message_en"]
    plan = owner.op(
        "service_plan",
        plan_id,
        {"case_id": world.ids["case"], "start_on": "2025-05-01", "end_on": "2025-12-31"},
        op="insert",
    )
    goal = owner.op("plan_goal", goal_id, fields, op="insert")
    assert [r["status"] for r in owner.push(plan, goal)] == ["applied", "applied"]
    assert {plan_id, goal_id} <= set(supervisor.records(sup_cursor))


def test_a_new_case_must_be_its_creators_own(world: World) -> None:
    owner = world.owner
    client_id, client_op = owner.new_client()
    _, case_op = owner.new_case(client_id, owner=world.colleague.username)
    results = owner.push(client_op, case_op)
    assert [r["status"] for r in results] == ["applied", "rejected"]
    assert results[1]["code"] == "scope"
