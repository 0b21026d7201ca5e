"""The page canvas: 「第 X 頁，共 Y 頁」 counted per document of a batch, the agency in the footer, 參考格式 on
templates we could not verify, and a running head on continuation pages so a loose page still says whose it is.

Page totals are known only at the end, so every page's drawing state is kept until `save` (the usual two-pass
"numbered canvas" of ReportLab recipes, here grouping pages by the document that started on them).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from app.printing.flowables import DocumentInfo, draw_text, fit_text
from app.printing.fonts import TextShaper

FOOTER_SIZE = 8.0
REFERENCE_MARK = "參考格式"
MARK_SIZE = 110.0  # the mark across a page (草稿)
MARK_GREY = 0.55
MARK_ALPHA = 0.22  # see-through: the form under it stays readable


@dataclass
class PageLog:
    """Pages per document, filled in as the PDF is saved (RenderReport reads it)."""

    pages: list[int] = field(default_factory=list)


class NumberedCanvas(Canvas):  # type: ignore[misc]
    def __init__(
        self, *args: Any, shaper: TextShaper, agency_name: str, margin: float, log: PageLog, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._shaper = shaper
        self._agency_name = agency_name
        self._margin = margin
        self._log = log
        self._saved: list[dict[str, Any]] = []
        self.fieldcase_document: DocumentInfo | None = None

    def showPage(self) -> None:
        self._saved.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        counts = Counter(state["fieldcase_document"].number for state in self._saved if state["fieldcase_document"])
        self._log.pages = [counts[n] for n in sorted(counts)]
        seen: Counter[int] = Counter()
        for state in self._saved:
            self.__dict__.update(state)
            info: DocumentInfo | None = state["fieldcase_document"]
            if info is not None:
                seen[info.number] += 1
                self._decorate(info, seen[info.number], counts[info.number])
            super().showPage()
        super().save()

    def _decorate(self, info: DocumentInfo, page: int, pages: int) -> None:
        width, _height = self._pagesize
        left, right = self._margin, width - self._margin
        third = (right - left) / 3
        y = 10 * mm
        self.saveState()
        self.setLineWidth(0.4)
        self.setStrokeGray(0.4)
        self.line(left, y + FOOTER_SIZE + 2, right, y + FOOTER_SIZE + 2)
        self.setFillGray(0.2)
        agency = self._agency_name
        if agency:
            draw_text(self, self._shaper, left, y, agency, fit_text(self._shaper, agency, FOOTER_SIZE, third - 6))
        number = f"第 {page} 頁，共 {pages} 頁"
        draw_text(self, self._shaper, (width - self._shaper.width(number, FOOTER_SIZE)) / 2, y, number, FOOTER_SIZE)
        tail = f"{info.title}（{REFERENCE_MARK}）" if info.reference_format else info.title
        size = fit_text(self._shaper, tail, FOOTER_SIZE, third - 6)
        draw_text(self, self._shaper, right - self._shaper.width(tail, size), y, tail, size)
        if info.mark:
            self._mark(info.mark)
        if page > 1:
            head = f"{info.subject}　{info.title}（續）" if info.subject else f"{info.title}（續）"
            size = fit_text(self._shaper, head, FOOTER_SIZE, right - left)
            draw_text(
                self, self._shaper, right - self._shaper.width(head, size), self._pagesize[1] - 9 * mm, head, size
            )
        self.restoreState()

    def _mark(self, mark: str) -> None:
        """`mark` in large grey letters, slanted across the middle of the page and see-through."""
        width, height = self._pagesize
        size = fit_text(self._shaper, mark, MARK_SIZE, min(width, height) * 0.8)
        self.saveState()
        self.setFillGray(MARK_GREY)
        self.setFillAlpha(MARK_ALPHA)
        self.translate(width / 2, height / 2)
        self.rotate(30)
        draw_text(self, self._shaper, -self._shaper.width(mark, size) / 2, -size * 0.35, mark, size)
        self.restoreState()
