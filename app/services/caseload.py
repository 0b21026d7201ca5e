"""我的個案 (the caseload): which cases match a search and filters, in which order, and their display rows.

The caseload table holds only case ids (STYLE.md, Anki's browser): `case_ids` answers a search with the filtered,
sorted ids, and `case_rows` builds the display rows of one screenful of them when the table needs them. Both run a
handful of queries however many cases there are.

"Overdue" and "next due" come from the deadline engine's own rules (`deadline_rules`), run on facts read in a few
aggregate queries rather than on every record: the one rule with many items per case, 2週內登錄 (service entry),
has a due date that grows with the service date, so its earliest item is the earliest unregistered service's. A
test checks the result against `agenda.due_items`.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, Final

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    String,
    bindparam,
    case,
    exists,
    func,
    literal,
    literal_column,
    null,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session

from app.errors import Language
from app.models import Case, Client, ContactAttempt, DisabilityCertificate, Employment, Referral, ServiceRecord
from app.models.enums import ContactOutcome, Programme, RecordStatus, ReferralResponse, Stage
from app.services import clock, codes, labels
from app.services.deadline_rules import RULES_FOR_CLOSED_CASES, RULES_FOR_OPEN_CASES
from app.services.deadlines import CaseFacts, CertificateFact, EmploymentFact, ReferralFact, ServiceFact
from app.services.rocdate import format_roc
from app.services.workdays import national_calendar
from app.store.search import search_clients

__all__ = [
    "SEARCH_LIMIT",
    "CaseFilter",
    "CaseList",
    "CaseRow",
    "DueState",
    "SortKey",
    "case_ids",
    "case_list",
    "case_owners",
    "case_rows",
    "due_states",
    "masked",
]

# Clients a text search lists at most, best matches first (search_clients' own default). A case manager's caseload
# is far smaller; on a 50,000-client store a surname such as 陳 matches about a thousand, and listing them all would
# cost each keystroke tens of milliseconds of reading scattered rows, for nothing: the case manager types on.
SEARCH_LIMIT: Final = 200
# Stands in for the record id of the earliest unregistered service: a due state needs only its date.
_AGGREGATED: Final = uuid.UUID(int=0)


class SortKey(StrEnum):
    NAME = "name"  # 姓名
    OPENED = "opened"  # 開案日; the application date (申請日) of a case not opened (yet)
    STAGE = "stage"  # 階段 A..G
    LAST_CONTACT = "last_contact"  # 最近聯繫; never contacted counts as longest ago
    NEXT_DUE = "next_due"  # 下次期限; nothing owed counts as furthest away


@dataclass(frozen=True)
class CaseFilter:
    """What the caseload shows. Empty or None fields do not filter."""

    text: str = ""  # name (any part of a Chinese name), ID number, phone (its last digits too)
    owners: frozenset[str] | None = None  # 承辦人 usernames
    programme: Programme | None = None
    stage: Stage | None = None
    county: str | None = None  # county code of the serving office
    target_group: str | None = None  # 特定對象 code
    overdue_only: bool = False
    include_closed: bool = False  # closed (結案, 不開案) cases are hidden unless asked for


@dataclass(frozen=True)
class DueState:
    """The earliest deadline a case owes (a milestone to know about is not owed) and whether it has passed."""

    next_due_on: date | None
    overdue: bool
    what_zh: str = ""
    what_en: str = ""

    def what(self, language: Language = "zh-TW") -> str:
        return self.what_en if language == "en" else self.what_zh


NOTHING_DUE: Final = DueState(None, False)


@dataclass(frozen=True)
class CaseRow:
    """One line of the caseload table: display text in the user's language plus the values behind it."""

    case_id: uuid.UUID
    client_id: uuid.UUID
    name: str
    id_number: str  # shown in full: the case manager owns the case; `masked` is there for lists that must not
    programme: Programme
    programme_label: str
    stage: Stage
    stage_label: str
    county: str
    county_label: str
    owner: str
    application_date: date
    opened_on: date | None
    closed: bool
    last_contact_on: date | None
    due: DueState

    @property
    def next_due_on(self) -> date | None:
        return self.due.next_due_on

    @property
    def overdue(self) -> bool:
        return self.due.overdue

    @property
    def opened_roc(self) -> str:
        return _roc(self.opened_on)

    @property
    def application_roc(self) -> str:
        return _roc(self.application_date)

    @property
    def last_contact_roc(self) -> str:
        return _roc(self.last_contact_on)

    @property
    def next_due_roc(self) -> str:
        return _roc(self.due.next_due_on)


