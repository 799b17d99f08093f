"""Rating a measure's whole time series: targets that change, directions against the previous
report, discontinued measures.

This is the path every page, export and report takes, so it is written to rate a series in one
pass: targets are found by bisecting the sorted changes, and the previous report is found in a
dictionary keyed by (breakdown, kind, first month). `rate_series` gives exactly what `rate` and
`direction` give reading by reading (bench/bench_ratings.py checks it on a million readings), but
does the per-measure work once: the polarity's sign and direction words, each target's tolerance
band, the comparison step for each kind of period.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from decimal import Decimal
from enum import StrEnum

from scorecard.core.periods import NATURAL_STEP, Period, PeriodKind
from scorecard.core.ratings import (
    AMBER_RATING,
    BLUE_RATING,
    GREEN_RATING,
    NEUTRAL_RATING,
    NO_TARGET_RATING,
    NO_VALUE_RATING,
    RED_RATING,
    ZERO,
    Direction,
    Polarity,
    Rag,
    Rating,
    Tolerance,
    directions,
    rate,
)


class Frequency(StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    ANNUAL = "annual"
    ACADEMIC = "academic"
    CALENDAR = "calendar"

    @property
    def step_months(self) -> int:
        return {"monthly": 1, "quarterly": 3}.get(self.value, 12)


class CompareWith(StrEnum):
    PREVIOUS = "previous"
    SAME_PERIOD_LAST_YEAR = "same_period_last_year"


# Kinds whose periods overlap from one report to the next: their step is the reporting frequency
# (a rolling-12-month figure reported quarterly compares with the one three months earlier).
_OVERLAPPING = {PeriodKind.ROLLING_12_MONTHS, PeriodKind.POOLED, PeriodKind.POOLED_CALENDAR}


@dataclass(frozen=True, slots=True)
class MeasureRules:
    polarity: Polarity
    tolerance: Tolerance = Tolerance()
    steady_band: Decimal = ZERO
    frequency: Frequency | None = None
    compare_with: CompareWith = CompareWith.PREVIOUS
    discontinued_from: Period | None = None

    def comparison_period(self, period: Period) -> Period:
        if self.compare_with is CompareWith.SAME_PERIOD_LAST_YEAR:
            return period.same_period_last_year()
        if period.kind in _OVERLAPPING and self.frequency is not None:
            return period.previous(self.frequency.step_months)
        return period.previous(NATURAL_STEP[period.kind])

    def is_discontinued(self, period: Period) -> bool:
        return (
            self.discontinued_from is not None
            and period.first_month >= self.discontinued_from.first_month
        )


@dataclass(frozen=True, slots=True)
class TargetChange:
    """A target that applies from the start of `period` until the next change."""

    period: Period | None
    value: Decimal | None


@dataclass(frozen=True, slots=True)
class Reading:
    period: Period
    value: Decimal | None
    breakdown: str = ""
    status: str | None = None


@dataclass(frozen=True, slots=True)
class RatedReading:
    reading: Reading
    target: Decimal | None
    rating: Rating
    direction: Direction | None
    previous: Reading | None = field(default=None)


class TargetSchedule:
    """Targets over time; a change with no period applies from the beginning."""

    def __init__(self, changes: Iterable[TargetChange]) -> None:
        ordered = sorted(changes, key=lambda c: -1 if c.period is None else c.period.first_month)
        self._starts = [-1 if c.period is None else c.period.first_month for c in ordered]
        self._values = [c.value for c in ordered]

    def target_for(self, period: Period) -> Decimal | None:
        index = bisect_right(self._starts, period.first_month) - 1
        return self._values[index] if index >= 0 else None


# RatedReading's own __init__ is the frozen-dataclass one (an object.__setattr__ call per field),
# which costs about as much as rating the reading; rate_series fills the slots directly instead.
# If RatedReading gains a field or a __post_init__, these checks fail at import: update both.
_RATED_FIELDS = ("reading", "target", "rating", "direction", "previous")
if tuple(f.name for f in fields(RatedReading)) != _RATED_FIELDS or hasattr(
    RatedReading, "__post_init__"
):
    raise ImportError("RatedReading changed: update how rate_series makes it")
_SET_RATED = tuple(getattr(RatedReading, name).__set__ for name in _RATED_FIELDS)
_NOT_YET = object()
_NEVER = float("inf")


def rate_series(  # noqa: C901 - one loop, kept in one piece because it runs per observation
    rules: MeasureRules,
    targets: TargetSchedule,
    readings: Sequence[Reading],
) -> list[RatedReading]:
    """Rate every reading of a measure; the result keeps the order of `readings`.

    Each reading gets exactly `rate(value, target, polarity, tolerance, discontinued=...,
    status=...)` and `direction(value, previous value, polarity, steady_band)`.
    """
    by_key = {(r.breakdown, r.period.kind, r.period.first_month): r for r in readings}
    polarity = rules.polarity
    neutral = polarity is Polarity.NEUTRAL
    lower_is_better = polarity.sign < 0
    minus_one = Decimal(-1)
    falling, steady, rising = directions(polarity)
    steady_band = rules.steady_band
    ends = _NEVER if rules.discontinued_from is None else rules.discontinued_from.first_month
    starts, values = targets._starts, targets._values
    tolerance = rules.tolerance
    bands = [_NOT_YET] * len(values)  # each target's tolerance band, worked out when first needed
    steps: dict[PeriodKind, int] = {}
    no_values: dict[str, Rating] = {}
    rated = []
    append = rated.append
    new = object.__new__
    set_reading, set_target, set_rating, set_direction, set_previous = _SET_RATED
    for reading in readings:
        period = reading.period
        first_month = period.first_month
        value = reading.value
        index = bisect_right(starts, first_month) - 1
        target = values[index] if index >= 0 else None
        # the rating: rate()'s checks, in rate()'s order
        if first_month >= ends:
            rating = BLUE_RATING
        elif value is None:
            status = reading.status
            if status:
                rating = no_values.get(status)
                if rating is None:
                    rating = no_values[status] = rate(None, None, polarity, status=status)
            else:
                rating = NO_VALUE_RATING
        elif neutral:
            rating = NEUTRAL_RATING
        elif target is None:
            rating = NO_TARGET_RATING
        else:
            shortfall = (target - value) * minus_one if lower_is_better else target - value
            if shortfall <= ZERO:
                rating = GREEN_RATING
            else:
                band = bands[index]
                if band is _NOT_YET:
                    band = bands[index] = tolerance.band(target)
                rating = AMBER_RATING if shortfall <= band else RED_RATING
        # the direction against the report the rules compare with
        kind = period.kind
        step = steps.get(kind)
        if step is None:
            step = steps[kind] = first_month - rules.comparison_period(period).first_month
        previous = by_key.get((reading.breakdown, kind, first_month - step))
        if value is None or previous is None or previous.value is None:
            way = None
        else:
            change = value - previous.value
            if abs(change) <= steady_band:
                way = steady
            elif change > ZERO:
                way = rising
            else:
                way = falling
        # RatedReading(reading, target, rating, way, previous), made without its __init__
        item = new(RatedReading)
        set_reading(item, reading)
        set_target(item, target)
        set_rating(item, rating)
        set_direction(item, way)
        set_previous(item, previous)
        append(item)
    return rated


def latest_as_at(rated: Sequence[RatedReading], as_at: Period) -> RatedReading | None:
    """The headline reading (no breakdown) of the latest period that ends by `as_at` ends."""
    best: RatedReading | None = None
    for item in rated:
        period = item.reading.period
        if item.reading.breakdown or period.last_month > as_at.last_month:
            continue
        if best is None or period > best.reading.period:
            best = item
    return best


@dataclass(frozen=True, slots=True)
class Headline:
    """A measure's rating as at a period: its latest headline reading, or why there is none."""

    latest: RatedReading | None
    rating: Rating
    direction: Direction | None

    @property
    def rag(self):  # noqa: ANN201 - Rag | None, kept short for templates
        return self.rating.rag


NO_READING = "no value reported by this period"


def headline(rules: MeasureRules, rated: Sequence[RatedReading], as_at: Period) -> Headline:
    latest = latest_as_at(rated, as_at)
    # Discontinued at any point up to the end of the as-at period counts, e.g. from Q3 of a year.
    if (
        rules.discontinued_from is not None
        and rules.discontinued_from.first_month <= as_at.last_month
    ):
        return Headline(latest, Rating(Rag.BLUE), None)
    if latest is None:
        return Headline(None, Rating(None, NO_READING), None)
    return Headline(latest, latest.rating, latest.direction)
