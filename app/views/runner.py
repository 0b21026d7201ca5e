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

    def __init__(self, store: Store, *, transactional: bool = True) -> None:
        super().__init__()
        self._store = store
        self._transactional = transactional

    @Slot(int, object)
    def work(self, ticket: int, job: Callable[[Any], Any]) -> None:
        try:
            if self._transactional:
                with self._store.transaction() as session:
                    result = job(session)
            else:
                result = job(self._store)  # a network job: it opens its own short transactions between requests
        except BaseException as exc:  # every failure goes back to the GUI thread; none may kill the worker
            self.finished.emit(ticket, None, exc)
        else:
            self.finished.emit(ticket, result, None)


def _start_worker(name: str, worker: _Worker, submit: Any, deliver: Any) -> QThread:
    thread = QThread()
    thread.setObjectName(name)
    worker.moveToThread(thread)
    submit.connect(worker.work, Qt.ConnectionType.QueuedConnection)
    worker.finished.connect(deliver, Qt.ConnectionType.QueuedConnection)
    thread.start()
    return thread


@dataclass
class _Pending:
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    owner: QObject | None
    progress_text: str | None
    dialog: QProgressDialog | None = None


class StoreRunner(QObject):
    """Runs store jobs off the GUI thread, one at a time, in the order they were asked for.

    Network jobs (sync, login) run on a second worker (`run_network`), so a slow link never holds up the store jobs
    behind it: the window stays usable while a sync waits for the server (DESIGN.md, "Desktop client").
    """

    _submit = Signal(int, object)
    _submit_network = Signal(int, object)
    idle_changed = Signal(bool)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._tickets = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._worker = _Worker(store)
        self._thread = _start_worker("store-worker", self._worker, self._submit, self._deliver)
        self._network_worker = _Worker(store, transactional=False)
        self._network_thread = _start_worker(
            "network-worker", self._network_worker, self._submit_network, self._deliver
        )

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
        return self._queue(self._submit, job, _Pending(on_done, on_error, owner, progress))

    def run_network(
        self,
        job: Callable[[Store], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        owner: QObject | None = None,
    ) -> int:
        """Queue a job that talks to the server: it gets the store (not a session) and runs on the network worker,
        one at a time; results and errors come back like `run`'s. No progress dialog: the sync status shows it."""
        return self._queue(self._submit_network, job, _Pending(on_done, on_error, owner, None))

    def _queue(self, submit: Any, job: Callable[[Any], Any], pending: _Pending) -> int:
        ticket = next(self._tickets)
        was_idle = self.idle
        self._pending[ticket] = pending
        if pending.progress_text is not None:
            QTimer.singleShot(PROGRESS_DELAY_MS, self, lambda: self._show_progress(ticket))
        submit.emit(ticket, job)
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
        """Finish queued jobs (nothing typed may be lost at exit), then stop the worker threads. A sync cut short
        here is safe: its pushes are idempotent and its staged pulls are applied next time."""
        self._thread.quit()
        self._network_thread.quit()
        self._thread.wait(timeout_ms)
        self._network_thread.wait(timeout_ms)
