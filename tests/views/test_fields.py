"""The validating form fields: typing (ASCII and Chinese), messages in both languages, focus-out, keys, forms."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QColor, QFocusEvent, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QFormLayout, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from app.services.validation import make_resident_id
from app.views.fonts import install_fonts
from app.views.widgets import (
    FormValidator,
    IdNumberEdit,
    PhoneEdit,
    RocDateEdit,
    ValidatedLineEdit,
    default_language,
    set_default_language,
)
from app.views.widgets.message import ERROR_COLOUR

AnyField = ValidatedLineEdit[Any]


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` at the cursor as an input method would; QTest cannot send non-ASCII keys."""
    target = widget.lineEdit() if isinstance(widget, ValidatedLineEdit) else widget
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(target, event)


def type_keys(qtbot: QtBot, field: AnyField, text: str) -> None:
    qtbot.keyClicks(field.lineEdit(), text)


class Form(QWidget):
    """A small window with the three fields and a plain line edit to move the focus to."""

    def __init__(self) -> None:
        super().__init__()
        layout = QFormLayout(self)
        self.birthday = RocDateEdit(label="出生日期")
        self.id_number = IdNumberEdit(label="身分證字號")
        self.phone = PhoneEdit(label="聯絡電話", required=True)
        self.note = QLineEdit()
        layout.addRow("出生日期", self.birthday)
        layout.addRow("身分證字號", self.id_number)
        layout.addRow("聯絡電話", self.phone)
        layout.addRow("備註", self.note)
        self.validator = FormValidator()
        self.validator.register(self.birthday)
        self.validator.register(self.id_number)
        self.validator.register(self.phone)
        self.saved: list[tuple[date | None, str | None, str | None]] = []

    def save(self) -> bool:
        if not self.validator.validate():
            return False
        self.saved.append((self.birthday.date(), self.id_number.value(), self.phone.value()))
        return True


@pytest.fixture
def form(qtbot: QtBot) -> Form:
    install_fonts()
    widget = Form()
    qtbot.addWidget(widget)
    widget.resize(560, 240)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


@pytest.fixture
def english_default() -> Iterator[None]:
    set_default_language("en")
    yield
    set_default_language("zh-TW")


def focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus if not isinstance(widget, ValidatedLineEdit) else widget.lineEdit().hasFocus)


def leave(qtbot: QtBot, form: Form) -> None:
    """Move the focus away from the field being typed in, as Tab would."""
    focus(qtbot, form.note)


# ---- RocDateEdit ----


@pytest.mark.parametrize("typed", ["114/3/5", "1140305", "2025-03-05", "114.03.05", "990305"])
def test_date_typed_in_ascii_forms(qtbot: QtBot, form: Form, typed: str) -> None:
    focus(qtbot, form.birthday)
    type_keys(qtbot, form.birthday, typed)
    expected = date(2025, 3, 5) if typed != "990305" else date(2010, 3, 5)
    assert form.birthday.date() == expected
    assert form.birthday.isValid()
    assert not form.birthday.isShowingError()


def test_date_typed_in_chinese_shows_roc_reading_while_typing(qtbot: QtBot, form: Form) -> None:
    focus(qtbot, form.birthday)
    type_text(form.birthday, "民國114年3月5日")
    assert form.birthday.text() == "民國114年3月5日"
    assert form.birthday.date() == date(2025, 3, 5)
    assert form.birthday.messageText() == "民國114年3月5日（2025-03-05）"
    form.birthday.setLanguage("en")
    assert form.birthday.messageText() == "5 March 2025 (ROC 114/03/05)"


def test_date_reading_follows_each_keystroke(qtbot: QtBot, form: Form) -> None:
    focus(qtbot, form.birthday)
    type_keys(qtbot, form.birthday, "114/3/1")
    assert form.birthday.messageText() == "民國114年3月1日（2025-03-01）"
    type_keys(qtbot, form.birthday, "5")
    assert form.birthday.messageText() == "民國114年3月15日（2025-03-15）"


