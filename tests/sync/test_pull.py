"""Pull: each page staged with its cursor in one transaction, so an interrupted pull resumes where it stopped."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from app.models.sync import SyncInboxItem
from app.store.store import Store
from app.sync import credentials
from app.sync.errors import OfflineError, ServerRefused
from app.sync.pull import pull
from app.sync.transport import RetryPolicy, Transport


def _transport(handler: Callable[[httpx.Request], httpx.Response]) -> Transport:
    return Transport(
        "http://127.0.0.1:9",
        "tok",
        transport=httpx.MockTransport(handler),
        sleep=lambda s: None,
        retry=RetryPolicy(tries=1, rng=random.Random(0)),
    )


def _item(version: int) -> dict[str, Any]:
    return {"kind": "scope_removal", "version": version, "case_id": f"c{version}", "client_id": None}


def _pages(fail_at: int | None, asked: list[int]) -> Callable[[httpx.Request], httpx.Response]:
    """Three pages of two items each (versions 1–6), the last with the scope hash."""

    def handler(request: httpx.Request) -> httpx.Response:
        since = int(request.url.params["since"])
        asked.append(since)
        if since == fail_at:
            raise httpx.ReadTimeout("link lost", request=request)
        items = [_item(v) for v in (since + 1, since + 2) if v <= 6]
        cursor = items[-1]["version"] if items else since
        more = cursor < 6
        return httpx.Response(
            200, json={"items": items, "cursor": cursor, "more": more, "scope_hash": None if more else "ab" * 8}
        )

    return handler


def _staged(store: Store) -> list[int]:
    with store.transaction() as db:
        return list(db.scalars(select(SyncInboxItem.version).order_by(SyncInboxItem.seq)))


def test_an_interrupted_pull_resumes_at_the_last_staged_page(store: Store) -> None:
    asked: list[int] = []
    with _transport(_pages(4, asked)) as t, pytest.raises(OfflineError):
        pull(store, t, limit=2)
    assert asked == [0, 2, 4]
    assert _staged(store) == [1, 2, 3, 4]
    with store.transaction() as db:
        assert credentials.cursor(db) == 4
    asked.clear()
    with _transport(_pages(None, asked)) as t:
        outcome = pull(store, t, limit=2)
    assert asked == [4]
    assert (outcome.items, outcome.cursor, outcome.scope_hash) == (2, 6, "ab" * 8)
    assert _staged(store) == [1, 2, 3, 4, 5, 6]


@pytest.mark.parametrize(
    "page",
    [
        {"items": [], "cursor": 0, "more": True, "scope_hash": None},  # would never end
        {"items": [], "cursor": -1, "more": False, "scope_hash": None},  # cursor going back
        {"items": [{"kind": "gossip", "version": 1}], "cursor": 1, "more": False, "scope_hash": None},
        {"items": "nope", "cursor": 1, "more": False},
    ],
)
def test_a_page_that_makes_no_sense_stages_nothing(store: Store, page: dict[str, Any]) -> None:
    with _transport(lambda request: httpx.Response(200, json=page)) as t, pytest.raises(ServerRefused):
        pull(store, t)
    assert _staged(store) == []
