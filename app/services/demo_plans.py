"""A demo case's service plan and what carries it out: the plan's goals and items, its revision when a goal fails,
referrals (派案) to the directory's units, job referrals (推介) and the job the client gets."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from app.models import Employment, PlanGoal, PlanItem, Referral, Review, ServicePlan, ServiceUnit
from app.models.enums import (
    EmploymentProof,
    ItemStatus,
    PlanPart,
    PlanStatus,
    Programme,
    ReferralKind,
    ReferralResponse,
    ReviewSubject,
    Stage,
)
from app.services import clock, workflow
from app.services import demo_vocabulary as vocab
from app.services.demo_units import Directory
from app.services.demo_world import CaseDraft, Profile, World
from app.services.workdays import add_months

MIN_MONTHLY_WAGE = 28_590  # 2025 基本工資 (monthly)
MIN_HOURLY_WAGE = 190  # 2025 基本工資 (hourly)
SMALL_FIRM_PROOFS = (EmploymentProof.EMPLOYMENT_INSURANCE, EmploymentProof.PAYROLL, EmploymentProof.TIME_CARD)
ITEM_SPANS = {
    PlanPart.PRE_EMPLOYMENT: (0, 60),
    PlanPart.MATCHING_SUPPORT: (30, 180),
    PlanPart.POST_EMPLOYMENT: (120, 270),
}


class Plans:
    def __init__(self, world: World, directory: Directory) -> None:
        self.world = world
        self.rng = world.rng
        self.directory = directory

    def plan_kinds(self, p: Profile) -> dict[PlanPart, list[str]]:
        rng = self.rng
        if p.programme == Programme.SUPPORTED_EMPLOYMENT:
            pre = ["pre_employment_preparation"]
        elif p.programme == Programme.EMPLOYMENT_SERVICE:
            pre = ["career_counselling"]
        else:
            pre = rng.sample(vocab.VR_PRE_EMPLOYMENT, rng.randint(1, 2))
        training = p.closure == "entered_training"
        matching = "vocational_training" if training else self.world.pick(vocab.MATCHING_WEIGHTS[p.programme.value])
        post = "job_redesign" if rng.random() < 0.1 else "employment_stabilisation"
        kinds = {PlanPart.PRE_EMPLOYMENT: pre, PlanPart.MATCHING_SUPPORT: [matching], PlanPart.POST_EMPLOYMENT: [post]}
        return {part: [k for k in ks if k in self.world.service_kinds] for part, ks in kinds.items()}

    def plan(self, ctx: CaseDraft, start: int | None = None, revised_from: ServicePlan | None = None) -> ServicePlan:
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
        self.world.counts["plans"] += 1
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
            if not t.reached(t.start) and ctx.profile.closure is None:
                # Consented and submitted (送審) the same day: waiting for the supervisor's sign-off (a case that
                # closes before its plan starts keeps a consented draft, not a submission nobody will decide).
                plan.status = PlanStatus.SUBMITTED
                submitted = datetime.combine(ctx.on(consent), time(17), clock.LOCAL_TZ)
                review = Review(
                    case_id=case.id,
                    subject=ReviewSubject.PLAN,
                    plan_id=plan.id,
                    submitted_by=case.owner,
                    submitted_at=submitted,
                )
                case.reviews.append(review)
        return plan

    def _items(self, ctx: CaseDraft, plan: ServicePlan, first: int) -> None:
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
                    description=self.world.service_kinds[kind].zh,
                    start_on=ctx.on(begin),
                    end_on=ctx.on(finish),
                    hours=float(self.rng.randint(4, 30)) if kind in vocab.COUNSELLING_KINDS else None,
                    status=status,
                )
            )

    def revise(self, ctx: CaseDraft, plan: ServicePlan, day: int) -> ServicePlan:
        """A plan whose goal failed gets new dates and a reason (002 附件一 三(三)); unfinished items are dropped."""
        for goal in plan.goals:
            goal.achieved = False if goal.part == PlanPart.MATCHING_SUPPORT else None
        for item in plan.items:
            if item.end_on is not None and item.end_on > ctx.on(day):
                item.status = ItemStatus.CANCELLED
        revised = self.plan(ctx, day, revised_from=plan)
        workflow.start_plan(ctx.case, revised)
        return revised

    # --- referrals -------------------------------------------------------------------------------------------------

    def refer_items(self, ctx: CaseDraft, plan: ServicePlan) -> None:
        """派案 to directory units: 職評, the main matching service and, once employed, 職務再設計. The rest (職涯輔導,
        就業前準備, 穩定就業 follow-up) the case manager's own unit or the placing 就服員 gives."""
        for item in plan.items:
            if item.part == PlanPart.PRE_EMPLOYMENT and item.service_kind != "vocational_evaluation":
                continue
            if item.part == PlanPart.POST_EMPLOYMENT and (ctx.t.job is None or item.service_kind != "job_redesign"):
                continue
            assert item.start_on is not None
            unit = self.refer(ctx, item.service_kind, (item.start_on - ctx.app).days - self.rng.randint(0, 10))
            if unit is not None:
                item.service_unit_id = unit.id

    def refer(self, ctx: CaseDraft, kind: str, day: int, *, accepted: bool = False) -> ServiceUnit | None:
        """One referral (a second one when the first unit declines); returns the unit that took the client."""
        rng, t = self.rng, ctx.t
        unit = self.directory.unit_for(kind, ctx.profile.county)
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
        due = workflow.referral_follow_up_due(sent) if self.world.service_kinds[kind].needs_referral_followup else None
        done = None
        if due is not None and response == ReferralResponse.ACCEPTED and (due <= end or rng.random() < 0.4):
            done = min(sent + timedelta(days=rng.randint(7, 33)), end)  # a few follow-ups come late
        answered = min(rng.randint(2, 10), waited)
        contacted = rng.random() < 0.9  # 派案前先聯繫受案單位, mostly
        # Only an accepted referral is followed up, only a declined one draws a reason: the draws never meet.
        self._send(
            ctx,
            sent,
            response,
            answered,
            vocab.SERVICE_DECLINES,
            kind=ReferralKind.SERVICE,
            service_kind=kind,
            receiving_unit_id=unit.id,
            contacted_before_dispatch=contacted,
            contacted_on=max(sent - timedelta(days=rng.randint(0, 4)), ctx.on(t.decide)) if contacted else None,
            follow_up_due_on=due,
            follow_up_done_on=done,
            follow_up_note=rng.choice(vocab.FOLLOW_UP_NOTES) if done else "",
        )
        if response == ReferralResponse.DECLINED:
            # 受案單位無法服務時須告知職管員，由職管員另行安排 (DOMAIN.md): another unit, a few days later.
            return self.refer(ctx, kind, day + rng.randint(3, 7), accepted=True) if waited > 10 else None
        if response == ReferralResponse.ACCEPTED:
            ctx.units_used.append(unit)
            return unit
        return None

    def refer_to_job(self, ctx: CaseDraft, day: int, employer: str, *, hired: bool) -> None:
        """推介 to a job; tracked two weeks later (000 A5)."""
        sent = ctx.on(day)
        waited = (ctx.on(ctx.t.end) - sent).days
        if hired:
            response = ReferralResponse.ACCEPTED
        else:
            response = ReferralResponse.PENDING if waited < 5 else ReferralResponse.DECLINED
        done = sent + timedelta(days=self.rng.randint(5, 14)) if waited >= 14 else None
        self._send(
            ctx,
            sent,
            response,
            min(3, waited),
            vocab.JOB_DECLINES,
            kind=ReferralKind.JOB,
            employer=employer,
            job_title=ctx.wish[1],
            contacted_before_dispatch=True,
            contacted_on=sent,
            follow_up_due_on=sent + timedelta(days=14),
            follow_up_done_on=done,
            follow_up_note="已與雇主確認面試結果。" if done else "",
        )

    def _send(
        self,
        ctx: CaseDraft,
        sent: date,
        response: ReferralResponse,
        answered: int,
        declines: Sequence[str],
        **details: Any,
    ) -> None:
        """Add a referral sent on `sent` and answered `answered` days later (unless pending), with a reason from
        `declines` when declined; `details` are the rest of its fields."""
        ctx.case.referrals.append(
            Referral(
                case_id=ctx.case.id,
                sent_on=sent,
                response=response,
                responded_on=None if response == ReferralResponse.PENDING else sent + timedelta(days=answered),
                decline_reason=self.rng.choice(declines) if response == ReferralResponse.DECLINED else "",
                client_consented=True,
                **details,
            )
        )
        self.world.counts["referrals"] += 1

    # --- the job ---------------------------------------------------------------------------------------------------

    def employment(self, ctx: CaseDraft) -> None:
        rng, t, p = self.rng, ctx.t, ctx.profile
        assert t.job is not None
        if rng.random() < 0.35:  # a 推介 that did not work out first
            other = vocab.employer_name(rng, ctx.wish[0], self.world.counties[p.county].zh)
            self.refer_to_job(ctx, rng.randint(t.start, max(t.start, t.job - 20)), other, hired=False)
        self.refer_to_job(ctx, max(t.job - rng.randint(3, 14), t.start), ctx.employer, hired=True)
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
        self.world.counts["employments"] += 1
        if t.job_end is not None:
            employment.end_on = ctx.on(t.job_end)
            employment.end_reason = rng.choice(vocab.JOB_END_REASONS)
            workflow.move_to(ctx.case, Stage.E)  # 定期評估: back to executing the plan
