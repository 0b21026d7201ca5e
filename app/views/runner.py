"""Every store job runs on one worker thread; its result comes back to the GUI thread through a signal.

Anki's pattern (STYLE.md): a view says *what* to do as a small function of a session; the runner owns the
threading, the progress indicator (shown only when a job takes longer than ~0.5 s) and the error path. A callback
whose owner widget has been closed meanwhile is dropped instead of touching a deleted widget.

Jobs run inside `Store.transaction()`: committed when they return, rolled back when they raise. They should return
plain values or fully loaded objects, because the session is closed by the time the GUI sees the result.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget
from sqlalchemy.orm import Session

from app.store.store import Store
from app.views.errors import report_error

T = TypeVar("T")
PROGRESS_DELAY_MS = 500


class _Worker(QObject):
    finished = Signal(int, object, object)  # ticket, result, error

    def __init__(self, store: Store) -> None:
        super().__init__()
        self._store = store

    @Slot(int, object)
    def work(self, ticket: int, job: Callable[[Session], Any]) -> None:
        try:
            with self._store.transaction() as session:
                result = job(session)
        except BaseException as exc:  # every failure goes back to the GUI thread; none may kill the worker
            self.finished.emit(ticket, None, exc)
        else:
            self.finished.emit(ticket, result, None)


@dataclass
class _Pending:
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    owner: QObject | None
    progress_text: str | None
    dialog: QProgressDialog | None = None


class StoreRunner(QObject):
    """Runs store jobs off the GUI thread, one at a time, in the order they were asked for."""

    _submit = Signal(int, object)
    idle_changed = Signal(bool)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._tickets = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._thread = QThread()
        self._thread.setObjectName("store-worker")
        self._worker = _Worker(store)
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.work, Qt.ConnectionType.QueuedConnection)
        self._worker.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._thread.start()

    @property
    def idle(self) -> bool:
        return not self._pending

    def run(
        self,
        job: Callable[[Session], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        owner: QObject | None = None,
        progress: str | None = None,
    ) -> int:
        """Queue `job`; `on_done(result)` or `on_error(exc)` runs later on the GUI thread unless `owner` is gone.

        Without `on_error`, problems are reported the standard way (a message for expected problems, a dialog with
        details for unexpected ones). With `progress`, a busy indicator appears if the job takes over 0.5 s.
        """
        ticket = next(self._tickets)
        was_idle = self.idle
        self._pending[ticket] = _Pending(on_done, on_error, owner, progress)
        if progress is not None:
            QTimer.singleShot(PROGRESS_DELAY_MS, self, lambda: self._show_progress(ticket))
        self._submit.emit(ticket, job)
        if was_idle:
            self.idle_changed.emit(False)
        return ticket

    def _show_progress(self, ticket: int) -> None:
        pending = self._pending.get(ticket)
        if pending is None or pending.progress_text is None:
            return
        parent = pending.owner if isinstance(pending.owner, QWidget) and shiboken6.isValid(pending.owner) else None
        dialog = QProgressDialog(pending.progress_text, "", 0, 0, parent)
        dialog.setCancelButton(None)  # a store job cannot be cut off half-way
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.show()
        pending.dialog = dialog

    @Slot(int, object, object)
    def _deliver(self, ticket: int, result: object, error: object) -> None:
        pending = self._pending.pop(ticket, None)
        if self.idle:
            self.idle_changed.emit(True)
        if pending is None:
            return
        if pending.dialog is not None:
            pending.dialog.close()
            pending.dialog.deleteLater()
        if pending.owner is not None and not shiboken6.isValid(pending.owner):
            return  # the dialog that asked was closed meanwhile
        if isinstance(error, BaseException):
            if pending.on_error is not None:
                pending.on_error(error)
            else:
                parent = pending.owner if isinstance(pending.owner, QWidget) else None
                report_error(error, parent)
        elif pending.on_done is not None:
            pending.on_done(result)

    def shutdown(self, timeout_ms: int = 30_000) -> None:
        """Finish queued jobs (nothing typed may be lost at exit), then stop the worker thread."""
        self._thread.quit()
        self._thread.wait(timeout_ms)
