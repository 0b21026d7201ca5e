from pytestqt.qtbot import QtBot

from app.views.launch import build_window


def test_placeholder_window_says_what_it_is(qtbot: QtBot) -> None:
    window = build_window()
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle().startswith("FieldCase")
    assert "個案管理" in window.centralWidget().text()  # type: ignore[attr-defined]
