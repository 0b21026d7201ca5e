"""The flowables of one document: the header (agency, logo, title, form number), then each section of its template,
block by block, with the values read from the view-model (values.resolve)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)

from app.printing.flowables import CheckboxGroup, PhotoFrame, RuledLines, SignatureLine, Text, Title
from app.printing.fonts import TextShaper
from app.printing.layout import (
    ALIGN,
    BLANK_ROW_HEIGHT,
    BODY_SIZE,
    CELL_PADDING,
    CELL_SIZE,
    GRID,
    GRID_STYLE,
    HEADING_ROOM,
    HEADING_SHADE,
    LABEL_SHADE,
    SIGNERS_PER_ROW,
    TITLE_SIZE,
    form_table,
    is_number,
    paragraphs,
    styles,
    unbreakable,
)
from app.printing.matrix import matrix_flowables
from app.printing.templates import (
    AGENCY_ROOT,
    Block,
    FieldsBlock,
    FieldSpec,
    Format,
    FormTemplate,
    MatrixBlock,
    ParagraphBlock,
    PhotosBlock,
    SignaturesBlock,
    TableBlock,
    TextBlock,
    placeholders,
)
from app.printing.values import BLANK_FILL, as_text, checked_codes, resolve
from app.printing.views import AgencyInfo, DailyDocument, DocumentView, Matrix, MonthDocument, SupervisionDocument
from app.services.rocdate import format_roc


@dataclass(frozen=True)
class Logo:
    """The agency's logo, checked readable, with its size in pixels."""

    path: Path
    width: float
    height: float


