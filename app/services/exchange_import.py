"""Importing (匯入) is all or nothing: every row of the whole file is checked before anything is written.

A reader (JSON or xlsx) turns the file into `Row`s; `import_rows` checks them all — each field, then the file as a
whole (duplicate ids and ID numbers), then against the store (ids that belong elsewhere, ID numbers of other
clients, references, finalised records, rows the store changed after the file was written) — and raises
`ProblemsError` with every problem found, or writes every row in one transaction. Rows keep the ids of the file, so
importing the same file twice updates instead of duplicating, and an older file is refused rather than allowed to
overwrite newer data (seed 004). Writes go through the ordinary ORM session, so the outbox and the audit log record
each row like a typed edit. Messages show ID numbers masked (A12*****89): the row and field say where the problem is,
and a problem report is often pasted into mail or a ticket.
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.errors import Language, Problem, ProblemsError, ValidationError
from app.models import AuditEntry, Client
from app.models.base import SyncMixin
from app.models.enums import CertificateSystem, IdKind, RecordStatus
from app.services import exchange_schema as schema
from app.services.exchange_schema import Kind
from app.services.exchange_values import TAIWAN, check_codes, mask_id_number, read_value
from app.services.validation import id_number_kind
from app.store.store import Store
from app.store.tracking import INFO_ACTOR, MUTABLE_WHEN_FINAL

_CHUNK: Final = 500  # ids per IN (…) query, well under SQLite's bound-parameter limit


@dataclass(eq=False)
class Row:
    """One row of an import file and where it came from, so every problem can point at it."""

    kind: Kind
    raw: dict[str, object]  # the row's own fields as read (children removed; in xlsx, the parent column removed)
    number: int  # Problem.row: 1-based position of the top-level object (JSON) or the spreadsheet row (xlsx)
    path: str  # locator prefix: "clients[3].cases[0]" (JSON) or the sheet name (xlsx)
    parent: Row | None = None  # the parent row in the same file
    parent_id: uuid.UUID | None = None  # xlsx: a parent that is not in the file but must be in the store
    id: uuid.UUID | None = None
    updated_at: datetime | None = None  # the file's stamp; None if absent (the row cannot be checked for staleness)
    values: dict[str, Any] = field(default_factory=dict)  # content only: `id` and `updated_at` are taken out

    def at(self, key: str) -> str:
        return f"{self.path}.{key}"

    def problem(self, key: str, zh: str, en: str) -> Problem:
        return Problem(self.number, self.at(key), zh, en)

    @property
    def resolved_parent_id(self) -> uuid.UUID | None:
        return self.parent.id if self.parent is not None else self.parent_id


@dataclass(frozen=True)
class ImportSummary:
    """What an import did, per kind key ("clients", "cases", …)."""

    inserted: dict[str, int]
    updated: dict[str, int]
    unchanged: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.inserted.values()) + sum(self.updated.values()) + sum(self.unchanged.values())

    def describe(self, language: Language = "zh-TW") -> str:
        new, changed, same = (sum(d.values()) for d in (self.inserted, self.updated, self.unchanged))
        if language == "en":
            return f"Imported {self.total} rows: {new} new, {changed} updated, {same} unchanged."
        return f"已匯入 {self.total} 筆：新增 {new} 筆、更新 {changed} 筆、未變更 {same} 筆。"


def import_rows(store: Store, rows: Sequence[Row], problems: list[Problem], source: str) -> ImportSummary:
    """Check `rows` (after the reader's own `problems`) and write them all, or raise ProblemsError and write none."""
    with store.transaction() as session:
        # A record may correct, and a plan revise, a row that comes later in the file; foreign keys are checked
        # at commit instead of per INSERT, and every reference was checked to resolve before anything is written.
        session.execute(text("PRAGMA defer_foreign_keys = ON"))
        existing = _Existing(session, rows)
        problems = [*problems, *_check(rows, existing)]
        if problems:
            raise ProblemsError(sorted(problems, key=_file_order))
        summary = _apply(session, rows, existing)
        session.add(
            AuditEntry(
                actor=str(session.info.get(INFO_ACTOR, "")),
                action="import",
                detail=f"{source}: {summary.describe('en')}",
            )
        )
    return summary


# --- checking -----------------------------------------------------------------------------------------------------


class _Existing:
    """The rows of the store the file touches, loaded once: by id, and the clients holding the file's ID numbers."""

    def __init__(self, session: Session, rows: Sequence[Row]) -> None:
        self.session = session
        self._by_id: dict[tuple[Kind, uuid.UUID], SyncMixin] = {}
        wanted: dict[Kind, list[uuid.UUID]] = defaultdict(list)
        for row in rows:
            row_id = _peek_id(row)
            if row_id is not None:
                wanted[row.kind].append(row_id)
        for kind, ids in wanted.items():
            for obj in self.load(kind.model, ids):
                self._by_id[(kind, obj.id)] = obj

    def stored(self, row: Row) -> SyncMixin | None:
        """The store's row with the same id as `row`, if any."""
        return self._by_id.get((row.kind, row.id)) if row.id is not None else None

    def load(self, model: type[SyncMixin], ids: Iterable[uuid.UUID], column: str = "id") -> Iterator[SyncMixin]:
        """Rows of `model` whose `column` is one of `ids` (deleted ones too), queried in chunks."""
        pending = list(dict.fromkeys(ids))
        where = getattr(model, column)
        for start in range(0, len(pending), _CHUNK):
            chunk = pending[start : start + _CHUNK]
            yield from self.session.scalars(select(model).where(where.in_(chunk)))

    def live_ids(self, table: str, ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
        model = schema.model_of_table(table)
        assert issubclass(model, SyncMixin)
        return {obj.id for obj in self.load(model, ids) if not obj.deleted}

    def clients_by_id_number(self, numbers: Iterable[str]) -> dict[str, uuid.UUID]:
        found: dict[str, uuid.UUID] = {}
        pending = list(dict.fromkeys(numbers))
        for start in range(0, len(pending), _CHUNK):
            query = select(Client.id, Client.id_number).where(
                Client.id_number.in_(pending[start : start + _CHUNK]), Client.deleted.is_(False)
            )
            found.update({number: client_id for client_id, number in self.session.execute(query)})
        return found


def _file_order(problem: Problem) -> tuple[str, int]:
    """Problems grouped by top-level list (JSON) or sheet (xlsx), then by row; stable, so a row's problems keep the
    order of the checks (its fields first, then what involves other rows)."""
    return problem.field.split(".")[0].split("[")[0], problem.row or 0


def _peek_id(row: Row) -> uuid.UUID | None:
    """The row's id if it is readable, before the full check (to load the stored rows in one go)."""
    raw = row.raw.get("id")
    try:
        return raw if isinstance(raw, uuid.UUID) else uuid.UUID(str(raw).strip()) if isinstance(raw, str) else None
    except ValueError:
        return None


def _check(rows: Sequence[Row], existing: _Existing) -> list[Problem]:
    problems: list[Problem] = []
    for row in rows:
        problems.extend(_read_row(row))
    problems.extend(_check_file(rows))
    problems.extend(_check_store(rows, existing))
    return problems


def _read_row(row: Row) -> list[Problem]:
    """Read each field of the row into `row.values`, and the checks that need several fields of one row."""
    kind, problems = row.kind, []
    for key in row.raw:
        if key not in kind.by_key:
            problems.append(
                row.problem(key, "不是這類資料的欄位（拼字錯誤？）。", "is not a field of this kind of row.")
            )
    for spec in kind.fields:
        if spec.key not in row.raw:
            if spec.required:
                problems.append(row.problem(spec.key, "缺少必填欄位。", "is required but missing."))
            continue
        try:
            row.values[spec.key] = read_value(spec, row.raw[spec.key])
        except ValidationError as exc:
            zh, en = exc.message_zh, exc.message_en
            if spec.id_number:
                zh, en = (_mask_in(message, row.raw[spec.key]) for message in (zh, en))
            problems.append(row.problem(spec.key, zh, en))
    row.id = row.values.pop("id", None)
    row.updated_at = row.values.pop(schema.STAMP, None)
    problems.extend(_check_row(row))
    return problems


def _mask_in(message: str, raw: object) -> str:
    """The message with every ID number the raw value holds masked (a list or a number may be echoed as read).
    A few characters identify no one, and masking them would garble the message ("A" in "A-Z")."""
    items = raw if isinstance(raw, list) else [raw]
    for item in items:
        if isinstance(item, str | int) and not isinstance(item, bool):
            text = str(item).strip()
            if len(text) > 5:
                message = message.replace(text, mask_id_number(text))
    return message


def _check_row(row: Row) -> Iterator[Problem]:
    model, values = row.kind.model, row.values
    if (model, "id_number") == schema.ID_NUMBER_FIELD and "id_number" in values:
        # The number tells its own kind (身分證, new or old 居留證); a stated kind must agree with it.
        derived = IdKind(id_number_kind(values["id_number"]))
        if values.setdefault("id_kind", derived) != derived:
            yield row.problem(
                "id_kind",
                f"與證號格式不符：這個證號是 {derived.value}。",
                f"does not match the ID number, which is {derived.value}.",
            )
    if (model, "categories") == schema.CATEGORY_FIELD and isinstance(values.get("system"), CertificateSystem):
        list_name = schema.CATEGORY_LISTS[values["system"]]
        try:
            check_codes(row.kind.by_key["categories"], list_name, values.get("categories", []))
        except ValidationError as exc:
            yield row.problem("categories", exc.message_zh, exc.message_en)
    for order_model, earlier, later in schema.DATE_ORDER:
        start, end = values.get(earlier), values.get(later)
        if order_model is model and start is not None and end is not None and end < start:
            yield row.problem(later, f"早於 {earlier}（{start}）。", f"is before {earlier} ({start}).")


def _check_file(rows: Sequence[Row]) -> Iterator[Problem]:
    """Ids and ID numbers must each appear once in the file."""
    first_with_id: dict[uuid.UUID, Row] = {}
    first_with_number: dict[str, Row] = {}
    for row in rows:
        if row.id is not None:
            first = first_with_id.setdefault(row.id, row)
            if first is not row:
                yield row.problem("id", f"與 {first.path} 重複。", f"repeats the id of {first.path}.")
        number = row.values.get("id_number") if row.kind is schema.CLIENTS else None
        if number is not None:
            first = first_with_number.setdefault(number, row)
            if first is not row:
                masked = mask_id_number(number)
                yield row.problem(
                    "id_number",
                    f"證號 {masked} 與第 {first.number} 筆（{first.path}）重複。",
                    f"ID number {masked} repeats row {first.number} ({first.path}).",
                )
    singles: Counter[tuple[Kind, uuid.UUID]] = Counter()
    for row in rows:
        parent_id = row.resolved_parent_id
        if not row.kind.many and parent_id is not None:
            singles[(row.kind, parent_id)] += 1
            if singles[(row.kind, parent_id)] == 2:
                yield row.problem(
                    "id", "同一案件只能有一筆（檔案中重複）。", "only one such row per parent; the file has several."
                )


def _check_store(rows: Sequence[Row], existing: _Existing) -> Iterator[Problem]:
    in_file: dict[str, set[uuid.UUID]] = defaultdict(set)
    for row in rows:
        if row.id is not None:
            in_file[row.kind.table].add(row.id)
    for row in rows:
        yield from _check_against_stored_row(row, existing)
    yield from _check_id_numbers(rows, existing)
    yield from _check_references(rows, existing, in_file)
    yield from _check_single_children(rows, existing)


def _check_against_stored_row(row: Row, existing: _Existing) -> Iterator[Problem]:
    stored = existing.stored(row)
    if stored is None:
        return
    if stored.deleted:
        # Reviving a row someone deleted here would let an old file overwrite a newer decision (seed 004).
        yield row.problem(
            "id", "這筆資料已在本機刪除，不會由匯入恢復。", "was deleted in this store; import does not revive it."
        )
        return
    fk = row.kind.parent_fk
    if fk is not None and getattr(stored, fk) != row.resolved_parent_id:
        yield row.problem(
            "id",
            "在資料庫中屬於另一筆上層資料（個案／案件／計畫），不能移到這裡。",
            "belongs to another parent (client, case or plan) in the store and cannot be moved here.",
        )
    differing = [key for key, value in row.values.items() if getattr(stored, key) != value]
    if differing and row.updated_at is not None and stored.updated_at > row.updated_at:
        # The store changed the row after the file was written: importing would put the older content back over
        # the newer (seed 004). Each field it would overwrite is named; nothing else matters for this row then.
        here, there = _when(stored.updated_at), _when(row.updated_at)
        for key in differing:
            yield row.problem(
                key,
                f"本機的這筆資料比檔案中的新（本機最後修改於 {here}，檔案中為 {there}），且此欄內容不同；"
                "匯入會以舊資料覆蓋新資料。請重新匯出最新的檔案，或先核對本機的修改。",
                f"the store's record is newer than the file's (changed here {here}, in the file {there}) and this "
                "field differs; importing would overwrite newer data with older. Export a fresh file, or check the "
                "change made here first.",
            )
        return
    if str(getattr(stored, "status", "")) == RecordStatus.FINAL.value:
        for key in differing:
            if key not in MUTABLE_WHEN_FINAL:
                yield row.problem(
                    key,
                    "這筆紀錄已定稿，不可修改；如需更正，請新增一筆更正紀錄。",
                    "belongs to a finalised record, which cannot change; add a correcting record instead.",
                )


def _when(moment: datetime) -> str:
    """A stamp as a case manager reads it: Taiwan time, to the second."""
    return moment.astimezone(TAIWAN).strftime("%Y-%m-%d %H:%M:%S") + " (UTC+8)"


def _check_id_numbers(rows: Sequence[Row], existing: _Existing) -> Iterator[Problem]:
    clients = [row for row in rows if row.kind is schema.CLIENTS and "id_number" in row.values]
    holders = existing.clients_by_id_number(row.values["id_number"] for row in clients)
    for row in clients:
        holder = holders.get(row.values["id_number"])
        if holder is not None and holder != row.id:
            masked = mask_id_number(row.values["id_number"])
            yield row.problem(
                "id_number",
                f"資料庫中已有證號 {masked} 的另一位個案（識別碼 {holder}）；若是同一人，請使用該識別碼。",
                f"another client in the store (id {holder}) has ID number {masked}; use that id if it is the same "
                "person.",
            )


def _check_references(
    rows: Sequence[Row], existing: _Existing, in_file: dict[str, set[uuid.UUID]]
) -> Iterator[Problem]:
    """Every UUID that points to another row (and an xlsx row's parent outside the file) must resolve."""
    pointers: list[tuple[Row, str, str, uuid.UUID]] = []
    for row in rows:
        for spec in row.kind.fields:
            target = row.values.get(spec.key)
            if spec.references is not None and isinstance(target, uuid.UUID):
                pointers.append((row, spec.key, spec.references, target))
        parent = row.kind.parent_field
        if row.parent is None and parent is not None and parent.references is not None and row.parent_id is not None:
            pointers.append((row, parent.key, parent.references, row.parent_id))
    wanted: dict[str, set[uuid.UUID]] = defaultdict(set)
    for _, _, table, target in pointers:
        if target not in in_file[table]:
            wanted[table].add(target)
    stored = {table: existing.live_ids(table, ids) for table, ids in wanted.items()}
    for row, key, table, target in pointers:
        if target not in in_file[table] and target not in stored[table]:
            yield row.problem(
                key,
                f"指向的資料（{table} {target}）不在檔案中，也不在資料庫中。",
                f"points to a {table} row ({target}) that is neither in the file nor in the store.",
            )


def _check_single_children(rows: Sequence[Row], existing: _Existing) -> Iterator[Problem]:
    """A case has one closure row for good (a unique column), so another stored one — even deleted — blocks it."""
    for kind in {row.kind for row in rows if not row.kind.many}:
        assert kind.parent_fk is not None
        parents = [p for p in (row.resolved_parent_id for row in rows if row.kind is kind) if p is not None]
        stored = {getattr(obj, kind.parent_fk): obj.id for obj in existing.load(kind.model, parents, kind.parent_fk)}
        for row in (r for r in rows if r.kind is kind):
            holder = stored.get(row.resolved_parent_id)
            if holder is not None and holder != row.id:
                yield row.problem(
                    "id",
                    f"此案件在資料庫中已有另一筆（識別碼 {holder}）；請沿用該識別碼。",
                    f"the case already has another one in the store (id {holder}); reuse that id.",
                )


# --- writing ------------------------------------------------------------------------------------------------------


def _apply(session: Session, rows: Sequence[Row], existing: _Existing) -> ImportSummary:
    inserted: Counter[str] = Counter()
    updated: Counter[str] = Counter()
    unchanged: Counter[str] = Counter()
    stamps: list[tuple[SyncMixin, datetime]] = []
    for row in rows:  # parents come before their children in every reader's order
        values = dict(row.values)
        if row.kind.parent_fk is not None:
            values[row.kind.parent_fk] = row.resolved_parent_id
        stored = existing.stored(row)
        if stored is None:
            obj = row.kind.model(**values) if row.id is None else row.kind.model(id=row.id, **values)  # type: ignore[call-arg]
            session.add(obj)
            row.id = obj.id  # children written next read it through `resolved_parent_id`
            inserted[row.kind.key] += 1
            if row.updated_at is not None:
                stamps.append((obj, row.updated_at))
            continue
        # Only fields whose value really differs are set, so an unchanged row adds nothing to the outbox.
        changes = {key: value for key, value in values.items() if getattr(stored, key) != value}
        for key, value in changes.items():
            setattr(stored, key, value)
        (updated if changes else unchanged)[row.kind.key] += 1
        if changes and row.updated_at is not None:
            stamps.append((stored, row.updated_at))  # never earlier than the stored stamp: _check refused those
    _keep_file_stamps(session, stamps)
    return ImportSummary(dict(inserted), dict(updated), dict(unchanged))


def _keep_file_stamps(session: Session, stamps: list[tuple[SyncMixin, datetime]]) -> None:
    """Give written rows the `updated_at` of the file, i.e. when their content last changed at the source.

    The flush records the outbox operations and stamps each row with the import time; setting the file's stamp
    afterwards changes sync metadata only, which the next flush writes without a new outbox operation. Keeping the
    source's stamp makes a round trip give the same document, and lets a newer file from the same source update a
    row that an import would otherwise have stamped later than the file.
    """
    if not stamps:
        return
    session.flush()
    for obj, stamp in stamps:
        obj.updated_at = stamp
