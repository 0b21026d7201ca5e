"""Reading one field's value from an exchange file into what the column stores, or saying why it cannot be read.

Lenient where files from other systems differ harmlessly (ROC or Gregorian dates, a phone typed without hyphens, a
whole number written as 3.0 by a spreadsheet), strict where a guess could store wrong data (an unknown code, a
number where text belongs, an impossible date).
"""

from __future__ import annotations

import copy
import math
import uuid
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal, InvalidOperation
from typing import Any, Final

from app.errors import ValidationError
from app.services import codes
from app.services.exchange_schema import Field, FieldType
from app.services.rocdate import parse_date
from app.services.validation import validate_id_number, validate_phone

# A timestamp without an offset is taken as Taiwan time, where the exporting system ran. Taiwan has kept UTC+8
# without daylight saving since 1980, so a fixed offset is exact and needs no time-zone database (absent on Windows).
TAIWAN: Final = timezone(timedelta(hours=8), "Asia/Taipei")


def mask_id_number(number: str) -> str:
    """An ID number as messages show it: the first 3 and last 2 characters (A12*****89); a short one entirely masked."""
    if len(number) <= 5:
        return "*" * len(number)
    return number[:3] + "*" * (len(number) - 5) + number[-2:]


def is_blank(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def read_value(field: Field, raw: object) -> Any:
    """The stored value for `raw`; ValidationError (field = the field's key) when it is not acceptable."""
    if is_blank(raw):
        if field.required:
            raise _error(field, "必填，不可空白。", "is required and may not be empty.")
        # Lists are copied so that two rows never share one default list object.
        return None if field.nullable else copy.copy(field.default)
    value = _READERS[field.datatype](field, raw)
    _check_number(field, value)
    return _check_codes(field, value)


def _error(field: Field, zh: str, en: str) -> ValidationError:
    return ValidationError(field.key, f"{field.label_zh}（{field.key}）{zh}", f"{field.key} {en}")


def _wrong_type(field: Field, raw: object, zh_expected: str, en_expected: str) -> ValidationError:
    shown = repr(raw) if not isinstance(raw, str) else f"'{raw}'"
    return _error(field, f"應為{zh_expected}，目前為 {shown}。", f"must be {en_expected}; got {shown}.")


def _text(field: Field, raw: object) -> str:
    # A spreadsheet turns a code such as 1140305 or a number-only address into a number; take it back as text.
    if isinstance(raw, int) and not isinstance(raw, bool):
        raw = str(raw)
    if not isinstance(raw, str):
        raise _wrong_type(field, raw, "文字", "text")
    # Stray spaces around a name, code or number from another system are noise (and would defeat duplicate
    # checks); free text (no length limit: notes, summaries) is kept exactly as written.
    text = raw.strip() if field.max_length is not None else raw
    if field.id_number:
        text = validate_id_number(text, field.key)
    elif field.phone:
        text = validate_phone(text, field.key)
    if field.max_length is not None and len(text) > field.max_length:
        raise _error(
            field,
            f"最多 {field.max_length} 個字，目前為 {len(text)} 個字。",
            f"has at most {field.max_length} characters; this one has {len(text)}.",
        )
    return text


def _enum(field: Field, raw: object) -> Any:
    assert field.enum is not None
    allowed = [str(member.value) for member in field.enum]
    if isinstance(raw, str) and raw.strip() in allowed:
        return field.enum(raw.strip())
    raise _error(
        field,
        f"的值「{raw}」不在允許的代碼中：{'、'.join(allowed)}。",
        f"value '{raw}' is not one of the allowed codes: {', '.join(allowed)}.",
    )


def _date(field: Field, raw: object) -> date:
    if isinstance(raw, datetime):  # a spreadsheet date cell comes back as midnight of that day
        if raw.time() != datetime.min.time():
            raise _wrong_type(field, raw, "日期（不含時間）", "a date without a time")
        return raw.date()
    if isinstance(raw, date):
        return raw
    if not isinstance(raw, str):
        raise _wrong_type(field, raw, "日期文字（如 2025-03-05 或 114/03/05）", "a date (e.g. 2025-03-05 or 114/03/05)")
    return parse_date(raw, field.key)


def _datetime(field: Field, raw: object) -> datetime:
    if isinstance(raw, str):
        try:
            raw = datetime.fromisoformat(raw.strip())
        except ValueError:
            raise _error(
                field,
                f"「{raw}」不是時間格式，請用 2025-03-05T14:30:00+08:00。",
                f"'{raw}' is not a timestamp; write it like 2025-03-05T14:30:00+08:00.",
            ) from None
    if not isinstance(raw, datetime):
        raise _wrong_type(field, raw, "時間", "a timestamp")
    if raw.tzinfo is None:
        raw = raw.replace(tzinfo=TAIWAN)
    return raw.astimezone(UTC)


def _bool(field: Field, raw: object) -> bool:
    if not isinstance(raw, bool):
        raise _wrong_type(field, raw, " true 或 false", "true or false")
    return raw


def _int(field: Field, raw: object) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int | float | Decimal):
        raise _wrong_type(field, raw, "整數", "a whole number")
    if isinstance(raw, int):
        return raw
    if not (math.isfinite(raw) and raw == int(raw)):
        raise _wrong_type(field, raw, "整數", "a whole number")
    return int(raw)


