"""The xlsx exchange file: one sheet per kind of row, for reading in Excel and for agencies that keep data there.

Each sheet has two header rows — the Chinese label of each column, then its field key — and a row of data per
record from the third row on. Nesting becomes an id column: a case row carries its `client_id`, a plan goal its
`plan_id`. Import reads columns by the key in the second row (their order does not matter) and checks every row
exactly like a JSON import; JSON remains the round-trip format (docs/data-format.md).
"""

from __future__ import annotations

import re
import uuid
import zipfile
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

import openpyxl
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from app.errors import Problem
from app.services import exchange_schema as schema
from app.services.exchange_import import ImportSummary, Row, import_rows
from app.services.exchange_json import Document, audit_export, build_document, count_rows, write_private
from app.services.exchange_schema import ExchangeFileError, Field, FieldType, Kind
from app.store.store import Store

LIST_SEPARATOR: Final = ";"
LABEL_ROW: Final = 1
KEY_ROW: Final = 2
FIRST_DATA_ROW: Final = 3
_SPLIT: Final = re.compile(r"\s*[;；]\s*")  # a full-width ； typed with a Chinese input method counts as well


def columns(kind: Kind) -> list[Field]:
    """The sheet's columns: the row's own id, its parent's id, then the content fields."""
    own = list(kind.fields)
    return [own[0], kind.parent_field, *own[1:]] if kind.parent_field is not None else own


# --- export -------------------------------------------------------------------------------------------------------


def export_xlsx(store: Store, path: Path | str) -> dict[str, int]:
    """Write every live row to an xlsx workbook at `path`, one sheet per kind; return the row counts per kind."""
    path = Path(path)
    with store.transaction() as session:
        document = build_document(session)
        workbook = openpyxl.Workbook()
        workbook.remove(workbook.active)
        for kind, rows in _flatten(document).items():
            _write_sheet(workbook.create_sheet(kind.sheet), kind, rows)
        write_private(path, workbook.save)  # owner-only and atomic, like the JSON file
        counts = count_rows(document)
        audit_export(session, path, counts)
    return counts


def _flatten(document: Document) -> dict[Kind, list[Document]]:
    """Each kind's rows with their parent's id added under the parent column's key."""
    flat: dict[Kind, list[Document]] = {kind: [] for kind in schema.walk()}

    def visit(kind: Kind, row: Document, parent_id: str | None) -> None:
        if kind.parent_fk is not None:
            row = {**row, kind.parent_fk: parent_id}
        flat[kind].append(row)
        for child in kind.children:
            nested = row[child.key]
            for item in nested if child.many else [nested] if nested is not None else []:
                visit(child, item, row["id"])

    for kind in (schema.CLIENTS, schema.SERVICE_UNITS):
        for row in document[kind.key]:
            visit(kind, row, None)
    return flat


def _write_sheet(sheet: Worksheet, kind: Kind, rows: list[Document]) -> None:
    fields = columns(kind)
    sheet.append([f.label_zh for f in fields])
    sheet.append([f.key for f in fields])
    for cell in (*sheet[LABEL_ROW], *sheet[KEY_ROW]):
        cell.font = Font(bold=True)
    sheet.freeze_panes = sheet.cell(FIRST_DATA_ROW, 1)
    for number, row in enumerate(rows, start=FIRST_DATA_ROW):
        for column, spec in enumerate(fields, start=1):
            value = _cell_value(spec, row[spec.key])
            cell = sheet.cell(number, column, value)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text such as "=見附件" is notes, never a formula Excel would run


def _cell_value(spec: Field, value: Any) -> Any:
    """A JSON value as a spreadsheet cell: real dates and numbers, so Excel can sort and sum them."""
    if value is None:
        return None
    if spec.datatype is FieldType.DATE:
        return date.fromisoformat(value)
    if spec.datatype is FieldType.DECIMAL:
        return Decimal(value)
    if spec.datatype is FieldType.LIST:
        return LIST_SEPARATOR.join(value)
    if isinstance(value, str):
        # Control characters cannot be stored in xlsx; they carry no meaning in a case note.
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


