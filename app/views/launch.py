"""Start-up: settings, language, fonts, log; unlock the store; build the main window with its pages and sync.

`python -m app [--store PATH] [--user NAME] [--demo N] [--server URL] [--supervisor]`: `--demo N` fills a new store
with N synthetic cases first; `--server URL` logs this laptop in to the central service if it is not yet (the password
from FIELDCASE_SYNC_PASSWORD for scripts and `make run`, else asked in a dialog). `make run` does both, so a newcomer
sees a working caseload syncing with a local server. A supervisor's account (or `--supervisor`, for a demo of a
team's store) gets the supervisor's pages (app.views.supervisor) instead of a case manager's.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import socket
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from app import __version__
from app.errors import AppError
from app.services.unlock_secret import has_unlock_password, set_unlock_password, verify_unlock
from app.store.store import Store
from app.views.case_windows import CaseWindows
from app.views.caseload import CaseloadView
from app.views.directory import DirectoryView
from app.views.errors import current_language, report_error
from app.views.fonts import install_fonts
from app.views.handover import HandoverDialog
from app.views.i18n import apply_language
from app.views.intake import IntakeDialog
from app.views.lock import IdleWatcher, LockScreen
from app.views.login import LoginDialog
from app.views.logs import setup_logging
from app.views.main_window import MainWindow
from app.views.printing import install_printing
from app.views.runner import StoreRunner
from app.views.settings import AppSettings
from app.views.sync_panel import SyncController, SyncStatusBar, device_revoked_message, sync_action
from app.views.today import TodayView
from app.views.unlock import PassphraseDialog, open_store

log = logging.getLogger("fieldcase")


def build_main_window(runner: StoreRunner, settings: AppSettings, user: str, *, supervisor: bool = False) -> MainWindow:
    english = current_language() == "en"
    store = runner.store
    window = MainWindow(settings, f"{user} · {store.path}")
    cases = CaseWindows(runner, window, read_only=supervisor)
    window.cases = cases
    if supervisor:
        return _build_supervisor_window(window, runner, settings, cases)
    today = TodayView(runner, user)
    today.open_requested.connect(lambda case_id, kind, target: cases.open(case_id, kind, target))
    caseload = CaseloadView(runner)
    caseload.case_opened.connect(cases.open)
    directory = DirectoryView(runner)
    window.add_page("Today" if english else "今日待辦", today)
    window.add_page("My cases" if english else "我的個案", caseload)
    window.add_page("Service units" if english else "服務單位", directory)

    def refresh_lists(*_: object) -> None:
        caseload.refresh()
        today.refresh()

    def new_intake() -> None:
        dialog = IntakeDialog(runner, window, owner=user, default_county=settings.default_county)
        dialog.open_case_requested.connect(cases.open)
        dialog.intake_saved.connect(refresh_lists)
        dialog.exec()

    def hand_over() -> None:
        case_ids = caseload.selected_case_ids()
        if not case_ids:
            window.show_page(1)
            QMessageBox.information(
                window,
                "FieldCase",
                "Select the cases to hand over in My cases first."
                if english
                else "請先在「我的個案」選取要移交的個案（可按住 Ctrl 或 Shift 多選）。",
            )
            return
        dialog = HandoverDialog(runner, case_ids, window)
        dialog.transferred.connect(refresh_lists)
        dialog.exec()

    handover = QAction("Hand over cases…" if english else "移案…", window)
    handover.setShortcut(QKeySequence("Ctrl+Shift+T"))
    handover.triggered.connect(hand_over)
    window.addAction(handover)
    window.file_menu.insertAction(window.file_menu.actions()[0], handover)

    intake = QAction("New intake…" if english else "新案受理…", window)
    intake.setShortcut(QKeySequence("Ctrl+N"))
    intake.triggered.connect(new_intake)
    window.addAction(intake)
    window.file_menu.insertAction(window.file_menu.actions()[0], intake)
    _install_idle_lock(window, runner, settings)
    _install_sync(window, runner, refresh_lists)
    install_printing(window, runner, settings, caseload.selected_case_ids)
    window.restore_last_page()
    return window


def _build_supervisor_window(
    window: MainWindow, runner: StoreRunner, settings: AppSettings, cases: CaseWindows
) -> MainWindow:
    """督導模式: 團隊總覽, 待審, 績效指標, 督導紀錄, 報表 and 稽核紀錄 over the team's synced cases; no intake or
    hand-over."""
    from app.views.supervisor.pages import install_supervisor_pages

    pages = install_supervisor_pages(window, runner, settings, cases)
    _install_idle_lock(window, runner, settings)
    _install_sync(window, runner, pages.refresh)
    controller = window.sync
    if isinstance(controller, SyncController):  # a decision goes up at once (when online); the case manager sees it
        pages.reviews.decided.connect(controller.auto_sync)  # at their sync; offline, it waits for the next one
    install_printing(window, runner, settings, lambda: [])
    # 列印… prints the cases selected in 我的個案, which a supervisor's window has not: a case prints from its window.
    for action in [a for a in window.actions() if a.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)]:
        window.removeAction(action)
        window.file_menu.removeAction(action)
    window.restore_last_page()
    return window


def _is_supervisor(store: Store) -> bool:
    """The account this laptop last logged in with is a supervisor's (the server says so at login)."""
    from app.sync.client import sync_status

    account = sync_status(store).account
    return account is not None and account.role == "supervisor"


