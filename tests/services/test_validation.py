"""ID numbers (身分證 / 居留證) and Taiwanese phone numbers."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.services.validation import (
    AREA_CODES,
    LETTER_CODES,
    gender_from_id_number,
    id_number_kind,
    is_valid_id_number,
    is_valid_phone,
    make_national_id,
    make_resident_id,
    normalise_id_number,
    normalise_phone,
    validate_id_number,
    validate_phone,
)

CJK = re.compile(r"[\u4e00-\u9fff]")
# Weights of characters 3-10 (index 2-9) in the 檢查碼 sum, restated here so the tests do not borrow them.
SERIAL_AND_CHECK_WEIGHTS = {2: 7, 3: 6, 4: 5, 5: 4, 6: 3, 7: 2, 8: 1, 9: 1}

letters = st.sampled_from(sorted(LETTER_CODES))
serials = st.integers(min_value=0, max_value=9_999_999)
national_ids = st.builds(make_national_id, letters, st.sampled_from([1, 2]), serials)
new_resident_ids = st.builds(make_resident_id, letters, st.sampled_from("89"), serials)
old_resident_ids = st.builds(make_resident_id, letters, st.sampled_from("ABCD"), serials)
any_ids = st.one_of(national_ids, new_resident_ids, old_resident_ids)


def raised(func: Callable[..., object], *args: str) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        func(*args)
    return info.value


def assert_bilingual(error: ValidationError) -> None:
    """A zh-TW message in Chinese and an English one without Chinese, both non-trivial."""
    assert CJK.search(error.message_zh), error.message_zh
    assert len(error.message_en) > 10
    assert not CJK.search(error.message_en), error.message_en


# ---- ID numbers: known numbers ----

# Worked by hand: A=10 → 1*1 + 0*9 = 1; 1*8 + 2*7 + 3*6 + 4*5 + 5*4 + 6*3 + 7*2 + 8*1 = 120; + 9 = 130.
KNOWN_NATIONAL = ["A123456789", "F131104093", "O158238845", "N116247806", "L122544270", "C180661564", "Y123456788"]
# Examples from the test suite of enylin/taiwan-id-validator (npm), checked against our own implementation.
# Worked by hand for AC03095424: A → 1; C=12 → last digit 2, *8 = 16; 0,3,0,9,5,4,2 * 7..1 = 79; + 4 = 100.
KNOWN_RESIDENT_OLD = [
    "AA00000009", "AB00207171", "AC03095424", "BD01300667",
    "CC00151114", "HD02717288", "TD00251124", "AD30196818",
]  # fmt: skip
KNOWN_RESIDENT_NEW = [
    "A800000014", "A900207177", "A803095426", "B801300667",
    "C800151116", "H802717288", "T900251126", "A930196810",
]  # fmt: skip


@pytest.mark.parametrize("number", KNOWN_NATIONAL)
def test_known_national_ids_are_valid(number: str) -> None:
    assert validate_id_number(number) == number
    assert id_number_kind(number) == "national"


@pytest.mark.parametrize("number", KNOWN_RESIDENT_OLD)
def test_known_old_resident_numbers_are_valid(number: str) -> None:
    assert validate_id_number(number) == number
    assert id_number_kind(number) == "resident_old"


@pytest.mark.parametrize("number", KNOWN_RESIDENT_NEW)
def test_known_new_resident_numbers_are_valid(number: str) -> None:
    assert validate_id_number(number) == number
    assert id_number_kind(number) == "resident_new"


@pytest.mark.parametrize(
    ("number", "gender"),
    [
        ("A123456789", "M"),
        ("A223456781", "F"),
        ("A800000014", "M"),
        ("A900207177", "F"),
        ("AA00000009", "M"),
        ("AB00207171", "F"),
        ("AC03095424", "M"),
        ("AD30196818", "F"),
    ],
)
def test_gender_comes_from_the_second_character(number: str, gender: str) -> None:
    assert gender_from_id_number(number) == gender


def test_gender_of_a_mistyped_number_is_refused_not_guessed() -> None:
    assert "檢查碼不符" in raised(gender_from_id_number, "A123456788").message_zh


def test_generator_matches_the_textbook_example() -> None:
    assert make_national_id("A", 1, "2345678") == "A123456789"
    assert make_national_id("A", "2", 2345678) == "A223456781"
    assert make_resident_id("A", "C", "0309542") == "AC03095424"
    assert make_resident_id("A", "8", 1) == "A800000014"


@pytest.mark.parametrize(
    ("args", "problem"),
    [(("a", 1, 1), "letter"), (("A", 3, 1), "gender_digit"), (("A", 1, "123"), "serial7"), (("A", 1, -1), "serial7")],
)
def test_generator_rejects_bad_arguments(args: tuple[str, int, int | str], problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        make_national_id(*args)


def test_resident_generator_rejects_a_national_gender_digit() -> None:
    with pytest.raises(ValueError, match="second"):
        make_resident_id("A", "1", 1)


# ---- ID numbers: normalisation ----


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Ａ１２３４５６７８９", "A123456789"),  # full-width
        ("  a123456789\n", "A123456789"),
        ("A 1234 56789", "A123456789"),
        ("ａｃ０３０９５４２４", "AC03095424"),
    ],
)
def test_normalise_folds_width_case_and_spaces(typed: str, expected: str) -> None:
    assert normalise_id_number(typed) == expected
    assert validate_id_number(typed) == expected


def test_normalise_never_judges() -> None:
    assert normalise_id_number("not an id") == "NOTANID"


# ---- ID numbers: what the messages say ----


@pytest.mark.parametrize(
    ("typed", "zh", "en"),
    [
        ("", "請輸入", "Please enter"),
        ("A12345678", "應為 10 碼，目前為 9 碼", "has 9"),
        ("A1234567890", "目前為 11 碼", "has 11"),
        ("1123456789", "第 1 碼應為英文字母", "1st character"),
        ("A323456789", "第 2 碼", "2nd character"),
        ("AE12345678", "目前為「E」", "got 'E'"),
        ("A12345678X", "第 10 碼為「X」", "character 10 is 'X'"),
        ("AA0000000B", "第 10 碼為「B」", "character 10 is 'B'"),
        ("A123456788", "檢查碼不符", "Checksum mismatch"),
        ("AA00000000", "檢查碼不符", "Checksum mismatch"),
        ("A800000015", "檢查碼不符", "Checksum mismatch"),
    ],
)
def test_invalid_id_numbers_say_what_is_wrong(typed: str, zh: str, en: str) -> None:
    error = raised(validate_id_number, typed)
    assert zh in error.message_zh
    assert en in error.message_en
    assert error.field == "id_number"
    assert_bilingual(error)


def test_field_name_is_passed_through() -> None:
    with pytest.raises(ValidationError) as info:
        validate_id_number("A123456788", field="guardian_id")
    assert info.value.field == "guardian_id"


def test_kind_refuses_a_shape_it_does_not_know() -> None:
    assert "第 2 碼" in raised(id_number_kind, "A323456789").message_zh


def test_kind_does_not_check_the_checksum() -> None:
    assert id_number_kind("A123456788") == "national"
    assert not is_valid_id_number("A123456788")


# ---- ID numbers: properties ----


@given(any_ids)
def test_generated_numbers_validate(number: str) -> None:
    assert validate_id_number(number) == number
    assert is_valid_id_number(number.lower())


@given(letters, st.sampled_from([1, 2]), serials)
def test_generated_national_ids_keep_kind_and_gender(letter: str, gender_digit: int, serial: int) -> None:
    number = make_national_id(letter, gender_digit, serial)
    assert number[0] == letter
    assert number[2:9] == f"{serial:07d}"
    assert id_number_kind(number) == "national"
    assert gender_from_id_number(number) == ("M" if gender_digit == 1 else "F")


@given(old_resident_ids)
def test_generated_old_resident_numbers_are_old_kind(number: str) -> None:
    assert id_number_kind(number) == "resident_old"


@given(new_resident_ids)
def test_generated_new_resident_numbers_are_new_kind(number: str) -> None:
    assert id_number_kind(number) == "resident_new"


@given(any_ids, st.sampled_from([2, 6, 8, 9]), st.integers(min_value=1, max_value=9))
def test_a_changed_digit_at_an_odd_weight_always_fails_the_checksum(number: str, index: int, delta: int) -> None:
    """Weights 7, 3 and 1 are coprime with 10, so no change of one digit there can keep the sum."""
    changed = _change_digit(number, index, delta)
    assert "檢查碼不符" in raised(validate_id_number, changed).message_zh


@given(any_ids, st.sampled_from(sorted(SERIAL_AND_CHECK_WEIGHTS)), st.integers(min_value=1, max_value=9))
def test_a_changed_digit_fails_exactly_when_the_weighted_change_is_not_a_multiple_of_ten(
    number: str, index: int, delta: int
) -> None:
    """The 檢查碼 is a mod-10 sum, so at weights 2, 4, 5, 6 it cannot see every change (5 → +2 passes)."""
    changed = _change_digit(number, index, delta)
    digit_change = (int(changed[index]) - int(number[index])) % 10
    detectable = SERIAL_AND_CHECK_WEIGHTS[index] * digit_change % 10 != 0
    assert is_valid_id_number(changed) is not detectable


def test_the_checksum_cannot_catch_every_single_digit_typo() -> None:
    # The limit the property above describes, on the textbook number: the 5th character has weight 5.
    assert is_valid_id_number("A123656789")


def _change_digit(number: str, index: int, delta: int) -> str:
    new_digit = (int(number[index]) + delta) % 10
    return number[:index] + str(new_digit) + number[index + 1 :]


# ---- phone numbers ----


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("0912345678", "0912-345-678"),
        ("0912-345-678", "0912-345-678"),
        ("0912 345 678", "0912-345-678"),
        ("+886 912 345 678", "0912-345-678"),
        ("+886-912-345678", "0912-345-678"),
        ("886912345678", "0912-345-678"),
        ("00886912345678", "0912-345-678"),
        ("０９１２－３４５－６７８", "0912-345-678"),
        ("(02)2345-6789", "02-2345-6789"),
        ("02 2345 6789", "02-2345-6789"),
        ("+886 2 2345 6789", "02-2345-6789"),
        ("+886 (0)2 2345 6789", "02-2345-6789"),
        ("03-3456789", "03-345-6789"),
        ("039-325678", "03-932-5678"),  # 宜蘭 still written with 039, dialled as 03 + 7 digits
        ("037-345678", "037-345-678"),  # 苗栗: 037 wins over 03
        ("04-2345-6789", "04-2345-6789"),  # 臺中, 8 digits
        ("04-723-4567", "04-723-4567"),  # 彰化, 7 digits
        ("049-2345678", "049-234-5678"),  # 南投
        ("05-2345678", "05-234-5678"),
        ("06-2345678", "06-234-5678"),
        ("07-3456789", "07-345-6789"),
        ("08-7654321", "08-765-4321"),  # 屏東
        ("082-312345", "082-312-345"),  # 金門
        ("0826-62345", "0826-62345"),  # 烏坵
        ("0836-22345", "0836-22345"),  # 馬祖
        ("089-345678", "089-345-678"),  # 臺東
        ("0800-123-456", "0800-123-456"),
        ("02-2345-6789#123", "02-2345-6789#123"),
        ("02-2345-6789 分機 123", "02-2345-6789#123"),
        ("02-2345-6789轉45", "02-2345-6789#45"),
        ("02-2345-6789 ext. 45", "02-2345-6789#45"),
        ("02-2345-6789 x45", "02-2345-6789#45"),
        ("+886-2-2345-6789 分機 12", "02-2345-6789#12"),
    ],
)
def test_phone_numbers_get_one_canonical_form(typed: str, canonical: str) -> None:
    assert validate_phone(typed) == canonical
    assert normalise_phone(typed) == canonical


@pytest.mark.parametrize(
    ("typed", "zh", "en"),
    [
        ("", "請輸入電話號碼", "Please enter"),
        ("0912-345-67", "手機號碼應為 10 位數字", "this one has 9"),
        ("09123456789", "目前為 11 位", "this one has 11"),
        ("2345-6789", "請加上區碼", "area code"),
        ("912345678", "應以 0 開頭", "must start with 0"),
        ("02-234-5678", "區碼 02 之後應為 8 位數字，目前為 7 位", "got 7"),
        ("04-23456", "應為 7或8 位數字", "7 or 8 digits"),
        ("037-12345", "區碼 037 之後應為 6 位數字", "area code 037"),
        ("02-0234-5678", "不會以 0 開頭", "cannot start with 0"),
        ("01-2345678", "「01」不是台灣的區碼", "not a Taiwanese area code"),
        ("+1 212 555 1234", "只接受台灣的電話號碼", "Only Taiwanese"),
        ("00912345678", "多打了一個 0", "extra 0"),
        ("0912-345-678 a", "無法辨識的字元「a」", "unexpected character 'a'"),
        ("09+12345678", "「+」只能放在號碼最前面", "'+' may only appear"),
        ("02-2345-6789#", "分機號碼應為 1 到 6 位數字", "got 'nothing'"),
        ("02-2345-6789#1234567", "分機號碼應為 1 到 6 位數字", "got '1234567'"),
        ("0800-12-345", "免付費電話應為 10 位數字", "toll-free"),
    ],
)
def test_invalid_phone_numbers_say_what_is_wrong(typed: str, zh: str, en: str) -> None:
    error = raised(validate_phone, typed)
    assert zh in error.message_zh
    assert en in error.message_en
    assert error.field == "phone"
    assert_bilingual(error)


def test_phone_field_name_is_passed_through() -> None:
    with pytest.raises(ValidationError) as info:
        validate_phone("12", field="contact_phone")
    assert info.value.field == "contact_phone"


def test_normalise_phone_keeps_what_it_cannot_read() -> None:
    assert normalise_phone(" 0912-345-678 媽媽 ") == "0912-345-678 媽媽"
    assert not is_valid_phone("0912-345-678 媽媽")


@st.composite
def national_numbers(draw: st.DrawFn) -> str:
    """Digits of a valid number as dialled inside Taiwan: a mobile or a landline from the area-code table."""
    if draw(st.booleans()):
        return "09" + draw(st.text("0123456789", min_size=8, max_size=8))
    area = draw(st.sampled_from(sorted(AREA_CODES)))
    length = draw(st.sampled_from(sorted(AREA_CODES[area])))
    first = draw(st.sampled_from("23456789"))
    number = area + first + draw(st.text("0123456789", min_size=length - 1, max_size=length - 1))
    # 08 + 36xxxxx reads as 0836 (馬祖), 03 + 7xxxxxx as 037 (苗栗): such numbers belong to the longer code.
    assume(not any(code.startswith(area) and code != area and number.startswith(code) for code in AREA_CODES))
    return number


@given(national_numbers())
def test_canonical_phone_is_a_fixed_point_and_keeps_every_digit(digits: str) -> None:
    canonical = validate_phone(digits)
    assert validate_phone(canonical) == canonical
    assert canonical.replace("-", "") == digits
    assert re.fullmatch(r"0\d{1,3}-\d{3,4}(-\d{3,4})?|0\d{3}-\d{5}", canonical), canonical


@given(national_numbers(), st.sampled_from(["", " ", "-", "."]), st.booleans(), st.booleans())
def test_every_way_of_writing_a_number_gives_the_same_canonical_form(
    digits: str, separator: str, international: bool, full_width: bool
) -> None:
    typed = separator.join([digits[:4], digits[4:7], digits[7:]])
    if international:
        typed = "+886 " + typed[1:]
    if full_width:
        typed = "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in typed)
        assert unicodedata.normalize("NFKC", typed) != typed
    assert validate_phone(typed) == validate_phone(digits)


@given(st.text(max_size=30))
def test_normalise_phone_never_raises(text: str) -> None:
    result = normalise_phone(text)
    if is_valid_phone(text):
        assert result == validate_phone(text)
    else:
        assert result == unicodedata.normalize("NFKC", text).strip()
