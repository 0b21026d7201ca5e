"""What the workspace tabs share: text in the user's language (dates, places, services), the message line beside a
form that says why something was refused, running an edit through the runner with its refusal shown there, and
small form helpers. Tables are in common_tables, the service-unit picker in common_units."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, Final, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QHBoxLayout, QLabel, QWidget

from app.errors import AppError
from app.services import codes
from app.services.rocdate import format_roc
from app.views.errors import current_language, report_error
from app.views.i18n import translate
from app.views.widgets import FormValidator, RocDateEdit
from app.views.workspace.base import CaseTab

T = TypeVar("T")

ID_ROLE: Final = Qt.ItemDataRole.UserRole + 1
ERROR_COLOUR: Final = "#b3261e"
OK_COLOUR: Final = "#1b5e20"
MUTED_COLOUR: Final = "#5f6368"


# --- text in the user's language -----------------------------------------------------------------------------------


def language() -> str:
    return "en" if current_language() == "en" else "zh-TW"


def pick(pair: tuple[str, str]) -> str:
    return translate(*pair)


def day_text(day: date | None) -> str:
    """A date as case managers read it: 民國 114/03/05 (ISO in English); "—" when there is none."""
    if day is None:
        return "—"
    return day.isoformat() if current_language() == "en" else format_roc(day, "short")


def span_text(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return "—"
    return f"{day_text(start)} – {day_text(end)}"


def county_name(code: str) -> str:
    try:
        return codes.county(code).label(language())
    except AppError:
        return code


def service_name(code: str | None) -> str:
    if not code:
        return "—"
    try:
        return codes.service_kind(code).label(language())
    except AppError:
        return code


def muted_label(text: str = "", wrap: bool = False) -> QLabel:
    """A label in the quiet colour of hints and "nothing here yet" lines."""
    label = QLabel(text)
    label.setWordWrap(wrap)
    label.setStyleSheet(f"color: {MUTED_COLOUR};")
    return label


# --- the message line, and running edits ---------------------------------------------------------------------------


class Notice(QLabel):
    """The line beside a form that says why something was refused, or that it worked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName("Message" if current_language() == "en" else "訊息")
        self.hide()

    def show_error(self, text: str) -> None:
        self._show(text, ERROR_COLOUR, bold=True)

    def show_ok(self, text: str) -> None:
        self._show(text, OK_COLOUR)

    def show_info(self, text: str) -> None:
        self._show(text, MUTED_COLOUR)

    def _show(self, text: str, colour: str, bold: bool = False) -> None:
        self.setStyleSheet(f"color: {colour};" + (" font-weight: bold;" if bold else ""))
        self.setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        self.setText("")
        self.hide()


def refusal_shower(notice: Notice, parent: QWidget) -> Callable[[BaseException], None]:
    """An on_error for the runner: expected problems beside the form, unexpected ones the standard way."""

    def shown(error: BaseException) -> None:
        if isinstance(error, AppError):
            notice.show_error(error.message(language()))
        else:
            report_error(error, parent)

    return shown


def run_edit(
    tab: CaseTab,
    notice: Notice,
    job: Callable[[Any], T],
    done: Callable[[T], None],
    progress: str | None = None,
) -> None:
    """Run a store job for `tab` (off the GUI thread): `notice` is cleared first and says why if it is refused."""
    notice.clear()
    tab.runner.run(job, done, refusal_shower(notice, tab), owner=tab, progress=progress)


def run_and_reload(
    tab: CaseTab, notice: Notice, job: Callable[[Any], object], done_text: tuple[str, str] | None = None
) -> None:
    """Run an edit; once done, say so in `notice` (or clear it) and have the workspace reload the case."""

    def done(_result: object) -> None:
        if done_text is not None:
            notice.show_ok(pick(done_text))
        else:
            notice.clear()
        tab.changed.emit()

    run_edit(tab, notice, job, done)


# --- forms ---------------------------------------------------------------------------------------------------------


def form_validator(*fields: RocDateEdit) -> FormValidator:
    """A validator of `fields`, which it checks in this order."""
    validator = FormValidator()
    for field in fields:
        validator.register(field)
    return validator


def first_problem(validator: FormValidator) -> str | None:
    """Check a form; None when valid, else the first problem (every problem is shown beside its field)."""
    if validator.validate():
        return None
    problems = validator.problems(language())
    return f"{problems[0][0]}：{problems[0][1]}" if problems else ""


def required_date(edit: RocDateEdit, notice: Notice, missing: tuple[str, str]) -> date | None:
    """The date typed in `edit`; None, with why shown in `notice` (`missing` when the field says nothing), when
    there is none."""
    day = edit.date()
    if day is None:
        notice.show_error(edit.errorMessage() or pick(missing))
    return day


def set_combo_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


def row_of(*widgets: QWidget, right: bool = False) -> QHBoxLayout:
    """`widgets` (buttons, tick boxes) side by side, at the left (or, with `right`, the right) of the row."""
    row = QHBoxLayout()
    if right:
        row.addStretch(1)
    for widget in widgets:
        row.addWidget(widget)
    if not right:
        row.addStretch(1)
    return row


def ok_cancel(accept: Callable[[], None], reject: Callable[[], None]) -> QDialogButtonBox:
    """確定 / 取消 in the user's language (Qt's own button texts are not translated here)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    if ok is not None and cancel is not None:
        ok.setText(pick(("確定", "OK")))
        cancel.setText(pick(("取消", "Cancel")))
    buttons.accepted.connect(accept)
    buttons.rejected.connect(reject)
    return buttons
