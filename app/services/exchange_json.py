"""The JSON exchange file (format "fieldcase-exchange", version 2; version 1 is still read): the round-trip format,
docs/data-format.md."""

from __future__ import annotations

import contextlib
import enum
import json
import os
import tempfile
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.interfaces import LoaderOption

from app.errors import Problem
from app.models import AuditEntry
from app.models.base import SyncMixin, utcnow
from app.services import exchange_schema as schema
from app.services.exchange_import import ImportSummary, Row, import_rows
from app.services.exchange_schema import ExchangeFileError, Kind
from app.store.store import Store
from app.store.tracking import INFO_ACTOR
from app.store.values import to_json_value

Document = dict[str, Any]

_HEADER_KEYS = ("format", "version", "exported_at")


# --- export -------------------------------------------------------------------------------------------------------


def export_json(store: Store, path: Path | str) -> dict[str, int]:
    """Write every live client (with its certificates and cases, and everything under them) and every service unit
    to `path`; return how many rows of each kind were written. The export is written to the audit log: it
    discloses personal data (個人資料保護法)."""
    path = Path(path)
    with store.transaction() as session:
        document = build_document(session)
        content = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        write_private(path, lambda file: file.write(content))
        counts = count_rows(document)
        audit_export(session, path, counts)
    return counts


def build_document(session: Session) -> Document:
    """The export as a JSON-ready document; rows in a fixed order so two exports of the same data are identical."""
    document: Document = {"format": schema.FORMAT, "version": schema.VERSION, "exported_at": utcnow().isoformat()}
    for kind in (schema.CLIENTS, schema.SERVICE_UNITS):
        query = select(kind.model).where(kind.model.deleted.is_(False)).options(*_eager(kind))
        document[kind.key] = [_row_document(kind, obj) for obj in _live_sorted(kind, session.scalars(query))]
    return document


def _eager(kind: Kind, path: tuple[Any, ...] = ()) -> list[LoaderOption]:
    """One SELECT … IN per relationship of the tree instead of a lazy load per row."""
    options: list[LoaderOption] = []
    for child in kind.children:
        chain = (*path, getattr(kind.model, child.key))
        option = selectinload(chain[0])
        for attribute in chain[1:]:
            option = option.selectinload(attribute)
        options.append(option)
        options.extend(_eager(child, chain))
    return options


def _row_document(kind: Kind, obj: SyncMixin) -> Document:
    row = {spec.key: to_json_value(getattr(obj, spec.key)) for spec in kind.fields}
    for child in kind.children:
        related = getattr(obj, child.key)
        if child.many:
            row[child.key] = [_row_document(child, o) for o in _live_sorted(child, related)]
        else:
            row[child.key] = _row_document(child, related) if related is not None and not related.deleted else None
    return row


def _live_sorted(kind: Kind, objs: Any) -> list[SyncMixin]:
    def sortable(value: Any) -> tuple[bool, Any]:
        # Missing values last, without comparing None to a date; enums in declaration order (a plan's parts run
        # 就業前準備 → 就業媒合 → 穩定就業後), not alphabetically by code.
        if isinstance(value, enum.Enum):
            return False, list(type(value)).index(value)
        return value is None, value

    def key(obj: SyncMixin) -> tuple[Any, ...]:
        return (*(sortable(getattr(obj, k)) for k in kind.order_by), str(obj.id))

    return sorted((obj for obj in objs if not obj.deleted), key=key)


def count_rows(document: Document) -> dict[str, int]:
    counts = dict.fromkeys((kind.key for kind in schema.walk()), 0)

    def visit(kind: Kind, rows: Sequence[Document]) -> None:
        counts[kind.key] += len(rows)
        for row in rows:
            for child in kind.children:
                value = row[child.key]
                visit(child, value if child.many else [value] if value is not None else [])

    for kind in (schema.CLIENTS, schema.SERVICE_UNITS):
        visit(kind, document[kind.key])
    return counts


def audit_export(session: Session, path: Path, counts: dict[str, int]) -> None:
    detail = ", ".join(f"{key} {n}" for key, n in counts.items() if n)
    session.add(
        AuditEntry(actor=str(session.info.get(INFO_ACTOR, "")), action="export", detail=f"{path.name}: {detail}")
    )


def write_private(path: Path, write: Callable[[IO[bytes]], object]) -> None:
    """Write an export file readable by its owner only, atomically.

    The file holds personal data in plain text, so it is created with mode 0600 on POSIX (mkstemp's mode: there is
    never a moment when the content sits in a file others may read), in the target's folder so that `os.replace`
    is an atomic rename. A crash mid-write leaves the previous file (or none), never half an export that would
    import as data; a failed write removes its temporary file.
    """
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    except OSError as exc:
        raise cannot_write(path, exc) from exc
    try:
        with os.fdopen(handle, "wb") as file:
            write(file)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise cannot_write(path, exc) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def cannot_write(path: Path, exc: OSError) -> ExchangeFileError:
    return ExchangeFileError(
        f"無法寫入匯出檔 {path}：{exc.strerror}；請確認資料夾存在且有寫入權限、磁碟仍有空間。",
        f"Cannot write the export file {path}: {exc.strerror}. Check that the folder exists and is writable, "
        "and that the disk has space.",
    )


