"""What a measure is rated by: its rules, its targets over time, and its readings."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from operator import itemgetter

from scorecard.core.periods import NATURAL_STEP, Period, PeriodKind
from scorecard.core.ratings import ZERO, Polarity, Tolerance


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


SAME_PERIOD_LAST_YEAR_STEP = 12

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

    def comparison_step(self, kind: PeriodKind) -> int:
        """How many months back the reading a direction compares with starts."""
        if self.compare_with is CompareWith.SAME_PERIOD_LAST_YEAR:
            return SAME_PERIOD_LAST_YEAR_STEP
        if kind in _OVERLAPPING and self.frequency is not None:
            return self.frequency.step_months
        return NATURAL_STEP[kind]

    def comparison_period(self, period: Period) -> Period:
        return period.shifted(-self.comparison_step(period.kind))

    def is_discontinued(self, period: Period) -> bool:
        """Any period that reaches into the discontinuation counts: the year 2019/20 for a
        measure discontinued from Q3 2019/20, as the scorecard for that year shows it."""
        return (
            self.discontinued_from is not None
            and period.last_month >= self.discontinued_from.first_month
        )


@dataclass(frozen=True, slots=True)
class TargetChange:
    """A target that applies from the start of `period` until the next change."""

    period: Period | None
    value: Decimal | None

    @classmethod
    def from_month(cls, first_month: int, value: Decimal | None) -> TargetChange:
        """A change from the start of a month (-1: from the beginning), as storage keeps it."""
        return cls(None if first_month < 0 else Period(PeriodKind.MONTH, first_month, 1), value)


class TargetSchedule:
    """Targets over time; a change with no period applies from the beginning."""

    starts: list[int]
    values: list[Decimal | None]

    def __init__(self, changes: Iterable[TargetChange]) -> None:
        self.starts, self.values = _in_order(
            [(-1 if c.period is None else c.period.first_month, c.value) for c in changes]
        )

    @classmethod
    def from_months(cls, changes: Iterable[tuple[int, Decimal | None]]) -> TargetSchedule:
        """From (first month, value) pairs as storage keeps them (a negative month: from the
        beginning, as TargetChange.from_month reads it), without an object for each."""
        schedule = cls.__new__(cls)
        schedule.starts, schedule.values = _in_order(
            [(first if first >= 0 else -1, value) for first, value in changes]
        )
        return schedule

    def index_for(self, first_month: int) -> int:
        """Which change applies to a period starting in this month (-1: none yet)."""
        return bisect_right(self.starts, first_month) - 1

    def target_for(self, period: Period) -> Decimal | None:
        index = self.index_for(period.first_month)
        return self.values[index] if index >= 0 else None


def _in_order(
    changes: list[tuple[int, Decimal | None]],
) -> tuple[list[int], list[Decimal | None]]:
    """Starts and values, by start; changes with the same start keep their order."""
    changes.sort(key=itemgetter(0))
    return [start for start, _ in changes], [value for _, value in changes]


@dataclass(frozen=True, slots=True)
class Reading:
    period: Period
    value: Decimal | None
    breakdown: str = ""
    status: str | None = None
    # The decimals the figure was written with ("58": 0, "71.4": 1), when known.
    decimals: int | None = None
