"""Push: apply, field-level merge, conflicts and their resolution, delete-vs-edit, idempotent replays, append-only
records, and bad payloads that must get a 4xx (or a rejected op) and change nothing."""

from __future__ import annotations

import gzip
import json
import uuid
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.sync.schema import record_types
from server.models import AuditLog, Role, SyncOp
from tests.server.support import Api, Env


def _state(env: Env) -> tuple[int, int, int, int]:
    """(counter, records, conflicts, ops logged): any change to the sync state moves at least one of them."""
    row = env.sql(
        "SELECT (SELECT value FROM sync_counter), (SELECT count(*) FROM record), (SELECT count(*) FROM sync_conflict),"
        " (SELECT count(*) FROM sync_op)"
    )[0]
    return (int(row[0]), int(row[1]), int(row[2]), int(row[3]))


@pytest.fixture
def team(env: Env) -> dict[str, Api]:
    """A case manager with two laptops and their supervisor."""
    name = env.team()
    manager = env.user(team=name, prefix="cm")
    return {
        "laptop": env.login(manager),
        "tablet": env.login(manager),
        "supervisor": env.login(env.user(Role.SUPERVISOR, team=name, prefix="sup")),
    }


def _record(api: Api, record_id: str) -> dict[str, Any]:
    return api.records()[record_id]


def test_insert_then_update_at_the_current_version_applies(team: dict[str, Api]) -> None:
    laptop = team["laptop"]
    _, case_id = laptop.caseload()
    record_id, insert = laptop.new_record(case_id)
    first = laptop.push_one(insert)
    assert first["status"] == "applied" and first["version"] > 0 and first["replayed"] is False
    update = laptop.op(
        "service_record", record_id, {"notes": "第二次晤談"}, base_version=first["version"], bases={"notes": "初次晤談"}
    )
    second = laptop.push_one(update)
    assert second["status"] == "applied" and second["version"] > first["version"]
    item = _record(laptop, record_id)
    assert item["data"]["notes"] == "第二次晤談" and item["version"] == second["version"]
    assert item["updated_by"] == laptop.username and item["read_only"] is False


def test_edits_of_different_fields_merge(team: dict[str, Api]) -> None:
    laptop, tablet = team["laptop"], team["tablet"]
    _, case_id = laptop.caseload()
    record_id, insert = laptop.new_record(case_id, place="辦公室")
    base = laptop.push_one(insert)["version"]
    laptop.push_one(
        laptop.op("service_record", record_id, {"notes": "A"}, base_version=base, bases={"notes": "初次晤談"})
    )
    merged = tablet.push_one(
        tablet.op("service_record", record_id, {"place": "案家"}, base_version=base, bases={"place": "辦公室"})
    )
    assert merged["status"] == "merged" and merged["conflicts"] == []
    data = _record(laptop, record_id)["data"]
    assert (data["notes"], data["place"]) == ("A", "案家")


def test_the_same_change_on_both_sides_is_no_conflict(team: dict[str, Api]) -> None:
    laptop, tablet = team["laptop"], team["tablet"]
    _, case_id = laptop.caseload()
    record_id, insert = laptop.new_record(case_id)
    base = laptop.push_one(insert)["version"]
    first = laptop.push_one(laptop.op("service_record", record_id, {"notes": "同"}, base_version=base))
    second = tablet.push_one(tablet.op("service_record", record_id, {"notes": "同"}, base_version=base))
    assert second["status"] == "merged" and second["version"] == first["version"]