def _roc(d: date | None) -> str:
    return format_roc(d, "short") if d is not None else ""


def masked(id_number: str) -> str:
    """An ID number with its middle hidden (A12****789), for lists seen by people who do not own the case."""
    if len(id_number) <= 6:
        return "*" * len(id_number)
    return id_number[:3] + "*" * (len(id_number) - 6) + id_number[-3:]


# --- ids --------------------------------------------------------------------------------------------------------
#
# Internally cases are keyed by the 32-digit hex text the store keeps (SQLAlchemy's Uuid on SQLite): turning tens
# of thousands of them into uuid.UUID objects for every query would cost more than the queries. A set of cases is
# handed to SQL as one JSON array (`json_each`), which neither hits SQLite's limit on bound parameters nor
# re-runs the filter query for each of the queries that read the cases' facts.


def _hex(column: Any) -> ColumnElement[str]:
    return type_coerce(column, String)


def _among(column: Any, listed: str | None = None) -> ColumnElement[bool]:
    """`column` is one of the hex ids of a JSON array: `listed`, or the statement's `:listed` parameter."""
    param = bindparam("listed", type_=String) if listed is None else bindparam(None, listed, type_=String)
    values = func.json_each(param).table_valued("value")
    return _hex(column).in_(select(values.c.value))


def _is_closed() -> ColumnElement[bool]:
    return or_(Case.closed_on.is_not(None), Case.stage == Stage.G)


def _filtered(session: Session, case_filter: CaseFilter) -> tuple[Select[str] | None, bool]:
    """Hex ids of the live cases matching the filter (not yet the overdue part), None when a search matches nobody;
    and whether the search matched more clients than `SEARCH_LIMIT`."""
    stmt = (
        select(_hex(Case.id))
        .join(Client, Client.id == Case.client_id)
        .where(Case.deleted.is_(False), Client.deleted.is_(False))
    )
    query = case_filter.text.strip()
    truncated = False
    if query:
        client_ids = search_clients(session.connection(), query, limit=SEARCH_LIMIT + 1)
        if not client_ids:
            return None, False
        truncated = len(client_ids) > SEARCH_LIMIT
        client_ids = client_ids[:SEARCH_LIMIT]
        stmt = stmt.where(_among(Case.client_id, json.dumps([c.hex for c in client_ids])))
    if case_filter.owners is not None:
        stmt = stmt.where(Case.owner.in_(sorted(case_filter.owners)))
    if case_filter.programme is not None:
        stmt = stmt.where(Case.programme == case_filter.programme)
    if case_filter.stage is not None:
        stmt = stmt.where(Case.stage == case_filter.stage)
    if case_filter.county:
        stmt = stmt.where(Case.county == case_filter.county)
    if case_filter.target_group:
        groups = func.json_each(Client.target_groups).table_valued("value")
        stmt = stmt.where(
            exists(select(literal_column("1")).select_from(groups).where(groups.c.value == case_filter.target_group))
        )
    if not case_filter.include_closed:
        stmt = stmt.where(~_is_closed())
    return stmt, truncated


def case_ids(
    session: Session,
    case_filter: CaseFilter,
    sort_key: SortKey = SortKey.NAME,
    descending: bool = False,
    on_date: date | None = None,
) -> list[uuid.UUID]:
    """The ids of the cases matching `case_filter`, sorted; ties go by name, then application date.

    With a search text, the cases whose client's name contains it come first: the others were found through the
    contact person (聯絡人), which the list does not show, and would otherwise bury the name being typed.
    `on_date` (default: today in Taiwan) is the day against which deadlines are overdue.
    """
    return _case_ids(session, case_filter, sort_key, descending, on_date)[0]