class Story:
    """The flowables of one document."""

    def __init__(
        self,
        template: FormTemplate,
        view: DocumentView,
        shaper: TextShaper,
        agency: AgencyInfo,
        logo: Logo | None,
        warnings: list[str],
        width: float,
    ) -> None:
        self.width = width
        self.template = template
        self.view = view
        self.shaper = shaper
        self.agency = agency
        self.logo = logo
        self.warnings = warnings
        self.styles = styles()
        # One label width per grid shape in a document, so the grids of its sections line up.
        self.label_widths: dict[int, float] = {}
        for section in template.sections:
            for block in section.blocks:
                if isinstance(block, FieldsBlock):
                    widest = max(shaper.width(f.label, BODY_SIZE) for f in block.fields)
                    self.label_widths[block.columns] = max(self.label_widths.get(block.columns, 0), widest)

    def resolve(self, path: str) -> object:
        """A template path's value: ``agency.…`` from the agency printing, anything else from the view."""
        head, _, rest = path.partition(".")
        if head == AGENCY_ROOT:
            return resolve(self.agency, rest)
        return resolve(self.view, path)

    def para(self, text: str, style: str = "body") -> Paragraph:
        return Text(text, self.styles[style], self.shaper)

    def flowables(self) -> list[Flowable]:
        out = self.header()
        for section in self.template.sections:
            parts: list[Flowable] = []
            if section.page_break_before:
                out.append(PageBreak())
            if section.heading:
                parts.extend([CondPageBreak(HEADING_ROOM), self.heading(section.heading)])
            for block in section.blocks:
                parts.extend(self.block(block))
                parts.append(Spacer(1, 5))
            out.extend([KeepTogether(parts)] if section.keep_together else parts)
        if self.template.footer:
            out.append(self.para(self.template.footer, "small"))
        return out

    # --- header ---

    def header(self) -> list[Flowable]:
        template = self.template
        centre: list[Flowable] = []
        if self.agency.name:
            centre.append(self.para(self.agency.name, "agency"))
        centre.append(Title(template.title, self.shaper, TITLE_SIZE))
        side = 24 * mm
        logo: Flowable | str = ""
        if self.logo is not None:
            scale = min((side - 2) / self.logo.width, (16 * mm) / self.logo.height)
            logo = Image(str(self.logo.path), self.logo.width * scale, self.logo.height * scale)
        form_no = self.para(template.form_no, "form_no") if template.form_no else ""
        top = form_table(
            [[logo, centre, form_no]],
            [side, self.width - 2 * side, side],
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("VALIGN", (2, 0), (2, 0), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ],
        )
        out: list[Flowable] = [top]
        if template.note:
            out.append(self.para(template.note, "note"))
        left, right = self.meta()
        meta = form_table(
            [[self.para(left, "small"), self.para(right, "small_right")]],
            [self.width / 2] * 2,
            [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)],
        )
        out.extend([meta, Spacer(1, 3)])
        return out

    def meta(self) -> tuple[str, str]:
        view = self.view
        printed = f"列印日期：{format_roc(view.printed_on)}"
        if isinstance(view, MonthDocument):
            period = f"統計期間：{format_roc(view.period_start)}至{format_roc(view.period_end)}"
            return period, printed
        if isinstance(view, DailyDocument):
            return f"服務日期：{view.period}", printed
        if isinstance(view, SupervisionDocument):
            return f"紀錄編號：{view.note.reference}　狀態：{view.note.status.label}", printed
        case_view = view.case
        return f"案號：{case_view.reference}　承辦人員：{case_view.manager.name}", printed

    def heading(self, text: str) -> Table:
        return form_table(
            [[self.para(text, "heading")]],
            [self.width],
            [
                ("BACKGROUND", (0, 0), (-1, -1), HEADING_SHADE),
                ("BOX", (0, 0), (-1, -1), GRID, colors.black),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ],
        )

    # --- blocks ---

    def block(self, block: Block) -> list[Flowable]:
        if isinstance(block, FieldsBlock):
            return [self.fields(block)]
        if isinstance(block, TableBlock):
            return self.table(block)
        if isinstance(block, TextBlock):
            return [CondPageBreak(HEADING_ROOM), self.text(block)]  # its label not alone at the foot of a page
        if isinstance(block, ParagraphBlock):
            return [self.paragraph(block)]
        if isinstance(block, SignaturesBlock):
            return [self.signatures(block)]
        if isinstance(block, MatrixBlock):
            found = self.resolve(block.path)
            matrix = found if isinstance(found, Matrix) else Matrix(("",), ())
            return matrix_flowables(block, matrix, self.width, self.para, self.shaper)
        return [self.photos(block)]

    def value_cell(self, spec: FieldSpec) -> Flowable:
        value = self.resolve(spec.path) if spec.path else None
        if spec.options is not None:
            return CheckboxGroup(spec.options, checked_codes(value), self.shaper, BODY_SIZE)
        text = as_text(value, spec.format)
        if text:
            return self.para(text)
        return Spacer(1, spec.lines * BODY_SIZE * 1.6)

    def fields(self, block: FieldsBlock) -> Table:
        columns = block.columns
        pair = self.width / columns
        longest = self.label_widths[columns]
        label_width = min(longest + 2 * CELL_PADDING + 6, pair * (0.42 if columns > 1 else 0.3))
        rows: list[list[object]] = []
        commands: list[tuple[object, ...]] = []
        row: list[object] = []
        column = 0

        def finish() -> None:
            nonlocal row, column
            if not row:
                return
            if column < columns:  # the row's last value runs to the right edge
                last_value = len(row) - 1
                row.extend([""] * (2 * columns - len(row)))
                commands.append(("SPAN", (last_value, len(rows)), (2 * columns - 1, len(rows))))
            rows.append(row)
            row, column = [], 0

        for spec in block.fields:
            span = min(spec.span, columns)
            if column + span > columns:
                finish()
            start = 2 * column
            commands.append(("BACKGROUND", (start, len(rows)), (start, len(rows)), LABEL_SHADE))
            row.extend([self.para(spec.label, "label"), self.value_cell(spec)])
            if span > 1:
                row.extend([""] * (2 * span - 2))
                commands.append(("SPAN", (start + 1, len(rows)), (start + 2 * span - 1, len(rows))))
            column += span
            if column == columns:
                finish()
        finish()
        return form_table(rows, [label_width, pair - label_width] * columns, [*GRID_STYLE, *commands])

    def table(self, block: TableBlock) -> list[Flowable]:
        found = self.resolve(block.path) if block.path else None
        items: tuple[object, ...] = tuple(found) if isinstance(found, tuple | list) else ()
        shares = [c.width for c in block.columns]
        headers = [c.header for c in block.columns]
        if block.numbered:
            shares.insert(0, max(sum(shares) * 0.05, 0.01))
            headers.insert(0, "序")
        values = [
            ([number] if block.numbered else []) + [resolve(item, c.path) if c.path else None for c in block.columns]
            for number, item in enumerate(items, start=1)
        ]
        numbering: list[Format] = ["auto"] if block.numbered else []
        formats = numbering + [c.format for c in block.columns]
        rows = [[as_text(v, f) for v, f in zip(row, formats, strict=True)] for row in values]
        widths = self.column_widths(shares, rows)
        data: list[list[object]] = [[self.para(h, "cell_head") for h in headers]]
        for row_values, row in zip(values, rows, strict=True):
            data.append(
                [
                    self.para(text, "cell_number" if is_number(value) else "cell") if text else ""
                    for value, text in zip(row_values, row, strict=True)
                ]
            )
        commands: list[tuple[object, ...]] = [
            ("BACKGROUND", (0, 0), (-1, 0), LABEL_SHADE),
            ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ]
        blank = max(block.blank_rows - len(items), 0)
        if not items and not blank:
            data.append([self.para("（無）", "cell_head")] + [""] * (len(widths) - 1))
            commands.append(("SPAN", (0, 1), (-1, 1)))
        first_blank = len(data)
        data.extend([[""] * len(widths) for _ in range(blank)])
        heights = [None] * first_blank + [BLANK_ROW_HEIGHT] * blank
        table = form_table(data, widths, [*GRID_STYLE, *commands], rowHeights=heights, repeatRows=1, long=True)
        if block.label:
            return [CondPageBreak(HEADING_ROOM), self.para(block.label, "label"), table]
        return [table]

    def column_widths(self, shares: list[float], rows: list[list[str]]) -> list[float]:
        """Widths from the template's shares, widened where a date, a number or a short value (a name, 支持性)
        would otherwise break in the middle, taking the room from the columns that have some to spare."""
        total = sum(shares)
        widths = [self.width * s / total for s in shares]
        padding = 2 * (CELL_PADDING + 1) + 2
        needs = [
            max((self.shaper.width(t, CELL_SIZE) for row in rows for t in unbreakable(row[i])), default=0) + padding
            for i in range(len(widths))
        ]
        short = sum(max(n - w, 0) for n, w in zip(needs, widths, strict=True))
        spare = [max(w - n, 0) for n, w in zip(needs, widths, strict=True)]
        if short == 0 or sum(spare) < short:
            return widths
        return [
            max(n, w) if n > w else w - short * s / sum(spare) for n, w, s in zip(needs, widths, spare, strict=True)
        ]

    def text(self, block: TextBlock) -> Table:
        value = as_text(self.resolve(block.path)) if block.path else ""
        body: list[Flowable] = (
            [self.para(chunk) for chunk in paragraphs(value)] if value else [RuledLines(block.lines, BODY_SIZE * 2)]
        )
        return form_table(
            [[self.para(block.label, "label")], [body]],
            [self.width],
            [*GRID_STYLE, ("BACKGROUND", (0, 0), (0, 0), LABEL_SHADE)],
        )

    def paragraph(self, block: ParagraphBlock) -> Paragraph:
        parts: list[str] = []
        rest = block.text
        for whole, path, fmt in placeholders(block.text):
            before, _, rest = rest.partition(whole)
            parts.append(self.shaper.markup(before))
            value = as_text(self.resolve(path), fmt)
            parts.append(self.shaper.markup(value) if value else BLANK_FILL)
        parts.append(self.shaper.markup(rest))
        size = block.size or BODY_SIZE
        style = ParagraphStyle(
            "paragraph",
            parent=self.styles["body"],
            fontSize=size,
            leading=size * 1.6,
            alignment=ALIGN[block.align],
            firstLineIndent=2 * size if block.indent else 0,
            spaceAfter=2,
        )
        return Paragraph("".join(parts), style)

    def signatures(self, block: SignaturesBlock) -> Table:
        per_row = SIGNERS_PER_ROW
        cells: list[object] = []
        for signer in block.signers:
            image = getattr(self.view.signatures, signer.role)
            if image is not None and not Path(image).is_file():
                self.warnings.append(f"找不到簽名圖檔 {image}（{signer.label}），已留白供親簽。")
                image = None
            elif image is not None and not _readable_image(Path(image)):
                self.warnings.append(f"無法讀取簽名圖檔 {image}（{signer.label}，不是圖片？），已留白供親簽。")
                image = None
            name = as_text(self.resolve(signer.name_path)) if signer.name_path else ""
            signed = as_text(self.resolve(signer.date_path)) if signer.date_path else ""
            cells.append(SignatureLine(signer.label, image, name, signed, self.shaper, BODY_SIZE))
        rows = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
        rows[-1] = rows[-1] + [""] * (per_row - len(rows[-1]))
        return form_table(
            rows,
            [self.width / per_row] * per_row,
            [("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 10)],
        )

    def photos(self, block: PhotosBlock) -> Table:
        frames: list[object] = [
            PhotoFrame(label, block.height_mm * mm, self.shaper, BODY_SIZE) for label in block.labels
        ]
        rows = [frames[i : i + 2] for i in range(0, len(frames), 2)]
        rows[-1] = rows[-1] + [""] * (2 - len(rows[-1]))
        return form_table(rows, [self.width / 2] * 2, [])


def _readable_image(path: Path) -> bool:
    """The file is an image ReportLab can draw (a signature given on the command line may be anything)."""
    try:
        ImageReader(str(path)).getSize()
    except (OSError, ValueError):
        return False
    return True
