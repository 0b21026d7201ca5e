"""解鎖: opening the encrypted store at start-up, asking for the passphrase where the OS keyring has no key."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QMessageBox, QVBoxLayout, QWidget

from app.errors import AppError
from app.store.store import Store
from app.views.errors import current_language

MAX_ATTEMPTS = 5


class PassphraseDialog(QDialog):
    """Asks for the store's passphrase; when creating a store, asks twice and says how long it must be."""

    def __init__(self, creating: bool, parent: QWidget | None = None, purpose: str = "store") -> None:
        super().__init__(parent)
        english = current_language() == "en"
        self.creating = creating
        self.setWindowTitle("Unlock FieldCase" if english else "解鎖 FieldCase")
        if purpose == "unlock":
            text = (
                "Choose an unlock password (at least 8 characters). FieldCase asks for it after a while without use, "
                "so nobody reads client data on an unattended laptop."
                if english
                else "請設定解鎖密碼（至少 8 個字元）。閒置一段時間後 FieldCase 會自動鎖定，需輸入此密碼才能繼續，"
                "避免他人在無人看管的筆電上看到個案資料。"
            )
        elif creating:
            text = (
                "Choose a passphrase for the new case store (at least 8 characters); without it the data is lost."
                if english
                else "請為新的個案資料庫設定密碼（至少 8 個字元）。忘記密碼將無法讀取資料。"
            )
        else:
            text = "Type the passphrase of the case store." if english else "請輸入個案資料庫的密碼。"
        label = QLabel(text)
        label.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("Passphrase" if english else "密碼")
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName("Passphrase again" if english else "再輸入一次密碼")
        self.again.setVisible(creating)
        self.message = QLabel("")
        self.message.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (label, self.passphrase, self.again, self.message, buttons):
            layout.addWidget(widget)

    def accept(self) -> None:
        english = current_language() == "en"
        if self.creating and len(self.passphrase.text()) < 8:
            self.message.setText("At least 8 characters." if english else "密碼至少需要 8 個字元。")
            return
        if self.creating and self.passphrase.text() != self.again.text():
            self.message.setText("The two entries differ." if english else "兩次輸入的密碼不同。")
            return
        super().accept()


class _Cancelled(Exception):
    pass


def open_store(path: Path, actor: str, parent: QWidget | None = None) -> Store | None:
    """Open (or create) the store, asking for the passphrase when needed; None when the user gives up."""

    def prompt(creating: bool) -> str:
        dialog = PassphraseDialog(creating, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            raise _Cancelled
        return dialog.passphrase.text()

    for _attempt in range(MAX_ATTEMPTS):
        try:
            return Store.open(path, actor=actor, prompt=prompt)
        except _Cancelled:
            return None
        except AppError as exc:
            QMessageBox.warning(parent, "FieldCase", exc.message(current_language()))
    return None
