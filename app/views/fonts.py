"""The Traditional Chinese font shipped in resources/fonts/, made available to Qt.

A fresh Linux machine may have no CJK font at all, and Chinese would show as empty boxes; the bundled font (AR PL
UMing TW, Arphic Public License, which allows redistribution) is registered as a fallback behind the platform's own
UI font, so a Windows laptop keeps 微軟正黑體 and Linux gets real glyphs. Printing registers the same file with
ReportLab.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QFontMetrics, QGuiApplication

from app.services.codes import resources_dir

BUNDLED_FONT_FILE = "uming.ttc"
BUNDLED_FAMILY = "AR PL UMing TW"


def install_fonts() -> list[str]:
    """Register the bundled font and add it as a fallback for Chinese text; returns the families registered."""
    font_id = QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / BUNDLED_FONT_FILE))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if BUNDLED_FAMILY in families and not _has_system_cjk_font():
        # Latin text keeps the platform's UI font; characters it lacks fall back to the bundled font.
        font = QGuiApplication.font()
        font.setFamilies([font.family(), BUNDLED_FAMILY])
        QGuiApplication.setFont(font)
    return families


def _has_system_cjk_font() -> bool:
    """Whether the platform's UI font already covers Traditional Chinese (微軟正黑體 on Windows, Noto on Linux)."""
    metrics = QFontMetrics(QGuiApplication.font())
    return all(metrics.inFontUcs4(ord(ch)) for ch in "個案管理")
