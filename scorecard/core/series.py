"""A measure's rated time series, and its headline rating as at a period.

`rate_series` rates every reading of a measure (through MeasureRater, rater.py) and pairs each
with its target, rating, direction and the reading it was compared with. `headline` picks the
reading that stands for the measure in a scorecard as at a period.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from scorecard.core.measure_rules import (  # re-exported: the names callers know series by
    SAME_PERIOD_LAST_YEAR_STEP,
    CompareWith,
    Frequency,
    MeasureRules,
    Reading,
    TargetChange,
    TargetSchedule,
)
from scorecard.core.periods import Period
from scorecard.core.rater import MeasureRater, compared_with, rate_one
from scorecard.core.ratings import Direction, Rag, Rating

__all__ = [
    "SAME_PERIOD_LAST_YEAR_STEP",
    "CompareWith",
    "Frequency",
    "Headline",
    "MeasureRules",
    "RatedReading",
    "Reading",
    "TargetChange",
    "TargetSchedule",
    "headline",
    "headline_from",
    "headline_of",
    "latest_as_at",
    "latest_index",
    "rate_series",
]


@dataclass(frozen=True, slots=True)
class RatedReading:
    reading: Reading
    target: Decimal | None
    rating: Rating
    direction: Direction | None
    previous: Reading | None = field(default=None)


def rate_series(
    rules: MeasureRules,
    targets: TargetSchedule,
    readings: Sequence[Reading],
) -> list[RatedReading]:
    """Rate every reading of a measure; the result keeps the order of `readings`."""
    columns = MeasureRater(rules, targets).rate_columns(readings)
    return [
        RatedReading(reading, target, rating, way, previous)
        for reading, target, rating, way, previous in zip(
            readings,
            columns.targets,
            columns.ratings,
            columns.directions,
            columns.previous,
            strict=True,
        )
    ]


def latest_index(readings: Sequence[Reading], as_at: Period) -> int | None:
    """The index of the headline reading (no breakdown) of the latest period that ends by the
    end of `as_at`; of equal periods, the first."""
    best: int | None = None
    best_key: tuple[int, int, str] | None = None
    limit = as_at.last_month
    for index, reading in enumerate(readings):
        period = reading.period
        last = period.first_month + period.months - 1
        # An earlier end than the best so far cannot be later: its key is not worked out.
        if reading.breakdown or last > limit or (best_key is not None and last < best_key[0]):
            continue
        # Each period's key once: `>` on periods would work out both keys at every comparison.
        key = period.sort_key
        if best_key is None or key > best_key:
            best, best_key = index, key
    return best


def latest_as_at(rated: Sequence[RatedReading], as_at: Period) -> RatedReading | None:
    """The headline reading (no breakdown) of the latest period that ends by `as_at` ends."""
    index = latest_index([item.reading for item in rated], as_at)
    return None if index is None else rated[index]


@dataclass(frozen=True, slots=True)
class Headline:
    """A measure's rating as at a period: its latest headline reading, or why there is none."""

    latest: RatedReading | None
    rating: Rating
    direction: Direction | None

    @property
    def rag(self) -> Rag | None:
        return self.rating.rag


NO_READING = "no value reported by this period"


def headline(rules: MeasureRules, rated: Sequence[RatedReading], as_at: Period) -> Headline:
    return _headline(rules, latest_as_at(rated, as_at), as_at)


def headline_of(
    rules: MeasureRules, targets: TargetSchedule, readings: Sequence[Reading], as_at: Period
) -> Headline:
    """`headline(rules, rate_series(rules, targets, readings), as_at)`, rating the latest
    reading alone: a scorecard rates every measure this way, a few readings each, and the
    others are only there to be compared with."""
    index = latest_index(readings, as_at)
    if index is None:
        return _headline(rules, None, as_at)
    reading = readings[index]
    target = targets.target_for(reading.period)
    return headline_from(rules, reading, target, compared_with(rules, readings, index), as_at)


def headline_from(
    rules: MeasureRules,
    latest: Reading | None,
    target: Decimal | None,
    previous: Reading | None,
    as_at: Period,
) -> Headline:
    """A measure's headline as at a period from its latest headline reading there (None: it
    has none), the target in force for it and the reading it compares with, found already
    (the overview reads them from the database in one query)."""
    if latest is None:
        return _headline(rules, None, as_at)
    rating, way, compared = rate_one(rules, target, latest, previous)
    return _headline(rules, RatedReading(latest, target, rating, way, compared), as_at)


def _headline(rules: MeasureRules, latest: RatedReading | None, as_at: Period) -> Headline:
    # Discontinued at any point up to the end of the as-at period counts, e.g. from Q3 of a year.
    if (
        rules.discontinued_from is not None
        and rules.discontinued_from.first_month <= as_at.last_month
    ):
        return Headline(latest, Rating(Rag.BLUE), None)
    if latest is None:
        return Headline(None, Rating(None, NO_READING), None)
    return Headline(latest, latest.rating, latest.direction)
