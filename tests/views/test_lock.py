"""閒置鎖定: the window hides client data after the idle time and comes back with the right secret only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.services.unlock_secret import set_unlock_password
from app.store.store import Store
from app.views.launch import build_main_window
from app.views.lock import IdleWatcher, LockScreen
from app.views.runner import StoreRunner
from app.views.settings import AppSettings


@pytest.fixture
def runner(store: Store) -> Iterator[StoreRunner]:
    with store.transaction() as session:
        set_unlock_password(session, "外展解鎖密碼")
    runner = StoreRunner(store)
    yield runner
    runner.shutdown()


def test_idle_lock_and_unlock(runner: StoreRunner, qtbot: QtBot, tmp_path: Path) -> None:
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = build_main_window(runner, settings, "cm.chen")
    qtbot.addWidget(window)
    window.show()
    case_window = QWidget()
    qtbot.addWidget(case_window)
    case_window.show()
    window._case_windows = lambda: [case_window]  # type: ignore[method-assign]

    watcher = IdleWatcher(minutes=0.001, parent=window, check_interval_ms=20)
    watcher.idle.connect(window.lock)
    qtbot.waitUntil(lambda: window.locked, timeout=3000)
    assert not case_window.isVisible() and not window.menuBar().isEnabled()

    screen = window.root.currentWidget()
    assert isinstance(screen, LockScreen)
    screen.secret.setText("wrong one")
    screen.button.click()
    qtbot.waitUntil(lambda: screen.message.text() != "", timeout=5000)
    assert window.locked and "密碼錯誤" in screen.message.text()

    screen.secret.setText("外展解鎖密碼")
    with qtbot.waitSignal(screen.unlocked, timeout=5000):
        screen.button.click()
    assert not window.locked and case_window.isVisible() and window.menuBar().isEnabled()


def test_ctrl_l_locks_at_once(runner: StoreRunner, qtbot: QtBot, tmp_path: Path) -> None:
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = build_main_window(runner, settings, "cm.chen")
    qtbot.addWidget(window)
    (lock,) = [a for a in window.actions() if a.shortcut().toString() == "Ctrl+L"]
    lock.trigger()
    assert window.locked