def test_a_same_field_clash_becomes_a_conflict_everyone_sees_until_resolved(env: Env, team: dict[str, Api]) -> None:
    laptop, tablet, supervisor = team["laptop"], team["tablet"], team["supervisor"]
    _, case_id = laptop.caseload()
    record_id, insert = laptop.new_record(case_id)
    base = laptop.push_one(insert)["version"]
    theirs = laptop.push_one(
        laptop.op("service_record", record_id, {"notes": "筆電版本"}, base_version=base, bases={"notes": "初次晤談"})
    )
    clash = tablet.push_one(
        tablet.op(
            "service_record",
            record_id,
            {"notes": "平板版本", "place": "案家"},
            base_version=base,
            bases={"notes": "初次晤談", "place": ""},
        )
    )
    assert clash["status"] == "conflict" and len(clash["conflicts"]) == 1
    assert clash["version"] > theirs["version"]  # `place` was applied, so the record moved on
    data = _record(laptop, record_id)["data"]
    assert data["notes"] == "筆電版本" and data["place"] == "案家"  # the server keeps its value
    for api in (laptop, supervisor):
        items, _, _ = api.pull()
        (conflict,) = [i for i in items if i["kind"] == "conflict"]
        assert conflict["id"] == clash["conflicts"][0] and conflict["record_id"] == record_id
        assert (conflict["field"], conflict["base"], conflict["mine"], conflict["theirs"]) == (
            "notes",
            "初次晤談",
            "平板版本",
            "筆電版本",
        )
        assert conflict["mine_by"] == tablet.username and conflict["resolved"] is False

    resolution = supervisor.op(
        "sync_conflict", clash["conflicts"][0], {"value": "合併後版本"}, op="resolve", bases={"value": "筆電版本"}
    )
    resolved = supervisor.push_one(resolution)
    assert resolved["status"] == "applied"
    assert _record(laptop, record_id)["data"]["notes"] == "合併後版本"
    again = laptop.push_one(laptop.op("sync_conflict", clash["conflicts"][0], {"value": "x"}, op="resolve"))
    assert again["status"] == "rejected" and again["code"] == "resolved"
    items, _, _ = laptop.pull()
    (conflict,) = [i for i in items if i["kind"] == "conflict"]
    assert conflict["resolved"] is True and conflict["resolved_value"] == "合併後版本"
    assert conflict["resolved_by"] == supervisor.username
    audit = env.sql("SELECT count(*) FROM audit_log WHERE action = 'resolve' AND username = :u", u=supervisor.username)
    assert audit[0][0] == 1


def test_a_delete_of_a_record_someone_edited_is_a_conflict_not_a_silent_delete(team: dict[str, Api]) -> None:
    laptop, tablet = team["laptop"], team["tablet"]
    _, case_id = laptop.caseload()
    record_id, insert = laptop.new_record(case_id)
    base = laptop.push_one(insert)["version"]
    laptop.push_one(laptop.op("service_record", record_id, {"notes": "改過"}, base_version=base))
    deletion = tablet.push_one(
        tablet.op(
            "service_record", record_id, {"deleted": True}, op="delete", base_version=base, bases={"deleted": False}
        )
    )
    assert deletion["status"] == "conflict"
    item = _record(laptop, record_id)
    assert item["data"]["deleted"] is False and item["data"]["notes"] == "改過"
    conflict = next(i for i in laptop.pull()[0] if i["kind"] == "conflict" and i["record_id"] == record_id)
    assert (conflict["field"], conflict["mine"], conflict["theirs"]) == ("deleted", True, False)


def test_an_edit_of_a_record_someone_deleted_is_a_conflict_too(team: dict[str, Api]) -> None:
    laptop, tablet = team["laptop"], team["tablet"]
    _, case_id = laptop.caseload()
    record_id, insert = laptop.new_record(case_id)
    base = laptop.push_one(insert)["version"]
    deleted = laptop.push_one(
        laptop.op(
            "service_record", record_id, {"deleted": True}, op="delete", base_version=base, bases={"deleted": False}
        )
    )
    assert deleted["status"] == "applied"
    edit = tablet.push_one(
        tablet.op("service_record", record_id, {"notes": "補充"}, base_version=base, bases={"notes": "初次晤談"})
    )
    assert edit["status"] == "conflict"
    item = _record(laptop, record_id)
    assert item["data"]["deleted"] is True and item["data"]["notes"] == "補充"  # kept, inside the tombstone
    undelete = laptop.push_one(laptop.op("sync_conflict", edit["conflicts"][0], {"value": False}, op="resolve"))
    assert undelete["status"] == "applied"
    assert _record(laptop, record_id)["data"]["deleted"] is False


