from pytestqt.qtbot import QtBot

from app.views.launch import build_window


def test_placeholder_window_says_what_it_is(qtbot: QtBot) -> None:
    window = build_window()
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle().startswith("FieldCase")
    assert "個案管理" in window.centralWidget().text()  # type: ignore[attr-defined]


def test_bundled_font_covers_traditional_chinese(qtbot: QtBot) -> None:
    from PySide6.QtGui import QFont, QFontMetrics

    from app.views.fonts import BUNDLED_FAMILY, install_fonts

    assert BUNDLED_FAMILY in install_fonts()
    metrics = QFontMetrics(QFont(BUNDLED_FAMILY))
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "職業重建個案管理臺灣")
