"""Sentences that describe a change between two periods, for pages and reports.

A percentage change is always relative to the earlier value: 203 → 430 "rose by 112%".
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from scorecard.core.units import Unit, format_value


@dataclass(frozen=True, slots=True)
class Reading:
    label: str
    value: Decimal


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
) -> str:
    """e.g. "rose by 112% (Q3: 203 → Q4: 430)".

    Percent measures change by percentage points, so a "% change" of a percentage is never
    confused with a change in points.
    """
    shown = (
        f"({earlier.label}: {format_value(earlier.value, unit, decimals=decimals)} → "
        f"{later.label}: {format_value(later.value, unit, decimals=decimals)})"
    )
    verb = _verb(earlier.value, later.value)
    if verb == "was unchanged":
        return f"{verb} {shown}"
    if Unit(unit) is Unit.PERCENT:
        points = abs(later.value - earlier.value).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        return f"{verb} by {points} percentage points {shown}"
    change = percent_change(earlier.value, later.value)
    if change is None:
        return f"{verb} from zero {shown}"
    return f"{verb} by {_whole_or_one_place(change)}% {shown}"
