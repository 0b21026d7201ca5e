"""The exchange format (匯入匯出格式, docs/data-format.md): which rows travel, under which keys, with which rules.

Agencies move clients and cases between systems by bulk export and import (seed 004: without it they key everything
twice). The format is explicit — every kind, key and label is listed here and in the doc — but what a column already
says (its type, whether it may be empty, its length limit, the enum it holds, the row it points to) is read from the
ORM mapper, so a column added to a model travels without code being copied per model. Only what a mapper cannot
know is spelled out below: the Chinese label of each field, the code list a text column draws from, which fields
are phone or ID numbers, and a few ranges and date orders.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cached_property
from typing import Any, Final

from sqlalchemy import JSON, Enum, Numeric, String, TypeDecorator, inspect
from sqlalchemy.orm import ColumnProperty

from app.errors import AppError
from app.models import (
    Case,
    CaseTransfer,
    Client,
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
from app.models.base import Base, SyncMixin
from app.models.enums import CertificateSystem
from app.services import codes

FORMAT: Final = "fieldcase-exchange"
# Version 2 added `updated_at` to every row. A version-1 reader refuses unknown keys, so it could not read a
# version-2 file; the version says so plainly instead of one problem per row. Version-1 files are still read.
VERSION: Final = 2
READABLE_VERSIONS: Final = (1, 2)

# When the row last changed: written on export, compared on import so that an older file never overwrites a newer
# row of the store (seed 004), kept on the imported row so that a round trip gives the same document.
STAMP: Final = "updated_at"
STAMP_LABEL: Final = "最後修改時間"
# The rest of the sync state is the store's own business (the importing store keeps its own version and author),
# and tombstoned rows are not exported at all.
NOT_EXPORTED: Final = frozenset({"version", "updated_by", "deleted"})


class ExchangeFileError(AppError):
    """The file as a whole cannot be read as an exchange file (not JSON, wrong format or version, …)."""


class FieldType(enum.StrEnum):
    UUID = "uuid"
    TEXT = "text"
    ENUM = "enum"
    DATE = "date"
    DATETIME = "datetime"
    BOOL = "bool"
    INT = "int"
    FLOAT = "float"
    DECIMAL = "decimal"
    LIST = "list"  # list of text


@dataclass(frozen=True)
class Field:
    """One field of one kind of row, as the file carries it."""

    key: str
    label_zh: str
    datatype: FieldType
    required: bool  # must be present and non-empty in every row of the file
    nullable: bool  # null (or an empty cell) is stored as null; otherwise it means `default`
    default: Any
    max_length: int | None = None
    enum: type[enum.Enum] | None = None
    precision: int | None = None  # decimals: total digits …
    scale: int | None = None  # … of which after the point
    references: str | None = None  # table of the row a UUID field points to
    code_list: str | None = None
    phone: bool = False
    id_number: bool = False
    value_range: tuple[int, int] | None = None


@dataclass(frozen=True, eq=False)
class Kind:
    """One kind of row: its key in the JSON document (= the relationship name on its parent), its sheet in xlsx."""

    key: str
    model: type[SyncMixin]
    sheet: str
    parent_fk: str | None = None  # implied by nesting in JSON; a column of its own in xlsx
    many: bool = True  # False: one object or null (a case has at most one closure)
    children: tuple[Kind, ...] = ()
    order_by: tuple[str, ...] = ()  # export order (then id), so two exports of the same data are identical

    @property
    def table(self) -> str:
        return str(inspect(self.model).persist_selectable.description)

    @cached_property
    def fields(self) -> tuple[Field, ...]:
        """`id`, the content columns in declaration order, then `updated_at`; the parent's id is left to nesting."""
        attrs = {attr.key: attr for attr in inspect(self.model).column_attrs}
        skip = {"id", STAMP, self.parent_fk, *NOT_EXPORTED}
        keys = ["id", *(k for k in attrs if k not in skip), STAMP]
        return tuple(_field(self.model, attrs[k]) for k in keys)

    @cached_property
    def parent_field(self) -> Field | None:
        if self.parent_fk is None:
            return None
        return _field(self.model, inspect(self.model).column_attrs[self.parent_fk])

    @cached_property
    def by_key(self) -> Mapping[str, Field]:
        return {f.key: f for f in self.fields}


# --- what the mappers cannot say --------------------------------------------------------------------------------

