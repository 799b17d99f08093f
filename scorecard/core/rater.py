"""Rating all the readings of one measure at once.

`rate` and `direction` (ratings.py) state the rules for one reading. A measure's readings share
everything but their value, so MeasureRater works out once per measure what those rules need
(each target's Amber limit, the comparison step of each period kind, the direction words) and
then rates each reading with a couple of comparisons. It returns plain columns, so rating a
million readings makes no new objects per reading. tests/core/test_rater.py checks it gives
exactly what `rate` and `direction` give.
"""

from __future__ import annotations

import operator
import sys
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from scorecard.core.measure_rules import MeasureRules, Reading, TargetSchedule
from scorecard.core.periods import PeriodKind
from scorecard.core.ratings import (
    AMBER_RATING,
    BLUE_RATING,
    GREEN_RATING,
    NEUTRAL_RATING,
    NO_TARGET_RATING,
    RED_RATING,
    ZERO,
    Direction,
    Polarity,
    Rating,
    directions,
    rate,
)


@dataclass(frozen=True, slots=True)
class Limits:
    """A target and the worst value that is still Amber against it."""

    target: Decimal
    amber: Decimal


@dataclass(slots=True)
class RatedColumns:
    """Reading i's target, rating, direction and the reading it was compared with."""

    targets: list[Decimal | None] = field(default_factory=list)
    ratings: list[Rating] = field(default_factory=list)
    directions: list[Direction | None] = field(default_factory=list)
    previous: list[Reading | None] = field(default_factory=list)


class _Earlier:
    """Finds the reading a direction compares with. Most series are one breakdown of one kind
    of period, and then the first month alone is the key: cheaper than a tuple per reading."""

    def __init__(self, readings: Sequence[Reading]) -> None:
        first = readings[0] if readings else None
        self.uniform = first is not None and all(
            r.breakdown == first.breakdown and r.period.kind is first.period.kind for r in readings
        )
        self.by_month: dict[int, Reading] = {}
        self.by_key: dict[tuple[str, PeriodKind, int], Reading] = {}
        if self.uniform:
            self.by_month = {r.period.first_month: r for r in readings}
        else:
            self.by_key = {(r.breakdown, r.period.kind, r.period.first_month): r for r in readings}


# Stands for "never" where a month is expected: no discontinuation, no target change.
_NEVER = sys.maxsize

# What rating a reading takes, stated once for rate_one and MeasureRater. Each applies them in
# a loop of its own: rate_columns rates a million readings a second, and rating each reading
# by a call to rate_one instead took twice as long (0.84 against 0.42 µs a reading).
# tests/core/test_rater.py holds both to rate() and direction(), and rate_one to rate_columns.


def _ends(rules: MeasureRules) -> int:
    """The month from which the measure is discontinued: a reading reaching into it is B."""
    return rules.discontinued_from.first_month if rules.discontinued_from else _NEVER


def _amber(rules: MeasureRules, target: Decimal) -> Decimal:
    """The worst value still Amber against a target."""
    return target - rules.polarity.sign * rules.tolerance.band(target)


# "At least as good as": one comparison serves both polarities.
_AS_GOOD: dict[Polarity, Callable[[Decimal, Decimal], bool]] = {
    polarity: operator.le if polarity is Polarity.LOWER else operator.ge for polarity in Polarity
}
_UNRATED = {
    polarity: NEUTRAL_RATING if polarity is Polarity.NEUTRAL else NO_TARGET_RATING
    for polarity in Polarity
}
_DIRECTIONS = {polarity: directions(polarity) for polarity in Polarity}


def rate_one(
    rules: MeasureRules, target: Decimal | None, reading: Reading, previous: Reading | None
) -> tuple[Rating, Direction | None, Reading | None]:
    """What MeasureRater(rules, schedule).rate_columns(readings) gives one reading (its rating,
    direction and the reading compared with), given the target in force (`schedule`'s at the
    reading) and the reading rate_columns would compare it with (`compared_with`): a headline
    needs only its latest reading's, and a scorecard of 10,000 measures is 10,000 headlines,
    so this makes no rater and works out the Amber limit only for a reading short of its
    target."""
    period, value = reading.period, reading.value
    if period.first_month + period.months > _ends(rules):
        return BLUE_RATING, None, None
    polarity = rules.polarity
    if value is None:
        rating = rate(None, None, polarity, status=reading.status)
    elif target is None or polarity is Polarity.NEUTRAL:
        rating = _UNRATED[polarity]
    else:
        as_good = _AS_GOOD[polarity]
        if as_good(value, target):
            rating = GREEN_RATING
        else:
            rating = AMBER_RATING if as_good(value, _amber(rules, target)) else RED_RATING
    before = previous.value if previous is not None else None
    if value is None or before is None:
        return rating, None, previous
    change = value - before
    steady_band = rules.steady_band
    falling, steady, rising = _DIRECTIONS[polarity]
    if -steady_band <= change <= steady_band:
        return rating, steady, previous
    return rating, rising if change > ZERO else falling, previous