def test_a_replayed_op_returns_the_stored_result_and_changes_nothing(env: Env, team: dict[str, Api]) -> None:
    laptop = team["laptop"]
    _, case_id = laptop.caseload()
    _, insert = laptop.new_record(case_id)
    first = laptop.push_one(insert)
    before = _state(env)
    again = laptop.push(insert, insert)
    assert [r["replayed"] for r in again] == [True, True]
    assert all({**r, "replayed": False} == first for r in again)
    assert _state(env) == before
    stranger = env.login(env.user())
    assert stranger.push_one(insert)["code"] == "duplicate_op"


def test_append_only_and_final_records_refuse_changes(team: dict[str, Api]) -> None:
    laptop = team["laptop"]
    _, case_id = laptop.caseload()
    attempt_id = str(uuid.uuid4())
    attempt = laptop.op(
        "contact_attempt",
        attempt_id,
        {"case_id": case_id, "attempted_at": "2025-03-05T02:00:00+00:00", "channel": "phone", "outcome": "no_answer"},
        op="insert",
    )
    version = laptop.push_one(attempt)["version"]
    change = laptop.push_one(laptop.op("contact_attempt", attempt_id, {"note": "改"}, base_version=version))
    assert change["status"] == "rejected" and change["code"] == "final"
    tombstone = laptop.push_one(laptop.op("contact_attempt", attempt_id, {"deleted": True}, base_version=version))
    assert tombstone["status"] == "applied"

    record_id, insert = laptop.new_record(case_id, status="final")
    version = laptop.push_one(insert)["version"]
    edit = laptop.push_one(laptop.op("service_record", record_id, {"notes": "偷改"}, base_version=version))
    assert edit["status"] == "rejected" and edit["code"] == "final" and edit["message_zh"]
    registered = laptop.push_one(
        laptop.op("service_record", record_id, {"registered_on": "2025-03-10"}, base_version=version)
    )
    assert registered["status"] == "applied"
    assert _record(laptop, record_id)["data"]["notes"] == "初次晤談"


def test_a_record_cannot_move_to_another_case(team: dict[str, Api]) -> None:
    laptop = team["laptop"]
    _, case_id = laptop.caseload()
    _, other_case = laptop.caseload()
    record_id, insert = laptop.new_record(case_id)
    version = laptop.push_one(insert)["version"]
    moved = laptop.push_one(laptop.op("service_record", record_id, {"case_id": other_case}, base_version=version))
    assert moved["code"] == "anchor"


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"notes": 5}, "invalid"),
        ({"held_on": "not a date"}, "invalid"),
        ({"mode": "telepathy"}, "invalid"),
        ({"duration_minutes": True}, "invalid"),
        ({"duration_minutes": -3}, "invalid"),
        ({"held_on": None}, "invalid"),
        ({"no_such_field": 1}, "unknown_field"),
        ({"version": 99}, "unknown_field"),
        ({"updated_by": "someone"}, "unknown_field"),
    ],
)
def test_wrong_values_and_unknown_fields_reject_the_op(
    env: Env, team: dict[str, Api], fields: dict[str, Any], code: str
) -> None:
    laptop = team["laptop"]
    _, case_id = laptop.caseload()
    record_id, insert = laptop.new_record(case_id)
    version = laptop.push_one(insert)["version"]
    counter = _state(env)[0]
    result = laptop.push_one(laptop.op("service_record", record_id, fields, base_version=version))
    assert result["status"] == "rejected" and result["code"] == code and result["version"] is None
    assert result["message_zh"] and result["message_en"]
    assert _state(env)[0] == counter
    assert _record(laptop, record_id)["version"] == version


