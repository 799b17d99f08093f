"""Reading one cell: each reader returns a typed value or raises CellError with the reason."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import cast

from scorecard.core.delivery_status import parse_status
from scorecard.core.period_parser import parse_period
from scorecard.core.periods import Period, PeriodError
from scorecard.core.ratings import Rag
from scorecard.core.scales import ScaleError, parse_scale


class CellError(ValueError):
    pass


def text(raw: str, *, required: bool = False, max_length: int | None = None) -> str:
    value = raw.strip()
    if "\x00" in value:
        raise CellError("contains a NUL character, which is not allowed in text")
    if required and not value:
        raise CellError("a value is needed here")
    if max_length and len(value) > max_length:
        raise CellError(f"must be at most {max_length} characters (this is {len(value)})")
    return value


# Commas only as thousands separators: 1,234.5 is a number, 84,8 is a mistake to point out.
_THOUSANDS = re.compile(r"[-+]?\d{1,3}(,\d{3})+(\.\d*)?")
# What every database keeps exactly: SQLite stores decimals as binary floating point, which
# holds 15 significant digits exactly; larger or finer numbers would come back changed.
LARGEST = Decimal("1e15")
SIGNIFICANT_DIGITS = 15
DECIMAL_PLACES = 8


def _number_text(raw: str) -> str:
    value = raw.strip()
    if value.endswith("%"):
        value = value[:-1].strip()
    if "," in value:
        if not _THOUSANDS.fullmatch(value):
            raise CellError(f"'{raw}' is not a number: use a dot for decimals (84.8, not 84,8)")
        value = value.replace(",", "")
    return value


def checked_number(number: Decimal, raw: str) -> Decimal:
    """A finite number the database keeps exactly, or the reason it cannot."""
    if not number.is_finite():
        raise CellError(f"'{raw}' is not a number")
    if abs(number) >= LARGEST:
        raise CellError(f"'{raw}' is too large: numbers must be below 1,000,000,000,000,000")
    # Finite, so the exponent is a number (not "n", "N" or "F").
    if cast(int, number.as_tuple().exponent) < -DECIMAL_PLACES:
        raise CellError(f"'{raw}' has more than {DECIMAL_PLACES} decimal places")
    if len(number.normalize().as_tuple().digits) > SIGNIFICANT_DIGITS:
        raise CellError(f"'{raw}' has more than {SIGNIFICANT_DIGITS} significant digits")
    return number


def decimal(raw: str, *, required: bool = False, minimum: Decimal | None = None) -> Decimal | None:
    value = _number_text(raw)
    if not value:
        if required:
            raise CellError("a number is needed here")
        return None
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise CellError(f"'{raw}' is not a number") from None
    checked_number(number, raw)
    if minimum is not None and number < minimum:
        raise CellError(f"must be {minimum} or more, not {raw}")
    return number


# The largest whole number a database integer column holds.
LARGEST_WHOLE_NUMBER = 2_147_483_647


def whole_number(raw: str, *, minimum: int = 0, maximum: int = LARGEST_WHOLE_NUMBER) -> int | None:
    number = decimal(raw)
    if number is None:
        return None
    if number != number.to_integral_value():
        raise CellError(f"'{raw}' must be a whole number")
    if not minimum <= number <= maximum:
        raise CellError(f"must be a whole number from {minimum:,} to {maximum:,}, not {raw}")
    return int(number)


def choice(raw: str, options: type[StrEnum], *, default: StrEnum | None = None) -> StrEnum:
    value = raw.strip().lower().replace(" ", "_").replace("-", "_")
    if not value:
        if default is None:
            raise CellError(f"a value is needed here: one of {', '.join(o.value for o in options)}")
        return default
    for option in options:
        if option.value == value:
            return option
    raise CellError(f"'{raw}' is not one of {', '.join(o.value for o in options)}")


def scale(raw: str) -> str:
    """A labelled scale ('1 = Outstanding; 2 = Good; ...'), as the measure stores it; "" for
    none (core/scales.py)."""
    value = text(raw)
    try:
        found = parse_scale(value)
    except ScaleError as exc:
        raise CellError(str(exc)) from None
    return found.written() if found is not None else ""


def period(raw: str, *, required: bool = False) -> Period | None:
    if isinstance(raw, SpreadsheetDate):
        raw = raw.month_text
    if not raw.strip():
        if required:
            raise CellError("a period is needed here")
        return None
    try:
        return parse_period(raw)
    except PeriodError as exc:
        raise CellError(str(exc)) from None


_IDENTIFIER = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def identifier(
    raw: str, *, required: bool = False, max_length: int = 60, reserved: frozenset = frozenset()
) -> str:
    """An id that appears in web addresses: letters, digits, '.', '_' and '-', no spaces, and
    not a word the pages' addresses already use (such as 'new')."""
    value = text(raw, required=required, max_length=max_length)
    if value.lower() in reserved:
        raise CellError(f"'{value}' names a page of the site and cannot be an id: choose another")
    if value and not _IDENTIFIER.fullmatch(value):
        raise CellError(
            f"'{raw}' can only have letters, digits, dots, hyphens and underscores, "
            "and must start with a letter or digit"
        )
    return value


