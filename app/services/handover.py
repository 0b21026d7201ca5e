"""移案: the hand-over summary of a case and the bulk transfer of cases to another case manager.

Staff on one-year contracts leave and clients must not start over (seed 000, A7): every transferred case carries
a summary written at the moment of hand-over, kept with the case as its CaseTransfer record (in Chinese). The
summary also carries its English texts, for an interface in English (`as_text("en")`).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from app.errors import Language, RuleError
from app.models import Case, CaseTransfer, Referral
from app.models.enums import ContactOutcome, ItemStatus, PlanStatus, RecordStatus, ReferralResponse
from app.services import clock, codes
from app.services.cases import load_case
from app.services.deadlines import DueItem
from app.services.labels import label
from app.services.rocdate import format_roc

RECENT_RECORDS = 3


@dataclass(frozen=True)
class HandoverSummary:
    """移案摘要: what the next case manager needs to carry on without asking the client to start over. Each text
    that depends on the language is there in Chinese and, in the field named `…_en`, in English (ISO dates)."""

    case_id: uuid.UUID
    client_name: str
    id_number: str
    programme: str
    stage: str
    owner: str
    opened_on: date | None
    last_contact_on: date | None
    plan_goal: str
    open_plan_items: tuple[str, ...]
    open_referrals: tuple[str, ...]
    current_job: str
    recent_notes: tuple[str, ...]
    due: tuple[str, ...]
    programme_en: str = ""
    stage_en: str = ""
    open_plan_items_en: tuple[str, ...] = ()
    open_referrals_en: tuple[str, ...] = ()
    current_job_en: str = ""
    recent_notes_en: tuple[str, ...] = ()
    due_en: tuple[str, ...] = ()

    def as_text(self, language: Language = "zh-TW") -> str:
        """The summary as plain text: in Chinese (the default, and what CaseTransfer keeps) or in English ("en")."""
        if language == "en":
            return self._english()

        def roc(d: date | None) -> str:
            return format_roc(d) if d else "—"

        lines = [
            f"個案：{self.client_name}（{self.id_number}）",
            f"方案／階段：{self.programme}／{self.stage}　開案日：{roc(self.opened_on)}",
            f"原個管員：{self.owner}　最近聯繫：{roc(self.last_contact_on)}",
            f"職業重建目標：{self.plan_goal or '—'}",
            "進行中的服務：" + ("、".join(self.open_plan_items) or "無"),
            "待回覆或追蹤的轉介：" + ("、".join(self.open_referrals) or "無"),
            f"目前就業：{self.current_job or '無'}",
            "待辦期限：" + ("；".join(self.due) or "無"),
            "近期紀錄：",
            *(f"  {note}" for note in self.recent_notes),
        ]
        return "\n".join(lines)

    def _english(self) -> str:
        def iso(d: date | None) -> str:
            return d.isoformat() if d else "—"

        lines = [
            f"Client: {self.client_name} ({self.id_number})",
            f"Programme / stage: {self.programme_en} / {self.stage_en}   Opened: {iso(self.opened_on)}",
            f"Case manager: {self.owner}   Last contact: {iso(self.last_contact_on)}",
            f"Vocational goal: {self.plan_goal or '—'}",
            "Services in progress: " + ("; ".join(self.open_plan_items_en) or "none"),
            "Referrals awaiting a reply or follow-up: " + ("; ".join(self.open_referrals_en) or "none"),
            f"Current job: {self.current_job_en or 'none'}",
            "Deadlines: " + ("; ".join(self.due_en) or "none"),
            "Recent records:",
            *(f"  {note}" for note in self.recent_notes_en),
        ]
        return "\n".join(lines)


def _referred_to(referral: Referral, language: Language) -> str:
    if referral.service_kind:
        return codes.service_kind(referral.service_kind).label(language)
    return referral.employer or ("job referral" if language == "en" else "推介")


def handover_summary(case: Case, due: Iterable[DueItem] = ()) -> HandoverSummary:
    """Summarise a loaded case (see cases.load_case); `due` are its agenda items from the deadline engine."""
    live_plans = [p for p in case.plans if not p.deleted and p.status != PlanStatus.SUPERSEDED]
    plan = live_plans[-1] if live_plans else None
    final_records = [r for r in case.records if not r.deleted and r.status == RecordStatus.FINAL]
    # attempted_at is a UTC instant; the contact log is about the day in Taiwan.
    reached = [
        clock.local_date(a.attempted_at)
        for a in case.contact_attempts
        if not a.deleted and a.outcome == ContactOutcome.REACHED
    ]
    last_contact = max([r.held_on for r in final_records] + reached, default=None)
    jobs = [e for e in case.employments if not e.deleted and e.end_on is None]
    items = [
        codes.service_kind(item.service_kind)
        for item in (plan.items if plan else [])
        if not item.deleted and item.status in (ItemStatus.PLANNED, ItemStatus.IN_PROGRESS)
    ]
    referrals = [
        (r, r.response == ReferralResponse.PENDING)
        for r in case.referrals
        if not r.deleted and (r.response == ReferralResponse.PENDING or r.follow_up_done_on is None)
    ]
    recent = final_records[-RECENT_RECORDS:]
    due = list(due)
    return HandoverSummary(
        case_id=case.id,
        client_name=case.client.name,
        id_number=case.client.id_number,
        programme=label(case.programme),
        stage=label(case.stage),
        owner=case.owner,
        opened_on=case.opened_on,
        last_contact_on=last_contact,
        plan_goal=plan.vocational_goal if plan else "",
        open_plan_items=tuple(kind.zh for kind in items),
        open_referrals=tuple(
            _referred_to(r, "zh-TW") + ("（待回覆）" if pending else "（待追蹤）") for r, pending in referrals
        ),
        current_job="、".join(f"{e.employer} {e.job_title}（{format_roc(e.start_on)}起）" for e in jobs),
        recent_notes=tuple(f"{format_roc(r.held_on, 'short')} {r.notes[:80]}" for r in recent),
        due=tuple(f"{format_roc(item.due_on, 'short')} {item.title_zh}" for item in due),
        programme_en=label(case.programme, "en"),
        stage_en=label(case.stage, "en"),
        open_plan_items_en=tuple(kind.en for kind in items),
        open_referrals_en=tuple(
            _referred_to(r, "en") + (" (awaiting reply)" if pending else " (follow-up due)") for r, pending in referrals
        ),
        current_job_en="; ".join(f"{e.employer} {e.job_title} (since {e.start_on.isoformat()})" for e in jobs),
        recent_notes_en=tuple(f"{r.held_on.isoformat()} {r.notes[:80]}" for r in recent),
        due_en=tuple(f"{item.due_on.isoformat()} {item.title_en}" for item in due),
    )


def transfer_cases(
    session: Session,
    case_ids: Iterable[uuid.UUID],
    to_owner: str,
    on: date | None = None,
    reason: str = "",
    due: dict[uuid.UUID, list[DueItem]] | None = None,
) -> list[CaseTransfer]:
    """Hand the cases to `to_owner` on `on` (default: today in Taiwan), each with its summary frozen in a
    CaseTransfer; all or none."""
    transferred_on = on if on is not None else clock.today()
    to_owner = to_owner.strip()
    if not to_owner:
        raise RuleError("請選擇接手的個管員。", "Choose the case manager who takes over.")
    transfers: list[CaseTransfer] = []
    for case_id in case_ids:
        case = load_case(session, case_id)
        if case.owner == to_owner:
            raise RuleError(
                f"{case.client.name} 的個案已由 {to_owner} 負責。",
                f"{to_owner} already owns {case.client.name}'s case.",
            )
        summary = handover_summary(case, (due or {}).get(case.id, []))
        transfer = CaseTransfer(
            case=case,
            from_owner=case.owner,
            to_owner=to_owner,
            transferred_on=transferred_on,
            reason=reason,
            summary=summary.as_text(),
        )
        session.add(transfer)
        case.owner = to_owner
        transfers.append(transfer)
    return transfers
