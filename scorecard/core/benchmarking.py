"""Benchmarking an area's value: the comparison with a benchmark as Fingertips makes it, rank
and quartile among all areas by polarity, the average of a comparator group, and small numbers.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from scorecard.core.intervals import Interval
from scorecard.core.ratings import Polarity
from scorecard.core.units import places

# Counts below this are not shown (disclosure control), and their intervals not compared.
SUPPRESS_BELOW = 5


class Comparison(StrEnum):
    BETTER = "better"
    SIMILAR = "similar"
    WORSE = "worse"
    HIGHER = "higher"
    LOWER = "lower"
    NOT_COMPARED = "not compared"


@dataclass(frozen=True)
class Compared:
    """How a value compares with its benchmark; `strongly` when it holds at 99.8% as well."""

    comparison: Comparison
    strongly: bool = False
    # Why a value was not compared, when there is more to say than that nothing was published.
    reason: str = ""

    def in_words(self, benchmark_name: str) -> str:
        if self.comparison is Comparison.NOT_COMPARED:
            if self.reason:
                return f"Not compared with {benchmark_name}: {self.reason}"
            return f"Not compared with {benchmark_name}"
        if self.comparison is Comparison.SIMILAR:
            return f"Similar to {benchmark_name}"
        strength = " (at the 99.8% level too)" if self.strongly else ""
        return f"{self.comparison.capitalize()} than {benchmark_name}{strength}"


def _direction(interval: Interval, benchmark: float) -> int:
    """+1 when the whole interval is above the benchmark, -1 below, 0 when it holds it."""
    if interval.lower > benchmark:
        return 1
    if interval.upper < benchmark:
        return -1
    return 0


def compare(
    benchmark: float | None,
    interval_95: Interval | None,
    polarity: Polarity,
    interval_998: Interval | None = None,
) -> Compared:
    """Fingertips' comparison: a benchmark inside the 95% interval is similar; outside it the
    value is better or worse by polarity, or higher or lower where neither is better."""
    if benchmark is None or interval_95 is None:
        return Compared(Comparison.NOT_COMPARED)
    side = _direction(interval_95, benchmark)
    if side == 0:
        return Compared(Comparison.SIMILAR)
    strongly = interval_998 is not None and _direction(interval_998, benchmark) == side
    if polarity is Polarity.NEUTRAL:
        return Compared(Comparison.HIGHER if side > 0 else Comparison.LOWER, strongly)
    better = side * polarity.sign > 0
    return Compared(Comparison.BETTER if better else Comparison.WORSE, strongly)


@dataclass(frozen=True)
class Position:
    """An area's place among all areas: rank 1 is the best; quartile 1 the best quarter."""

    rank: int
    quartile: int
    out_of: int

    @property
    def top_quartile(self) -> bool:
        return self.quartile == 1


def positions(values: Mapping[str, float | None], polarity: Polarity) -> dict[str, Position]:
    """Rank and quartile of every area with a value, best first by polarity (highest first when
    neither is better). Tied values share the better rank."""
    known = [(area, value) for area, value in values.items() if value is not None]
    descending = polarity is not Polarity.LOWER
    ordered = sorted(known, key=lambda pair: pair[1], reverse=descending)
    count = len(ordered)
    found: dict[str, Position] = {}
    rank = 0
    previous: float | None = None
    for place, (area, value) in enumerate(ordered, start=1):
        if value != previous:
            rank, previous = place, value
        found[area] = Position(rank, quartile_of(rank, count), count)
    return found


def quartile_of(rank: int, count: int) -> int:
    """Quartile q holds the ranks r with (q-1)·n/4 ≤ r-1 < q·n/4: a quarter of the areas each,
    the first quartile the best, and an area alone (or first) always in the first."""
    return min(4, (rank - 1) * 4 // count + 1)


def group_average(values: Mapping[str, float | None], members: list[str]) -> float | None:
    """The plain average of the members' values (as the DfE's statistical-neighbour average);
    None when no member has one."""
    known = [values[area] for area in members if values.get(area) is not None]
    if not known:
        return None
    return sum(known) / len(known)  # type: ignore[arg-type]


def suppressed(count: float | None) -> bool:
    """Whether a count is too small to publish (1 to 4); 0 is a fact, not a disclosure."""
    return count is not None and 0 < count < SUPPRESS_BELOW


# Published estimates agree with their counts to this many significant figures (Fingertips
# compares at four; its denominators are themselves rounded population estimates).
SIGNIFICANT_FIGURES = 4


def rounding_of(value: float) -> float:
    """How far a published value may be from what its counts make and still be that figure
    rounded: half a unit of its last decimal as written (its shortest form: 14.9 → 0.05), and
    never less than half a unit in its fourth significant figure (122.6871 → 0.05)."""
    written = 0.5 * 10.0 ** -places(Decimal(repr(float(value))))
    if value == 0:
        return written
    magnitude = math.floor(math.log10(abs(value)))
    return max(written, 0.5 * 10.0 ** (magnitude - SIGNIFICANT_FIGURES + 1))


def counts_disagree(
    value: float | None, count: float | None, denominator: float | None, multiplier: float
) -> float | None:
    """What count ÷ denominator × multiplier makes (the count itself when there is no
    denominator), when the value differs from it beyond rounding; None when they agree or
    cannot be compared. A value its count does not make (a standardised figure, or a decile's
    row whose count is another population's) must not have an interval worked out from that
    count: it would be an interval around another number."""
    if value is None or count is None:
        return None
    if denominator is None:
        made = count
    elif denominator <= 0:
        return None
    else:
        made = count / denominator * multiplier
    return made if abs(value - made) > rounding_of(value) else None