LABELS: Final[Mapping[type[SyncMixin], Mapping[str, str]]] = {
    Client: {
        "id_number": "身分證統一編號／居留證號", "id_kind": "證號類別", "name": "姓名", "gender": "性別",
        "birth_date": "出生日期", "household_county": "戶籍地縣市", "household_township": "戶籍地鄉鎮市區",
        "household_address": "戶籍地址", "residence_county": "居住地縣市", "residence_township": "居住地鄉鎮市區",
        "residence_address": "居住地址", "mobile_phone": "手機", "home_phone": "住家電話", "contact_name": "聯絡人",
        "contact_relation": "聯絡人關係", "contact_phone": "聯絡人電話", "education": "教育程度",
        "target_groups": "特定對象身分", "indigenous_tribe": "原住民族別", "economic_status": "家庭經濟狀況",
        "work_history": "工作經歷", "health": "健康狀況", "strengths": "優勢",
        "data_consent": "個資蒐集告知同意", "data_consent_on": "個資同意日期",
    },
    DisabilityCertificate: {
        "client_id": "個案識別碼", "system": "證明類別（新制證明／舊制手冊）", "categories": "障礙類別",
        "severity": "障礙程度", "icd_codes": "ICD 診斷碼", "issued_on": "核發日期", "expires_on": "有效期限",
        "reassess_on": "重新鑑定日期", "no_expiry": "無註記效期",
    },
    Case: {
        "client_id": "個案識別碼", "programme": "服務類別", "stage": "服務階段", "source": "個案來源",
        "referring_unit": "轉介單位", "application_date": "申請／轉介日", "intake_assessed_on": "接案評估日",
        "intake_assessment": "接案評估", "decision": "開案決定", "decision_reason": "開案決定理由",
        "reply_due_on": "回覆期限", "reply_sent_on": "回覆日", "opened_on": "開案日", "closed_on": "結案日",
        "owner": "個管員帳號", "unit": "承辦單位", "county": "服務縣市",
    },
    ServiceRecord: {
        "case_id": "個案案件識別碼", "kind": "紀錄類別", "mode": "服務方式", "held_on": "服務日期",
        "place": "地點", "duration_minutes": "服務時間（分鐘）", "notes": "紀錄內容", "status": "紀錄狀態",
        "finalised_at": "定稿時間", "corrects_id": "更正之紀錄", "registered_on": "系統登錄日",
    },
    ContactAttempt: {
        "case_id": "個案案件識別碼", "attempted_at": "聯繫時間", "channel": "聯繫方式", "outcome": "聯繫結果",
        "note": "備註",
    },
    NeedsAssessment: {
        "case_id": "個案案件識別碼", "assessed_on": "評估日期", "methods": "評估方式", "work_ability": "工作能力",
        "vocational_interest": "職業興趣", "support_needs": "支持需求", "family_support": "家庭支持",
        "needs_vocational_evaluation": "需轉介職業輔導評量", "recommended_services": "建議服務",
        "summary": "評估摘要", "assessor": "評估人員", "status": "紀錄狀態",
    },
    ServicePlan: {
        "case_id": "個案案件識別碼", "version_no": "計畫版次", "previous_id": "前一版計畫", "status": "計畫狀態",
        "start_on": "計畫起日", "end_on": "計畫迄日", "vocational_goal": "職業重建目標",
        "consent_given": "知後同意", "consent_on": "同意日期", "consent_by": "同意人", "revision_reason": "修訂理由",
    },
    PlanGoal: {
        "plan_id": "服務計畫識別碼", "part": "計畫部分", "position": "順序", "description": "目標",
        "target_on": "預定達成日", "achieved": "是否達成",
    },
    PlanItem: {
        "plan_id": "服務計畫識別碼", "part": "計畫部分", "position": "順序", "service_kind": "服務項目",
        "service_unit_id": "服務單位", "description": "內容", "start_on": "起日", "end_on": "迄日",
        "hours": "時數", "status": "執行狀態",
    },
    Referral: {
        "case_id": "個案案件識別碼", "kind": "轉介類別", "service_kind": "服務項目", "receiving_unit_id": "受案單位",
        "employer": "雇主", "job_title": "職稱", "contacted_before_dispatch": "派案前已聯繫受案單位",
        "contacted_on": "聯繫日", "sent_on": "轉介日", "response": "回覆", "responded_on": "回覆日",
        "decline_reason": "婉拒原因", "follow_up_due_on": "追蹤期限", "follow_up_done_on": "追蹤完成日",
        "follow_up_note": "追蹤紀錄", "client_consented": "個案同意轉介",
    },
    Employment: {
        "case_id": "個案案件識別碼", "employer": "雇主", "employer_size": "雇主員工數", "job_title": "職稱",
        "start_on": "到職日", "hours_per_week": "每週工時", "monthly_wage": "月薪", "hourly_wage": "時薪",
        "labour_insurance_on": "勞保加保日", "proof": "就業證明", "competitive": "競爭性職場",
        "employed_before_service": "服務前已就業", "supported": "支持性就業安置",
        "intensive_support_days": "密集輔導工作日數", "group_model": "群組模式", "remote_area": "偏鄉",
        "high_support": "高度支持需求", "end_on": "離職日", "end_reason": "離職原因",
    },
    Closure: {
        "case_id": "個案案件識別碼", "closed_on": "結案日", "reason_code": "結案原因", "summary": "結案摘要",
        "satisfaction_client": "個案滿意度", "satisfaction_employer": "雇主滿意度",
        "satisfaction_receiving_unit": "受案單位滿意度",
    },
    CaseTransfer: {
        "case_id": "個案案件識別碼", "from_owner": "原個管員", "to_owner": "新個管員", "transferred_on": "移案日",
        "reason": "移案原因", "summary": "移案摘要",
    },
    ServiceUnit: {
        "name": "單位名稱", "service_kinds": "服務項目", "county": "縣市", "address": "地址", "phone": "電話",
        "contact_person": "聯絡人", "email": "電子郵件", "capacity": "可服務量", "current_caseload": "目前服務個案數",
        "notes": "備註",
    },
}  # fmt: skip
ID_LABEL: Final = "識別碼"

