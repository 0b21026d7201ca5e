"""送審 on the server: a case manager submits (never decides), the team's supervisor decides a pending submission
once and writes nothing else of it, other teams and admins write nothing; the closure sign-off setting (delivered at
login, by /me and with every pull) makes a direct close wait for an approved closure; supervision notes list only
cases of their author's team."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from server.cli import DEMO_TEAM, main
from server.models import Role
from server.services import teams
from tests.server.support import Api, Env

DECIDED_AT = "2025-06-02T03:04:05+00:00"


@dataclass
class Team:
    name: str
    owner: Api
    supervisor: Api
    case_id: str
    plan_id: str


def _team(env: Env, *, signoff: bool = False) -> Team:
    name = env.team()
    owner = env.login(env.user(team=name, prefix="cm"))
    supervisor = env.login(env.user(Role.SUPERVISOR, team=name, prefix="sup"))
    if signoff:
        with env.database.unit() as session:
            teams.change_settings(session, name, closure_signoff=True)
    _client_id, case_id = owner.caseload()
    plan_id = str(uuid.uuid4())
    plan = owner.op(
        "service_plan", plan_id, {"case_id": case_id, "start_on": "2025-04-01", "end_on": "2025-12-31"}, op="insert"
    )
    assert owner.push_one(plan)["status"] == "applied"
    return Team(name, owner, supervisor, case_id, plan_id)


def _submission(api: Api, case_id: str, **fields: Any) -> tuple[str, dict[str, Any]]:
    review_id = str(uuid.uuid4())
    values = {
        "case_id": case_id,
        "subject": "plan",
        "submitted_by": api.username,
        "submitted_at": "2025-06-01T02:00:00+00:00",
        **fields,
    }
    return review_id, api.op("review", review_id, values, op="insert")


def _decision(api: Api, review_id: str, version: int, decision: str = "returned", **fields: Any) -> dict[str, Any]:
    values = {"decision": decision, "decided_by": api.username, "decided_at": DECIDED_AT, **fields}
    bases = {"decision": "pending", "decided_by": None, "decided_at": None, "comment": ""}
    return api.op("review", review_id, values, base_version=version, bases=bases)


def _submitted(team: Team) -> tuple[str, int]:
    review_id, op = _submission(team.owner, team.case_id, plan_id=team.plan_id, note="請審閱")
    result = team.owner.push_one(op)
    assert result["status"] == "applied", result
    return review_id, int(result["version"])


def test_the_supervisor_decides_a_pending_submission_once(env: Env) -> None:
    team = _team(env)
    review_id, version = _submitted(team)
    returned = team.supervisor.push_one(_decision(team.supervisor, review_id, version, comment="目標請具體化"))
    assert returned["status"] == "applied", returned
    again = team.supervisor.push_one(_decision(team.supervisor, review_id, returned["version"], "approved"))
    assert (again["status"], again["code"]) == ("rejected", "review_decided")
    records = team.owner.records()
    assert records[review_id]["data"]["decision"] == "returned"
    assert records[review_id]["data"]["comment"] == "目標請具體化"
    seen = team.supervisor.records()[review_id]
    assert seen["read_only"] is False  # the supervisor's laptop may write the decision
    assert team.supervisor.records()[team.plan_id]["read_only"] is True


def test_a_case_manager_submits_but_never_decides(env: Env) -> None:
    team = _team(env)
    _, decided = _submission(team.owner, team.case_id, plan_id=team.plan_id, decision="approved")
    assert team.owner.push_one(decided)["code"] == "review_fields"
    _, someone_else = _submission(team.owner, team.case_id, plan_id=team.plan_id, submitted_by="not.me")
    assert team.owner.push_one(someone_else)["code"] == "invalid"
    review_id, version = _submitted(team)
    own = team.owner.push_one(_decision(team.owner, review_id, version, "approved"))
    assert (own["status"], own["code"]) == ("rejected", "review_fields")
    edit = team.owner.push_one(team.owner.op("review", review_id, {"note": "改"}, base_version=version))
    assert edit["code"] == "review_fields"


def test_a_supervisor_writes_only_the_decision(env: Env) -> None:
    team = _team(env)
    _, by_supervisor = _submission(team.supervisor, team.case_id, plan_id=team.plan_id)
    assert team.supervisor.push_one(by_supervisor)["code"] == "review_fields"
    review_id, version = _submitted(team)
    note = team.supervisor.push_one(_decision(team.supervisor, review_id, version, note="改寫"))
    assert note["code"] == "review_fields" and "note" in note["message_en"]
    silent = team.supervisor.push_one(_decision(team.supervisor, review_id, version, comment=" "))
    assert silent["code"] == "invalid"  # a return says what to change
    impostor = team.supervisor.push_one(_decision(team.supervisor, review_id, version, decided_by="someone"))
    assert impostor["code"] == "invalid"
    pending = team.supervisor.push_one(_decision(team.supervisor, review_id, version, "pending"))
    assert pending["code"] == "invalid"
    assert team.supervisor.push_one(_decision(team.supervisor, review_id, version, "approved"))["status"] == "applied"


def test_other_teams_and_admins_decide_nothing(env: Env) -> None:
    team, other = _team(env), _team(env)
    review_id, version = _submitted(team)
    admin = env.login(env.user(Role.ADMIN, team=team.name, prefix="adm"))
    for api in (other.supervisor, other.owner, admin):
        result = api.push_one(_decision(api, review_id, version, "approved"))
        assert (result["status"], result["code"]) == ("rejected", "scope"), api.username
    assert review_id not in other.supervisor.records()
    # A submission for another case manager's case, or naming a plan of another case, is refused.
    _, foreign = _submission(other.owner, team.case_id, plan_id=team.plan_id)
    assert other.owner.push_one(foreign)["code"] == "scope"
    _, crossed = _submission(team.owner, team.case_id, plan_id=other.plan_id)
    assert team.owner.push_one(crossed)["code"] == "invalid"
    _, both = _submission(team.owner, team.case_id, plan_id=team.plan_id, closure_id=str(uuid.uuid4()))
    assert team.owner.push_one(both)["code"] == "invalid"


def _closing_ops(api: Api, case_id: str, version: int) -> dict[str, Any]:
    return api.op(
        "case",
        case_id,
        {"stage": "G", "closed_on": "2025-06-30"},
        base_version=version,
        bases={"stage": "C", "closed_on": None},
    )


def _version(api: Api, record_id: str) -> int:
    return int(api.records()[record_id]["version"])


def _opened(api: Api, case_id: str) -> int:
    fields = {"decision": "open", "opened_on": "2025-03-06", "stage": "C"}
    result = api.push_one(api.op("case", case_id, fields, base_version=_version(api, case_id)))
    assert result["status"] == "applied", result
    return int(result["version"])


def test_with_sign_off_on_a_case_closes_only_after_an_approved_closure(env: Env) -> None:
    team = _team(env, signoff=True)
    version = _opened(team.owner, team.case_id)
    refused = team.owner.push_one(_closing_ops(team.owner, team.case_id, version))
    assert (refused["status"], refused["code"]) == ("rejected", "signoff")
    closure_id = str(uuid.uuid4())
    closure = team.owner.op(
        "closure",
        closure_id,
        {"case_id": team.case_id, "closed_on": "2025-06-30", "reason_code": "plan_goal_achieved"},
        op="insert",
    )
    review_id, submission = _submission(team.owner, team.case_id, subject="closure", closure_id=closure_id)
    results = team.owner.push(closure, submission)
    assert [r["status"] for r in results] == ["applied", "applied"], results
    returned = team.supervisor.push_one(_decision(team.supervisor, review_id, results[1]["version"], comment="補件"))
    assert returned["status"] == "applied"
    assert team.owner.push_one(_closing_ops(team.owner, team.case_id, version))["code"] == "signoff"
    second_id, second = _submission(team.owner, team.case_id, subject="closure", closure_id=closure_id)
    second_version = team.owner.push_one(second)["version"]
    assert team.supervisor.push_one(_decision(team.supervisor, second_id, second_version, "approved"))["code"] is None
    assert team.owner.push_one(_closing_ops(team.owner, team.case_id, version))["status"] == "applied"


def test_sign_off_does_not_hold_back_other_teams_or_a_not_opened_case(env: Env) -> None:
    free = _team(env)
    version = _opened(free.owner, free.case_id)
    assert free.owner.push_one(_closing_ops(free.owner, free.case_id, version))["status"] == "applied"
    strict = _team(env, signoff=True)
    not_open = strict.owner.op(
        "case",
        strict.case_id,
        {"decision": "not_open", "decision_reason": "需醫療資源優先", "stage": "G", "closed_on": "2025-03-06"},
        base_version=_version(strict.owner, strict.case_id),
    )
    assert strict.owner.push_one(not_open)["status"] == "applied"


def test_the_setting_reaches_laptops_at_login_with_me_and_with_every_pull(env: Env) -> None:
    team = _team(env, signoff=True)
    with env.server.client() as client:
        response = client.post(
            "/api/v1/auth/login", json={"username": team.owner.username, "password": "correct-horse-1"}
        )
    assert response.json()["settings"] == {"closure_signoff": True}
    me = team.supervisor.client.get("/api/v1/me").json()
    assert me["settings"] == {"closure_signoff": True} and me["user"]["role"] == "supervisor"
    assert team.owner.page()["settings"] == {"closure_signoff": True}
    with env.database.unit() as session:
        teams.change_settings(session, team.name, closure_signoff=False)
    assert team.owner.page(limit=1)["settings"] == {"closure_signoff": False}


def test_supervision_notes_list_only_cases_of_the_team(env: Env) -> None:
    team, other = _team(env), _team(env)
    note_id = str(uuid.uuid4())
    fields = {
        "kind": "group",
        "held_on": "2025-06-03",
        "supervisor": team.supervisor.username,
        "case_ids": [team.case_id],
        "follow_up_due_on": "2025-07-01",
        "follow_up_note": "",
    }
    assert (
        team.supervisor.push_one(team.supervisor.op("supervision_note", note_id, fields, op="insert"))["status"]
        == "applied"
    )
    foreign = {**fields, "case_ids": [team.case_id, other.case_id]}
    result = team.supervisor.push_one(team.supervisor.op("supervision_note", str(uuid.uuid4()), foreign, op="insert"))
    assert (result["status"], result["code"]) == ("rejected", "scope")
    version = team.supervisor.records()[note_id]["version"]
    final = team.supervisor.push_one(
        team.supervisor.op("supervision_note", note_id, {"status": "final"}, base_version=version)
    )
    assert final["status"] == "applied"
    done = team.supervisor.push_one(
        team.supervisor.op(
            "supervision_note",
            note_id,
            {"follow_up_done_on": "2025-06-20", "follow_up_note": "已追蹤"},
            base_version=final["version"],
        )
    )
    assert done["status"] == "applied", done  # the follow-up of a final note is recorded afterwards
    assert other.supervisor.records().get(note_id) is None


def test_team_setting_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = str(tmp_path / "server.db")

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(["--database-url", url, *argv])
        out, err = capsys.readouterr()
        return code, out, err

    assert run("migrate")[0] == 0 and run("demo")[0] == 0
    assert run("team-setting", "--team", DEMO_TEAM)[1] == f"{DEMO_TEAM}\tclosure-signoff\toff\n"
    code, out, err = run("team-setting", "--team", DEMO_TEAM, "--closure-signoff", "on")
    assert (code, out) == (0, f"{DEMO_TEAM}\tclosure-signoff\ton\n") and "next sync" in err
    code, _, err = run("team-setting", "--team", "沒有這個團隊", "--closure-signoff", "on")
    assert code == 2 and "沒有名為" in err
