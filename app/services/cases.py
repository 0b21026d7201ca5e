"""Reading a whole case in one go (the case workspace opens on this), with the read written to the audit log."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.errors import AppError
from app.models import AuditEntry, Case, Client, PlanItem, Referral, ServicePlan
from app.store.tracking import INFO_ACTOR


def load_case(session: Session, case_id: uuid.UUID, *, audit: bool = True) -> Case:
    """The case with its client, certificates, records, plans (goals, items), referrals, employment, closure and
    the submissions for the supervisor's sign-off (reviews).

    Everything is fetched eagerly with one SELECT … IN per relationship, so the workspace never triggers lazy
    loads (and never a query per row) while it draws.
    """
    case = session.scalars(
        select(Case)
        .where(Case.id == case_id, Case.deleted.is_(False))
        .options(
            selectinload(Case.client).selectinload(Client.certificates),
            selectinload(Case.records),
            selectinload(Case.contact_attempts),
            selectinload(Case.assessments),
            selectinload(Case.plans).selectinload(ServicePlan.goals),
            selectinload(Case.plans).selectinload(ServicePlan.items).selectinload(PlanItem.service_unit),
            selectinload(Case.referrals).selectinload(Referral.receiving_unit),
            selectinload(Case.employments),
            selectinload(Case.closure),
            selectinload(Case.transfers),
            selectinload(Case.reviews),
        )
    ).one_or_none()
    if case is None:
        raise AppError("找不到這個個案（可能已刪除或移出）。", "This case was not found (deleted or moved away).")
    if audit:
        # 個人資料保護法: reading a client's file is recorded like changing it.
        session.add(
            AuditEntry(
                actor=str(session.info.get(INFO_ACTOR, "")), action="view", record_type="case", record_id=case.id
            )
        )
    return case


def count_clients(session: Session) -> int:
    """Live clients in the store (demo data goes into an empty store only)."""
    return session.scalar(select(func.count()).select_from(Client).where(Client.deleted.is_(False))) or 0