def _install_sync(window: MainWindow, runner: StoreRunner, refresh_lists: Callable[[], None]) -> None:
    """The sync status in the status bar, F5, the login and conflict dialogs, and what a revoked laptop does."""
    from app.views.conflicts import ConflictsDialog

    controller = SyncController(runner, window)
    bar = SyncStatusBar(controller)
    window.statusBar().addWidget(bar, 1)
    window.sync = controller

    def show_conflicts() -> None:
        dialog = ConflictsDialog(runner, window)
        dialog.changed.connect(controller.refresh_status)
        dialog.exec()

    def log_in() -> None:
        status = controller.status
        account = status.account if status is not None else None
        dialog = LoginDialog(
            runner,
            window,
            server_url=account.server_url if account else "",
            username=account.username if account else runner.store.actor,
        )
        dialog.logged_in.connect(controller.sync_now)
        dialog.exec()

    def synced(report: object) -> None:
        if getattr(report, "applied", 0) or getattr(report, "removed", 0):
            refresh_lists()

    def revoked(error: object) -> None:
        from app.sync.errors import DeviceRevoked

        assert isinstance(error, DeviceRevoked)
        erase_store_and_quit(window, runner, device_revoked_message(error))

    bar.conflicts_requested.connect(show_conflicts)
    bar.login_requested.connect(log_in)
    controller.finished.connect(synced)
    controller.failed.connect(lambda error: report_error(error, window))
    controller.device_revoked.connect(revoked)
    sync_now = sync_action(controller, window)
    window.addAction(sync_now)
    conflicts = QAction("Sync conflicts…" if current_language() == "en" else "同步衝突…", window)
    conflicts.triggered.connect(show_conflicts)
    login_action = QAction("Log in to the server…" if current_language() == "en" else "登入同步伺服器…", window)
    login_action.triggered.connect(log_in)
    for action in (sync_now, conflicts, login_action):
        window.file_menu.insertAction(window.file_menu.actions()[-1], action)
    controller.start()


def erase_store_and_quit(window: MainWindow, runner: StoreRunner, message: str) -> None:
    """A revoked laptop (reported lost or stolen) erases its store before anything else can read it, then says why
    and quits. Nothing is asked: the administrator has decided, and the data are on the server."""
    from app.sync.client import wipe_store

    store = runner.store
    for case_window in window.open_case_windows():
        case_window.hide()
    window.hide()
    runner.shutdown()
    store.close()
    report = wipe_store(store.path, store.device_id)
    log.warning("device revoked: erased %s", report)
    QMessageBox.critical(None, "FieldCase", message)
    QApplication.quit()


