"""Render resources/icons/fieldcase.svg to the PNG (Linux desktop entry, window icon) and the Windows .ico.

    QT_QPA_PLATFORM=offscreen .venv/bin/python installer/render_icon.py

The outputs are committed; run this again only after changing the SVG.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icons" / "fieldcase.svg"
PNG = ROOT / "resources" / "icons" / "fieldcase.png"
ICO = ROOT / "installer" / "windows" / "fieldcase.ico"


def render(size: int) -> QImage:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    return image


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    application = QGuiApplication(sys.argv)
    png = render(256)
    if not png.save(str(PNG)):
        raise SystemExit(f"could not write {PNG}")
    # Qt's ICO writer stores one image per file; Windows scales the 256 px one down for its smaller icons.
    if not png.save(str(ICO)):  # the format follows the suffix
        raise SystemExit(f"could not write {ICO}")
    print(PNG, ICO)
    del application
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
