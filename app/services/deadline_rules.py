"""One function per deadline rule of DOMAIN.md ("Deadlines the app must compute, show and remind about").

Each case rule takes one case's facts and yields what is still owed, with its due date; `deadlines.agenda`
decides what is close enough to show and how urgent it is. Rules never look at other cases or the database.
Seeds are cited by file-name prefix: 000 (employment-service thesis), 002 (VR case-management plan), 003
(Taoyuan supported-employment plan).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Final

from app.services.rocdate import format_roc, roc_year
from app.services.workdays import WorkCalendar, add_months

if TYPE_CHECKING:
    from app.services.deadlines import CaseFacts, CertificateFact

# The periods of DOMAIN.md's deadline table, defined here only; other modules (workflow.py) import them.
INTAKE_REPLY_DAYS: Final = 3  # 接案評估三天內回覆申請者或轉介單位, calendar days (002 附件一 三(一))
SERVICE_ENTRY_DAYS: Final = 14  # 每次服務後2週內登錄職重系統 (002 附件一 五)
REFERRAL_FOLLOW_UP_MONTHS: Final = 1  # 轉介後一個月內完成追蹤 (002 附件一 三(五))
JOB_REFERRAL_TRACKING_DAYS: Final = 14  # 推介就業後追蹤2週再推介 (000 A5)
CONTACT_INTERVAL_MONTHS: Final = 1  # 開案個案每月至少聯繫一次 (000 A1)
FOLLOW_UP_MONTHS: Final = 3  # 就業後追蹤輔導至少3個月，期滿穩定就業結案（穩三） (003 二(二)1(10); 000)
INTENSIVE_SUPPORT_WORKDAYS: Final = 10  # 支持性就業至少10個工作天密集輔導 (003 三(三)1(1))
JOB_REDESIGN_REPORT_WORKDAYS: Final = 15  # 職務再設計受案後15個工作天內提出報告 (第21點)
MONTHLY_REPORT_DAY: Final = 10  # 每月10日前彙送月報表 (003 二(二)9)


class DeadlineRule(StrEnum):
    """Which rule produced a due item; the order here is the order of groups in the app's grouped list."""

    INTAKE_REPLY = "intake_reply"
    SERVICE_ENTRY = "service_entry"
    REFERRAL_FOLLOW_UP = "referral_follow_up"
    JOB_REFERRAL_TRACKING = "job_referral_tracking"
    MONTHLY_CONTACT = "monthly_contact"
    EMPLOYMENT_FOLLOW_UP = "employment_follow_up"
    INTENSIVE_SUPPORT = "intensive_support"
    JOB_REDESIGN_REPORT = "job_redesign_report"
    CERTIFICATE_EXPIRY = "certificate_expiry"
    CERTIFICATE_REASSESSMENT = "certificate_reassessment"
    MONTHLY_REPORT = "monthly_report"
    ANNUAL_REPORT = "annual_report"


class TargetKind(StrEnum):
    """Which record the app opens when the user picks a due item."""

    CASE = "case"
    SERVICE = "service"
    REFERRAL = "referral"
    EMPLOYMENT = "employment"
    CERTIFICATE = "certificate"
    UNIT = "unit"


@dataclass(frozen=True)
class Pending:
    """Something owed by a due date, before it is matched against today's date and a case's owner."""

    rule: DeadlineRule
    due_on: date
    target_kind: TargetKind
    target_id: uuid.UUID | None
    title_zh: str
    title_en: str
    informative: bool = False  # a milestone to know about, not a task that can be late


CaseRule = Callable[["CaseFacts", date, WorkCalendar], Iterator[Pending]]


def roc(d: date) -> str:
    """民國 date as written on Taiwanese forms, e.g. 114/03/05."""
    return format_roc(d, "short")


def intake_reply(case: CaseFacts, on: date, cal: WorkCalendar) -> Iterator[Pending]:
    """接案評估三天內回覆申請者或轉介單位 (002 附件一 三(一)); calendar days, done once the reply is sent.

    Owed by closed cases too: 不開案 closes the case on the day of the decision, before the reply goes out.
    """
    if case.intake_assessed_on is None or case.reply_sent_on is not None:
        return
    yield Pending(
        DeadlineRule.INTAKE_REPLY,
        case.intake_assessed_on + timedelta(days=INTAKE_REPLY_DAYS),
        TargetKind.CASE,
        case.case_id,
        "接案評估後3天內回覆申請者或轉介單位",
        "Reply to the applicant or referring unit within 3 days of the intake assessment",
    )