def test_date_is_rewritten_as_short_roc_on_focus_out(qtbot: QtBot, form: Form) -> None:
    focus(qtbot, form.birthday)
    type_keys(qtbot, form.birthday, "2025-3-5")
    assert form.birthday.text() == "2025-3-5"
    leave(qtbot, form)
    assert form.birthday.text() == "114/03/05"
    assert form.birthday.date() == date(2025, 3, 5)


def test_date_problem_waits_for_focus_out_then_names_it_in_both_languages(qtbot: QtBot, form: Form) -> None:
    focus(qtbot, form.birthday)
    type_keys(qtbot, form.birthday, "114/2/30")
    assert not form.birthday.isValid()
    assert form.birthday.date() is None
    assert not form.birthday.isShowingError()  # still typing: no scolding yet
    leave(qtbot, form)
    assert form.birthday.text() == "114/2/30"  # an invalid text is left for the user to correct
    assert form.birthday.messageText() == "民國114年2月沒有30日（只到28日）。"
    assert form.birthday.lineEdit().property("invalid") is True
    form.birthday.setLanguage("en")
    assert form.birthday.messageText() == "February 2025 has no day 30 (it has 28 days)."


def test_date_message_follows_corrections_once_shown(qtbot: QtBot, form: Form) -> None:
    focus(qtbot, form.birthday)
    type_keys(qtbot, form.birthday, "114/13/1")
    leave(qtbot, form)
    assert form.birthday.messageText() == "月份應為 1 到 12，目前為 13。"
    focus(qtbot, form.birthday)
    form.birthday.lineEdit().end(False)
    qtbot.keyClick(form.birthday.lineEdit(), Qt.Key.Key_Backspace)
    assert form.birthday.messageText().startswith("無法辨識的日期「114/13/」")
    type_keys(qtbot, form.birthday, "2")
    assert form.birthday.text() == "114/13/2"
    form.birthday.setText("")
    type_keys(qtbot, form.birthday, "114/1/2")
    assert form.birthday.messageText() == "民國114年1月2日（2025-01-02）"
    assert form.birthday.lineEdit().property("invalid") is False


@pytest.mark.parametrize(
    ("start", "key", "expected"),
    [
        ("114/03/01", Qt.Key.Key_Down, "114/02/28"),
        ("114/02/28", Qt.Key.Key_Up, "114/03/01"),
        ("113/12/31", Qt.Key.Key_Up, "114/01/01"),
        ("113/02/28", Qt.Key.Key_Up, "113/02/29"),  # 2024 is a leap year
        ("114/01/31", Qt.Key.Key_PageUp, "114/02/28"),
        ("114/03/31", Qt.Key.Key_PageDown, "114/02/28"),
    ],
)
def test_up_and_down_step_the_date(qtbot: QtBot, form: Form, start: str, key: Qt.Key, expected: str) -> None:
    focus(qtbot, form.birthday)
    type_keys(qtbot, form.birthday, start)
    qtbot.keyClick(form.birthday.lineEdit(), key)
    assert form.birthday.text() == expected


def test_up_and_down_leave_an_empty_or_invalid_date_alone(qtbot: QtBot, form: Form) -> None:
    focus(qtbot, form.birthday)
    qtbot.keyClick(form.birthday.lineEdit(), Qt.Key.Key_Up)
    assert form.birthday.text() == ""
    type_keys(qtbot, form.birthday, "114/2/30")
    qtbot.keyClick(form.birthday.lineEdit(), Qt.Key.Key_Down)
    assert form.birthday.text() == "114/2/30"


def test_date_changed_signal(qtbot: QtBot, form: Form) -> None:
    seen: list[object] = []
    form.birthday.dateChanged.connect(seen.append)
    focus(qtbot, form.birthday)
    type_keys(qtbot, form.birthday, "114/3/5")
    leave(qtbot, form)  # rewriting 114/3/5 as 114/03/05 is the same date: no second signal
    form.birthday.setDate(None)
    assert seen == [date(2025, 3, 5), None]