def _case_ids(
    session: Session, case_filter: CaseFilter, sort_key: SortKey, descending: bool, on_date: date | None
) -> tuple[list[uuid.UUID], bool]:
    stmt, truncated = _filtered(session, case_filter)
    if stmt is None:
        return [], False
    query = case_filter.text.strip()
    lead = case((Client.name.contains(query, autoescape=True), 0), else_=1) if query else literal(0)
    order: list[Any] = [lead] if query else []
    if sort_key in _SQL_ORDER:
        expression = _SQL_ORDER[sort_key]
        order.append(expression.desc() if descending else expression.asc())
    conn = session.connection()
    found = conn.execute(stmt.add_columns(lead).order_by(*order, Client.name, Case.application_date, Case.id)).all()
    ids = [key for key, _ in found]
    leads: dict[str, int] = {key: rank for key, rank in found}
    sign = -1 if descending else 1  # not reverse=True: ties keep their name order either way
    if case_filter.overdue_only or sort_key is SortKey.NEXT_DUE:
        states = _states(_due_facts(conn, json.dumps(ids)), on_date)
        if case_filter.overdue_only:
            ids = [i for i in ids if i in states and states[i].overdue]
        if sort_key is SortKey.NEXT_DUE:
            # Nothing owed sorts as furthest away.
            ids.sort(
                key=lambda i: (leads[i], sign * _ordinal(states[i].next_due_on if i in states else None, date.max))
            )
    elif sort_key is SortKey.LAST_CONTACT:
        contacts = _last_contacts(conn, json.dumps(ids))[0]
        # Never contacted sorts as longest ago.
        ids.sort(key=lambda i: (leads[i], sign * _ordinal(contacts.get(i), date.min)))
    return [uuid.UUID(i) for i in ids], truncated


_SQL_ORDER: Final[dict[SortKey, ColumnElement[Any]]] = {
    SortKey.NAME: Client.name.expression,
    SortKey.OPENED: func.coalesce(Case.opened_on, Case.application_date),
    SortKey.STAGE: Case.stage.expression,
}


def _ordinal(value: date | None, missing: date) -> int:
    return (value or missing).toordinal()


def case_owners(session: Session) -> list[str]:
    """承辦人 of the live cases in the store: one on a case manager's laptop, a team on a supervisor's."""
    return list(session.scalars(select(Case.owner).where(Case.deleted.is_(False)).distinct().order_by(Case.owner)))


# --- deadlines --------------------------------------------------------------------------------------------------


def due_states(session: Session, ids: Iterable[uuid.UUID], on_date: date | None = None) -> dict[uuid.UUID, DueState]:
    """The due state of each of the cases `ids`; cases owing nothing are left out."""
    facts = _due_facts(session.connection(), json.dumps([i.hex for i in ids]))
    return {uuid.UUID(key): state for key, state in _states(facts, on_date).items()}


def _states(cases: dict[str, CaseFacts], on_date: date | None) -> dict[str, DueState]:
    on = on_date if on_date is not None else clock.today()
    calendar = national_calendar()
    states: dict[str, DueState] = {}
    for key, facts in cases.items():
        rules = RULES_FOR_CLOSED_CASES if facts.is_closed else RULES_FOR_OPEN_CASES
        first = None
        for rule in rules:
            for pending in rule(facts, on, calendar):
                if not pending.informative and (first is None or pending.due_on < first.due_on):
                    first = pending
        if first is not None:
            states[key] = DueState(first.due_on, first.due_on < on, first.title_zh, first.title_en)
    return states


# The case columns the deadline rules read.
_FACT_COLUMNS: Final = (
    _hex(Case.id).label("key"),
    Case.id,
    _hex(Case.client_id).label("client_key"),
    Case.owner,
    Case.programme,
    Case.stage,
    Case.intake_assessed_on,
    Case.reply_sent_on,
    Case.opened_on,
    Case.closed_on,
)