def compared_with(rules: MeasureRules, readings: Sequence[Reading], index: int) -> Reading | None:
    """The reading rate_columns compares reading `index` with: of the same breakdown, kind and
    first month a step back; of several, the last (as its look-up by month keeps the last)."""
    reading = readings[index]
    kind, breakdown = reading.period.kind, reading.breakdown
    wanted = reading.period.first_month - rules.comparison_step(kind)
    for earlier in reversed(readings):
        if (
            earlier.period.first_month == wanted
            and earlier.period.kind == kind
            and earlier.breakdown == breakdown
        ):
            return earlier
    return None


class MeasureRater:
    def __init__(self, rules: MeasureRules, targets: TargetSchedule) -> None:
        polarity = rules.polarity
        self.rules = rules
        self.starts = targets.starts
        # One entry per target change, plus a last one for "before any change", so that index
        # -1 (no target yet) reads it: the loop needs no test for a missing target.
        self.targets: list[Decimal | None] = [*targets.values, None]
        # Each target's limits when a reading first needs them: a headline needs one target's.
        self.limits: dict[int, Limits | None] = {}
        self.as_good = _AS_GOOD[polarity]
        self.unrated = _UNRATED[polarity]
        self.falling, self.steady, self.rising = _DIRECTIONS[polarity]
        self.ends = _ends(rules)
        self.steps: dict[PeriodKind, int] = {}
        self.unrated_by_status: dict[str | None, Rating] = {}

    def _limits(self, target: Decimal | None) -> Limits | None:
        if target is None or self.rules.polarity is Polarity.NEUTRAL:
            return None
        return Limits(target, _amber(self.rules, target))

    def limits_at(self, index: int) -> Limits | None:
        if index in self.limits:
            return self.limits[index]
        limits = self.limits[index] = self._limits(self.targets[index])
        return limits

    def _no_value(self, status: str | None) -> Rating:
        rating = self.unrated_by_status.get(status)
        if rating is None:
            rating = rate(None, None, self.rules.polarity, status=status)
            self.unrated_by_status[status] = rating
        return rating

    def step(self, kind: PeriodKind) -> int:
        step = self.steps.get(kind)
        if step is None:
            step = self.steps[kind] = self.rules.comparison_step(kind)
        return step

    def rate_columns(self, readings: Sequence[Reading]) -> RatedColumns:
        """`rate()` and `direction()` (ratings.py) for every reading, in one loop: this runs once
        per observation, so it reads the measure's settings from local names."""
        earlier = _Earlier(readings)
        uniform, by_month, by_key = earlier.uniform, earlier.by_month.get, earlier.by_key.get
        # One kind of period throughout: one comparison step for every reading.
        uniform_step = self.step(readings[0].period.kind) if uniform else 0
        columns = RatedColumns()
        add_target, add_rating = columns.targets.append, columns.ratings.append
        add_direction, add_previous = columns.directions.append, columns.previous.append
        starts, targets, limits_at, as_good = (
            self.starts,
            self.targets,
            self.limits_at,
            self.as_good,
        )
        ends, unrated, steps, step_for = self.ends, self.unrated, self.steps, self.step
        falling, steady, rising = self.falling, self.steady, self.rising
        discontinues = ends != _NEVER
        steady_band = self.rules.steady_band
        least_change = -steady_band
        # The target change in force: found by bisection, then kept while the readings (which
        # usually come in date order) stay inside its span.
        index, span_start, span_end = -1, _NEVER, -_NEVER
        limits: Limits | None = None
        for reading in readings:
            period, value = reading.period, reading.value
            first_month = period.first_month
            if not span_start <= first_month < span_end:
                index = bisect_right(starts, first_month) - 1
                span_start = starts[index] if index >= 0 else -_NEVER
                span_end = starts[index + 1] if index + 1 < len(starts) else _NEVER
                limits = limits_at(index)
            add_target(targets[index])
            if discontinues and first_month + period.months > ends:
                # Discontinued: rated B, and no direction is judged (DESIGN §3).
                add_rating(BLUE_RATING)
                add_previous(None)
                add_direction(None)
                continue
            if value is None:
                add_rating(self._no_value(reading.status))
            elif limits is None:
                add_rating(unrated)
            elif as_good(value, limits.target):
                add_rating(GREEN_RATING)
            else:
                add_rating(AMBER_RATING if as_good(value, limits.amber) else RED_RATING)
            if uniform:
                previous = by_month(first_month - uniform_step)
            else:
                kind = period.kind
                step = steps.get(kind) or step_for(kind)
                previous = by_key((reading.breakdown, kind, first_month - step))
            add_previous(previous)
            before = previous.value if previous is not None else None
            if value is None or before is None:
                add_direction(None)
                continue
            change = value - before
            if least_change <= change <= steady_band:
                add_direction(steady)
            else:
                add_direction(rising if change > ZERO else falling)
        return columns
