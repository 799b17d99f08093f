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
    if required and not value:
        raise CellError("a value is needed here")
    if max_length and len(value) > max_length:
        raise CellError(f"must be at most {max_length} characters (this is {len(value)})")
    return value


def decimal(raw: str, *, required: bool = False, minimum: Decimal | None = None) -> Decimal | None:
    value = raw.strip().replace(",", "")
    if not value:
        if required:
            raise CellError("a number is needed here")
        return None
    if value.endswith("%"):
        value = value[:-1].strip()
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise CellError(f"'{raw}' is not a number") from None
    if not number.is_finite():
        raise CellError(f"'{raw}' is not a number")
    if abs(number) >= Decimal("1e15"):
        raise CellError(f"'{raw}' is too large")
    if number.as_tuple().exponent < -8:
        raise CellError(f"'{raw}' has more than 8 decimal places")
    if minimum is not None and number < minimum:
        raise CellError(f"must be {minimum} or more, not {raw}")
    return number


def whole_number(raw: str, *, minimum: int = 0, maximum: int | None = None) -> int | None:
    number = decimal(raw)
    if number is None:
        return None
    if number != number.to_integral_value():
        raise CellError(f"'{raw}' must be a whole number")
    if number < minimum or (maximum is not None and number > maximum):
        upper = f" and {maximum}" if maximum is not None else " or more"
        raise CellError(
            f"must be between {minimum}{upper}, not {raw}"
            if maximum is not None
            else f"must be {minimum}{upper}, not {raw}"
        )
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