# The queries that read the facts of a set of cases, given as the JSON array `:listed` of their hex ids.
_CASE_FACTS: Final = select(*_FACT_COLUMNS).where(_among(Case.id))
_CASE_ROWS: Final = (
    select(*_FACT_COLUMNS, Case.client_id, Client.name, Client.id_number, Case.county, Case.application_date)
    .join(Client, Client.id == Case.client_id)
    .where(_among(Case.id), Case.deleted.is_(False))
)
_SERVICE_DATES: Final = (
    select(
        _hex(ServiceRecord.case_id),
        func.max(ServiceRecord.held_on),
        func.min(case((ServiceRecord.registered_on.is_(None), ServiceRecord.held_on), else_=null())),
    )
    .where(_among(ServiceRecord.case_id), ServiceRecord.deleted.is_(False), ServiceRecord.status == RecordStatus.FINAL)
    .group_by(ServiceRecord.case_id)
)
_LAST_REACHED: Final = (
    select(_hex(ContactAttempt.case_id), func.max(ContactAttempt.attempted_at))
    .where(
        _among(ContactAttempt.case_id),
        ContactAttempt.deleted.is_(False),
        ContactAttempt.outcome == ContactOutcome.REACHED,
    )
    .group_by(ContactAttempt.case_id)
)
_OPEN_REFERRALS: Final = select(
    Referral.id,
    _hex(Referral.case_id).label("case_key"),
    Referral.kind,
    Referral.service_kind,
    Referral.sent_on,
    Referral.response,
    Referral.responded_on,
).where(_among(Referral.case_id), Referral.deleted.is_(False), Referral.follow_up_done_on.is_(None))
_EMPLOYMENTS: Final = select(
    Employment.id, _hex(Employment.case_id), Employment.start_on, Employment.end_on, Employment.supported
).where(_among(Employment.case_id), Employment.deleted.is_(False))
_CERTIFICATES: Final = select(
    DisabilityCertificate.id,
    _hex(DisabilityCertificate.client_id),
    DisabilityCertificate.expires_on,
    DisabilityCertificate.reassess_on,
    DisabilityCertificate.no_expiry,
).where(
    _hex(DisabilityCertificate.client_id).in_(select(_hex(Case.client_id)).where(_among(Case.id))),
    DisabilityCertificate.deleted.is_(False),
)


def _last_contacts(conn: Connection, listed: str) -> tuple[dict[str, date], dict[str, date]]:
    """最近聯繫 (the latest finalised record or successful contact, on its day in Taiwan) of the cases `listed`,
    and the date of each case's earliest finalised service not yet entered into the national system."""
    last_contact: dict[str, date] = {}
    earliest_unregistered: dict[str, date] = {}
    for case_id, latest, unregistered in conn.execute(_SERVICE_DATES, {"listed": listed}):
        last_contact[case_id] = _as_date(latest)
        if unregistered is not None:
            earliest_unregistered[case_id] = _as_date(unregistered)
    for case_id, reached_at in conn.execute(_LAST_REACHED, {"listed": listed}):
        reached_on = clock.local_date(_as_utc(reached_at))
        last_contact[case_id] = max(reached_on, last_contact.get(case_id, reached_on))
    return last_contact, earliest_unregistered


def _due_facts(conn: Connection, listed: str, cases: Iterable[Any] | None = None) -> dict[str, CaseFacts]:
    """The deadline engine's facts of the cases `listed`, reduced to what decides each case's earliest deadline
    (see the module doc). `cases` are their rows with `_FACT_COLUMNS`, when the caller has read them already."""
    if cases is None:
        cases = conn.execute(_CASE_FACTS, {"listed": listed})
    last_contact, earliest_unregistered = _last_contacts(conn, listed)
    referrals = _referral_facts(conn, listed)
    employments: dict[str, list[EmploymentFact]] = defaultdict(list)
    for emp_id, case_id, start_on, end_on, supported in conn.execute(_EMPLOYMENTS, {"listed": listed}):
        employments[case_id].append(EmploymentFact(emp_id, start_on, end_on, supported))
    certificates: dict[str, list[CertificateFact]] = defaultdict(list)
    for cert_id, client_id, expires_on, reassess_on, no_expiry in conn.execute(_CERTIFICATES, {"listed": listed}):
        certificates[client_id].append(CertificateFact(cert_id, expires_on, reassess_on, no_expiry))

    facts: dict[str, CaseFacts] = {}
    for row in cases:
        unregistered = earliest_unregistered.get(row.key)
        facts[row.key] = CaseFacts(
            case_id=row.id,
            owner=row.owner,
            client_name="",
            programme=row.programme.value,
            stage=row.stage.value,
            intake_assessed_on=row.intake_assessed_on,
            reply_sent_on=row.reply_sent_on,
            opened_on=row.opened_on,
            closed_on=row.closed_on,
            last_contact_on=last_contact.get(row.key),
            services=(ServiceFact(_AGGREGATED, unregistered, None),) if unregistered is not None else (),
            referrals=tuple(referrals.get(row.key, ())),
            employments=tuple(employments.get(row.key, ())),
            certificates=tuple(certificates.get(row.client_key, ())),
        )
    return facts


