"""Code lists whose values the rules depend on (stage guards, deadlines, KPIs).

Lists an agency may extend (closure reasons, service kinds, counties, disability categories) are data files in
resources/codes/ and are stored as plain code strings instead.
"""

from __future__ import annotations

from enum import StrEnum


class Programme(StrEnum):
    VR = "vr"  # 職業重建個案管理 (seed 002)
    SUPPORTED_EMPLOYMENT = "supported_employment"  # 支持性就業服務 (seed 003)
    EMPLOYMENT_SERVICE = "employment_service"  # 就業服務個案管理 (seed 000)


class Stage(StrEnum):
    """VR case stages, seed 002 附圖二."""

    A = "A"  # 申請
    B = "B"  # 審查評估 (接案評估, 開案/不開案)
    C = "C"  # 晤談/評量 (需求評估)
    D = "D"  # 擬定職業重建服務計畫
    E = "E"  # 執行計畫 (派案/資源連結)
    F = "F"  # 穩定就業後服務
    G = "G"  # 結案


class IntakeDecision(StrEnum):
    OPEN = "open"  # 開案
    NOT_OPEN = "not_open"  # 不開案


class Gender(StrEnum):
    MALE = "M"
    FEMALE = "F"
    OTHER = "X"


class IdKind(StrEnum):
    NATIONAL = "national"  # 身分證統一編號
    RESIDENT_NEW = "resident_new"  # 居留證 (2021 format)
    RESIDENT_OLD = "resident_old"  # 居留證 (old format)


class CertificateSystem(StrEnum):
    NEW = "new"  # 身心障礙證明 (ICF, 新制)
    OLD = "old"  # 身心障礙手冊 (舊制)


class RecordKind(StrEnum):
    INTERVIEW = "interview"  # 晤談紀錄
    SERVICE = "service"  # 服務紀錄
    FOLLOW_UP = "follow_up"  # 追蹤紀錄


class ContactMode(StrEnum):
    IN_PERSON = "in_person"  # 面談
    PHONE = "phone"  # 電訪
    HOME_VISIT = "home_visit"  # 家訪
    WORKPLACE_VISIT = "workplace_visit"  # 職場訪視


class RecordStatus(StrEnum):
    DRAFT = "draft"
    FINAL = "final"  # immutable; corrections are new records


class ContactOutcome(StrEnum):
    REACHED = "reached"
    NO_ANSWER = "no_answer"
    WRONG_NUMBER = "wrong_number"
    MESSAGE_LEFT = "message_left"
    REFUSED = "refused"


class PlanPart(StrEnum):
    """The three parts of a VR plan, seed 002 附件一 三(三)."""

    PRE_EMPLOYMENT = "pre_employment"  # 就業前準備
    MATCHING_SUPPORT = "matching_support"  # 就業媒合與就業支持
    POST_EMPLOYMENT = "post_employment"  # 穩定就業後支持服務


class PlanStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"  # waiting for the supervisor's sign-off
    APPROVED = "approved"
    RETURNED = "returned"
    SUPERSEDED = "superseded"  # a newer version replaced it


class ItemStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


class ReferralKind(StrEnum):
    SERVICE = "service"  # 派案/轉介 to a service unit
    JOB = "job"  # 推介 to an employer


class ReferralResponse(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"


class SupervisionKind(StrEnum):
    """Seed 002 四(三); seed 003 二(二)3."""

    INDIVIDUAL = "individual"  # 個別督導
    GROUP = "group"  # 團體督導
    PEER = "peer"  # 同儕督導
    CONSULTATION = "consultation"  # 個案諮詢


class EmploymentProof(StrEnum):
    """Proof of a placement, seed 003 三(四)."""

    LABOUR_INSURANCE = "labour_insurance"  # 勞工保險
    EMPLOYMENT_INSURANCE = "employment_insurance"  # 就業保險 (firms of ≤ 5)
    EMPLOYMENT_CERTIFICATE = "employment_certificate"  # 僱用證明
    PAYROLL = "payroll"  # 薪資名冊
    TIME_CARD = "time_card"  # 打卡單
    SIGN_IN_SHEET = "sign_in_sheet"  # 簽到表


class ReviewSubject(StrEnum):
    """What a case manager submits for the supervisor's sign-off (督導審核)."""

    PLAN = "plan"  # 職業重建服務計畫
    CLOSURE = "closure"  # 結案


class ReviewDecision(StrEnum):
    PENDING = "pending"  # 待審
    APPROVED = "approved"  # 核准
    RETURNED = "returned"  # 退回 (with the supervisor's comment)
