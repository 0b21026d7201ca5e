"""The server side of a laptop's first push, in process: the ops a 300-case demo laptop sends on its first sync
(`app.services.demo`, built and ordered as `app.sync.push` sends them), applied by the push route's own function
(`server.api.routes.sync.push`: the request validated, each op in its savepoint, the batch committed once) in
batches of 100 as the client sends them, on a fresh SQLite file and a fresh PostgreSQL database. No HTTP and no
client: what this measures is the server's work per op.

    python -m bench.bench_push [--profile] [--backend sqlite|postgresql] [--cases N]

`--profile` runs the push under cProfile and prints the top functions by cumulative and by own time.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import event, func, select

from app.models.local import OutboxOp
from app.services.demo import generate_demo
from app.store import keys
from app.store.store import Store
from app.sync.push import BATCH, _send_order
from bench.bench_sync import postgres_database
from server.api.routes.sync import push as push_route
from server.api.schemas import PushRequest
from server.core.config import Settings
from server.core.db import Database
from server.migrate import upgrade
from server.models import AuditLog, Device, Record, Role, SyncOp
from server.services import auth
from server.services.principal import Principal

USERNAME = "cm.chen"


def laptop_ops(folder: Path, cases: int) -> list[dict[str, Any]]:
    """The wire ops of a demo laptop's first push, in the order the client sends them."""
    os.environ.setdefault(keys.PASSPHRASE_ENV, "bench passphrase")
    store = Store.open(folder / "laptop.db", actor=USERNAME)
    try:
        generate_demo(store, cases, seed=7, today=date(2025, 11, 20), owner=USERNAME)
        order = _send_order(store, set())
        with store.transaction() as session:
            rows = {row.op_id: row for row in session.scalars(select(OutboxOp))}
            return [
                {
                    "op_id": str(row.op_id),
                    "seq": row.seq,
                    "record_type": row.record_type,
                    "record_id": str(row.record_id),
                    "op": row.op,
                    "base_version": row.base_version,
                    "fields": dict(row.fields),
                }
                for row in (rows[op_id] for op_id in order)
            ]
    finally:
        store.close()


def _principal(database: Database) -> Principal:
    with database.unit() as session:
        user = auth.create_user(session, username=USERNAME, role=Role.CASE_MANAGER, team="bench", password="x" * 12)
        device = Device(id=uuid.uuid4(), user_id=user.id, name="bench", token_hash=uuid.uuid4().hex)
        session.add(device)
        session.flush()
        return Principal(
            user_id=user.id,
            username=user.username,
            display_name=user.display_name,
            role=user.role,
            team_id=user.team_id,
            team_name=user.team.name,
            device_id=device.id,
            address="127.0.0.1",
        )


def run(label: str, url: str, ops: list[dict[str, Any]], profile: bool) -> None:
    database = Database(Settings(database_url=url))
    try:
        upgrade(database.engine)
        principal = _principal(database)
        batches = [ops[start : start + BATCH] for start in range(0, len(ops), BATCH)]
        profiler = cProfile.Profile() if profile else None
        statements: dict[str, int] = {}

        def count(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
            verb = statement.split(None, 1)[0].upper()
            statements[verb] = statements.get(verb, 0) + 1

        event.listen(database.engine, "before_cursor_execute", count)
        statuses: dict[str, int] = {}
        started = time.perf_counter()
        if profiler:
            profiler.enable()
        for batch in batches:
            response = push_route(PushRequest.model_validate({"ops": batch}), principal, database)
            for result in response.results:
                statuses[result.status] = statuses.get(result.status, 0) + 1
        if profiler:
            profiler.disable()
        seconds = time.perf_counter() - started
        event.remove(database.engine, "before_cursor_execute", count)
        # The same batches again: every op answered from the op log.
        replay_started = time.perf_counter()
        for batch in batches[:10]:
            push_route(PushRequest.model_validate({"ops": batch}), principal, database)
        replay = (time.perf_counter() - replay_started) / sum(len(batch) for batch in batches[:10])
        with database.unit() as session:
            counts = (
                session.scalar(select(func.count()).select_from(Record)),
                session.scalar(select(func.count()).select_from(SyncOp)),
                session.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.action == "write")),
            )
        shown = ", ".join(f"{count} {status}" for status, count in sorted(statuses.items()))
        print(
            f"== push ({label}): {len(ops)} ops in {len(batches)} batches: {seconds:.2f} s, "
            f"{seconds / len(ops) * 1000:.2f} ms/op ({len(ops) / seconds:.0f} ops/s); {shown}; "
            f"replayed {replay * 1000:.2f} ms/op; {counts[0]} records, {counts[1]} op log rows, "
            f"{counts[2]} write audits =="
        )
        per_op = ", ".join(f"{verb} {number / len(ops):.2f}" for verb, number in sorted(statements.items()))
        print(f"   statements per op: {sum(statements.values()) / len(ops):.2f} ({per_op})")
        if profiler:
            stats = pstats.Stats(profiler)
            stats.sort_stats("cumulative").print_stats(45)
            stats.sort_stats("tottime").print_stats(30)
    finally:
        database.dispose()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], action="append")
    parser.add_argument("--cases", type=int, default=300)
    args = parser.parse_args(argv)
    backends = args.backend or ["sqlite", "postgresql"]
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        ops = laptop_ops(folder, args.cases)
        if "sqlite" in backends:
            run("SQLite", f"sqlite:///{folder / 'server.db'}", ops, args.profile)
        if "postgresql" in backends:
            with postgres_database() as url:
                if url is None:
                    print("== push (PostgreSQL): skipped, no PostgreSQL at 127.0.0.1:5432 ==")
                else:
                    run("PostgreSQL", url, ops, args.profile)


if __name__ == "__main__":
    main()