# --- import -------------------------------------------------------------------------------------------------------


def import_xlsx(store: Store, path: Path | str) -> ImportSummary:
    """Import an xlsx exchange workbook all or nothing, with the same checks as import_json."""
    path = Path(path)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except OSError as exc:
        raise ExchangeFileError(
            f"無法讀取檔案 {path.name}：{exc.strerror}", f"Cannot read {path.name}: {exc.strerror}"
        ) from None
    except (InvalidFileException, zipfile.BadZipFile, KeyError):
        raise ExchangeFileError(
            f"{path.name} 不是 Excel 活頁簿（.xlsx）。", f"{path.name} is not an Excel workbook (.xlsx)."
        ) from None
    try:
        rows, problems = _rows_from_workbook(workbook)
    finally:
        workbook.close()
    return import_rows(store, rows, problems, path.name)


def _rows_from_workbook(workbook: Any) -> tuple[list[Row], list[Problem]]:
    by_title = {kind.sheet: kind for kind in schema.walk()} | {kind.key: kind for kind in schema.walk()}
    sheets: dict[Kind, Any] = {}
    problems: list[Problem] = []
    for sheet in workbook.worksheets:
        kind = by_title.get(sheet.title)
        if kind is None:
            problems.append(
                Problem(None, sheet.title, "不是匯出檔的工作表名稱。", "is not the name of an exchange-file sheet.")
            )
        else:
            sheets[kind] = sheet
    rows: list[Row] = []
    by_id: dict[tuple[Kind, uuid.UUID], Row] = {}
    # Parents' sheets are read before their children's, so a child finds its parent row already read.
    for kind in (k for k in schema.walk(schema.TOP_LEVEL) if k in sheets):
        for row in _sheet_rows(kind, sheets[kind], problems):
            parent_kind = schema.parent_of(kind)
            if parent_kind is not None and row.parent_id is not None:
                row.parent = by_id.get((parent_kind, row.parent_id))
            row_id = _as_uuid(row.raw.get("id"))
            if row_id is not None:
                by_id.setdefault((kind, row_id), row)
            rows.append(row)
    return rows, problems


def _sheet_rows(kind: Kind, sheet: Any, problems: list[Problem]) -> Iterator[Row]:
    lines = sheet.iter_rows(values_only=True)
    header = [next(lines, ()) for _ in range(KEY_ROW)][-1]
    keys = [str(k).strip() if k is not None else "" for k in header]
    fields = {spec.key: spec for spec in columns(kind)}
    for column, key in enumerate(keys, start=1):
        if key and key not in fields:
            problems.append(Problem(KEY_ROW, f"{sheet.title}.{key}", f"第 {column} 欄不是這張工作表的欄位。",
                                    f"column {column} is not a field of this sheet."))  # fmt: skip
    parent = kind.parent_field
    if parent is not None and parent.key not in keys:
        problems.append(
            Problem(KEY_ROW, f"{sheet.title}.{parent.key}", "缺少上層識別碼欄。", "the parent id column is missing.")
        )
    for number, values in enumerate(lines, start=FIRST_DATA_ROW):
        cells = {key: value for key, value in zip(keys, values, strict=False) if key in fields}
        if all(value is None or value == "" for value in cells.values()):
            continue  # Excel keeps formatted but empty rows; they are not records
        raw = {key: _from_cell(fields[key], value) for key, value in cells.items()}
        parent_raw = raw.pop(parent.key, None) if parent is not None else None
        row = Row(kind, raw, number, sheet.title, parent_id=_as_uuid(parent_raw))
        if parent is not None and row.parent_id is None:
            problems.append(
                row.problem(parent.key, "缺少或無法辨識上層識別碼。", "the parent id is missing or not a UUID.")
            )
        yield row


def _from_cell(spec: Field, value: Any) -> Any:
    if spec.datatype is FieldType.LIST and isinstance(value, str):
        return [item for item in _SPLIT.split(value.strip()) if item] if value.strip() else None
    return value


def _as_uuid(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value).strip()) if value is not None else None
    except ValueError:
        return None
