"""Intake: a new application (申請) or referral (轉介) becomes a client and a case, then 接案評估 and 開案/不開案.

Seed 002 附件一 三(一): the case manager assesses the application and replies to the applicant or the referring
unit within 3 days. The stage rules (assessment before decision, a reason for 不開案, the reply due date) are
`workflow`'s; this module checks what was typed, looks for the same person already on file, and writes the rows.

Duplicates are looked for *before* anything is created: the same ID number is the same person (so the new case
must go to the existing client), and a close name (the same, or one character different) with the same birth
date probably is (a typo in the ID number, or a 居留證 swapped for a 身分證).
"""

from __future__ import annotations

import unicodedata
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.errors import AppError, Problem, ProblemsError, RuleError, ValidationError
from app.models import Case, Client
from app.models.enums import Gender, IdKind, IntakeDecision, Programme, Stage
from app.services import clock, codes, workflow
from app.services.deadline_rules import INTAKE_REPLY_DAYS
from app.services.labels import label
from app.services.validation import id_number_kind, normalise_id_number, validate_id_number, validate_phone

MatchReason = Literal["same_id", "similar_name"]
NAME_MAX = 64
UNIT_MAX = 100


@dataclass(frozen=True)
class IntakeApplication:
    """What the 服務申請/轉介表 says: the person, and where and when the case comes from."""

    name: str
    id_number: str
    gender: Gender
    birth_date: date
    programme: Programme
    source: str  # case_sources.yaml code
    application_date: date  # 申請日 / 轉介日
    county: str  # county code of the serving office
    owner: str  # the case manager taking the intake
    referring_unit: str = ""  # 轉介單位, required when the source is a referral
    mobile_phone: str = ""
    residence_county: str = ""
    unit: str = ""  # 承辦/受託單位


@dataclass(frozen=True)
class CaseBrief:
    """One of an existing client's cases, as a duplicate warning lists it."""

    case_id: uuid.UUID
    programme: Programme
    stage: Stage
    owner: str
    application_date: date
    is_closed: bool


@dataclass(frozen=True)
class ClientMatch:
    """A client already on file who may be the person applying."""

    client_id: uuid.UUID
    name: str
    id_number: str
    birth_date: date
    reason: MatchReason
    cases: tuple[CaseBrief, ...] = field(default=())


@dataclass(frozen=True)
class IntakeCreated:
    case_id: uuid.UUID
    client_id: uuid.UUID
    client_name: str
    id_number: str
    application_date: date
    reused_client: bool


@dataclass(frozen=True)
class IntakeOutcome:
    """After the 接案評估 (and the decision, if one was made)."""

    case_id: uuid.UUID
    stage: Stage
    decision: IntakeDecision | None
    assessed_on: date
    reply_due_on: date
    reply_sent_on: date | None


def is_referral_source(source: str) -> bool:
    """轉銜/轉介 by another agency (education, social welfare, health, labour) rather than the person applying."""
    return codes.entry(codes.CASE_SOURCES, source).extra.get("referral") is True


def reply_due_preview(assessed_on: date) -> date:
    """The reply due date an assessment on `assessed_on` will get (workflow.record_intake_assessment sets it)."""
    return assessed_on + timedelta(days=INTAKE_REPLY_DAYS)


