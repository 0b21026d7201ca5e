"""A realistic synthetic caseload for demos, training and performance checks.

`generate_demo` writes clients, cases and their histories through the ORM and the workflow functions, so the data
obeys the same stage rules as real work: no plan before 開案, consent before a plan starts, 失聯 only after three
unanswered attempts, 穩定就業 only after three months in a job. The words and shares it draws on live in
`demo_vocabulary`.

Everything comes from `random.Random` seeded with (seed, today), so a demo can be rebuilt identically. Row ids stay
random UUIDs on purpose: two laptops loading the same demo must not push colliding ids to the server.
"""

from __future__ import annotations

import gc
import random
import time
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import TypeVar

from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from app.models import (
    Case,
    CaseTransfer,
    Client,
    ContactAttempt,
    DisabilityCertificate,
    Employment,
    NeedsAssessment,
    PlanGoal,
    PlanItem,
    Referral,
    ServicePlan,
    ServiceRecord,
    ServiceUnit,
    SyncMixin,
)
from app.models.enums import (
    CertificateSystem,
    ContactMode,
    ContactOutcome,
    EmploymentProof,
    Gender,
    IdKind,
    IntakeDecision,
    ItemStatus,
    PlanPart,
    PlanStatus,
    Programme,
    RecordKind,
    RecordStatus,
    ReferralKind,
    ReferralResponse,
    Stage,
)
from app.services import codes, workflow
from app.services import demo_vocabulary as vocab
from app.services.validation import make_national_id, make_resident_id
from app.services.workdays import add_months
from app.store.store import Store

K = TypeVar("K")

MIN_MONTHLY_WAGE = 28_590  # 2025 基本工資 (monthly)
MIN_HOURLY_WAGE = 190  # 2025 基本工資 (hourly)
HISTORY_DAYS = 730  # histories span the two years before `today`
CASES_PER_TRANSACTION = 200
# Cases per flush pair (see write_cases): bounds what the session holds pending; larger flushes measured no faster.
CASES_PER_FLUSH = 50
UNITS = 30
LOCAL_TZ = timezone(timedelta(hours=8))  # Asia/Taipei, no daylight saving time

PROGRAMME_WEIGHTS = {Programme.VR: 60, Programme.SUPPORTED_EMPLOYMENT: 25, Programme.EMPLOYMENT_SERVICE: 15}
STAGE_WEIGHTS = {Stage.A: 3, Stage.B: 4, Stage.C: 10, Stage.D: 7, Stage.E: 26, Stage.F: 12, Stage.G: 38}
NOT_OPEN_SHARE = 0.2  # of the cases in stage G
CLOSURE_WEIGHTS = {
    "stable_employment_3m": 30, "plan_goal_achieved": 10, "declined_service": 8, "unable_to_cooperate": 8,
    "lost_contact": 10, "referred_or_not_ready": 7, "needs_non_vr_resources": 6, "entered_training": 6,
    "moved_away": 5, "deceased": 2, "other": 8,
}  # fmt: skip
UNKNOWN_REASON = 3  # a closure reason an agency added to the list
NEW_RESIDENT_SHARE = 0.03
NON_VR_REASONS = frozenset({"referred_or_not_ready", "needs_non_vr_resources"})
LOST_CONTACT_QUIET_DAYS = 60  # a lost-contact case has only unanswered attempts in its last two months
# How contacts are made while looking for work, and once at work (職場訪視 takes over from 家訪).
SEEKING_MODES = ("in_person", "in_person", "phone", "phone", "phone", "home_visit")
EMPLOYED_MODES = ("workplace_visit", "workplace_visit", "phone", "phone", "in_person")
SMALL_FIRM_PROOFS = (EmploymentProof.EMPLOYMENT_INSURANCE, EmploymentProof.PAYROLL, EmploymentProof.TIME_CARD)
ITEM_SPANS = {
    PlanPart.PRE_EMPLOYMENT: (0, 60),
    PlanPart.MATCHING_SUPPORT: (30, 180),
    PlanPart.POST_EMPLOYMENT: (120, 270),
}


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


def generate_demo(store: Store, cases: int, *, seed: int = 0, today: date | None = None) -> DemoSummary:
    """Write a service-unit directory and `cases` synthetic cases (one client each) into `store`.

    Deterministic for a given (seed, today, cases): the same names, ID numbers, dates and texts come out.
    """
    if cases < 0:
        raise ValueError(f"cases must be 0 or more, not {cases}")
    started = time.perf_counter()
    today = today or date.today()
    demo = _Demo(random.Random(f"fieldcase-demo:{seed}:{today.isoformat()}"), today)
    profiles = demo.profiles(cases)
    with _gc_paused():
        with store.transaction() as session:
            session.add_all(demo.build_units())
        for first in range(0, cases, CASES_PER_TRANSACTION):
            with store.transaction() as session:
                batch = profiles[first : first + CASES_PER_TRANSACTION]
                for sub in range(0, len(batch), CASES_PER_FLUSH):
                    demo.write_cases(session, batch[sub : sub + CASES_PER_FLUSH])
    return demo.summary(time.perf_counter() - started)


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


@dataclass
class _Profile:
    """What one case will be, decided up front so that every category is represented (see `_quota`)."""

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
class _Timeline:
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


@dataclass
class _Ctx:
    """One case under construction."""

    profile: _Profile
    client: Client
    case: Case
    app: date
    t: _Timeline
    severity: str | None
    wish: tuple[str, str]  # (employer name pattern, job title) the client aims at
    employer: str  # where the client ends up working, if the case gets that far
    kinds: dict[PlanPart, list[str]]  # the plan's services per part, foreseen by the needs assessment
    units_used: list[ServiceUnit] = field(default_factory=list)  # units that accepted the client
    notes: list[SyncMixin] = field(default_factory=list)  # rows of the second flush (see write_cases)
    attempts: list[ContactAttempt] = field(default_factory=list)

    def on(self, offset: int) -> date:
        return self.app + timedelta(days=offset)


def _quota(n: int, weights: Mapping[K, float], rng: random.Random, minimums: Mapping[K, int] | None = None) -> list[K]:
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


