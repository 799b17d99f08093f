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


def written_decimals(text: str) -> int:
    """How many decimals a number has as written: "67.0" has 1, "85" none, "1,234.50" 2.

    The published figure's own precision, which storage loses (67.0 and 67 are one Decimal
    on every database), so the importer reads it from the text before it is parsed."""
    digits = text.strip().replace(",", "").rstrip("%").strip()
    if "e" in digits.lower():
        try:
            exponent = Decimal(digits).as_tuple().exponent
        except ArithmeticError:
            return 0
        return max(0, -exponent) if isinstance(exponent, int) else 0
    _, point, after = digits.partition(".")
    if not point:
        return 0
    count = 0
    for character in after:
        if not character.isdigit():
            break
        count += 1
    return count


def figure_decimals(
    written: int | None, decimals: int | None, *, from_figures: bool = False
) -> int | None:
    """The decimals one figure is shown with (docs/rules.md, "Decimals").

    Decimals the council set on the measure are its house style and win ("58.0%" when it
    set one). Otherwise (none set, or only worked out from the figures imported) a figure shows
    as it was written ("58%" beside "71.4%"), and a figure whose writing is not known (worked
    out from its counts, stored before it was recorded) with the measure's decimals."""
    if decimals is not None and not from_figures:
        return decimals
    return written if written is not None else decimals


def places(value: Decimal) -> int:
    """Decimals a stored value carries once storage's padding is dropped (84.80000000: 1)."""
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def half_unit(decimals: int) -> Decimal:
    """Half a unit of the last decimal: how far a figure rounded to `decimals` may be from the
    exact one (0.05 for one decimal, 0.5 for whole numbers)."""
    return Decimal(5).scaleb(-decimals - 1)


def within_rounding(value: Decimal, exact: Decimal, decimals: int) -> bool:
    """`value` is `exact` rounded to `decimals` places (or differs from it by no more)."""
    return abs(value - exact) <= half_unit(decimals)


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


# Benchmarking estimates (Fingertips values, their confidence limits, group averages) are shown to
# one decimal, as Fingertips shows them; their counts as whole numbers.
ESTIMATE_DECIMALS = 1


def format_estimate(value: float | Decimal | None, decimals: int = ESTIMATE_DECIMALS) -> str:
    """A published statistical estimate for readers ("75.3", "74,588"): through the same
    formatter as every measure's figures, from its shortest decimal form (never a float's
    artefacts)."""
    if value is None:
        return ""
    number = value if isinstance(value, Decimal) else Decimal(repr(float(value)))
    return plain_number(number, decimals)


def published_text(value: Decimal, decimals: int | None = None) -> str:
    """A figure for a machine to read, as published: its digits with the measure's decimals
    ("67.0", "85", "-3.158"), no thousands separators, no unit, never a float's artefacts."""
    return plain_number(value, decimals).replace(",", "")


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
