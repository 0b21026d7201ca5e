"""Rendering: a template and view-models in, an A4 PDF out; one document or a batch of many cases in one file.

The story of each document is built from its template's sections (layout only: values come from the view-model
through values.resolve); pages are decorated by canvas.NumberedCanvas. Follows the shape of pretix's invoice
renderer (STYLE.md): one stylesheet, column widths as shares of the frame, repeated table headers, and fonts
registered once, not per render.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.pagesizes import landscape
from reportlab.lib.utils import ImageReader
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate

from app.errors import AppError
from app.printing import layout
from app.printing.canvas import NumberedCanvas, PageLog
from app.printing.flowables import DocumentInfo, DocumentStart
from app.printing.fonts import MISSING_MARK, GlyphLog, TextShaper, register_fonts
from app.printing.story import Logo, Story
from app.printing.templates import load_template
from app.printing.views import AgencyInfo, DocumentView, SupervisionDocument


@dataclass(frozen=True)
class MissingCharacter:
    """A character no installed font has: printed as 〓, to be written in by hand."""

    char: str
    codepoint: str  # U+20000
    documents: tuple[str, ...]  # subjects of the documents it occurs in


@dataclass(frozen=True)
class RenderReport:
    doc_id: str
    documents: int
    pages: int
    pages_per_document: tuple[int, ...]
    missing: tuple[MissingCharacter, ...]
    fallback_characters: str  # printed with a fallback font
    warnings: tuple[str, ...]  # zh-TW, for the user: missing characters, unreadable logo or signature files

    @property
    def ok(self) -> bool:
        return not self.warnings


def render(doc_id: str, views: Sequence[DocumentView], out: Path | BinaryIO, agency: AgencyInfo) -> RenderReport:
    """Write document `doc_id` for every view (one case each, one month, one supervision record, one period's
    daily report) into one PDF at `out`.

    Each view starts on a new page and has its own 「第 X 頁，共 Y 頁」; a draft supervision record has 草稿 across
    its pages. Raises AppError when there is nothing to
    print or a view was built for another document.
    """
    if not views:
        raise AppError("沒有要列印的資料。", "There is nothing to print.")
    template = load_template(doc_id)
    for view in views:
        if view.doc_id != doc_id:
            raise AppError(
                f"資料是為「{view.doc_id}」準備的，不能印成「{doc_id}」。",
                f"The view was built for '{view.doc_id}', not '{doc_id}'.",
            )
    fonts = register_fonts()
    log = GlyphLog()
    shaper = TextShaper(fonts, log)
    warnings: list[str] = []
    logo = _logo(agency.logo_path, warnings)
    page_size = landscape(layout.PAGE_SIZE) if template.landscape else layout.PAGE_SIZE
    width = page_size[0] - 2 * layout.MARGIN
    story: list[Flowable] = []
    for number, view in enumerate(views):
        shaper.subject = view.subject
        if number:
            story.append(PageBreak())
        mark = view.mark if isinstance(view, SupervisionDocument) else ""
        info = DocumentInfo(number, template.title, view.subject, template.reference_format, mark)
        story.append(DocumentStart(info))
        story.extend(Story(template, view, shaper, agency, logo, warnings, width).flowables())
    pages = PageLog()
    document = BaseDocTemplate(
        str(out) if isinstance(out, Path) else out,
        pagesize=page_size,
        leftMargin=layout.MARGIN,
        rightMargin=layout.MARGIN,
        topMargin=layout.TOP_MARGIN,
        bottomMargin=layout.BOTTOM_MARGIN,
        title=template.title,
        author=agency.name,
        creator="FieldCase",
        invariant=True,
        initialFontName=fonts.main.name,  # else the PDF names Helvetica, a font it neither uses nor embeds
    )
    frame = Frame(
        layout.MARGIN,
        layout.BOTTOM_MARGIN,
        width,
        page_size[1] - layout.TOP_MARGIN - layout.BOTTOM_MARGIN,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    document.addPageTemplates([PageTemplate(id="form", frames=[frame])])
    shaper.subject = ""
    document.build(
        story,
        canvasmaker=functools.partial(
            NumberedCanvas,
            shaper=shaper,
            agency_name=agency.name,
            margin=layout.MARGIN,
            log=pages,
        ),
    )
    missing = tuple(
        MissingCharacter(char, f"U+{ord(char):04X}", tuple(sorted(s for s in subjects if s)))
        for char, subjects in sorted(log.missing.items())
    )
    for item in missing:
        where = "、".join(item.documents) or "頁首頁尾"
        warnings.insert(0, f"沒有字型有「{item.char}」（{item.codepoint}），已印成{MISSING_MARK}，請手寫補上：{where}")
    return RenderReport(
        doc_id=doc_id,
        documents=len(views),
        pages=sum(pages.pages),
        pages_per_document=tuple(pages.pages),
        missing=missing,
        fallback_characters="".join(sorted(log.fallback)),
        warnings=tuple(warnings),
    )


def _logo(path: Path | None, warnings: list[str]) -> Logo | None:
    if path is None:
        return None
    try:
        width, height = ImageReader(str(path)).getSize()
    except (OSError, ValueError) as exc:  # missing file, not an image
        warnings.append(f"無法讀取單位標誌 {path}，已略過：{exc}")
        return None
    return Logo(path, width, height)
