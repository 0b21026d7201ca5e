"""How a sync conflict or a refused edit reads to a case manager: whose record, which field, which values.

A conflict from the server names a record by type and id and a field by its column; the dialog that asks someone to
choose must say 「王小明 · 服務紀錄 · 地點」, and show dates as ROC dates and yes/no as 是/否, not ISO text and JSON.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import Language
from app.models import Case, Client, PlanGoal, PlanItem, ServicePlan
from app.services.exchange_schema import LABELS
from app.services.rocdate import format_roc
from app.sync.schema import record_type

RECORD_KINDS: Final[dict[str, tuple[str, str]]] = {
    "client": ("個案基本資料", "Client"),
    "disability_certificate": ("身心障礙證明", "Disability certificate"),
    "case": ("案件", "Case"),
    "case_transfer": ("移案", "Hand-over"),
    "service_record": ("服務紀錄", "Service record"),
    "contact_attempt": ("聯繫紀錄", "Contact attempt"),
    "needs_assessment": ("需求評估", "Needs assessment"),
    "service_plan": ("服務計畫", "Service plan"),
    "plan_goal": ("計畫目標", "Plan goal"),
    "plan_item": ("計畫服務項目", "Plan item"),
    "referral": ("派案／轉介", "Referral"),
    "employment": ("就業", "Employment"),
    "closure": ("結案", "Closure"),
    "supervision_note": ("督導紀錄", "Supervision note"),
    "attachment": ("附件", "Attachment"),
    "service_unit": ("服務單位", "Service unit"),
}


@dataclass(frozen=True)
class RecordCaption:
    client_name: str  # "" when the record belongs to no client (a service unit) or is not on this laptop
    case_id: uuid.UUID | None  # the case to open to see the record in context


def kind_label(record_type_name: str, language: Language = "zh-TW") -> str:
    zh, en = RECORD_KINDS.get(record_type_name, (record_type_name, record_type_name))
    return en if language == "en" else zh


def field_label(record_type_name: str, field: str, language: Language = "zh-TW") -> str:
    if field == "deleted":
        return "Deleted" if language == "en" else "刪除標記"
    if language == "en":
        return field.replace("_", " ").capitalize()
    described = record_type(record_type_name)
    labels = LABELS.get(described.model, {}) if described is not None else {}
    return str(labels.get(field, field))


def show_value(value: Any, language: Language = "zh-TW") -> str:
    """A JSON field value as the user knows it: ROC dates, 是/否, lists joined, (空白) for nothing."""
    english = language == "en"
    if value is None or value == "" or value == []:
        return "(empty)" if english else "（空白）"
    if isinstance(value, bool):
        return ("Yes" if value else "No") if english else ("是" if value else "否")
    if isinstance(value, list):
        return "、".join(show_value(v, language) for v in value)
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return format_roc(date.fromisoformat(value), "short")
        except ValueError:
            return value
    return str(value)


def captions(session: Session, records: list[tuple[str, uuid.UUID]]) -> dict[uuid.UUID, RecordCaption]:
    """The client and case behind each (record type, id), for the records that are on this laptop."""
    found: dict[uuid.UUID, RecordCaption] = {}
    for type_name, record_id in records:
        case_id, client_id = _anchor(session, type_name, record_id)
        if case_id is not None and client_id is None:
            client_id = session.scalar(select(Case.client_id).where(Case.id == case_id))
        name = session.scalar(select(Client.name).where(Client.id == client_id)) if client_id else None
        found[record_id] = RecordCaption(client_name=name or "", case_id=case_id)
    return found


def _anchor(session: Session, type_name: str, record_id: uuid.UUID) -> tuple[uuid.UUID | None, uuid.UUID | None]:
    described = record_type(type_name)
    if described is None:
        return None, None
    if type_name == "client":
        return None, record_id
    if type_name == "case":
        return record_id, None
    row = session.get(described.model, record_id)
    if row is None:
        return None, None
    if isinstance(row, PlanGoal | PlanItem):
        return session.scalar(select(ServicePlan.case_id).where(ServicePlan.id == row.plan_id)), None
    return getattr(row, "case_id", None), getattr(row, "client_id", None)
