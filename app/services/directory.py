"""Directories a case manager looks things up in: the 服務單位 directory, and the case managers on file.

服務單位: where to refer a client, with each unit's remaining capacity (尚可容納之服務量, 002 附件一 六). Not knowing
where to refer is one of the pains of seed 000 (A4). The case-manager list and the hand-over previews serve
移案 (seed 000, A7): whom a case can go to, and what its 移案摘要 will say with its open deadlines.
"""

from __future__ import annotations

import unicodedata
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import AppError, Problem, ProblemsError, ValidationError
from app.models import Case, ServiceUnit
from app.models.enums import Stage
from app.services import codes
from app.services.agenda import due_items
from app.services.cases import load_case
from app.services.deadlines import DueItem
from app.services.handover import HandoverSummary, handover_summary, transfer_cases
from app.services.validation import validate_phone

NAME_MAX = 100
ADDRESS_MAX = 200
CONTACT_MAX = 64
EMAIL_MAX = 100
CAPACITY_MAX = 100_000


# ---- 服務單位 ----


@dataclass(frozen=True)
class UnitRow:
    """A service unit as the directory shows it."""

    unit_id: uuid.UUID
    name: str
    service_kinds: tuple[str, ...]  # service_kinds.yaml codes
    county: str
    address: str
    phone: str
    contact_person: str
    email: str
    capacity: int
    current_caseload: int
    notes: str

    @property
    def remaining(self) -> int:
        """尚可容納之服務量 (never below 0, as ServiceUnit.remaining_capacity)."""
        return max(self.capacity - self.current_caseload, 0)

    @property
    def is_full(self) -> bool:
        return self.remaining == 0


@dataclass(frozen=True)
class UnitInput:
    """What the add/edit form holds."""

    name: str
    service_kinds: tuple[str, ...]
    county: str
    address: str = ""
    phone: str = ""
    contact_person: str = ""
    email: str = ""
    capacity: int = 0
    current_caseload: int = 0
    notes: str = ""


def _row(unit: ServiceUnit) -> UnitRow:
    return UnitRow(
        unit_id=unit.id,
        name=unit.name,
        service_kinds=tuple(unit.service_kinds),
        county=unit.county,
        address=unit.address,
        phone=unit.phone,
        contact_person=unit.contact_person,
        email=unit.email,
        capacity=unit.capacity,
        current_caseload=unit.current_caseload,
        notes=unit.notes,
    )


def _fold(text: str) -> str:
    # 台/臺 and compatibility ideographs mean the same; spaces typed between words do not matter.
    return "".join(unicodedata.normalize("NFKC", text).replace("台", "臺").split()).casefold()


def search_units(
    session: Session,
    text: str = "",
    service_kind: str | None = None,
    county: str | None = None,
    *,
    only_with_room: bool = False,
) -> list[UnitRow]:
    """Units whose name contains `text`, offering `service_kind`, in `county`; by county, then name.

    A directory holds tens to a few hundred units, so the filters run over the loaded rows (service kinds are a
    JSON list, which SQL could not filter on without a full scan anyway)."""
    query = select(ServiceUnit).where(ServiceUnit.deleted.is_(False))
    if county:
        query = query.where(ServiceUnit.county == county)
    wanted = _fold(text)
    county_order = {c.code: i for i, c in enumerate(codes.counties())}
    rows = [
        _row(unit)
        for unit in session.scalars(query)
        if (not wanted or wanted in _fold(unit.name))
        and (not service_kind or service_kind in unit.service_kinds)
        and (not only_with_room or unit.remaining_capacity > 0)
    ]
    rows.sort(key=lambda r: (county_order.get(r.county, len(county_order)), r.name))
    return rows


def get_unit(session: Session, unit_id: uuid.UUID) -> UnitRow:
    unit = session.get(ServiceUnit, unit_id)
    if unit is None or unit.deleted:
        raise AppError("找不到這個服務單位（可能已刪除）。", "This service unit was not found (deleted?).")
    return _row(unit)


def validate_email(text: str, field: str = "email") -> str:
    """A plausible e-mail address (one @, a dot in the domain, no spaces), trimmed; ValidationError otherwise."""
    email = unicodedata.normalize("NFKC", text).strip()
    local, _, domain = email.partition("@")
    if not local or "@" in domain or "." not in domain.strip(".") or any(c.isspace() for c in email):
        raise ValidationError(
            field, "電子郵件格式不正確，例如 service@example.org。", "Not an e-mail address (e.g. service@example.org)."
        )
    return email


def check_unit(data: UnitInput) -> list[Problem]:
    """Every problem with a unit's form, each naming its field; empty when it may be saved."""
    problems: list[Problem] = []

    def add(field_name: str, zh: str, en: str) -> None:
        problems.append(Problem(None, field_name, zh, en))

    name = data.name.strip()
    if not name:
        add("name", "請輸入單位名稱。", "Please enter the unit's name.")
    elif len(name) > NAME_MAX:
        add("name", f"單位名稱最多 {NAME_MAX} 個字。", f"A name has at most {NAME_MAX} characters.")
    if not data.service_kinds:
        add("service_kinds", "請至少勾選一項服務。", "Tick at least one service.")
    for kind in data.service_kinds:
        if not codes.is_valid(codes.SERVICE_KINDS, kind):
            add("service_kinds", f"沒有服務項目「{kind}」。", f"Unknown service kind '{kind}'.")
    if data.county not in {c.code for c in codes.counties()}:
        add("county", "請選擇縣市。", "Please choose the county.")
    if data.phone.strip():
        try:
            validate_phone(data.phone)
        except ValidationError as error:
            add("phone", error.message_zh, error.message_en)
    if data.email.strip():
        try:
            validate_email(data.email)
        except ValidationError as error:
            add("email", error.message_zh, error.message_en)
    for field_name, value, limit in (
        ("address", data.address, ADDRESS_MAX),
        ("contact_person", data.contact_person, CONTACT_MAX),
        ("email", data.email, EMAIL_MAX),
    ):
        if len(value.strip()) > limit:
            add(field_name, f"最多 {limit} 個字。", f"At most {limit} characters.")
    if not 0 <= data.capacity <= CAPACITY_MAX:
        add("capacity", "可服務量應為 0 以上的整數。", "Capacity must be 0 or more.")
    if not 0 <= data.current_caseload <= CAPACITY_MAX:
        add("current_caseload", "目前個案數應為 0 以上的整數。", "The current caseload must be 0 or more.")
    return problems


