"""Search-as-you-type and loading a whole case on 50,000 clients / ~500,000 records, encrypted and plain.

Targets (issue 2): search query p95 ≤ 30 ms; loading a whole case ≤ 20 ms.
"""

from __future__ import annotations

import random
import statistics
import time
import uuid
from collections.abc import Callable

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.models import Case, Client
from app.services.cases import load_case
from app.store.search import search_clients
from app.store.store import Store
from bench.dataset import BENCH_KEY, BenchStore, build


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def typed_queries(session: Session, rng: random.Random, count: int) -> list[str]:
    """What a case manager types, keystroke by keystroke: name prefixes, ID-number prefixes, phone tails."""
    rows = session.execute(select(Client.name, Client.id_number, Client.mobile_phone).limit(5000)).all()
    queries: list[str] = []
    while len(queries) < count:
        name, id_number, phone = rng.choice(rows)
        kind = rng.random()
        if kind < 0.6:
            queries.extend(name[: i + 1] for i in range(len(name)))
        elif kind < 0.8:
            queries.extend(id_number[: i + 1] for i in range(2, 7))
        else:
            queries.extend(phone[-i:] for i in range(3, 7))
    return queries[:count]


def run_one(bench_store: BenchStore, queries: list[str] | None = None) -> tuple[dict[str, float], list[str]]:
    engine = bench_store.engine()
    rng = random.Random(7)
    figures: dict[str, float] = {}
    with Session(engine) as session:
        queries = queries or typed_queries(session, rng, 600)
        conn = session.connection()
        for q in queries[:50]:  # warm the page cache the way a working session would be
            search_clients(conn, q)
        samples = []
        for q in queries:
            started = time.perf_counter()
            search_clients(conn, q, limit=200)
            samples.append((time.perf_counter() - started) * 1000)
        figures["search_p50_ms"] = statistics.median(samples)
        figures["search_p95_ms"] = percentile(samples, 0.95)
        figures["search_max_ms"] = max(samples)
        notes = [search_clients(conn, q, include_notes=True) for q in ("職務再設計", "烘焙")]
        figures["note_search_ms"] = statistics.median(
            timed(lambda: search_clients(conn, "職務再設計", include_notes=True), 20)
        )
        del notes
        case_ids: list[uuid.UUID] = list(session.scalars(select(Case.id).limit(20000)))
    sample_ids = random.Random(3).sample(case_ids, 300)
    load_samples = []
    for case_id in sample_ids:
        with Session(engine) as session:
            started = time.perf_counter()
            case = load_case(session, case_id, audit=False)
            _ = (case.client.name, len(case.records), len(case.plans))
            load_samples.append((time.perf_counter() - started) * 1000)
    figures["load_case_p50_ms"] = statistics.median(load_samples)
    figures["load_case_p95_ms"] = percentile(load_samples, 0.95)
    # The workspace's real path: the read is written to the audit log and committed (synchronous=FULL).
    store = Store(path=bench_store.path, engine=engine, key=BENCH_KEY, actor="bench")
    audited = []
    for case_id in sample_ids[:100]:
        started = time.perf_counter()
        with store.transaction() as session:
            load_case(session, case_id)
        audited.append((time.perf_counter() - started) * 1000)
    figures["load_case_audited_p50_ms"] = statistics.median(audited)
    figures["load_case_audited_p95_ms"] = percentile(audited, 0.95)
    with engine.connect() as conn:
        # Reads every page of the largest table, more than SQLite's page cache holds: each page is decrypted.
        figures["full_scan_ms"] = statistics.median(
            timed(
                lambda: conn.execute(text("SELECT count(*) FROM service_record WHERE notes LIKE '%烘焙%'")).scalar(), 3
            )
        )
        figures["records"] = conn.execute(
            text("SELECT (SELECT count(*) FROM service_record) + (SELECT count(*) FROM contact_attempt)")
        ).scalar_one()
    engine.dispose()
    return figures, queries


def main(clients: int = 50_000) -> None:
    print(f"== store: {clients:,} clients, encrypted (SQLCipher) vs plain SQLite ==")
    results = {}
    queries: list[str] | None = None
    for encrypted in (True, False):
        store = build(clients, encrypted=encrypted)
        if store.build_seconds:
            print(f"built {'encrypted' if encrypted else 'plain'} store in {store.build_seconds:.1f} s")
        results[encrypted], queries = run_one(store, queries)
        size_mb = store.path.stat().st_size / 2**20
        print(
            f"{'encrypted' if encrypted else 'plain    '}: "
            + ", ".join(f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v:,}" for k, v in results[encrypted].items())
            + f", file {size_mb:.0f} MB"
        )
    for key in ("search_p95_ms", "load_case_p95_ms", "load_case_audited_p95_ms", "full_scan_ms"):
        enc, plain = results[True][key], results[False][key]
        print(f"SQLCipher cost on {key}: {enc:.2f} vs {plain:.2f} ms ({(enc / plain - 1) * 100:+.0f} %)")
