"""The supervisor's server aggregates (issue 6) on PostgreSQL with 100,000 cases: the queries behind
GET /api/v1/team/overview and GET /api/v1/team/kpi (server.services.team_figures); target ≤ 200 ms each.

The data are synthetic record rows written straight into a fresh schema with COPY (not through push: a push of
600,000 records would measure the push): 100,000 clients and cases dealt to teams of 20 case managers, about 270,000
service records, 100,000 contact attempts, 27,000 jobs and 1,000 sync conflicts, each record's content the full JSON
a laptop sends (every field of its type). The schema is made by the server's own migrations and dropped afterwards.

    python -m bench.bench_server_aggregates              # 10 teams of 10,000 cases (a large city's office each)
    python -m bench.bench_server_aggregates --teams 1    # worst case: one team holding all 100,000 cases

PostgreSQL at 127.0.0.1:5432, database `test` (FIELDCASE_BENCH_PG overrides the libpq connection string).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import psycopg

from app.services.exchange_schema import FieldType
from server.core.config import Settings
from server.core.db import Database
from server.migrate import upgrade
from server.services import kpi_figures, overview_figures
from server.services.fields import field_specs

PG = os.environ.get("FIELDCASE_BENCH_PG", "host=127.0.0.1 port=5432 user=postgres dbname=test")
CASES = 100_000
MANAGERS_PER_TEAM = 20
ON = date(2026, 11, 22)
RUNS = 7
TARGET_MS = 200.0
RECORD_COLUMNS = (
    "id, record_type, version, data, deleted, case_id, client_id, parent_id, team_id, anchored, created_by, "
    "created_at, updated_at, updated_by"
)


def _blank(record_type: str) -> dict[str, Any]:
    """Every field of the type with its default, as an insert from a laptop carries them."""
    found: dict[str, Any] = {}
    for name, spec in field_specs(record_type).items():
        if spec.default is not None:
            found[name] = spec.default
        elif spec.field.datatype is FieldType.TEXT and not spec.field.nullable:
            found[name] = ""
        else:
            found[name] = None
    return found


class Writer:
    """Synthetic record rows for COPY, versions in order."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.version = 0
        self.now = datetime(2026, 11, 22, 3, 0, tzinfo=UTC)
        types = ("client", "case", "service_record", "contact_attempt", "employment")
        self.blanks = {name: _blank(name) for name in types}

    def row(
        self,
        record_type: str,
        data: dict[str, Any],
        *,
        record_id: uuid.UUID,
        case_id: uuid.UUID | None,
        client_id: uuid.UUID | None,
        by: str,
    ) -> tuple[Any, ...]:
        """A record row placed as server.services.scope.place would place it (a case child hangs from its case)."""
        self.version += 1
        parent = case_id if record_type not in ("client", "case") else None
        content = json.dumps({**self.blanks[record_type], **data}, ensure_ascii=False)
        now = self.now
        return (
            record_id,
            record_type,
            self.version,
            content,
            False,
            case_id,
            client_id,
            parent,
            None,
            True,
            by,
            now,
            now,
            by,
        )

    def day(self, start: date, end: date) -> date:
        return start + timedelta(days=self.rng.randint(0, max((end - start).days, 0)))


def _case_data(w: Writer, i: int, client_id: uuid.UUID, owner: str) -> tuple[dict[str, Any], date | None, date | None]:
    rng = w.rng
    applied = w.day(date(2019, 1, 1), ON - timedelta(days=7))
    data: dict[str, Any] = {
        "client_id": str(client_id),
        "programme": rng.choices(["vr", "supported_employment", "employment_service"], [7, 2, 1])[0],
        "source": "self",
        "application_date": applied.isoformat(),
        "owner": owner,
        "county": rng.choice(["TPE", "NWT", "TAO", "KHH", "HUA"]),
        "unit": "職業重建個案管理服務窗口",
        "intake_assessed_on": (applied + timedelta(days=3)).isoformat(),
        "intake_assessment": "接案評估：具工作意願，適合開案。",
    }
    if rng.random() >= 0.9:
        closed = (applied + timedelta(days=5)).isoformat()
        data.update(decision="not_open", decision_reason="需醫療資源優先協助", stage="G", closed_on=closed)
        return data, None, None
    opened_on = min(applied + timedelta(days=10), ON)
    closed_on = min(opened_on + timedelta(days=rng.randint(30, 900)), ON) if rng.random() < 0.5 else None
    data.update(
        decision="open",
        opened_on=opened_on.isoformat(),
        closed_on=closed_on.isoformat() if closed_on else None,
        stage="G" if closed_on else rng.choice("CDEF"),
    )
    return data, opened_on, closed_on


