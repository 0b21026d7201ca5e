"""督導模式 (issue 6): 團隊總覽 and 績效指標 for a team of 10 case managers × 500 cases each; target ≤ 1 s to display.

The store is the demo generator's (every case with its history: records, contact attempts, plans, referrals, jobs,
certificates, closures), 5,000 cases written once into bench/out/ and shared out to ten case managers; a few sync
conflicts are added so that every column has work. Measured twice: the services alone (the one store job each page
runs), and through the real widgets in a child process (the job on the runner's thread, the table or the seven
charts filled and painted), each a fresh page as when the supervisor opens it.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
import uuid
from datetime import date
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.models import ServiceRecord, SyncConflict
from app.services.demo import generate_demo
from app.services.kpi_dashboard import dashboard
from app.services.team_overview import team_overview
from app.store.engine import make_engine
from app.store.migrate import head_revision, upgrade_store
from app.store.store import Store
from bench.dataset import BENCH_KEY, OUT

MANAGERS = 10
PER_MANAGER = 500
ON = date(2026, 11, 22)  # the demo's "today"
RUNS = 7


def build() -> Path:
    """The 10 × 500 store, built once (about a minute) and reused."""
    OUT.mkdir(exist_ok=True)
    path = OUT / f"supervisor-{MANAGERS}x{PER_MANAGER}-r{head_revision()}.db"
    if path.exists():
        return path
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    started = time.perf_counter()
    engine = make_engine(partial, BENCH_KEY)
    upgrade_store(engine, partial, BENCH_KEY)
    store = Store(path=partial, engine=engine, key=BENCH_KEY, actor="sup.bench")
    generate_demo(store, MANAGERS * PER_MANAGER, seed=3, today=ON)
    with engine.begin() as conn:
        # The demo's team is seven; deal the cases round to ten, 500 each (as a pull writes them: no outbox).
        conn.execute(text("UPDATE \"case\" SET owner = printf('cm%02d', (rowid % :n) + 1)"), {"n": MANAGERS})
    with Session(engine) as session, session.begin():
        for record_id in session.scalars(select(ServiceRecord.id).order_by(ServiceRecord.id).limit(20)):
            session.add(SyncConflict(id=uuid.uuid4(), record_type="service_record", record_id=record_id, field="notes"))
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.exec_driver_sql("ANALYZE")
    engine.dispose()
    partial.rename(path)
    print(f"built {path.name} in {time.perf_counter() - started:.0f} s")
    return path


def _ms(samples: list[float]) -> str:
    return f"p50 {statistics.median(samples):.0f} ms, max {max(samples):.0f} ms (n {len(samples)})"


def service_figures(path: Path) -> None:
    engine = make_engine(path, BENCH_KEY)
    with Session(engine) as session:
        cold = time.perf_counter()
        overview = team_overview(session, ON)
        first = (time.perf_counter() - cold) * 1000
        overviews = []
        for _ in range(RUNS):
            started = time.perf_counter()
            team_overview(session, ON)
            overviews.append((time.perf_counter() - started) * 1000)
        cold = time.perf_counter()
        board = dashboard(session, on=ON)
        first_board = (time.perf_counter() - cold) * 1000
        boards = []
        for _ in range(RUNS):
            started = time.perf_counter()
            dashboard(session, on=ON)
            boards.append((time.perf_counter() - started) * 1000)
    engine.dispose()
    total = overview.total
    print(
        f"team_overview ({len(overview.rows)} case managers, {total.open_cases:,} open cases, "
        f"{total.overdue_cases:,} with overdue items): first {first:.0f} ms, then {_ms(overviews)}"
    )
    print(
        f"dashboard ({board.served_people:,} people served, {len(board.trend)} months): first {first_board:.0f} ms, "
        f"then {_ms(boards)}"
    )


CHILD = r"""
import os, sys, time
from pathlib import Path
from datetime import date
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from app.store.engine import make_engine
from app.store.store import Store
from app.views.fonts import install_fonts
from app.views.runner import StoreRunner
from app.views.supervisor.dashboard import KpiDashboardView
from app.views.supervisor.overview import TeamOverviewView
from bench.dataset import BENCH_KEY

loop = QEventLoop()
import app.views.supervisor.dashboard as dashboard_module
import app.views.supervisor.overview as overview_module

failures = []

def failed(error, parent=None):  # a failing page would show a modal message no one closes
    failures.append(error)
    loop.quit()

overview_module.report_error = dashboard_module.report_error = failed
install_fonts()
path = Path(sys.argv[1])
store = Store(path=path, engine=make_engine(path, BENCH_KEY), key=BENCH_KEY, actor="sup.bench")
runner = StoreRunner(store)
on = date(2026, 11, 22)
for name, make in (("overview", lambda: TeamOverviewView(runner, on_date=on)),
                   ("dashboard", lambda: KpiDashboardView(runner, on_date=on))):
    samples = []
    for _ in range(int(sys.argv[2])):
        started = time.perf_counter()
        page = make()
        page.refreshed.connect(loop.quit)
        page.resize(1280, 800)
        page.show()
        loop.exec()
        if failures:
            print("failed", repr(failures[0]), flush=True)
            os._exit(1)
        page.repaint()
        samples.append((time.perf_counter() - started) * 1000)
        page.close()
        page.deleteLater()
    print(name, " ".join(f"{s:.0f}" for s in samples), flush=True)
runner.shutdown()
os._exit(0)  # see bench_caseload: PySide6 may abort while finalising; the figures are out
"""


def widget_figures(path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), str(RUNS)],
        capture_output=True,
        text=True,
        check=False,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        cwd=Path(__file__).resolve().parents[1],
        timeout=600,
    )
    if result.returncode != 0:
        raise RuntimeError(f"the widget benchmark failed:\n{result.stdout}{result.stderr[-2000:]}")
    for line in result.stdout.strip().splitlines():
        name, *values = line.split()
        samples = [float(v) for v in values]
        label = "團隊總覽 (team overview)" if name == "overview" else "績效指標 (dashboard)"
        print(
            f"widget: {label} opened → filled and painted: first {samples[0]:.0f} ms, then {_ms(samples[1:])} "
            "(target ≤ 1,000 ms)"
        )


def main() -> None:
    path = build()
    print(f"== supervisor: {MANAGERS} case managers × {PER_MANAGER} cases (demo data, encrypted) ==")
    service_figures(path)
    widget_figures(path)


if __name__ == "__main__":
    main()
