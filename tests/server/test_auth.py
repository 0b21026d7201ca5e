"""Login, device tokens, the protocol header, logout, revocation and login rate limiting, over real HTTP."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import select

from server.core.config import Settings
from server.models import Device, Role
from server.models.base import utcnow
from server.services import auth
from tests.server.conftest import running_env
from tests.server.support import PASSWORD, Env


def test_health_needs_no_login_and_the_contract_is_published(env: Env) -> None:
    with env.server.client() as client:
        assert client.get("/api/v1/health").json() == {"status": "ok", "protocol": 1}
        spec = client.get("/openapi.json").json()
    assert {"/api/v1/sync/push", "/api/v1/sync/changes", "/api/v1/auth/login", "/api/v1/auth/logout"} <= set(
        spec["paths"]
    )


def test_another_protocol_version_gets_426_with_a_message(env: Env) -> None:
    with env.server.client(**{"X-FieldCase-Protocol": "2"}) as client:
        response = client.get("/api/v1/health")
        assert response.status_code == 426
        assert response.json()["detail"]["code"] == "protocol"
        assert response.json()["detail"]["message_zh"]
        missing = client.post("/api/v1/auth/login", json={}, headers={"X-FieldCase-Protocol": ""})
    assert missing.status_code == 426


def test_login_gives_a_device_token_kept_only_as_its_hash(env: Env) -> None:
    username = env.user(Role.SUPERVISOR, team="督導組")
    api = env.login(username)
    assert api.client.get("/api/v1/sync/changes").status_code == 200
    with env.database.unit() as session:
        stored = session.scalar(select(Device.token_hash).where(Device.id == api.device_id))
    assert stored == hashlib.sha256(api.token.encode()).hexdigest()
    login = env.sql("SELECT count(*) FROM audit_log WHERE username = :u AND action = 'login'", u=username)
    assert login[0][0] == 1
    with env.server.client() as client:
        body = client.post(
            "/api/v1/auth/login", json={"username": username, "password": PASSWORD, "device_name": "x"}
        ).json()
    assert body["user"] == {"username": username, "display_name": "", "role": "supervisor", "team": "督導組"}
    assert len(body["token"]) >= 43


def test_wrong_password_and_unknown_user_look_the_same(env: Env) -> None:
    username = env.user()
    with env.server.client() as client:
        wrong = client.post("/api/v1/auth/login", json={"username": username, "password": "nope", "device_name": ""})
        unknown = client.post("/api/v1/auth/login", json={"username": "nobody", "password": "nope"})
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()
    assert wrong.json()["detail"]["code"] == "login_failed"


@pytest.mark.parametrize("authorization", [None, "Bearer not-a-token", "Basic abc", "Bearer"])
def test_requests_without_a_valid_token_get_401(env: Env, authorization: str | None) -> None:
    headers = {"Authorization": authorization} if authorization else {}
    with env.server.client() as client:
        response = client.get("/api/v1/sync/changes", headers=headers)
    assert response.status_code == 401
    assert set(response.json()["detail"]) == {"code", "message_zh", "message_en"}


def test_logout_ends_only_the_calling_devices_token_and_is_not_a_revocation(env: Env) -> None:
    username = env.user()
    laptop, tablet = env.login(username), env.login(username)
    assert laptop.client.post("/api/v1/auth/logout").status_code == 204
    for refused in (
        laptop.client.get("/api/v1/sync/changes"),
        laptop.client.post("/api/v1/sync/push", json={"ops": []}),
        laptop.client.post("/api/v1/auth/logout"),
    ):
        # 401, never 403 device_revoked: that answer makes a laptop wipe its store, and logging out must not
        assert refused.status_code == 401, refused.text
        assert refused.json()["detail"]["code"] == "logged_out"
        assert refused.headers["www-authenticate"] == "Bearer"
    assert tablet.client.get("/api/v1/sync/changes").status_code == 200
    with env.database.unit() as session:
        device = session.get_one(Device, laptop.device_id)
        assert device.logged_out_at is not None and device.revoked_at is None
    actions = env.sql("SELECT action FROM audit_log WHERE username = :u ORDER BY id", u=username)
    assert [row[0] for row in actions] == ["login", "login", "logout"]


def test_an_admin_revocation_after_a_logout_is_still_a_revocation(env: Env) -> None:
    username = env.user()
    laptop = env.login(username)
    assert laptop.client.post("/api/v1/auth/logout").status_code == 204
    with env.database.unit() as session:
        assert [d.id for d in auth.revoke(session, "cli", device_id=laptop.device_id)] == [laptop.device_id]
    refused = laptop.client.get("/api/v1/sync/changes")
    assert refused.status_code == 403 and refused.json()["detail"]["code"] == "device_revoked"


def test_an_admin_revokes_a_device_and_it_is_told_so_everywhere(env: Env) -> None:
    team = env.team()
    username, admin = env.user(team=team), env.user(Role.ADMIN, team=team)
    laptop, admin_api = env.login(username), env.login(admin)
    other = env.login(env.user(team=team))
    forbidden = other.client.post(f"/api/v1/admin/devices/{laptop.device_id}/revoke")
    assert forbidden.status_code == 403
    assert forbidden.json()["detail"]["code"] == "scope"
    revoked = admin_api.client.post(f"/api/v1/admin/devices/{laptop.device_id}/revoke")
    assert revoked.status_code == 200 and revoked.json()["revoked_at"]
    for response in (
        laptop.client.get("/api/v1/sync/changes"),
        laptop.client.post("/api/v1/sync/push", json={"ops": []}),
    ):
        assert response.status_code == 403
        assert response.json()["detail"]["code"] == "device_revoked"
    assert admin_api.client.post(f"/api/v1/admin/devices/{admin_api.device_id}0/revoke").status_code == 422
    audit = env.sql("SELECT count(*) FROM audit_log WHERE action = 'revoke' AND username = :u", u=admin)
    assert audit[0][0] == 1


def test_revoking_every_device_of_a_user(env: Env) -> None:
    username = env.user()
    first, second = env.login(username), env.login(username)
    with env.database.unit() as session:
        revoked = auth.revoke(session, "cli", username=username)
    assert {d.id for d in revoked} == {first.device_id, second.device_id}
    assert second.client.get("/api/v1/sync/changes").json()["detail"]["code"] == "device_revoked"


@pytest.fixture
def proxied_env(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Env]:
    """A fresh database behind a (pretend) proxy, so each test's failures come from addresses of its own."""
    with running_env(request, "sqlite", tmp_path_factory, behind_proxy=True) as running:
        yield running