CODE_LISTS: Final[Mapping[tuple[type[SyncMixin], str], str]] = {
    (Client, "household_county"): codes.COUNTIES,
    (Client, "residence_county"): codes.COUNTIES,
    (Client, "education"): codes.EDUCATION_LEVELS,
    (Client, "target_groups"): codes.TARGET_GROUPS,
    (Client, "indigenous_tribe"): codes.INDIGENOUS_TRIBES,
    (Client, "economic_status"): codes.ECONOMIC_STATUS,
    (DisabilityCertificate, "severity"): codes.SEVERITIES,
    (Case, "source"): codes.CASE_SOURCES,
    (Case, "county"): codes.COUNTIES,
    (NeedsAssessment, "recommended_services"): codes.SERVICE_KINDS,
    (PlanItem, "service_kind"): codes.SERVICE_KINDS,
    (Referral, "service_kind"): codes.SERVICE_KINDS,
    (Closure, "reason_code"): codes.CLOSURE_REASONS,
    (ServiceUnit, "service_kinds"): codes.SERVICE_KINDS,
    (ServiceUnit, "county"): codes.COUNTIES,
}
# A certificate's categories come from the list of its own system (新制 ICF 第1–8類 or 舊制手冊 categories), so
# this one field's list depends on another field of the same row.
CATEGORY_LISTS: Final[Mapping[CertificateSystem, str]] = {
    CertificateSystem.NEW: codes.DISABILITY_NEW_SYSTEM,
    CertificateSystem.OLD: codes.DISABILITY_OLD_SYSTEM,
}
CATEGORY_FIELD: Final = (DisabilityCertificate, "categories")

PHONE_FIELDS: Final[frozenset[tuple[type[SyncMixin], str]]] = frozenset(
    {
        (Client, "mobile_phone"),
        (Client, "home_phone"),
        (Client, "contact_phone"),
        (ServiceUnit, "phone"),
    }
)
ID_NUMBER_FIELD: Final = (Client, "id_number")
# Satisfaction is asked on a 1–5 scale (002 附件一 三(六)); every other number in the model is a count, an amount
# or a duration, so it may not be negative.
RANGES: Final[Mapping[tuple[type[SyncMixin], str], tuple[int, int]]] = {
    (Closure, "satisfaction_client"): (1, 5),
    (Closure, "satisfaction_employer"): (1, 5),
    (Closure, "satisfaction_receiving_unit"): (1, 5),
}
# (model, earlier, later): a period that ends before it starts is a typing error in the source system.
DATE_ORDER: Final[tuple[tuple[type[SyncMixin], str, str], ...]] = (
    (ServicePlan, "start_on", "end_on"),
    (PlanItem, "start_on", "end_on"),
    (Employment, "start_on", "end_on"),
    (DisabilityCertificate, "issued_on", "expires_on"),
)

_PYTHON_TYPES: Final[Mapping[type, FieldType]] = {
    uuid.UUID: FieldType.UUID,
    datetime: FieldType.DATETIME,
    date: FieldType.DATE,
    bool: FieldType.BOOL,
    int: FieldType.INT,
    float: FieldType.FLOAT,
    Decimal: FieldType.DECIMAL,
    str: FieldType.TEXT,
}


