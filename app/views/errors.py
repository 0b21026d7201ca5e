"""One error path for the whole window: expected problems (AppError) get a clear message in the user's language;
anything else gets a dialog with the details, a "copy details" button, and a line in the log file."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import AppError
from app.views.i18n import current_language as current_language  # views read the language from here
from app.views.i18n import translate

log = logging.getLogger("fieldcase")


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
        self.setWindowTitle(translate("發生未預期的錯誤", "Unexpected error"))
        label = QLabel(
            translate(
                "FieldCase 發生未預期的錯誤。已輸入的內容會保留；請將下方詳細資訊提供給系統管理員。",
                "Something went wrong that FieldCase did not expect. What you typed is kept; please send the "
                "details below to your administrator.",
            )
        )
        label.setWordWrap(True)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(translate("錯誤詳細資訊", "Error details"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(translate("複製詳細資訊", "Copy details"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.details)
        layout.addWidget(buttons)
        self.resize(640, 400)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