def _job(w: Writer, case_id: uuid.UUID, opened_on: date, last: date) -> dict[str, Any]:
    rng = w.rng
    start = w.day(opened_on, last)
    hours = rng.choice([20, 25, 30, 40, 40, 40])
    return {
        "case_id": str(case_id),
        "employer": "某某股份有限公司",
        "job_title": "作業員",
        "start_on": start.isoformat(),
        "hours_per_week": hours,
        "monthly_wage": str(rng.randint(26000, 36000)) if hours >= 40 else None,
        "hourly_wage": str(rng.randint(176, 220)) if hours < 40 else None,
        "labour_insurance_on": start.isoformat() if rng.random() < 0.8 else None,
        "proof": rng.choice([None, "payroll", "time_card"]),
        "employer_size": rng.choice([None, 3, 30]),
        "competitive": rng.random() < 0.9,
        "employed_before_service": rng.random() < 0.05,
        "supported": rng.random() < 0.3,
        "intensive_support_days": rng.randint(0, 20),
        "end_on": w.day(start, last).isoformat() if rng.random() < 0.3 else None,
    }


def generate(teams: int, seed: int = 6) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """(table, row) for COPY: the records of 100,000 clients and cases with their service records, contact attempts
    and jobs, who owns each case, some conflicts, the version counter, the teams and their case managers."""
    w = Writer(seed)
    rng = w.rng
    managers = [f"cm{t:02d}.{m:02d}" for t in range(teams) for m in range(MANAGERS_PER_TEAM)]
    service_ids: list[uuid.UUID] = []
    for i in range(CASES):
        slot = i % len(managers)
        owner, team_id = managers[slot], slot // MANAGERS_PER_TEAM + 1
        client_id, case_id = uuid.uuid4(), uuid.uuid4()
        person = {
            "id_number": f"A{100000000 + i}",
            "name": f"個案{i:06d}",
            "gender": rng.choice("MF"),
            "birth_date": w.day(date(1960, 1, 1), date(2006, 1, 1)).isoformat(),
            "phone": f"09{i:08d}",
        }
        yield "record", w.row("client", person, record_id=client_id, case_id=None, client_id=client_id, by=owner)
        data, opened_on, closed_on = _case_data(w, i, client_id, owner)
        yield "record", w.row("case", data, record_id=case_id, case_id=case_id, client_id=client_id, by=owner)
        yield "access", (case_id, client_id, owner, team_id)
        if opened_on is None:
            continue
        last = closed_on or ON
        for _ in range(rng.randint(0, 6)):
            record_id = uuid.uuid4()
            service = {
                "case_id": str(case_id),
                "mode": rng.choice(["in_person", "phone", "home_visit"]),
                "held_on": w.day(opened_on, last).isoformat(),
                "notes": "訪視個案，討論求職進度與工作適應情形。",
                "status": "final" if rng.random() < 0.95 else "draft",
                "duration_minutes": 60,
            }
            service_ids.append(record_id)
            yield (
                "record",
                w.row("service_record", service, record_id=record_id, case_id=case_id, client_id=None, by=owner),
            )
        for _ in range(rng.choice([0, 1, 1, 2])):
            at = datetime.combine(w.day(opened_on, last), datetime.min.time(), UTC) + timedelta(
                hours=rng.randint(0, 23)
            )
            attempt = {
                "case_id": str(case_id),
                "attempted_at": at.isoformat(),
                "channel": "phone",
                "outcome": rng.choice(["reached", "reached", "no_answer", "message_left"]),
            }
            yield (
                "record",
                w.row("contact_attempt", attempt, record_id=uuid.uuid4(), case_id=case_id, client_id=None, by=owner),
            )
        if rng.random() < 0.3:
            job = _job(w, case_id, opened_on, last)
            yield "record", w.row("employment", job, record_id=uuid.uuid4(), case_id=case_id, client_id=None, by=owner)
    for record_id in rng.sample(service_ids, 1000):
        w.version += 1
        values = (json.dumps("舊"), json.dumps("甲"), json.dumps("乙"))
        yield "conflict", (uuid.uuid4(), w.version, "service_record", record_id, "notes", *values, "a", "b", w.now,
                           rng.random() < 0.5)  # fmt: skip
    yield "counter", (1, w.version)
    for t in range(teams):
        yield "team", (t + 1, f"bench-team-{t + 1:02d}", w.now, False)
    for index, username in enumerate(managers):
        yield "user", (index + 1, username, "", "case_manager", index // MANAGERS_PER_TEAM + 1, "x", w.now)


COPIES = {
    "team": "COPY team (id, name, created_at, closure_signoff) FROM STDIN",
    "user": "COPY user_account (id, username, display_name, role, team_id, password_hash, created_at) FROM STDIN",
    "record": f"COPY record ({RECORD_COLUMNS}) FROM STDIN",
    "access": "COPY case_access (case_id, client_id, owner, team_id) FROM STDIN",
    "conflict": "COPY sync_conflict (id, version, record_type, record_id, field, base, mine, theirs, mine_by, "
    "theirs_by, created_at, resolved) FROM STDIN",
}


def load(url_conninfo: str, schema: str, teams: int) -> dict[str, int]:
    rows: dict[str, list[tuple[Any, ...]]] = {kind: [] for kind in (*COPIES, "counter")}
    for kind, row in generate(teams):
        rows[kind].append(row)
    with psycopg.connect(url_conninfo, options=f"-csearch_path={schema}") as conn:
        for kind in ("team", "user", "record", "access", "conflict"):
            with conn.cursor() as cur, cur.copy(COPIES[kind]) as copy:
                for row in rows[kind]:
                    copy.write_row(row)
        conn.execute("UPDATE sync_counter SET value = %s", (rows["counter"][0][1],))
        conn.execute("ANALYZE")
    counts = {kind: len(found) for kind, found in rows.items()}
    counts["cases"] = CASES
    return counts


def timed(job: Callable[[], object], runs: int = RUNS) -> tuple[float, float]:
    job()  # warm: plans cached, pages in shared buffers
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        job()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), max(samples)


