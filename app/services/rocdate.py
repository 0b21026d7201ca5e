"""民國 (ROC, Republic of China) dates: formatting for forms and reports, and parsing what people type.

民國元年 (ROC year 1) is 1912, so ROC year = Gregorian year - 1911. There is no year 0: the year before
民國元年, 1911, is 民國前1年, 1910 is 民國前2年, and so on. In this module a 民國前 year is a negative
number (1911 → -1), which keeps the arithmetic one subtraction in each direction.

Typed input follows one ambiguity rule: a 4-digit leading year is Gregorian (西元), a 1-3 digit one is ROC.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Final, Literal

from app.errors import ValidationError

RocStyle = Literal["long", "short", "compact"]

ROC_OFFSET: Final = 1911  # Gregorian year of 民國0年, which does not exist: 1911 is 民國前1年
# Three digits are all the ROC forms have room for; a 4-digit year would read as Gregorian.
MAX_ROC_YEAR: Final = 999

_MONTHS_EN: Final = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

_WHITESPACE: Final = re.compile(r"\s+")
_YEAR: Final = r"(?P<before>前)?(?P<year>\d{1,4})"
_CHINESE_YEAR: Final = r"(?P<before>前)?(?P<year>\d{1,4}|元)"  # 元年 is how year 1 is written in words
_ERA: Final = r"(?P<era>中華民國|民國|西元|公元)?"
# 114/3/5, 114-03-05, 114.3.5, 2025/3/5, 前1/03/05: one separator, used twice.
_SEPARATED_DATE: Final = re.compile(rf"^{_YEAR}(?P<sep>[/.\-])(?P<month>\d{{1,2}})(?P=sep)(?P<day>\d{{1,2}})$")
# 民國114年3月5日, 民國前1年3月5日, 民國元年1月1日, 114年3月5日, 2025年3月5日, 西元2025年3月5日.
_CHINESE_DATE: Final = re.compile(rf"^{_ERA}{_CHINESE_YEAR}年(?P<month>\d{{1,2}})月(?P<day>\d{{1,2}})日?$")
# 1140305, 990305, 20250305, 前0010305.
_COMPACT_DATE: Final = re.compile(r"^(?P<before>前)?(?P<digits>\d{6,8})$")

_SEPARATED_MONTH: Final = re.compile(rf"^{_YEAR}[/.\-](?P<month>\d{{1,2}})$")
_CHINESE_MONTH: Final = re.compile(rf"^{_ERA}{_CHINESE_YEAR}年(?P<month>\d{{1,2}})月?$")
# 11403 (ROC YYYMM), 202503 (Gregorian YYYYMM).
_COMPACT_MONTH: Final = re.compile(r"^(?P<before>前)?(?P<digits>\d{5,6})$")


def to_roc(d: date) -> tuple[int, int, int]:
    """``(ROC year, month, day)``; a 民國前 year is negative: 1912-01-01 → (1, 1, 1), 1911-12-31 → (-1, 12, 31)."""
    return roc_year(d), d.month, d.day


def roc_year(d: date) -> int:
    """The 民國 year of a date: 2025 → 114, 1912 → 1, 1911 → -1 (民國前1年); there is no year 0."""
    if d.year > ROC_OFFSET:
        return d.year - ROC_OFFSET
    return d.year - ROC_OFFSET - 1


def format_roc(d: date, style: RocStyle = "long") -> str:
    """Write a date the way Taiwanese forms do.

    * ``long``: 民國114年3月5日 (民國前1年3月5日 for 1911)
    * ``short``: 114/03/05 (前1/03/05)
    * ``compact``: 1140305, the 7-digit 民國年月日 of government data files (前0010305)

    :func:`parse_date` reads every one of these back. Raises ``ValueError`` for an unknown style or for a year
    beyond 民國999年 / 民國前999年 (913-2910), which the 3-digit forms cannot hold.
    """
    year, month, day = to_roc(d)
    if abs(year) > MAX_ROC_YEAR:
        raise ValueError(f"{d.isoformat()} is outside the ROC years format_roc can write (±{MAX_ROC_YEAR})")
    before = "前" if year < 0 else ""
    number = abs(year)
    if style == "long":
        return f"民國{before}{number}年{month}月{day}日"
    if style == "short":
        return f"{before}{number}/{month:02d}/{day:02d}"
    if style == "compact":
        return f"{before}{number:03d}{month:02d}{day:02d}"
    raise ValueError(f"unknown style {style!r}; use 'long', 'short' or 'compact'")


def parse_date(text: str, field: str = "date") -> date:
    """Read a typed date in any of the forms case managers use, ROC or Gregorian.

    Accepted, after NFKC (so full-width ``１１４／３／５`` works) and with spaces ignored:

    * ROC with a separator: ``114/3/5``, ``114/03/05``, ``114-3-5``, ``114.3.5``, ``前1/3/5``
    * ROC digits only: ``1140305`` (7 digits, 民國年月日) and ``990305`` (6 digits, a 2-digit ROC year)
    * Gregorian: ``2025-03-05``, ``2025/3/5``, ``2025.3.5``, ``20250305`` (8 digits)
    * Chinese: ``民國114年3月5日``, ``民國前1年3月5日``, ``民國元年1月1日``, ``114年3月5日``, ``2025年3月5日``,
      ``西元2025年3月5日`` (the final 日 may be left off)

    Raises :class:`ValidationError` naming the problem: an unreadable form, year 0, month 13, or a day the
    month does not have ("民國114年2月沒有30日" / "February 2025 has no day 30").
    """
    original = text.strip()
    compacted = _WHITESPACE.sub("", unicodedata.normalize("NFKC", text))
    if not compacted:
        raise ValidationError(field, "請輸入日期。", "Please enter a date.")
    parts = _match_date(compacted)
    if parts is None:
        raise ValidationError(
            field,
            f"無法辨識的日期「{original}」，請輸入如 114/3/5、1140305 或 2025-03-05。",
            f"Cannot read the date '{original}'; type it like 114/3/5, 1140305 or 2025-03-05.",
        )
    year = _resolve_year(parts, field)
    _check_month(parts.month, field)
    return _make_date(year, parts.month, parts.day, field)


def parse_roc_month(text: str, field: str = "month") -> tuple[int, int]:
    """Read a typed month for monthly reports and return ``(Gregorian year, month)``.

    The Gregorian year is returned whatever was typed, so ``"114/3"`` and ``"2025-03"`` give the same
    ``(2025, 3)`` and callers can build ``date(year, month, 1)``; use :func:`roc_year` to show it as 民國.
    Accepted: ``114/3``, ``114-03``, ``114.3``, ``前1/3``, ``11403`` (5 digits, ROC), ``2025-03``, ``2025/3``,
    ``202503`` (6 digits, Gregorian), ``民國114年3月``, ``114年3月``, ``2025年3月``. The same year rule as
    :func:`parse_date` applies: 4 digits is Gregorian, 1-3 digits is ROC.
    """
    original = text.strip()
    compacted = _WHITESPACE.sub("", unicodedata.normalize("NFKC", text))
    if not compacted:
        raise ValidationError(field, "請輸入年月。", "Please enter a month.")
    parts = _match_month(compacted)
    if parts is None:
        raise ValidationError(
            field,
            f"無法辨識的年月「{original}」，請輸入如 114/3 或 2025-03。",
            f"Cannot read the month '{original}'; type it like 114/3 or 2025-03.",
        )
    year = _resolve_year(parts, field)
    _check_month(parts.month, field)
    return year.gregorian, parts.month


# ---- parsing helpers ----


@dataclass(frozen=True)
class _Parts:
    """The pieces of a typed date before their meaning is settled (day is 1 for a month)."""

    year_text: str  # digits as typed, or "元" for 民國元年
    before: bool  # 民國前
    era: str | None  # 民國 / 西元 as typed, if any
    month: int
    day: int


@dataclass(frozen=True)
class _Year:
    gregorian: int
    label_zh: str  # as the user will recognise it in a message: 民國114年, 民國前1年, 西元2025年


def _match_date(text: str) -> _Parts | None:
    for pattern in (_SEPARATED_DATE, _CHINESE_DATE):
        match = pattern.match(text)
        if match:
            return _parts(match, int(match["month"]), int(match["day"]))
    match = _COMPACT_DATE.match(text)
    if match is None:
        return None
    digits = match["digits"]
    if len(digits) == 8 and match["before"]:
        return None  # 8 digits is a Gregorian year, which 民國前 cannot qualify
    # 8 digits YYYYMMDD, 7 digits YYYMMDD (ROC), 6 digits YYMMDD (ROC): the year is what precedes MMDD.
    year_text = digits[:-4]
    return _Parts(year_text, bool(match["before"]), None, int(digits[-4:-2]), int(digits[-2:]))


def _match_month(text: str) -> _Parts | None:
    for pattern in (_SEPARATED_MONTH, _CHINESE_MONTH):
        match = pattern.match(text)
        if match:
            return _parts(match, int(match["month"]), 1)
    match = _COMPACT_MONTH.match(text)
    if match is None:
        return None
    digits = match["digits"]
    if len(digits) == 6 and match["before"]:
        return None
    return _Parts(digits[:-2], bool(match["before"]), None, int(digits[-2:]), 1)


def _parts(match: re.Match[str], month: int, day: int) -> _Parts:
    era = match.groupdict().get("era")
    return _Parts(match["year"], bool(match["before"]), era, month, day)


def _resolve_year(parts: _Parts, field: str) -> _Year:
    """Apply the era rule: 民國/前/元 or 1-3 digits mean ROC, 西元 or 4 digits mean Gregorian."""
    gregorian_era = parts.era in ("西元", "公元")
    roc_era = parts.era is not None and not gregorian_era
    number = 1 if parts.year_text == "元" else int(parts.year_text)
    is_roc = not gregorian_era and (roc_era or parts.before or len(parts.year_text) < 4)
    if gregorian_era and parts.before:
        raise ValidationError(
            field,
            "不支援西元前的日期。",
            "Dates before year 1 (BC) are not supported.",
        )
    if is_roc and len(parts.year_text) == 4:
        raise ValidationError(
            field,
            f"{parts.year_text} 是西元年，請去掉「民國」或改用民國年（西元減 1911）。",
            f"{parts.year_text} is a Gregorian year, not an ROC one; drop the ROC marker or give the ROC year "
            "(Gregorian minus 1911).",
        )
    if number == 0:
        raise _year_zero(field, is_roc)
    if not is_roc:
        return _Year(number, f"西元{number}年")
    if parts.before:
        return _Year(ROC_OFFSET + 1 - number, f"民國前{number}年")
    return _Year(ROC_OFFSET + number, f"民國{number}年")


def _year_zero(field: str, is_roc: bool) -> ValidationError:
    if is_roc:
        return ValidationError(
            field,
            "沒有民國0年：民國元年是西元1912年，前一年（1911年）是民國前1年。",
            "There is no ROC year 0: ROC year 1 is 1912, and 1911 is the first year before the ROC.",
        )
    return ValidationError(field, "西元沒有0年。", "There is no year 0.")


def _check_month(month: int, field: str) -> None:
    if not 1 <= month <= 12:
        raise ValidationError(
            field,
            f"月份應為 1 到 12，目前為 {month}。",
            f"The month must be 1 to 12; got {month}.",
        )


def _make_date(year: _Year, month: int, day: int, field: str) -> date:
    if day < 1:
        raise ValidationError(field, f"日應至少為 1，目前為 {day}。", f"The day must be at least 1; got {day}.")
    last_day = calendar.monthrange(year.gregorian, month)[1]
    if day > last_day:
        raise ValidationError(
            field,
            f"{year.label_zh}{month}月沒有{day}日（只到{last_day}日）。",
            f"{_MONTHS_EN[month - 1]} {year.gregorian} has no day {day} (it has {last_day} days).",
        )
    return date(year.gregorian, month, day)
