"""Start-up composes the whole window: pages, shortcuts, opening a case from the lists."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.services.demo import generate_demo
from app.store.store import Store
from app.views.launch import build_main_window
from app.views.runner import StoreRunner
from app.views.settings import AppSettings
from app.views.today import TodayView
from app.views.workspace import CaseWorkspace


@pytest.fixture
def runner(store: Store) -> Iterator[StoreRunner]:
    generate_demo(store, 40, seed=4, today=date(2025, 11, 20))
    runner = StoreRunner(store)
    yield runner
    runner.shutdown()


def test_bundled_font_covers_traditional_chinese(qtbot: QtBot) -> None:
    from PySide6.QtGui import QFont, QFontMetrics

    from app.views.fonts import BUNDLED_FAMILY, install_fonts

    assert BUNDLED_FAMILY in install_fonts()
    metrics = QFontMetrics(QFont(BUNDLED_FAMILY))
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "職業重建個案管理臺灣")


def test_main_window_has_the_pages_and_opens_a_case(runner: StoreRunner, qtbot: QtBot, tmp_path: Path) -> None:
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = build_main_window(runner, settings, "cm.chen")
    qtbot.addWidget(window)
    window.show()
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ["今日待辦", "我的個案", "服務單位"]
    assert any(a.shortcut().toString() == "Ctrl+N" for a in window.actions())
    today = window.pages.widget(0)
    assert isinstance(today, TodayView)
    qtbot.waitUntil(lambda: runner.idle, timeout=10_000)
    case_id = next(item.case_id for item in today.items() if item.case_id is not None)
    today.open_requested.emit(case_id, "case", None)
    qtbot.waitUntil(lambda: runner.idle, timeout=10_000)
    (workspace,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, CaseWorkspace)]
    assert workspace.case is not None and workspace.case.id == case_id
    assert workspace.tabs.count() == 9


def test_hand_over_takes_the_cases_selected_in_the_caseload(runner: StoreRunner, qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtCore import QItemSelectionModel

    from app.views.caseload import CaseloadView

    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = build_main_window(runner, settings, "cm.chen")
    qtbot.addWidget(window)
    window.show_page(1)
    caseload = window.pages.widget(1)
    assert isinstance(caseload, CaseloadView)
    qtbot.waitUntil(lambda: runner.idle and caseload.model.rowCount() > 2, timeout=10_000)
    selection = caseload.table.selectionModel()
    for row in (0, 2):
        selection.select(
            caseload.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    assert caseload.selected_case_ids() == [caseload.model.case_id(0), caseload.model.case_id(2)]
    assert any(a.text() == "移案…" for a in window.actions())
