"""Property: three laptops making random offline edits (same and different fields, inserts, tombstones) and syncing
in random order with one real server converge to the same state once everyone has synced twice, and no pushed value
is lost silently: each is the final value, or kept in a conflict record, or was overwritten by someone who had seen
it (their edit's base was that value)."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.models import Case, Client, OutboxOp, ServiceRecord
from app.models.base import SyncMixin
from app.models.sync import SyncConflict
from app.services.validation import make_national_id
from app.store.tracking import content_columns
from app.store.values import to_json_value
from app.sync.client import sync
from app.sync.conflicts import rejected_edits
from app.sync.progress import Progress
from tests.factories import make_case, make_client, make_record
from tests.sync.live import Laptop, LiveServer, laptops

VALUES = ["", "甲", "乙", "丙"]
FIELDS: dict[type[SyncMixin], tuple[str, ...]] = {
    Client: ("strengths", "health"),
    Case: ("intake_assessment", "decision_reason"),
    ServiceRecord: ("notes", "place", "deleted"),
}

replica = st.integers(0, 2)
steps = st.lists(
    st.one_of(
        st.tuples(st.just("edit"), replica, st.integers(0, 20), st.integers(0, 2), st.sampled_from(VALUES)),
        st.tuples(st.just("insert"), replica, st.sampled_from(VALUES)),
        st.tuples(st.just("sync"), replica),
        # a sync during which the user types: the edit lands after the pull, before it is applied
        st.tuples(st.just("sync_typing"), replica, st.integers(0, 20), st.integers(0, 2), st.sampled_from(VALUES)),
    ),
    max_size=14,
)


@dataclass
class Example:
    """The records of one example, and every value pushed for them in push order."""

    client_id: uuid.UUID
    case_id: uuid.UUID
    pushed: list[tuple[uuid.UUID, str, Any, Any]] = field(default_factory=list)  # record, field, base, new

    def sync(self, laptop: Laptop, typing: Callable[[], None] | None = None) -> None:
        with laptop.store.transaction() as db:
            for op in db.scalars(select(OutboxOp).order_by(OutboxOp.seq)):
                for key, change in op.fields.items():
                    self.pushed.append((op.record_id, key, change["base"], change["new"]))

        def on_progress(progress: Progress) -> None:
            if typing is not None and progress.phase == "apply":
                typing()

        report = sync(laptop.store, on_progress=on_progress)
        assert report.rejected == 0 and not report.drift


def _records(laptop: Laptop, example: Example) -> list[SyncMixin]:
    with laptop.store.transaction() as db:
        found: list[SyncMixin] = [db.get_one(Client, example.client_id), db.get_one(Case, example.case_id)]
        found.extend(
            db.scalars(select(ServiceRecord).where(ServiceRecord.case_id == example.case_id).order_by(ServiceRecord.id))
        )
        return found


def _state(laptop: Laptop, example: Example) -> dict[uuid.UUID, tuple[int, dict[str, Any]]]:
    return {
        row.id: (row.version, {key: to_json_value(getattr(row, key)) for key in content_columns(row)})
        for row in _records(laptop, example)
    }


def _conflicts(laptop: Laptop, ids: set[uuid.UUID]) -> set[tuple[uuid.UUID, str, Any, Any, bool]]:
    with laptop.store.transaction() as db:
        return {
            (c.record_id, c.field, _key(c.mine), _key(c.theirs), c.resolved)
            for c in db.scalars(select(SyncConflict).where(SyncConflict.record_id.in_(ids)))
        }


def _key(value: Any) -> Any:
    return repr(value)


def _edit(laptop: Laptop, example: Example, pick: int, which: int, value: str) -> None:
    rows = _records(laptop, example)
    row = rows[pick % len(rows)]
    fields = FIELDS[type(row)]
    key = fields[which % len(fields)]
    with laptop.store.transaction() as db:
        target = db.get_one(type(row), row.id)
        setattr(target, key, True if key == "deleted" else value)


def test_replicas_converge_and_keep_every_clashing_value(live_server: LiveServer, tmp_path: Path) -> None:
    serial = iter(range(1, 10_000))
    with laptops(live_server, tmp_path, "cm.chen", "cm.chen", "cm.chen") as replicas:

        @settings(
            max_examples=20,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        )
        @given(steps=steps)
        # Always among the examples: the same field changed on two laptops, and a tombstone meeting an edit.
        @example(steps=[("edit", 0, 1, 0, "甲"), ("edit", 1, 1, 0, "乙"), ("sync", 0), ("sync", 1)])
        @example(steps=[("edit", 0, 2, 2, ""), ("edit", 2, 2, 0, "丙"), ("sync", 2), ("sync", 0)])
        @example(steps=[("edit", 1, 0, 0, "乙"), ("sync", 1), ("sync_typing", 0, 0, 0, "甲")])
        def run(steps: list[tuple[Any, ...]]) -> None:
            first = replicas[0]
            with first.store.transaction() as db:
                client = make_client(id_number=make_national_id("C", 1, next(serial)))
                case = make_case(client)
                db.add_all([client, case, make_record(case, notes=""), make_record(case, notes="")])
            example = Example(client.id, case.id)
            for laptop in replicas:
                example.sync(laptop)

            for step in steps:
                laptop = replicas[step[1]]
                if step[0] == "edit":
                    _edit(laptop, example, *step[2:])
                elif step[0] == "sync_typing":
                    example.sync(laptop, functools.partial(_edit, laptop, example, *step[2:]))
                elif step[0] == "insert":
                    with laptop.store.transaction() as db:
                        db.add(make_record(db.get_one(Case, example.case_id), notes=step[2]))
                else:
                    example.sync(laptop)
            for _ in range(2):
                for laptop in replicas:
                    example.sync(laptop)

            states = [_state(laptop, example) for laptop in replicas]
            assert states[0] == states[1] == states[2]
            ids = set(states[0])
            conflicts = [_conflicts(laptop, ids) for laptop in replicas]
            assert conflicts[0] == conflicts[1] == conflicts[2]
            final = states[0]
            for index, (record_id, key, _, new) in enumerate(example.pushed):
                if final[record_id][1][key] == new:
                    continue
                if any(c[0] == record_id and c[1] == key and _key(new) in (c[2], c[3]) for c in conflicts[0]):
                    continue
                seen_later = any(
                    r == record_id and k == key and base == new for r, k, base, _ in example.pushed[index + 1 :]
                )
                assert seen_later, f"{key}={new!r} of {record_id} was lost without a conflict"

        run()
        for laptop in replicas:
            assert rejected_edits(laptop.store) == []
        with replicas[0].store.transaction() as db:
            clashes = set(db.scalars(select(SyncConflict.field)))
        assert {"intake_assessment", "deleted"} <= clashes