def _try(env: Env, username: str, password: str, address: str) -> tuple[int, dict[str, str]]:
    with env.server.client(**{"X-Forwarded-For": address}) as client:
        response = client.post("/api/v1/auth/login", json={"username": username, "password": password})
    return response.status_code, dict(response.headers)


def test_five_failures_for_one_username_lock_it_for_fifteen_minutes(proxied_env: Env) -> None:
    victim, bystander = proxied_env.user(), proxied_env.user()
    for n in range(5):
        assert _try(proxied_env, victim, "wrong", f"10.0.0.{n}")[0] == 401
    status, headers = _try(proxied_env, victim, PASSWORD, "10.0.1.1")
    assert status == 429
    assert 890 <= int(headers["retry-after"]) <= 900
    assert _try(proxied_env, bystander, PASSWORD, "10.0.1.2")[0] == 200


def test_five_failures_from_one_address_lock_that_address(proxied_env: Env) -> None:
    users = [proxied_env.user() for _ in range(6)]
    for username in users[:5]:
        assert _try(proxied_env, username, "wrong", "10.9.9.9")[0] == 401
    status, headers = _try(proxied_env, users[5], PASSWORD, "10.9.9.9")
    assert status == 429 and int(headers["retry-after"]) > 0
    assert _try(proxied_env, users[5], PASSWORD, "10.9.9.10")[0] == 200


def test_failures_older_than_the_window_no_longer_count(env: Env) -> None:
    username = env.user()
    settings = Settings(database_url=env.url)
    past = utcnow() - timedelta(minutes=16)
    with env.database.unit() as session:
        for _ in range(5):
            result = auth.login(
                session, settings, username=username, password="bad", device_name="", address="192.0.2.1", now=past
            )
            assert result.error is not None
    with env.database.unit() as session:
        result = auth.login(
            session, settings, username=username, password=PASSWORD, device_name="", address="192.0.2.1"
        )
    assert result.error is None and result.token
