"""Taiwan's working-day calendar, checked against the real 2025 calendar (114年政府行政機關辦公日曆表)."""

from __future__ import annotations

import calendar as pycalendar
from datetime import date, timedelta
from typing import Any

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import ValidationError
from app.services.workdays import WorkCalendar, add_months, national_calendar

CAL = WorkCalendar()
dates = st.dates(min_value=date(2020, 1, 1), max_value=date(2027, 12, 31))
counts = st.integers(min_value=0, max_value=45)


class TestIsWorkday:
    def test_makeup_saturday_2025_02_08_is_a_workday(self) -> None:
        assert date(2025, 2, 8).weekday() == 5
        assert CAL.is_workday(date(2025, 2, 8))

    def test_the_sunday_after_the_makeup_day_is_not(self) -> None:
        assert not CAL.is_workday(date(2025, 2, 9))

    def test_lunar_new_year_2025_is_off_from_jan_25_to_feb_2(self) -> None:
        days = [date(2025, 1, 25) + timedelta(days=i) for i in range(9)]
        assert days[-1] == date(2025, 2, 2)
        assert [d for d in days if CAL.is_workday(d)] == []
        assert CAL.is_workday(date(2025, 1, 24))
        assert CAL.is_workday(date(2025, 2, 3))

    def test_substituted_day_off_2025_01_27(self) -> None:
        # Monday 1/27 is off in exchange for working Saturday 2/8.
        assert not CAL.is_workday(date(2025, 1, 27))

    def test_national_day_2025(self) -> None:
        assert not CAL.is_workday(date(2025, 10, 10))
        assert CAL.is_workday(date(2025, 10, 9))

    @pytest.mark.parametrize("d", [date(2025, 3, 8), date(2025, 3, 9), date(2025, 6, 14), date(2025, 6, 15)])
    def test_an_ordinary_weekend_is_not_a_workday(self, d: date) -> None:
        assert not CAL.is_workday(d)

    def test_an_ordinary_weekday_is_a_workday(self) -> None:
        assert CAL.is_workday(date(2025, 3, 5))

    def test_a_makeup_day_is_tied_to_its_year(self) -> None:
        # holidays 0.109 lists 2014-12-27 in every year's weekend_workdays; it must not make other Dec 27ths work.
        assert not CAL.is_workday(date(2025, 12, 27))
        assert CAL.is_workday(date(2014, 12, 27))


class TestAgencyDays:
    def test_a_typhoon_day_is_not_a_workday(self) -> None:
        cal = WorkCalendar(extra_holidays=[date(2025, 7, 7)])
        assert not cal.is_workday(date(2025, 7, 7))
        assert cal.add_workdays(date(2025, 7, 4), 1) == date(2025, 7, 8)
        assert CAL.add_workdays(date(2025, 7, 4), 1) == date(2025, 7, 7)

    def test_an_extra_workday_on_a_weekend_or_holiday(self) -> None:
        cal = WorkCalendar(extra_workdays=[date(2025, 3, 8), date(2025, 10, 10)])
        assert cal.is_workday(date(2025, 3, 8))
        assert cal.is_workday(date(2025, 10, 10))

    def test_a_day_cannot_be_both(self) -> None:
        with pytest.raises(ValidationError) as raised:
            WorkCalendar(extra_holidays=[date(2025, 7, 7)], extra_workdays=[date(2025, 7, 7)])
        assert raised.value.field == "extra_workdays"
        assert "2025-07-07" in raised.value.message_zh


class TestAddWorkdays:
    def test_zero_is_the_day_itself_even_on_a_holiday(self) -> None:
        assert CAL.add_workdays(date(2025, 1, 28), 0) == date(2025, 1, 28)

    def test_counting_starts_the_day_after(self) -> None:
        assert CAL.add_workdays(date(2025, 3, 3), 1) == date(2025, 3, 4)

    def test_across_lunar_new_year(self) -> None:
        assert CAL.add_workdays(date(2025, 1, 24), 1) == date(2025, 2, 3)
        assert CAL.add_workdays(date(2025, 1, 22), 3) == date(2025, 2, 3)

    def test_across_the_makeup_saturday(self) -> None:
        assert CAL.add_workdays(date(2025, 2, 7), 1) == date(2025, 2, 8)
        assert CAL.add_workdays(date(2025, 2, 7), 2) == date(2025, 2, 10)

    def test_ten_workdays_from_before_new_year_land_on_the_makeup_day(self) -> None:
        # 1/21-24 (4), 2/3-7 (9), Saturday 2/8 (10).
        assert CAL.add_workdays(date(2025, 1, 20), 10) == date(2025, 2, 8)

    def test_negative_is_refused(self) -> None:
        with pytest.raises(ValueError):
            CAL.add_workdays(date(2025, 3, 3), -1)


