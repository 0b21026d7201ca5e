"""20 concurrent pushers on PostgreSQL while pullers follow by cursor: no puller may skip a change.

This is the out-of-order commit problem (docs/sync-protocol.md, "Versions on PostgreSQL"): if version 12 could
commit while 11 is still in flight, a pull between the two commits would return 12, move the cursor past 11 and
never see it. The server prevents it by holding the `sync_counter` row until commit; with versions handed out by a
plain sequence instead, this test fails (checked once by swapping the counter for `nextval`).
"""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from server.models import Role
from tests.server.support import Api, Env

PUSHERS = 20
BATCHES = 5
OPS_PER_BATCH = 3
PULLERS = 3


class Puller:
    """Follows the server like a laptop does: page after page from its cursor, never from the start again."""

    def __init__(self, api: Api) -> None:
        self.api = api
        self.cursor = 0
        self.state: dict[str, int] = {}  # record id → version last seen
        self.errors: list[str] = []

    def pull_once(self) -> None:
        page = self.api.page(self.cursor, limit=50)
        previous = self.cursor
        for item in page["items"]:
            if item["version"] <= previous:
                self.errors.append(f"version {item['version']} arrived after {previous}")
            previous = item["version"]
            if item["kind"] == "record":
                self.state[item["id"]] = item["version"]
        self.cursor = page["cursor"]
        if page["more"]:
            self.pull_once()

    def follow(self, stop: threading.Event) -> None:
        try:
            while not stop.wait(0.01):  # a short pause: laptops do not poll in a tight loop
                self.pull_once()
            self.pull_once()
        except Exception as exc:  # reported by the test, not lost in the thread
            self.errors.append(repr(exc))


def _push_caseload(api: Api, failures: list[str], start: threading.Barrier) -> None:
    try:
        start.wait()
        _, case_id = api.caseload()
        mine: list[tuple[str, int]] = []
        for batch in range(BATCHES):
            ops = [api.new_record(case_id, notes=f"{batch}-{n}") for n in range(OPS_PER_BATCH)]
            if mine:  # also move one earlier record on, so versions of old records change under the pullers
                record_id, version = mine[-1]
                ops.append(
                    (record_id, api.op("service_record", record_id, {"place": f"b{batch}"}, base_version=version))
                )
            results = api.push(*(op for _, op in ops))
            for (record_id, _), result in zip(ops, results, strict=True):
                if result["status"] not in ("applied", "merged"):
                    failures.append(f"{api.username}: {result}")
                mine.append((record_id, result["version"]))
    except Exception as exc:
        failures.append(f"{api.username}: {exc!r}")


@pytest.mark.slow
def test_pullers_following_concurrent_pushers_see_every_change(pg_env: Env) -> None:
    team = pg_env.team()
    pushers = [pg_env.login(pg_env.user(team=team, prefix="cm")) for _ in range(PUSHERS)]
    pullers = [Puller(pg_env.login(pg_env.user(Role.SUPERVISOR, team=team, prefix="sup"))) for _ in range(PULLERS)]
    failures: list[str] = []
    start = threading.Barrier(PUSHERS)
    stop = threading.Event()
    push_threads = [threading.Thread(target=_push_caseload, args=(api, failures, start)) for api in pushers]
    pull_threads = [threading.Thread(target=puller.follow, args=(stop,)) for puller in pullers]
    started = time.monotonic()
    for thread in [*pull_threads, *push_threads]:
        thread.start()
    for thread in push_threads:
        thread.join(timeout=120)
    stop.set()
    for thread in pull_threads:
        thread.join(timeout=60)
    elapsed = time.monotonic() - started

    assert failures == []
    truth: dict[str, Any] = {item_id: item["version"] for item_id, item in pullers[0].api.records().items()}
    expected_records = PUSHERS * (2 + BATCHES * OPS_PER_BATCH)
    assert len(truth) == expected_records
    for puller in pullers:
        assert puller.errors == []
        missing = {record_id for record_id in truth if puller.state.get(record_id) != truth[record_id]}
        assert not missing, f"a puller skipped {len(missing)} change(s) in {elapsed:.1f} s"
        assert puller.cursor == max(truth.values())
