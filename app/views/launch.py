"""Start-up of the desktop window.

Until the case manager's GUI lands (issue 3) this shows a placeholder window that says so, in zh-TW and English.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from app import __version__
from app.views.fonts import install_fonts


def build_window() -> QMainWindow:
    window = QMainWindow()
    window.setWindowTitle(f"FieldCase {__version__}")
    label = QLabel(
        "FieldCase 個案管理\n\n桌面介面開發中；目前可使用命令列工具 fieldcase。\n\n"
        "The desktop interface is being built; use the `fieldcase` command line meanwhile."
    )
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setAccessibleName("FieldCase")
    window.setCentralWidget(label)
    window.resize(640, 360)
    return window


def main() -> int:
    application = QApplication.instance() or QApplication(sys.argv)
    install_fonts()
    window = build_window()
    window.show()
    return application.exec()
