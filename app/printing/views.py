"""View-models of printed documents: plain frozen dataclasses, built from the store by `build` and `monthly` and
read by the renderer through the paths a template names (``case.client.name``, ``plan.pre_employment.items``).

The renderer never queries the database: everything a form prints is here, already resolved (a code comes with
its label as `Coded`, a service unit with its name). Dates stay `date`s so that each template picks how to write
them (民國114年3月5日 or 114/03/05); a missing value is None (or "") and prints as a blank to fill by hand.

The documents about the team (督導紀錄, 服務對象日報) are in team_views.py, the types every document shares in
view_base.py; this module re-exports both, so `app.printing.views` names every view-model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.printing.team_views import (
    Attendee,
    DailyDocument,
    DiscussedCase,
    Matrix,
    SupervisionDocument,
    SupervisionNoteView,
)
from app.printing.view_base import AgencyInfo, Coded, Signatures, StaffView


@dataclass(frozen=True)
class CertificateView:
    system: Coded  # 身心障礙證明 (新制) / 身心障礙手冊 (舊制)
    categories: tuple[Coded, ...]
    severity: Coded | None
    icd_codes: str
    issued_on: date | None
    expires_on: date | None
    reassess_on: date | None
    no_expiry: bool
    validity: str  # 無註記效期, or the expiry date written out; "" when unknown


@dataclass(frozen=True)
class ClientView:
    name: str
    id_number: str
    id_number_masked: str  # A12****789, for documents that leave the agency
    id_kind: Coded
    gender: Coded
    birth_date: date | None
    age: int | None  # on the printing date
    household_address: str  # county, township and address joined
    residence_address: str
    mobile_phone: str
    home_phone: str
    phones: str  # every phone on file, joined
    contact_name: str
    contact_relation: str
    contact_phone: str
    contact: str  # 王秀鳳（母）0955-247-751: name, relation and phone in one line
    education: Coded | None
    target_groups: tuple[Coded, ...]
    indigenous_tribe: Coded | None
    economic_status: Coded | None
    work_history: str
    health: str
    strengths: str
    data_consent: bool
    data_consent_on: date | None
    certificate: CertificateView | None  # the most recent one
    disability_categories: tuple[Coded, ...]  # of the most recent certificate, both systems' codes


@dataclass(frozen=True)
class UnitView:
    name: str
    address: str
    phone: str
    contact_person: str
    email: str
    service_kinds: tuple[Coded, ...]


@dataclass(frozen=True)
class RecordView:
    kind: Coded  # 晤談/服務/追蹤紀錄
    mode: Coded  # 面談/電訪/家訪/職場訪視
    held_on: date
    place: str
    duration_minutes: int | None
    notes: str
    final: bool
    registered_on: date | None  # entered into the national system


@dataclass(frozen=True)
class ContactAttemptView:
    attempted_on: date
    channel: Coded
    outcome: Coded
    note: str


@dataclass(frozen=True)
class AssessmentView:
    assessed_on: date | None
    methods: tuple[Coded, ...]
    work_ability: str
    vocational_interest: str
    support_needs: str
    family_support: str
    needs_vocational_evaluation: bool | None
    recommended_services: tuple[Coded, ...]
    summary: str
    assessor: str


@dataclass(frozen=True)
class PlanGoalView:
    part: Coded
    description: str
    target_on: date | None
    achieved: Coded | None  # 達成 / 未達成; None while open


@dataclass(frozen=True)
class PlanItemView:
    part: Coded
    service: Coded
    unit: str
    description: str
    start_on: date | None
    end_on: date | None
    hours: str
    status: Coded


@dataclass(frozen=True)
class PlanPartView:
    """One of the three parts of a plan (002 附件一 三(三)): 就業前準備, 就業媒合與就業支持, 穩定就業後支持服務."""

    part: Coded
    goals: tuple[PlanGoalView, ...]
    items: tuple[PlanItemView, ...]


@dataclass(frozen=True)
class PlanView:
    version_no: int
    status: Coded
    start_on: date | None
    end_on: date | None
    vocational_goal: str
    consent_given: bool
    consent_on: date | None
    consent_by: Coded | None  # 本人 / 法定代理人（監護人）
    revision_reason: str
    pre_employment: PlanPartView
    matching_support: PlanPartView
    post_employment: PlanPartView
    goals: tuple[PlanGoalView, ...]
    items: tuple[PlanItemView, ...]
    services: tuple[Coded, ...]  # the distinct services of the items, for checkbox groups


@dataclass(frozen=True)
class ReferralView:
    kind: Coded  # 派案/轉介 or 推介就業
    target: str  # the service referred to, or the job (職稱) a job referral is for
    recipient: str  # the receiving unit's name, or the employer
    service: Coded | None
    unit: UnitView | None
    employer: str
    job_title: str
    contacted_before_dispatch: bool
    contacted_on: date | None
    sent_on: date | None
    response: Coded
    responded_on: date | None
    decline_reason: str
    follow_up_due_on: date | None
    follow_up_done_on: date | None
    follow_up_note: str
    client_consented: bool


@dataclass(frozen=True)
class EmploymentView:
    employer: str
    employer_size: str
    job_title: str
    start_on: date | None
    hours_per_week: str
    monthly_wage: str  # 28,590 元
    hourly_wage: str
    wage: str  # whichever wage is known, with its unit
    labour_insurance_on: date | None
    proof: Coded | None
    competitive: bool
    employed_before_service: bool
    supported: bool
    intensive_support_days: int
    model: Coded  # 支持性 (≥ 10 working days of intensive support, 003 三(三)1(1)) / 一般性 / 群組
    remote_area: bool
    high_support: bool
    end_on: date | None
    end_reason: str


@dataclass(frozen=True)
class ClosureView:
    closed_on: date | None
    reason: Coded | None
    summary: str
    satisfaction_client: Coded | None  # 1–5
    satisfaction_employer: Coded | None
    satisfaction_receiving_unit: Coded | None


@dataclass(frozen=True)
class TransferView:
    from_owner: str
    to_owner: str
    transferred_on: date | None
    reason: str
    summary: str


@dataclass(frozen=True)
class HandoverView:
    """移案摘要 (app.services.handover), with the transfer it was written for when there is one."""

    last_contact_on: date | None
    plan_goal: str
    open_plan_items: str
    open_referrals: str
    current_job: str
    recent_notes: str  # one note a line
    due: str  # one deadline a line
    transfer: TransferView | None


@dataclass(frozen=True)
class NoticeView:
    """開案/不開案通知 (the 3-day reply of 002 附件一 三(一)): to whom, and the words that depend on it."""

    decision: Coded | None
    addressee: Coded  # applicant / referring_unit
    addressee_name: str
    addressee_address: str
    regarding: str  # 台端 or 貴單位轉介之○○○君
    reply_due_on: date | None
    reply_sent_on: date | None


@dataclass(frozen=True)
class CaseView:
    reference: str  # short case number for forms (the first 8 hex digits of the case id)
    programme: Coded
    stage: Coded
    source: Coded
    referring_unit: str
    application_date: date | None
    intake_assessed_on: date | None
    intake_assessment: str
    decision: Coded | None
    decision_reason: str
    reply_due_on: date | None
    reply_sent_on: date | None
    opened_on: date | None
    closed_on: date | None
    county: Coded | None
    manager: StaffView
    unit: str  # 承辦/受託單位
    client: ClientView
    interviews: tuple[RecordView, ...]
    service_records: tuple[RecordView, ...]
    follow_ups: tuple[RecordView, ...]
    contact_attempts: tuple[ContactAttemptView, ...]
    assessments: tuple[AssessmentView, ...]
    plans: tuple[PlanView, ...]
    referrals: tuple[ReferralView, ...]
    employments: tuple[EmploymentView, ...]
    closure: ClosureView | None


@dataclass(frozen=True)
class CaseDocument:
    """Everything one case's document prints. `plan`, `referral`, `records` and the others are what this document
    is about (the chosen plan version, the referral the letter is for, …), picked by `build_view`."""

    doc_id: str
    printed_on: date
    case: CaseView
    subject: str  # names the document in a batch and in warnings: client name and case reference
    interview: RecordView | None = None
    records: tuple[RecordView, ...] = ()
    assessment: AssessmentView | None = None
    plan: PlanView | None = None
    referral: ReferralView | None = None
    employment: EmploymentView | None = None
    closure: ClosureView | None = None
    handover: HandoverView | None = None
    notice: NoticeView | None = None
    signatures: Signatures = field(default_factory=Signatures)


@dataclass(frozen=True)
class MonthFigures:
    """One row of the monthly report (月報表 表6-1): a case manager's, or the unit's total."""

    name: str
    username: str
    open_at_start: int  # 上月底服務中
    opened: int  # 本月新開案
    closed: int  # 本月結案
    open_at_end: int  # 本月底服務中
    served: int  # 本月服務人數 (open at some point in the month)
    services: int  # 本月服務紀錄筆數 (final records)
    placements: int  # 本月推介成功 (people, 003 三(四))
    supported_successes: int  # 本月支持性就業成功 (003 三(三)1(1), 三(五))
    general_successes: int  # 本月一般性就業成功
    placements_ytd: int  # 當年度累計
    successes_ytd: int


@dataclass(frozen=True)
class TargetGroupCount:
    group: Coded
    served: int
    opened: int


@dataclass(frozen=True)
class MonthCaseRow:
    """One case served in the month (表6-2)."""

    manager: str
    client_name: str
    id_number_masked: str
    gender: Coded
    disability: str
    programme: Coded
    stage: Coded
    opened_on: date | None
    services: int  # final records held in the month
    last_service_on: date | None
    employer: str
    job_title: str
    job_start_on: date | None
    model: str  # 支持性 / 一般性 / 群組, of the current job
    closed_on: date | None
    closure_reason: str


@dataclass(frozen=True)
class MonthDocument:
    """月報表 (表6-1 and 表6-2, due by the 10th of the next month: 003 二(二)9)."""

    doc_id: str
    printed_on: date
    year: int
    month: int
    period: str  # 民國114年5月
    period_start: date
    period_end: date
    unit: str
    programme: Coded | None  # None: every programme
    manager: StaffView | None  # None: the whole unit
    rows: tuple[MonthFigures, ...]
    total: MonthFigures
    rows_and_total: tuple[MonthFigures, ...]
    target_groups: tuple[TargetGroupCount, ...]
    cases: tuple[MonthCaseRow, ...]
    subject: str
    signatures: Signatures = field(default_factory=Signatures)


DocumentView = CaseDocument | MonthDocument | SupervisionDocument | DailyDocument

__all__ = [
    "AgencyInfo",
    "AssessmentView",
    "Attendee",
    "CaseDocument",
    "CaseView",
    "CertificateView",
    "ClientView",
    "ClosureView",
    "Coded",
    "ContactAttemptView",
    "DailyDocument",
    "DiscussedCase",
    "DocumentView",
    "EmploymentView",
    "HandoverView",
    "Matrix",
    "MonthCaseRow",
    "MonthDocument",
    "MonthFigures",
    "NoticeView",
    "PlanGoalView",
    "PlanItemView",
    "PlanPartView",
    "PlanView",
    "RecordView",
    "ReferralView",
    "Signatures",
    "StaffView",
    "SupervisionDocument",
    "SupervisionNoteView",
    "TargetGroupCount",
    "TransferView",
    "UnitView",
]
