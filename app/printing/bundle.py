"""Several documents in one PDF file, written owner-only and atomically (the file holds personal data).

`render` prints one document kind (for one case, many cases or a month); a monthly report goes out as 表6-1 and
表6-2 together, so their PDFs are joined here, each keeping its own 「第 X 頁，共 Y 頁」. A failure leaves no file
behind, never half a PDF.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Final

import pypdfium2  # type: ignore[import-untyped]

from app.errors import AppError
from app.printing.render import RenderReport, render
from app.printing.views import AgencyInfo, DocumentView
from app.services.exchange_json import write_private

PDFIUM_LOCK: Final = threading.Lock()
"""PDFium is not thread-safe: every use of it in the process (joining here, page pictures in the views) holds this."""

Part = tuple[str, Sequence[DocumentView]]  # (doc_id, its views)


def render_bundle(parts: Sequence[Part], out: Path, agency: AgencyInfo) -> list[RenderReport]:
    """Render each (doc_id, views) and write them, in order, into one PDF at `out` (mode 0600)."""
    if not parts:
        raise AppError("沒有要列印的資料。", "There is nothing to print.")
    reports: list[RenderReport] = []
    pdfs: list[bytes] = []
    for doc_id, views in parts:  # rendered in memory first: a failure leaves no file at all
        buffer = io.BytesIO()
        reports.append(render(doc_id, views, buffer, agency))
        pdfs.append(buffer.getvalue())
    if len(pdfs) == 1:
        write_private(out, lambda file: file.write(pdfs[0]))
    else:
        write_private(out, lambda file: join_pdfs(pdfs, file))
    return reports


def join_pdfs(pdfs: Sequence[bytes], out: IO[bytes]) -> None:
    """The pages of every PDF in `pdfs`, in order, as one PDF written to `out`."""
    with PDFIUM_LOCK:
        joined = pypdfium2.PdfDocument.new()
        sources = [pypdfium2.PdfDocument(data) for data in pdfs]
        try:
            for source in sources:
                joined.import_pages(source)
            joined.save(out)
        finally:
            for source in sources:
                source.close()
            joined.close()