def test_unknown_record_types_and_incomplete_new_records_are_rejected(team: dict[str, Api]) -> None:
    laptop = team["laptop"]
    unknown = laptop.push_one(laptop.op("spaceship", uuid.uuid4(), {"name": "x"}, op="insert"))
    assert unknown["code"] == "unknown_type"
    _, case_id = laptop.caseload()
    incomplete = laptop.push_one(laptop.op("service_record", uuid.uuid4(), {"case_id": case_id}, op="insert"))
    assert incomplete["code"] == "incomplete"
    wrong_kind = laptop.push_one(laptop.op("sync_conflict", uuid.uuid4(), {"value": 1}, op="update"))
    assert wrong_kind["code"] == "invalid"


def _bomb() -> bytes:
    return gzip.compress(b'{"ops": [' + b" " * (40 * 1024 * 1024) + b"]}")


BAD_BODIES: list[tuple[str, bytes, dict[str, str], int]] = [
    ("malformed JSON", b'{"ops": [', {}, 422),
    ("not UTF-8", b'{"ops": ["\xff"]}', {}, 422),
    ("ops not a list", b'{"ops": {"a": 1}}', {}, 422),
    ("no ops", b"{}", {}, 422),
    ("a number", b"42", {}, 422),
    ("NaN", b'{"ops": [NaN]}', {}, 422),
    ("a number out of range", b'{"ops": [1e400]}', {}, 422),
    ("deep nesting", b'{"ops": ' + b"[" * 5000 + b"]" * 5000 + b"}", {}, 422),
    ("NUL in text", b'{"ops": [{"record_type": "a\\u0000"}]}', {}, 422),
    ("lone surrogate", b'{"ops": [{"record_type": "\\ud800"}]}', {}, 422),
    ("broken gzip", b"\x1f\x8b\x08\x00garbage", {"Content-Encoding": "gzip"}, 422),
    ("truncated gzip", gzip.compress(b'{"ops": []}')[:-6], {"Content-Encoding": "gzip"}, 422),
    ("gzip bomb", _bomb(), {"Content-Encoding": "gzip"}, 413),
    ("unknown encoding", b'{"ops": []}', {"Content-Encoding": "br"}, 415),
]


@pytest.mark.parametrize(("label", "body", "headers", "status"), BAD_BODIES, ids=[b[0] for b in BAD_BODIES])
def test_bad_bodies_get_a_4xx_in_the_protocol_shape(
    env: Env, team: dict[str, Api], label: str, body: bytes, headers: dict[str, str], status: int
) -> None:
    before = _state(env)
    response = team["laptop"].client.post(
        "/api/v1/sync/push", content=body, headers={"Content-Type": "application/json", **headers}
    )
    assert response.status_code == status, (label, response.text)
    assert set(response.json()["detail"]) == {"code", "message_zh", "message_en"}
    assert _state(env) == before


def _valid_op(api: Api, case_id: str) -> dict[str, Any]:
    return api.new_record(case_id)[1]


@pytest.mark.parametrize(
    ("label", "mutate"),
    [
        ("base_version text", lambda op: op.update(base_version="x")),
        ("negative base_version", lambda op: op.update(base_version=-1)),
        ("huge seq", lambda op: op.update(seq=2**70)),
        ("op_id not a uuid", lambda op: op.update(op_id="abc")),
        ("unknown op", lambda op: op.update(op="upsert")),
        ("fields a list", lambda op: op.update(fields=[1, 2])),
        ("field change without new", lambda op: op["fields"].update(notes={"base": "x"})),
        ("field change with extra key", lambda op: op["fields"].update(notes={"new": "x", "old": "y"})),
        ("record_type too long", lambda op: op.update(record_type="x" * 200)),
    ],
)
def test_malformed_ops_refuse_the_whole_batch(env: Env, team: dict[str, Api], label: str, mutate: Any) -> None:
    laptop = team["laptop"]
    _, case_id = laptop.caseload()
    good, bad = _valid_op(laptop, case_id), _valid_op(laptop, case_id)
    mutate(bad)
    before = _state(env)
    response = laptop.push_raw([good, bad])
    assert response.status_code == 422, label
    assert response.json()["detail"]["code"] == "invalid"
    assert _state(env) == before


