"""The version (from pyproject.toml) in `fieldcase --version` and the About dialog, with the bundled font's licence."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

import app
from app import cli
from app.views.main_window import AboutDialog, MainWindow
from app.views.settings import AppSettings

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT_VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def test_the_version_is_pyprojects(capsys: pytest.CaptureFixture[str]) -> None:
    assert app.__version__ == PYPROJECT_VERSION
    with pytest.raises(SystemExit) as done:
        cli.main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"fieldcase {PYPROJECT_VERSION}"


def test_an_uninstalled_source_tree_reads_pyproject(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib.metadata import PackageNotFoundError

    def not_installed(name: str) -> str:
        raise PackageNotFoundError(name)

    monkeypatch.setattr(app, "version", not_installed)
    assert app._version() == PYPROJECT_VERSION
    other = tmp_path / "pyproject.toml"
    other.write_text('[project]\nname = "something-else"\nversion = "9.9"\n', encoding="utf-8")
    assert app._source_tree_version(other) == app.UNKNOWN_VERSION
    assert app._source_tree_version(tmp_path / "missing.toml") == app.UNKNOWN_VERSION


def test_help_menu_opens_about_with_version_and_font_licence(qtbot: QtBot, tmp_path: Path) -> None:
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert window.help_menu.title() == "說明(&H)"
    assert window.about_action.text() == "關於 FieldCase" and window.about_action in window.help_menu.actions()
    assert not window.windowIcon().isNull()

    dialog = AboutDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "關於 FieldCase"
    assert PYPROJECT_VERSION in dialog.heading.text()
    licence = dialog.licence.toPlainText()
    assert "ARPHIC PUBLIC LICENSE" in licence and "Arphic Technology" in licence
    labels = " ".join(label.text() for label in dialog.findChildren(type(dialog.heading)))
    assert "AR PL UMing TW" in labels and "Arphic Public License" in labels
