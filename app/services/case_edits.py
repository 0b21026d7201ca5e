"""What the case workspace's 基本資料, 晤談紀錄 and 需求評估 tabs save, as plain values checked before anything changes.

Each form hands over a frozen dataclass of what is on screen. The `*_problems` functions check those values without
a session, so a form can run them on the GUI thread and show each problem beside its field; the saving functions
run them again inside the job (a form is never trusted) and raise :class:`ProblemsError` with every problem at once,
having changed nothing. `Problem.field` is the dataclass attribute's name (`certificate.0.expires_on` for the first
certificate), which is how a form finds the field to show the message beside.

Finalised records are immutable (app.store.tracking refuses changes): a mistake in one is fixed by a correction,
a new draft whose `corrects_id` points at it.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import Problem, ProblemsError, RuleError, ValidationError
from app.models import Case, Client, ContactAttempt, DisabilityCertificate, NeedsAssessment, ServiceRecord
from app.models.enums import CertificateSystem, ContactMode, ContactOutcome, Gender, IdKind, RecordKind, RecordStatus
from app.services import clock, codes
from app.services.validation import id_number_kind, validate_id_number, validate_phone
from app.store.tracking import INFO_ACTOR

OLDEST_AGE_YEARS = 120
LONGEST_RECORD_MINUTES = 12 * 60
# How a needs assessment was made (需求評估方式); stored as the Chinese words, as the exchange files carry them.
ASSESSMENT_METHODS: tuple[tuple[str, str], ...] = (
    ("晤談", "Interview"),
    ("觀察", "Observation"),
    ("家訪", "Home visit"),
    ("標準化測驗", "Standardised tests"),
    ("資料蒐集", "Records review"),
    ("職業輔導評量", "Vocational evaluation"),
)

_ENUM_LABELS: dict[object, tuple[str, str]] = {
    Gender.MALE: ("男", "Male"),
    Gender.FEMALE: ("女", "Female"),
    Gender.OTHER: ("其他", "Other"),
    CertificateSystem.NEW: ("身心障礙證明（新制）", "Disability certificate (new system)"),
    CertificateSystem.OLD: ("身心障礙手冊（舊制）", "Disability handbook (old system)"),
    RecordKind.INTERVIEW: ("晤談紀錄", "Interview"),
    RecordKind.SERVICE: ("服務紀錄", "Service"),
    RecordKind.FOLLOW_UP: ("追蹤紀錄", "Follow-up"),
    RecordStatus.DRAFT: ("草稿", "Draft"),
    RecordStatus.FINAL: ("已定稿", "Final"),
    ContactMode.IN_PERSON: ("面談", "In person"),
    ContactMode.PHONE: ("電訪", "Phone"),
    ContactMode.HOME_VISIT: ("家訪", "Home visit"),
    ContactMode.WORKPLACE_VISIT: ("職場訪視", "Workplace visit"),
    ContactOutcome.REACHED: ("已聯繫上", "Reached"),
    ContactOutcome.NO_ANSWER: ("無人接聽", "No answer"),
    ContactOutcome.WRONG_NUMBER: ("號碼錯誤", "Wrong number"),
    ContactOutcome.MESSAGE_LEFT: ("已留言", "Message left"),
    ContactOutcome.REFUSED: ("拒絕聯繫", "Refused"),
}


def enum_label(value: object, language: str = "zh-TW") -> str:
    """The zh-TW or English label of a code of the enums these forms show."""
    zh, en = _ENUM_LABELS.get(value, (str(value), str(value)))
    return en if language == "en" else zh


def _problem(name: str, zh: str, en: str) -> Problem:
    return Problem(row=None, field=name, message_zh=zh, message_en=en)


def _actor(session: Session) -> str:
    return str(session.info.get(INFO_ACTOR, ""))


# --- 基本資料: client and certificates ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClientValues:
    """The 基本資料 form as typed. Text is stripped on saving; empty optional text is stored as None."""

    name: str
    id_number: str
    gender: Gender
    birth_date: date | None
    household_county: str | None = None
    household_township: str = ""
    household_address: str = ""
    residence_county: str | None = None
    residence_township: str = ""
    residence_address: str = ""
    mobile_phone: str = ""
    home_phone: str = ""
    contact_name: str = ""
    contact_relation: str = ""
    contact_phone: str = ""
    education: str | None = None
    target_groups: tuple[str, ...] = ()
    indigenous_tribe: str | None = None
    economic_status: str | None = None
    work_history: str = ""
    health: str = ""
    strengths: str = ""
    data_consent: bool = False
    data_consent_on: date | None = None

    @classmethod
    def of(cls, client: Client) -> ClientValues:
        return cls(
            name=client.name,
            id_number=client.id_number,
            gender=client.gender,
            birth_date=client.birth_date,
            household_county=client.household_county,
            household_township=client.household_township or "",
            household_address=client.household_address or "",
            residence_county=client.residence_county,
            residence_township=client.residence_township or "",
            residence_address=client.residence_address or "",
            mobile_phone=client.mobile_phone or "",
            home_phone=client.home_phone or "",
            contact_name=client.contact_name or "",
            contact_relation=client.contact_relation or "",
            contact_phone=client.contact_phone or "",
            education=client.education,
            target_groups=tuple(client.target_groups),
            indigenous_tribe=client.indigenous_tribe,
            economic_status=client.economic_status,
            work_history=client.work_history,
            health=client.health,
            strengths=client.strengths,
            data_consent=client.data_consent,
            data_consent_on=client.data_consent_on,
        )


@dataclass(frozen=True)
class CertificateValues:
    """One disability certificate on the form; `id` None is a new one, `removed` tombstones an existing one."""

    system: CertificateSystem
    categories: tuple[str, ...]
    severity: str | None
    issued_on: date | None = None
    expires_on: date | None = None
    no_expiry: bool = False
    reassess_on: date | None = None
    id: uuid.UUID | None = None
    removed: bool = False

    @classmethod
    def of(cls, certificate: DisabilityCertificate) -> CertificateValues:
        return cls(
            id=certificate.id,
            system=certificate.system,
            categories=tuple(certificate.categories),
            severity=certificate.severity,
            issued_on=certificate.issued_on,
            expires_on=certificate.expires_on,
            no_expiry=certificate.no_expiry,
            reassess_on=certificate.reassess_on,
        )


_TEXT_LIMITS: dict[str, int] = {
    "name": 64,
    "household_township": 32,
    "household_address": 200,
    "residence_township": 32,
    "residence_address": 200,
    "contact_name": 64,
    "contact_relation": 32,
}
_PHONES = ("mobile_phone", "home_phone", "contact_phone")
_CLIENT_CODES = (
    ("education", codes.EDUCATION_LEVELS),
    ("indigenous_tribe", codes.INDIGENOUS_TRIBES),
    ("economic_status", codes.ECONOMIC_STATUS),
)


def client_problems(values: ClientValues, today: date | None = None) -> list[Problem]:
    """Everything wrong with the client's values, in form order; empty when they can be saved."""
    today = today or clock.today()
    found: list[Problem] = []
    if not values.name.strip():
        found.append(_problem("name", "請輸入姓名。", "Please enter the name."))
    for name, limit in _TEXT_LIMITS.items():
        if len(str(getattr(values, name)).strip()) > limit:
            found.append(_problem(name, f"最多 {limit} 個字。", f"At most {limit} characters."))
    try:
        validate_id_number(values.id_number)
    except ValidationError as error:
        found.append(_problem("id_number", error.message_zh, error.message_en))
    found.extend(_date_problems("birth_date", values.birth_date, today, required=True))
    if values.birth_date is not None and values.birth_date.year < today.year - OLDEST_AGE_YEARS:
        found.append(
            _problem("birth_date", "出生日期過早，請確認年份。", "The birth date is too early; check the year.")
        )
    for prefix in ("household", "residence"):
        county = getattr(values, f"{prefix}_county")
        if county is not None and not codes.is_valid(codes.COUNTIES, county):
            found.append(_problem(f"{prefix}_county", "請從清單選擇縣市。", "Choose a county from the list."))
        if county is None and getattr(values, f"{prefix}_township").strip():
            found.append(_problem(f"{prefix}_county", "請先選擇縣市。", "Choose the county first."))
    for name in _PHONES:
        text = getattr(values, name)
        if text.strip():
            try:
                validate_phone(text, name)
            except ValidationError as error:
                found.append(_problem(name, error.message_zh, error.message_en))
    for name, list_name in _CLIENT_CODES:
        code = getattr(values, name)
        if code is not None and not codes.is_valid(list_name, code):
            found.append(_problem(name, "請從清單選擇。", "Choose from the list."))
    if any(not codes.is_valid(codes.TARGET_GROUPS, code) for code in values.target_groups):
        found.append(_problem("target_groups", "特定對象身分不在清單中。", "Unknown target group."))
    if values.data_consent:
        found.extend(_date_problems("data_consent_on", values.data_consent_on, today, required=True))
    return found