def test_set_date_writes_short_roc(qtbot: QtBot) -> None:
    field = RocDateEdit()
    qtbot.addWidget(field)
    field.setDate(date(2025, 3, 5))
    assert field.text() == "114/03/05"
    assert field.date() == date(2025, 3, 5)
    field.setDate(date(1911, 12, 31))
    assert field.text() == "前1/12/31"
    assert field.messageText() == "民國前1年12月31日（1911-12-31）"
    field.setDate(date(2911, 1, 1))  # beyond 民國999年: ISO rather than a 4-digit ROC year
    assert field.text() == "2911-01-01"
    assert field.date() == date(2911, 1, 1)
    field.setDate(None)
    assert field.text() == ""
    assert field.date() is None
    assert field.isValid()


def test_required_date_refuses_empty_only_when_asked(qtbot: QtBot, form: Form) -> None:
    field = RocDateEdit(required=True)
    qtbot.addWidget(field)
    assert not field.isValid()
    assert field.messageText() == ""
    field.revealProblem()
    assert field.messageText() == "請輸入日期。"
    field.setLanguage("en")
    assert field.messageText() == "Please enter a date."
    assert form.birthday.isValid()  # not required: empty is fine
    assert form.birthday.date() is None


def test_calendar_popup_sets_the_date(qtbot: QtBot, form: Form) -> None:
    form.birthday.setDate(date(2025, 3, 5))
    form.birthday.showCalendar()
    popup = form.birthday.calendarWidget()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    assert popup.selectedDate() == QDate(2025, 3, 5)
    popup.clicked.emit(QDate(2025, 4, 1))
    assert not popup.isVisible()
    assert form.birthday.date() == date(2025, 4, 1)
    assert form.birthday.text() == "114/04/01"


# ---- IdNumberEdit ----


def test_id_number_lower_case_is_normalised(qtbot: QtBot, form: Form) -> None:
    focus(qtbot, form.id_number)
    type_keys(qtbot, form.id_number, "a123456789")
    assert form.id_number.isValid()
    assert form.id_number.value() == "A123456789"
    assert form.id_number.messageText() == "國民身分證"
    leave(qtbot, form)
    assert form.id_number.text() == "A123456789"


def test_id_number_full_width_is_normalised(qtbot: QtBot, form: Form) -> None:
    focus(qtbot, form.id_number)
    type_text(form.id_number, "Ａ１２３４５６７８９")
    assert form.id_number.value() == "A123456789"
    leave(qtbot, form)
    assert form.id_number.text() == "A123456789"


@pytest.mark.parametrize(
    ("number", "zh", "en"),
    [
        (make_resident_id("A", "8", 1234567), "居留證（新式統一證號）", "Resident certificate (new format)"),
        (make_resident_id("A", "C", 1234567), "居留證（舊式統一證號）", "Resident certificate (old format)"),
    ],
)
def test_resident_certificate_numbers_are_named(qtbot: QtBot, number: str, zh: str, en: str) -> None:
    field = IdNumberEdit()
    qtbot.addWidget(field)
    type_keys(qtbot, field, number)
    assert field.value() == number
    assert field.messageText() == zh
    field.setLanguage("en")
    assert field.messageText() == en


def test_half_typed_id_number_waits_for_focus_out(qtbot: QtBot, form: Form) -> None:
    focus(qtbot, form.id_number)
    type_keys(qtbot, form.id_number, "A12345")
    assert not form.id_number.isValid()
    assert form.id_number.value() is None
    assert form.id_number.errorMessage() == "證號應為 10 碼，目前為 6 碼。"  # known, not yet shown
    assert form.id_number.messageText() == ""
    leave(qtbot, form)
    assert form.id_number.messageText() == "證號應為 10 碼，目前為 6 碼。"
    form.id_number.setLanguage("en")
    assert form.id_number.messageText() == "An ID number has 10 characters; this one has 6."


