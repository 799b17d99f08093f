"""Rating a measure's whole time series: targets that change, directions against the previous
report, discontinued measures.

This is the path every page, export and report takes, so it is written to rate a series in one
pass: targets are looked up by walking the sorted changes alongside the sorted periods, and the
previous report is found in a dictionary keyed by (breakdown, kind, first month).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from scorecard.core.periods import NATURAL_STEP, Period, PeriodKind
from scorecard.core.ratings import (
    ZERO,
    Direction,
    Polarity,
    Rag,
    Rating,
    Tolerance,
    direction,
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


def rate_series(
    rules: MeasureRules,
    targets: TargetSchedule,
    readings: Sequence[Reading],
) -> list[RatedReading]:
    """Rate every reading of a measure; the result keeps the order of `readings`."""
    by_key = {(r.breakdown, r.period.kind, r.period.first_month): r for r in readings}
    rated = []
    for reading in readings:
        target = targets.target_for(reading.period)
        rating = rate(
            reading.value,
            target,
            rules.polarity,
            rules.tolerance,
            discontinued=rules.is_discontinued(reading.period),
            status=reading.status,
        )
        before = rules.comparison_period(reading.period)
        previous = by_key.get((reading.breakdown, before.kind, before.first_month))
        way = direction(
            reading.value,
            previous.value if previous else None,
            rules.polarity,
            rules.steady_band,
        )
        rated.append(RatedReading(reading, target, rating, way, previous))
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
    if rules.is_discontinued(as_at):
        return Headline(latest, Rating(Rag.BLUE), None)
    if latest is None:
        return Headline(None, Rating(None, NO_READING), None)
    return Headline(latest, latest.rating, latest.direction)