def test_more_than_200_ops_are_refused(env: Env, team: dict[str, Api]) -> None:
    laptop = team["laptop"]
    _, case_id = laptop.caseload()
    before = _state(env)
    response = laptop.push_raw([_valid_op(laptop, case_id) for _ in range(201)])
    assert response.status_code == 422
    assert _state(env) == before


def test_gzip_bodies_are_read_and_large_answers_are_gzip(team: dict[str, Api]) -> None:
    laptop = team["laptop"]
    _, case_id = laptop.caseload()
    ops = [laptop.new_record(case_id, notes="長篇紀錄" * 200)[1] for _ in range(5)]
    response = laptop.push_raw(ops, gzip_body=True)
    assert response.status_code == 200
    assert [r["status"] for r in response.json()["results"]] == ["applied"] * 5
    page = laptop.client.get("/api/v1/sync/changes", headers={"Accept-Encoding": "gzip"})
    assert page.headers["content-encoding"] == "gzip"
    assert len(page.json()["items"]) >= 7


def test_an_empty_push_and_error_pages_keep_the_shape(team: dict[str, Api]) -> None:
    laptop = team["laptop"]
    assert laptop.push_raw([]).json() == {"results": []}
    for response in (laptop.client.get("/api/v1/nowhere"), laptop.client.delete("/api/v1/sync/push")):
        assert response.status_code in (404, 405)
        assert set(response.json()["detail"]) == {"code", "message_zh", "message_en"}
    body = json.dumps({"username": "x" * 500, "password": "p"})
    login = laptop.client.post("/api/v1/auth/login", content=body, headers={"Content-Type": "application/json"})
    assert login.status_code == 422


# Infinity is not JSON (httpx refuses to send it); raw bodies with NaN or 1e400 are among BAD_BODIES.
json_leaves = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=12)
)
json_values = st.recursive(
    json_leaves,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
)
FIELD_NAMES = sorted({name for kind in record_types().values() for name in kind.fields} | {"value", "id", ""})


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    record_type=st.sampled_from([*record_types(), "sync_conflict", "nope"]),
    op=st.sampled_from(["insert", "update", "delete", "resolve"]),
    base_version=st.integers(0, 50),
    fields=st.dictionaries(st.sampled_from(FIELD_NAMES), st.tuples(json_values, json_values), max_size=5),
    body=json_values,
)
def test_no_input_gives_a_500(
    team: dict[str, Api],
    record_type: str,
    op: str,
    base_version: int,
    fields: dict[str, tuple[Any, Any]],
    body: Any,
) -> None:
    laptop = team["laptop"]
    wire = laptop.op(record_type, uuid.uuid4(), {}, op=op, base_version=base_version)
    wire["fields"] = {name: {"base": base, "new": new} for name, (base, new) in fields.items()}
    response = laptop.push_raw([wire])
    assert response.status_code in (200, 422), response.text
    if response.status_code == 200:
        assert response.json()["results"][0]["status"] in ("applied", "merged", "conflict", "rejected")
    for junk in (
        laptop.client.post("/api/v1/sync/push", json=body),
        laptop.client.post("/api/v1/auth/login", json=body),
        laptop.client.get("/api/v1/sync/changes", params={"since": str(body)[:20], "limit": str(body)[-5:]}),
    ):
        assert 200 <= junk.status_code < 500, junk.text
        if junk.status_code >= 400:
            assert set(junk.json()["detail"]) == {"code", "message_zh", "message_en"}