class _Demo:
    def __init__(self, rng: random.Random, today: date) -> None:
        self.rng = rng
        self.today = today
        self.counts: Counter[str] = Counter()
        self.by_programme: Counter[str] = Counter()
        self.by_stage: Counter[str] = Counter()
        self.by_reason: Counter[str] = Counter()
        self.used_ids: set[str] = set()
        self.units: list[ServiceUnit] = []
        self.counties = {c.code: c for c in codes.counties()}
        self.service_kinds = {k.code: k for k in codes.code_lists().service_kinds}
        # Closure reasons are a configurable list: their guards are read from the flags, not from known codes.
        self.reasons = {r.code: r for r in codes.code_lists().closure_reasons}
        self.all_letters = "".join(vocab.ID_LETTERS.get(c, "") for c in self.counties)
        # The vocabulary reduced once to the codes the lists hold now (an agency may have edited them); looking codes
        # up per client would also resolve the resources path every time.
        self.education = _known(codes.EDUCATION_LEVELS, vocab.EDUCATION_WEIGHTS)
        self.economy = _known(codes.ECONOMIC_STATUS, vocab.ECONOMY_WEIGHTS)
        young = ("junior_high", "junior_high_special", "senior_high", "senior_high_special")  # still at school age
        self.young_education = {k: w for k, w in self.education.items() if k in young} or self.education
        self.sources = {p: _known(codes.CASE_SOURCES, w) for p, w in vocab.SOURCE_WEIGHTS.items()}
        self.target_groups = {e.code for e in codes.entries(codes.TARGET_GROUPS)}
        self.tribes = {e.code for e in codes.entries(codes.INDIGENOUS_TRIBES)}

    def _pick(self, weights: Mapping[K, float]) -> K:
        return self.rng.choices(list(weights), weights=list(weights.values()))[0]

    # --- allocation -----------------------------------------------------------------------------------------------

    def profiles(self, n: int) -> list[_Profile]:
        rng = self.rng
        # Population-weighted, with a floor so that 花東 and the islands always show up; counties with featured
        # townships (臺東縣: 蘭嶼, 綠島) get one client more per featured township.
        weights = {c: max(vocab.COUNTY_POPULATION.get(c, 20), 12) for c in self.counties}
        extra = {c: sum(t in vocab.FEATURED_TOWNSHIPS for t in cty.townships) for c, cty in self.counties.items()}
        counties = _quota(n, weights, rng, {c: 1 + e for c, e in extra.items()})
        townships = self._townships(counties)
        programmes = _quota(n, PROGRAMME_WEIGHTS, rng)
        stages = _quota(n, STAGE_WEIGHTS, rng)
        styles = _quota(n, vocab.NAME_STYLE_WEIGHTS, rng)
        result = [_Profile(programmes[i], stages[i], counties[i], townships[i], styles[i]) for i in range(n)]
        closed = [p for p in result if p.stage == Stage.G]
        for p in closed[: round(len(closed) * NOT_OPEN_SHARE)]:
            p.not_open = True
        opened = [p for p in closed if not p.not_open]
        reasons = {code: CLOSURE_WEIGHTS.get(code, UNKNOWN_REASON) for code in self.reasons}
        for p, reason in zip(opened, _quota(len(opened), reasons, rng), strict=True):
            p.closure = reason
        # 新住民 are served mostly by employment-service case management.
        wanted = round(n * NEW_RESIDENT_SHARE) or (1 if n >= 10 else 0)
        pool = [p for p in result if p.programme == Programme.EMPLOYMENT_SERVICE and p.name_style == "regular"]
        for p in pool[:wanted]:
            p.new_resident = True
        for p in result:
            p.seed = rng.getrandbits(64)
        return result

    def _townships(self, counties: list[str]) -> list[str]:
        """A township per client: each featured township once, then weighted to the first listed (the seat)."""
        featured = {c: [t for t in x.townships if t in vocab.FEATURED_TOWNSHIPS] for c, x in self.counties.items()}
        result = []
        for code in counties:
            names = self.counties[code].townships
            if featured[code]:
                result.append(featured[code].pop())
            else:
                result.append(self.rng.choices(names, weights=[4] + [1] * (len(names) - 1))[0] if names else "")
        return result

    # --- directory -----------------------------------------------------------------------------------------------

    def build_units(self) -> list[ServiceUnit]:
        rng = self.rng
        weights = {c: max(vocab.COUNTY_POPULATION.get(c, 20), 12) for c in self.counties}
        counties = _quota(UNITS, weights, rng)  # every county has at least one unit
        patterns = _quota(UNITS, dict.fromkeys(range(len(vocab.UNIT_PATTERNS)), 1.0), rng)
        names: set[str] = set()
        for i, (code, pattern_index) in enumerate(zip(counties, patterns, strict=True)):
            pattern, kinds = vocab.UNIT_PATTERNS[pattern_index]
            county = self.counties[code]
            name = pattern.format(c=county.zh, w=rng.choice(vocab.UNIT_WORDS))
            while name in names:
                name = pattern.format(c=county.zh, w=rng.choice(vocab.UNIT_WORDS))
            names.add(name)
            capacity = rng.randint(15, 40) if "庇護" in name else rng.randint(20, 120)
            self.units.append(
                ServiceUnit(
                    name=name,
                    service_kinds=[k for k in kinds if k in self.service_kinds],
                    county=code,
                    address=county.zh + rng.choice(county.townships or ("",)) + vocab.street(rng),
                    phone=vocab.landline(rng, code),
                    contact_person=vocab.person_name(rng, "regular", rng.random() < 0.3, 1985) + "社工",
                    email=f"service{i + 1:02d}@example.org",
                    capacity=capacity,
                    # A few units are full, so that the directory's remaining capacity means something.
                    current_caseload=capacity if i % 10 == 3 else int(capacity * rng.uniform(0.4, 0.95)),
                    notes="服務時間：週一至週五 08:30–17:30。轉介前請先來電確認名額。",
                )
            )
        self.counts["units"] = len(self.units)
        return self.units

    def _unit_for(self, kind: str, county: str) -> ServiceUnit | None:
        """A unit giving `kind`, in the client's county if there is one (the islands often refer to Taiwan)."""
        offering = [u for u in self.units if kind in u.service_kinds]
        local = [u for u in offering if u.county == county]
        return self.rng.choice(local or offering) if offering else None

    # --- the client --------------------------------------------------------------------------------------------------

    def _client(self, p: _Profile, app: date, source: str) -> tuple[Client, str | None]:
        """The client and the severity of their disability certificate (None without one)."""
        rng = self.rng
        es = p.programme == Programme.EMPLOYMENT_SERVICE
        male = rng.random() < (0.15 if p.new_resident else 0.5 if es else 0.58)
        # 轉銜 from school comes in the last school year; others are of any working age.
        age = rng.randint(17, 19) if source == "education" else int(rng.triangular(18, 64, 45 if es else 35))
        birth = app - timedelta(days=age * 365 + rng.randrange(365))
        while _age(birth, self.today) > 64:  # working age today too, not only when applying
            birth += timedelta(days=365)
        # 戶籍 differs from where people live now and then; 新住民 with a 居留證 have no 戶籍 at all.
        household: str | None = p.county
        h_township: str | None = p.township
        if p.new_resident:
            household = h_township = None
        elif rng.random() < 0.15:
            household = rng.choice(list(self.counties))
            h_township = rng.choice(self.counties[household].townships or ("",))
        name = (
            vocab.new_resident_name(rng, male)
            if p.new_resident
            else vocab.person_name(rng, p.name_style, male, birth.year)
        )
        id_number, id_kind = self._id_number(household or p.county, male, p.new_resident)
        client = Client(
            id_number=id_number,
            id_kind=id_kind,
            name=name,
            gender=Gender.MALE if male else Gender.FEMALE,
            birth_date=birth,
            household_county=household,
            household_township=h_township or None,
            household_address=vocab.address(rng, h_township) if h_township is not None else None,
            residence_county=p.county,
            residence_township=p.township or None,
            residence_address=vocab.address(rng, p.township),
            mobile_phone=vocab.mobile(rng) if rng.random() < 0.95 else None,
            home_phone=vocab.landline(rng, p.county) if rng.random() < 0.35 else None,
            education=self._pick(self.education if age >= 22 else self.young_education),
            indigenous_tribe=self._tribe(p),
            economic_status=self._pick(self.economy),
            work_history=f"曾於{rng.choice(vocab.PAST_JOBS)}工作約{rng.randint(1, 8)}年。" if age > 22 else "",
            data_consent=True,
            data_consent_on=app,
        )
        if client.mobile_phone is None and client.home_phone is None:
            client.home_phone = vocab.landline(rng, p.county)
        if rng.random() < 0.9:
            self._contact(client, p, male)
        client.target_groups = self._target_groups(p, client, _age(birth, app))
        disabled = not es or "disabled" in client.target_groups
        return client, self._certificate(client, app) if disabled else None

    def _contact(self, client: Client, p: _Profile, male: bool) -> None:
        """聯絡人: a relative (father and brothers share the surname), a friend or a social worker."""
        rng = self.rng
        # A 新住民's parents and siblings live abroad; the contact is the spouse, a child or someone local.
        relation = rng.choice(vocab.NEW_RESIDENT_RELATIONS if p.new_resident else vocab.CONTACT_RELATIONS)
        if relation in vocab.MALE_RELATIONS or (relation == "配偶" and not male):
            contact_male = True
        elif relation in vocab.FEMALE_RELATIONS or relation == "配偶":
            contact_male = False
        else:
            contact_male = rng.random() < 0.5
        name = vocab.person_name(
            rng, "regular", contact_male, client.birth_date.year + vocab.GENERATION.get(relation, 0)
        )
        if relation in vocab.SAME_SURNAME_RELATIONS and not p.new_resident:
            family = client.name[:2] if p.name_style == "compound" else client.name[0]
            name = family + name[-2:]
        client.contact_name, client.contact_relation, client.contact_phone = name, relation, vocab.mobile(rng)

    def _id_number(self, county: str, male: bool, new_resident: bool) -> tuple[str, IdKind]:
        rng = self.rng
        # The letter is the county of first registration; some people moved since.
        letters = vocab.ID_LETTERS.get(county, "") if rng.random() < 0.85 else ""
        while True:
            letter = rng.choice(letters or self.all_letters)
            if new_resident:
                # 2021 format: 8/9 = male/female; the third digit 0–6 marks a foreign national, 9 a mainland spouse.
                serial = rng.choice("01234569") + f"{rng.randrange(10**6):06d}"
                number, kind = make_resident_id(letter, "8" if male else "9", serial), IdKind.RESIDENT_NEW
            else:
                # Third digits 6–9 mark naturalised and other late registrations; these clients were born here.
                number, kind = make_national_id(letter, 1 if male else 2, rng.randrange(6 * 10**6)), IdKind.NATIONAL
            if number not in self.used_ids:
                self.used_ids.add(number)
                return number, kind

    def _tribe(self, p: _Profile) -> str | None:
        if p.township == "蘭嶼鄉":
            return "tao" if "tao" in self.tribes else None
        share = 0.3 if p.county in ("HUA", "TTT") else 0.08 if p.county in ("PIF", "NAN", "TAO") else 0.02
        if self.rng.random() >= share:
            return None
        tribe = self.rng.choice(vocab.TRIBES_BY_COUNTY.get(p.county, vocab.OTHER_TRIBES))
        return tribe if tribe in self.tribes else None

    def _target_groups(self, p: _Profile, client: Client, age: int) -> list[str]:
        """特定對象 consistent with the client: 中高齡 from 45, 二度就業婦女 only women, 原住民 with a tribe."""
        rng = self.rng
        groups: list[str] = []
        if p.programme != Programme.EMPLOYMENT_SERVICE:
            groups.append("disabled")
        elif p.new_resident:
            groups += ["other_designated", rng.choice(["returning_women", "sole_breadwinner"])]
        else:
            options = ["long_term_unemployed", "involuntary_unemployed", "sole_breadwinner", "disabled"]
            if client.gender == Gender.FEMALE:
                options += ["returning_women", "returning_women", "domestic_violence_victim"]
            else:
                options.append("rehabilitated_offender")
            groups += rng.sample(options, rng.choice((1, 1, 2)))
        if age >= 45:
            groups.append("middle_aged_elderly")
        if client.indigenous_tribe:
            groups.append("indigenous")
        if client.economic_status in ("low_income", "lower_middle_income"):
            groups.append("low_income")
        if client.gender == Gender.MALE and "returning_women" in groups:
            groups.remove("returning_women")
        return [g for g in dict.fromkeys(groups) if g in self.target_groups] or ["other_designated"]

    def _certificate(self, client: Client, app: date) -> str:
        rng = self.rng
        new = rng.random() < 0.85
        severity = self._pick(vocab.SEVERITY_WEIGHTS)
        if new:
            categories = [self._pick(vocab.NEW_SYSTEM_WEIGHTS)]
            second = self._pick(vocab.NEW_SYSTEM_WEIGHTS)
            if rng.random() < 0.15 and second not in categories:  # 多重障礙: two classes on one certificate
                categories.append(second)
            icd = [rng.choice(vocab.ICD_BY_CATEGORY[categories[0]])] if rng.random() < 0.6 else []
        else:
            categories, icd = [self._pick(vocab.OLD_SYSTEM_WEIGHTS)], []
        # Old 手冊 still in use are mostly those without 註記效期; some new certificates carry no expiry either.
        no_expiry = rng.random() < (0.12 if new else 0.8)
        expires = reassess = None
        if no_expiry:
            issued = app - timedelta(days=rng.randint(400, 6000))
        else:
            soon = rng.random() < 0.12  # expiring within 90 days of today, so that the reminder shows
            expires = self.today + timedelta(days=rng.randint(5, 90) if soon else rng.randint(91, 1500))
            issued = min(expires - timedelta(days=365 * rng.randint(2, 5)), app - timedelta(days=rng.randint(30, 400)))
            reassess = expires - timedelta(days=90)  # 身權法 §14: apply for re-assessment in the last 90 days
        client.certificates.append(
            DisabilityCertificate(
                client_id=client.id,
                system=CertificateSystem.NEW if new else CertificateSystem.OLD,
                categories=categories,
                severity=severity,
                icd_codes=icd,
                issued_on=issued,
                expires_on=expires,
                reassess_on=reassess,
                no_expiry=no_expiry,
            )
        )
        return severity

    # --- the case and its timeline ---------------------------------------------------------------------------------

    def _timeline(self, p: _Profile) -> tuple[_Timeline, int]:
        """The case's milestones as day offsets, and how many days ago it applied, so that today is in its stage."""
        r = self.rng.randint
        intake = r(1, 5)
        decide = intake + r(1, 2)
        needs = decide + r(7, 30)
        plan = needs + r(3, 21)
        consent = plan + r(0, 5)
        t = _Timeline(intake, decide, needs, plan, consent, start=consent + r(1, 7))
        if p.stage == Stage.A:
            now = r(0, intake - 1)
        elif p.stage == Stage.B:
            now = r(intake, decide - 1)
        elif p.stage == Stage.C:
            now = r(decide, plan - 1)
        elif p.stage == Stage.D:
            now = r(plan, t.start - 1)
        elif p.stage == Stage.E:
            now = r(t.start, t.start + 240)
            if self.rng.random() < 0.2 and now - t.start > 60:  # back in E after a job that did not last
                t.job = r(t.start + 20, now - 40)
                t.job_end = r(t.job + 14, now - 1)
        elif p.stage == Stage.F:
            t.job = t.start + r(30, 240)
            now = t.job + r(0, 120)  # after three months in the job most cases close as 穩定就業
        elif p.not_open:
            now = decide
        else:
            assert p.closure is not None  # every opened case in G got a reason in profiles()
            now = self._closing_day(p.closure, t)
        t.end = now
        if p.stage == Stage.G:  # closed sometime in the last two years
            now += r(0, max(HISTORY_DAYS - now, 0))
        return t, now

    def _closing_day(self, reason: str, t: _Timeline) -> int:
        r = self.rng.randint
        if self.reasons[reason].counts_as_stable_employment:
            t.job = t.start + r(30, 200)
            return t.job + r(92, 140)  # 92 days cover any three calendar months
        if reason in ("plan_goal_achieved", "entered_training"):
            close = t.start + r(60, 240)
            if reason == "plan_goal_achieved" and self.rng.random() < 0.4:
                t.job = r(t.start + 20, close - 1)
            return close
        if self.reasons[reason].requires_contact_log:
            return t.decide + r(LOST_CONTACT_QUIET_DAYS + 10, 300)
        return t.decide + r(14, 300)

    def write_cases(self, session: Session, profiles: Sequence[_Profile]) -> None:
        """Build each case complete in memory, then write the cases in two flushes: clients with their cases and the
        cases' structure (plans, referrals, jobs, closure) first, the notes (records, attempts, assessments) second.
        The search index then finds each note's case in the session instead of querying for it, and no case is
        written twice."""
        built = []
        for p in profiles:
            # Each case draws from its own generator, so that it does not depend on how the cases are batched.
            self.rng = random.Random(p.seed)
            built.append(self._start(p))
            self._history(built[-1])
        session.add_all([ctx.client for ctx in built])
        session.flush()
        session.add_all([note for ctx in built for note in ctx.notes])
        session.flush()

    def _start(self, p: _Profile) -> _Ctx:
        rng = self.rng
        t, days_ago = self._timeline(p)
        app = self.today - timedelta(days=days_ago)
        source = self._pick(self.sources[p.programme.value])
        client, severity = self._client(p, app, source)
        owner = rng.randrange(len(vocab.CASE_MANAGERS))
        county = self.counties[p.county].zh
        referrers = vocab.REFERRING_UNITS.get(source)
        case = Case(
            client=client,
            client_id=client.id,
            programme=p.programme,
            source=source,
            referring_unit=rng.choice(referrers).format(c=county, w=rng.choice(vocab.UNIT_WORDS))
            if referrers
            else None,
            application_date=app,
            owner=vocab.CASE_MANAGERS[owner],
            unit=vocab.OWN_UNITS[owner * len(vocab.OWN_UNITS) // len(vocab.CASE_MANAGERS)],
            county=p.county,
        )
        # Mark the new case's collections loaded and empty: what the workflow attaches to them (a plan, a job, the
        # closure) then reaches the session by cascade when the client is added, and reading them never queries.
        for name in ("plans", "referrals", "employments", "transfers"):
            set_committed_value(case, name, [])
        set_committed_value(case, "closure", None)
        pattern, jobs = rng.choice(vocab.EMPLOYER_KINDS)
        employer = pattern.format(w=rng.choice(vocab.EMPLOYER_WORDS), c=county[:-1])
        self.counts["clients"] += 1
        self.by_programme[p.programme.value] += 1
        return _Ctx(p, client, case, app, t, severity, (pattern, rng.choice(jobs)), employer, self._plan_kinds(p))

    def _history(self, ctx: _Ctx) -> None:
        """Replay the case through the workflow in date order, up to today or its closing."""
        case, t, p, rng = ctx.case, ctx.t, ctx.profile, self.rng
        if t.reached(t.intake):
            workflow.record_intake_assessment(case, ctx.on(t.intake), self._fill(ctx, rng.choice(vocab.INTAKE_NOTES)))
            self._record(ctx, t.intake, ContactMode.IN_PERSON, RecordKind.INTERVIEW, case.intake_assessment)
        if t.reached(t.decide):
            decided = ctx.on(t.decide)
            if p.not_open:
                workflow.decide_intake(case, IntakeDecision.NOT_OPEN, decided, rng.choice(vocab.NOT_OPEN_REASONS))
                self.counts["not_opened"] += 1
            else:
                why = rng.choice(vocab.OPEN_REASONS_ES) if p.programme == Programme.EMPLOYMENT_SERVICE else ""
                workflow.decide_intake(case, IntakeDecision.OPEN, decided, why)
            reply = decided + timedelta(days=rng.choice((0, 1, 1, 2, 3, 5)))  # now and then later than 3 days
            if reply <= self.today:
                workflow.record_reply(case, reply)
        if case.decision == IntakeDecision.OPEN:
            self._service(ctx)
        self.by_stage[case.stage.value] += 1

    def _service(self, ctx: _Ctx) -> None:
        case, t, p, rng = ctx.case, ctx.t, ctx.profile, self.rng
        if t.reached(t.needs):
            self._assessment(ctx)
        plan = self._plan(ctx) if t.reached(t.plan) else None
        if plan is not None and t.reached(t.start):
            workflow.start_plan(case, plan)
            self._referrals(ctx, plan)
            if t.end - t.start > 120 and rng.random() < 0.12 and (t.job is None or t.job - t.start > 90):
                plan = self._revise(ctx, plan, t.start + rng.randint(45, 90))
        if t.job is not None and t.reached(t.job):
            self._employment(ctx)
        elif case.stage == Stage.E and rng.random() < 0.5:  # a 推介 waiting for its answer, or turned down
            self._job_referral(ctx, max(t.end - rng.randint(0, 20), t.start), ctx.employer, hired=False)
        if p.closure in NON_VR_REASONS:
            self._referral(ctx, "non_vr_resource", t.end - rng.randint(10, 30), accepted=True)
        # Records come last so that their notes can name the unit and employer; their dates interleave anyway.
        quiet = LOST_CONTACT_QUIET_DAYS if p.closure and self.reasons[p.closure].requires_contact_log else 0
        self._contacts(ctx, t.decide + rng.randint(2, 12), t.end - quiet)
        if rng.random() < 0.04 and t.end - t.decide > 60:
            self._transfer(ctx, t.decide + rng.randint(30, t.end - t.decide - 10))
        if p.closure is not None:
            self._close(ctx, plan)

    # --- records and contacts --------------------------------------------------------------------------------------

    def _fill(self, ctx: _Ctx, text: str) -> str:
        rng, relation = self.rng, ctx.client.contact_relation
        return text.format(
            who=vocab.RELATION_WORDS.get(relation or "", relation or "家人"),
            wish=rng.choice(vocab.WISHES),
            worry=rng.choice(vocab.WORRIES),
            past=rng.choice(vocab.PAST_JOBS),
            leave=rng.choice(vocab.LEAVE_REASONS),
            years=rng.randint(1, 6),
            job=ctx.wish[1],
            employer=ctx.employer,
            unit=ctx.units_used[-1].name if ctx.units_used else "受案單位",
        )

    def _record(self, ctx: _Ctx, offset: int, mode: ContactMode, kind: RecordKind, notes: str) -> None:
        rng = self.rng
        held = ctx.on(offset)
        places = {ContactMode.IN_PERSON: "本單位會談室", ContactMode.HOME_VISIT: "案家"}
        places[ContactMode.WORKPLACE_VISIT] = ctx.employer
        record = ServiceRecord(
            case_id=ctx.case.id,
            kind=kind,
            mode=mode,
            held_on=held,
            place=places.get(mode, ""),
            duration_minutes=rng.randint(5, 20) if mode == ContactMode.PHONE else rng.randint(30, 120),
            notes=notes,
            status=RecordStatus.FINAL,
        )
        # Recent records are where the work is: some still drafts, some not yet entered into the national system
        # (so the 2-week 登錄 deadline shows); older ones are final and registered, a few of them late.
        age = (self.today - held).days
        if age <= 10 and rng.random() < 0.35:
            record.status = RecordStatus.DRAFT
        else:
            record.finalised_at = self._moment(held + timedelta(days=min(rng.randint(0, 2), age)))
            if age > 20 or rng.random() < 0.5:
                lag = rng.randint(15, 30) if rng.random() < 0.04 else rng.randint(1, 13)
                record.registered_on = min(held + timedelta(days=lag), self.today)
        ctx.notes.append(record)
        self.counts["records"] += 1

    def _moment(self, day: date) -> datetime:
        hour, minute = self.rng.randint(8, 17), self.rng.randrange(60)
        return datetime(day.year, day.month, day.day, hour, minute, tzinfo=LOCAL_TZ).astimezone(UTC)

    def _attempt(self, ctx: _Ctx, offset: int, outcome: ContactOutcome, by: ContactMode = ContactMode.PHONE) -> None:
        note = "" if outcome == ContactOutcome.REACHED else self.rng.choice(vocab.ATTEMPT_NOTES)
        attempt = ContactAttempt(
            case_id=ctx.case.id, attempted_at=self._moment(ctx.on(offset)), channel=by, outcome=outcome, note=note
        )
        ctx.attempts.append(attempt)
        ctx.notes.append(attempt)
        self.counts["contact_attempts"] += 1

    def _contacts(self, ctx: _Ctx, first: int, until: int) -> None:
        """A record every four to eight weeks, by phone or in person, at work once employed; some calls go
        unanswered first."""
        rng, t = self.rng, ctx.t
        day = first
        while day <= min(until, t.end):
            employed = t.job is not None and t.job <= day and (t.job_end is None or day < t.job_end)
            mode = ContactMode(rng.choice(EMPLOYED_MODES if employed else SEEKING_MODES))
            if mode == ContactMode.PHONE and rng.random() < 0.2:
                missed = rng.choice((ContactOutcome.NO_ANSWER, ContactOutcome.MESSAGE_LEFT))
                self._attempt(ctx, day - rng.randint(1, 2), missed)
                self._attempt(ctx, day, ContactOutcome.REACHED)
            key = f"{mode.value}_employed" if employed else mode.value
            notes = self._fill(ctx, rng.choice(vocab.SERVICE_NOTES.get(key, vocab.SERVICE_NOTES[mode.value])))
            self._record(ctx, day, mode, RecordKind.FOLLOW_UP if employed else RecordKind.SERVICE, notes)
            day += rng.randint(28, 56)

    def _assessment(self, ctx: _Ctx) -> None:
        rng = self.rng
        assessed = ctx.on(ctx.t.needs)
        kinds = [k for part in ctx.kinds.values() for k in part]
        methods = rng.sample(vocab.ASSESSMENT_METHODS[:5], rng.randint(2, 3))
        if "vocational_evaluation" in kinds:
            methods.append("職業輔導評量")
        texts = {key: rng.choice(options) for key, options in vocab.ASSESSMENT.items()}
        ctx.notes.append(
            NeedsAssessment(
                case_id=ctx.case.id,
                assessed_on=assessed,
                methods=methods,
                needs_vocational_evaluation="vocational_evaluation" in kinds,
                recommended_services=kinds,
                summary=f"建議以{ctx.wish[1]}為職業目標，{texts['support_needs']}",
                assessor=ctx.case.owner,
                status=RecordStatus.DRAFT if (self.today - assessed).days < 7 else RecordStatus.FINAL,
                **texts,
            )
        )

    # --- plans and referrals ---------------------------------------------------------------------------------------

    def _plan_kinds(self, p: _Profile) -> dict[PlanPart, list[str]]:
        rng = self.rng
        if p.programme == Programme.SUPPORTED_EMPLOYMENT:
            pre = ["pre_employment_preparation"]
        elif p.programme == Programme.EMPLOYMENT_SERVICE:
            pre = ["career_counselling"]
        else:
            pre = rng.sample(vocab.VR_PRE_EMPLOYMENT, rng.randint(1, 2))
        training = p.closure == "entered_training"
        matching = "vocational_training" if training else self._pick(vocab.MATCHING_WEIGHTS[p.programme.value])
        post = "job_redesign" if rng.random() < 0.1 else "employment_stabilisation"
        kinds = {PlanPart.PRE_EMPLOYMENT: pre, PlanPart.MATCHING_SUPPORT: [matching], PlanPart.POST_EMPLOYMENT: [post]}
        return {part: [k for k in ks if k in self.service_kinds] for part, ks in kinds.items()}

    def _plan(self, ctx: _Ctx, start: int | None = None, revised_from: ServicePlan | None = None) -> ServicePlan:
        rng, t, case = self.rng, ctx.t, ctx.case
        first = t.start if start is None else start
        begin = ctx.on(first)
        if revised_from is None:
            aim = f"{ctx.wish[1]}（{rng.choice(('全職', '兼職'))}）"
            plan = workflow.new_plan(case, begin, add_months(begin, rng.choice((6, 9, 12))), aim)
        else:
            reason = rng.choice(vocab.REVISION_REASONS)
            plan = workflow.revise_plan(case, revised_from, reason, begin, add_months(begin, 6))
        plan.case_id = case.id  # the outbox records what is set before the flush; the relationship alone is not
        self.counts["plans"] += 1
        # Goals of the post-employment part are often set only once a job is in sight.
        parts = list(PlanPart) if t.job is not None or rng.random() < 0.5 else list(PlanPart)[:2]
        for position, part in enumerate(parts):
            specific = [vocab.GOALS_BY_SERVICE[k] for k in ctx.kinds[part] if k in vocab.GOALS_BY_SERVICE]
            description = rng.choice(specific or vocab.GOALS[part.value]).format(job=ctx.wish[1])
            target = min(add_months(begin, 3 * (position + 1)), plan.end_on)
            goal = PlanGoal(plan_id=plan.id, part=part, position=position, description=description, target_on=target)
            plan.goals.append(goal)
        consent = t.consent if start is None else start + rng.randint(0, 5)
        if t.reached(consent):  # items are agreed together with the client: 知後決定
            self._items(ctx, plan, first)
            workflow.record_consent(plan, ctx.on(consent), "guardian" if ctx.severity == "profound" else "client")
            if not t.reached(t.start):
                plan.status = PlanStatus.SUBMITTED  # consented, waiting for the supervisor's sign-off
        return plan

    def _items(self, ctx: _Ctx, plan: ServicePlan, first: int) -> None:
        t, closing = ctx.t, ctx.profile.closure is not None
        for position, (part, kind) in enumerate((part, kind) for part, kinds in ctx.kinds.items() for kind in kinds):
            begin, finish = first + ITEM_SPANS[part][0], first + ITEM_SPANS[part][1]
            if part == PlanPart.POST_EMPLOYMENT and t.job is not None:
                begin, finish = t.job, t.job + 90
            if t.end < begin:
                status = ItemStatus.CANCELLED if closing else ItemStatus.PLANNED
            elif finish <= t.end:
                status = ItemStatus.DONE
            else:
                status = ItemStatus.CANCELLED if closing else ItemStatus.IN_PROGRESS
            plan.items.append(
                PlanItem(
                    plan_id=plan.id,
                    part=part,
                    position=position,
                    service_kind=kind,
                    description=self.service_kinds[kind].zh,
                    start_on=ctx.on(begin),
                    end_on=ctx.on(finish),
                    hours=float(self.rng.randint(4, 30)) if kind in vocab.COUNSELLING_KINDS else None,
                    status=status,
                )
            )

    def _referrals(self, ctx: _Ctx, plan: ServicePlan) -> None:
        """派案 to directory units: 職評, the main matching service and, once employed, 職務再設計. The rest (職涯輔導,
        就業前準備, 穩定就業 follow-up) the case manager's own unit or the placing 就服員 gives."""
        for item in plan.items:
            if item.part == PlanPart.PRE_EMPLOYMENT and item.service_kind != "vocational_evaluation":
                continue
            if item.part == PlanPart.POST_EMPLOYMENT and (ctx.t.job is None or item.service_kind != "job_redesign"):
                continue
            assert item.start_on is not None
            unit = self._referral(ctx, item.service_kind, (item.start_on - ctx.app).days - self.rng.randint(0, 10))
            if unit is not None:
                item.service_unit_id = unit.id

    def _referral(self, ctx: _Ctx, kind: str, day: int, *, accepted: bool = False) -> ServiceUnit | None:
        """One referral (a second one when the first unit declines); returns the unit that took the client."""
        rng, t = self.rng, ctx.t
        unit = self._unit_for(kind, ctx.profile.county)
        day = max(day, t.start if t.reached(t.start) else t.decide)
        if unit is None or not t.reached(day):
            return None
        sent, end = ctx.on(day), ctx.on(t.end)
        waited = (end - sent).days
        if accepted or waited >= 7:
            declined = not accepted and rng.random() < 0.15
            response = ReferralResponse.DECLINED if declined else ReferralResponse.ACCEPTED
        else:
            response = ReferralResponse.PENDING
        due = workflow.referral_follow_up_due(sent) if self.service_kinds[kind].needs_referral_followup else None
        done = None
        if due is not None and response == ReferralResponse.ACCEPTED and (due <= end or rng.random() < 0.4):
            done = min(sent + timedelta(days=rng.randint(7, 33)), end)  # a few follow-ups come late
        answered = min(rng.randint(2, 10), waited)
        contacted = rng.random() < 0.9  # 派案前先聯繫受案單位, mostly
        ctx.case.referrals.append(
            Referral(
                case_id=ctx.case.id,
                kind=ReferralKind.SERVICE,
                service_kind=kind,
                receiving_unit_id=unit.id,
                contacted_before_dispatch=contacted,
                contacted_on=max(sent - timedelta(days=rng.randint(0, 4)), ctx.on(t.decide)) if contacted else None,
                sent_on=sent,
                response=response,
                responded_on=None if response == ReferralResponse.PENDING else sent + timedelta(days=answered),
                decline_reason=rng.choice(vocab.SERVICE_DECLINES) if response == ReferralResponse.DECLINED else "",
                follow_up_due_on=due,
                follow_up_done_on=done,
                follow_up_note=rng.choice(vocab.FOLLOW_UP_NOTES) if done else "",
                client_consented=True,
            )
        )
        self.counts["referrals"] += 1
        if response == ReferralResponse.DECLINED:
            # 受案單位無法服務時須告知職管員，由職管員另行安排 (DOMAIN.md): another unit, a few days later.
            return self._referral(ctx, kind, day + rng.randint(3, 7), accepted=True) if waited > 10 else None
        if response == ReferralResponse.ACCEPTED:
            ctx.units_used.append(unit)
            return unit
        return None

    def _job_referral(self, ctx: _Ctx, day: int, employer: str, *, hired: bool) -> None:
        """推介 to a job; tracked two weeks later (000 A5)."""
        sent = ctx.on(day)
        waited = (ctx.on(ctx.t.end) - sent).days
        if hired:
            response = ReferralResponse.ACCEPTED
        else:
            response = ReferralResponse.PENDING if waited < 5 else ReferralResponse.DECLINED
        done = sent + timedelta(days=self.rng.randint(5, 14)) if waited >= 14 else None
        ctx.case.referrals.append(
            Referral(
                case_id=ctx.case.id,
                kind=ReferralKind.JOB,
                employer=employer,
                job_title=ctx.wish[1],
                contacted_before_dispatch=True,
                contacted_on=sent,
                sent_on=sent,
                response=response,
                responded_on=None if response == ReferralResponse.PENDING else sent + timedelta(days=min(3, waited)),
                decline_reason=self.rng.choice(vocab.JOB_DECLINES) if response == ReferralResponse.DECLINED else "",
                follow_up_due_on=sent + timedelta(days=14),
                follow_up_done_on=done,
                follow_up_note="已與雇主確認面試結果。" if done else "",
                client_consented=True,
            )
        )
        self.counts["referrals"] += 1

    def _revise(self, ctx: _Ctx, plan: ServicePlan, day: int) -> ServicePlan:
        """A plan whose goal failed gets new dates and a reason (002 附件一 三(三)); unfinished items are dropped."""
        for goal in plan.goals:
            goal.achieved = False if goal.part == PlanPart.MATCHING_SUPPORT else None
        for item in plan.items:
            if item.end_on is not None and item.end_on > ctx.on(day):
                item.status = ItemStatus.CANCELLED
        revised = self._plan(ctx, day, revised_from=plan)
        workflow.start_plan(ctx.case, revised)
        return revised

    # --- employment, hand-over, closure ----------------------------------------------------------------------------

    def _employment(self, ctx: _Ctx) -> None:
        rng, t, p = self.rng, ctx.t, ctx.profile
        assert t.job is not None
        if rng.random() < 0.35:  # a 推介 that did not work out first
            other = ctx.wish[0].format(w=rng.choice(vocab.EMPLOYER_WORDS), c=self.counties[p.county].zh[:-1])
            self._job_referral(ctx, rng.randint(t.start, max(t.start, t.job - 20)), other, hired=False)
        self._job_referral(ctx, max(t.job - rng.randint(3, 14), t.start), ctx.employer, hired=True)
        part_time = rng.random() < 0.45
        size = rng.choice((3, 5, 12, 30, 80, 250))
        proof = EmploymentProof.LABOUR_INSURANCE
        if size <= 5 and rng.random() < 0.5:  # firms of ≤ 5 may prove the job otherwise (003 三(四))
            proof = rng.choice(SMALL_FIRM_PROOFS)
        supported = p.programme == Programme.SUPPORTED_EMPLOYMENT
        supported = supported or "supported_employment" in ctx.kinds[PlanPart.MATCHING_SUPPORT]
        # Under 10 working days of 密集輔導 the placement counts as 一般性, not 支持性 (003 三(三)1(1)).
        intensive = (rng.randint(10, 25) if rng.random() < 0.85 else rng.randint(5, 9)) if supported else 0
        start = ctx.on(t.job)
        employment = Employment(
            case_id=ctx.case.id,
            employer=ctx.employer,
            employer_size=size,
            job_title=ctx.wish[1],
            start_on=start,
            hours_per_week=float(rng.randint(20, 35)) if part_time else 40.0,
            monthly_wage=None if part_time else Decimal(rng.randrange(MIN_MONTHLY_WAGE, 38_000, 10)),
            hourly_wage=Decimal(rng.randint(MIN_HOURLY_WAGE, 230)) if part_time else None,
            labour_insurance_on=start if proof == EmploymentProof.LABOUR_INSURANCE else None,
            proof=proof,
            supported=supported,
            intensive_support_days=intensive,
            group_model=p.programme == Programme.SUPPORTED_EMPLOYMENT and rng.random() < 0.1,
            remote_area=p.county in vocab.REMOTE_COUNTIES,
            high_support=supported and ctx.severity in ("severe", "profound"),
        )
        workflow.record_employment(ctx.case, employment)
        self.counts["employments"] += 1
        if t.job_end is not None:
            employment.end_on = ctx.on(t.job_end)
            employment.end_reason = rng.choice(vocab.JOB_END_REASONS)
            workflow.move_to(ctx.case, Stage.E)  # 定期評估: back to executing the plan

    def _transfer(self, ctx: _Ctx, day: int) -> None:
        """移案 to a colleague, with the summary as it was on that day."""
        case, t = ctx.case, ctx.t
        to_owner = self.rng.choice([cm for cm in vocab.CASE_MANAGERS if cm != case.owner])
        stage = "需求評估" if day < t.plan else "擬定計畫" if day < t.start else "執行計畫"
        if t.job is not None and t.job <= day and (t.job_end is None or day < t.job_end):
            stage = "穩定就業後服務"
        case.transfers.append(
            CaseTransfer(
                case_id=case.id,
                from_owner=case.owner,
                to_owner=to_owner,
                transferred_on=ctx.on(day),
                reason=self.rng.choice(vocab.TRANSFER_REASONS),
                summary=f"移案摘要：{ctx.client.name}，{case.application_date:%Y-%m-%d} 申請，"
                f"目前為{stage}階段，職業目標為{ctx.wish[1]}。",
            )
        )
        case.owner = to_owner
        self.counts["transfers"] += 1

    def _close(self, ctx: _Ctx, plan: ServicePlan | None) -> None:
        rng, t, reason = self.rng, ctx.t, ctx.profile.closure
        assert reason is not None
        if self.reasons[reason].requires_contact_log:
            # 失聯 needs the log: three to five unanswered tries in the last weeks, the last one maybe a home visit.
            days = sorted(rng.sample(range(t.end - LOST_CONTACT_QUIET_DAYS + 5, t.end), rng.randint(3, 5)))
            for i, day in enumerate(days):
                if i == len(days) - 1 and rng.random() < 0.5:
                    self._attempt(ctx, day, ContactOutcome.NO_ANSWER, ContactMode.HOME_VISIT)
                else:
                    unanswered = (ContactOutcome.NO_ANSWER, ContactOutcome.WRONG_NUMBER, ContactOutcome.MESSAGE_LEFT)
                    self._attempt(ctx, day, rng.choice(unanswered))
        if reason == "entered_training" and not any("vocational_training" in u.service_kinds for u in ctx.units_used):
            self._referral(ctx, "vocational_training", t.end - rng.randint(10, 30), accepted=True)
        if plan is not None and (self.reasons[reason].counts_as_stable_employment or reason == "plan_goal_achieved"):
            for goal in plan.goals:
                goal.achieved = True
        unit = ctx.units_used[-1].name if ctx.units_used else "相關單位"
        summary = vocab.CLOSURE_SUMMARIES.get(reason, "結案。").format(
            employer=ctx.employer, job=ctx.wish[1], unit=unit
        )
        closure = workflow.close_case(ctx.case, ctx.on(t.end), reason, summary, attempts=ctx.attempts)
        closure.case_id = ctx.case.id
        # 結案後調查個案、雇主及受案單位之滿意度 (002 附件一 三(六)); nobody to ask after 失聯 or 死亡.
        if not self.reasons[reason].requires_contact_log and reason != "deceased":
            closure.satisfaction_client = self._score()
        if any(e.end_on is None for e in ctx.case.employments):
            closure.satisfaction_employer = self._score()
        if ctx.units_used:
            closure.satisfaction_receiving_unit = self._score()
        self.counts["closures"] += 1
        self.by_reason[reason] += 1

    def _score(self) -> int:
        return self.rng.choices((5, 4, 3, 2), weights=(45, 35, 15, 5))[0]

    def summary(self, elapsed: float) -> DemoSummary:
        c = self.counts
        return DemoSummary(
            clients=c["clients"],
            cases=sum(self.by_programme.values()),
            cases_by_programme=dict(self.by_programme),
            cases_by_stage=dict(sorted(self.by_stage.items())),
            not_opened=c["not_opened"],
            records=c["records"],
            contact_attempts=c["contact_attempts"],
            plans=c["plans"],
            referrals=c["referrals"],
            employments=c["employments"],
            closures=c["closures"],
            closures_by_reason=dict(self.by_reason),
            transfers=c["transfers"],
            units=c["units"],
            elapsed_seconds=round(elapsed, 3),
        )


def _known(list_name: str, weights: Mapping[str, float]) -> dict[str, float]:
    known = {e.code for e in codes.entries(list_name)}
    return {code: weight for code, weight in weights.items() if code in known}


def _age(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
