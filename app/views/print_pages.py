"""Pictures of a PDF's pages, for the preview and for the printer.

PySide6-Essentials has no QtPdf (it is in PySide6-Addons, 100+ MB for this one module), so pages are drawn with
pypdfium2: the PDFium engine that QtPdf wraps, in a 4 MB wheel for Windows, macOS and Linux. PDFium is not
thread-safe: every call holds `PDFIUM_LOCK`.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path
from typing import Final

import pypdfium2  # type: ignore[import-untyped]
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QImage

from app.errors import AppError
from app.printing.bundle import PDFIUM_LOCK

POINTS_PER_INCH: Final = 72.0
CACHED_PAGES: Final = 8  # pictures kept for scrolling back; a batch of a hundred pages is never all in memory


class PdfPages:
    """An open PDF whose pages are drawn on demand at a given resolution (the last few kept)."""

    def __init__(self, path: Path) -> None:
        try:
            with PDFIUM_LOCK:
                self._pdf = pypdfium2.PdfDocument(str(path))
                self._sizes = [QSizeF(*self._pdf.get_page_size(i)) for i in range(len(self._pdf))]
        except pypdfium2.PdfiumError as exc:
            raise AppError(f"無法開啟 PDF {path.name}：{exc}", f"Cannot open the PDF {path.name}: {exc}") from exc
        self._cache: OrderedDict[tuple[int, int], QImage] = OrderedDict()
        self._closed = False

    @property
    def count(self) -> int:
        return len(self._sizes)

    def size_points(self, index: int) -> QSizeF:
        """The page's size in points (1/72 inch): A4 portrait is 595 × 842."""
        return self._sizes[index]

    def image(self, index: int, dpi: float) -> QImage:
        """Page `index` (from 0) drawn at `dpi` dots per inch on white; a null image once closed."""
        if self._closed:
            return QImage()
        key = (index, round(dpi))
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        with PDFIUM_LOCK:
            page = self._pdf[index]
            try:
                bitmap = page.render(
                    scale=key[1] / POINTS_PER_INCH,
                    force_bitmap_format=pypdfium2.raw.FPDFBitmap_BGRA,
                    rev_byteorder=True,  # RGBA in memory, as QImage.Format_RGBA8888 reads it
                    optimize_mode="print",
                )
                # copy(): the QImage must own its pixels, the bitmap's buffer goes with the bitmap.
                image = QImage(
                    bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGBA8888
                ).copy()
                bitmap.close()
            finally:
                page.close()
        self._cache[key] = image
        while len(self._cache) > CACHED_PAGES:
            self._cache.popitem(last=False)
        return image

    def close(self) -> None:
        """Release the file (Windows cannot remove an open file, and its folder goes when the preview closes)."""
        if self._closed:
            return
        self._closed = True
        self._cache.clear()
        with PDFIUM_LOCK:
            self._pdf.close()