def _date_problems(name: str, day: date | None, today: date, *, required: bool) -> list[Problem]:
    if day is None:
        return [_problem(name, "請輸入日期。", "Please enter a date.")] if required else []
    if day > today:
        return [_problem(name, "日期不能晚於今天。", "The date cannot be later than today.")]
    return []


def certificate_problems(values: CertificateValues, index: int, today: date | None = None) -> list[Problem]:
    """Everything wrong with one certificate; fields are named `certificate.<index>.<attribute>`."""
    if values.removed:
        return []
    today = today or clock.today()
    prefix = f"certificate.{index}."
    found: list[Problem] = []
    list_name = codes.DISABILITY_NEW_SYSTEM if values.system == CertificateSystem.NEW else codes.DISABILITY_OLD_SYSTEM
    if not values.categories:
        found.append(_problem(prefix + "categories", "請至少勾選一個障礙類別。", "Tick at least one category."))
    elif any(not codes.is_valid(list_name, code) for code in values.categories):
        found.append(
            _problem(
                prefix + "categories",
                "障礙類別與證明種類（新制／舊制）不符。",
                "The categories do not belong to this kind of certificate (new / old system).",
            )
        )
    if values.severity is None or not codes.is_valid(codes.SEVERITIES, values.severity):
        found.append(_problem(prefix + "severity", "請選擇障礙程度。", "Choose the severity."))
    found.extend(_date_problems(prefix + "issued_on", values.issued_on, today, required=False))
    if not values.no_expiry and values.expires_on is None:
        found.append(
            _problem(
                prefix + "expires_on",
                "請輸入有效期限，或勾選「無註記效期」。",
                "Enter the expiry date, or tick 'no expiry'.",
            )
        )
    for name in ("expires_on", "reassess_on"):
        later: date | None = getattr(values, name)
        if name == "expires_on" and values.no_expiry:
            continue
        if later is not None and values.issued_on is not None and later < values.issued_on:
            found.append(_problem(prefix + name, "不能早於核發日期。", "Cannot be earlier than the date of issue."))
    return found


