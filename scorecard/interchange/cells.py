"""Reading one cell: each reader returns a typed value or raises CellError with the reason."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from scorecard.core.period_parser import parse_period
from scorecard.core.periods import Period, PeriodError


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
    if number.as_tuple().exponent < -DECIMAL_PLACES:
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


def period(raw: str, *, required: bool = False) -> Period | None:
    if not raw.strip():
        if required:
            raise CellError("a period is needed here")
        return None
    try:
        return parse_period(raw)
    except PeriodError as exc:
        raise CellError(str(exc)) from None


_IDENTIFIER = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def identifier(raw: str, *, required: bool = False, max_length: int = 60) -> str:
    """An id that appears in web addresses: letters, digits, '.', '_' and '-', no spaces."""
    value = text(raw, required=required, max_length=max_length)
    if value and not _IDENTIFIER.fullmatch(value):
        raise CellError(
            f"'{raw}' can only have letters, digits, dots, hyphens and underscores, "
            "and must start with a letter or digit"
        )
    return value
