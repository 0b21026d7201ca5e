"""預覽列印: the pages of a rendered job, with 列印… (the Qt print dialog), 另存 PDF… and 關閉.

Pages are drawn from the PDF only as they scroll into view (print_pages.PdfPages), so a batch of a hundred pages
opens at once. Printing paints each page's picture onto the printer, one page per turn of the event loop, so the
window never freezes and the job can be cancelled. The PDF lives in the job's private folder, removed on close.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Final

import shiboken6
from PySide6.QtCore import QObject, QRect, QSize, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QImage,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.views.errors import report_error
from app.views.forms import WARNING_STYLE, tr
from app.views.print_job import PrintedPdf, PrivateFolder, save_copy
from app.views.print_pages import POINTS_PER_INCH, PdfPages

PAGE_GAP: Final = 16  # pixels between pages on screen
SCREEN_DPI: Final = 96.0  # a zoom of 100% shows the paper at its real size on a 96-dpi screen
ZOOMS: Final = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
FIT_WIDTH: Final = 0.0
MAX_PRINT_DPI: Final = 300  # forms are text and lines; more only makes the print job larger


class PagesWidget(QWidget):
    """Every page, one under the other, each drawn when it comes into view."""

    def __init__(self, pages: PdfPages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages = pages
        self.zoom = 1.0
        self.setAccessibleName(tr("預覽頁面", "Preview pages"))
        self.setAutoFillBackground(False)

    def pixels_per_point(self) -> float:
        return self.zoom * SCREEN_DPI / POINTS_PER_INCH

    def page_rect(self, index: int) -> QRect:
        scale = self.pixels_per_point()
        top = PAGE_GAP
        for i in range(index):
            top += round(self.pages.size_points(i).height() * scale) + PAGE_GAP
        size = self.pages.size_points(index)
        width, height = round(size.width() * scale), round(size.height() * scale)
        return QRect((self.width() - width) // 2, top, width, height)

    def widest_points(self) -> float:
        return max((self.pages.size_points(i).width() for i in range(self.pages.count)), default=595.0)

    def sizeHint(self) -> QSize:
        scale = self.pixels_per_point()
        height = PAGE_GAP + sum(
            round(self.pages.size_points(i).height() * scale) + PAGE_GAP for i in range(self.pages.count)
        )
        return QSize(round(self.widest_points() * scale) + 2 * PAGE_GAP, height)

    def image_dpi(self) -> float:
        return self.pixels_per_point() * POINTS_PER_INCH * self.devicePixelRatioF()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("#6b6b6b"))
        for index in range(self.pages.count):
            rect = self.page_rect(index)
            if rect.top() > event.rect().bottom():
                break
            if rect.intersects(event.rect()):
                painter.drawImage(rect, self.pages.image(index, self.image_dpi()))
        painter.end()


class PagePrinter(QObject):
    """Sends page pictures to a printer one page per turn of the event loop; `finished(True)` when all are sent."""

    progressed = Signal(int, int)  # pages sent, pages to send
    finished = Signal(bool)

    def __init__(self, pages: PdfPages, printer: QPrinter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pages = pages
        self.printer = printer
        first, last = printer.fromPage(), printer.toPage()  # 0: the whole document
        count = pages.count
        self.indexes = list(range(max(first, 1) - 1, min(last or count, count)))
        self.sent = 0
        self._painter = QPainter()
        self._cancelled = False

    def start(self) -> None:
        if not self.indexes:
            self.finished.emit(True)
            return
        size = self.pages.size_points(self.indexes[0])
        landscape = size.width() > size.height()
        self.printer.setPageOrientation(
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        )
        if not self._painter.begin(self.printer):
            raise AppError(
                "無法開始列印，請確認印表機或輸出檔案。", "Cannot start printing: check the printer or output file."
            )
        QTimer.singleShot(0, self, self._next)

    def cancel(self) -> None:
        """Stop now: the pages not yet sent are dropped and the print run is aborted."""
        if self._cancelled or not self._painter.isActive():
            return
        self._cancelled = True
        self.printer.abort()
        self._painter.end()
        self.finished.emit(False)

    def _next(self) -> None:
        if self._cancelled:
            return
        index = self.indexes[self.sent]
        dpi = min(self.printer.resolution(), MAX_PRINT_DPI)
        image = self.pages.image(index, dpi)
        paper = self.printer.pageLayout().fullRectPixels(self.printer.resolution())
        target = QSize(image.width(), image.height()).scaled(paper.size(), Qt.AspectRatioMode.KeepAspectRatio)
        self._painter.drawImage(
            QRect(paper.x() + (paper.width() - target.width()) // 2, paper.y(), target.width(), target.height()),
            image,
        )
        self.sent += 1
        self.progressed.emit(self.sent, len(self.indexes))
        if self.sent < len(self.indexes):
            self.printer.newPage()
            QTimer.singleShot(0, self, self._next)
            return
        self._painter.end()
        self.finished.emit(True)


class PrintPreview(QDialog):
    """The pages of `printed`; the job's `folder` (PDF, signatures) is removed when the preview closes."""

    printed = Signal(bool)  # a print run ended: True when every page was sent

    def __init__(self, printed: PrintedPdf, folder: PrivateFolder | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = printed
        self.folder = folder
        self.pages = PdfPages(printed.path)
        self._printer: PagePrinter | None = None
        self.setWindowTitle(tr(f"預覽列印 — {printed.title}", f"Print preview — {printed.title}"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint)

        summary = QLabel(
            tr(
                f"<b>{printed.title}</b>　{printed.documents} 份，共 {printed.pages} 頁",
                f"<b>{printed.title}</b>　{printed.documents} document(s), {printed.pages} page(s)",
            )
        )
        self.warnings = QLabel()
        self.warnings.setStyleSheet(WARNING_STYLE)
        self.warnings.setWordWrap(True)
        self.warnings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings.setAccessibleName(tr("列印注意事項", "Printing warnings"))
        if printed.warnings:
            self.warnings.setText(tr("注意：", "Please note:") + "\n" + "\n".join(f"• {w}" for w in printed.warnings))
        self.warnings.setVisible(bool(printed.warnings))

        self.sheet = PagesWidget(self.pages)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.sheet)
        self.scroll_area.setWidgetResizable(False)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll_area.setStyleSheet("QScrollArea { background: #6b6b6b; }")
        self.scroll_area.setAccessibleName(tr("預覽", "Preview"))

        self.zoom = QComboBox()
        self.zoom.setAccessibleName(tr("縮放", "Zoom"))
        self.zoom.addItem(tr("符合寬度", "Fit width"), FIT_WIDTH)
        for factor in ZOOMS:
            self.zoom.addItem(f"{factor:.0%}", factor)
        self.zoom.currentIndexChanged.connect(self._apply_zoom)
        self.print_button = QPushButton(tr("列印…", "Print…"))
        self.print_button.setToolTip("Ctrl+P")
        self.print_button.clicked.connect(self.print_with_dialog)
        self.save_button = QPushButton(tr("另存 PDF…", "Save as PDF…"))
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.clicked.connect(self.ask_save_pdf)
        close = QPushButton(tr("關閉", "Close"))
        close.clicked.connect(self.close)
        self.status = QLabel()
        self.status.setAccessibleName(tr("列印狀態", "Printing status"))
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_with_dialog)
        QShortcut(QKeySequence.StandardKey.Save, self, self.ask_save_pdf)
        QShortcut(QKeySequence.StandardKey.ZoomIn, self, lambda: self._step_zoom(1))
        QShortcut(QKeySequence.StandardKey.ZoomOut, self, lambda: self._step_zoom(-1))

        bar = QHBoxLayout()
        bar.addWidget(summary, 1)
        bar.addWidget(QLabel(tr("縮放", "Zoom")))
        bar.addWidget(self.zoom)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.warnings)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(buttons)
        self.print_button.setDefault(True)
        self.resize(900, 960)
        # The files go however the preview ends: closed, its window closed under it, or the app quitting.
        self.destroyed.connect(functools.partial(release_files, self.pages, folder))
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close)
        self._apply_zoom()

    # --- pages ---

    @property
    def page_count(self) -> int:
        return self.pages.count

    def page_image(self, index: int) -> QImage:
        """The picture of page `index` at the current zoom."""
        return self.pages.image(index, self.sheet.image_dpi())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.zoom.currentData() == FIT_WIDTH:
            self._apply_zoom()

    def _apply_zoom(self) -> None:
        factor = float(self.zoom.currentData() or FIT_WIDTH)
        if factor == FIT_WIDTH:
            room = self.scroll_area.viewport().width() - 2 * PAGE_GAP
            factor = max(0.25, room / (self.sheet.widest_points() * SCREEN_DPI / POINTS_PER_INCH))
        self.sheet.zoom = factor
        self.sheet.resize(self.sheet.sizeHint().expandedTo(QSize(self.scroll_area.viewport().width(), 0)))
        self.sheet.update()

    def _step_zoom(self, step: int) -> None:
        index = self.zoom.currentIndex() + step
        if 1 <= index < self.zoom.count():
            self.zoom.setCurrentIndex(index)
        elif self.zoom.currentIndex() == 0:
            self.zoom.setCurrentIndex(ZOOMS.index(1.0) + 1)

    # --- printing ---

    def new_printer(self) -> QPrinter:
        """A printer set up for these pages: A4, turned to the pages' orientation, named after the document."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setFullPage(True)  # the PDF has its own margins
        printer.setDocName(self.document.title)
        printer.setFromTo(0, 0)
        return printer

    def print_with_dialog(self) -> None:
        if self._printer is not None:
            return
        printer = self.new_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(tr("列印", "Print"))
        dialog.setMinMax(1, self.page_count)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> PagePrinter:
        """Print every page (or the printer's page range) on `printer`; `printed` tells when it is done."""
        job = PagePrinter(self.pages, printer, self)
        progress = QProgressDialog(tr("列印中…", "Printing…"), tr("取消", "Cancel"), 0, len(job.indexes), self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(500)
        progress.canceled.connect(job.cancel)
        job.progressed.connect(lambda sent, _total: progress.setValue(sent))
        job.finished.connect(lambda ok: self._printed(ok, printer, progress))
        self._printer = job
        self.print_button.setEnabled(False)
        try:
            job.start()
        except AppError as exc:
            self._printed(False, printer, progress)
            report_error(exc, self)
        return job

    def _printed(self, ok: bool, printer: QPrinter, progress: QProgressDialog) -> None:
        progress.close()
        progress.deleteLater()
        self._printer = None
        self.print_button.setEnabled(True)
        where = printer.outputFileName() or printer.printerName()
        if ok:
            self.status.setText(tr(f"已送出列印：{where}", f"Sent to {where}"))
        else:
            self.status.setText(tr("列印未完成。", "Printing did not finish."))
        self.printed.emit(ok)

    # --- saving ---

    def ask_save_pdf(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder or Path.home()) / f"{self.document.title}.pdf")
        name, _ = QFileDialog.getSaveFileName(self, tr("另存 PDF", "Save as PDF"), suggested, "PDF (*.pdf)")
        if name:
            self.save_pdf(Path(name))

    def save_pdf(self, target: Path) -> Path | None:
        """Copy the PDF to `target` (.pdf added if missing), readable by the user only; None if it failed."""
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            save_copy(self.document.path, target)
        except AppError as exc:
            report_error(exc, self)
            return None
        self.status.setText(tr(f"已儲存：{target}（僅限本人讀取）", f"Saved: {target} (readable by you only)"))
        return target

    # --- closing ---

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._printer is not None:
            self._printer.cancel()
        self._release()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self._release()
        super().done(result)

    def _release(self) -> None:
        if shiboken6.isValid(self):
            self.sheet.hide()  # nothing may draw from the closed PDF
            release_files(self.pages, self.folder)


def release_files(pages: PdfPages, folder: PrivateFolder | None) -> None:
    """Close the PDF and remove the job's private folder (the PDF and any signature in it); safe to repeat."""
    pages.close()
    if folder is not None:
        folder.remove()