# --- import -------------------------------------------------------------------------------------------------------


def import_json(store: Store, path: Path | str) -> ImportSummary:
    """Import a JSON exchange file all or nothing (see exchange_import); ExchangeFileError if it is not one."""
    path = Path(path)
    rows, problems = rows_from_document(read_document(path))
    return import_rows(store, rows, problems, path.name)


def read_document(path: Path) -> Document:
    try:
        # Decimal keeps amounts exact (a wage of 190.1 must not become 190.09999…).
        data: object = json.loads(path.read_text(encoding="utf-8-sig"), parse_float=Decimal)
    except OSError as exc:
        raise ExchangeFileError(
            f"無法讀取檔案 {path.name}：{exc.strerror}", f"Cannot read {path.name}: {exc.strerror}"
        ) from None
    except UnicodeDecodeError:
        raise ExchangeFileError(
            f"{path.name} 不是 UTF-8 文字檔，不是 FieldCase 匯出檔。",
            f"{path.name} is not UTF-8 text, so it is not a FieldCase exchange file.",
        ) from None
    except json.JSONDecodeError as exc:
        raise ExchangeFileError(
            f"{path.name} 不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 字：{exc.msg}）。",
            f"{path.name} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}).",
        ) from None
    if not isinstance(data, dict):
        raise ExchangeFileError(
            f"{path.name} 的最外層應為物件 {{…}}，不是 {_json_kind(data)}。",
            f"The top level of {path.name} must be an object {{…}}, not {_json_kind(data)}.",
        )
    if data.get("format") != schema.FORMAT:
        raise ExchangeFileError(
            f'{path.name} 不是 FieldCase 匯出檔（format 應為 "{schema.FORMAT}"）。',
            f'{path.name} is not a FieldCase exchange file (format must be "{schema.FORMAT}").',
        )
    version = data.get("version")
    # `true` and `1.0` equal 1 in Python; a version is an integer or the file is not one of ours.
    if type(version) is not int or version not in schema.READABLE_VERSIONS:
        readable = "、".join(str(v) for v in schema.READABLE_VERSIONS)
        readable_en = " and ".join(str(v) for v in schema.READABLE_VERSIONS)
        raise ExchangeFileError(
            f"{path.name} 的格式版本為 {version!r}，本程式只能讀取版本 {readable}；請更新 FieldCase 或重新匯出。",
            f"{path.name} has format version {version!r}; this program reads versions {readable_en} only. "
            "Update FieldCase or export the file again.",
        )
    return data


def _json_kind(data: object) -> str:
    return {list: "list [...]", str: "text", Decimal: "a number", int: "a number", bool: "true/false"}.get(
        type(data), "null"
    )


def rows_from_document(document: Document) -> tuple[list[Row], list[Problem]]:
    """Flatten the tree into rows, parents before children and service units first (plan items refer to them)."""
    rows: list[Row] = []
    problems: list[Problem] = []
    known = {*_HEADER_KEYS, *(kind.key for kind in schema.TOP_LEVEL)}
    for key in document:
        if key not in known:
            problems.append(Problem(None, key, "不是匯出檔的欄位。", "is not a key of an exchange file."))
    for kind in schema.TOP_LEVEL:
        items = document.get(kind.key)
        if items is None:
            continue
        if not isinstance(items, list):
            problems.append(Problem(None, kind.key, "應為清單 [...]。", "must be a list [...]."))
            continue
        for index, item in enumerate(items):
            _collect(kind, item, index + 1, f"{kind.key}[{index}]", None, rows, problems)
    return rows, problems


def _collect(
    kind: Kind, item: object, number: int, path: str, parent: Row | None, rows: list[Row], problems: list[Problem]
) -> None:
    if not isinstance(item, dict):
        problems.append(Problem(number, path, "應為物件 {…}。", "must be an object {…}."))
        return
    children = {child.key: child for child in kind.children}
    row = Row(kind, {k: v for k, v in item.items() if k not in children}, number, path, parent)
    rows.append(row)
    for key, child in children.items():
        value = item.get(key)
        if value is None:
            continue
        if not child.many:
            _collect(child, value, number, f"{path}.{key}", row, rows, problems)
        elif isinstance(value, list):
            for index, nested in enumerate(value):
                _collect(child, nested, number, f"{path}.{key}[{index}]", row, rows, problems)
        else:
            problems.append(Problem(number, f"{path}.{key}", "應為清單 [...]。", "must be a list [...]."))
