"""月報表 as an Excel workbook: the tables of 表6-1 and 表6-2, one sheet each, with the PDF's figures and headers.

The sheets are read from the same templates and view-models as the PDF (`resources/forms/monthly_6_*.yaml`), so an
agency's own template changes the workbook too, and the two can never disagree. Counts stay numbers (to add up in
Excel); dates and codes are written as the forms print them (114/03/05, labels).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import IO, Final

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.printing.templates import FormTemplate, Section, TableBlock
from app.printing.values import as_text, resolve
from app.printing.views import MonthDocument

SHEET_NAME_LIMIT: Final = 31  # Excel's
_NOT_IN_SHEET_NAMES: Final = re.compile(r"[\[\]:*?/\\]")
_SECTION_NUMBER: Final = re.compile(r"^[一二三四五六七八九十]+、")
HEADER_FILL: Final = PatternFill("solid", fgColor="E6E6E6")
COLUMN_UNIT: Final = 9  # Excel column width per share of a template column's width


def month_tables(template: FormTemplate) -> Iterator[tuple[Section, TableBlock]]:
    """The tables of a monthly report's template that list rows (not the blank tables to fill in by hand)."""
    for section in template.sections:
        for block in section.blocks:
            if isinstance(block, TableBlock) and block.path is not None:
                yield section, block


def write_month_workbook(documents: Sequence[tuple[FormTemplate, MonthDocument]], out: IO[bytes]) -> list[str]:
    """Write one sheet per table of each monthly report into `out`; returns the sheet names."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    names: list[str] = []
    for template, document in documents:
        for section, table in month_tables(template):
            name = _sheet_name(template, section, table, names)
            _write_table(workbook.create_sheet(name), template, document, section, table)
            names.append(name)
    workbook.save(out)
    return names


def _sheet_name(template: FormTemplate, section: Section, table: TableBlock, taken: list[str]) -> str:
    topic = _SECTION_NUMBER.sub("", table.label or section.heading or template.title)
    base = _NOT_IN_SHEET_NAMES.sub("_", f"{template.form_no or template.title} {topic}".strip())[:SHEET_NAME_LIMIT]
    name, number = base, 2
    while name in taken:
        suffix = f" ({number})"
        name, number = base[: SHEET_NAME_LIMIT - len(suffix)] + suffix, number + 1
    return name


def _write_table(
    sheet: Worksheet, template: FormTemplate, document: MonthDocument, section: Section, table: TableBlock
) -> None:
    title = f"{template.form_no} {template.title}".strip()
    sheet.append([title])
    sheet.append(
        [f"統計月份：{document.period}", f"服務方案：{as_text(document.programme)}", f"填報單位：{document.unit}"]
    )
    sheet.append([_SECTION_NUMBER.sub("", table.label or section.heading or "")])
    sheet["A1"].font = Font(bold=True, size=14)
    headers = (["序"] if table.numbered else []) + [column.header for column in table.columns]
    sheet.append(headers)
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    rows = resolve(document, table.path) if table.path else ()
    for number, row in enumerate(rows if isinstance(rows, tuple | list) else (), start=1):
        values: list[object] = [number] if table.numbered else []
        for column in table.columns:
            value = resolve(row, column.path) if column.path else None
            # Counts stay numbers so that they add up in Excel; everything else reads as on the form.
            is_count = isinstance(value, int) and not isinstance(value, bool)
            values.append(value if is_count else as_text(value, column.format))
        sheet.append(values)
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    offset = 1 if table.numbered else 0
    if table.numbered:
        sheet.column_dimensions["A"].width = 5
    for index, column in enumerate(table.columns, start=1 + offset):
        sheet.column_dimensions[get_column_letter(index)].width = max(8.0, column.width * COLUMN_UNIT)