def _field(model: type[SyncMixin], attr: ColumnProperty[Any]) -> Field:
    column = attr.columns[0]
    ctype = column.type
    if isinstance(ctype, TypeDecorator):  # UTCDateTime: what the file holds is the type it decorates
        ctype = ctype.impl_instance
    enum_class: type[enum.Enum] | None = None
    if isinstance(ctype, Enum):  # before String: Enum is a String subclass
        kind, enum_class = FieldType.ENUM, ctype.enum_class
    elif isinstance(ctype, JSON):  # every JSON column of an exported model is a list of codes or text
        kind = FieldType.LIST
    else:
        kind = _PYTHON_TYPES[ctype.python_type]
    default = column.default
    default_value: Any = None
    if default is not None and not column.primary_key:
        default_value = default.arg(None) if default.is_callable else default.arg
    references = None
    if kind is FieldType.UUID and not column.primary_key:
        (foreign_key,) = column.foreign_keys
        references = foreign_key.column.table.name
    if attr.key == STAMP:
        # Optional in a file (files from other systems have none: their rows cannot be checked for staleness), and
        # never defaulted: a missing stamp must stay missing rather than become "now".
        return Field(key=STAMP, label_zh=STAMP_LABEL, datatype=kind, required=False, nullable=True, default=None)
    return Field(
        key=attr.key,
        label_zh=ID_LABEL if attr.key == "id" else LABELS[model][attr.key],
        datatype=kind,
        required=not column.nullable and default is None and not column.primary_key,
        nullable=bool(column.nullable),
        default=default_value,
        max_length=ctype.length if isinstance(ctype, String) and not isinstance(ctype, Enum) else None,
        enum=enum_class,
        precision=ctype.precision if isinstance(ctype, Numeric) else None,
        scale=ctype.scale if isinstance(ctype, Numeric) else None,
        references=references,
        code_list=CODE_LISTS.get((model, attr.key)),
        phone=(model, attr.key) in PHONE_FIELDS,
        id_number=(model, attr.key) == ID_NUMBER_FIELD,
        value_range=RANGES.get((model, attr.key)),
    )


def model_of_table(table: str) -> type[Base]:
    for mapper in Base.registry.mappers:
        if mapper.persist_selectable.description == table:
            return mapper.class_
    raise KeyError(table)


# --- the tree -----------------------------------------------------------------------------------------------------

CERTIFICATES: Final = Kind("certificates", DisabilityCertificate, "身心障礙證明", "client_id", order_by=("issued_on",))
RECORDS: Final = Kind("records", ServiceRecord, "服務紀錄", "case_id", order_by=("held_on",))
CONTACT_ATTEMPTS: Final = Kind("contact_attempts", ContactAttempt, "聯繫紀錄", "case_id", order_by=("attempted_at",))
ASSESSMENTS: Final = Kind("assessments", NeedsAssessment, "需求評估", "case_id", order_by=("assessed_on",))
GOALS: Final = Kind("goals", PlanGoal, "計畫目標", "plan_id", order_by=("part", "position"))
ITEMS: Final = Kind("items", PlanItem, "計畫服務項目", "plan_id", order_by=("part", "position"))
PLANS: Final = Kind("plans", ServicePlan, "服務計畫", "case_id", children=(GOALS, ITEMS), order_by=("version_no",))
REFERRALS: Final = Kind("referrals", Referral, "轉介", "case_id", order_by=("sent_on",))
EMPLOYMENTS: Final = Kind("employments", Employment, "就業", "case_id", order_by=("start_on",))
CLOSURE: Final = Kind("closure", Closure, "結案", "case_id", many=False)
TRANSFERS: Final = Kind("transfers", CaseTransfer, "移案", "case_id", order_by=("transferred_on",))
CASES: Final = Kind(
    "cases",
    Case,
    "個案",
    "client_id",
    children=(RECORDS, CONTACT_ATTEMPTS, ASSESSMENTS, PLANS, REFERRALS, EMPLOYMENTS, CLOSURE, TRANSFERS),
    order_by=("application_date",),
)
CLIENTS: Final = Kind("clients", Client, "個案基本資料", children=(CERTIFICATES, CASES), order_by=("id_number",))
SERVICE_UNITS: Final = Kind("service_units", ServiceUnit, "服務單位", order_by=("name",))

# Top-level lists of the document. Service units come first on import so that plan items and referrals can point
# to units of the same file.
TOP_LEVEL: Final = (SERVICE_UNITS, CLIENTS)


def walk(kinds: tuple[Kind, ...] = (CLIENTS, SERVICE_UNITS)) -> list[Kind]:
    """Every kind, parents before children (the sheet order of the xlsx file)."""
    found: list[Kind] = []
    for kind in kinds:
        found.append(kind)
        found.extend(walk(kind.children))
    return found


def parent_of(kind: Kind) -> Kind | None:
    return next((k for k in walk() if kind in k.children), None)