# --- dates -------------------------------------------------------------------------------

EARLIEST_YEAR, LATEST_YEAR = 1900, 2100


class SpreadsheetDate(str):
    """A spreadsheet's date cell: its text is the ISO date, and it keeps the date itself, so a
    date column reads it whatever the cell's display format, and a period column reads its
    month (a cell typed `Sep-19` is stored as 1 September 2019)."""

    day: dt.date

    def __new__(cls, day: dt.date) -> SpreadsheetDate:
        cell = super().__new__(cls, day.isoformat())
        cell.day = day
        return cell

    @property
    def month_text(self) -> str:
        return f"{self.day.year:04d}-{self.day.month:02d}"


_MONTH_NUMBERS = {
    **{name.lower(): number for number, name in enumerate(calendar.month_name) if name},
    **{name.lower(): number for number, name in enumerate(calendar.month_abbr) if name},
    "sept": 9,
}
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC_DATE = re.compile(r"(\d{1,2})([./])(\d{1,2})\2(\d{4})")
_NAMED_DATE = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})")
DATE_FORMS = "2018-03-01, 01/03/2018, 01.03.2018 or 1 March 2018"


def _date_parts(value: str) -> tuple[int, int, int] | None:
    """(year, month, day) as written, or None when the text is in no accepted form."""
    if m := _ISO_DATE.fullmatch(value):
        return int(m[1]), int(m[2]), int(m[3])
    if m := _NUMERIC_DATE.fullmatch(value):
        return int(m[4]), int(m[3]), int(m[1])
    if (m := _NAMED_DATE.fullmatch(value)) and m[2].lower() in _MONTH_NUMBERS:
        return int(m[3]), _MONTH_NUMBERS[m[2].lower()], int(m[1])
    return None


def _check_year(year: int, raw: str) -> None:
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise CellError(
            f"'{raw}' is not a date we can use: years run from {EARLIEST_YEAR} to {LATEST_YEAR}"
        )


def date(raw: str, *, required: bool = False) -> dt.date | None:
    """A day, as ISO (`2018-03-01`), day first (`01/03/2018`, `01.03.2018`), with the month's
    name (`1 March 2018`, `1 Mar 2018`) or as a spreadsheet date cell."""
    if isinstance(raw, SpreadsheetDate):
        _check_year(raw.day.year, raw)
        return raw.day
    value = raw.strip()
    if not value:
        if required:
            raise CellError(f"a date is needed here, e.g. {DATE_FORMS}")
        return None
    parts = _date_parts(value)
    if parts is None:
        raise CellError(f"'{raw}' is not a date: write it as {DATE_FORMS}")
    year, month, day = parts
    _check_year(year, raw)
    if not 1 <= month <= 12:
        raise CellError(f"'{raw}' is not a date: there is no month {month}")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise CellError(
            f"'{raw}' is not a real date: {calendar.month_name[month]} {year} has no day {day}"
        ) from None


LIST_SEPARATOR = ";"


def _items(raw: str) -> list[str]:
    """The parts of a cell separated by semicolons, trimmed, blanks left out."""
    return [part.strip() for part in raw.split(LIST_SEPARATOR) if part.strip()]


def dates(raw: str) -> tuple[dt.date, ...]:
    """Dates in the order they were made, separated by semicolons: `2018-06-01; 2018-09-01`."""
    if isinstance(raw, SpreadsheetDate):
        return (raw.day,) if date(raw) else ()
    found: list[dt.date] = []
    for part in _items(raw):
        try:
            # A part is never blank, so it is a date or an error.
            found.append(cast(dt.date, date(part)))
        except CellError:
            if "," in part:
                raise CellError(f"'{raw}': separate dates with semicolons (;)") from None
            raise
    return tuple(found)


def names(raw: str, *, max_length: int = 300) -> tuple[str, ...]:
    """Names separated by semicolons, each once, in the order given."""
    value = text(raw)
    found: list[str] = []
    for name in _items(value):
        if len(name) > max_length:
            raise CellError(f"'{name[:40]}…' is longer than {max_length} characters")
        if name not in found:
            found.append(name)
    return tuple(found)


def identifiers(raw: str) -> tuple[str, ...]:
    """Ids separated by semicolons (`jthompson; areece`), each once, in the order given."""
    found = names(raw, max_length=60)
    for item in found:
        if "," in item:
            raise CellError(f"'{item}': separate ids with semicolons (;), not commas")
        identifier(item)
    return found


_YES = {"yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0", ""}


def yes_no(raw: str) -> bool:
    value = raw.strip().lower()
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise CellError(f"'{raw}' is not yes or no")


def status(raw: str, *, required: bool = False) -> Rag | None:
    """A delivery status: G, A, R or B, or the colour's name."""
    if not raw.strip():
        if required:
            raise CellError("a status is needed here: G, A, R or B")
        return None
    try:
        return parse_status(raw)
    except ValueError as exc:
        raise CellError(str(exc)) from None