def main(teams: int = 10) -> dict[str, Any]:
    schema = f"bench_aggr_{uuid.uuid4().hex[:8]}"
    try:
        with psycopg.connect(PG, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'CREATE SCHEMA "{schema}"')
    except psycopg.OperationalError as exc:
        print(f"server aggregates (PostgreSQL): skipped, PostgreSQL is not reachable ({PG}): {exc}".strip())
        return {}
    url = f"postgresql+psycopg://postgres@127.0.0.1:5432/test?options=-csearch_path%3D{schema}"
    database = Database(Settings(database_url=url))
    try:
        upgrade(database.engine)
        started = time.perf_counter()
        counts = load(PG, schema, teams)
        loaded = time.perf_counter() - started
        with database.snapshot() as session:
            overview = timed(lambda: overview_figures.team_overview(session, 1, ON))
            kpi = timed(lambda: kpi_figures.team_kpi(session, 1, ON.year, ON))
            rows = overview_figures.team_overview(session, 1, ON).rows
        per_team = CASES // teams
        print(
            f"server aggregates (PostgreSQL): {CASES:,} cases in {teams} team(s), {per_team:,} in the team measured "
            f"({len(rows)} case managers); {counts['record']:,} records, {counts['conflict']:,} conflicts, "
            f"loaded by COPY in {loaded:.1f} s"
        )
        for name, (median, worst) in (("team/overview", overview), ("team/kpi", kpi)):
            verdict = "ok" if median <= TARGET_MS else "OVER"
            print(f"  {name:14} median {median:7.1f} ms  max {worst:7.1f} ms  (target ≤ {TARGET_MS:.0f} ms: {verdict})")
        return {"overview": overview, "kpi": kpi, "records": counts["record"], "load_s": loaded}
    finally:
        database.dispose()
        with psycopg.connect(PG, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teams", type=int, default=10, help="teams the 100,000 cases are dealt to (default 10)")
    main(parser.parse_args().teams)
