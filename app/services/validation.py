"""Checks for the identity and contact fields a case manager types: ID numbers and Taiwanese phone numbers.

Two kinds of function live here, and the prefix tells them apart:

* ``normalise_*`` cleans text up and never raises, so importers can keep what they could not read and flag it;
* ``validate_*`` is strict: it returns the canonical value or raises :class:`ValidationError` whose zh-TW and
  English messages say what is wrong, so a form can show them beside the field.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final, Literal

from app.errors import ValidationError

IdNumberKind = Literal["national", "resident_new", "resident_old"]  # the values of app.models.enums.IdKind
# The values of app.models.enums.Gender; that module is not imported so that this one stays free of the ORM.
GenderCode = Literal["M", "F"]

# ---- ID numbers: 身分證統一編號 and 居留證 / 外來人口統一證號 ----

# 英文字母代號: the two-digit code of each first letter (the order is historical, hence I/O/W/Z out of place).
LETTER_CODES: Final[dict[str, int]] = {
    "A": 10, "B": 11, "C": 12, "D": 13, "E": 14, "F": 15, "G": 16, "H": 17, "I": 34,
    "J": 18, "K": 19, "L": 20, "M": 21, "N": 22, "O": 35, "P": 23, "Q": 24, "R": 25,
    "S": 26, "T": 27, "U": 28, "V": 29, "W": 32, "X": 30, "Y": 31, "Z": 33,
}  # fmt: skip

ID_LENGTH: Final = 10
# Weights of characters 2-9; character 10 (the check digit, 檢查碼) has weight 1.
_BODY_WEIGHTS: Final = (8, 7, 6, 5, 4, 3, 2, 1)

_NATIONAL_GENDER: Final[dict[str, GenderCode]] = {"1": "M", "2": "F"}
_RESIDENT_NEW_GENDER: Final[dict[str, GenderCode]] = {"8": "M", "9": "F"}
# Old 統一證號: A/B were issued to 臺灣地區無戶籍國民、大陸地區人民、港澳居民 and C/D to 外國人;
# A and C are male, B and D female.
_RESIDENT_OLD_GENDER: Final[dict[str, GenderCode]] = {"A": "M", "B": "F", "C": "M", "D": "F"}
_GENDER_BY_SECOND: Final[dict[str, GenderCode]] = {
    **_NATIONAL_GENDER,
    **_RESIDENT_NEW_GENDER,
    **_RESIDENT_OLD_GENDER,
}

_WHITESPACE: Final = re.compile(r"\s+")


def normalise_id_number(text: str) -> str:
    """Clean up a typed ID number without judging it.

    NFKC folds full-width letters and digits (全形 ``Ａ１２３``) to half-width; whitespace anywhere is dropped
    because numbers copied out of PDFs and scanned forms often carry stray spaces; letters are upper-cased.
    """
    return _WHITESPACE.sub("", unicodedata.normalize("NFKC", text)).upper()


def id_number_kind(text: str, field: str = "id_number") -> IdNumberKind:
    """Tell 身分證統一編號 from the two 居留證 (外來人口統一證號) formats by the second character.

    * ``national`` — 國民身分證: letter, then 1 (male) or 2 (female), then 8 digits.
    * ``resident_new`` — 新式統一證號 (from 2021-01-02): letter, then 8 (male) or 9 (female), then 8 digits.
    * ``resident_old`` — 舊式統一證號: two letters, the second A-D, then 8 digits.

    Only the shape is checked here, not the 檢查碼; use :func:`validate_id_number` for that.
    Raises :class:`ValidationError` when the text has none of the three shapes.
    """
    return _check_shape(normalise_id_number(text), field)


def validate_id_number(text: str, field: str = "id_number") -> str:
    """Return the normalised ID number, or raise :class:`ValidationError` saying what is wrong.

    All three formats share one 檢查碼 rule: the first letter's code ``XY`` counts as ``X*1 + Y*9``;
    characters 2-9 are weighted 8, 7, 6, 5, 4, 3, 2, 1; the check digit is added with weight 1; the total
    must be a multiple of 10. In the old 居留證 format the second character is a letter, and only the last
    digit of its code counts (A=10 → 0, B=11 → 1, C=12 → 2, D=13 → 3).
    """
    value = normalise_id_number(text)
    _check_shape(value, field)
    if _weighted_sum(value) % 10 != 0:
        # Do not offer the "right" check digit: the typo is as likely to be in any other position, and
        # suggesting one would turn a mistyped number into a wrong but valid-looking one.
        raise ValidationError(
            field,
            "檢查碼不符：這個證號有一碼打錯了，請逐碼核對證件。",
            "Checksum mismatch: one of the characters is probably mistyped; check it against the card.",
        )
    return value


def is_valid_id_number(text: str) -> bool:
    """True when :func:`validate_id_number` would accept the text (for filters and quick checks)."""
    try:
        validate_id_number(text)
    except ValidationError:
        return False
    return True


def gender_from_id_number(text: str, field: str = "id_number") -> GenderCode:
    """The gender the ID number encodes in its second character (性別碼).

    身分證 1/2, 新式居留證 8/9, 舊式居留證 A/C (male) or B/D (female). The number is validated first, so a
    mistyped number raises :class:`ValidationError` rather than yielding a guess.
    """
    return _GENDER_BY_SECOND[validate_id_number(text, field)[1]]


def make_national_id(letter: str, gender_digit: int | str, serial7: int | str) -> str:
    """Build a 身分證統一編號 with the right 檢查碼 (for demo data and tests).

    ``serial7`` is the 7 digits between the gender digit and the check digit; an int is zero-padded.
    Raises ``ValueError`` (a programming error, not user input) for a bad letter, gender digit or serial.
    """
    gender = str(gender_digit)
    if gender not in _NATIONAL_GENDER:
        raise ValueError(f"gender_digit must be 1 or 2, not {gender_digit!r}")
    return _make_id(letter, gender, serial7)


def make_resident_id(letter: str, second: str, serial7: int | str) -> str:
    """Build a 居留證 number with the right 檢查碼: ``second`` is 8/9 (new format) or A-D (old format)."""
    if second not in _RESIDENT_NEW_GENDER and second not in _RESIDENT_OLD_GENDER:
        raise ValueError(f"second must be 8, 9 or A-D, not {second!r}")
    return _make_id(letter, second, serial7)


def _make_id(letter: str, second: str, serial7: int | str) -> str:
    if letter not in LETTER_CODES:
        raise ValueError(f"letter must be one of A-Z, not {letter!r}")
    serial = f"{serial7:07d}" if isinstance(serial7, int) else serial7
    if len(serial) != 7 or not serial.isascii() or not serial.isdigit():
        raise ValueError(f"serial7 must be 7 digits, not {serial7!r}")
    partial = letter + second + serial + "0"
    check = (10 - _weighted_sum(partial) % 10) % 10
    return partial[:-1] + str(check)


def _check_shape(value: str, field: str) -> IdNumberKind:
    """Check length and each position, most basic problem first, so the message names the real mistake."""
    if not value:
        raise ValidationError(
            field, "請輸入身分證字號或居留證號。", "Please enter an ID or resident certificate number."
        )
    if len(value) != ID_LENGTH:
        raise ValidationError(
            field,
            f"證號應為 {ID_LENGTH} 碼，目前為 {len(value)} 碼。",
            f"An ID number has {ID_LENGTH} characters; this one has {len(value)}.",
        )
    if value[0] not in LETTER_CODES:
        raise ValidationError(
            field,
            f"第 1 碼應為英文字母，目前為「{value[0]}」。",
            f"The 1st character must be a letter A-Z; got '{value[0]}'.",
        )
    kind = _kind_from_second(value[1])
    if kind is None:
        raise ValidationError(
            field,
            f"第 2 碼（性別碼）應為 1 或 2（身分證）、8 或 9（新式居留證）或 A 至 D（舊式居留證），"
            f"目前為「{value[1]}」。",
            "The 2nd character (the gender code) must be 1 or 2 (national ID), 8 or 9 (new resident "
            f"certificate) or A-D (old resident certificate); got '{value[1]}'.",
        )
    for position, char in enumerate(value[2:], start=3):
        if not ("0" <= char <= "9"):
            raise ValidationError(
                field,
                f"第 3 至 10 碼應為數字，第 {position} 碼為「{char}」。",
                f"Characters 3-10 must be digits; character {position} is '{char}'.",
            )
    return kind


def _kind_from_second(char: str) -> IdNumberKind | None:
    if char in _NATIONAL_GENDER:
        return "national"
    if char in _RESIDENT_NEW_GENDER:
        return "resident_new"
    if char in _RESIDENT_OLD_GENDER:
        return "resident_old"
    return None


def _weighted_sum(value: str) -> int:
    """The 檢查碼 sum of a well-shaped 10-character number (see :func:`validate_id_number`)."""
    tens, units = divmod(LETTER_CODES[value[0]], 10)
    total = tens + units * 9
    second = value[1]
    # 舊式居留證: the second letter contributes the last digit of its letter code.
    second_value = int(second) if second.isdigit() else LETTER_CODES[second] % 10
    body = [second_value, *(int(c) for c in value[2:9])]
    total += sum(d * w for d, w in zip(body, _BODY_WEIGHTS, strict=True))
    return total + int(value[9])


# ---- Phone numbers ----
#
# Canonical form (what validate_phone returns and what is stored and shown):
#   mobile        0912-345-678             (09 + 8 digits, grouped 4-3-3)
#   toll-free     0800-123-456             (0800 / 0809 + 6 digits, grouped 4-3-3)
#   landline      <area code>-<subscriber> with the subscriber grouped by length:
#                 8 digits 4-4  02-2345-6789      7 digits 3-4  03-345-6789 / 049-234-5678
#                 6 digits 3-3  037-123-456       5 digits as is  0836-22345
#   extension     appended as "#123"        02-2345-6789#123
# Hyphens keep the area code visible: from bare digits "037345678" a reader cannot tell Miaoli (037) from
# Taoyuan/Hsinchu (03); the parser can, because it takes the longest matching area code and the numbering
# plan gives no 03 number a leading 7 (likewise 049 / 04, and 082, 0826, 0836, 089 / 08).

MOBILE_PREFIX: Final = "09"
MOBILE_LENGTH: Final = 10
TOLL_FREE_PREFIXES: Final = ("0800", "0809")
MAX_EXTENSION_DIGITS: Final = 6

# 市話區碼 → allowed subscriber lengths (digits after the area code). Matched longest prefix first, so 037
# (苗栗) wins over 03 and 0836 (馬祖) over 08. 038 (花蓮) and 039 (宜蘭) are dialled today as 03 + 7 digits.
AREA_CODES: Final[dict[str, frozenset[int]]] = {
    "02": frozenset({8}),  # 臺北、新北、基隆
    "03": frozenset({7}),  # 桃園、新竹、宜蘭、花蓮
    "037": frozenset({6}),  # 苗栗
    "04": frozenset({7, 8}),  # 臺中 (8 digits)、彰化 (7 digits)
    "049": frozenset({7}),  # 南投
    "05": frozenset({7}),  # 嘉義、雲林
    "06": frozenset({7}),  # 臺南、澎湖
    "07": frozenset({7}),  # 高雄
    "08": frozenset({7}),  # 屏東
    "082": frozenset({6}),  # 金門
    "0826": frozenset({5}),  # 烏坵
    "0836": frozenset({5}),  # 馬祖
    "089": frozenset({6}),  # 臺東
}
_AREA_CODES_LONGEST_FIRST: Final = sorted(AREA_CODES, key=len, reverse=True)

# The extension marker and what follows it: "#123", "分機 123", "轉123", "ext. 123", "x123".
_EXTENSION: Final = re.compile(r"(?:#|分機|轉|ext\.?|x)[:\s]*(?P<ext>.*)$", re.IGNORECASE)
_SEPARATORS: Final = frozenset(" -.()/")
_COUNTRY_CODE: Final = "886"


def normalise_phone(text: str) -> str:
    """The canonical form of a Taiwanese phone number, or the cleaned-up text when it is not one.

    Never raises, so an import can keep a value it cannot read (``"0912-345-678 媽媽"``) and flag it; use
    :func:`validate_phone` where a bad number must be refused.
    """
    try:
        return validate_phone(text)
    except ValidationError:
        return unicodedata.normalize("NFKC", text).strip()


def validate_phone(text: str, field: str = "phone") -> str:
    """Return the canonical form of a Taiwanese phone number, or raise :class:`ValidationError`.

    Accepts 手機 (09xx-xxx-xxx), 市話 with 區碼 (02, 03, 037, 04, 049, 05, 06, 07, 08, 082 金門, 0826 烏坵,
    0836 馬祖, 089 臺東), 0800/0809 免付費電話, +886 / 00886 international forms (with or without the
    trunk 0), full-width characters, and an extension written ``#123``, ``分機123``, ``轉123`` or ``ext 123``.
    See the comment above ``MOBILE_PREFIX`` for the canonical form.
    """
    cleaned = unicodedata.normalize("NFKC", text).strip()
    if not cleaned:
        raise ValidationError(field, "請輸入電話號碼。", "Please enter a phone number.")
    main, extension = _split_extension(cleaned, field)
    digits = _national_digits(main, field)
    number = _format_national(digits, field)
    return f"{number}#{extension}" if extension else number


def is_valid_phone(text: str) -> bool:
    """True when :func:`validate_phone` would accept the text."""
    try:
        validate_phone(text)
    except ValidationError:
        return False
    return True


def _split_extension(text: str, field: str) -> tuple[str, str]:
    match = _EXTENSION.search(text)
    if match is None:
        return text, ""
    extension = _WHITESPACE.sub("", match["ext"])
    if not (extension.isascii() and extension.isdigit() and len(extension) <= MAX_EXTENSION_DIGITS):
        typed = match["ext"].strip()
        raise ValidationError(
            field,
            f"分機號碼應為 1 到 {MAX_EXTENSION_DIGITS} 位數字，目前為「{typed or '空白'}」。",
            f"An extension must be 1 to {MAX_EXTENSION_DIGITS} digits; got '{typed or 'nothing'}'.",
        )
    return text[: match.start()], extension


def _national_digits(text: str, field: str) -> str:
    """The number as dialled inside Taiwan (leading 0), with separators and any +886 prefix removed."""
    for char in text:
        if not (char.isascii() and char.isdigit()) and char not in _SEPARATORS and char != "+":
            raise ValidationError(
                field,
                f"電話號碼含有無法辨識的字元「{char}」。",
                f"The phone number contains an unexpected character '{char}'.",
            )
    leading_plus = text.startswith("+")
    if text.count("+") > int(leading_plus):
        raise ValidationError(field, "「+」只能放在號碼最前面。", "'+' may only appear at the start.")
    digits = "".join(c for c in text if c.isdigit())
    if leading_plus or digits.startswith("00"):
        return _strip_country_code(digits.removeprefix("00"), field, typed_00=not leading_plus)
    if digits.startswith(_COUNTRY_CODE):
        # Domestic numbers start with 0, so a leading 886 can only be the country code without its "+".
        return _strip_country_code(digits, field)
    if not digits.startswith("0"):
        if len(digits) in (7, 8):
            raise ValidationError(
                field,
                "市話請加上區碼，例如 02-2345-6789。",
                "Add the area code to a landline number, e.g. 02-2345-6789.",
            )
        raise ValidationError(
            field,
            "電話號碼應以 0 開頭（手機 09、市話區碼）或 +886。",
            "A phone number must start with 0 (09 for mobiles, or an area code) or +886.",
        )
    return digits


def _strip_country_code(digits: str, field: str, *, typed_00: bool = False) -> str:
    if not digits.startswith(_COUNTRY_CODE):
        if typed_00:
            # "00912..." is far more often a doubled 0 than a foreign number, so say both.
            raise ValidationError(
                field,
                "「00」開頭是國際冠碼，只接受台灣的電話號碼（+886）；若是多打了一個 0，請刪除。",
                "A number starting with 00 is an international call and only Taiwanese numbers (+886) are "
                "accepted; if you typed an extra 0, remove it.",
            )
        raise ValidationError(
            field,
            "只接受台灣的電話號碼（國碼 +886）。",
            "Only Taiwanese phone numbers (country code +886) are accepted.",
        )
    # "+886 (0)2 ..." keeps the trunk 0 some people write in brackets; drop it before adding ours.
    return "0" + digits.removeprefix(_COUNTRY_CODE).removeprefix("0")


def _format_national(digits: str, field: str) -> str:
    if digits.startswith(MOBILE_PREFIX):
        if len(digits) != MOBILE_LENGTH:
            raise ValidationError(
                field,
                f"手機號碼應為 {MOBILE_LENGTH} 位數字（09 開頭），目前為 {len(digits)} 位。",
                f"A mobile number has {MOBILE_LENGTH} digits starting with 09; this one has {len(digits)}.",
            )
        return f"{digits[:4]}-{digits[4:7]}-{digits[7:]}"
    if digits.startswith(TOLL_FREE_PREFIXES):
        if len(digits) != 10:
            raise ValidationError(
                field,
                f"免付費電話應為 10 位數字，目前為 {len(digits)} 位。",
                f"A toll-free number has 10 digits; this one has {len(digits)}.",
            )
        return f"{digits[:4]}-{digits[4:7]}-{digits[7:]}"
    return _format_landline(digits, field)


def _format_landline(digits: str, field: str) -> str:
    area = next((code for code in _AREA_CODES_LONGEST_FIRST if digits.startswith(code)), None)
    if area is None:
        raise ValidationError(
            field,
            f"「{digits[:2]}」不是台灣的區碼。",
            f"'{digits[:2]}' is not a Taiwanese area code.",
        )
    subscriber = digits[len(area) :]
    allowed = AREA_CODES[area]
    if len(subscriber) not in allowed:
        lengths = "或".join(str(n) for n in sorted(allowed))
        lengths_en = " or ".join(str(n) for n in sorted(allowed))
        raise ValidationError(
            field,
            f"區碼 {area} 之後應為 {lengths} 位數字，目前為 {len(subscriber)} 位。",
            f"After area code {area} there should be {lengths_en} digits; got {len(subscriber)}.",
        )
    if subscriber[0] in "01":
        # Subscriber numbers never start with 0 or 1 (1 is for short codes such as 119), so this is a typo.
        raise ValidationError(
            field,
            f"區碼 {area} 之後的號碼不會以 {subscriber[0]} 開頭，請確認號碼。",
            f"A number after area code {area} cannot start with {subscriber[0]}; please check it.",
        )
    return f"{area}-{_group_subscriber(subscriber)}"


def _group_subscriber(subscriber: str) -> str:
    """Group as Taiwanese directories print them: 4-4, 3-4, 3-3; five digits stay together."""
    if len(subscriber) == 8:
        return f"{subscriber[:4]}-{subscriber[4:]}"
    if len(subscriber) in (6, 7):
        return f"{subscriber[:3]}-{subscriber[3:]}"
    return subscriber
