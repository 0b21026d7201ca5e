"""The main window: a navigation list (今日待辦, 我的個案, …) beside the page it shows.

Pages are plain widgets handed in by start-up (launch.py), so this module knows nothing of the store. Window,
splitter and last page are remembered with QSettings; Ctrl+1…9 switch pages, Ctrl+, opens the settings. The Help
menu's 關於 FieldCase shows the version and the licence of the bundled font (which its licence asks to ship along).
"""

from __future__ import annotations

import platform
from pathlib import Path
from typing import Final

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QByteArray, QObject, Qt
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPlainTextEdit,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.printing import bundled_font
from app.services.codes import resources_dir
from app.views.errors import current_language
from app.views.settings import AppSettings, SettingsDialog

FONT_LICENCE_FILE: Final = "uming-COPYRIGHT.txt"  # beside the font in resources/fonts/


def app_icon_path() -> Path:
    return resources_dir() / "icons" / "fieldcase.png"


class MainWindow(QMainWindow):
    def __init__(self, settings: AppSettings, status_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.cases: QObject | None = None  # the open case windows (launch.CaseWindows), kept with the window
        self.idle_watcher: QObject | None = None
        self.sync: QObject | None = None  # the sync controller (sync_panel.SyncController), kept with the window
        english = current_language() == "en"
        self.setWindowTitle(f"FieldCase {__version__}" + (" — case management" if english else " — 個案管理"))
        self.nav = QListWidget()
        self.nav.setAccessibleName("Pages" if english else "功能選單")
        self.nav.setMaximumWidth(200)
        self.nav.setMinimumWidth(120)
        # Large, padded entries: the navigation is what a tired case manager reaches for most.
        self.nav.setStyleSheet(
            "QListWidget { font-size: 12pt; border: none; outline: 0; background: palette(window); }"
            "QListWidget::item { padding: 10px 14px; }"
            "QListWidget::item:selected { background: palette(highlight); color: palette(highlighted-text); }"
        )
        self.pages = QStackedWidget()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([150, 1000])
        self.root = QStackedWidget()  # the work, or the lock screen while locked
        self.root.addWidget(self.splitter)
        self.setCentralWidget(self.root)
        self._lock_screen: QWidget | None = None
        self._hidden_while_locked: list[QWidget] = []
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.status = QLabel(status_text)
        self.statusBar().addPermanentWidget(self.status)

        settings_action = QAction("Settings…" if english else "設定…", self)
        settings_action.setShortcut(QKeySequence("Ctrl+,"))
        settings_action.triggered.connect(self.open_settings)
        self.addAction(settings_action)
        self.file_menu = self.menuBar().addMenu("&File" if english else "檔案(&F)")
        self.file_menu.addAction(settings_action)
        about_action = QAction("About FieldCase" if english else "關於 FieldCase", self)
        about_action.setMenuRole(QAction.MenuRole.AboutRole)
        about_action.triggered.connect(self.show_about)
        self.help_menu = self.menuBar().addMenu("&Help" if english else "說明(&H)")
        self.help_menu.addAction(about_action)
        self.about_action = about_action
        if app_icon_path().is_file():
            self.setWindowIcon(QIcon(str(app_icon_path())))
        self.resize(1100, 720)
        self._restore_state()

    def add_page(self, title: str, widget: QWidget) -> int:
        index = self.pages.addWidget(widget)
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, title)
        self.nav.addItem(item)
        if index < 9:
            action = QAction(title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda: self.show_page(index))
            self.addAction(action)
        if self.nav.currentRow() < 0:
            self.nav.setCurrentRow(0)
        return index

    def show_page(self, index: int) -> None:
        self.nav.setCurrentRow(index)

    def set_lock_screen(self, screen: QWidget) -> None:
        self._lock_screen = screen
        self.root.addWidget(screen)

    @property
    def locked(self) -> bool:
        return self._lock_screen is not None and self.root.currentWidget() is self._lock_screen

    def lock(self) -> None:
        """Hide every client's data: the pages, the open case windows, the menus and shortcuts."""
        if self._lock_screen is None or self.locked:
            return
        self._hidden_while_locked = [w for w in self._case_windows() if w.isVisible()]
        for window in self._hidden_while_locked:
            window.hide()
        self.root.setCurrentWidget(self._lock_screen)
        self.menuBar().setEnabled(False)
        for action in self.actions():
            action.setEnabled(False)
        self._lock_screen.setFocus()

    def unlock(self) -> None:
        self.root.setCurrentWidget(self.splitter)
        self.menuBar().setEnabled(True)
        for action in self.actions():
            action.setEnabled(True)
        for window in self._hidden_while_locked:
            window.show()
        self._hidden_while_locked = []

    def open_case_windows(self) -> list[QWidget]:
        return self._case_windows()

    def _case_windows(self) -> list[QWidget]:
        open_windows = getattr(self.cases, "open_windows", None)
        return list(open_windows()) if callable(open_windows) else []

    def open_settings(self) -> None:
        SettingsDialog(self.settings, self).exec()

    def show_about(self) -> None:
        AboutDialog(self).exec()

    def _restore_state(self) -> None:
        stored = self.settings.qsettings
        geometry = stored.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        splitter = stored.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        stored = self.settings.qsettings
        stored.setValue("window/geometry", self.saveGeometry())
        stored.setValue("window/splitter", self.splitter.saveState())
        stored.setValue("window/page", self.nav.currentRow())
        stored.sync()
        super().closeEvent(event)

    def restore_last_page(self) -> None:
        try:
            page = int(str(self.settings.qsettings.value("window/page", 0)))
        except ValueError:
            page = 0
        if 0 <= page < self.pages.count():
            self.show_page(page)


