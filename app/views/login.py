"""登入同步伺服器: register this laptop with the central service (docs/sync-protocol.md, "Devices").

The password goes to the server once and is not kept; the device token the server returns goes to the OS keyring
(app.sync.credentials). Logging in again later (a new token) keeps every local record and pending edit.
"""

from __future__ import annotations

import socket

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.sync.client import login
from app.sync.credentials import Account
from app.views.i18n import current_language, translate
from app.views.runner import StoreRunner


class LoginDialog(QDialog):
    logged_in = Signal(object)  # Account

    def __init__(
        self, runner: StoreRunner, parent: QWidget | None = None, *, server_url: str = "", username: str = ""
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.account: Account | None = None
        self.setWindowTitle(translate("登入同步伺服器", "Log in to the sync server"))
        self.server = QLineEdit(server_url)
        self.server.setPlaceholderText("https://fieldcase.example.gov.tw")
        self.server.setAccessibleName(translate("伺服器網址", "Server address"))
        self.username = QLineEdit(username)
        self.username.setAccessibleName(translate("帳號", "User name"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(translate("密碼", "Password"))
        self.device_name = QLineEdit(socket.gethostname())
        self.device_name.setAccessibleName(translate("這台電腦的名稱", "This laptop's name"))
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #cf222e")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(translate("伺服器網址", "Server address"), self.server)
        form.addRow(translate("帳號", "User name"), self.username)
        form.addRow(translate("密碼", "Password"), self.password)
        form.addRow(translate("電腦名稱", "Laptop name"), self.device_name)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        (self.password if server_url and username else self.server).setFocus()

    def submit(self) -> None:
        server, user, password = self.server.text().strip(), self.username.text().strip(), self.password.text()
        if not server or not user or not password:
            self.problem.setText(
                translate("請填寫伺服器網址、帳號與密碼。", "Fill in the server, user name and password.")
            )
            return
        device = self.device_name.text().strip() or socket.gethostname()
        self.buttons.setEnabled(False)
        self.problem.setText(translate("登入中…", "Logging in…"))
        self.runner.run_network(
            lambda store: login(store, server, user, password, device), self._done, self._failed, owner=self
        )

    def _done(self, account: Account) -> None:
        self.account = account
        self.password.clear()
        self.logged_in.emit(account)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        message = getattr(error, "message", None)
        self.problem.setText(message(current_language()) if callable(message) else str(error))