class TestWorkdaysBetween:
    def test_january_2025_has_17_workdays(self) -> None:
        # 23 weekdays less 1/1 and 1/27-1/31.
        assert CAL.workdays_between(date(2024, 12, 31), date(2025, 1, 31)) == 17

    def test_february_2025_has_20_workdays(self) -> None:
        # 20 weekdays less 2/28, plus Saturday 2/8.
        assert CAL.workdays_between(date(2025, 1, 31), date(2025, 2, 28)) == 20

    def test_the_week_with_the_makeup_saturday_has_six(self) -> None:
        assert CAL.workdays_between(date(2025, 2, 3), date(2025, 2, 10)) == 6

    def test_same_day_and_reversed(self) -> None:
        assert CAL.workdays_between(date(2025, 2, 3), date(2025, 2, 3)) == 0
        assert CAL.workdays_between(date(2025, 2, 10), date(2025, 2, 3)) == -6


class TestCache:
    def test_each_year_is_built_once(self, monkeypatch: pytest.MonkeyPatch) -> None:
        built: list[Any] = []
        real = holidays.country_holidays

        def counting(*args: Any, **kwargs: Any) -> Any:
            built.append(kwargs.get("years"))
            return real(*args, **kwargs)

        monkeypatch.setattr(holidays, "country_holidays", counting)
        cal = WorkCalendar()
        cal.workdays_between(date(2024, 12, 1), date(2025, 3, 1))
        cal.workdays_between(date(2024, 12, 1), date(2025, 3, 1))
        assert sorted(built) == [2024, 2025]

    def test_the_national_calendar_is_shared(self) -> None:
        assert national_calendar() is national_calendar()


class TestAddMonths:
    @pytest.mark.parametrize(
        ("start", "n", "expected"),
        [
            (date(2025, 1, 31), 1, date(2025, 2, 28)),
            (date(2024, 1, 31), 1, date(2024, 2, 29)),
            (date(2025, 3, 31), -1, date(2025, 2, 28)),
            (date(2025, 5, 31), 1, date(2025, 6, 30)),
            (date(2024, 11, 30), 3, date(2025, 2, 28)),
            (date(2025, 12, 15), 1, date(2026, 1, 15)),
            (date(2025, 1, 15), -1, date(2024, 12, 15)),
            (date(2025, 8, 20), 0, date(2025, 8, 20)),
        ],
    )
    def test_examples(self, start: date, n: int, expected: date) -> None:
        assert add_months(start, n) == expected

    @given(dates, st.integers(min_value=-36, max_value=36))
    def test_moves_whole_months_and_clamps_the_day(self, d: date, n: int) -> None:
        moved = add_months(d, n)
        assert (moved.year * 12 + moved.month) - (d.year * 12 + d.month) == n
        assert moved.day == min(d.day, pycalendar.monthrange(moved.year, moved.month)[1])


class TestProperties:
    @settings(deadline=None)
    @given(dates, counts)
    def test_between_undoes_add(self, d: date, n: int) -> None:
        assert CAL.workdays_between(d, CAL.add_workdays(d, n)) == n

    @settings(deadline=None)
    @given(dates, st.integers(min_value=1, max_value=45))
    def test_add_lands_on_the_first_day_reaching_n(self, d: date, n: int) -> None:
        end = CAL.add_workdays(d, n)
        assert CAL.is_workday(end)
        assert CAL.workdays_between(d, end - timedelta(days=1)) == n - 1

    @settings(deadline=None)
    @given(dates, dates, dates)
    def test_between_adds_up_and_reverses(self, a: date, b: date, c: date) -> None:
        assert CAL.workdays_between(a, b) + CAL.workdays_between(b, c) == CAL.workdays_between(a, c)
        assert CAL.workdays_between(a, b) == -CAL.workdays_between(b, a)

    @settings(deadline=None)
    @given(dates)
    def test_agrees_with_the_holidays_package(self, d: date) -> None:
        # An independent oracle: holidays' own working-day check over the same data.
        assert CAL.is_workday(d) == holidays.country_holidays("TW", years=d.year).is_working_day(d)
