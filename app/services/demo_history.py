"""A demo case from application to today or its closing, replayed through the workflow in date order: the client
and the case, intake, service records and contact attempts, the needs assessment, the plan and its referrals (see
`demo_plans`), the job, a transfer now and then, and the closure."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from sqlalchemy.orm.attributes import set_committed_value

from app.models import Case, CaseTransfer, ContactAttempt, NeedsAssessment, ServicePlan, ServiceRecord
from app.models.enums import ContactMode, ContactOutcome, IntakeDecision, Programme, RecordKind, RecordStatus, Stage
from app.services import codes, workflow
from app.services import demo_vocabulary as vocab
from app.services.demo_people import People
from app.services.demo_plans import Plans
from app.services.demo_profiles import timeline
from app.services.demo_world import LOST_CONTACT_QUIET_DAYS, CaseDraft, Profile, World, known

LOCAL_TZ = timezone(timedelta(hours=8))  # Asia/Taipei, no daylight saving time
NON_VR_REASONS = frozenset({"referred_or_not_ready", "needs_non_vr_resources"})
# How contacts are made while looking for work, and once at work (職場訪視 takes over from 家訪).
SEEKING_MODES = ("in_person", "in_person", "phone", "phone", "phone", "home_visit")
EMPLOYED_MODES = ("workplace_visit", "workplace_visit", "phone", "phone", "in_person")
UNANSWERED = (ContactOutcome.NO_ANSWER, ContactOutcome.WRONG_NUMBER, ContactOutcome.MESSAGE_LEFT)


class History:
    def __init__(self, world: World, people: People, plans: Plans) -> None:
        self.world = world
        self.rng = world.rng
        self.people = people
        self.plans = plans
        self.sources = {p: known(codes.CASE_SOURCES, w) for p, w in vocab.SOURCE_WEIGHTS.items()}

    def build(self, p: Profile) -> CaseDraft:
        """The client, the case and its whole history, in memory."""
        ctx = self._start(p)
        self._history(ctx)
        return ctx

    def _start(self, p: Profile) -> CaseDraft:
        rng, world = self.rng, self.world
        t, days_ago = timeline(world, p)
        app = world.today - timedelta(days=days_ago)
        source = world.pick(self.sources[p.programme.value])
        client, severity = self.people.client(p, app, source)
        owner = rng.randrange(len(vocab.CASE_MANAGERS))
        if world.owner is not None:
            owner = vocab.CASE_MANAGERS.index(world.owner) if world.owner in vocab.CASE_MANAGERS else 0
        county = world.counties[p.county].zh
        referrers = vocab.REFERRING_UNITS.get(source)
        case = Case(
            client=client,
            client_id=client.id,
            programme=p.programme,
            source=source,
            referring_unit=vocab.unit_name(rng, rng.choice(referrers), county) if referrers else None,
            application_date=app,
            owner=world.owner or vocab.CASE_MANAGERS[owner],
            unit=vocab.OWN_UNITS[owner * len(vocab.OWN_UNITS) // len(vocab.CASE_MANAGERS)],
            county=p.county,
        )
        # Mark the new case's collections loaded and empty: what the workflow attaches to them (a plan, a job, the
        # closure) then reaches the session by cascade when the client is added, and reading them never queries.
        for name in ("plans", "referrals", "employments", "transfers", "reviews"):
            set_committed_value(case, name, [])
        set_committed_value(case, "closure", None)
        pattern, jobs = rng.choice(vocab.EMPLOYER_KINDS)
        employer = vocab.employer_name(rng, pattern, county)
        world.counts["clients"] += 1
        world.by_programme[p.programme.value] += 1
        wish = (pattern, rng.choice(jobs))
        return CaseDraft(p, client, case, app, t, severity, wish, employer, self.plans.plan_kinds(p))

    def _history(self, ctx: CaseDraft) -> None:
        """Replay the case through the workflow in date order, up to today or its closing."""
        case, t, p, rng = ctx.case, ctx.t, ctx.profile, self.rng
        if t.reached(t.intake):
            workflow.record_intake_assessment(case, ctx.on(t.intake), self._fill(ctx, rng.choice(vocab.INTAKE_NOTES)))
            self._record(ctx, t.intake, ContactMode.IN_PERSON, RecordKind.INTERVIEW, case.intake_assessment)
        if t.reached(t.decide):
            decided = ctx.on(t.decide)
            if p.not_open:
                workflow.decide_intake(case, IntakeDecision.NOT_OPEN, decided, rng.choice(vocab.NOT_OPEN_REASONS))
                self.world.counts["not_opened"] += 1
            else:
                why = rng.choice(vocab.OPEN_REASONS_ES) if p.programme == Programme.EMPLOYMENT_SERVICE else ""
                workflow.decide_intake(case, IntakeDecision.OPEN, decided, why)
            reply = decided + timedelta(days=rng.choice((0, 1, 1, 2, 3, 5)))  # now and then later than 3 days
            if reply <= self.world.today:
                workflow.record_reply(case, reply)
        if case.decision == IntakeDecision.OPEN:
            self._service(ctx)
        self.world.by_stage[case.stage.value] += 1

    def _service(self, ctx: CaseDraft) -> None:
        case, t, p, rng, plans = ctx.case, ctx.t, ctx.profile, self.rng, self.plans
        if t.reached(t.needs):
            self._assessment(ctx)
        plan = plans.plan(ctx) if t.reached(t.plan) else None
        if plan is not None and t.reached(t.start):
            workflow.start_plan(case, plan)
            plans.refer_items(ctx, plan)
            if t.end - t.start > 120 and rng.random() < 0.12 and (t.job is None or t.job - t.start > 90):
                plan = plans.revise(ctx, plan, t.start + rng.randint(45, 90))
        if t.job is not None and t.reached(t.job):
            plans.employment(ctx)
        elif case.stage == Stage.E and rng.random() < 0.5:  # a 推介 waiting for its answer, or turned down
            plans.refer_to_job(ctx, max(t.end - rng.randint(0, 20), t.start), ctx.employer, hired=False)
        if p.closure in NON_VR_REASONS:
            plans.refer(ctx, "non_vr_resource", t.end - rng.randint(10, 30), accepted=True)
        # Records come last so that their notes can name the unit and employer; their dates interleave anyway.
        quiet = LOST_CONTACT_QUIET_DAYS if p.closure and self.world.reasons[p.closure].requires_contact_log else 0
        self._contacts(ctx, t.decide + rng.randint(2, 12), t.end - quiet)
        if rng.random() < 0.04 and t.end - t.decide > 60:
            self._transfer(ctx, t.decide + rng.randint(30, t.end - t.decide - 10))
        if p.closure is not None:
            self._close(ctx, plan)

    # --- records and contacts --------------------------------------------------------------------------------------

    def _fill(self, ctx: CaseDraft, text: str) -> str:
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
            unit=ctx.last_unit("受案單位"),
        )

    def _record(self, ctx: CaseDraft, offset: int, mode: ContactMode, kind: RecordKind, notes: str) -> None:
        rng, today = self.rng, self.world.today
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
        age = (today - held).days
        if age <= 10 and rng.random() < 0.35:
            record.status = RecordStatus.DRAFT
        else:
            record.finalised_at = self._moment(held + timedelta(days=min(rng.randint(0, 2), age)))
            if age > 20 or rng.random() < 0.5:
                lag = rng.randint(15, 30) if rng.random() < 0.04 else rng.randint(1, 13)
                record.registered_on = min(held + timedelta(days=lag), today)
        ctx.notes.append(record)
        self.world.counts["records"] += 1

    def _moment(self, day: date) -> datetime:
        hour, minute = self.rng.randint(8, 17), self.rng.randrange(60)
        return datetime(day.year, day.month, day.day, hour, minute, tzinfo=LOCAL_TZ).astimezone(UTC)

    def _attempt(
        self, ctx: CaseDraft, offset: int, outcome: ContactOutcome, by: ContactMode = ContactMode.PHONE
    ) -> None:
        note = "" if outcome == ContactOutcome.REACHED else self.rng.choice(vocab.ATTEMPT_NOTES)
        attempt = ContactAttempt(
            case_id=ctx.case.id, attempted_at=self._moment(ctx.on(offset)), channel=by, outcome=outcome, note=note
        )
        ctx.attempts.append(attempt)
        ctx.notes.append(attempt)
        self.world.counts["contact_attempts"] += 1

    def _contacts(self, ctx: CaseDraft, first: int, until: int) -> None:
        """A record every four to eight weeks, by phone or in person, at work once employed; some calls go
        unanswered first."""
        rng, t = self.rng, ctx.t
        day = first
        while day <= min(until, t.end):
            employed = t.employed_on(day)
            mode = ContactMode(rng.choice(EMPLOYED_MODES if employed else SEEKING_MODES))
            if mode == ContactMode.PHONE and rng.random() < 0.2:
                missed = rng.choice((ContactOutcome.NO_ANSWER, ContactOutcome.MESSAGE_LEFT))
                self._attempt(ctx, day - rng.randint(1, 2), missed)
                self._attempt(ctx, day, ContactOutcome.REACHED)
            key = f"{mode.value}_employed" if employed else mode.value
            notes = self._fill(ctx, rng.choice(vocab.SERVICE_NOTES.get(key, vocab.SERVICE_NOTES[mode.value])))
            self._record(ctx, day, mode, RecordKind.FOLLOW_UP if employed else RecordKind.SERVICE, notes)
            day += rng.randint(28, 56)

    def _assessment(self, ctx: CaseDraft) -> None:
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
                status=RecordStatus.DRAFT if (self.world.today - assessed).days < 7 else RecordStatus.FINAL,
                **texts,
            )
        )

    # --- hand-over and closure -------------------------------------------------------------------------------------

    def _transfer(self, ctx: CaseDraft, day: int) -> None:
        """移案 to a colleague, with the summary as it was on that day."""
        case, t = ctx.case, ctx.t
        to_owner = self.rng.choice([cm for cm in vocab.CASE_MANAGERS if cm != case.owner])
        if self.world.owner is not None:  # on one case manager's laptop, a hand-over is one they received
            case.owner = to_owner
            to_owner = self.world.owner
        stage = "需求評估" if day < t.plan else "擬定計畫" if day < t.start else "執行計畫"
        if t.employed_on(day):
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
        self.world.counts["transfers"] += 1

    def _close(self, ctx: CaseDraft, plan: ServicePlan | None) -> None:
        rng, t, reason, world = self.rng, ctx.t, ctx.profile.closure, self.world
        assert reason is not None
        if world.reasons[reason].requires_contact_log:
            # 失聯 needs the log: three to five unanswered tries in the last weeks, the last one maybe a home visit.
            days = sorted(rng.sample(range(t.end - LOST_CONTACT_QUIET_DAYS + 5, t.end), rng.randint(3, 5)))
            for i, day in enumerate(days):
                if i == len(days) - 1 and rng.random() < 0.5:
                    self._attempt(ctx, day, ContactOutcome.NO_ANSWER, ContactMode.HOME_VISIT)
                else:
                    self._attempt(ctx, day, rng.choice(UNANSWERED))
        if reason == "entered_training" and not any("vocational_training" in u.service_kinds for u in ctx.units_used):
            self.plans.refer(ctx, "vocational_training", t.end - rng.randint(10, 30), accepted=True)
        if plan is not None and (world.reasons[reason].counts_as_stable_employment or reason == "plan_goal_achieved"):
            for goal in plan.goals:
                goal.achieved = True
        summary = vocab.CLOSURE_SUMMARIES.get(reason, "結案。").format(
            employer=ctx.employer, job=ctx.wish[1], unit=ctx.last_unit("相關單位")
        )
        closure = workflow.close_case(ctx.case, ctx.on(t.end), reason, summary, attempts=ctx.attempts)
        closure.case_id = ctx.case.id
        # 結案後調查個案、雇主及受案單位之滿意度 (002 附件一 三(六)); nobody to ask after 失聯 or 死亡.
        if not world.reasons[reason].requires_contact_log and reason != "deceased":
            closure.satisfaction_client = self._score()
        if any(e.end_on is None for e in ctx.case.employments):
            closure.satisfaction_employer = self._score()
        if ctx.units_used:
            closure.satisfaction_receiving_unit = self._score()
        world.counts["closures"] += 1
        world.by_reason[reason] += 1

    def _score(self) -> int:
        return self.rng.choices((5, 4, 3, 2), weights=(45, 35, 15, 5))[0]
