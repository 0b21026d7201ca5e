"""The main window shell, settings and the unlock dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot

from app.views import unlock
from app.views.main_window import MainWindow
from app.views.settings import AppSettings, SettingsDialog


def test_pages_and_shortcuts(qtbot: QtBot, settings: AppSettings) -> None:
    window = MainWindow(settings, "cm.chen")
    qtbot.addWidget(window)
    window.add_page("今日待辦", QLabel("today"))
    window.add_page("我的個案", QLabel("cases"))
    window.show()
    assert window.pages.currentIndex() == 0
    window.show_page(1)
    assert window.pages.currentIndex() == 1
    assert [a.shortcut().toString() for a in window.actions() if a.text() == "我的個案"] == ["Ctrl+2"]


def test_window_state_is_remembered(qtbot: QtBot, settings: AppSettings) -> None:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.add_page("a", QLabel("a"))
    window.add_page("b", QLabel("b"))
    window.resize(700, 500)
    window.show_page(1)
    window.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    again.add_page("a", QLabel("a"))
    again.add_page("b", QLabel("b"))
    again.restore_last_page()
    again.show()
    assert again.pages.currentIndex() == 1
    assert again.width() == 700


def test_settings_dialog_saves_preferences_but_no_secrets(qtbot: QtBot, settings: AppSettings) -> None:
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.agency.setText("桃園市政府勞動局")
    dialog.idle.setValue(5)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.county.setCurrentIndex(dialog.county.findData("TTT"))
    dialog.accept()
    assert (settings.agency_name, settings.idle_lock_minutes, settings.language, settings.default_county) == (
        "桃園市政府勞動局",
        5,
        "en",
        "TTT",
    )
    stored = Path(settings.qsettings.fileName()).read_text(encoding="utf-8")
    assert "passphrase" not in stored.lower() and "key" not in stored.lower()


def test_unlock_dialog_checks_a_new_passphrase(qtbot: QtBot) -> None:
    dialog = unlock.PassphraseDialog(creating=True)
    qtbot.addWidget(dialog)
    dialog.passphrase.setText("short")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and "8" in dialog.message.text()
    dialog.passphrase.setText("long enough phrase")
    dialog.again.setText("different phrase!")
    dialog.accept()
    assert "不同" in dialog.message.text()
    dialog.again.setText("long enough phrase")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


@pytest.mark.usefixtures("no_keyring")
def test_open_store_asks_for_the_passphrase(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    typed = iter(["a good passphrase", "a good passphrase"])

    def fake_exec(dialog: unlock.PassphraseDialog) -> int:
        dialog.passphrase.setText(next(typed))
        dialog.again.setText(dialog.passphrase.text())
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(unlock.PassphraseDialog, "exec", fake_exec)
    store = unlock.open_store(tmp_path / "new.db", "cm.chen")
    assert store is not None
    store.close()
    again = unlock.open_store(tmp_path / "new.db", "cm.chen")
    assert again is not None and again.key.source == "passphrase"
    again.close()


def test_qt_standard_buttons_speak_traditional_chinese(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from app.views.i18n import apply_language

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_language(app, "zh-TW")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert sorted(b.text() for b in buttons.buttons()) == sorted(["儲存", "取消"])
