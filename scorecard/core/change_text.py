"""Sentences that describe a change between two periods, for pages and reports.

A percentage change is always relative to the earlier value: 203 → 430 "rose by 112%".
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from scorecard.core.units import MoneyUnit, Unit, format_value


@dataclass(frozen=True, slots=True)
class Reading:
    label: str
    value: Decimal
    # The decimals this figure is shown with, when they are its own (as it was written).
    decimals: int | None = None


def percent_change(earlier: Decimal, later: Decimal) -> Decimal | None:
    """(later - earlier) / |earlier| × 100, or None when the earlier value is zero."""
    if earlier == 0:
        return None
    return (later - earlier) * 100 / abs(earlier)


def _whole_or_one_place(amount: Decimal) -> str:
    places = Decimal(1) if abs(amount) >= 1 else Decimal("0.1")
    return f"{abs(amount).quantize(places, rounding=ROUND_HALF_UP):,f}"


def _verb(earlier: Decimal, later: Decimal) -> str:
    if later > earlier:
        return "rose"
    if later < earlier:
        return "fell"
    return "was unchanged"


def change_text(
    earlier: Reading,
    later: Reading,
    unit: Unit | str = Unit.COUNT,
    *,
    decimals: int | None = None,
    money_unit: MoneyUnit | str = MoneyUnit.POUNDS,
) -> str:
    """e.g. "rose by 112% (Q3: 203 → Q4: 430)".

    Percent measures change by percentage points, so a "% change" of a percentage is never
    confused with a change in points. Across zero (an overspend becoming an underspend) a
    percentage means nothing, so the change is given as an amount.
    """

    def shown(value: Decimal, own: int | None = None) -> str:
        places = decimals if own is None else own
        return format_value(value, unit, decimals=places, money_unit=money_unit)

    readings = (
        f"({earlier.label}: {shown(earlier.value, earlier.decimals)} → "
        f"{later.label}: {shown(later.value, later.decimals)})"
    )
    verb = _verb(earlier.value, later.value)
    if verb == "was unchanged":
        return f"{verb} {readings}"
    difference = abs(later.value - earlier.value)
    if Unit(unit) is Unit.PERCENT:
        points = difference.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        return f"{verb} by {points} percentage points {readings}"
    change = percent_change(earlier.value, later.value)
    if change is None or (earlier.value < 0) != (later.value < 0):
        return f"{verb} by {shown(difference)} {readings}"
    if abs(change) < Decimal("0.05"):
        return f"{verb} by less than 0.1% {readings}"
    return f"{verb} by {_whole_or_one_place(change)}% {readings}"