def test_complete_id_number_with_bad_checksum_is_reported_at_once(qtbot: QtBot, form: Form) -> None:
    focus(qtbot, form.id_number)
    type_keys(qtbot, form.id_number, "A12345678")
    assert form.id_number.messageText() == ""
    type_keys(qtbot, form.id_number, "8")
    assert form.id_number.lineEdit().hasFocus()
    assert form.id_number.messageText() == "檢查碼不符：這個證號有一碼打錯了，請逐碼核對證件。"
    assert form.id_number.lineEdit().property("invalid") is True
    form.id_number.setLanguage("en")
    assert form.id_number.messageText().startswith("Checksum mismatch")
    qtbot.keyClick(form.id_number.lineEdit(), Qt.Key.Key_Backspace)
    assert form.id_number.messageText() == "An ID number has 10 characters; this one has 9."  # follows, once shown
    type_keys(qtbot, form.id_number, "9")
    assert form.id_number.isValid()
    assert form.id_number.messageText() == "National ID card"
    assert form.id_number.lineEdit().property("invalid") is False


def test_id_number_that_cannot_become_valid_is_reported_early(qtbot: QtBot, form: Form) -> None:
    focus(qtbot, form.id_number)
    type_keys(qtbot, form.id_number, "1")
    assert form.id_number.messageText() == "第 1 碼應為英文字母，目前為「1」。"
    leave(qtbot, form)
    assert form.id_number.messageText() == "第 1 碼應為英文字母，目前為「1」。"  # not "10 characters, not 1"
    form.id_number.setText("")
    type_keys(qtbot, form.id_number, "A3")
    assert form.id_number.messageText().startswith("第 2 碼（性別碼）應為 1 或 2")
    form.id_number.setText("")
    type_keys(qtbot, form.id_number, "AB")  # 舊式居留證 so far: fine
    assert form.id_number.messageText() == ""


def test_emptied_field_gets_a_fresh_start(qtbot: QtBot, form: Form) -> None:
    focus(qtbot, form.id_number)
    type_keys(qtbot, form.id_number, "A12")
    leave(qtbot, form)
    assert form.id_number.isShowingError()
    focus(qtbot, form.id_number)
    form.id_number.lineEdit().selectAll()
    qtbot.keyClick(form.id_number.lineEdit(), Qt.Key.Key_Delete)
    assert form.id_number.messageText() == ""
    type_keys(qtbot, form.id_number, "B1")
    assert form.id_number.messageText() == ""


def test_message_is_the_accessible_description(qtbot: QtBot, form: Form) -> None:
    edit = form.id_number.lineEdit()
    assert edit.accessibleName() == "身分證字號"
    assert form.id_number.accessibleName() == "身分證字號"
    form.id_number.setText("A123456788")
    assert edit.accessibleDescription() == "檢查碼不符：這個證號有一碼打錯了，請逐碼核對證件。"
    form.id_number.setText("A123456789")
    assert edit.accessibleDescription() == "國民身分證"


def test_enter_ends_the_edit_like_focus_out(qtbot: QtBot, form: Form) -> None:
    focus(qtbot, form.id_number)
    type_keys(qtbot, form.id_number, "A1234")
    qtbot.keyClick(form.id_number.lineEdit(), Qt.Key.Key_Return)
    assert form.id_number.messageText() == "證號應為 10 碼，目前為 5 碼。"


def test_context_menu_or_window_switch_is_not_the_end_of_editing(qtbot: QtBot, form: Form) -> None:
    focus(qtbot, form.id_number)
    type_keys(qtbot, form.id_number, "a1234")
    for reason in (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.ActiveWindowFocusReason):
        QApplication.sendEvent(form.id_number.lineEdit(), QFocusEvent(QEvent.Type.FocusOut, reason))
    assert form.id_number.messageText() == ""
    assert form.id_number.text() == "a1234"


# ---- PhoneEdit ----


def test_phone_is_rewritten_in_canonical_form(qtbot: QtBot, form: Form) -> None:
    focus(qtbot, form.phone)
    type_keys(qtbot, form.phone, "+886912345678")
    assert form.phone.value() == "0912-345-678"
    leave(qtbot, form)
    assert form.phone.text() == "0912-345-678"


