"""Option sets of checkbox groups: the enumerations the rules depend on, and any code list of `resources/codes/`.

A template names its options (``options: gender``, ``options: service_kinds``) or lists them inline. The builder
labels coded values with the same sets, so what a text field prints and what a checkbox group ticks agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Final

from app.errors import AppError
from app.models.enums import (
    CertificateSystem,
    ContactMode,
    ContactOutcome,
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
    SupervisionKind,
)
from app.printing.views import Coded
from app.services import codes
from app.services.assessment_edits import ASSESSMENT_METHODS
from app.services.labels import label
from app.services.plan_edits import CONSENT_BY
from app.services.supervision_list import kind_label

Option = tuple[str, str]  # (code, label)

_BUILT_IN: Final[Mapping[str, tuple[Option, ...]]] = MappingProxyType(
    {
        "gender": ((Gender.MALE, "男"), (Gender.FEMALE, "女"), (Gender.OTHER, "其他")),
        "id_kind": (
            (IdKind.NATIONAL, "身分證"),
            (IdKind.RESIDENT_NEW, "居留證（新式）"),
            (IdKind.RESIDENT_OLD, "居留證（舊式）"),
        ),
        "programme": tuple((p.value, label(p)) for p in Programme),
        "stage": tuple((s.value, label(s)) for s in Stage),
        "decision": ((IntakeDecision.OPEN, "開案"), (IntakeDecision.NOT_OPEN, "不開案")),
        "yes_no": (("yes", "是"), ("no", "否")),
        "has": (("yes", "有"), ("no", "無")),
        "agree": (("yes", "同意"), ("no", "不同意")),
        "certificate_system": (
            (CertificateSystem.NEW, "身心障礙證明（新制）"),
            (CertificateSystem.OLD, "身心障礙手冊（舊制）"),
        ),
        "contact_mode": tuple((m.value, label(m)) for m in ContactMode),
        "contact_outcome": (
            (ContactOutcome.REACHED, "已聯繫上"),
            (ContactOutcome.NO_ANSWER, "無人接聽"),
            (ContactOutcome.WRONG_NUMBER, "號碼錯誤"),
            (ContactOutcome.MESSAGE_LEFT, "已留言"),
            (ContactOutcome.REFUSED, "拒絕聯繫"),
        ),
        "record_kind": (
            (RecordKind.INTERVIEW, "晤談紀錄"),
            (RecordKind.SERVICE, "服務紀錄"),
            (RecordKind.FOLLOW_UP, "追蹤紀錄"),
        ),
        # 002 附件一 三(三): the three parts of a plan.
        "plan_part": (
            (PlanPart.PRE_EMPLOYMENT, "就業前準備"),
            (PlanPart.MATCHING_SUPPORT, "就業媒合與就業支持"),
            (PlanPart.POST_EMPLOYMENT, "穩定就業後支持服務"),
        ),
        "plan_status": (
            (PlanStatus.DRAFT, "草稿"),
            (PlanStatus.SUBMITTED, "送督導審核"),
            (PlanStatus.APPROVED, "已核定"),
            (PlanStatus.RETURNED, "退回修改"),
            (PlanStatus.SUPERSEDED, "已由新版取代"),
        ),
        "item_status": (
            (ItemStatus.PLANNED, "未開始"),
            (ItemStatus.IN_PROGRESS, "進行中"),
            (ItemStatus.DONE, "已完成"),
            (ItemStatus.CANCELLED, "已取消"),
        ),
        "referral_kind": ((ReferralKind.SERVICE, "派案／轉介"), (ReferralKind.JOB, "推介就業")),
        "referral_response": (
            (ReferralResponse.PENDING, "待回覆"),
            (ReferralResponse.ACCEPTED, "接案"),
            (ReferralResponse.DECLINED, "不接案"),
        ),
        "consent_by": tuple((code, zh) for code, (zh, _en) in CONSENT_BY.items()),
        "addressee": (("applicant", "申請人"), ("referring_unit", "轉介單位")),
        "achieved": (("achieved", "達成"), ("not_achieved", "未達成")),
        "satisfaction": (
            ("5", "非常滿意"),
            ("4", "滿意"),
            ("3", "普通"),
            ("2", "不滿意"),
            ("1", "非常不滿意"),
        ),
        # 003 三(三): 支持性 needs ≥ 10 working days of intensive support; less is 一般性; 群組 is the group model.
        "employment_model": (("supported", "支持性就業"), ("general", "一般性就業"), ("group", "群組模式")),
        "employment_proof": (
            ("labour_insurance", "勞工保險"),
            ("employment_insurance", "就業保險"),
            ("employment_certificate", "僱用證明"),
            ("payroll", "薪資名冊"),
            ("time_card", "打卡單"),
            ("sign_in_sheet", "簽到表"),
        ),
        "assessment_methods": tuple((zh, zh) for zh, _en in ASSESSMENT_METHODS),
        # 身心障礙者職務再設計實施方式及補助準則: the five kinds of job redesign.
        "job_redesign_kinds": (
            ("environment", "改善職場工作環境"),
            ("equipment", "改善工作設備或機具"),
            ("aids", "提供就業所需輔具"),
            ("conditions", "改善工作條件"),
            ("method", "調整工作方法"),
        ),
        "hire_decision": (("hired", "錄用"), ("not_hired", "不錄用"), ("pending", "待通知")),
        "match": (("good", "適合"), ("with_support", "需支持後適合"), ("poor", "不適合")),
        # 002 四(三): 個別督導、團體督導、同儕團體督導、個案諮詢.
        "supervision_kind": tuple((k.value, kind_label(k)) for k in SupervisionKind),
        "record_status": ((RecordStatus.DRAFT, "草稿"), (RecordStatus.FINAL, "定稿")),
    }
)


class UnknownOptions(AppError):
    pass


def built_in_names() -> tuple[str, ...]:
    return tuple(_BUILT_IN)


def options(name: str) -> tuple[Option, ...]:
    """The options of a built-in set or of a code list (resources/codes); UnknownOptions if neither exists."""
    if name in _BUILT_IN:
        return tuple((str(code), text) for code, text in _BUILT_IN[name])
    if name == codes.COUNTIES:
        return tuple((c.code, c.zh) for c in codes.counties())
    try:
        return tuple((e.code, e.zh) for e in codes.entries(name))
    except codes.CodeListError:
        raise UnknownOptions(f"沒有名為「{name}」的選項清單。", f"There is no option list named '{name}'.") from None


def coded(name: str, code: object) -> Coded | None:
    """`code` of option set `name` with its label; None for no value. An unknown code prints as itself (a list may
    have lost an entry an old record still uses): a form must not fail for that."""
    if code is None or code == "":
        return None
    text = str(code.value) if isinstance(code, StrEnum) else str(code)
    return Coded(text, _labels(name).get(text, text))


def coded_all(name: str, values: Iterable[object]) -> tuple[Coded, ...]:
    return tuple(c for c in (coded(name, v) for v in values) if c is not None)


def _labels(name: str) -> dict[str, str]:
    return dict(options(name))