def _children(api: Api, case_id: str, client_id: str) -> dict[str, dict[str, Any]]:
    """Insert ops of one record of each kind that hangs from a case (or its client)."""
    plan_id = str(uuid.uuid4())
    ops = {
        "service_record": api.new_record(case_id)[1],
        "contact_attempt": api.op(
            "contact_attempt",
            uuid.uuid4(),
            {
                "case_id": case_id,
                "attempted_at": "2025-03-05T02:00:00+00:00",
                "channel": "phone",
                "outcome": "no_answer",
            },
            op="insert",
        ),
        "service_plan": api.op(
            "service_plan", plan_id, {"case_id": case_id, "start_on": "2025-04-01", "end_on": "2025-12-31"}, op="insert"
        ),
        "plan_goal": api.op(
            "plan_goal",
            uuid.uuid4(),
            {"plan_id": plan_id, "part": "matching_support", "description": "就業"},
            op="insert",
        ),
        "attachment": api.op(
            "attachment",
            uuid.uuid4(),
            {"case_id": case_id, "filename": "a.pdf", "media_type": "application/pdf", "sha256": "a" * 64, "size": 3},
            op="insert",
        ),
        "supervision_note": api.op(
            "supervision_note",
            uuid.uuid4(),
            {"case_id": case_id, "kind": "individual", "held_on": "2025-04-02", "supervisor": "sup"},
            op="insert",
        ),
        "disability_certificate": api.op(
            "disability_certificate",
            uuid.uuid4(),
            {"client_id": client_id, "system": "new", "severity": "moderate"},
            op="insert",
        ),
    }
    return ops


def test_the_children_of_a_refused_case_are_refused_too_and_never_reach_other_laptops(
    env: Env, team: dict[str, Api]
) -> None:
    laptop, tablet = team["laptop"], team["tablet"]
    colleague = env.user(team=env.team())
    client_id, client_op = laptop.new_client()
    case_id, case_op = laptop.new_case(client_id, owner=colleague)  # not the pusher's own: refused (scope)
    children = _children(laptop, case_id, client_id)
    results = laptop.push(client_op, case_op, *children.values())
    statuses = {name: (r["status"], r["code"]) for name, r in zip(["client", "case", *children], results, strict=True)}
    assert statuses.pop("client") == ("applied", None)  # a client without a case yet: its creator's alone
    assert statuses.pop("case") == ("rejected", "scope")
    assert statuses.pop("disability_certificate") == ("applied", None)  # hangs from the client, which is there
    assert statuses == {name: ("rejected", "anchor") for name in statuses}
    for result in results[2:]:
        if result["code"] == "anchor":
            assert result["message_zh"] and result["message_en"] and result["version"] is None
    refused = {children[name]["record_id"] for name in statuses} | {case_id}
    stored = {str(uuid.UUID(str(row[0]))) for row in env.sql("SELECT id FROM record")}
    assert not refused & stored
    # the same user's other laptop receives only what it can apply: every parent arrives with its children
    pulled = tablet.records()
    assert client_id in pulled and children["disability_certificate"]["record_id"] in pulled
    assert not refused & set(pulled)
    for item in pulled.values():
        for anchor in ("case_id", "client_id", "plan_id"):
            parent = item["data"].get(anchor)
            if parent is not None and item["record_type"] != "case":
                assert parent in pulled, (item["record_type"], anchor)


