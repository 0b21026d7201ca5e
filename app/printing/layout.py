"""Page geometry, the stylesheet and the table helpers shared by every document (one stylesheet, column widths as
shares of the frame: STYLE.md, pretix's invoice renderer)."""

from __future__ import annotations

import functools
import re
from decimal import Decimal

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, LongTable, Table, TableStyle

from app.printing.fonts import register_fonts

PAGE_SIZE = A4
MARGIN = 18 * mm
TOP_MARGIN = 14 * mm
BOTTOM_MARGIN = 18 * mm
BODY_SIZE = 10.0
SMALL_SIZE = 8.5
CELL_SIZE = 9.0  # table cells
HEADING_SIZE = 11.0
TITLE_SIZE = 17.0
GRID = 0.5
LABEL_SHADE = colors.Color(0.93, 0.93, 0.93)
HEADING_SHADE = colors.Color(0.84, 0.84, 0.84)
BLANK_ROW_HEIGHT = 8 * mm
# A table row taller than what is left of a page is split there (not pushed whole to the next page, which would
# fail for a row longer than a page), as long as both parts keep this much height.
SPLIT_IN_ROW = 30
CELL_PADDING = 3
SIGNERS_PER_ROW = 3
# A heading starts a new page unless this much room is left under it: a heading alone at the foot of a page is
# no use (keepWithNext would push a whole long table after it onto the next page instead).
HEADING_ROOM = 30 * mm


def style(name: str, size: float = BODY_SIZE, align: int = TA_LEFT, **extra: object) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=register_fonts().main.name,
        fontSize=size,
        leading=size * 1.4,
        alignment=align,
        wordWrap="CJK",  # Chinese breaks between any two characters; Latin words are kept whole where possible
        **extra,
    )


@functools.cache
def styles() -> dict[str, ParagraphStyle]:
    return {
        "body": style("body"),
        "label": style("label"),
        "head": style("head", align=TA_CENTER),
        "small": style("small", SMALL_SIZE),
        "small_right": style("small_right", SMALL_SIZE, TA_RIGHT),
        "agency": style("agency", 12.5, TA_CENTER),
        "heading": style("heading", HEADING_SIZE),
        "note": style("note", SMALL_SIZE, TA_CENTER),
        "form_no": style("form_no", 9.5, TA_RIGHT),
        "cell": style("cell", CELL_SIZE),
        "cell_head": style("cell_head", CELL_SIZE, TA_CENTER),
        "cell_number": style("cell_number", CELL_SIZE, TA_CENTER),
    }


ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}


GRID_STYLE: list[tuple[object, ...]] = [
    ("GRID", (0, 0), (-1, -1), GRID, colors.black),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING + 1),
    ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING + 1),
    ("TOPPADDING", (0, 0), (-1, -1), CELL_PADDING),
    ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PADDING + 1),
]


# Runs of Latin letters, digits and signs: a date (114/03/05) or number must not break inside.
UNBREAKABLE = re.compile(r"[\x21-\x7e]+")
SHORT_VALUE = 6  # characters: a value this short (a name, 支持性) reads badly split over two lines


def is_number(value: object) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def unbreakable(text: str) -> list[str]:
    return [text] if len(text) <= SHORT_VALUE else UNBREAKABLE.findall(text)


def form_table(
    data: list[list[object]],
    widths: list[float],
    commands: list[tuple[object, ...]],
    *,
    long: bool = False,
    **options: object,
) -> Table:
    """A table in the form's font (ReportLab would name Helvetica for empty cells) that may split inside a row.

    Each flowable goes into its cell as a list: ReportLab splits a row only through cells that hold lists (a bare
    Paragraph in a row being split would come out empty)."""
    cells = [[[cell] if isinstance(cell, Flowable) else cell for cell in row] for row in data]
    kind = LongTable if long else Table
    table = kind(cells, colWidths=widths, splitInRow=SPLIT_IN_ROW, **options)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), register_fonts().main.name), *commands]))
    return table


def paragraphs(text: str) -> list[str]:
    """Text split at blank lines, so a long text can break between paragraphs as well as inside them."""
    chunks = [c.strip("\n") for c in text.replace("\r\n", "\n").split("\n\n")]
    return [c for c in chunks if c.strip()] or [text]