class AboutDialog(QDialog):
    """關於 FieldCase: the version, what it runs on, and the bundled font's licence in full."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        english = current_language() == "en"
        self.setWindowTitle("About FieldCase" if english else "關於 FieldCase")
        font = bundled_font()
        heading = QLabel(f"<h2>FieldCase {__version__}</h2>")
        heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        summary = QLabel(
            "Offline case management for vocational rehabilitation and employment services."
            if english
            else "職業重建與就業服務的離線個案管理。"
        )
        runtime = QLabel(f"Qt {pyside_version} · Python {platform.python_version()} · {platform.system()}")
        font_note = QLabel(
            f"Bundled font: {font.family} (文鼎PL細上海宋), © 1999 Arphic Technology Co., Ltd., "
            "distributed under the Arphic Public License:"
            if english
            else f"內建字型：{font.family}（文鼎PL細上海宋），© 1999 文鼎科技（Arphic Technology），"
            "依 Arphic Public License 授權散布，授權全文如下："
        )
        font_note.setWordWrap(True)
        self.licence = QPlainTextEdit(self._licence_text(font.path.with_name(FONT_LICENCE_FILE), english))
        self.licence.setReadOnly(True)
        self.licence.setAccessibleName("Font licence" if english else "字型授權條款")
        self.licence.setMinimumSize(560, 240)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        icon = QLabel()
        if app_icon_path().is_file():
            icon.setPixmap(QPixmap(str(app_icon_path())).scaled(64, 64, Qt.AspectRatioMode.KeepAspectRatio))
        top.addWidget(icon)
        text = QVBoxLayout()
        for label in (heading, summary, runtime):
            text.addWidget(label)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(font_note)
        layout.addWidget(self.licence, 1)
        layout.addWidget(buttons)
        self.heading = heading

    @staticmethod
    def _licence_text(path: Path, english: bool) -> str:
        try:
            return path.read_text(encoding="utf-8")
        except OSError:
            return f"{path} is missing." if english else f"找不到授權檔：{path}"