def update_client(session: Session, client_id: uuid.UUID, values: ClientValues) -> None:
    """Save the client's 基本資料; ProblemsError (nothing changed) when anything is wrong."""
    save_profile(session, client_id, values, None)


def save_certificate(session: Session, client_id: uuid.UUID, values: CertificateValues) -> uuid.UUID | None:
    """Add (values.id None), change or remove one certificate; returns its id (None for a new one removed)."""
    problems = certificate_problems(values, 0)
    if problems:
        raise ProblemsError(problems)
    client = _client(session, client_id)
    return _apply_certificate(session, client, values)


def save_profile(
    session: Session,
    client_id: uuid.UUID,
    client_values: ClientValues,
    certificates: Sequence[CertificateValues] | None,
) -> None:
    """Save the whole 基本資料 tab at once: the client, and (unless None) every certificate shown on it.

    Every problem of every part is gathered first; with any, ProblemsError is raised and nothing is changed."""
    problems = client_problems(client_values)
    for index, certificate in enumerate(certificates or ()):
        problems.extend(certificate_problems(certificate, index))
    client = _client(session, client_id)
    id_number = client_values.id_number
    if not any(p.field == "id_number" for p in problems):
        id_number = validate_id_number(client_values.id_number)
        duplicate = session.scalar(
            select(Client.name).where(Client.id_number == id_number, Client.id != client.id, Client.deleted.is_(False))
        )
        if duplicate is not None:
            problems.append(
                _problem(
                    "id_number",
                    f"這個證號已屬於另一位個案（{duplicate}），請確認是否為同一人。",
                    f"This number already belongs to another client ({duplicate}); is it the same person?",
                )
            )
    if problems:
        raise ProblemsError(problems)
    _apply_client(client, client_values, id_number)
    for certificate in certificates or ():
        _apply_certificate(session, client, certificate)


def _client(session: Session, client_id: uuid.UUID) -> Client:
    client = session.get(Client, client_id)
    if client is None or client.deleted:
        raise RuleError("找不到這位個案的基本資料。", "This client's record was not found.")
    return client


