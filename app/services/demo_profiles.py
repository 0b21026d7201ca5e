"""What each demo case will be: its profile (programme, stage, place, closure reason), allotted by quota over the whole
caseload, and its timeline, drawn so that today falls in the stage the profile gave it."""

from __future__ import annotations

from app.models.enums import Programme, Stage
from app.services import demo_vocabulary as vocab
from app.services.demo_world import LOST_CONTACT_QUIET_DAYS, Profile, Timeline, World, quota

HISTORY_DAYS = 730  # histories span the two years before `today`
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


def profiles(world: World, n: int) -> list[Profile]:
    rng = world.rng
    # Counties with featured townships (臺東縣: 蘭嶼, 綠島) get one client more per featured township.
    extra = {c: sum(t in vocab.FEATURED_TOWNSHIPS for t in cty.townships) for c, cty in world.counties.items()}
    counties = quota(n, world.county_weights, rng, {c: 1 + e for c, e in extra.items()})
    townships = _townships(world, counties)
    programmes = quota(n, PROGRAMME_WEIGHTS, rng)
    stages = quota(n, STAGE_WEIGHTS, rng)
    styles = quota(n, vocab.NAME_STYLE_WEIGHTS, rng)
    result = [Profile(programmes[i], stages[i], counties[i], townships[i], styles[i]) for i in range(n)]
    closed = [p for p in result if p.stage == Stage.G]
    for p in closed[: round(len(closed) * NOT_OPEN_SHARE)]:
        p.not_open = True
    opened = [p for p in closed if not p.not_open]
    reasons = {code: CLOSURE_WEIGHTS.get(code, UNKNOWN_REASON) for code in world.reasons}
    for p, reason in zip(opened, quota(len(opened), reasons, rng), strict=True):
        p.closure = reason
    # 新住民 are served mostly by employment-service case management.
    wanted = round(n * NEW_RESIDENT_SHARE) or (1 if n >= 10 else 0)
    pool = [p for p in result if p.programme == Programme.EMPLOYMENT_SERVICE and p.name_style == "regular"]
    for p in pool[:wanted]:
        p.new_resident = True
    for p in result:
        p.seed = rng.getrandbits(64)
    return result


def _townships(world: World, counties: list[str]) -> list[str]:
    """A township per client: each featured township once, then weighted to the first listed (the seat)."""
    featured = {c: [t for t in x.townships if t in vocab.FEATURED_TOWNSHIPS] for c, x in world.counties.items()}
    result = []
    for code in counties:
        names = world.counties[code].townships
        if featured[code]:
            result.append(featured[code].pop())
        else:
            result.append(world.rng.choices(names, weights=[4] + [1] * (len(names) - 1))[0] if names else "")
    return result


def timeline(world: World, p: Profile) -> tuple[Timeline, int]:
    """The case's milestones as day offsets, and how many days ago it applied, so that today is in its stage."""
    r = world.rng.randint
    intake = r(1, 5)
    decide = intake + r(1, 2)
    needs = decide + r(7, 30)
    plan = needs + r(3, 21)
    consent = plan + r(0, 5)
    t = Timeline(intake, decide, needs, plan, consent, start=consent + r(1, 7))
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
        if world.rng.random() < 0.2 and now - t.start > 60:  # back in E after a job that did not last
            t.job = r(t.start + 20, now - 40)
            t.job_end = r(t.job + 14, now - 1)
    elif p.stage == Stage.F:
        t.job = t.start + r(30, 240)
        now = t.job + r(0, 120)  # after three months in the job most cases close as 穩定就業
    elif p.not_open:
        now = decide
    else:
        assert p.closure is not None  # every opened case in G got a reason in profiles()
        now = _closing_day(world, p.closure, t)
    t.end = now
    if p.stage == Stage.G:  # closed sometime in the last two years
        now += r(0, max(HISTORY_DAYS - now, 0))
    return t, now


def _closing_day(world: World, reason: str, t: Timeline) -> int:
    r = world.rng.randint
    if world.reasons[reason].counts_as_stable_employment:
        t.job = t.start + r(30, 200)
        return t.job + r(92, 140)  # 92 days cover any three calendar months
    if reason in ("plan_goal_achieved", "entered_training"):
        close = t.start + r(60, 240)
        if reason == "plan_goal_achieved" and world.rng.random() < 0.4:
            t.job = r(t.start + 20, close - 1)
        return close
    if world.reasons[reason].requires_contact_log:
        return t.decide + r(LOST_CONTACT_QUIET_DAYS + 10, 300)
    return t.decide + r(14, 300)