def test_phone_extension_typed_in_chinese(qtbot: QtBot, form: Form) -> None:
    focus(qtbot, form.phone)
    type_keys(qtbot, form.phone, "02 2345 6789 ")
    type_text(form.phone, "分機")
    assert form.phone.messageText() == ""  # the extension's digits are still to come
    type_keys(qtbot, form.phone, "12")
    assert form.phone.value() == "02-2345-6789#12"


def test_half_typed_phone_waits_for_focus_out(qtbot: QtBot, form: Form) -> None:
    focus(qtbot, form.phone)
    type_keys(qtbot, form.phone, "091234567")
    assert not form.phone.isValid()
    assert form.phone.messageText() == ""
    leave(qtbot, form)
    assert form.phone.messageText() == "手機號碼應為 10 位數字（09 開頭），目前為 9 位。"
    form.phone.setLanguage("en")
    assert form.phone.messageText() == "A mobile number has 10 digits starting with 09; this one has 9."


def test_phone_with_a_stray_character_is_reported_at_once(qtbot: QtBot, form: Form) -> None:
    focus(qtbot, form.phone)
    type_keys(qtbot, form.phone, "09a")
    assert form.phone.messageText() == "電話號碼含有無法辨識的字元「a」。"


def test_required_phone_reports_empty_on_focus_out(qtbot: QtBot, form: Form) -> None:
    focus(qtbot, form.phone)
    assert form.phone.messageText() == ""
    leave(qtbot, form)
    assert form.phone.messageText() == "請輸入電話號碼。"


# ---- language ----


def test_default_language_switches_fields_that_follow_it(qtbot: QtBot, form: Form) -> None:
    assert default_language() == "zh-TW"
    pinned = IdNumberEdit(language="zh-TW")
    qtbot.addWidget(pinned)
    for field in (form.id_number, pinned):
        field.setText("A12")
    set_default_language("en")
    try:
        assert form.id_number.messageText() == "An ID number has 10 characters; this one has 3."
        assert pinned.messageText() == "證號應為 10 碼，目前為 3 碼。"
    finally:
        set_default_language("zh-TW")
    assert form.id_number.messageText() == "證號應為 10 碼，目前為 3 碼。"


def test_new_fields_take_the_default_language(qtbot: QtBot, english_default: None) -> None:
    field = PhoneEdit(required=True)
    qtbot.addWidget(field)
    field.revealProblem()
    assert field.language() == "en"
    assert field.messageText() == "Please enter a phone number."


def test_unknown_language_is_refused(qtbot: QtBot) -> None:
    field = PhoneEdit()
    qtbot.addWidget(field)
    with pytest.raises(ValueError, match="language"):
        field.setLanguage("fr")
    with pytest.raises(ValueError, match="language"):
        set_default_language("ja")


def test_validity_and_value_signals(qtbot: QtBot) -> None:
    field = IdNumberEdit()
    qtbot.addWidget(field)
    validity: list[bool] = []
    values: list[object] = []
    field.validityChanged.connect(validity.append)
    field.valueChanged.connect(values.append)
    type_keys(qtbot, field, "A123456789")
    field.clear()
    assert validity == [False, True]  # invalid while typing, valid when complete; empty is valid too
    assert values == ["A123456789", None]
    assert field.isValid()


# ---- FormValidator ----


def test_form_validator_refuses_to_save_invalid_input(qtbot: QtBot, form: Form) -> None:
    form.id_number.setText("A123456788")
    form.birthday.setText("114/2/30")
    assert form.validator.problems() == [
        ("出生日期", "民國114年2月沒有30日（只到28日）。"),
        ("身分證字號", "檢查碼不符：這個證號有一碼打錯了，請逐碼核對證件。"),
        ("聯絡電話", "請輸入電話號碼。"),
    ]
    assert [name for name, _ in form.validator.problems("en")] == ["出生日期", "身分證字號", "聯絡電話"]
    assert form.validator.problems("en")[2][1] == "Please enter a phone number."
    assert not form.phone.isShowingError()  # problems() changes nothing on screen

    assert not form.save()
    assert form.saved == []
    assert form.phone.messageText() == "請輸入電話號碼。"  # the untouched required field now says so
    qtbot.waitUntil(form.birthday.lineEdit().hasFocus)

    form.birthday.setDate(date(2025, 2, 28))
    form.id_number.setText("A123456789")
    form.phone.setText("0912345678")
    assert form.validator.is_valid()
    assert form.validator.problems() == []
    assert form.save()
    assert form.saved == [(date(2025, 2, 28), "A123456789", "0912-345-678")]