def _optional(text: str) -> str | None:
    return text.strip() or None


def _apply_client(client: Client, values: ClientValues, id_number: str) -> None:
    client.name = values.name.strip()
    client.id_number = id_number
    client.id_kind = IdKind(id_number_kind(id_number))
    client.gender = values.gender
    assert values.birth_date is not None  # checked by client_problems
    client.birth_date = values.birth_date
    for prefix in ("household", "residence"):
        setattr(client, f"{prefix}_county", getattr(values, f"{prefix}_county"))
        setattr(client, f"{prefix}_township", _optional(getattr(values, f"{prefix}_township")))
        setattr(client, f"{prefix}_address", _optional(getattr(values, f"{prefix}_address")))
    for name in _PHONES:
        text = getattr(values, name)
        setattr(client, name, validate_phone(text, name) if text.strip() else None)
    client.contact_name = _optional(values.contact_name)
    client.contact_relation = _optional(values.contact_relation)
    client.education = values.education
    client.target_groups = list(values.target_groups)
    client.indigenous_tribe = values.indigenous_tribe
    client.economic_status = values.economic_status
    client.work_history = values.work_history.strip()
    client.health = values.health.strip()
    client.strengths = values.strengths.strip()
    client.data_consent = values.data_consent
    client.data_consent_on = values.data_consent_on if values.data_consent else None


def _apply_certificate(session: Session, client: Client, values: CertificateValues) -> uuid.UUID | None:
    if values.id is None:
        if values.removed:
            return None  # added and removed again before saving: nothing to keep
        certificate = DisabilityCertificate(client_id=client.id, system=values.system, severity="")
        session.add(certificate)
    else:
        found = session.get(DisabilityCertificate, values.id)
        if found is None or found.client_id != client.id:
            raise RuleError("找不到這張身心障礙證明。", "This disability certificate was not found.")
        certificate = found
        if values.removed:
            certificate.deleted = True
            return certificate.id
    assert values.severity is not None  # checked by certificate_problems
    certificate.system = values.system
    certificate.categories = list(values.categories)
    certificate.severity = values.severity
    certificate.issued_on = values.issued_on
    certificate.no_expiry = values.no_expiry
    certificate.expires_on = None if values.no_expiry else values.expires_on
    certificate.reassess_on = values.reassess_on
    session.flush()
    return certificate.id


# --- 晤談紀錄: service records and contact attempts -----------------------------------------------------------------


@dataclass(frozen=True)
class RecordValues:
    """A record's editor as typed. `held_on` None keeps the stored date (today for a new draft): an autosave while
    the date field holds something unreadable still keeps the notes, and saves nothing invalid."""

    kind: RecordKind
    mode: ContactMode
    held_on: date | None
    place: str = ""
    duration_minutes: int = 0
    notes: str = ""

    @classmethod
    def of(cls, record: ServiceRecord) -> RecordValues:
        return cls(
            kind=record.kind,
            mode=record.mode,
            held_on=record.held_on,
            place=record.place,
            duration_minutes=record.duration_minutes,
            notes=record.notes,
        )


def record_problems(values: RecordValues, today: date | None = None) -> list[Problem]:
    today = today or clock.today()
    found = _date_problems("held_on", values.held_on, today, required=False)
    if len(values.place.strip()) > 200:
        found.append(_problem("place", "地點最多 200 個字。", "The place has at most 200 characters."))
    if not 0 <= values.duration_minutes <= LONGEST_RECORD_MINUTES:
        found.append(
            _problem(
                "duration_minutes",
                f"時間應為 0 到 {LONGEST_RECORD_MINUTES} 分鐘。",
                f"The duration is 0 to {LONGEST_RECORD_MINUTES} minutes.",
            )
        )
    return found


def _record(session: Session, record_id: uuid.UUID) -> ServiceRecord:
    record = session.get(ServiceRecord, record_id)
    if record is None or record.deleted:
        raise RuleError("找不到這筆紀錄（可能已刪除）。", "This record was not found (it may have been deleted).")
    return record


def _open_case(session: Session, case_id: uuid.UUID) -> Case:
    case = session.get(Case, case_id)
    if case is None or case.deleted:
        raise RuleError("找不到這個個案。", "This case was not found.")
    return case