def test_a_parent_earlier_in_the_same_push_anchors_its_children_but_not_one_later(team: dict[str, Api]) -> None:
    laptop = team["laptop"]
    client_id, client_op = laptop.new_client()
    case_id, case_op = laptop.new_case(client_id)
    children = _children(laptop, case_id, client_id)
    results = laptop.push(client_op, case_op, *children.values())
    assert [r["status"] for r in results] == ["applied"] * (2 + len(children)), results

    client_id, client_op = laptop.new_client()
    case_id, case_op = laptop.new_case(client_id)
    record_id, record_op = laptop.new_record(case_id)
    early, case_result, client_result = laptop.push(record_op, case_op, client_op)
    assert (early["status"], early["code"]) == ("rejected", "anchor")
    assert (case_result["status"], case_result["code"]) == ("rejected", "anchor")  # its client came after it
    assert client_result["status"] == "applied"
    assert record_id not in laptop.records()


def test_an_anchor_naming_a_record_of_another_kind_is_refused(team: dict[str, Api]) -> None:
    laptop = team["laptop"]
    client_id, case_id = laptop.caseload()
    wrong = [
        laptop.new_record(client_id)[1],  # a client's id as case_id
        laptop.new_case(case_id)[1],  # a case's id as client_id
        laptop.op(
            "disability_certificate",
            uuid.uuid4(),
            {"client_id": str(uuid.uuid4()), "system": "new", "severity": "mild"},
            op="insert",
        ),
        laptop.op(
            "attachment",
            uuid.uuid4(),
            {"client_id": case_id, "filename": "x.pdf", "media_type": "application/pdf", "sha256": "b" * 64, "size": 1},
            op="insert",
        ),
    ]
    results = laptop.push(*wrong)
    assert [(r["status"], r["code"]) for r in results] == [("rejected", "anchor")] * len(wrong)


def test_each_op_of_a_batch_is_judged_on_what_the_ops_before_it_did(env: Env, team: dict[str, Api]) -> None:
    """The server remembers scope answers for the rest of a push (server.services.batch): a case moved to a colleague
    earlier in the same push takes its records with it, an op id sent twice is applied once, and only the accepted
    ops leave audit entries and each op one op log entry."""
    laptop = team["laptop"]
    colleague = env.user(team=env.team(), prefix="cm")
    client_id, client_op = laptop.new_client()
    case_id, case_op = laptop.new_case(client_id)
    record_id, record_op = laptop.new_record(case_id)
    move = laptop.op("case", case_id, {"owner": colleague}, bases={"owner": laptop.username})
    late_id, late_op = laptop.new_record(case_id)
    certificate = laptop.op(
        "disability_certificate",
        uuid.uuid4(),
        {"client_id": client_id, "system": "new", "severity": "mild"},
        op="insert",
    )
    own_client_id, own_client = laptop.new_client()
    own_case_id, own_case = laptop.new_case(own_client_id)
    results = laptop.push(client_op, case_op, record_op, record_op, move, late_op, certificate, own_client, own_case)
    assert [(r["status"], r["code"], r["replayed"]) for r in results] == [
        ("applied", None, False),
        ("applied", None, False),
        ("applied", None, False),
        ("applied", None, True),  # the same op id again: answered from this push's op log
        ("merged", None, False),  # moved to the colleague
        ("rejected", "scope", False),  # the case is no longer this user's
        ("rejected", "scope", False),  # nor its client
        ("applied", None, False),
        ("applied", None, False),
    ]
    assert {**results[3], "replayed": False} == results[2]
    with env.database.unit() as session:
        logged = session.scalar(select(func.count()).where(SyncOp.device_id == laptop.device_id))
        audited = list(
            session.execute(
                select(AuditLog.record_id, AuditLog.detail)
                .where(AuditLog.username == laptop.username, AuditLog.action == "write")
                .order_by(AuditLog.id)
            )
        )
    assert logged == 8  # every op id once, refused ones included
    ids = [uuid.UUID(x) for x in (client_id, case_id, record_id, case_id, case_id, own_client_id, own_case_id)]
    assert [row.record_id for row in audited] == ids
    assert [row.detail for row in audited][3:5] == [f"transfer {laptop.username} → {colleague}", "merged: owner"]
    pulled = laptop.records()
    assert own_case_id in pulled and late_id not in pulled and record_id not in pulled
