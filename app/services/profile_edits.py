"""基本資料: what the profile tab saves (the client's particulars and disability certificates), as plain values
checked before anything changes.

Each form hands over a frozen dataclass of what is on screen. The `*_problems` functions check those values without
a session, so a form can run them on the GUI thread and show each problem beside its field; the saving functions
run them again inside the job (a form is never trusted) and raise :class:`ProblemsError` with every problem at once,
having changed nothing. `Problem.field` is the dataclass attribute's name (`certificate.0.expires_on` for the first
certificate), which is how a form finds the field to show the message beside.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import Problem, ProblemsError, RuleError, ValidationError
from app.models import Client, DisabilityCertificate
from app.models.enums import CertificateSystem, Gender, IdKind
from app.services import clock, codes
from app.services.case_edits_common import date_problems, problem
from app.services.validation import id_number_kind, validate_id_number, validate_phone

OLDEST_AGE_YEARS = 120


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
        found.append(problem("name", "請輸入姓名。", "Please enter the name."))
    for name, limit in _TEXT_LIMITS.items():
        if len(str(getattr(values, name)).strip()) > limit:
            found.append(problem(name, f"最多 {limit} 個字。", f"At most {limit} characters."))
    try:
        validate_id_number(values.id_number)
    except ValidationError as error:
        found.append(problem("id_number", error.message_zh, error.message_en))
    found.extend(date_problems("birth_date", values.birth_date, today, required=True))
    if values.birth_date is not None and values.birth_date.year < today.year - OLDEST_AGE_YEARS:
        found.append(
            problem("birth_date", "出生日期過早，請確認年份。", "The birth date is too early; check the year.")
        )
    for prefix in ("household", "residence"):
        county = getattr(values, f"{prefix}_county")
        if county is not None and not codes.is_valid(codes.COUNTIES, county):
            found.append(problem(f"{prefix}_county", "請從清單選擇縣市。", "Choose a county from the list."))
        if county is None and getattr(values, f"{prefix}_township").strip():
            found.append(problem(f"{prefix}_county", "請先選擇縣市。", "Choose the county first."))
    for name in _PHONES:
        text = getattr(values, name)
        if text.strip():
            try:
                validate_phone(text, name)
            except ValidationError as error:
                found.append(problem(name, error.message_zh, error.message_en))
    for name, list_name in _CLIENT_CODES:
        code = getattr(values, name)
        if code is not None and not codes.is_valid(list_name, code):
            found.append(problem(name, "請從清單選擇。", "Choose from the list."))
    if any(not codes.is_valid(codes.TARGET_GROUPS, code) for code in values.target_groups):
        found.append(problem("target_groups", "特定對象身分不在清單中。", "Unknown target group."))
    if values.data_consent:
        found.extend(date_problems("data_consent_on", values.data_consent_on, today, required=True))
    return found


def certificate_problems(values: CertificateValues, index: int, today: date | None = None) -> list[Problem]:
    """Everything wrong with one certificate; fields are named `certificate.<index>.<attribute>`."""
    if values.removed:
        return []
    today = today or clock.today()
    prefix = f"certificate.{index}."
    found: list[Problem] = []
    list_name = codes.DISABILITY_NEW_SYSTEM if values.system == CertificateSystem.NEW else codes.DISABILITY_OLD_SYSTEM
    if not values.categories:
        found.append(problem(prefix + "categories", "請至少勾選一個障礙類別。", "Tick at least one category."))
    elif any(not codes.is_valid(list_name, code) for code in values.categories):
        found.append(
            problem(
                prefix + "categories",
                "障礙類別與證明種類（新制／舊制）不符。",
                "The categories do not belong to this kind of certificate (new / old system).",
            )
        )
    if values.severity is None or not codes.is_valid(codes.SEVERITIES, values.severity):
        found.append(problem(prefix + "severity", "請選擇障礙程度。", "Choose the severity."))
    found.extend(date_problems(prefix + "issued_on", values.issued_on, today, required=False))
    if not values.no_expiry and values.expires_on is None:
        found.append(
            problem(
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
            found.append(problem(prefix + name, "不能早於核發日期。", "Cannot be earlier than the date of issue."))
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
                problem(
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
