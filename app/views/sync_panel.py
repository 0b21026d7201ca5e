"""Sync in the window: the status line (last sync, pending edits, conflicts, online or not) and when to sync.

A sync runs on the runner's network worker, never on the GUI thread and never in the queue of store jobs, so the
window stays usable on a slow link (docs/sync-protocol.md). It runs when the user asks (F5, or the button), after
start-up, and every few minutes while the server answers; offline, the app simply keeps working and says so.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.errors import AppError
from app.services.clock import LOCAL_TZ
from app.sync.client import SyncReport, SyncStatus, server_reachable, sync, sync_status
from app.sync.errors import DeviceRevoked, OfflineError
from app.views.i18n import current_language, translate
from app.views.runner import StoreRunner

AUTO_SYNC_MS = 3 * 60 * 1000  # often enough that a supervisor sees today's work, rare enough for a metered phone link


class SyncController(QObject):
    """When to sync and what happened; the widgets below only show it."""

    status_changed = Signal(object)  # SyncStatus
    running_changed = Signal(bool)
    online_changed = Signal(object)  # True, False, or None (not known yet)
    finished = Signal(object)  # SyncReport
    failed = Signal(object)  # AppError, for a sync the user asked for
    device_revoked = Signal(object)  # DeviceRevoked: the window must close the store and wipe it

    def __init__(self, runner: StoreRunner, parent: QObject | None = None, interval_ms: int = AUTO_SYNC_MS) -> None:
        super().__init__(parent)
        self.runner = runner
        self.status: SyncStatus | None = None
        self.running = False
        self.online: bool | None = None
        self.last_report: SyncReport | None = None
        self.last_problem = ""
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.auto_sync)

    def start(self) -> None:
        """Show the status now, sync once soon after start-up, then every few minutes."""
        self.refresh_status()
        QTimer.singleShot(1500, self, self.auto_sync)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def refresh_status(self) -> None:
        self.runner.run_network(sync_status, self._set_status, self._status_failed, owner=self)

    def sync_now(self, *_: object) -> None:
        """A sync the user asked for: problems come back as a message."""
        self._run(manual=True)

    def auto_sync(self) -> None:
        """A background sync: only when logged in and the server answers; an offline laptop just says offline."""
        if self.running or self.status is None or not self.status.logged_in or self.status.account is None:
            return
        url = self.status.account.server_url
        self.runner.run_network(lambda _store: server_reachable(url), self._probed, self._status_failed, owner=self)

    def _probed(self, reachable: bool) -> None:
        self._set_online(reachable)
        if reachable:
            self._run(manual=False)

    def _run(self, *, manual: bool) -> None:
        if self.running:
            return
        self._set_running(True)
        self.runner.run_network(sync, self._done, lambda error: self._failed(error, manual=manual), owner=self)

    def _done(self, report: SyncReport) -> None:
        self.last_report = report
        self.last_problem = ""
        self._set_online(True)
        self._set_running(False)
        self.finished.emit(report)
        self.refresh_status()

    def _failed(self, error: BaseException, *, manual: bool) -> None:
        self._set_running(False)
        if isinstance(error, DeviceRevoked):
            self.stop()
            self.device_revoked.emit(error)
            return
        if isinstance(error, OfflineError):
            self._set_online(False)
        language = current_language()
        self.last_problem = error.message(language) if isinstance(error, AppError) else str(error)
        self.refresh_status()
        if manual or not isinstance(error, AppError | OfflineError):
            self.failed.emit(error)

    def _status_failed(self, error: BaseException) -> None:
        if isinstance(error, DeviceRevoked):
            self.stop()
            self.device_revoked.emit(error)
        elif isinstance(error, OfflineError):
            self._set_online(False)

    def _set_status(self, status: SyncStatus) -> None:
        self.status = status
        self.status_changed.emit(status)

    def _set_running(self, running: bool) -> None:
        self.running = running
        self.running_changed.emit(running)

    def _set_online(self, online: bool | None) -> None:
        if online != self.online:
            self.online = online
            self.online_changed.emit(online)


class SyncStatusBar(QWidget):
    """The status-bar corner: 「● 已連線 · 上次同步 11:32 · 待上傳 3 · 衝突 1」 and the sync button."""

    conflicts_requested = Signal()
    login_requested = Signal()

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.summary = QLabel()
        self.summary.setAccessibleName(translate("同步狀態", "Sync status"))
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.summary.linkActivated.connect(self._link)
        self.button = QPushButton(translate("立即同步", "Sync now"))
        self.button.setToolTip(translate("與中央伺服器同步（F5）", "Sync with the central service (F5)"))
        self.button.setAccessibleName(translate("立即同步", "Sync now"))
        self.button.clicked.connect(self._button_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.button)
        layout.addStretch(1)  # the button keeps its own size however wide the status bar is
        controller.status_changed.connect(self.update_text)
        controller.running_changed.connect(self.update_text)
        controller.online_changed.connect(self.update_text)
        self.update_text()

    def _button_clicked(self) -> None:
        status = self.controller.status
        if status is not None and not status.logged_in:
            self.login_requested.emit()
        else:
            self.controller.sync_now()

    def _link(self, target: str) -> None:
        if target == "conflicts":
            self.conflicts_requested.emit()
        elif target == "login":
            self.login_requested.emit()

    def update_text(self, *_: object) -> None:
        self.summary.setText(self.describe())
        status = self.controller.status
        logged_in = status is not None and status.logged_in
        self.button.setText(translate("立即同步", "Sync now") if logged_in else translate("登入…", "Log in…"))
        self.button.setEnabled(not self.controller.running)

    def describe(self) -> str:
        """The status line's text (rich text: the conflict count is a link to the conflict list)."""
        controller = self.controller
        status = controller.status
        if status is None:
            return ""
        if not status.logged_in:
            return translate("未登入同步伺服器，資料只存在這台電腦", "Not logged in: data stays on this laptop only")
        parts: list[str] = []
        if controller.running:
            parts.append(translate("同步中…", "Syncing…"))
        elif controller.online is True:
            parts.append("<span style='color:#1a7f37'>●</span> " + translate("已連線", "Online"))
        elif controller.online is False:
            parts.append("<span style='color:#9a6700'>○</span> " + translate("離線", "Offline"))
        if status.last_sync_at is not None:
            when = status.last_sync_at.astimezone(LOCAL_TZ)
            parts.append(translate("上次同步", "Last sync") + f" {when:%m/%d %H:%M}")
        else:
            parts.append(translate("尚未同步", "Never synced"))
        parts.append(translate("待上傳", "To send") + f" {status.pending}")
        if status.open_conflicts:
            parts.append(_link(translate("衝突", "Conflicts"), status.open_conflicts))
        if status.rejected_edits:
            parts.append(_link(translate("被退回", "Refused"), status.rejected_edits))
        if controller.last_problem and not controller.running:
            parts.append(controller.last_problem)
        return " · ".join(parts)


def _link(text: str, count: int) -> str:
    return f"<a href='conflicts' style='color:#cf222e'>{text} {count}</a>"


def sync_action(controller: SyncController, parent: QWidget) -> QAction:
    action = QAction(translate("立即同步", "Sync now"), parent)
    action.setShortcut(QKeySequence("F5"))
    action.triggered.connect(controller.sync_now)
    return action


def device_revoked_message(error: DeviceRevoked) -> str:
    return (
        error.message(current_language())
        + "\n\n"
        + translate(
            "為保護個案資料，這台電腦上的資料庫已刪除。請洽系統管理員重新設定。",
            "To protect the clients' data, the store on this laptop has been erased. Ask your administrator to set "
            "it up again.",
        )
    )


__all__ = ["SyncController", "SyncStatusBar", "device_revoked_message", "sync_action"]