def _refuse_final(status: RecordStatus) -> None:
    if status == RecordStatus.FINAL:
        raise RuleError(
            "已定稿的紀錄不可修改；如需更正，請新增更正紀錄。",
            "A finalised record cannot be changed; add a correction instead.",
        )


def save_draft_record(
    session: Session, case_id: uuid.UUID, record_id: uuid.UUID | None, values: RecordValues
) -> uuid.UUID:
    """Create or update a draft record; returns its id. A finalised record is refused.

    `record_id` None creates a record with a new id; an id the store does not hold yet creates the record with that
    id. An editor picks the id of a new draft itself, so that autosaves queued before the first one has returned
    update that one draft instead of each making another."""
    problems = record_problems(values)
    if problems:
        raise ProblemsError(problems)
    existing = None if record_id is None else session.get(ServiceRecord, record_id)
    if existing is None:
        _open_case(session, case_id)
        record = ServiceRecord(case_id=case_id, mode=values.mode, held_on=values.held_on or clock.today())
        if record_id is not None:
            record.id = record_id
        session.add(record)
    else:
        record = _record(session, existing.id)
        if record.case_id != case_id:
            raise RuleError("這筆紀錄不屬於此個案。", "This record belongs to another case.")
        _refuse_final(record.status)
    record.kind = values.kind
    record.mode = values.mode
    if values.held_on is not None:
        record.held_on = values.held_on
    record.place = values.place.strip()
    record.duration_minutes = values.duration_minutes
    record.notes = values.notes
    session.flush()
    return record.id


def finalise_record(session: Session, record_id: uuid.UUID) -> None:
    """定稿: the record becomes immutable. It must say what happened (notes) and when (not in the future)."""
    record = _record(session, record_id)
    _refuse_final(record.status)
    problems = record_problems(RecordValues.of(record))
    if not record.notes.strip():
        problems.append(_problem("notes", "定稿前請填寫紀錄內容。", "Write the notes before finalising."))
    if problems:
        raise ProblemsError(problems)
    record.status = RecordStatus.FINAL
    record.finalised_at = clock.now()


def discard_draft_record(session: Session, record_id: uuid.UUID) -> None:
    """A draft made by mistake is tombstoned (synced rows are never deleted); finalised records stay."""
    record = _record(session, record_id)
    _refuse_final(record.status)
    record.deleted = True


def add_correction(session: Session, record_id: uuid.UUID) -> uuid.UUID:
    """A new draft correcting the finalised record, starting from its content; an unfinished correction of the same
    record is returned instead of starting a second one."""
    original = _record(session, record_id)
    if original.status != RecordStatus.FINAL:
        raise RuleError("草稿可以直接修改，不需要更正紀錄。", "A draft can be edited directly; it needs no correction.")
    pending = session.scalar(
        select(ServiceRecord.id).where(
            ServiceRecord.corrects_id == original.id,
            ServiceRecord.status == RecordStatus.DRAFT,
            ServiceRecord.deleted.is_(False),
        )
    )
    if pending is not None:
        return pending
    correction = ServiceRecord(
        case_id=original.case_id,
        kind=original.kind,
        mode=original.mode,
        held_on=original.held_on,
        place=original.place,
        duration_minutes=original.duration_minutes,
        notes=original.notes,
        corrects_id=original.id,
    )
    session.add(correction)
    session.flush()
    return correction.id


def mark_registered(session: Session, record_id: uuid.UUID, registered_on: date | None) -> None:
    """已登錄系統: the day a finalised record was entered into the national system (None clears it)."""
    record = _record(session, record_id)
    if record.status != RecordStatus.FINAL:
        raise RuleError("請先定稿，再登錄職重系統。", "Finalise the record before entering it into the system.")
    if registered_on is not None:
        problems = _date_problems("registered_on", registered_on, clock.today(), required=False)
        if registered_on < record.held_on:
            problems.append(
                _problem("registered_on", "登錄日不能早於服務日期。", "It cannot be entered before the service date.")
            )
        if problems:
            raise ProblemsError(problems)
    record.registered_on = registered_on


@dataclass(frozen=True)
class ContactAttemptValues:
    """One try to reach the client: when (aware datetime), how, what came of it."""

    attempted_at: datetime
    channel: ContactMode
    outcome: ContactOutcome
    note: str = ""