def service_entry(case: CaseFacts, on: date, cal: WorkCalendar) -> Iterator[Pending]:
    """每次服務後2週內登錄全國身心障礙者職業重建個案服務資訊管理系統 (002 附件一 五); done once registered."""
    for service in case.services:
        if service.registered_on is not None:
            continue
        yield Pending(
            DeadlineRule.SERVICE_ENTRY,
            service.held_on + timedelta(days=SERVICE_ENTRY_DAYS),
            TargetKind.SERVICE,
            service.record_id,
            f"{roc(service.held_on)}服務紀錄須於2週內登錄職業重建系統",
            f"Enter the service of {service.held_on.isoformat()} into the national system within 2 weeks",
        )


def referral_follow_up(case: CaseFacts, on: date, cal: WorkCalendar) -> Iterator[Pending]:
    """轉介職評、職訓、庇護或其他職業重建服務後一個月內完成追蹤 (002 附件一 三(五)).

    Which service kinds need it comes from the caller's code list (`needs_one_month_follow_up`), so an agency
    can extend the list without code changes.
    """
    for referral in case.referrals:
        if not referral.needs_one_month_follow_up or referral.sent_on is None:
            continue
        if referral.follow_up_done_on is not None:
            continue
        yield Pending(
            DeadlineRule.REFERRAL_FOLLOW_UP,
            add_months(referral.sent_on, REFERRAL_FOLLOW_UP_MONTHS),
            TargetKind.REFERRAL,
            referral.referral_id,
            f"{roc(referral.sent_on)}轉介後一個月內完成追蹤",
            f"Follow up the referral of {referral.sent_on.isoformat()} within 1 month",
        )


def job_referral_tracking(case: CaseFacts, on: date, cal: WorkCalendar) -> Iterator[Pending]:
    """推介就業後追蹤兩週，再決定是否再次推介 (000 A5); done once the follow-up is recorded."""
    for referral in case.referrals:
        if referral.kind != "job" or referral.sent_on is None or referral.follow_up_done_on is not None:
            continue
        yield Pending(
            DeadlineRule.JOB_REFERRAL_TRACKING,
            referral.sent_on + timedelta(days=JOB_REFERRAL_TRACKING_DAYS),
            TargetKind.REFERRAL,
            referral.referral_id,
            f"{roc(referral.sent_on)}推介就業滿2週，追蹤結果後再推介",
            f"Job referral of {referral.sent_on.isoformat()}: check the outcome after 2 weeks",
        )


def monthly_contact(case: CaseFacts, on: date, cal: WorkCalendar) -> Iterator[Pending]:
    """開案後每月至少服務（聯繫）一次 (000 A1): one calendar month after the latest contact, or after opening.

    A contact before the opening date (during intake) does not restart the clock, hence the later of the two.
    """
    if case.opened_on is None:
        return
    base = case.opened_on
    if case.last_contact_on is not None and case.last_contact_on > base:
        base = case.last_contact_on
    yield Pending(
        DeadlineRule.MONTHLY_CONTACT,
        add_months(base, CONTACT_INTERVAL_MONTHS),
        TargetKind.CASE,
        case.case_id,
        "開案個案每月至少聯繫一次",
        "Contact every open case at least once a month",
    )


def employment_follow_up(case: CaseFacts, on: date, cal: WorkCalendar) -> Iterator[Pending]:
    """就業後追蹤輔導至少3個月，期滿可評估穩定就業結案（穩三） (003 二(二)1(10); 000).

    Only for a job that is still going today and lasts to the 3-month mark: a job that ends earlier cannot
    close the case as 穩定就業. Past the mark the item stays (overdue) until the case is closed.
    """
    for job in case.employments:
        due = add_months(job.start_on, FOLLOW_UP_MONTHS)
        if job.end_on is not None and job.end_on < max(on, due):
            continue
        yield Pending(
            DeadlineRule.EMPLOYMENT_FOLLOW_UP,
            due,
            TargetKind.EMPLOYMENT,
            job.employment_id,
            "就業追蹤3個月期滿，可評估穩定就業結案",
            "3-month follow-up after placement complete: consider closing as stable employment",
        )


def intensive_support(case: CaseFacts, on: date, cal: WorkCalendar) -> Iterator[Pending]:
    """支持性就業須提供至少2週（10個工作天）密集輔導 (003 三(三)1(1)): start_on + 10 working days.

    A milestone, not a task: shown until the day it is reached, then dropped, since nothing is owed after it.
    A placement that ended before the mark cannot reach it.
    """
    for job in case.employments:
        if not job.supported:
            continue
        due = cal.add_workdays(job.start_on, INTENSIVE_SUPPORT_WORKDAYS)
        if due < on or (job.end_on is not None and job.end_on < due):
            continue
        yield Pending(
            DeadlineRule.INTENSIVE_SUPPORT,
            due,
            TargetKind.EMPLOYMENT,
            job.employment_id,
            "支持性就業密集輔導滿10個工作天",
            "Supported employment: 10 working days of intensive support reached",
            informative=True,
        )


