"""Building the view-model of a document from the store (through app.services), so the renderer never queries it.

`build_view(session, doc_id, options)` loads the case (cases.load_case, audited as a read of personal data) or, for
the monthly reports, the month's figures, for 督導紀錄 the supervision record `options.note_id`, for 服務對象日報
the figures of `options.first_day`–`options.last_day` (app.services.daily_report); `build_view(case, …)` takes a
case already loaded. Which plan version,
referral or records a document is about comes from `PrintOptions`, else from the template's `select` (the latest
job referral for 介紹卡, the follow-up records for 追蹤紀錄, …).

Letters that leave the agency (派案單, 介紹卡, notices) name in their template the only fields they may disclose
(個人資料保護法 minimisation); everything else is blanked (redact.py) before the renderer sees the view.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from app.errors import AppError, RuleError
from app.models import Case
from app.models.enums import Programme
from app.printing import monthly
from app.printing.case_views import (
    Addressee,
    case_view,
    chosen_employment,
    chosen_plan,
    chosen_records,
    chosen_referral,
    notice_view,
    plan_view,
)
from app.printing.daily import daily_document
from app.printing.options import coded
from app.printing.redact import redact
from app.printing.supervision import supervision_document
from app.printing.templates import FormTemplate, load_template
from app.printing.views import CaseDocument, DocumentView, HandoverView, Signatures, TransferView
from app.services import clock
from app.services.cases import load_case
from app.services.daily_report import daily_report
from app.services.directory import case_deadlines
from app.services.handover import handover_summary

NONE = "無"
SUPERVISION = "supervision_record"  # the shipped template of 督導紀錄
DAILY = "daily_report"  # and of 服務對象日報


@dataclass(frozen=True)
class PrintOptions:
    """What to print beyond the document kind. Every field is optional; the defaults print the current state."""

    case_id: uuid.UUID | None = None  # needed when build_view gets a session and the document is about a case
    printed_on: date | None = None  # default: today in Taiwan
    plan_id: uuid.UUID | None = None  # default: the current plan version
    referral_id: uuid.UUID | None = None  # default: the latest referral of the kind the template selects
    record_ids: tuple[uuid.UUID, ...] | None = None  # default: every final record of the template's kind
    addressee: Addressee | None = None  # notices; default: the referring unit when there is one
    year: int | None = None  # monthly reports
    month: int | None = None
    manager: str | None = None  # monthly reports: one case manager's (username); default: the whole unit
    unit: str | None = None  # monthly reports: one 承辦/受託單位; default: every unit in the store
    programme: Programme | None = None  # monthly reports: one programme; default: as the template selects
    note_id: uuid.UUID | None = None  # 督導紀錄: the supervision record
    first_day: date | None = None  # 服務對象日報: the first day of the period
    last_day: date | None = None  # 服務對象日報: its last day; default: the first day alone
    staff_names: Mapping[str, str] = field(default_factory=dict)  # username → name printed on forms
    signatures: Signatures = field(default_factory=Signatures)


def build_view(source: Session | Case, doc_id: str, options: PrintOptions | None = None) -> DocumentView:
    """The view-model of document `doc_id`, read from a session (a case by `options.case_id`, a month, a
    supervision record by `options.note_id`, a daily report's days) or from a case loaded with cases.load_case."""
    options = options or PrintOptions()
    template = load_template(doc_id)
    if template.subject != "case":
        if not isinstance(source, Session):
            raise AppError(f"「{template.title}」需要開啟的資料庫。", f"'{template.title_en}' needs the open store.")
        return _not_a_case(source, template, options)
    if isinstance(source, Session):
        if options.case_id is None:
            raise AppError("請選擇要列印的個案。", "Choose the case to print.")
        case = load_case(source, options.case_id)
        session: Session | None = source
    else:
        case, session = source, None
    document = case_document(case, template, options, session)
    return redact(document, template.disclose) if template.disclose is not None else document


def build_views(
    session: Session, doc_id: str, case_ids: Iterable[uuid.UUID], options: PrintOptions | None = None
) -> list[DocumentView]:
    """Views of one document for many cases (batch printing), in the order given."""
    base = options or PrintOptions()
    return [build_view(session, doc_id, dataclasses.replace(base, case_id=case_id)) for case_id in case_ids]


def build_note_views(
    session: Session, note_ids: Iterable[uuid.UUID], options: PrintOptions | None = None, doc_id: str = SUPERVISION
) -> list[DocumentView]:
    """Views of 督導紀錄 for many supervision records (one PDF, pages counted per record), in the order given."""
    base = options or PrintOptions()
    return [build_view(session, doc_id, dataclasses.replace(base, note_id=note_id)) for note_id in note_ids]


def _not_a_case(session: Session, template: FormTemplate, options: PrintOptions) -> DocumentView:
    """A month's report, a supervision record or a daily report."""
    printed_on = options.printed_on or clock.today()
    if template.subject == "supervision":
        if options.note_id is None:
            raise AppError("請選擇要列印的督導紀錄。", "Choose the supervision record to print.")
        return supervision_document(
            session,
            template.doc_id,
            options.note_id,
            printed_on=printed_on,
            staff_names=options.staff_names,
            signatures=options.signatures,
        )
    if template.subject == "daily":
        if options.first_day is None:
            raise AppError("請輸入日報的服務日期。", "Enter the day of the daily report.")
        return daily_document(
            daily_report(session, options.first_day, options.last_day),
            template.doc_id,
            printed_on=printed_on,
            staff_names=options.staff_names,
            signatures=options.signatures,
        )
    return monthly.build_month_document(session, template, _month_options(options))


def _month_options(options: PrintOptions) -> monthly.MonthOptions:
    if options.year is None or options.month is None:
        raise AppError("請選擇月報表的年月。", "Choose the month of the report.")
    return monthly.MonthOptions(
        year=options.year,
        month=options.month,
        printed_on=options.printed_on or clock.today(),
        manager=options.manager,
        unit=options.unit,
        programme=options.programme,
        staff_names=options.staff_names,
        signatures=options.signatures,
    )


# --- one case -----------------------------------------------------------------------------------------------------


def case_document(
    case: Case, template: FormTemplate, options: PrintOptions, session: Session | None = None
) -> CaseDocument:
    printed_on = options.printed_on or clock.today()
    view = case_view(case, printed_on, options.staff_names)
    select = template.select
    decision = select.get("decision")
    if decision is not None and case.decision is not None and case.decision.value != decision:
        wanted = coded("decision", case.decision)
        raise RuleError(
            f"{case.client.name} 的接案評估結果是「{wanted}」，請改印對應的通知。",
            f"{case.client.name}'s intake decision is '{case.decision.value}'; print the matching notice instead.",
        )
    due = case_deadlines(session, [case.id], printed_on).get(case.id, []) if session is not None else []
    summary = handover_summary(case, due)
    transfers = [t for t in case.transfers if not t.deleted]
    last = transfers[-1] if transfers else None
    plan = chosen_plan(case, options.plan_id)
    return CaseDocument(
        doc_id=template.doc_id,
        printed_on=printed_on,
        case=view,
        subject=f"{case.client.name}（案號 {view.reference}）",
        interview=view.interviews[0] if view.interviews else None,
        records=chosen_records(case, select.get("records"), options.record_ids),
        assessment=view.assessments[-1] if view.assessments else None,
        plan=plan_view(plan) if plan is not None else None,
        referral=chosen_referral(case, select.get("referral"), options.referral_id),
        employment=chosen_employment(case),
        closure=view.closure,
        handover=HandoverView(
            last_contact_on=summary.last_contact_on,
            plan_goal=summary.plan_goal,
            # The summary is computed: an empty list means none, not "not filled in".
            open_plan_items="、".join(summary.open_plan_items) or NONE,
            open_referrals="、".join(summary.open_referrals) or NONE,
            current_job=summary.current_job or NONE,
            recent_notes="\n".join(summary.recent_notes) or NONE,
            due="\n".join(summary.due) or NONE,
            transfer=TransferView(
                from_owner=options.staff_names.get(last.from_owner, last.from_owner),
                to_owner=options.staff_names.get(last.to_owner, last.to_owner),
                transferred_on=last.transferred_on,
                reason=last.reason,
                summary=last.summary,
            )
            if last is not None
            else None,
        ),
        notice=notice_view(view, options.addressee),
        signatures=options.signatures,
    )
