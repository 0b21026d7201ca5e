"""The Traditional Chinese font shipped in resources/fonts/, made available to Qt.

A fresh Linux machine may have no CJK font at all, and Chinese would show as empty boxes; the bundled font (AR PL
UMing TW, Arphic Public License, which allows redistribution) is registered as a fallback behind the platform's own
UI font, so a Windows laptop keeps 微軟正黑體 and Linux gets real glyphs. Qt and the printed forms (ReportLab) take
the file from one place, `app.printing.bundled_font()`, so the screen and the paper never disagree on which font
ships.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtGui import QFontDatabase, QFontMetrics, QGuiApplication

from app.printing import bundled_font

BUNDLED_FAMILY: Final = bundled_font().family


def install_fonts() -> list[str]:
    """Register the bundled font and add it as a fallback for Chinese text; returns the families registered."""
    font = bundled_font()
    font_id = QFontDatabase.addApplicationFont(str(font.path))  # a .ttc: Qt registers every face it holds
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if font.family in families and not _has_system_cjk_font():
        # Latin text keeps the platform's UI font; characters it lacks fall back to the bundled font.
        ui_font = QGuiApplication.font()
        ui_font.setFamilies([ui_font.family(), font.family])
        QGuiApplication.setFont(ui_font)
    return families


def _has_system_cjk_font() -> bool:
    """Whether the platform's UI font already covers Traditional Chinese (微軟正黑體 on Windows, Noto on Linux)."""
    metrics = QFontMetrics(QGuiApplication.font())
    return all(metrics.inFontUcs4(ord(ch)) for ch in "個案管理")