def save_unit(session: Session, data: UnitInput, unit_id: uuid.UUID | None = None) -> UnitRow:
    """Add a unit, or change `unit_id`; refuses (ProblemsError) anything check_unit finds wrong."""
    problems = check_unit(data)
    if problems:
        raise ProblemsError(problems)
    if unit_id is None:
        unit = ServiceUnit(name=data.name.strip(), county=data.county)
        session.add(unit)
    else:
        found = session.get(ServiceUnit, unit_id)
        if found is None or found.deleted:
            raise AppError("找不到這個服務單位（可能已刪除）。", "This service unit was not found (deleted?).")
        unit = found
    order = {k.code: i for i, k in enumerate(codes.code_lists().service_kinds)}
    unit.name = data.name.strip()
    unit.service_kinds = sorted(set(data.service_kinds), key=lambda k: order.get(k, len(order)))
    unit.county = data.county
    unit.address = data.address.strip()
    unit.phone = validate_phone(data.phone) if data.phone.strip() else ""
    unit.contact_person = data.contact_person.strip()
    unit.email = validate_email(data.email) if data.email.strip() else ""
    unit.capacity = data.capacity
    unit.current_caseload = data.current_caseload
    unit.notes = data.notes.strip()
    session.flush()
    return _row(unit)


# ---- case managers and 移案 ----


@dataclass(frozen=True)
class CaseManager:
    username: str
    open_cases: int  # cases not yet closed (stage G)


def case_managers(session: Session) -> list[CaseManager]:
    """Everyone who owns a case in the store, with their open caseload; by username."""
    counts: dict[str, int] = defaultdict(int)
    for owner, stage in session.execute(select(Case.owner, Case.stage).where(Case.deleted.is_(False))):
        counts[owner] += stage != Stage.G
    return [CaseManager(owner, counts[owner]) for owner in sorted(counts)]


def case_deadlines(
    session: Session, case_ids: Iterable[uuid.UUID], on: date | None = None
) -> dict[uuid.UUID, list[DueItem]]:
    """The open deadlines (overdue, due, or coming up) of these cases, from the deadline engine."""
    wanted = set(case_ids)
    owners = set(session.scalars(select(Case.owner).where(Case.id.in_(wanted))))
    found: dict[uuid.UUID, list[DueItem]] = {case_id: [] for case_id in wanted}
    if not owners:
        return found
    for item in due_items(session, on, owners=owners):
        if item.case_id in wanted:
            found[item.case_id].append(item)
    return found


@dataclass(frozen=True)
class HandoverPreview:
    """What the hand-over dialog shows for one case before anything changes."""

    case_id: uuid.UUID
    client_name: str
    owner: str
    stage: Stage
    summary: HandoverSummary
    deadlines: int  # how many open deadlines the summary lists
    overdue: int

    @property
    def text(self) -> str:
        return self.summary.as_text()


def handover_previews(session: Session, case_ids: Sequence[uuid.UUID], on: date | None = None) -> list[HandoverPreview]:
    """The 移案摘要 each case would get if handed over now, in the order given."""
    due = case_deadlines(session, case_ids, on)
    previews: list[HandoverPreview] = []
    for case_id in case_ids:
        case = load_case(session, case_id)
        items = due.get(case_id, [])
        summary = handover_summary(case, items)
        previews.append(
            HandoverPreview(
                case_id=case.id,
                client_name=case.client.name,
                owner=case.owner,
                stage=case.stage,
                summary=summary,
                deadlines=len(items),
                overdue=sum(item.days_left < 0 for item in items),
            )
        )
    return previews


@dataclass(frozen=True)
class HandoverResult:
    to_owner: str
    transferred: tuple[uuid.UUID, ...]
    already_theirs: tuple[uuid.UUID, ...]  # skipped: the receiving case manager owns them already


def hand_over(
    session: Session,
    case_ids: Sequence[uuid.UUID],
    to_owner: str,
    reason: str,
    on: date | None = None,
) -> HandoverResult:
    """移案 with each case's summary and open deadlines frozen in its CaseTransfer; cases the receiver already owns
    are left as they are and reported. All or none of the others move (handover.transfer_cases)."""
    to_owner = to_owner.strip()
    owners = {
        case_id: owner
        for case_id, owner in session.execute(select(Case.id, Case.owner).where(Case.id.in_(list(case_ids))))
    }
    moving = [case_id for case_id in case_ids if owners.get(case_id) != to_owner or not to_owner]
    skipped = tuple(case_id for case_id in case_ids if case_id not in moving)
    if not reason.strip():
        raise ValidationError("reason", "請填寫移案原因。", "Please give the reason for the hand-over.")
    transfers = transfer_cases(
        session, moving, to_owner, on=on, reason=reason.strip(), due=case_deadlines(session, moving, on)
    )
    return HandoverResult(to_owner, tuple(t.case.id for t in transfers), skipped)