def _fold(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", name).split()).casefold()


def names_close(a: str, b: str) -> bool:
    """The same name, or one character different (one typed wrong, left out or added): 王小明 / 王曉明 / 王明."""
    x, y = _fold(a), _fold(b)
    if x == y:
        return True
    if abs(len(x) - len(y)) > 1:
        return False
    if len(x) == len(y):
        return sum(p != q for p, q in zip(x, y, strict=True)) == 1
    shorter, longer = (x, y) if len(x) < len(y) else (y, x)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


# ---- checking what was typed ----


def check_application(application: IntakeApplication, today: date | None = None) -> list[Problem]:
    """Every problem with the application, each naming its field; empty when it may be saved."""
    today = today or clock.today()
    problems: list[Problem] = []

    def add(field_name: str, zh: str, en: str) -> None:
        problems.append(Problem(None, field_name, zh, en))

    name = application.name.strip()
    if not name:
        add("name", "請輸入姓名。", "Please enter the name.")
    elif len(name) > NAME_MAX:
        add("name", f"姓名最多 {NAME_MAX} 個字。", f"A name has at most {NAME_MAX} characters.")
    try:
        validate_id_number(application.id_number)
    except ValidationError as error:
        add("id_number", error.message_zh, error.message_en)
    if application.birth_date > today:
        add("birth_date", "出生日期不能在今天之後。", "The birth date cannot be in the future.")
    if application.application_date > today:
        add("application_date", "申請日不能在今天之後。", "The application date cannot be in the future.")
    if application.birth_date > application.application_date:
        add("birth_date", "出生日期不能晚於申請日。", "The birth date cannot be after the application date.")
    if not codes.is_valid(codes.CASE_SOURCES, application.source):
        add("source", "請選擇個案來源。", "Please choose where the case comes from.")
    elif is_referral_source(application.source) and not application.referring_unit.strip():
        add("referring_unit", "轉介個案須填寫轉介單位。", "A referral needs the referring unit.")
    if len(application.referring_unit.strip()) > UNIT_MAX:
        add("referring_unit", f"轉介單位最多 {UNIT_MAX} 個字。", f"At most {UNIT_MAX} characters.")
    county_codes = {c.code for c in codes.counties()}
    if application.county not in county_codes:
        add("county", "請選擇服務縣市。", "Please choose the county.")
    if application.residence_county and application.residence_county not in county_codes:
        add("residence_county", "居住縣市不在清單中。", "Unknown county of residence.")
    if application.mobile_phone.strip():
        try:
            validate_phone(application.mobile_phone, "mobile_phone")
        except ValidationError as error:
            add("mobile_phone", error.message_zh, error.message_en)
    if not application.owner.strip():
        add("owner", "沒有負責的個管員。", "No case manager is set.")
    return problems


# ---- duplicates ----


def _briefs(client: Client) -> tuple[CaseBrief, ...]:
    return tuple(
        CaseBrief(
            case_id=case.id,
            programme=case.programme,
            stage=case.stage,
            owner=case.owner,
            application_date=case.application_date,
            is_closed=case.stage == Stage.G,
        )
        for case in sorted(client.cases, key=lambda c: c.application_date)
        if not case.deleted
    )


def find_duplicates(session: Session, id_number: str, name: str, birth_date: date | None) -> list[ClientMatch]:
    """Clients who may be this person: the same ID number first, then a close name born the same day."""
    matches: list[ClientMatch] = []
    seen: set[uuid.UUID] = set()
    wanted_id = normalise_id_number(id_number)
    live = Client.deleted.is_(False)
    if wanted_id:
        for client in session.scalars(
            select(Client).where(live, Client.id_number == wanted_id).options(selectinload(Client.cases))
        ):
            seen.add(client.id)
            matches.append(
                ClientMatch(client.id, client.name, client.id_number, client.birth_date, "same_id", _briefs(client))
            )
    if birth_date is not None and name.strip():
        for client in session.scalars(
            select(Client)
            .where(live, Client.birth_date == birth_date)
            .order_by(Client.name)
            .options(selectinload(Client.cases))
        ):
            if client.id not in seen and names_close(client.name, name):
                matches.append(
                    ClientMatch(
                        client.id, client.name, client.id_number, client.birth_date, "similar_name", _briefs(client)
                    )
                )
    return matches


# ---- writing ----


def create_intake(
    session: Session, application: IntakeApplication, existing_client_id: uuid.UUID | None = None
) -> IntakeCreated:
    """The case (stage A, 申請) for a new client, or for `existing_client_id` when the person is already on file.

    Refuses a new client whose ID number is already on file (use that client instead), and a second case in a
    programme where the client's case is still going (hand it over or reopen instead)."""
    problems = check_application(application)
    if problems:
        raise ProblemsError(problems)
    id_number = validate_id_number(application.id_number)
    if existing_client_id is None:
        if session.scalar(select(Client.id).where(Client.deleted.is_(False), Client.id_number == id_number)):
            raise RuleError(
                f"身分證字號 {id_number} 已有個案資料，請改用既有的個案資料開新案件。",
                f"ID number {id_number} is already on file; open the new case for that client instead.",
            )
        mobile = validate_phone(application.mobile_phone) if application.mobile_phone.strip() else None
        client = Client(
            id_number=id_number,
            id_kind=IdKind(id_number_kind(id_number)),
            name=application.name.strip(),
            gender=application.gender,
            birth_date=application.birth_date,
            mobile_phone=mobile,
            residence_county=application.residence_county or None,
        )
        session.add(client)
        reused = False
    else:
        found = session.get(Client, existing_client_id)
        if found is None or found.deleted:
            raise AppError("找不到這位個案的資料（可能已刪除）。", "This client was not found (deleted?).")
        client = found
        reused = True
        for case in client.cases:
            if not case.deleted and case.programme == application.programme and case.stage != Stage.G:
                raise RuleError(
                    f"{client.name} 在「{label(case.programme)}」已有進行中的案件（{label(case.stage)}，"
                    f"個管員 {case.owner}），不能重複建案。",
                    f"{client.name} already has an ongoing {label(case.programme, 'en')} case "
                    f"({label(case.stage, 'en')}, case manager {case.owner}).",
                )
    referral = is_referral_source(application.source)
    case = Case(
        client=client,
        programme=application.programme,
        stage=Stage.A,
        source=application.source,
        referring_unit=application.referring_unit.strip() if referral else None,
        application_date=application.application_date,
        owner=application.owner.strip(),
        unit=application.unit.strip(),
        county=application.county,
    )
    session.add(case)
    session.flush()
    return IntakeCreated(
        case_id=case.id,
        client_id=client.id,
        client_name=client.name,
        id_number=client.id_number,
        application_date=case.application_date,
        reused_client=reused,
    )


def record_assessment_and_decision(
    session: Session,
    case_id: uuid.UUID,
    assessed_on: date,
    assessment: str,
    decision: IntakeDecision | None,
    reason: str = "",
    replied_on: date | None = None,
) -> IntakeOutcome:
    """接案評估 and, unless `decision` is None (decided later), 開案 / 不開案 on the same day; all or nothing.

    `replied_on` records the 開案/不開案通知 when it was sent at once."""
    case = session.get(Case, case_id)
    if case is None or case.deleted:
        raise AppError("找不到這個案件（可能已刪除）。", "This case was not found (deleted?).")
    if not assessment.strip():
        raise ValidationError("assessment", "請填寫接案評估內容。", "Please write the intake assessment.")
    if assessed_on > clock.today():
        raise ValidationError("assessed_on", "評估日不能在今天之後。", "The assessment cannot be in the future.")
    workflow.record_intake_assessment(case, assessed_on, assessment.strip())
    if decision is not None:
        workflow.decide_intake(case, decision, assessed_on, reason)
        if replied_on is not None:
            if replied_on < assessed_on:
                raise ValidationError(
                    "replied_on", "回覆日不能早於評估日。", "The reply cannot precede the assessment."
                )
            workflow.record_reply(case, replied_on)
    assert case.reply_due_on is not None  # set by record_intake_assessment
    return IntakeOutcome(
        case_id=case.id,
        stage=case.stage,
        decision=case.decision,
        assessed_on=assessed_on,
        reply_due_on=case.reply_due_on,
        reply_sent_on=case.reply_sent_on,
    )
