"""The agency's local day: Taiwan time (UTC+8, no daylight saving) whatever the computer's own zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from types import SimpleNamespace

import pytest

from app.services import clock


@pytest.mark.parametrize(
    ("instant", "day"),
    [
        (datetime(2025, 5, 9, 23, 30, tzinfo=UTC), date(2025, 5, 10)),  # 07:30 in Taipei the next morning
        (datetime(2025, 5, 9, 15, 59, 59, tzinfo=UTC), date(2025, 5, 9)),  # 23:59:59 in Taipei
        (datetime(2025, 5, 9, 16, 0, tzinfo=UTC), date(2025, 5, 10)),  # midnight in Taipei
        (datetime(2025, 5, 10, 15, 30, tzinfo=UTC), date(2025, 5, 10)),  # 23:30 in Taipei stays on its day
        (datetime(2024, 12, 31, 23, 30, tzinfo=UTC), date(2025, 1, 1)),  # across the year
        (datetime(2025, 7, 1, 7, 30, tzinfo=clock.LOCAL_TZ), date(2025, 7, 1)),  # already local
        (datetime(2025, 7, 1, 19, 0, tzinfo=timezone(timedelta(hours=-4))), date(2025, 7, 2)),  # New York summer
    ],
)
def test_local_date(instant: datetime, day: date) -> None:
    assert clock.local_date(instant) == day


def test_fixed_offset_without_a_tz_database() -> None:
    assert clock.LOCAL_TZ.utcoffset(None) == timedelta(hours=8)
    assert clock.LOCAL_TZ.tzname(None) == "Asia/Taipei"
    # No daylight saving: the offset is the same in January and July.
    assert {clock.LOCAL_TZ.utcoffset(datetime(2025, m, 1)) for m in (1, 7)} == {timedelta(hours=8)}


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        clock.local_date(datetime(2025, 5, 9, 23, 30))


def test_today_is_the_date_in_taiwan(monkeypatch: pytest.MonkeyPatch) -> None:
    instant = datetime(2025, 5, 9, 23, 30, tzinfo=UTC)

    def frozen_now(tz: tzinfo | None = None) -> datetime:
        # A naive now() answers in the computer's zone; here a server set to UTC.
        return instant.astimezone(tz) if tz is not None else instant.replace(tzinfo=None)

    monkeypatch.setattr(clock, "datetime", SimpleNamespace(now=frozen_now))
    assert clock.now() == datetime(2025, 5, 10, 7, 30, tzinfo=clock.LOCAL_TZ)
    assert clock.today() == date(2025, 5, 10)  # still 5/09 in UTC


def test_today_now() -> None:
    before = datetime.now(UTC)
    today = clock.today()
    after = datetime.now(UTC)
    assert today in {clock.local_date(before), clock.local_date(after)}