def _install_idle_lock(window: MainWindow, runner: StoreRunner, settings: AppSettings) -> None:
    store = runner.store
    passphrase_protected = store.key.source == "passphrase"

    def verify(secret: str, done: Callable[[bool], None]) -> None:
        runner.run(lambda session: verify_unlock(session, store.path, passphrase_protected, secret), done, owner=window)

    screen = LockScreen(verify)
    window.set_lock_screen(screen)
    watcher = IdleWatcher(settings.idle_lock_minutes, window)
    watcher.idle.connect(window.lock)
    screen.unlocked.connect(window.unlock)
    screen.unlocked.connect(watcher.resume)
    lock_now = QAction("Lock" if current_language() == "en" else "鎖定", window)
    lock_now.setShortcut(QKeySequence("Ctrl+L"))
    lock_now.triggered.connect(window.lock)
    window.addAction(lock_now)
    window.file_menu.addAction(lock_now)
    window.idle_watcher = watcher


def ensure_unlock_password(store: Store, parent: QWidget | None = None) -> bool:
    """A store whose key is in the OS keyring opens without typing; the idle lock then needs a password of its own,
    set once here. False when the user declines (the app does not run without it)."""
    if store.key.source != "keyring":
        return True
    with store.transaction() as session:
        if has_unlock_password(session):
            return True
    dialog = PassphraseDialog(creating=True, parent=parent, purpose="unlock")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    with store.transaction() as session:
        set_unlock_password(session, dialog.passphrase.text())
    return True


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="fieldcase-gui")
    parser.add_argument("--version", action="version", version=f"FieldCase {__version__}")
    parser.add_argument("--store", help="path of the encrypted case store (default: from settings)")
    parser.add_argument("--user", help="the case manager's user name (default: the OS user)")
    parser.add_argument("--demo", type=int, default=0, help="fill a new store with N demo cases")
    parser.add_argument("--server", help="log in to this central service if this laptop is not logged in yet")
    parser.add_argument("--supervisor", action="store_true", help="show the supervisor's pages (a team demo)")
    return parser.parse_args(argv)


def _log_in_at_start(store: Store, server: str, user: str) -> None:
    """`--server`: log in once (a laptop already logged in keeps its token); FIELDCASE_SYNC_PASSWORD for scripts."""
    from app.sync.client import login, sync_status

    if sync_status(store).logged_in:
        return
    password = os.environ.get("FIELDCASE_SYNC_PASSWORD", "")
    if not password:
        runner = StoreRunner(store)
        try:
            LoginDialog(runner, server_url=server, username=user).exec()
        finally:
            runner.shutdown()
        return
    try:
        login(store, server, user, password, socket.gethostname())
    except AppError as exc:
        report_error(exc)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse(sys.argv[1:] if argv is None else argv)
    application = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(application, QApplication)
    application.setOrganizationName("FieldCase")
    application.setApplicationName("FieldCase")
    application.setApplicationVersion(__version__)
    settings = AppSettings()
    apply_language(application, settings.language)
    install_fonts()
    setup_logging()
    path = Path(args.store) if args.store else settings.store_path
    user = args.user or getpass.getuser()
    store = open_store(path, user)
    if store is None or not ensure_unlock_password(store):
        return 1
    if args.demo:
        from app.services.cases import count_clients
        from app.services.demo import generate_demo

        try:
            with store.transaction() as session:
                empty = count_clients(session) == 0
            if empty:
                print(f"FieldCase: generating {args.demo} demo cases in {path} …", file=sys.stderr)
                # A laptop that syncs holds only its own user's cases; a standalone demo shows a whole team.
                generate_demo(store, args.demo, seed=1, owner=user if args.server else None)
        except AppError as exc:
            report_error(exc)
    if args.server:
        _log_in_at_start(store, args.server, user)
    runner = StoreRunner(store)
    window = build_main_window(runner, settings, user, supervisor=args.supervisor or _is_supervisor(store))
    window.show()
    code = application.exec()
    runner.shutdown()
    store.close()
    return code
