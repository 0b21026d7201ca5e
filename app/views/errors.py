"""One error path for the whole window: expected problems (AppError) get a clear message in the user's language;
anything else gets a dialog with the details, a "copy details" button, and a line in the log file."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError

log = logging.getLogger("fieldcase")


def current_language() -> str:
    app = QApplication.instance()
    language = app.property("fieldcase_language") if app is not None else None  # set by i18n.apply_language
    return str(language) if language else "zh-TW"


def report_error(error: BaseException, parent: QWidget | None = None) -> None:
    if isinstance(error, AppError):
        log.info("expected problem: %s", error.message_en)
        QMessageBox.warning(parent, "FieldCase", error.message(current_language()))
        return
    details = "".join(traceback.format_exception(error))
    log.error("unexpected error\n%s", details)
    UnexpectedErrorDialog(details, parent).exec()


class UnexpectedErrorDialog(QDialog):
    """For errors nobody foresaw: say so plainly, keep the typed work, and make the details easy to send."""

    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        english = current_language() == "en"
        self.setWindowTitle("Unexpected error" if english else "發生未預期的錯誤")
        text = (
            "Something went wrong that FieldCase did not expect. What you typed is kept; please send the details "
            "below to your administrator."
            if english
            else "FieldCase 發生未預期的錯誤。已輸入的內容會保留；請將下方詳細資訊提供給系統管理員。"
        )
        label = QLabel(text)
        label.setWordWrap(True)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setAccessibleName("Error details" if english else "錯誤詳細資訊")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton("Copy details" if english else "複製詳細資訊", QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.details)
        layout.addWidget(buttons)
        self.resize(640, 400)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