def job_redesign_report(case: CaseFacts, on: date, cal: WorkCalendar) -> Iterator[Pending]:
    """職務再設計：計畫單位受案後15個工作天內提出報告 (推動職務再設計服務計畫 第21點).

    Counted from acceptance, or from sending when the acceptance date is unknown. Reading the unit's report is
    the case manager's follow-up of this referral, so a recorded follow-up also settles it.
    """
    for referral in case.referrals:
        if not referral.is_job_redesign:
            continue
        taken_on = referral.accepted_on or referral.sent_on
        settled = referral.report_received_on is not None or referral.follow_up_done_on is not None
        if taken_on is None or settled:
            continue
        yield Pending(
            DeadlineRule.JOB_REDESIGN_REPORT,
            cal.add_workdays(taken_on, JOB_REDESIGN_REPORT_WORKDAYS),
            TargetKind.REFERRAL,
            referral.referral_id,
            "職務再設計：受案後15個工作天內提出報告",
            "Job redesign: the unit reports within 15 working days of taking the case",
        )


def _superseded(certificate: CertificateFact, case: CaseFacts) -> bool:
    """A renewed certificate (no expiry, or a later one) makes the old one's dates moot."""
    if certificate.expires_on is None:
        return False
    return any(
        other.no_expiry or (other.expires_on is not None and other.expires_on > certificate.expires_on)
        for other in case.certificates
        if other is not certificate
    )


def certificate_dates(case: CaseFacts, on: date, cal: WorkCalendar) -> Iterator[Pending]:
    """身心障礙證明有效期限／重新鑑定日期將屆 (身心障礙者權益保障法 §14, 110年修正); never for 無註記效期."""
    for certificate in case.certificates:
        if certificate.no_expiry or _superseded(certificate, case):
            continue
        if certificate.expires_on is not None:
            yield Pending(
                DeadlineRule.CERTIFICATE_EXPIRY,
                certificate.expires_on,
                TargetKind.CERTIFICATE,
                certificate.certificate_id,
                f"身心障礙證明有效期限{roc(certificate.expires_on)}，提醒辦理重新鑑定",
                f"Disability certificate expires {certificate.expires_on.isoformat()}: remind to renew",
            )
        if certificate.reassess_on is not None:
            yield Pending(
                DeadlineRule.CERTIFICATE_REASSESSMENT,
                certificate.reassess_on,
                TargetKind.CERTIFICATE,
                certificate.certificate_id,
                f"身心障礙證明重新鑑定日期{roc(certificate.reassess_on)}",
                f"Disability certificate re-assessment date {certificate.reassess_on.isoformat()}",
            )


# Closed cases still owe the reply to the applicant or referring unit (a 不開案 decision closes the case at once,
# and that reply is the one most easily forgotten) and the data entry of services they received; nothing else.
RULES_FOR_CLOSED_CASES: tuple[CaseRule, ...] = (intake_reply, service_entry)
RULES_FOR_OPEN_CASES: tuple[CaseRule, ...] = (
    intake_reply,
    service_entry,
    referral_follow_up,
    job_referral_tracking,
    monthly_contact,
    employment_follow_up,
    intensive_support,
    job_redesign_report,
    certificate_dates,
)


def monthly_report(on: date) -> Pending:
    """每月10日前彙送前一個月服務成果月報表（表6-1、表6-2） (003 二(二)9): the next 10th on or after `on`.

    There is no record of submission, so a passed 10th is not shown as overdue; the next one is.
    """
    if on.day <= MONTHLY_REPORT_DAY:
        due = on.replace(day=MONTHLY_REPORT_DAY)
    else:
        due = add_months(on.replace(day=MONTHLY_REPORT_DAY), 1)
    period = add_months(due, -1)
    return Pending(
        DeadlineRule.MONTHLY_REPORT,
        due,
        TargetKind.UNIT,
        None,
        f"彙送{roc_year(period)}年{period.month}月服務成果月報表（表6-1、表6-2）",
        f"Submit the monthly report for {period:%Y-%m} (forms 6-1, 6-2)",
    )


def annual_report(on: date) -> Pending:
    """12月31日前撰寫年度工作成果報告 (003 二(二)9)."""
    return Pending(
        DeadlineRule.ANNUAL_REPORT,
        date(on.year, 12, 31),
        TargetKind.UNIT,
        None,
        f"撰寫{roc_year(on)}年度工作成果報告",
        f"Write the annual report for {on.year}",
    )