def add_contact_attempt(session: Session, case_id: uuid.UUID, values: ContactAttemptValues) -> uuid.UUID:
    """Append a contact attempt (the log 失聯 closures need); attempts are never changed afterwards."""
    if values.attempted_at.tzinfo is None:
        raise ValueError("attempted_at must carry a time zone")
    if values.attempted_at > clock.now():
        raise ProblemsError(
            [_problem("attempted_at", "聯繫時間不能晚於現在。", "The attempt cannot be later than now.")]
        )
    _open_case(session, case_id)
    attempt = ContactAttempt(
        case_id=case_id,
        attempted_at=values.attempted_at,
        channel=values.channel,
        outcome=values.outcome,
        note=values.note.strip(),
    )
    session.add(attempt)
    session.flush()
    return attempt.id


# --- 需求評估 ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AssessmentValues:
    """The 需求評估 form; `assessed_on` None keeps the stored date (today for a new draft), as for records."""

    assessed_on: date | None
    methods: tuple[str, ...] = ()
    work_ability: str = ""
    vocational_interest: str = ""
    support_needs: str = ""
    family_support: str = ""
    needs_vocational_evaluation: bool = False
    recommended_services: tuple[str, ...] = ()
    summary: str = ""

    @classmethod
    def of(cls, assessment: NeedsAssessment) -> AssessmentValues:
        return cls(
            assessed_on=assessment.assessed_on,
            methods=tuple(assessment.methods),
            work_ability=assessment.work_ability,
            vocational_interest=assessment.vocational_interest,
            support_needs=assessment.support_needs,
            family_support=assessment.family_support,
            needs_vocational_evaluation=assessment.needs_vocational_evaluation,
            recommended_services=tuple(assessment.recommended_services),
            summary=assessment.summary,
        )


def assessment_problems(values: AssessmentValues, today: date | None = None) -> list[Problem]:
    found = _date_problems("assessed_on", values.assessed_on, today or clock.today(), required=False)
    if any(not codes.is_valid(codes.SERVICE_KINDS, code) for code in values.recommended_services):
        found.append(_problem("recommended_services", "建議服務不在清單中。", "Unknown recommended service."))
    return found


def _assessment(session: Session, assessment_id: uuid.UUID) -> NeedsAssessment:
    assessment = session.get(NeedsAssessment, assessment_id)
    if assessment is None or assessment.deleted:
        raise RuleError("找不到這份需求評估。", "This needs assessment was not found.")
    return assessment


def save_assessment_draft(
    session: Session, case_id: uuid.UUID, assessment_id: uuid.UUID | None, values: AssessmentValues
) -> uuid.UUID:
    """Create or update a draft needs assessment; returns its id. Ids work as in :func:`save_draft_record`."""
    problems = assessment_problems(values)
    if problems:
        raise ProblemsError(problems)
    existing = None if assessment_id is None else session.get(NeedsAssessment, assessment_id)
    if existing is None:
        _open_case(session, case_id)
        assessment = NeedsAssessment(case_id=case_id, assessed_on=values.assessed_on or clock.today())
        if assessment_id is not None:
            assessment.id = assessment_id
        session.add(assessment)
    else:
        assessment = _assessment(session, existing.id)
        if assessment.case_id != case_id:
            raise RuleError("這份評估不屬於此個案。", "This assessment belongs to another case.")
        _refuse_final(assessment.status)
    if values.assessed_on is not None:
        assessment.assessed_on = values.assessed_on
    assessment.methods = list(values.methods)
    assessment.work_ability = values.work_ability
    assessment.vocational_interest = values.vocational_interest
    assessment.support_needs = values.support_needs
    assessment.family_support = values.family_support
    assessment.needs_vocational_evaluation = values.needs_vocational_evaluation
    assessment.recommended_services = list(values.recommended_services)
    assessment.summary = values.summary
    assessment.assessor = assessment.assessor or _actor(session)
    session.flush()
    return assessment.id


def finalise_assessment(session: Session, assessment_id: uuid.UUID) -> None:
    """定稿 the assessment: it needs at least one method and a summary, and becomes immutable."""
    assessment = _assessment(session, assessment_id)
    _refuse_final(assessment.status)
    problems = assessment_problems(AssessmentValues.of(assessment))
    if not assessment.methods:
        problems.append(_problem("methods", "請勾選至少一種評估方式。", "Tick at least one method."))
    if not assessment.summary.strip():
        problems.append(_problem("summary", "定稿前請填寫評估摘要。", "Write the summary before finalising."))
    if problems:
        raise ProblemsError(problems)
    assessment.status = RecordStatus.FINAL
