"""Units of measure and how their values are written for readers."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum


class Unit(StrEnum):
    PERCENT = "percent"
    RATE = "rate"
    COUNT = "count"
    DAYS = "days"
    MONEY = "money"
    SCORE = "score"
    RATIO = "ratio"


class MoneyUnit(StrEnum):
    """What a money measure's numbers count: pounds, thousands or millions of pounds."""

    POUNDS = "pounds"
    THOUSANDS = "thousands"
    MILLIONS = "millions"

    @property
    def suffix(self) -> str:
        return {"pounds": "", "thousands": "k", "millions": "m"}[self.value]


def rounded(value: Decimal, decimals: int | None) -> Decimal:
    if decimals is None:
        return value
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def plain_number(value: Decimal, decimals: int | None = None) -> str:
    """Digits as entered (no float noise, no exponent), with thousands separators."""
    shown = rounded(value, decimals)
    if decimals is None:
        # Storage pads decimals (84.80000000); show the digits that carry information.
        shown = shown.normalize()
        if shown == shown.to_integral_value():
            shown = shown.quantize(Decimal(1))
    return f"{shown:,f}"


def format_value(
    value: Decimal | None,
    unit: Unit | str,
    *,
    decimals: int | None = None,
    rate_per: int | None = None,
    money_unit: MoneyUnit | str = MoneyUnit.POUNDS,
) -> str:
    if value is None:
        return "No value"
    number = plain_number(value, decimals)
    unit = Unit(unit)
    if unit is Unit.PERCENT:
        return f"{number}%"
    if unit is Unit.MONEY:
        suffix = MoneyUnit(money_unit).suffix
        return f"-£{number[1:]}{suffix}" if number.startswith("-") else f"£{number}{suffix}"
    if unit is Unit.DAYS:
        return f"{number} days"
    if unit is Unit.RATE and rate_per:
        return f"{number} per {rate_per:,}"
    return number


def format_fraction(
    value: Decimal | None,
    unit: Unit | str,
    numerator: Decimal | None,
    denominator: Decimal | None,
    *,
    decimals: int | None = None,
    rate_per: int | None = None,
    money_unit: MoneyUnit | str = MoneyUnit.POUNDS,
) -> str:
    """`100.0% (94/94)`: the value with the counts it was made from, when they are known."""
    if decimals is None and numerator is not None and Unit(unit) is Unit.PERCENT:
        decimals = 1
    text = format_value(value, unit, decimals=decimals, rate_per=rate_per, money_unit=money_unit)
    if numerator is None or denominator is None:
        return text
    return f"{text} ({plain_number(numerator)}/{plain_number(denominator)})"
