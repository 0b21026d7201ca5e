"""歷程: everything that happened to a case, newest first, one short line each in zh-TW and English.

Built from a case as `services.cases.load_case` returns it (every relationship loaded), so it needs no session and
is tested without Qt. Only what happened is listed; what is still due belongs to the agenda (今日待辦).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from enum import IntEnum

from app.errors import ValidationError
from app.models import Case
from app.models.enums import (
    IntakeDecision,
    PlanStatus,
    RecordStatus,
    ReferralKind,
    ReferralResponse,
    ReviewDecision,
    ReviewSubject,
)
from app.services import codes
from app.services.case_edits import enum_label
from app.services.clock import local_date
from app.services.rocdate import format_roc

SNIPPET_LENGTH = 40
COMMENT_LENGTH = 120  # the supervisor's comment on a return is what the case manager must act on: shown longer


class Step(IntEnum):
    """What kind of event an entry is; on one day, events follow each other in this order."""

    APPLICATION = 0
    INTAKE = 1
    DECISION = 2
    REPLY = 3
    ASSESSMENT = 4
    PLAN = 5
    CONSENT = 6
    REFERRAL_CONTACT = 7
    REFERRAL_SENT = 8
    REFERRAL_RESPONSE = 9
    REFERRAL_FOLLOW_UP = 10
    EMPLOYMENT_START = 11
    EMPLOYMENT_END = 12
    CONTACT_ATTEMPT = 13
    RECORD = 14
    TRANSFER = 15
    CLOSURE = 16
    REVIEW = 17  # 送審, 核准, 退回 (ordered by the moment within a day)


@dataclass(frozen=True)
class TimelineEntry:
    on: date
    step: Step
    text_zh: str
    text_en: str
    target_kind: str | None = None  # the deadline target kind whose tab shows the record ("service", "referral" …)
    target_id: uuid.UUID | None = None
    draft: bool = False  # not finalised yet
    at: datetime | None = None  # the moment, where one is known: orders events of one kind on one day

    def text(self, language: str = "zh-TW") -> str:
        return self.text_en if language == "en" else self.text_zh

    def date_text(self) -> str:
        try:
            return format_roc(self.on, "short")
        except ValueError:
            return self.on.isoformat()


_PLAN_STATUS = {
    PlanStatus.DRAFT: ("草稿", "draft"),
    PlanStatus.SUBMITTED: ("送審中", "submitted"),
    PlanStatus.APPROVED: ("已核定", "approved"),
    PlanStatus.RETURNED: ("退回", "returned"),
    PlanStatus.SUPERSEDED: ("已由新版取代", "superseded"),
}


def snippet(text: str, length: int = SNIPPET_LENGTH) -> str:
    """The first non-empty line of `text`, cut to `length` characters with an ellipsis."""
    line = next((part.strip() for part in text.splitlines() if part.strip()), "")
    return line if len(line) <= length else line[: length - 1] + "…"


def _code(list_name: str, code: str | None) -> tuple[str, str]:
    if not code:
        return "", ""
    try:
        found = codes.entry(list_name, code)
    except ValidationError:
        return code, code  # a code from a newer list than this device has: show it as it is
    return found.zh, found.en


def _with(text: str, detail: str, separator: str = "：") -> str:
    return f"{text}{separator}{detail}" if detail else text


def case_timeline(case: Case) -> list[TimelineEntry]:
    """Every event of the case, newest first (on one day, the later step of the work first)."""
    entries = [
        *_intake(case),
        *_records(case),
        *_plans(case),
        *_referrals(case),
        *_employment(case),
        *_ending(case),
        *_reviews(case),
    ]
    return sorted(entries, key=lambda e: (e.on, e.step, e.at.timestamp() if e.at else 0.0), reverse=True)


def _intake(case: Case) -> list[TimelineEntry]:
    source_zh, source_en = _code(codes.CASE_SOURCES, case.source)
    unit = f"，轉介單位 {case.referring_unit}" if case.referring_unit else ""
    unit_en = f", referred by {case.referring_unit}" if case.referring_unit else ""
    found = [
        TimelineEntry(
            case.application_date,
            Step.APPLICATION,
            f"申請（來源：{source_zh}{unit}）",
            f"Application (source: {source_en}{unit_en})",
            "case",
        )
    ]
    if case.intake_assessed_on is not None:
        detail = snippet(case.intake_assessment)
        found.append(
            TimelineEntry(
                case.intake_assessed_on,
                Step.INTAKE,
                _with("接案評估", detail),
                _with("Intake assessment", detail, ": "),
                "case",
            )
        )
    if case.decision == IntakeDecision.OPEN and case.opened_on is not None:
        found.append(TimelineEntry(case.opened_on, Step.DECISION, "開案", "Case opened", "case"))
    elif case.decision == IntakeDecision.NOT_OPEN and case.closed_on is not None:
        reason = snippet(case.decision_reason)
        found.append(
            TimelineEntry(
                case.closed_on,
                Step.DECISION,
                _with("不開案", reason),
                _with("Not opened", reason, ": "),
                "case",
            )
        )
    if case.reply_sent_on is not None:
        found.append(
            TimelineEntry(
                case.reply_sent_on,
                Step.REPLY,
                "回覆申請人／轉介單位",
                "Reply sent to the applicant / referring unit",
                "case",
            )
        )
    return found


def _records(case: Case) -> list[TimelineEntry]:
    found: list[TimelineEntry] = []
    held = {record.id: record.held_on for record in case.records}
    for record in case.records:
        if record.deleted:
            continue
        mode_zh, mode_en = enum_label(record.mode), enum_label(record.mode, "en")
        kind_zh, kind_en = enum_label(record.kind), enum_label(record.kind, "en")
        head_zh, head_en = f"{mode_zh}・{kind_zh}", f"{mode_en} · {kind_en}"
        if record.duration_minutes:
            head_zh += f"（{record.duration_minutes} 分鐘）"
            head_en += f" ({record.duration_minutes} min)"
        if record.corrects_id is not None:
            corrected = held.get(record.corrects_id)
            when = format_roc(corrected, "short") if corrected else ""
            head_zh += f"，更正 {when} 的紀錄"
            head_en += f", correcting the record of {when}"
        if record.status == RecordStatus.DRAFT:
            head_zh += "〔草稿〕"
            head_en += " [draft]"
        detail = snippet(record.notes)
        found.append(
            TimelineEntry(
                record.held_on,
                Step.RECORD,
                _with(head_zh, detail),
                _with(head_en, detail, ": "),
                "service",
                record.id,
                draft=record.status == RecordStatus.DRAFT,
                at=record.updated_at,  # on one day, the later record (a correction, say) first
            )
        )
    for attempt in case.contact_attempts:
        if attempt.deleted:
            continue
        outcome_zh, outcome_en = enum_label(attempt.outcome), enum_label(attempt.outcome, "en")
        note = snippet(attempt.note)
        zh = f"聯繫（{enum_label(attempt.channel)}）：{outcome_zh}" + (f"，{note}" if note else "")
        en = f"Contact attempt ({enum_label(attempt.channel, 'en')}): {outcome_en}" + (f", {note}" if note else "")
        found.append(
            TimelineEntry(
                local_date(attempt.attempted_at),
                Step.CONTACT_ATTEMPT,
                zh,
                en,
                "service",
                attempt.id,
                at=attempt.attempted_at,
            )
        )
    for assessment in case.assessments:
        if assessment.deleted:
            continue
        draft = assessment.status == RecordStatus.DRAFT
        detail = snippet(assessment.summary)
        found.append(
            TimelineEntry(
                assessment.assessed_on,
                Step.ASSESSMENT,
                _with("需求評估" + ("〔草稿〕" if draft else ""), detail),
                _with("Needs assessment" + (" [draft]" if draft else ""), detail, ": "),
                "assessment",
                assessment.id,
                draft=draft,
            )
        )
    return found


def _plans(case: Case) -> list[TimelineEntry]:
    found: list[TimelineEntry] = []
    for plan in case.plans:
        if plan.deleted:
            continue
        status_zh, status_en = _PLAN_STATUS.get(plan.status, (plan.status.value, plan.status.value))
        reason = snippet(plan.revision_reason)
        zh = f"服務計畫第 {plan.version_no} 版（{status_zh}，至 {format_roc(plan.end_on, 'short')}）"
        en = f"Service plan version {plan.version_no} ({status_en}, until {format_roc(plan.end_on, 'short')})"
        if reason:
            zh, en = f"{zh}，修訂原因：{reason}", f"{en}, revised because: {reason}"
        elif plan.vocational_goal.strip():
            zh, en = f"{zh}：{snippet(plan.vocational_goal)}", f"{en}: {snippet(plan.vocational_goal)}"
        found.append(
            TimelineEntry(plan.start_on, Step.PLAN, zh, en, "plan", plan.id, draft=plan.status == PlanStatus.DRAFT)
        )
        if plan.consent_given and plan.consent_on is not None:
            found.append(
                TimelineEntry(
                    plan.consent_on,
                    Step.CONSENT,
                    f"個案同意服務計畫第 {plan.version_no} 版（知後決定）",
                    f"Client consented to plan version {plan.version_no}",
                    "plan",
                    plan.id,
                )
            )
    return found


def _referrals(case: Case) -> list[TimelineEntry]:
    found: list[TimelineEntry] = []
    for referral in case.referrals:
        if referral.deleted:
            continue
        if referral.kind == ReferralKind.JOB:
            where_zh = where_en = " ".join(part for part in (referral.employer, referral.job_title) if part)
            verb_zh, verb_en = "推介就業", "Job referral"
        else:
            unit = referral.receiving_unit.name if referral.receiving_unit is not None else ""
            service_zh, service_en = _code(codes.SERVICE_KINDS, referral.service_kind)
            where_zh = f"{unit}（{service_zh}）" if service_zh else unit
            where_en = f"{unit} ({service_en})" if service_en else unit
            verb_zh, verb_en = "派案／轉介", "Referral"
        target = ("referral", referral.id)
        if referral.contacted_on is not None and referral.kind == ReferralKind.SERVICE:
            found.append(
                TimelineEntry(
                    referral.contacted_on,
                    Step.REFERRAL_CONTACT,
                    f"聯繫受案單位：{where_zh}",
                    f"Receiving unit contacted: {where_en}",
                    *target,
                )
            )
        if referral.sent_on is not None:
            found.append(
                TimelineEntry(
                    referral.sent_on, Step.REFERRAL_SENT, f"{verb_zh}：{where_zh}", f"{verb_en}: {where_en}", *target
                )
            )
        if referral.responded_on is not None and referral.response != ReferralResponse.PENDING:
            accepted = referral.response == ReferralResponse.ACCEPTED
            job = referral.kind == ReferralKind.JOB
            yes_zh, no_zh = ("錄取", "未錄取") if job else ("接案", "不接案")
            yes_en, no_en = ("hired", "not hired") if job else ("accepted", "declined")
            reason = snippet(referral.decline_reason)
            zh = f"{where_zh} 回覆：" + (yes_zh if accepted else _with(no_zh, reason, "，"))
            en = f"{where_en} answered: " + (yes_en if accepted else _with(no_en, reason, ", "))
            found.append(TimelineEntry(referral.responded_on, Step.REFERRAL_RESPONSE, zh, en, *target))
        if referral.follow_up_done_on is not None:
            note = snippet(referral.follow_up_note)
            found.append(
                TimelineEntry(
                    referral.follow_up_done_on,
                    Step.REFERRAL_FOLLOW_UP,
                    _with(f"轉介追蹤 {where_zh}", note),
                    _with(f"Referral follow-up, {where_en}", note, ": "),
                    *target,
                )
            )
    return found


def _employment(case: Case) -> list[TimelineEntry]:
    found: list[TimelineEntry] = []
    for job in case.employments:
        if job.deleted:
            continue
        where = f"{job.employer} {job.job_title}".strip()
        hours = f"{job.hours_per_week:g}"
        target = ("employment", job.id)
        found.append(
            TimelineEntry(
                job.start_on,
                Step.EMPLOYMENT_START,
                f"就業：{where}（每週 {hours} 小時）",
                f"Started work: {where} ({hours} h/week)",
                *target,
            )
        )
        if job.end_on is not None:
            reason = snippet(job.end_reason)
            found.append(
                TimelineEntry(
                    job.end_on,
                    Step.EMPLOYMENT_END,
                    _with(f"離職：{where}", reason, "，"),
                    _with(f"Left the job: {where}", reason, ", "),
                    *target,
                )
            )
    return found


def _ending(case: Case) -> list[TimelineEntry]:
    found: list[TimelineEntry] = []
    for transfer in case.transfers:
        if transfer.deleted:
            continue
        reason = snippet(transfer.reason)
        found.append(
            TimelineEntry(
                transfer.transferred_on,
                Step.TRANSFER,
                _with(f"移案：{transfer.from_owner} → {transfer.to_owner}", reason, "，"),
                _with(f"Handed over: {transfer.from_owner} → {transfer.to_owner}", reason, ", "),
                "case",
            )
        )
    closure = case.closure
    # A closure still waiting for the supervisor's sign-off is not a closing yet (its submission is listed instead).
    if closure is not None and not closure.deleted and case.closed_on is not None:
        reason_zh, reason_en = _code(codes.CLOSURE_REASONS, closure.reason_code)
        found.append(
            TimelineEntry(
                closure.closed_on,
                Step.CLOSURE,
                f"結案：{reason_zh}",
                f"Case closed: {reason_en}",
                "closure",
                closure.id,
            )
        )
    return found


def _reviews(case: Case) -> list[TimelineEntry]:
    """Each submission for the supervisor's sign-off (送審), and its decision (核准, or 退回 with the comment)."""
    found: list[TimelineEntry] = []
    versions = {plan.id: plan.version_no for plan in case.plans}
    for review in case.reviews:
        if review.deleted:
            continue
        if review.subject == ReviewSubject.PLAN:
            number = versions.get(review.plan_id) if review.plan_id is not None else None
            what_zh = f"服務計畫第 {number} 版" if number else "服務計畫"
            what_en = f"plan version {number}" if number else "the plan"
            target: tuple[str, uuid.UUID | None] = ("plan", review.plan_id)
        else:
            what_zh, what_en = "結案", "the closure"
            target = ("closure", review.closure_id)
        note = snippet(review.note)
        found.append(
            TimelineEntry(
                local_date(review.submitted_at),
                Step.REVIEW,
                _with(f"{what_zh}送審（{review.submitted_by}）", note),
                _with(f"Submitted {what_en} for sign-off ({review.submitted_by})", note, ": "),
                *target,
                at=review.submitted_at,
            )
        )
        if review.decision == ReviewDecision.PENDING or review.decided_at is None:
            continue
        by = review.decided_by or ""
        comment = snippet(review.comment, COMMENT_LENGTH)
        if review.decision == ReviewDecision.APPROVED:
            zh, en = f"督導核准{what_zh}（{by}）", f"Supervisor approved {what_en} ({by})"
        else:
            zh, en = f"督導退回{what_zh}（{by}）", f"Supervisor returned {what_en} ({by})"
        found.append(
            TimelineEntry(
                local_date(review.decided_at),
                Step.REVIEW,
                _with(zh, comment),
                _with(en, comment, ": "),
                *target,
                at=review.decided_at,
            )
        )
    return found
