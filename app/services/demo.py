"""A realistic synthetic caseload for demos, training and performance checks.

`generate_demo` writes clients, cases and their histories through the ORM and the workflow functions, so the data
obeys the same stage rules as real work: no plan before 開案, consent before a plan starts, 失聯 only after three
unanswered attempts, 穩定就業 only after three months in a job. It is put together from parts, each in its own
module: what every case will be (`demo_profiles`), the unit directory (`demo_units`), the clients (`demo_people`),
a case's history (`demo_history`) and its plan, referrals and job (`demo_plans`), sharing the state in `demo_world`.
The words and shares they draw on live in `demo_vocabulary`.

Everything comes from `random.Random` seeded with (seed, today), so a demo can be rebuilt identically. Row ids stay
random UUIDs on purpose: two laptops loading the same demo must not push colliding ids to the server.
"""

from __future__ import annotations

import gc
import random
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from app.services import clock
from app.services.demo_history import History
from app.services.demo_people import People
from app.services.demo_plans import MIN_HOURLY_WAGE, MIN_MONTHLY_WAGE, Plans
from app.services.demo_profiles import profiles
from app.services.demo_units import Directory
from app.services.demo_world import Profile, World
from app.store.store import Store

__all__ = ["MIN_HOURLY_WAGE", "MIN_MONTHLY_WAGE", "DemoSummary", "generate_demo"]

CASES_PER_TRANSACTION = 200
# Cases per flush pair (see _write_cases): bounds what the session holds pending; larger flushes measured no faster.
CASES_PER_FLUSH = 50


@dataclass(frozen=True)
class DemoSummary:
    """What `generate_demo` wrote."""

    clients: int
    cases: int
    cases_by_programme: Mapping[str, int]
    cases_by_stage: Mapping[str, int]
    not_opened: int
    records: int
    contact_attempts: int
    plans: int
    referrals: int
    employments: int
    closures: int
    closures_by_reason: Mapping[str, int]
    transfers: int
    units: int
    elapsed_seconds: float


def generate_demo(
    store: Store, cases: int, *, seed: int = 0, today: date | None = None, owner: str | None = None
) -> DemoSummary:
    """Write a service-unit directory and `cases` synthetic cases (one client each) into `store`.

    Deterministic for a given (seed, today, cases, owner): the same names, ID numbers, dates and texts come out.
    Without `owner` the cases belong to a team of seven case managers (a unit's store, for reports); with it every
    case is that case manager's, as on their own laptop, so the demo can sync (the server accepts new cases only
    from their owner).
    """
    if cases < 0:
        raise ValueError(f"cases must be 0 or more, not {cases}")
    started = time.perf_counter()
    today = today or clock.today()
    world = World(random.Random(f"fieldcase-demo:{seed}:{today.isoformat()}"), today, owner)
    planned = profiles(world, cases)
    directory = Directory(world)
    history = History(world, People(world), Plans(world, directory))
    with _gc_paused():
        with store.transaction() as session:
            session.add_all(directory.build())
        for first in range(0, cases, CASES_PER_TRANSACTION):
            with store.transaction() as session:
                batch = planned[first : first + CASES_PER_TRANSACTION]
                for sub in range(0, len(batch), CASES_PER_FLUSH):
                    _write_cases(session, world, history, batch[sub : sub + CASES_PER_FLUSH])
    return _summary(world, time.perf_counter() - started)


def _write_cases(session: Session, world: World, history: History, batch: Sequence[Profile]) -> None:
    """Build each case complete in memory, then write the cases in two flushes: clients with their cases and the
    cases' structure (plans, referrals, jobs, closure) first, the notes (records, attempts, assessments) second.
    The search index then finds each note's case in the session instead of querying for it, and no case is
    written twice."""
    built = []
    for p in batch:
        # Each case draws from its own seed, so that it does not depend on how the cases are batched.
        world.rng.seed(p.seed)
        built.append(history.build(p))
    session.add_all([ctx.client for ctx in built])
    session.flush()
    session.add_all([note for ctx in built for note in ctx.notes])
    session.flush()


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector during the load.

    The ORM keeps every new row in reference cycles (object, state, session) until its transaction ends, so the
    collector keeps walking tens of thousands of live objects without finding garbage: about a tenth of the run.
    Reference counting still frees everything else, and the collector is back on (if it was on) afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _summary(world: World, elapsed: float) -> DemoSummary:
    c = world.counts
    return DemoSummary(
        clients=c["clients"],
        cases=sum(world.by_programme.values()),
        cases_by_programme=dict(world.by_programme),
        cases_by_stage=dict(sorted(world.by_stage.items())),
        not_opened=c["not_opened"],
        records=c["records"],
        contact_attempts=c["contact_attempts"],
        plans=c["plans"],
        referrals=c["referrals"],
        employments=c["employments"],
        closures=c["closures"],
        closures_by_reason=dict(world.by_reason),
        transfers=c["transfers"],
        units=c["units"],
        elapsed_seconds=round(elapsed, 3),
    )
