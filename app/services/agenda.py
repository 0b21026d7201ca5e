"""今日待辦: the deadline engine's facts read from the store in a handful of queries, not one query per case."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Case, Client, ContactAttempt, DisabilityCertificate, Employment, Referral, ServiceRecord
from app.models.enums import ContactOutcome, RecordStatus
from app.services import clock, codes
from app.services.deadlines import (
    CaseFacts,
    CertificateFact,
    DueItem,
    EmploymentFact,
    ReferralFact,
    ServiceFact,
    agenda,
)


def case_facts(session: Session, owners: Collection[str] | None = None) -> list[CaseFacts]:
    """Facts of every live case (of `owners`, when given), for the deadline engine."""
    case_ids = select(Case.id).where(Case.deleted.is_(False))
    if owners is not None:
        case_ids = case_ids.where(Case.owner.in_(list(owners)))
    cases = [
        (case, name)
        for case, name in session.execute(select(Case, Client.name).join(Client).where(Case.id.in_(case_ids)))
    ]
    if not cases:
        return []

    services: dict[uuid.UUID, list[ServiceFact]] = defaultdict(list)
    last_contact: dict[uuid.UUID, date] = {}
    for case_id, record_id, held_on, registered_on, status in session.execute(
        select(
            ServiceRecord.case_id,
            ServiceRecord.id,
            ServiceRecord.held_on,
            ServiceRecord.registered_on,
            ServiceRecord.status,
        ).where(ServiceRecord.case_id.in_(case_ids), ServiceRecord.deleted.is_(False))
    ):
        # Only a finalised record is a service that happened; a draft is still being written.
        if status == RecordStatus.FINAL:
            services[case_id].append(ServiceFact(record_id, held_on, registered_on))
            last_contact[case_id] = max(held_on, last_contact.get(case_id, held_on))
    for case_id, reached_at in session.execute(
        select(ContactAttempt.case_id, func.max(ContactAttempt.attempted_at))
        .where(
            ContactAttempt.case_id.in_(case_ids),
            ContactAttempt.deleted.is_(False),
            ContactAttempt.outcome == ContactOutcome.REACHED,
        )
        .group_by(ContactAttempt.case_id)
    ):
        # Stored in UTC: a call at 07:30 Taipei time is 23:30 UTC of the day before.
        reached_on = clock.local_date(reached_at)
        last_contact[case_id] = max(reached_on, last_contact.get(case_id, reached_on))

    referrals: dict[uuid.UUID, list[ReferralFact]] = defaultdict(list)
    for ref in session.scalars(select(Referral).where(Referral.case_id.in_(case_ids), Referral.deleted.is_(False))):
        kind = codes.service_kind(ref.service_kind) if ref.service_kind else None
        accepted_on = ref.responded_on if ref.response == "accepted" else None
        referrals[ref.case_id].append(
            ReferralFact(
                referral_id=ref.id,
                kind=ref.kind.value,
                service_kind=ref.service_kind,
                needs_one_month_follow_up=bool(kind and kind.needs_referral_followup),
                is_job_redesign=bool(kind and kind.job_redesign),
                sent_on=ref.sent_on,
                accepted_on=accepted_on,
                follow_up_done_on=ref.follow_up_done_on,
            )
        )

    employments: dict[uuid.UUID, list[EmploymentFact]] = defaultdict(list)
    for emp_id, case_id, start_on, end_on, supported in session.execute(
        select(Employment.id, Employment.case_id, Employment.start_on, Employment.end_on, Employment.supported).where(
            Employment.case_id.in_(case_ids), Employment.deleted.is_(False)
        )
    ):
        employments[case_id].append(EmploymentFact(emp_id, start_on, end_on, supported))

    certificates: dict[uuid.UUID, list[CertificateFact]] = defaultdict(list)
    for cert_id, client_id, expires_on, reassess_on, no_expiry in session.execute(
        select(
            DisabilityCertificate.id,
            DisabilityCertificate.client_id,
            DisabilityCertificate.expires_on,
            DisabilityCertificate.reassess_on,
            DisabilityCertificate.no_expiry,
        ).where(DisabilityCertificate.deleted.is_(False))
    ):
        certificates[client_id].append(CertificateFact(cert_id, expires_on, reassess_on, no_expiry))

    return [
        CaseFacts(
            case_id=case.id,
            owner=case.owner,
            client_name=name,
            programme=case.programme.value,
            stage=case.stage.value,
            intake_assessed_on=case.intake_assessed_on,
            reply_sent_on=case.reply_sent_on,
            opened_on=case.opened_on,
            closed_on=case.closed_on,
            last_contact_on=last_contact.get(case.id),
            services=tuple(services[case.id]),
            referrals=tuple(referrals[case.id]),
            employments=tuple(employments[case.id]),
            certificates=tuple(certificates[case.client_id]),
        )
        for case, name in cases
    ]


def due_items(session: Session, on: date | None = None, owners: Collection[str] | None = None) -> list[DueItem]:
    """What is overdue, due on `on` (default: today in Taiwan) or coming up for one case manager or a team
    (`owners`), or everyone."""
    return agenda(case_facts(session, owners), on if on is not None else clock.today(), owners=owners)
