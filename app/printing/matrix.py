"""A `type: matrix` block: a table whose columns come from the data (views.Matrix, e.g. one column per case
manager in 服務對象日報), in the grid style of the other tables.

The first column holds the row labels, the others figures of equal width. When the figure columns would come out
narrower than MIN_FIGURE_WIDTH (a team of many case managers), the table is split into several, one under the
other, each repeating the label column, so that nothing is squeezed or clipped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from app.printing.fonts import TextShaper
from app.printing.layout import (
    CELL_PADDING,
    CELL_SIZE,
    GRID_STYLE,
    HEADING_ROOM,
    LABEL_SHADE,
    form_table,
    is_number,
    unbreakable,
)
from app.printing.templates import MatrixBlock
from app.printing.values import as_text
from app.printing.views import Matrix

MIN_FIGURE_WIDTH = 15 * mm
TOTAL_SHADE = colors.Color(0.965, 0.965, 0.965)  # the totals column, lighter than the header

Para = Callable[[str, str], Paragraph]  # (text, style name) → a paragraph in the document's font


def column_chunks(figures: int, width: float, label_share: float, min_width: float) -> list[range]:
    """The figure columns (0-based) of each table a matrix is split into so that no figure column is narrower
    than `min_width` (or than what its text needs): all of them in one table when they fit."""
    if figures == 0:
        return [range(0)]
    per_table = max(int(width / min_width - label_share), 1)
    if figures <= per_table:
        return [range(figures)]
    tables = -(-figures // per_table)  # balanced: 13 columns at 10 a table are 7 + 6, not 10 + 3
    size = -(-figures // tables)
    return [range(start, min(start + size, figures)) for start in range(0, figures, size)]


def matrix_flowables(
    block: MatrixBlock, matrix: Matrix, width: float, para: Para, shaper: TextShaper
) -> list[Flowable]:
    """The matrix as one table, or as several (each with the label column) when its columns do not fit."""
    figures = len(matrix.header) - 1
    padding = 2 * (CELL_PADDING + 1) + 2
    texts = [[as_text(v) for v in row] for row in matrix.rows]
    needed = max(
        (
            shaper.width(piece, CELL_SIZE) + padding
            for column in range(1, len(matrix.header))
            for text in [matrix.header[column], *(row[column] for row in texts)]
            for piece in unbreakable(text)
        ),
        default=0,
    )
    chunks = column_chunks(figures, width, block.label_width, max(MIN_FIGURE_WIDTH, needed))
    out: list[Flowable] = []
    if block.label:
        out.extend([CondPageBreak(HEADING_ROOM), para(block.label, "label")])
    unit = width / (block.label_width + max(len(chunk) for chunk in chunks))  # the same in every part
    for number, chunk in enumerate(chunks):
        if number:
            out.append(Spacer(1, 6))
        columns = [0, *(c + 1 for c in chunk)]
        out.append(_table(matrix, texts, columns, [block.label_width * unit, *([unit] * len(chunk))], para))
    return out


def _table(matrix: Matrix, texts: list[list[str]], columns: Sequence[int], widths: list[float], para: Para) -> Flowable:
    data: list[list[object]] = [[para(matrix.header[c], "cell_head") for c in columns]]
    for values, row in zip(matrix.rows, texts, strict=True):
        data.append([para(row[c], "cell_number" if is_number(values[c]) else "cell") for c in columns])
    commands: list[tuple[object, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), LABEL_SHADE),
        ("BACKGROUND", (0, 1), (0, -1), LABEL_SHADE),
    ]
    last = len(matrix.header) - 1
    if last in columns and last > 0:
        commands.append(("BACKGROUND", (len(columns) - 1, 1), (-1, -1), TOTAL_SHADE))
    if matrix.totals:
        first_total = len(data) - matrix.totals
        commands.append(("BACKGROUND", (0, first_total), (-1, -1), LABEL_SHADE))
        commands.append(("LINEABOVE", (0, first_total), (-1, first_total), 1.2, colors.black))
    return form_table(data, widths, [*GRID_STYLE, *commands], repeatRows=1, long=True, hAlign="LEFT")
