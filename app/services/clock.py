"""The agency's local time: which calendar day a stored instant falls on, and what day it is today.

Timestamps are stored as UTC (app.models.base.UTCDateTime), but deadlines, contact logs and forms are about the
case manager's calendar day in Taiwan. Taiwan keeps UTC+8 all year and has had no daylight saving time since 1979,
so a fixed offset is exact for every date the app deals with, and it needs no tz database (Windows laptops have
none unless the `tzdata` package is installed).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Final

LOCAL_TZ: Final = timezone(timedelta(hours=8), "Asia/Taipei")


def local_date(dt: datetime) -> date:
    """The calendar day in Taiwan on which the instant `dt` falls; a naive datetime is refused, not guessed."""
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError(f"naive datetime {dt.isoformat()}: give it a time zone (stored timestamps are UTC)")
    return dt.astimezone(LOCAL_TZ).date()


def now() -> datetime:
    """The current instant, in Taiwan time."""
    return datetime.now(LOCAL_TZ)


def today() -> date:
    """Today's date in Taiwan, whatever time zone the computer is set to."""
    return now().date()
