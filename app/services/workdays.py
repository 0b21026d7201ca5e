"""Taiwan's working-day calendar and calendar-month arithmetic for deadlines.

DOMAIN.md: "working days" means Taiwan's calendar with national holidays and make-up workdays (補班); plain
"days/weeks/months" are calendar periods. National holidays and substituted days off come from the `holidays`
package (`holidays.TW`, built through `country_holidays("TW")`, which is typed); make-up workdays that fall
on a weekend come from its `weekend_workdays` attribute.
"""

from __future__ import annotations

import calendar
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

import holidays

from app.errors import ValidationError

_SATURDAY = 5  # date.weekday(): Monday is 0


@dataclass(frozen=True)
class _Year:
    days_off: frozenset[date]
    makeup_workdays: frozenset[date]


class WorkCalendar:
    """Which days are working days in Taiwan, with an agency's own additions.

    `extra_holidays` are days the agency did not work although the national calendar says it should have
    (a typhoon day, 停班停課 declared by the local government); `extra_workdays` are the opposite. Both win
    over the national calendar. Holiday sets are built once per year and cached, because deadline lists ask
    about the same few years thousands of times.
    """

    def __init__(self, *, extra_holidays: Iterable[date] = (), extra_workdays: Iterable[date] = ()) -> None:
        self._extra_holidays = frozenset(extra_holidays)
        self._extra_workdays = frozenset(extra_workdays)
        both = self._extra_holidays & self._extra_workdays
        if both:
            listed = "、".join(d.isoformat() for d in sorted(both))
            raise ValidationError(
                "extra_workdays",
                f"同一天不能既是停班日又是補班日：{listed}",
                f"A day cannot be both an extra day off and an extra workday: {listed}",
            )
        self._years: dict[int, _Year] = {}

    def _year(self, year: int) -> _Year:
        cached = self._years.get(year)
        if cached is None:
            national = holidays.country_holidays("TW", years=year)
            # `weekend_workdays` may hold days of other years (0.109 always lists 2014-12-27); harmless, since a
            # day is only ever looked up in its own year's sets.
            cached = _Year(frozenset(national.keys()), frozenset(national.weekend_workdays))
            self._years[year] = cached
        return cached

    def is_workday(self, d: date) -> bool:
        """True when staff are expected at work on `d`."""
        if d in self._extra_workdays:
            return True
        if d in self._extra_holidays:
            return False
        year = self._year(d.year)
        if d in year.makeup_workdays:
            return True
        return d.weekday() < _SATURDAY and d not in year.days_off

    def add_workdays(self, d: date, n: int) -> date:
        """The n-th working day after `d` (`d` itself is never counted); `d` itself when n is 0.

        "Within 15 working days of taking the case" therefore means on or before `add_workdays(taken_on, 15)`.
        """
        if n < 0:
            raise ValueError(f"n must be 0 or more, got {n}")
        current = d
        remaining = n
        while remaining:
            current += timedelta(days=1)
            if self.is_workday(current):
                remaining -= 1
        return current

    def workdays_between(self, a: date, b: date) -> int:
        """Working days in (a, b]: after `a`, up to and including `b`; negative when `b` is before `a`.

        The half-open interval matches `add_workdays`, so `workdays_between(d, add_workdays(d, n)) == n`.
        """
        if b < a:
            return -self.workdays_between(b, a)
        count = 0
        current = a
        while current < b:
            current += timedelta(days=1)
            if self.is_workday(current):
                count += 1
        return count


def add_months(d: date, n: int) -> date:
    """`d` moved by n calendar months, clamping the day to the month's length (Jan 31 + 1 month = Feb 28/29).

    Clamping keeps a one-month deadline inside the next month instead of spilling into the one after it.
    """
    month_index = d.year * 12 + (d.month - 1) + n
    year, month0 = divmod(month_index, 12)
    month = month0 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


@functools.cache
def national_calendar() -> WorkCalendar:
    """One shared calendar without agency additions, so its per-year cache is built once per process."""
    return WorkCalendar()