def test_focus_first_invalid_skips_valid_fields(qtbot: QtBot, form: Form) -> None:
    form.birthday.setDate(date(2025, 3, 5))
    form.id_number.setText("A12")
    assert form.validator.focus_first_invalid()
    qtbot.waitUntil(form.id_number.lineEdit().hasFocus)
    assert form.id_number.lineEdit().selectedText() == "A12"
    form.id_number.clear()
    form.phone.setText("02-2345-6789")
    assert not form.validator.focus_first_invalid()


def test_register_names_default_to_label_then_field_name(qtbot: QtBot) -> None:
    validator = FormValidator()
    named = validator.register(PhoneEdit(label="電話", required=True))
    unnamed = validator.register(PhoneEdit(required=True, field_name="mobile"))
    custom = validator.register(PhoneEdit(required=True), "contact_phone")
    for field in (named, unnamed, custom):
        qtbot.addWidget(field)
    assert [name for name, _ in validator.problems()] == ["電話", "mobile", "contact_phone"]


# ---- how it looks ----


def _is_error_red(colour: QColor) -> bool:
    return abs(colour.red() - ERROR_COLOUR.red()) < 40 and colour.green() < 80 and colour.blue() < 80


def test_screenshot_shows_valid_and_invalid_fields(qtbot: QtBot, form: Form, tmp_path: Path) -> None:
    focus(qtbot, form.birthday)
    type_text(form.birthday, "民國114年3月5日")
    focus(qtbot, form.id_number)
    type_keys(qtbot, form.id_number, "A123456788")
    focus(qtbot, form.phone)
    type_keys(qtbot, form.phone, "0912345678")
    leave(qtbot, form)
    picture = form.grab()
    assert picture.save(str(tmp_path / "fields.png"))

    image = picture.toImage()
    ratio = picture.devicePixelRatio()

    def border_is_red(field: AnyField) -> bool:
        edit = field.lineEdit()
        left = edit.mapTo(form, edit.rect().topLeft())
        y = int((left.y() + edit.height() // 2) * ratio)
        return any(_is_error_red(image.pixelColor(int((left.x() + dx) * ratio), y)) for dx in range(3))

    assert border_is_red(form.id_number)
    assert not border_is_red(form.birthday)
    assert not border_is_red(form.phone)
    assert form.birthday.text() == "114/03/05"
    assert form.phone.text() == "0912-345-678"
    assert form.id_number.lineEdit().height() == form.phone.lineEdit().height()  # the error frame shifts nothing


def test_signals_do_not_use_up_references_to_true(qtbot: QtBot) -> None:
    """PySide6 6.12.0's emit() drops a reference to True each time; on Python 3.11 that ends in an abort at exit."""
    field = RocDateEdit()
    qtbot.addWidget(field)
    seen: list[object] = []
    field.dateChanged.connect(seen.append)
    field.validityChanged.connect(seen.append)
    gc.collect()  # garbage freed during the loop would lower the count for a good reason
    gc.disable()
    try:
        before = sys.getrefcount(True)
        for _ in range(200):  # 6 emits each: the bug would take 1,200 references
            field.setText("114/3/5")
            field.setText("114/2/30")
        after = sys.getrefcount(True)
    finally:
        gc.enable()
    assert len(seen) == 4 * 200 - 1  # the first round starts valid (empty), so no validityChanged(True)
    assert after >= before - 20
