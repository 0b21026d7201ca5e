"""閒置鎖定: after the configured idle minutes the window hides every client's data until the case manager types
the unlock secret again (the store's passphrase, or the unlock password of a keyring-protected store)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.views.errors import current_language

CHECK_INTERVAL_MS = 10_000
_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.InputMethod,
    }
)


class IdleWatcher(QObject):
    """Emits `idle` once the user has not touched keyboard, mouse or screen for `minutes`."""

    idle = Signal()

    def __init__(self, minutes: float, parent: QObject | None = None, check_interval_ms: int = CHECK_INTERVAL_MS):
        super().__init__(parent)
        self.minutes = minutes
        self.last_input = time.monotonic()
        self.paused = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._check)
        self._timer.start(check_interval_ms)
        application = QApplication.instance()
        if application is not None:
            application.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self.last_input = time.monotonic()
        return False

    def _check(self) -> None:
        if not self.paused and time.monotonic() - self.last_input >= self.minutes * 60:
            self.paused = True  # until unlocked
            self.idle.emit()

    def resume(self) -> None:
        self.last_input = time.monotonic()
        self.paused = False


class LockScreen(QWidget):
    """Shown instead of the window's content while locked. `verify(secret, done)` checks the secret off the GUI
    thread and calls `done(ok)`."""

    unlocked = Signal()

    def __init__(self, verify: Callable[[str, Callable[[bool], None]], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        english = current_language() == "en"
        self._verify = verify
        title = QLabel("FieldCase is locked" if english else "FieldCase 已鎖定")
        title.setStyleSheet("font-size: 16pt; font-weight: bold")
        hint = QLabel(
            "The window was locked after a while without use. Type your unlock secret to continue; nothing you "
            "typed before is lost."
            if english
            else "閒置一段時間後已自動鎖定，以保護個案資料。請輸入密碼繼續；先前輸入的內容都已保存。"
        )
        hint.setWordWrap(True)
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setAccessibleName("Unlock secret" if english else "解鎖密碼")
        self.secret.returnPressed.connect(self._try)
        self.button = QPushButton("Unlock" if english else "解鎖")
        self.button.clicked.connect(self._try)
        self.message = QLabel("")
        self.message.setStyleSheet("color: #b00020")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (title, hint, self.secret, self.button, self.message):
            layout.addWidget(widget)
        layout.addStretch(2)
        layout.setContentsMargins(120, 40, 120, 40)

    def _try(self) -> None:
        secret = self.secret.text()
        self.button.setEnabled(False)
        self._verify(secret, self._done)

    def _done(self, ok: bool) -> None:
        self.button.setEnabled(True)
        self.secret.clear()
        if ok:
            self.message.clear()
            self.unlocked.emit()
        else:
            self.message.setText("Wrong secret." if current_language() == "en" else "密碼錯誤。")
            self.secret.setFocus()
