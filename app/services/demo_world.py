"""What the parts of the demo generator (`app.services.demo`) share: the seeded random numbers, the code lists they
draw from, the tallies they keep, and the plan of each case (its profile, its timeline, the case under construction).
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TypeVar

from app.models import Case, Client, ContactAttempt, ServiceUnit, SyncMixin
from app.models.enums import PlanPart, Programme, Stage
from app.services import codes
from app.services import demo_vocabulary as vocab

K = TypeVar("K")

LOST_CONTACT_QUIET_DAYS = 60  # a lost-contact case has only unanswered attempts in its last two months


class World:
    """The state every part of the generator reads and counts into.

    `rng` is one generator for the whole run, re-seeded in place for each case (see `demo._write_cases`) so that the
    parts can hold on to it; it is never replaced.
    """

    def __init__(self, rng: random.Random, today: date, owner: str | None = None) -> None:
        self.rng = rng
        self.today = today
        # One case manager's laptop (a demo that syncs): every case ends up theirs; hand-overs come to them.
        self.owner = owner
        self.counts: Counter[str] = Counter()
        self.by_programme: Counter[str] = Counter()
        self.by_stage: Counter[str] = Counter()
        self.by_reason: Counter[str] = Counter()
        self.counties = {c.code: c for c in codes.counties()}
        # Population-weighted, with a floor so that 花東 and the islands always show up (clients and units alike).
        self.county_weights = {c: max(vocab.COUNTY_POPULATION.get(c, 20), 12) for c in self.counties}
        self.service_kinds = {k.code: k for k in codes.code_lists().service_kinds}
        # Closure reasons are a configurable list: their guards are read from the flags, not from known codes.
        self.reasons = {r.code: r for r in codes.code_lists().closure_reasons}

    def pick(self, weights: Mapping[K, float]) -> K:
        return self.rng.choices(list(weights), weights=list(weights.values()))[0]


@dataclass
class Profile:
    """What one case will be, decided up front so that every category is represented (see `quota`)."""

    programme: Programme
    stage: Stage
    county: str
    township: str
    name_style: str
    new_resident: bool = False
    not_open: bool = False
    closure: str | None = None
    seed: int = 0


@dataclass
class Timeline:
    """Day offsets from the application (day 0); `end` is the closing day or today."""

    intake: int
    decide: int
    needs: int
    plan: int
    consent: int
    start: int
    end: int = 0
    job: int | None = None
    job_end: int | None = None

    def reached(self, offset: int | None) -> bool:
        return offset is not None and offset <= self.end

    def employed_on(self, day: int) -> bool:
        return self.job is not None and self.job <= day and (self.job_end is None or day < self.job_end)


@dataclass
class CaseDraft:
    """One case under construction."""

    profile: Profile
    client: Client
    case: Case
    app: date
    t: Timeline
    severity: str | None
    wish: tuple[str, str]  # (employer name pattern, job title) the client aims at
    employer: str  # where the client ends up working, if the case gets that far
    kinds: dict[PlanPart, list[str]]  # the plan's services per part, foreseen by the needs assessment
    units_used: list[ServiceUnit] = field(default_factory=list)  # units that accepted the client
    notes: list[SyncMixin] = field(default_factory=list)  # rows of the second flush (see demo._write_cases)
    attempts: list[ContactAttempt] = field(default_factory=list)

    def on(self, offset: int) -> date:
        return self.app + timedelta(days=offset)

    def last_unit(self, otherwise: str) -> str:
        """The name of the unit that last took the client, for notes and summaries."""
        return self.units_used[-1].name if self.units_used else otherwise


def quota(n: int, weights: Mapping[K, float], rng: random.Random, minimums: Mapping[K, int] | None = None) -> list[K]:
    """n labels in proportion to `weights` (largest remainder), shuffled; each at least its minimum (1) if n allows.

    Random draws would now and then leave a 3 % stage or a rare closure reason out of a small demo; quotas make
    every category appear, which is what a demo is for.
    """
    keys = list(weights)
    floors = {k: (minimums or {}).get(k, 1) for k in keys}
    if sum(floors.values()) > n:
        floors = dict.fromkeys(keys, 0)
    rest = n - sum(floors.values())
    total = sum(weights.values())
    exact = {k: rest * weights[k] / total for k in keys}
    counts = {k: floors[k] + int(exact[k]) for k in keys}
    for k in sorted(keys, key=lambda k: exact[k] - int(exact[k]), reverse=True)[: n - sum(counts.values())]:
        counts[k] += 1
    labels = [k for k in keys for _ in range(counts[k])]
    rng.shuffle(labels)
    return labels


def known(list_name: str, weights: Mapping[str, float]) -> dict[str, float]:
    """`weights` reduced to the codes the list holds now (an agency may have edited it)."""
    entries = {e.code for e in codes.entries(list_name)}
    return {code: weight for code, weight in weights.items() if code in entries}