def _float(field: Field, raw: object) -> float:
    if isinstance(raw, bool) or not isinstance(raw, int | float | Decimal) or not math.isfinite(raw):
        raise _wrong_type(field, raw, "數字", "a number")
    return float(raw)


def _decimal(field: Field, raw: object) -> Decimal:
    # Amounts are exported as text ("32000") so they keep every digit; a plain JSON number is accepted too.
    if isinstance(raw, bool) or not isinstance(raw, int | float | Decimal | str):
        raise _wrong_type(field, raw, "金額（數字）", "an amount (a number)")
    try:
        value = Decimal(str(raw).strip())
    except InvalidOperation:
        raise _wrong_type(field, raw, "金額（數字）", "an amount (a number)") from None
    if not value.is_finite():
        raise _wrong_type(field, raw, "金額（數字）", "an amount (a number)")
    scale, precision = field.scale or 0, field.precision
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # finite, so never 'n', 'N' or 'F'
    if precision is not None and abs(value) >= Decimal(10) ** (precision - scale):
        raise _error(field, f"的數值 {raw} 太大。", f"value {raw} is too large.")
    # Trailing zeros are harmless ("190.50" for a one-decimal column); a real extra digit would be rounded away.
    if -exponent > scale and value != value.quantize(Decimal(1).scaleb(-scale)):
        raise _error(field, f"最多 {scale} 位小數，目前為 {raw}。", f"has at most {scale} decimal places; got {raw}.")
    return value


def _list(field: Field, raw: object) -> list[str]:
    if not isinstance(raw, list) or not all(isinstance(item, str) and item.strip() for item in raw):
        raise _wrong_type(field, raw, '文字清單（如 ["a", "b"]）', 'a list of text (e.g. ["a", "b"])')
    return [item.strip() for item in raw]


def _uuid(field: Field, raw: object) -> uuid.UUID:
    if isinstance(raw, uuid.UUID):
        return raw
    if isinstance(raw, str):
        try:
            return uuid.UUID(raw.strip())
        except ValueError:
            pass
    raise _wrong_type(field, raw, " UUID（識別碼）", "a UUID")


_READERS: Final = {
    FieldType.TEXT: _text,
    FieldType.ENUM: _enum,
    FieldType.DATE: _date,
    FieldType.DATETIME: _datetime,
    FieldType.BOOL: _bool,
    FieldType.INT: _int,
    FieldType.FLOAT: _float,
    FieldType.DECIMAL: _decimal,
    FieldType.LIST: _list,
    FieldType.UUID: _uuid,
}


def _check_number(field: Field, value: Any) -> None:
    if field.datatype not in (FieldType.INT, FieldType.FLOAT, FieldType.DECIMAL):
        return
    low, high = field.value_range or (0, None)
    if value < low or (high is not None and value > high):
        zh = f"應介於 {low} 到 {high}" if high is not None else f"不可小於 {low}"
        en = f"must be between {low} and {high}" if high is not None else f"may not be below {low}"
        raise _error(field, f"{zh}，目前為 {value}。", f"{en}; got {value}.")


def _check_codes(field: Field, value: Any) -> Any:
    if field.code_list is not None:
        check_codes(field, field.code_list, value if isinstance(value, list) else [value])
    return value


def check_codes(field: Field, list_name: str, values: list[str]) -> None:
    unknown = [v for v in values if not codes.is_valid(list_name, v)]
    if unknown:
        shown = "、".join(unknown)
        raise _error(
            field,
            f"的代碼「{shown}」不在代碼表 {list_name} 中（resources/codes/）。",
            f"code '{', '.join(unknown)}' is not in code list {list_name} (resources/codes/).",
        )
