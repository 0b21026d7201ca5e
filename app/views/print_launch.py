"""Render a print job on the store worker and open its preview: the one way every page that prints a document
other than a case's (月報表, 服務對象日報, 督導紀錄) does it, so each keeps the job's private folder the same way."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from app.views.errors import report_error
from app.views.print_job import PrintedPdf, PrintRequest, PrivateFolder, print_job
from app.views.print_preview import PrintPreview
from app.views.runner import StoreRunner

Job = Callable[[Any], PrintedPdf]  # a store job (runner.run) that renders into the folder it was made for


def open_preview(
    runner: StoreRunner,
    request: PrintRequest | Callable[[PrivateFolder], Job],
    owner: QWidget,
    *,
    progress: str,
    parent: QWidget | None = None,
    opened: Callable[[PrintPreview], object] | None = None,
    finished: Callable[[], object] | None = None,
) -> None:
    """Render `request` (or run the job it makes for the folder) into a fresh private folder and show the preview,
    a window of `parent` (default: `owner`'s window; a dialog that may close first passes its own parent).
    `finished` runs when the job is over either way (to enable the button again); a failure is reported and its
    folder removed."""
    folder = PrivateFolder()

    def done(printed: PrintedPdf) -> None:
        if finished is not None:
            finished()
        preview = PrintPreview(printed, folder, parent if parent is not None else owner.window())
        preview.show()
        if opened is not None:
            opened(preview)

    def failed(error: BaseException) -> None:
        folder.remove()
        if finished is not None:
            finished()
        report_error(error, owner)

    job = print_job(request, folder) if isinstance(request, PrintRequest) else request(folder)
    runner.run(job, done, failed, owner=owner, progress=progress)
