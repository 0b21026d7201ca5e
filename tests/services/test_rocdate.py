"""民國 dates: conversion, formatting and parsing what people type."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.services.rocdate import format_roc, parse_date, parse_roc_month, roc_year, to_roc

CJK = re.compile(r"[\u4e00-\u9fff]")
FIRST = date(1900, 1, 1)
LAST = date(2200, 12, 31)
STYLES = ("long", "short", "compact")

dates = st.dates(min_value=FIRST, max_value=LAST)


def raised_by_parse(text: str) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        parse_date(text)
    return info.value


def to_full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


# ---- conversion and formatting ----


@pytest.mark.parametrize(
    ("day", "roc"),
    [
        (date(2025, 3, 5), (114, 3, 5)),
        (date(1912, 1, 1), (1, 1, 1)),  # 民國元年
        (date(1911, 12, 31), (-1, 12, 31)),  # 民國前1年: there is no year 0
        (date(1910, 6, 1), (-2, 6, 1)),
        (date(1900, 1, 1), (-12, 1, 1)),
        (date(2010, 3, 5), (99, 3, 5)),
    ],
)
def test_to_roc(day: date, roc: tuple[int, int, int]) -> None:
    assert to_roc(day) == roc
    assert roc_year(day) == roc[0]


@given(dates)
def test_roc_year_never_is_zero_and_moves_with_the_gregorian_year(day: date) -> None:
    year = roc_year(day)
    assert year != 0
    assert year == (day.year - 1911 if day.year >= 1912 else day.year - 1912)


@pytest.mark.parametrize(
    ("day", "long", "short", "compact"),
    [
        (date(2025, 3, 5), "民國114年3月5日", "114/03/05", "1140305"),
        (date(2010, 12, 25), "民國99年12月25日", "99/12/25", "0991225"),
        (date(1912, 1, 1), "民國1年1月1日", "1/01/01", "0010101"),
        (date(1911, 3, 5), "民國前1年3月5日", "前1/03/05", "前0010305"),
        (date(1900, 1, 1), "民國前12年1月1日", "前12/01/01", "前0120101"),
    ],
)
def test_format_roc(day: date, long: str, short: str, compact: str) -> None:
    assert format_roc(day) == long
    assert format_roc(day, "long") == long
    assert format_roc(day, "short") == short
    assert format_roc(day, "compact") == compact


def test_format_roc_refuses_an_unknown_style() -> None:
    with pytest.raises(ValueError, match="style"):
        format_roc(date(2025, 3, 5), "iso")  # type: ignore[arg-type]


@pytest.mark.parametrize("day", [date(2911, 1, 1), date(912, 12, 31)])
def test_format_roc_refuses_years_three_digits_cannot_hold(day: date) -> None:
    with pytest.raises(ValueError, match="outside"):
        format_roc(day, "compact")


# ---- parsing: accepted forms ----


@pytest.mark.parametrize(
    "typed",
    [
        "114/3/5",
        "114/03/05",
        "114-3-5",
        "114.3.5",
        "1140305",
        "2025-03-05",
        "2025/3/5",
        "2025.03.05",
        "20250305",
        "民國114年3月5日",
        "中華民國114年3月5日",
        "民國 114 年 3 月 5 日",
        "114年3月5日",
        "114年3月5",
        "2025年3月5日",
        "西元2025年3月5日",
        "１１４／３／５",
        "１１４０３０５",
        "民國１１４年３月５日",
        " 114/3/5 ",
    ],
)
def test_parse_date_reads_every_typed_form(typed: str) -> None:
    assert parse_date(typed) == date(2025, 3, 5)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("990305", date(2010, 3, 5)),  # 6 digits: a 2-digit ROC year
        ("0990305", date(2010, 3, 5)),
        ("99/3/5", date(2010, 3, 5)),
        ("1/1/1", date(1912, 1, 1)),
        ("民國元年1月1日", date(1912, 1, 1)),
        ("民國前1年3月5日", date(1911, 3, 5)),
        ("前1/03/05", date(1911, 3, 5)),
        ("前0010305", date(1911, 3, 5)),
        ("民國前12年1月1日", date(1900, 1, 1)),
        ("113/2/29", date(2024, 2, 29)),  # leap year
        ("民國89年2月29日", date(2000, 2, 29)),  # divisible by 400: leap
        ("0114-03-05", date(114, 3, 5)),  # 4 digits is Gregorian even with a leading zero
    ],
)
def test_parse_date_edge_cases(typed: str, expected: date) -> None:
    assert parse_date(typed) == expected


# ---- parsing: round trips ----


def test_format_then_parse_is_identity_for_every_date_1900_to_2200() -> None:
    # Exhaustive rather than sampled: 110,000 dates is cheap, and the edges (民國前1年, 民國元年, leap days
    # around 1900/2000/2100) are exactly where a sample could miss.
    day = FIRST
    one_day = timedelta(days=1)
    while day <= LAST:
        for style in STYLES:
            text = format_roc(day, style)
            assert parse_date(text) == day, text
        day += one_day


@given(dates, st.sampled_from(STYLES))
def test_full_width_formatted_dates_parse_back(day: date, style: str) -> None:
    typed = to_full_width(format_roc(day, style))  # type: ignore[arg-type]
    assert parse_date(typed) == day


@given(dates)
def test_gregorian_forms_parse_back(day: date) -> None:
    assert parse_date(day.isoformat()) == day
    assert parse_date(day.strftime("%Y%m%d")) == day
    assert parse_date(f"{day.year}/{day.month}/{day.day}") == day


@given(st.dates(min_value=date(1912, 1, 1), max_value=date(2910, 12, 31)))
def test_a_short_year_is_roc_and_a_four_digit_year_is_gregorian(day: date) -> None:
    roc = day.year - 1911
    assert parse_date(f"{roc}/{day.month}/{day.day}") == day
    assert parse_date(f"{day.year}/{day.month}/{day.day}") == day


# ---- parsing: what the messages say ----


@pytest.mark.parametrize(
    ("typed", "zh", "en"),
    [
        ("114/2/30", "民國114年2月沒有30日", "February 2025 has no day 30"),
        ("1140230", "民國114年2月沒有30日", "February 2025 has no day 30"),
        ("2025-02-29", "西元2025年2月沒有29日", "February 2025 has no day 29"),
        ("114/4/31", "4月沒有31日", "April 2025 has no day 31"),
        ("民國前12年2月29日", "民國前12年2月沒有29日", "February 1900 has no day 29"),
        ("114/13/1", "月份應為 1 到 12，目前為 13", "month must be 1 to 12; got 13"),
        ("2025-00-10", "目前為 0", "got 0"),
        ("114/3/0", "日應至少為 1", "day must be at least 1"),
        ("0/3/5", "沒有民國0年", "no ROC year 0"),
        ("0000305", "沒有民國0年", "no ROC year 0"),
        ("前0/3/5", "沒有民國0年", "no ROC year 0"),
        ("0000-01-01", "西元沒有0年", "no year 0"),
        ("民國2025年1月1日", "2025 是西元年", "2025 is a Gregorian year"),
        ("西元前1年1月1日", "不支援西元前", "BC"),
        ("", "請輸入日期", "Please enter a date"),
        ("   ", "請輸入日期", "Please enter a date"),
        ("abc", "無法辨識的日期「abc」", "Cannot read the date 'abc'"),
        ("114/3-5", "無法辨識", "Cannot read"),
        ("11435", "無法辨識", "Cannot read"),
        ("前20250305", "無法辨識", "Cannot read"),
        ("2025/3", "無法辨識", "Cannot read"),
    ],
)
def test_impossible_dates_say_what_is_wrong(typed: str, zh: str, en: str) -> None:
    error = raised_by_parse(typed)
    assert zh in error.message_zh
    assert en in error.message_en
    assert error.field == "date"
    assert CJK.search(error.message_zh)
    # The English message may quote what was typed, but must not otherwise fall back to Chinese.
    assert not CJK.search(error.message_en.replace(typed.strip(), "")), error.message_en


@given(st.integers(min_value=1, max_value=289), st.integers(min_value=1, max_value=12))
def test_the_day_after_the_last_of_a_month_is_refused_in_both_languages(year: int, month: int) -> None:
    last = (date(1911 + year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    error = raised_by_parse(f"{year}/{month}/{last + 1}")
    assert f"民國{year}年{month}月沒有{last + 1}日" in error.message_zh
    assert f"{1911 + year} has no day {last + 1}" in error.message_en


def test_date_field_name_is_passed_through() -> None:
    with pytest.raises(ValidationError) as info:
        parse_date("114/2/30", field="birth_date")
    assert info.value.field == "birth_date"


@given(st.text(max_size=20))
def test_parse_date_only_ever_raises_validation_error(text: str) -> None:
    try:
        result = parse_date(text)
    except ValidationError as error:
        assert error.message_zh and error.message_en
    else:
        # Whatever was accepted had digits in it: blank or digit-free text can never become a date.
        assert isinstance(result, date)
        assert any(c.isdigit() for c in unicodedata.normalize("NFKC", text)) or "元" in text


# ---- months ----


@pytest.mark.parametrize(
    "typed",
    [
        "114/3",
        "114/03",
        "114-3",
        "114.3",
        "11403",
        "2025-03",
        "2025/3",
        "202503",
        "民國114年3月",
        "114年3月",
        "2025年3月",
    ],
)
def test_parse_roc_month_returns_the_gregorian_year(typed: str) -> None:
    assert parse_roc_month(typed) == (2025, 3)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("前1/12", (1911, 12)), ("民國元年1月", (1912, 1)), ("09912", (2010, 12)), ("１１４／１２", (2025, 12))],
)
def test_parse_roc_month_edge_cases(typed: str, expected: tuple[int, int]) -> None:
    assert parse_roc_month(typed) == expected


@pytest.mark.parametrize(
    ("typed", "zh", "en"),
    [
        ("114/13", "月份應為 1 到 12", "got 13"),
        ("2025-00", "目前為 0", "got 0"),
        ("0/3", "沒有民國0年", "no ROC year 0"),
        ("", "請輸入年月", "Please enter a month"),
        ("114/3/5", "無法辨識的年月", "Cannot read the month"),
    ],
)
def test_parse_roc_month_says_what_is_wrong(typed: str, zh: str, en: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_roc_month(typed, field="report_month")
    assert zh in info.value.message_zh
    assert en in info.value.message_en
    assert info.value.field == "report_month"


@given(dates)
def test_parse_roc_month_round_trips_with_roc_year(day: date) -> None:
    year = roc_year(day)
    typed = f"前{-year}/{day.month}" if year < 0 else f"{year}/{day.month}"
    assert parse_roc_month(typed) == (day.year, day.month)