def _referral_facts(conn: Connection, listed: str) -> dict[str, list[ReferralFact]]:
    """Referrals still waiting for their follow-up: every referral rule is settled once it is recorded."""
    found: dict[str, list[ReferralFact]] = defaultdict(list)
    for ref in conn.execute(_OPEN_REFERRALS, {"listed": listed}):
        kind = codes.service_kind(ref.service_kind) if ref.service_kind else None
        found[ref.case_key].append(
            ReferralFact(
                referral_id=ref.id,
                kind=ref.kind.value,
                service_kind=ref.service_kind,
                needs_one_month_follow_up=bool(kind and kind.needs_referral_followup),
                is_job_redesign=bool(kind and kind.job_redesign),
                sent_on=ref.sent_on,
                accepted_on=ref.responded_on if ref.response == ReferralResponse.ACCEPTED else None,
                follow_up_done_on=None,
            )
        )
    return found


def _as_date(value: date | str) -> date:
    # Aggregates may lose the column type; SQLite then hands back the stored ISO text.
    return value if isinstance(value, date) else date.fromisoformat(value)


def _as_utc(value: datetime | str) -> datetime:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


# --- rows -------------------------------------------------------------------------------------------------------


def case_rows(
    session: Session,
    ids: Iterable[uuid.UUID],
    *,
    on_date: date | None = None,
    language: Language = "zh-TW",
) -> dict[uuid.UUID, CaseRow]:
    """Display rows of the given cases (ids of deleted or unknown cases are left out), in six queries."""
    listed = json.dumps(list(dict.fromkeys(i.hex for i in ids)))
    conn = session.connection()
    found = conn.execute(_CASE_ROWS, {"listed": listed}).all()
    if not found:
        return {}
    facts = _due_facts(conn, listed, found)
    states = _states(facts, on_date)
    counties = {county.code: county.label(language) for county in codes.counties()}
    return {
        r.id: CaseRow(
            case_id=r.id,
            client_id=r.client_id,
            name=r.name,
            id_number=r.id_number,
            programme=r.programme,
            programme_label=labels.label(r.programme, language),
            stage=r.stage,
            stage_label=labels.label(r.stage, language),
            county=r.county,
            # A county an agency has since removed from its list still shows, by its code.
            county_label=counties.get(r.county, r.county),
            owner=r.owner,
            application_date=r.application_date,
            opened_on=r.opened_on,
            closed=facts[r.key].is_closed,
            last_contact_on=facts[r.key].last_contact_on,
            due=states.get(r.key, NOTHING_DUE),
        )
        for r in found
    }


@dataclass(frozen=True)
class CaseList:
    """What one search shows: every matching id in order, and the rows of the first screenful."""

    ids: list[uuid.UUID]
    rows: dict[uuid.UUID, CaseRow]
    truncated: bool = False  # the search matched more than SEARCH_LIMIT clients; only the best ones are listed


def case_list(
    session: Session,
    case_filter: CaseFilter,
    sort_key: SortKey = SortKey.NAME,
    descending: bool = False,
    *,
    on_date: date | None = None,
    language: Language = "zh-TW",
    first: int = 60,
) -> CaseList:
    """`case_ids`, plus the rows of the first `first` of them, in one job: a search paints without placeholders."""
    on = on_date if on_date is not None else clock.today()
    ids, truncated = _case_ids(session, case_filter, sort_key, descending, on)
    return CaseList(ids, case_rows(session, ids[:first], on_date=on, language=language), truncated)
