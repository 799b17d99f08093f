"""Checks on a figure someone enters for a measure: what blocks saving, and what only warns.

Blocks: a percent outside 0–100, a negative count, a numerator above its denominator where the
value is a proportion, a zero denominator, and a value given with its counts that is more than 5%
away from what the counts make. Warns: a value far outside the measure's history
(see `far_from_history`), which the person entering it confirms before saving; a value its counts
do not make beyond rounding (`counts_warning`), which is kept as given.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Context, Decimal
from statistics import median

from scorecard.core.scales import Scale, off_scale
from scorecard.core.units import Unit, places, plain_number, rounded, within_rounding

# What the database keeps exactly (DecimalField max_digits 23, decimal_places 8).
SIGNIFICANT_DIGITS = 15
DECIMAL_PLACES = 8
LARGEST = Decimal("1e15")

# Units whose value can never be below zero: you cannot have fewer than no cases or days.
NEVER_NEGATIVE = {Unit.PERCENT, Unit.RATE, Unit.COUNT, Unit.DAYS, Unit.RATIO}
# Units whose numerator counts a part of the denominator, so it can never be the larger.
PROPORTIONS = {Unit.PERCENT}

# A value given with its numerator and denominator may differ from what they make by this share of
# it (or of 1, for a value under 1) before it is refused: room for rounding, not for another figure.
MISMATCH = Decimal("0.05")

# far_from_history: how many interquartile ranges beyond the middle half a value may lie, and the
# fewest past values that make a history worth comparing with.
SPREAD_FACTOR = 3
MIN_HISTORY = 4


@dataclass(frozen=True)
class EntryProblem:
    """Something wrong with one field of an entry, said so that the person can put it right."""

    field: str
    message: str


def _kept(exact: Decimal) -> Decimal:
    """Rounded to what the database keeps: 15 significant digits, at most 8 decimal places."""
    kept = Context(prec=SIGNIFICANT_DIGITS).create_decimal(exact)
    exponent = kept.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -DECIMAL_PLACES:
        kept = kept.quantize(Decimal(1).scaleb(-DECIMAL_PLACES))
    return kept.normalize()


def computed_value(
    unit: str, numerator: Decimal, denominator: Decimal, rate_per: int | None
) -> Decimal:
    """The value its numerator and denominator make: percent 100·n/d, rate n/d·rate_per (per one
    when the measure names no base), every other unit n/d. ValueError for a zero denominator."""
    if denominator == 0:
        raise ValueError("the denominator is zero, so no value can be worked out")
    return _kept(numerator * _scale(unit, rate_per) / denominator)


def counts_mismatch(
    unit: str,
    rate_per: int | None,
    value: Decimal | None,
    numerator: Decimal | None,
    denominator: Decimal | None,
    decimals: int | None = None,
) -> Decimal | None:
    """What the numerator and denominator make, when the value given with them differs from it
    by more than rounding; None when they agree (or there is nothing to compare).

    Rounding is half a unit of the value's last published decimal: `decimals` (as written in
    the file, or the measure's), and never fewer than the stored value itself carries. So
    67.0 with 71/106 (66.98) agrees; 14.9 with 31/207 (14.98) does not."""
    if value is None or numerator is None or not denominator:
        return None
    try:
        exact = computed_value(unit, numerator, denominator, rate_per)
    except ValueError:
        return None
    shown = max(decimals or 0, places(value))
    if within_rounding(value, numerator * _scale(unit, rate_per) / denominator, shown):
        return None
    return exact


def mismatch_words(numerator: Decimal, denominator: Decimal, exact: Decimal) -> str:
    """ "The value does not match 71/106 (which makes 66.98)": said the same on every page."""
    made = rounded(exact, 2).normalize()
    return (
        f"The value does not match {plain_number(numerator)}/{plain_number(denominator)} "
        f"(which makes {made:f})"
    )


def counts_warning(
    unit: str,
    rate_per: int | None,
    value: Decimal | None,
    numerator: Decimal | None,
    denominator: Decimal | None,
    decimals: int | None = None,
) -> str:
    """The words for a value its counts do not make beyond rounding (`counts_mismatch`), or ""
    when they agree: a warning, for the value is kept as given."""
    exact = counts_mismatch(unit, rate_per, value, numerator, denominator, decimals)
    if exact is None or numerator is None or denominator is None:
        return ""
    return mismatch_words(numerator, denominator, exact)


def _scale(unit: str, rate_per: int | None) -> int:
    kind = Unit(unit)
    if kind is Unit.PERCENT:
        return 100
    if kind is Unit.RATE:
        return rate_per or 1
    return 1


def final_value(
    unit: str,
    rate_per: int | None,
    value: Decimal | None,
    numerator: Decimal | None,
    denominator: Decimal | None,
) -> Decimal | None:
    """The value to keep: as given, since it is the figure as published (a value its counts do
    not make beyond rounding is warned of, `counts_mismatch`, never corrected); worked out
    from the counts when no value is given (and the denominator is not zero)."""
    if value is None and numerator is not None and denominator:
        return computed_value(unit, numerator, denominator, rate_per)
    return value


def reading_problems(
    unit: str,
    rate_per: int | None,
    value: Decimal | None,
    numerator: Decimal | None,
    denominator: Decimal | None,
    *,
    status: str = "",
    scale: Scale | None = None,
) -> list[EntryProblem]:
    """Everything that stops a reading being saved, the one rule for the form, the workbook, the
    API and the importer: `entry_problems`; a value given with both counts must be within 5%
    (`MISMATCH`) of what they make; and the value they make is checked as a value is. A status
    (such as "TBC") with no figures at all says why there is none, and is not a problem. On a
    labelled scale (`scale`), a value is one of its codes and has no counts."""
    if status and value is None and numerator is None and denominator is None:
        return []
    if scale is not None:
        return _scale_problems(scale, value, numerator, denominator)
    found = entry_problems(unit, value, numerator, denominator)
    if found or numerator is None or denominator is None:
        return found
    computed = computed_value(unit, numerator, denominator, rate_per)
    if value is not None and abs(value - computed) > MISMATCH * max(abs(computed), Decimal(1)):
        return [
            EntryProblem(
                "value",
                f"The value ({value}) does not match the numerator divided by the "
                f"denominator ({computed}): leave the value blank to have it worked out",
            )
        ]
    return entry_problems(unit, computed, numerator, denominator)


def _scale_problems(
    scale: Scale, value: Decimal | None, numerator: Decimal | None, denominator: Decimal | None
) -> list[EntryProblem]:
    found = _number_problems("value", "value", value)
    if found:
        return found
    found = [
        EntryProblem(field, "A figure on a labelled scale is a code: it has no counts")
        for field, count in (("numerator", numerator), ("denominator", denominator))
        if count is not None
    ]
    if value is None and not found:
        found.append(EntryProblem("value", "Enter a value: one of the scale's codes"))
    elif value is not None and value not in scale:
        found.append(EntryProblem("value", f"The value {off_scale(value, scale)}"))
    return found


def _too_precise(number: Decimal) -> bool:
    exponent = number.as_tuple().exponent
    return isinstance(exponent, int) and exponent < -DECIMAL_PLACES


def _number_problems(field: str, label: str, number: Decimal | None) -> list[EntryProblem]:
    if number is None:
        return []
    if not number.is_finite():
        return [EntryProblem(field, f"Enter the {label} as a number")]
    if abs(number) >= LARGEST:
        return [EntryProblem(field, f"The {label} is too large: it must be under 1,000 trillion")]
    if _too_precise(number):
        return [EntryProblem(field, f"The {label} has more than {DECIMAL_PLACES} decimal places")]
    return []


def entry_problems(
    unit: str,
    value: Decimal | None,
    numerator: Decimal | None,
    denominator: Decimal | None,
) -> list[EntryProblem]:
    """Everything that stops an entry being saved, each naming its field ("value", "numerator",
    "denominator") in plain English. None means the field was left blank."""
    kind = Unit(unit)
    problems = [
        *_number_problems("value", "value", value),
        *_number_problems("numerator", "numerator", numerator),
        *_number_problems("denominator", "denominator", denominator),
    ]
    if problems:
        return problems
    if value is None and numerator is None and denominator is None:
        return [EntryProblem("value", "Enter a value, or a numerator and a denominator")]
    if (numerator is None) != (denominator is None):
        missing, given = (
            ("numerator", "denominator") if numerator is None else ("denominator", "numerator")
        )
        return [EntryProblem(missing, f"Enter the {missing} as well as the {given}, or neither")]
    if numerator is not None and denominator is not None:
        problems += _count_problems(kind, numerator, denominator)
    if value is not None:
        problems += _value_problems(kind, value)
    return problems


def _count_problems(kind: Unit, numerator: Decimal, denominator: Decimal) -> list[EntryProblem]:
    problems = []
    if numerator < 0:
        problems.append(EntryProblem("numerator", "The numerator cannot be less than 0"))
    if denominator < 0:
        problems.append(EntryProblem("denominator", "The denominator cannot be less than 0"))
    elif denominator == 0:
        problems.append(
            EntryProblem("denominator", "The denominator cannot be 0: nothing can be out of 0")
        )
    elif kind in PROPORTIONS and numerator > denominator:
        problems.append(
            EntryProblem(
                "numerator",
                f"The numerator ({numerator}) cannot be more than the denominator ({denominator})",
            )
        )
    return problems


def _value_problems(kind: Unit, value: Decimal) -> list[EntryProblem]:
    if kind in NEVER_NEGATIVE and value < 0:
        return [EntryProblem("value", "The value cannot be less than 0")]
    if kind is Unit.PERCENT and value > 100:
        return [EntryProblem("value", "A percentage must be between 0 and 100")]
    return []


def _quartiles(values: list[Decimal]) -> tuple[Decimal, Decimal]:
    """Lower and upper quartiles: the medians of the lower and upper halves (Tukey's hinges)."""
    ordered = sorted(values)
    half = len(ordered) // 2
    lower = ordered[:half]
    upper = ordered[half + len(ordered) % 2 :]
    return median(lower), median(upper)


def far_from_history(value: Decimal, history: Iterable[Decimal]) -> str | None:
    """A warning sentence when a value lies far outside a measure's past values, else None.

    The rule (documented in docs/cycles.md): with at least four past values, a value is far
    out when it lies more than three spreads below the lower quartile or above the upper
    quartile, and also outside the range the measure has ever had. The spread is the
    interquartile range or half the whole range, whichever is larger; when every past value was
    the same, one tenth of that value (or 1 for a history of zeros)."""
    past = [v for v in history if v.is_finite()]
    if len(past) < MIN_HISTORY or not value.is_finite():
        return None
    lower, upper = _quartiles(past)
    # Half the range widens a history whose middle half is unusually tight, so that a value just
    # past a steady measure's best is not flagged; only the range's outliers can widen it.
    spread = max(upper - lower, (max(past) - min(past)) / 2)
    if spread == 0:
        spread = abs(past[0]) / 10 or Decimal(1)
    low_fence = lower - SPREAD_FACTOR * spread
    high_fence = upper + SPREAD_FACTOR * spread
    if low_fence <= value <= high_fence or min(past) <= value <= max(past):
        return None
    side = "lower" if value < low_fence else "higher"
    return (
        f"This value ({value.normalize():f}) is much {side} than any this measure has had: "
        f"its past values run from {min(past).normalize():f} to {max(past).normalize():f}. "
        "Check it, and tick the box to confirm it is right."
    )
