"""SQL expressions over a record's JSON content (`record.data`) that read the same on PostgreSQL and SQLite.

The aggregates of server.services.team_figures run in the database, never by loading records into Python, so the
few things they need from a record's content (a date, a flag, a number, a calendar period) are written here once,
for each dialect: on PostgreSQL `data ->> 'key'` cast to DATE, BOOLEAN or NUMERIC (the column is JSONB there, see
migration 0004), on SQLite `json_extract` with its date functions. Dates travel as ISO text (app.store.values), so
SQLite compares and shifts them as text, and PostgreSQL casts them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Date, Float, Integer
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement


def text_of(data: Any, key: str) -> ColumnElement[str]:
    """A text (or code) field; NULL when missing or null."""
    value: ColumnElement[str] = data[key].as_string()
    return value


def flag_of(data: Any, key: str) -> ColumnElement[bool]:
    """A boolean field (true/false in the JSON); NULL when missing."""
    value: ColumnElement[bool] = data[key].as_boolean()
    return value


class _JsonDate(FunctionElement[Any]):
    type = Date()
    inherit_cache = True
    name = "json_date"


class _JsonNumber(FunctionElement[Any]):
    type = Float()
    inherit_cache = True
    name = "json_number"


class _LocalDate(FunctionElement[Any]):
    """The calendar day in Taiwan (UTC+8, no daylight saving since 1979) of an ISO UTC timestamp."""

    type = Date()
    inherit_cache = True
    name = "local_date"


class _DaysBetween(FunctionElement[Any]):
    """Whole days from the first date to the second (second − first)."""

    type = Integer()
    inherit_cache = True
    name = "days_between"


class _PeriodLastDay(FunctionElement[Any]):
    """app.services.supported_employment.period_last_day: the last day of `months` calendar months from a date."""

    type = Date()
    inherit_cache = True
    name = "period_last_day"


class _Least(FunctionElement[Any]):
    type = Date()
    inherit_cache = True
    name = "least"


class _Greatest(FunctionElement[Any]):
    """The greatest of two values, ignoring a null (PostgreSQL's GREATEST does; SQLite's MAX would not)."""

    type = Date()
    inherit_cache = True
    name = "greatest"


def date_of(data: Any, key: str) -> ColumnElement[Any]:
    """A date field (ISO text in the JSON) as a date; NULL when missing or null."""
    return _JsonDate(text_of(data, key))


def as_date(iso_text: ColumnElement[Any]) -> ColumnElement[Any]:
    """ISO date text (say, the max of a date field, taken as text so an index on the text serves it) as a date."""
    return _JsonDate(iso_text)


def number_of(data: Any, key: str) -> ColumnElement[Any]:
    """A number field (a JSON number, or a decimal kept as text) as a float; NULL when missing or null."""
    return _JsonNumber(text_of(data, key))


def local_date(iso_timestamp: ColumnElement[Any]) -> ColumnElement[Any]:
    """The day in Taiwan of an ISO UTC timestamp (text)."""
    return _LocalDate(iso_timestamp)


def days_between(first: ColumnElement[Any], second: ColumnElement[Any]) -> ColumnElement[Any]:
    return _DaysBetween(first, second)


def period_last_day(start: ColumnElement[Any], months: int) -> ColumnElement[Any]:
    return _PeriodLastDay(start, months)


def least(*values: ColumnElement[Any]) -> ColumnElement[Any]:
    return _Least(*values)


def greatest(first: ColumnElement[Any], second: ColumnElement[Any]) -> ColumnElement[Any]:
    """The greater of two values, ignoring a null; null only when both are."""
    return _Greatest(first, second)


def _args(element: FunctionElement[Any], compiler: SQLCompiler, **kw: Any) -> list[str]:
    return [compiler.process(arg, **kw) for arg in element.clauses]


@compiles(_JsonDate, "postgresql")
def _pg_date(element: _JsonDate, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST({_args(element, compiler, **kw)[0]} AS DATE)"


@compiles(_JsonDate, "sqlite")
def _sqlite_date(element: _JsonDate, compiler: SQLCompiler, **kw: Any) -> str:
    return _args(element, compiler, **kw)[0]


@compiles(_JsonNumber, "postgresql")
def _pg_number(element: _JsonNumber, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST({_args(element, compiler, **kw)[0]} AS NUMERIC)"


@compiles(_JsonNumber, "sqlite")
def _sqlite_number(element: _JsonNumber, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST({_args(element, compiler, **kw)[0]} AS REAL)"


@compiles(_LocalDate, "postgresql")
def _pg_local_date(element: _LocalDate, compiler: SQLCompiler, **kw: Any) -> str:
    # UTC wall time plus eight hours; a zone named '+08:00' would be read the POSIX way, as eight hours west.
    value = _args(element, compiler, **kw)[0]
    return f"CAST((CAST({value} AS TIMESTAMPTZ) AT TIME ZONE 'UTC') + INTERVAL '8 hours' AS DATE)"


@compiles(_LocalDate, "sqlite")
def _sqlite_local_date(element: _LocalDate, compiler: SQLCompiler, **kw: Any) -> str:
    return f"date({_args(element, compiler, **kw)[0]}, '+8 hours')"


@compiles(_DaysBetween, "postgresql")
def _pg_days(element: _DaysBetween, compiler: SQLCompiler, **kw: Any) -> str:
    first, second = _args(element, compiler, **kw)
    return f"({second} - {first})"


@compiles(_DaysBetween, "sqlite")
def _sqlite_days(element: _DaysBetween, compiler: SQLCompiler, **kw: Any) -> str:
    first, second = _args(element, compiler, **kw)
    return f"CAST(julianday({second}) - julianday({first}) AS INTEGER)"


@compiles(_PeriodLastDay, "postgresql")
def _pg_period(element: _PeriodLastDay, compiler: SQLCompiler, **kw: Any) -> str:
    # PostgreSQL clamps date + n months to the month's end (1/31 + 3 months = 4/30), which is the rule's answer when
    # the start day has no counterpart; otherwise the period ends the day before the counterpart (1/15 → 4/14).
    start, months = _args(element, compiler, **kw)
    shifted = f"CAST({start} + make_interval(months => {months}) AS DATE)"
    return f"(CASE WHEN EXTRACT(DAY FROM {shifted}) < EXTRACT(DAY FROM {start}) THEN {shifted} ELSE {shifted} - 1 END)"


@compiles(_PeriodLastDay, "sqlite")
def _sqlite_period(element: _PeriodLastDay, compiler: SQLCompiler, **kw: Any) -> str:
    # SQLite's '+n months' overflows into the next month (1/31 + 3 months = 5/1), so the month is found from its
    # first day and the day put back: the counterpart day minus one, or the month's last day when it has none.
    start, months = _args(element, compiler, **kw)
    first = f"date({start}, 'start of month', '+' || ({months}) || ' months')"
    last = f"date({first}, '+1 month', '-1 day')"
    day = f"CAST(strftime('%d', {start}) AS INTEGER)"
    return (
        f"(CASE WHEN {day} > CAST(strftime('%d', {last}) AS INTEGER) THEN {last} "
        f"ELSE date({first}, '+' || ({day} - 1) || ' days', '-1 day') END)"
    )


@compiles(_Least, "postgresql")
def _pg_least(element: _Least, compiler: SQLCompiler, **kw: Any) -> str:
    return f"LEAST({', '.join(_args(element, compiler, **kw))})"


@compiles(_Least, "sqlite")
def _sqlite_least(element: _Least, compiler: SQLCompiler, **kw: Any) -> str:
    return f"MIN({', '.join(_args(element, compiler, **kw))})"


@compiles(_Greatest, "postgresql")
def _pg_greatest(element: _Greatest, compiler: SQLCompiler, **kw: Any) -> str:
    return f"GREATEST({', '.join(_args(element, compiler, **kw))})"


@compiles(_Greatest, "sqlite")
def _sqlite_greatest(element: _Greatest, compiler: SQLCompiler, **kw: Any) -> str:
    first, second = _args(element, compiler, **kw)
    return f"MAX(COALESCE({first}, {second}), COALESCE({second}, {first}))"
