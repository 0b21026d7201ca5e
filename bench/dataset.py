"""A large synthetic store for benchmarks: 50,000 clients and ~500,000 records, written in bulk.

The rows are inserted the way the sync client writes pulled rows (no outbox, no per-row audit), then the search
index is rebuilt in bulk. Built stores are kept in bench/out/ and reused by later runs.
"""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from alembic import command
from sqlalchemy import Engine, create_engine, insert
from sqlalchemy.orm import Session

from app.models import Case, Client, ContactAttempt, ServiceRecord
from app.services.validation import make_national_id
from app.store import indexing
from app.store.engine import make_engine
from app.store.keys import StoreKey
from app.store.migrate import alembic_config, head_revision

OUT = Path(__file__).with_name("out")
SURNAMES = "陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周徐蘇葉莊呂江何蕭羅高潘簡朱鍾游彭詹胡施沈余盧梁趙顏柯翁魏孫戴"
GIVEN = "志明俊傑建宏家豪承翰冠宇怡君淑芬雅婷美玲佳穎欣怡宗翰柏宏子涵詩涵品妤宥廷彥廷秀蘭麗華玉珍文雄國華"
NOTE_WORDS = [
    "案主表示希望從事餐飲內場工作",
    "家長陪同晤談，討論交通與作息",
    "已聯繫職業輔導評量單位安排評量",
    "案主對清潔工作有興趣，體力可負荷",
    "建議先參加職前準備團體",
    "雇主回饋工作穩定，偶有遲到",
    "討論職務再設計需求，需輔具",
    "電話追蹤，案主近況穩定",
    "案主擔心失去身障補助，說明相關規定",
    "協助準備面試與履歷",
]
BENCH_KEY = StoreKey(bytes(range(32)), "keyring")


@dataclass(frozen=True)
class BenchStore:
    path: Path
    encrypted: bool
    clients: int
    records: int
    build_seconds: float

    def engine(self) -> Engine:
        return make_engine(self.path, BENCH_KEY) if self.encrypted else plain_engine(self.path)


def plain_engine(path: Path) -> Engine:
    """The same SQLite build (sqlcipher3) with no key: a plain, unencrypted database, for comparison."""

    def creator() -> sqlcipher.Connection:
        conn = sqlcipher.connect(str(path), check_same_thread=False)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        return conn

    return create_engine("sqlite+pysqlite://", module=sqlcipher, creator=creator)


def _name(rng: random.Random) -> str:
    given = "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2, 2))))
    return rng.choice(SURNAMES) + given


def _rows(
    rng: random.Random, clients: int, records_per_client: int
) -> Iterator[tuple[type[Any], list[dict[str, Any]]]]:
    now = datetime(2025, 6, 1, tzinfo=UTC)
    for start in range(0, clients, 1000):
        client_rows, case_rows, record_rows, attempt_rows = [], [], [], []
        for n in range(start, min(start + 1000, clients)):
            client_id, case_id = uuid.uuid4(), uuid.uuid4()
            gender = rng.choice((1, 2))
            client_rows.append(
                {
                    "id": client_id,
                    "version": n + 1,
                    "updated_at": now,
                    "id_number": make_national_id(rng.choice("ABCDEFGHJKLMNPQRSTUVXYWZIO"), gender, n % 10_000_000),
                    "name": _name(rng),
                    "gender": "M" if gender == 1 else "F",
                    "birth_date": date(1960, 1, 1) + timedelta(days=rng.randrange(17000)),
                    "mobile_phone": f"09{rng.randrange(10**8):08d}",
                    "target_groups": [],
                }
            )
            opened = date(2023, 1, 1) + timedelta(days=rng.randrange(900))
            case_rows.append(
                {
                    "id": case_id,
                    "version": n + 1,
                    "updated_at": now,
                    "client_id": client_id,
                    "programme": rng.choice(("vr", "vr", "supported_employment", "employment_service")),
                    "stage": rng.choice("CDEFG"),
                    "source": "self",
                    "application_date": opened - timedelta(days=5),
                    "opened_on": opened,
                    "decision": "open",
                    "owner": f"cm{n % 100:02d}",
                    "county": "TPE",
                }
            )
            for r in range(records_per_client - 1):
                record_rows.append(
                    {
                        "id": uuid.uuid4(),
                        "updated_at": now,
                        "case_id": case_id,
                        "mode": rng.choice(("in_person", "phone", "home_visit", "workplace_visit")),
                        "held_on": opened + timedelta(days=14 * r),
                        "notes": "；".join(rng.sample(NOTE_WORDS, 3)),
                        "status": "final",
                    }
                )
            attempt_rows.append(
                {
                    "id": uuid.uuid4(),
                    "updated_at": now,
                    "case_id": case_id,
                    "attempted_at": now,
                    "channel": "phone",
                    "outcome": "no_answer",
                }
            )
        yield Client, client_rows
        yield Case, case_rows
        yield ServiceRecord, record_rows
        yield ContactAttempt, attempt_rows


def build(clients: int = 50_000, records_per_client: int = 10, *, encrypted: bool = True) -> BenchStore:
    OUT.mkdir(exist_ok=True)
    # The schema revision is in the name, so a store built before a migration is rebuilt, not measured stale.
    path = OUT / f"bench-{clients}-{records_per_client}-{'enc' if encrypted else 'plain'}-r{head_revision()}.db"
    records = clients * records_per_client
    if path.exists():
        return BenchStore(path, encrypted, clients, records, 0.0)
    started = time.perf_counter()
    engine = make_engine(path, BENCH_KEY) if encrypted else plain_engine(path)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    rng = random.Random(20251122)
    with engine.begin() as conn:
        for model, rows in _rows(rng, clients, records_per_client):
            if rows:
                conn.execute(insert(model.__table__), rows)  # type: ignore[attr-defined]
    with Session(engine) as session, session.begin():
        indexing.rebuild(session)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.exec_driver_sql("ANALYZE")
    engine.dispose()
    return BenchStore(path, encrypted, clients, records, time.perf_counter() - started)
