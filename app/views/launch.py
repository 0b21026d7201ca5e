"""Start-up: settings, language, fonts, log; unlock the store; build the main window with its pages.

`python -m app [--store PATH] [--user NAME] [--demo N]`: `--demo N` fills a new store with N synthetic cases first
(what `make run` does, so a newcomer sees a working caseload).
"""

from __future__ import annotations

import argparse
import getpass
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
from app.views.logs import setup_logging
from app.views.main_window import MainWindow
from app.views.runner import StoreRunner
from app.views.settings import AppSettings
from app.views.today import TodayView
from app.views.unlock import PassphraseDialog, open_store


def build_main_window(runner: StoreRunner, settings: AppSettings, user: str) -> MainWindow:
    english = current_language() == "en"
    store = runner.store
    window = MainWindow(settings, f"{user} · {store.path}")
    cases = CaseWindows(runner, window)
    window.cases = cases
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
    window.restore_last_page()
    return window


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
    return parser.parse_args(argv)


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
                generate_demo(store, args.demo, seed=1)
        except AppError as exc:
            report_error(exc)
    runner = StoreRunner(store)
    window = build_main_window(runner, settings, user)
    window.show()
    code = application.exec()
    runner.shutdown()
    store.close()
    return code
