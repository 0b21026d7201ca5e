"""Case data as view-models (app/printing/views.py): codes with their labels, addresses joined, the plan in its
three parts, live rows only (no tombstones, no records a correction replaced), and the rows a document is about."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Literal, TypeVar

from app.errors import AppError
from app.models import (
    Case,
    Closure,
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
)
from app.models.enums import CertificateSystem, PlanPart, PlanStatus, RecordKind, RecordStatus, ReferralKind
from app.printing.options import coded, coded_all
from app.printing.views import (
    AssessmentView,
    CaseView,
    CertificateView,
    ClientView,
    ClosureView,
    Coded,
    ContactAttemptView,
    EmploymentView,
    NoticeView,
    PlanGoalView,
    PlanItemView,
    PlanPartView,
    PlanView,
    RecordView,
    ReferralView,
    StaffView,
    UnitView,
)
from app.services import clock, codes
from app.services.caseload import masked
from app.services.rocdate import format_roc
from app.services.supported_employment import is_supported_employment

Addressee = Literal["applicant", "referring_unit"]


def case_view(case: Case, printed_on: date, staff_names: Mapping[str, str]) -> CaseView:
    records = _records(case)
    return CaseView(
        reference=case.id.hex[:8].upper(),
        programme=_required(coded("programme", case.programme)),
        stage=_required(coded("stage", case.stage)),
        source=_required(coded(codes.CASE_SOURCES, case.source)),
        referring_unit=case.referring_unit or "",
        application_date=case.application_date,
        intake_assessed_on=case.intake_assessed_on,
        intake_assessment=case.intake_assessment,
        decision=coded("decision", case.decision),
        decision_reason=case.decision_reason,
        reply_due_on=case.reply_due_on,
        reply_sent_on=case.reply_sent_on,
        opened_on=case.opened_on,
        closed_on=case.closed_on,
        county=_county(case.county),
        manager=StaffView(username=case.owner, name=staff_names.get(case.owner, case.owner), unit=case.unit),
        unit=case.unit,
        client=_client(case, printed_on),
        interviews=tuple(_record(r) for r in records if r.kind == RecordKind.INTERVIEW),
        service_records=tuple(_record(r) for r in records if r.kind == RecordKind.SERVICE and _final(r)),
        follow_ups=tuple(_record(r) for r in records if r.kind == RecordKind.FOLLOW_UP and _final(r)),
        contact_attempts=tuple(_attempt(a) for a in case.contact_attempts if not a.deleted),
        assessments=tuple(_assessment(a) for a in _live(case.assessments)),
        plans=tuple(plan_view(p) for p in _live(case.plans)),
        referrals=tuple(_referral(r) for r in _live(case.referrals)),
        employments=tuple(_employment(e) for e in _live(case.employments)),
        closure=_closure(case.closure) if case.closure is not None and not case.closure.deleted else None,
    )


def _required(value: Coded | None) -> Coded:
    return value if value is not None else Coded("", "")


_Row = TypeVar("_Row", ServicePlan, Referral, Employment, NeedsAssessment, ServiceRecord)


def _live(rows: Sequence[_Row]) -> list[_Row]:
    return [row for row in rows if not row.deleted]


def _records(case: Case) -> list[ServiceRecord]:
    """Live records, without those a later correction replaced."""
    live = [r for r in case.records if not r.deleted]
    corrected = {r.corrects_id for r in live if r.corrects_id is not None}
    return sorted((r for r in live if r.id not in corrected), key=lambda r: r.held_on)


def _final(record: ServiceRecord) -> bool:
    return record.status == RecordStatus.FINAL


def _county(code: str | None) -> Coded | None:
    if not code:
        return None
    try:
        return Coded(code, codes.county(code).zh)
    except AppError:
        return Coded(code, code)


def _address(county: str | None, township: str | None, address: str | None) -> str:
    county_view = _county(county)
    return "".join(part for part in (county_view.label if county_view else "", township or "", address or ""))


def _age(birth: date | None, on: date) -> int | None:
    if birth is None:
        return None
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _client(case: Case, printed_on: date) -> ClientView:
    client = case.client
    certificates = [c for c in client.certificates if not c.deleted]
    latest = max(certificates, key=lambda c: c.issued_on or date.min) if certificates else None
    certificate = _certificate(latest) if latest is not None else None
    phones = [p for p in (client.mobile_phone, client.home_phone) if p]
    return ClientView(
        name=client.name,
        id_number=client.id_number,
        id_number_masked=masked(client.id_number),
        id_kind=_required(coded("id_kind", client.id_kind)),
        gender=_required(coded("gender", client.gender)),
        birth_date=client.birth_date,
        age=_age(client.birth_date, printed_on),
        household_address=_address(client.household_county, client.household_township, client.household_address),
        residence_address=_address(client.residence_county, client.residence_township, client.residence_address),
        mobile_phone=client.mobile_phone or "",
        home_phone=client.home_phone or "",
        phones="、".join(phones),
        contact_name=client.contact_name or "",
        contact_relation=client.contact_relation or "",
        contact_phone=client.contact_phone or "",
        contact=_contact(client.contact_name, client.contact_relation, client.contact_phone),
        education=coded(codes.EDUCATION_LEVELS, client.education),
        target_groups=coded_all(codes.TARGET_GROUPS, client.target_groups),
        indigenous_tribe=coded(codes.INDIGENOUS_TRIBES, client.indigenous_tribe),
        economic_status=coded(codes.ECONOMIC_STATUS, client.economic_status),
        work_history=client.work_history,
        health=client.health,
        strengths=client.strengths,
        data_consent=client.data_consent,
        data_consent_on=client.data_consent_on,
        certificate=certificate,
        disability_categories=certificate.categories if certificate else (),
    )


def _contact(name: str | None, relation: str | None, phone: str | None) -> str:
    who = f"{name or ''}（{relation}）" if relation else (name or "")
    return " ".join(part for part in (who, phone or "") if part)


def _certificate(cert: DisabilityCertificate) -> CertificateView:
    category_list = codes.DISABILITY_NEW_SYSTEM if cert.system == CertificateSystem.NEW else codes.DISABILITY_OLD_SYSTEM
    expiry = format_roc(cert.expires_on) if cert.expires_on else ""
    validity = "無註記效期" if cert.no_expiry else expiry
    return CertificateView(
        system=_required(coded("certificate_system", cert.system)),
        categories=coded_all(category_list, cert.categories),
        severity=coded(codes.SEVERITIES, cert.severity),
        icd_codes="、".join(cert.icd_codes),
        issued_on=cert.issued_on,
        expires_on=None if cert.no_expiry else cert.expires_on,
        reassess_on=cert.reassess_on,
        no_expiry=cert.no_expiry,
        validity=validity,
    )


def _record(record: ServiceRecord) -> RecordView:
    return RecordView(
        kind=_required(coded("record_kind", record.kind)),
        mode=_required(coded("contact_mode", record.mode)),
        held_on=record.held_on,
        place=record.place,
        duration_minutes=record.duration_minutes or None,
        notes=record.notes,
        final=record.status == RecordStatus.FINAL,
        registered_on=record.registered_on,
    )


def _attempt(attempt: ContactAttempt) -> ContactAttemptView:
    return ContactAttemptView(
        attempted_on=clock.local_date(attempt.attempted_at),
        channel=_required(coded("contact_mode", attempt.channel)),
        outcome=_required(coded("contact_outcome", attempt.outcome)),
        note=attempt.note,
    )


def _assessment(assessment: NeedsAssessment) -> AssessmentView:
    return AssessmentView(
        assessed_on=assessment.assessed_on,
        methods=coded_all("assessment_methods", assessment.methods),
        work_ability=assessment.work_ability,
        vocational_interest=assessment.vocational_interest,
        support_needs=assessment.support_needs,
        family_support=assessment.family_support,
        needs_vocational_evaluation=assessment.needs_vocational_evaluation,
        recommended_services=coded_all(codes.SERVICE_KINDS, assessment.recommended_services),
        summary=assessment.summary,
        assessor=assessment.assessor,
    )


def _hours(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _goal(goal: PlanGoal) -> PlanGoalView:
    achieved = None if goal.achieved is None else coded("achieved", "achieved" if goal.achieved else "not_achieved")
    return PlanGoalView(
        part=_required(coded("plan_part", goal.part)),
        description=goal.description,
        target_on=goal.target_on,
        achieved=achieved,
    )


def _item(item: PlanItem) -> PlanItemView:
    unit = item.service_unit.name if item.service_unit is not None and not item.service_unit.deleted else ""
    return PlanItemView(
        part=_required(coded("plan_part", item.part)),
        service=_required(coded(codes.SERVICE_KINDS, item.service_kind)),
        unit=unit,
        description=item.description,
        start_on=item.start_on,
        end_on=item.end_on,
        hours=_hours(item.hours),
        status=_required(coded("item_status", item.status)),
    )


def plan_view(plan: ServicePlan) -> PlanView:
    goals = tuple(_goal(g) for g in plan.goals if not g.deleted)
    items = tuple(_item(i) for i in plan.items if not i.deleted)

    def part(which: PlanPart) -> PlanPartView:
        return PlanPartView(
            part=_required(coded("plan_part", which)),
            goals=tuple(g for g in goals if g.part.code == which.value),
            items=tuple(i for i in items if i.part.code == which.value),
        )

    services = {i.service.code: i.service for i in items}
    return PlanView(
        version_no=plan.version_no,
        status=_required(coded("plan_status", plan.status)),
        start_on=plan.start_on,
        end_on=plan.end_on,
        vocational_goal=plan.vocational_goal,
        consent_given=plan.consent_given,
        consent_on=plan.consent_on,
        consent_by=coded("consent_by", plan.consent_by),
        revision_reason=plan.revision_reason,
        pre_employment=part(PlanPart.PRE_EMPLOYMENT),
        matching_support=part(PlanPart.MATCHING_SUPPORT),
        post_employment=part(PlanPart.POST_EMPLOYMENT),
        goals=goals,
        items=items,
        services=tuple(services.values()),
    )


def chosen_plan(case: Case, plan_id: uuid.UUID | None) -> ServicePlan | None:
    plans = _live(case.plans)
    if plan_id is not None:
        return _one(plans, plan_id, "計畫", "plan")
    current = [p for p in plans if p.status != PlanStatus.SUPERSEDED]
    chosen = current or plans
    return max(chosen, key=lambda p: p.version_no) if chosen else None


def _one(rows: Iterable[_Row], row_id: uuid.UUID, zh: str, en: str) -> _Row:
    for row in rows:
        if row.id == row_id:
            return row
    raise AppError(f"這個個案沒有指定的{zh}。", f"This case has no such {en}.")


def _unit(unit: ServiceUnit | None) -> UnitView | None:
    if unit is None or unit.deleted:
        return None
    return UnitView(
        name=unit.name,
        address=unit.address,
        phone=unit.phone,
        contact_person=unit.contact_person,
        email=unit.email,
        service_kinds=coded_all(codes.SERVICE_KINDS, unit.service_kinds),
    )


def _referral(referral: Referral) -> ReferralView:
    service = coded(codes.SERVICE_KINDS, referral.service_kind)
    unit = _unit(referral.receiving_unit)
    return ReferralView(
        kind=_required(coded("referral_kind", referral.kind)),
        target=service.label if service else referral.job_title,
        recipient=unit.name if unit else referral.employer,
        service=service,
        unit=unit,
        employer=referral.employer,
        job_title=referral.job_title,
        contacted_before_dispatch=referral.contacted_before_dispatch,
        contacted_on=referral.contacted_on,
        sent_on=referral.sent_on,
        response=_required(coded("referral_response", referral.response)),
        responded_on=referral.responded_on,
        decline_reason=referral.decline_reason,
        follow_up_due_on=referral.follow_up_due_on,
        follow_up_done_on=referral.follow_up_done_on,
        follow_up_note=referral.follow_up_note,
        client_consented=referral.client_consented,
    )


def chosen_referral(case: Case, kind: str | None, referral_id: uuid.UUID | None) -> ReferralView | None:
    referrals = _live(case.referrals)
    if referral_id is not None:
        return _referral(_one(referrals, referral_id, "轉介", "referral"))
    wanted = [r for r in referrals if kind is None or r.kind == ReferralKind(kind)]
    if not wanted:
        return None
    return _referral(max(wanted, key=lambda r: (r.sent_on or date.min, r.updated_at)))


def chosen_records(case: Case, kind: str | None, record_ids: tuple[uuid.UUID, ...] | None) -> tuple[RecordView, ...]:
    records = _records(case)
    if record_ids is not None:
        return tuple(_record(_one(records, record_id, "紀錄", "record")) for record_id in record_ids)
    if kind is None:
        return ()
    wanted = [r for r in records if _final(r) and (kind == "all" or r.kind == RecordKind(kind))]
    return tuple(_record(r) for r in wanted)


def _money(value: Decimal | None, unit: str) -> str:
    if value is None:
        return ""
    return f"{value:,.0f} {unit}" if value == value.to_integral_value() else f"{value:,} {unit}"


def _employment(job: Employment) -> EmploymentView:
    if job.group_model:
        model = "group"
    elif job.supported and is_supported_employment(job.intensive_support_days):
        model = "supported"
    else:
        model = "general"
    monthly_wage = _money(job.monthly_wage, "元／月")
    hourly_wage = _money(job.hourly_wage, "元／時")
    return EmploymentView(
        employer=job.employer,
        employer_size="" if job.employer_size is None else f"{job.employer_size} 人",
        job_title=job.job_title,
        start_on=job.start_on,
        hours_per_week=f"{_hours(job.hours_per_week)} 小時",
        monthly_wage=monthly_wage,
        hourly_wage=hourly_wage,
        wage=monthly_wage or hourly_wage,
        labour_insurance_on=job.labour_insurance_on,
        proof=coded("employment_proof", job.proof),
        competitive=job.competitive,
        employed_before_service=job.employed_before_service,
        supported=job.supported,
        intensive_support_days=job.intensive_support_days,
        model=_required(coded("employment_model", model)),
        remote_area=job.remote_area,
        high_support=job.high_support,
        end_on=job.end_on,
        end_reason=job.end_reason,
    )


def chosen_employment(case: Case) -> EmploymentView | None:
    jobs = _live(case.employments)
    if not jobs:
        return None
    current = [j for j in jobs if j.end_on is None]
    return _employment(max(current or jobs, key=lambda j: j.start_on))


def _closure(closure: Closure) -> ClosureView:
    return ClosureView(
        closed_on=closure.closed_on,
        reason=coded(codes.CLOSURE_REASONS, closure.reason_code),
        summary=closure.summary,
        satisfaction_client=coded("satisfaction", closure.satisfaction_client),
        satisfaction_employer=coded("satisfaction", closure.satisfaction_employer),
        satisfaction_receiving_unit=coded("satisfaction", closure.satisfaction_receiving_unit),
    )


def notice_view(case: CaseView, addressee: Addressee | None) -> NoticeView:
    """The 3-day reply (002 附件一 三(一)) goes to the referring unit when the case was referred, else to the
    applicant; `addressee` overrides."""
    to: Addressee = addressee or ("referring_unit" if case.referring_unit else "applicant")
    client = case.client
    if to == "referring_unit":
        name, address, regarding = case.referring_unit, "", f"貴單位轉介之{client.name}君"
    else:
        name, address, regarding = f"{client.name} 君", client.residence_address or client.household_address, "台端"
    return NoticeView(
        decision=case.decision,
        addressee=_required(coded("addressee", to)),
        addressee_name=name,
        addressee_address=address,
        regarding=regarding,
        reply_due_on=case.reply_due_on,
        reply_sent_on=case.reply_sent_on,
    )
