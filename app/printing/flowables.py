"""Drawn parts of forms: checkboxes (vector boxes, not font glyphs: most CJK fonts lack ☐/☑), signature lines with
an optional captured signature, ruled lines to write on, photo frames, the title, and the marker that starts
each document of a batch (for per-document page numbers and bookmarks)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from app.printing.fonts import TextShaper
from app.printing.options import Option

BOX_GAP = 3.0  # between a box and its label
OPTION_GAP = 10.0  # between one option and the next
LINE_WIDTH = 0.6


def draw_text(canv: Canvas, shaper: TextShaper, x: float, y: float, text: str, size: float) -> float:
    """Draw `text` from (x, y) in runs of the fonts that have its characters; returns the width drawn."""
    start = x
    for font, chunk in shaper.runs(text):
        canv.setFont(font, size)
        canv.drawString(x, y, chunk)
        x += canv.stringWidth(chunk, font, size)
    return x - start


def fit_text(shaper: TextShaper, text: str, size: float, width: float) -> float:
    """The font size, at most `size`, at which `text` fits in `width` (never below 60 % of `size`)."""
    needed = shaper.width(text, size)
    if needed <= width or needed == 0:
        return size
    return max(size * width / needed, size * 0.6)


class Text(Paragraph):  # type: ignore[misc]
    """A paragraph of plain text that splits across pages (and table rows) by its own text.

    ReportLab's Paragraph.split rebuilds the remainder from its line structure, and with CJK wrapping that drops
    spaces between Latin words or inserts them between Chinese characters. Here the split point is the longest
    prefix of the text that fits (found by bisection: a longer prefix never takes fewer lines), and both parts are
    new paragraphs of plain text, so nothing is lost or added.
    """

    def __init__(self, text: str, style: ParagraphStyle, shaper: TextShaper) -> None:
        self.source = text
        self.shaper = shaper
        super().__init__(shaper.markup(text), style)

    def _height(self, text: str, width: float) -> float:
        return float(Paragraph(self.shaper.markup(text), self.style).wrap(width, 1e9)[1])

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        if self._height(self.source, avail_width) <= avail_height:
            return [self]
        low, high = 0, len(self.source)  # the prefix of `low` characters fits; `high` does not
        while high - low > 1:
            middle = (low + high) // 2
            if self._height(self.source[:middle], avail_width) <= avail_height:
                low = middle
            else:
                high = middle
        cut = _word_start(self.source, low)
        if cut == 0:
            return []
        return [Text(self.source[:cut], self.style, self.shaper), Text(self.source[cut:], self.style, self.shaper)]


def _word_start(text: str, cut: int) -> int:
    """`cut`, moved back to the start of the Latin word it falls in (a word is not split over two pages, just as
    the line breaking keeps it whole); unchanged when the word is all there is."""
    start = cut
    while 0 < start < len(text) and _latin(text[start - 1]) and _latin(text[start]):
        start -= 1
    return start or cut


def _latin(char: str) -> bool:
    return "!" <= char <= "~"


class CheckboxGroup(Flowable):  # type: ignore[misc]
    """Options each with a drawn box, ticked when its code is in `checked`; wraps onto more lines as needed."""

    def __init__(self, options: tuple[Option, ...], checked: set[str], shaper: TextShaper, size: float) -> None:
        super().__init__()
        self.options = options
        self.checked = checked
        self.shaper = shaper
        self.size = size
        self.box = size * 0.85
        self.leading = size * 1.5
        self._places: list[tuple[float, int, Option]] = []

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._places = []
        x, line = 0.0, 0
        for option in self.options:
            width = self.box + BOX_GAP + self.shaper.width(option[1], self.size)
            if x > 0 and x + width > avail_width:
                x, line = 0.0, line + 1
            self._places.append((x, line, option))
            x += width + OPTION_GAP
        self.width = avail_width
        self.height = (line + 1) * self.leading if self.options else self.leading
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setLineWidth(LINE_WIDTH)
        for x, line, (code, label) in self._places:
            baseline = self.height - (line + 1) * self.leading + (self.leading - self.size) / 2 + self.size * 0.12
            canv.rect(x, baseline - self.size * 0.05, self.box, self.box, stroke=1, fill=0)
            if code in self.checked:
                self._tick(x, baseline - self.size * 0.05)
            draw_text(canv, self.shaper, x + self.box + BOX_GAP, baseline, label, self.size)
        canv.restoreState()

    def _tick(self, x: float, y: float) -> None:
        b = self.box
        path = self.canv.beginPath()
        path.moveTo(x + b * 0.18, y + b * 0.52)
        path.lineTo(x + b * 0.42, y + b * 0.22)
        path.lineTo(x + b * 0.85, y + b * 0.85)
        self.canv.setLineWidth(1.3)
        self.canv.drawPath(path, stroke=1, fill=0)
        self.canv.setLineWidth(LINE_WIDTH)


class RuledLines(Flowable):  # type: ignore[misc]
    """Empty lines to write on by hand."""

    def __init__(self, lines: int, spacing: float) -> None:
        super().__init__()
        self.lines = lines
        self.spacing = spacing

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.lines * self.spacing
        return self.width, self.height

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setLineWidth(0.3)
        self.canv.setStrokeGray(0.55)
        self.canv.setDash(1, 2)
        for n in range(1, self.lines + 1):
            y = self.height - n * self.spacing + 2
            self.canv.line(0, y, self.width, y)
        self.canv.restoreState()


class SignatureLine(Flowable):  # type: ignore[misc]
    """「個案（簽名）」 over room to sign, a captured signature image fitted into it when one is given, the signer's
    name when known, and the date (written out when known, else 民國＿＿年＿＿月＿＿日)."""

    SIGN_HEIGHT = 40.0

    def __init__(
        self, label: str, image: Path | None, name: str, date_text: str, shaper: TextShaper, size: float
    ) -> None:
        super().__init__()
        self.label = label
        self.image = image
        self.name = name
        self.date_text = date_text
        self.shaper = shaper
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.size * 1.6 + self.SIGN_HEIGHT + self.size * 3.2
        return self.width, self.height

    def draw(self) -> None:
        canv, size = self.canv, self.size
        canv.saveState()
        top = self.height - size * 1.1
        label_size = fit_text(self.shaper, self.label, size, self.width)
        draw_text(canv, self.shaper, 0, top, self.label, label_size)
        line_y = self.height - size * 1.6 - self.SIGN_HEIGHT
        if self.image is not None:
            self._image(line_y)
        canv.setLineWidth(LINE_WIDTH)
        canv.line(0, line_y, self.width - 4, line_y)
        small = size * 0.85
        if self.name:
            draw_text(
                canv,
                self.shaper,
                0,
                line_y - small * 1.3,
                self.name,
                fit_text(self.shaper, self.name, small, self.width),
            )
        date_line = f"日期：{self.date_text or '民國＿＿年＿＿月＿＿日'}"
        draw_text(
            canv, self.shaper, 0, line_y - small * 2.7, date_line, fit_text(self.shaper, date_line, small, self.width)
        )
        canv.restoreState()

    def _image(self, line_y: float) -> None:
        reader = ImageReader(str(self.image))
        width, height = reader.getSize()
        box_w, box_h = self.width - 8, self.SIGN_HEIGHT - 2
        scale = min(box_w / width, box_h / height)
        self.canv.drawImage(reader, 2, line_y + 1, width * scale, height * scale, mask="auto")


class PhotoFrame(Flowable):  # type: ignore[misc]
    """A frame to paste a photograph into, captioned underneath."""

    def __init__(self, caption: str, height: float, shaper: TextShaper, size: float) -> None:
        super().__init__()
        self.caption = caption
        self.frame_height = height
        self.shaper = shaper
        self.size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.frame_height + self.size * 2
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setLineWidth(LINE_WIDTH)
        canv.setDash(3, 2)
        canv.rect(0, self.size * 2, self.width - 4, self.frame_height, stroke=1, fill=0)
        canv.setDash()
        hint = "（照片黏貼處）"
        canv.setFillGray(0.55)
        draw_text(
            canv,
            self.shaper,
            (self.width - self.shaper.width(hint, self.size)) / 2,
            self.size * 2 + self.frame_height / 2,
            hint,
            self.size,
        )
        canv.setFillGray(0)
        draw_text(
            canv, self.shaper, (self.width - self.shaper.width(self.caption, self.size)) / 2, 4, self.caption, self.size
        )
        canv.restoreState()


class Title(Flowable):  # type: ignore[misc]
    """The document title, centred, drawn filled and stroked: the bundled font has no bold face."""

    def __init__(self, text: str, shaper: TextShaper, size: float) -> None:
        super().__init__()
        self.text = text
        self.shaper = shaper
        self.size = size
        self._size = size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self._size = fit_text(self.shaper, self.text, self.size, avail_width)
        self.height = self._size * 1.5
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setLineWidth(self._size * 0.035)
        text_width = self.shaper.width(self.text, self._size)
        x = (self.width - text_width) / 2
        for font, chunk in self.shaper.runs(self.text):
            text = canv.beginText(x, self._size * 0.4)
            text.setTextRenderMode(2)
            text.setFont(font, self._size)
            text.textOut(chunk)
            canv.drawText(text)
            x += canv.stringWidth(chunk, font, self._size)
        canv.restoreState()


@dataclass(frozen=True)
class DocumentInfo:
    """What the page decorations of one document of a batch need."""

    number: int  # 0-based position in the batch
    title: str
    subject: str
    reference_format: bool
    mark: str = ""  # printed large across every page of the document (草稿 on a draft), or nothing


class DocumentStart(Flowable):  # type: ignore[misc]
    """Marks where a document of a batch starts: the canvas numbers pages per document from here, and the PDF gets
    a bookmark so a batch can be browsed by case."""

    def __init__(self, info: DocumentInfo) -> None:
        super().__init__()
        self.info = info
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.fieldcase_document = self.info
        key = f"doc{self.info.number}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(self.info.subject or self.info.title, key, level=0)
