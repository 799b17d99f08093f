"""Rating a million observations through the core, against a plain per-observation loop.

    .venv/bin/python bench/bench_ratings.py            # 1,000 measures x 1,000 months
    .venv/bin/python bench/bench_ratings.py --quick    # 100 measures x 1,000 months
    .venv/bin/python bench/bench_ratings.py --profile  # also show where rate_series spends time

The core's path is `rate_series` (with its `TargetSchedule`), exactly as the pages and exports
call it. The baseline, timed in the same run on the same data, is the obvious loop: for each
observation, find its target by scanning the target changes, find the previous report by
searching the list, then call `rate()` and `direction()`. Both must give the same target,
rating and direction for every observation; the bench checks that and says so.

Timings are printed, never asserted. The project's goal: 1,000,000 observations in under 1 s.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import pstats
import random
import sys
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scorecard.core.periods import Period  # noqa: E402
from scorecard.core.rater import MeasureRater, RatedColumns  # noqa: E402
from scorecard.core.ratings import (  # noqa: E402
    Polarity,
    Tolerance,
    ToleranceType,
    direction,
    rate,
)
from scorecard.core.series import (  # noqa: E402
    CompareWith,
    Frequency,
    MeasureRules,
    Reading,
    TargetChange,
    TargetSchedule,
)

SEED = 20240601
GOAL_SECONDS_PER_MILLION = 1.0
FIRST_YEAR = 2000
STATUSES = ["not yet published", "suppressed", "TBC", None]


@dataclass
class SyntheticMeasure:
    rules: MeasureRules
    changes: list[TargetChange]
    readings: list[Reading]


def _money(rng: random.Random, low: int, high: int) -> Decimal:
    """A Decimal with two places, between low/100 and high/100."""
    return Decimal(rng.randint(low, high)).scaleb(-2)


def _rules(rng: random.Random, n_months: int) -> MeasureRules:
    polarity = rng.choice(
        [Polarity.HIGHER, Polarity.HIGHER, Polarity.LOWER, Polarity.LOWER, Polarity.NEUTRAL]
    )
    if rng.random() < 0.5:
        tolerance = Tolerance(Decimal(rng.choice([0, 2, 5, 10, 15])), ToleranceType.RELATIVE)
    else:
        tolerance = Tolerance(_money(rng, 0, 2_000), ToleranceType.ABSOLUTE)
    steady_band = Decimal(0) if rng.random() < 0.5 else _money(rng, 0, 300)
    compare_with = CompareWith.SAME_PERIOD_LAST_YEAR if rng.random() < 0.2 else CompareWith.PREVIOUS
    discontinued_from = None
    if rng.random() < 0.1:
        month = rng.randrange(n_months // 2, n_months)
        discontinued_from = Period.month(FIRST_YEAR + month // 12, month % 12 + 1)
    return MeasureRules(
        polarity, tolerance, steady_band, Frequency.MONTHLY, compare_with, discontinued_from
    )


def _changes(rng: random.Random, n_months: int, level: Decimal) -> list[TargetChange]:
    """A target from the start (or from a later month), changed part-way, sometimes twice."""

    def month(index: int) -> Period:
        return Period.month(FIRST_YEAR + index // 12, index % 12 + 1)

    def near(value: Decimal) -> Decimal:
        return (value * Decimal(rng.randint(90, 110)) / 100).quantize(Decimal("0.01"))

    first = None if rng.random() < 0.8 else month(rng.randrange(1, n_months // 4))
    changes = [
        TargetChange(first, near(level)),
        TargetChange(month(rng.randrange(n_months // 4, n_months * 3 // 4)), near(level)),
    ]
    if rng.random() < 0.3:
        # a third change, sometimes to "no target"
        value = None if rng.random() < 0.3 else near(level)
        changes.append(TargetChange(month(rng.randrange(n_months * 3 // 4, n_months)), value))
    rng.shuffle(changes)  # the schedule must sort them; the baseline scans them as given
    return changes


def _readings(rng: random.Random, n_months: int, level: Decimal) -> list[Reading]:
    readings = []
    value = level
    start = FIRST_YEAR * 12
    step = max(level / 20, Decimal("0.01"))
    for index in range(n_months):
        year, month = divmod(start + index, 12)
        period = Period.month(year, month + 1)
        value = (value + step * Decimal(rng.randint(-10, 10)) / 10).quantize(Decimal("0.01"))
        if rng.random() < 0.01:
            readings.append(Reading(period, None, "", rng.choice(STATUSES)))
        else:
            readings.append(Reading(period, value))
    return readings


def build(n_measures: int, n_months: int, seed: int = SEED) -> list[SyntheticMeasure]:
    rng = random.Random(seed)
    measures = []
    for _ in range(n_measures):
        level = _money(rng, 1_000, 10_000_000)
        measures.append(
            SyntheticMeasure(
                _rules(rng, n_months),
                _changes(rng, n_months, level),
                _readings(rng, n_months, level),
            )
        )
    return measures


# --- the two paths --------------------------------------------------------------------------
def core_path(measures: list[SyntheticMeasure]) -> list[RatedColumns]:
    """The core's batch path: each measure's readings rated as columns (rater.py)."""
    return [
        MeasureRater(m.rules, TargetSchedule(m.changes)).rate_columns(m.readings) for m in measures
    ]


def _target_by_scan(changes: list[TargetChange], first_month: int) -> Decimal | None:
    best_start, target = None, None
    for change in changes:
        start = -1 if change.period is None else change.period.first_month
        if start <= first_month and (best_start is None or start >= best_start):
            best_start, target = start, change.value
    return target


def _previous_by_search(readings: list[Reading], index: int, before: Period) -> Reading | None:
    """Search back from the reading for the one the rules compare with (readings are sorted)."""
    breakdown = readings[index].breakdown
    for earlier in range(index - 1, -1, -1):
        candidate = readings[earlier]
        if (
            candidate.period.first_month == before.first_month
            and candidate.period.kind == before.kind
            and candidate.breakdown == breakdown
        ):
            return candidate
    return None


def baseline_path(measures: list[SyntheticMeasure]) -> list[list]:
    results = []
    for measure in measures:
        rules, readings = measure.rules, measure.readings
        rated = []
        for index, reading in enumerate(readings):
            period = reading.period
            target = _target_by_scan(measure.changes, period.first_month)
            discontinued = rules.is_discontinued(period)
            rating = rate(
                reading.value,
                target,
                rules.polarity,
                rules.tolerance,
                discontinued=discontinued,
                status=reading.status,
            )
            before = rules.comparison_period(period)
            previous = None if discontinued else _previous_by_search(readings, index, before)
            way = direction(
                reading.value,
                previous.value if previous else None,
                rules.polarity,
                rules.steady_band,
            )
            rated.append((target, rating, way))
        results.append(rated)
    return results


# --- timing ---------------------------------------------------------------------------------
def best_of(repeats: int, function, *args) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeats):
        result = None
        gc.collect()
        started = time.perf_counter()
        result = function(*args)
        best = min(best, time.perf_counter() - started)
    return best, result


def identical(core: list[RatedColumns], baseline: list[list]) -> tuple[bool, str]:
    for m, (columns, expected) in enumerate(zip(core, baseline, strict=True)):
        rated = zip(columns.targets, columns.ratings, columns.directions, strict=True)
        for i, (got, wanted) in enumerate(zip(rated, expected, strict=True)):
            if got != wanted:
                return False, f"measure {m} reading {i}: core {got}, baseline {wanted}"
    return True, ""


def exit_status(core: list[RatedColumns], baseline: list[list]) -> int:
    """Say whether the core and the baseline agree, and the exit status: 1 when they differ."""
    same, detail = identical(core, baseline)
    print(f"results identical: {'yes' if same else 'NO - ' + detail}")
    return 0 if same else 1


def profile(measures: list[SyntheticMeasure]) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    core_path(measures)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(15)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="100 measures, not 1,000")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs (3)")
    parser.add_argument("--profile", action="store_true", help="cProfile the core's path")
    arguments = parser.parse_args(argv)
    n_measures, n_months = (100, 1_000) if arguments.quick else (1_000, 1_000)

    started = time.perf_counter()
    measures = build(n_measures, n_months)
    observations = sum(len(m.readings) for m in measures)
    print(
        f"data: {n_measures:,} measures x {n_months:,} monthly readings = {observations:,} "
        f"observations (seed {SEED}), built in {time.perf_counter() - started:.1f} s"
    )

    core_seconds, core_result = best_of(arguments.repeat, core_path, measures)
    gc.disable()
    try:
        core_nogc_seconds, _ = best_of(arguments.repeat, core_path, measures)
    finally:
        gc.enable()
    baseline_seconds, baseline_result = best_of(arguments.repeat, baseline_path, measures)

    per_million = core_seconds * 1_000_000 / observations
    width = 38
    print(f"{'observations':<{width}} {observations:>12,}")
    print(
        f"{f'core MeasureRater (best of {arguments.repeat})':<{width}} "
        f"{core_seconds:>10.3f} s  {observations / core_seconds:>12,.0f} obs/s"
    )
    print(
        f"{'  same, garbage collector off':<{width}} "
        f"{core_nogc_seconds:>10.3f} s  {observations / core_nogc_seconds:>12,.0f} obs/s"
    )
    print(
        f"{f'baseline loop (best of {arguments.repeat})':<{width}} "
        f"{baseline_seconds:>10.3f} s  {observations / baseline_seconds:>12,.0f} obs/s"
    )
    print(f"{'ratio baseline / core':<{width}} {baseline_seconds / core_seconds:>10.2f} x")
    verdict = "met" if per_million < GOAL_SECONDS_PER_MILLION else "NOT met"
    print(f"{'goal: 1,000,000 obs < 1 s':<{width}} {per_million:>10.3f} s per million: {verdict}")
    status = exit_status(core_result, baseline_result)

    if arguments.profile:
        print()
        print(profile(measures))
    return status


if __name__ == "__main__":
    sys.exit(main())
