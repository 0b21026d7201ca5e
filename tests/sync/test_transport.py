"""Transport: headers, gzip bodies, retries with back-off and jitter, and errors a user can read."""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Iterator

import httpx
import pytest

from app.sync.errors import (
    DeviceRevoked,
    NotLoggedIn,
    OfflineError,
    ProtocolMismatch,
    RequestRefused,
    ServerRefused,
)
from app.sync.transport import GZIP_MIN_BYTES, PROTOCOL_HEADER, RetryPolicy, Transport, normalise_server_url

URL = "http://127.0.0.1:9"


def _transport(handler: httpx.MockTransport, sleeps: list[float], token: str | None = "tok") -> Transport:
    return Transport(URL, token, transport=handler, sleep=sleeps.append, retry=RetryPolicy(rng=random.Random(1)))


def _error(status: int, code: str, headers: dict[str, str] | None = None) -> httpx.Response:
    body = {"detail": {"code": code, "message_zh": f"中文 {code}", "message_en": f"english {code}"}}
    return httpx.Response(status, json=body, headers=headers)


def test_every_request_carries_protocol_and_token_and_big_bodies_go_gzip() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"results": []})

    with _transport(httpx.MockTransport(handler), []) as t:
        t.post("/sync/push", {"ops": []})
        t.post("/sync/push", {"ops": [{"note": "晤談" * GZIP_MIN_BYTES}]})
    small, big = seen
    assert small.headers[PROTOCOL_HEADER] == "1"
    assert small.headers["Authorization"] == "Bearer tok"
    assert "Content-Encoding" not in small.headers
    assert big.headers["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(big.content))["ops"][0]["note"].startswith("晤談")
    assert str(big.url) == f"{URL}/api/v1/sync/push"


def test_busy_server_and_dropped_links_are_retried_with_growing_jittered_waits() -> None:
    answers: Iterator[str | int] = iter(["drop", 503, 502, "timeout", 200])

    def handler(request: httpx.Request) -> httpx.Response:
        answer = next(answers)
        if answer == "drop":
            raise httpx.RemoteProtocolError("server disconnected", request=request)
        if answer == "timeout":
            raise httpx.ReadTimeout("slow", request=request)
        assert isinstance(answer, int)
        return httpx.Response(answer, json={"ok": True})

    sleeps: list[float] = []
    with _transport(httpx.MockTransport(handler), sleeps) as t:
        assert t.get("/sync/changes", {"since": 0}) == {"ok": True}
        assert t.retries == 4
    assert len(sleeps) == 4
    for attempt, wait in enumerate(sleeps):
        assert 0 <= wait <= min(30.0, 0.5 * 2**attempt)


def test_429_waits_at_least_retry_after() -> None:
    answers = iter([_error(429, "rate_limited", {"Retry-After": "3"}), httpx.Response(200, json={})])
    sleeps: list[float] = []
    with _transport(httpx.MockTransport(lambda request: next(answers)), sleeps) as t:
        t.get("/sync/changes")
    assert sleeps and sleeps[0] >= 3


def test_a_long_retry_after_is_not_waited_for() -> None:
    sleeps: list[float] = []
    handler = httpx.MockTransport(lambda request: _error(429, "rate_limited", {"Retry-After": "900"}))
    with _transport(handler, sleeps) as t, pytest.raises(RequestRefused) as caught:
        t.post("/auth/login", {})
    assert sleeps == [] and caught.value.status == 429 and caught.value.message_en == "english rate_limited"


def test_gives_up_after_five_tries_and_says_offline() -> None:
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        raise httpx.ConnectError("no route", request=request)

    sleeps: list[float] = []
    with _transport(httpx.MockTransport(handler), sleeps) as t, pytest.raises(OfflineError) as caught:
        t.get("/sync/changes")
    assert len(calls) == 5 and len(sleeps) == 4
    assert "網路" in caught.value.message_zh


@pytest.mark.parametrize(
    ("response", "error"),
    [
        (_error(426, "protocol"), ProtocolMismatch),
        (_error(401, "token"), NotLoggedIn),
        (_error(403, "device_revoked"), DeviceRevoked),
        (_error(403, "scope"), RequestRefused),
        (_error(422, "validation"), RequestRefused),
        (httpx.Response(500, text="boom"), ServerRefused),
        (httpx.Response(200, text="not json"), ServerRefused),
    ],
)
def test_errors_map_to_app_errors(response: httpx.Response, error: type[Exception]) -> None:
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        return response

    with _transport(httpx.MockTransport(handler), []) as t, pytest.raises(error):
        t.get("/sync/changes")
    assert len(calls) == 1  # none of these is retried


def test_protocol_mismatch_asks_for_an_update() -> None:
    with (
        _transport(httpx.MockTransport(lambda r: _error(426, "protocol")), []) as t,
        pytest.raises(ProtocolMismatch) as caught,
    ):
        t.health()
    assert "更新" in caught.value.message_zh and "update the app" in caught.value.message_en


def test_scope_refusal_shows_the_servers_words() -> None:
    handler = httpx.MockTransport(lambda r: _error(403, "scope"))
    with _transport(handler, []) as t, pytest.raises(RequestRefused) as caught:
        t.get("/sync/changes")
    assert (caught.value.code, caught.value.message_zh) == ("scope", "中文 scope")


@pytest.mark.parametrize("url", ["http://sync.example.tw", "ftp://x", "sync.example.tw", ""])
def test_plain_http_only_to_this_machine(url: str) -> None:
    with pytest.raises(RequestRefused):
        normalise_server_url(url)


def test_server_url_forms() -> None:
    assert normalise_server_url(" https://sync.example.tw/ ") == "https://sync.example.tw"
    assert normalise_server_url("http://localhost:8000") == "http://localhost:8000"
    assert normalise_server_url("http://[::1]:8000") == "http://[::1]:8000"
