"""Ranks, quartiles and statistical-neighbour averages for a national benchmark set, through
the core, against a plain loop in the same run.

    .venv/bin/python bench/bench_benchmarking.py          # 150 areas x 2,000 indicators x 10
    .venv/bin/python bench/bench_benchmarking.py --quick  # 150 areas x 200 indicators x 10

The core's path is `positions` (one sort per indicator and period) and `group_average` (each
area's ten neighbours), as the benchmarking app calls them. The baseline is the obvious loop:
an area's rank is one more than the number of areas with a better value, its quartile from
that rank, and each neighbour average summed by hand. Both must agree on every area; the bench
checks that, says so, and exits 1 when they differ. Timings are printed, never asserted.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scorecard.core.benchmarking import group_average, positions  # noqa: E402
from scorecard.core.ratings import Polarity  # noqa: E402

SEED = 20261127
AREAS = 150
PERIODS = 10
NEIGHBOURS = 10
POLARITIES = [Polarity.HIGHER, Polarity.LOWER, Polarity.NEUTRAL]


def national_set(indicators: int):
    """Values keyed by (indicator, period): {area: value or None}; about 2% missing, and
    values rounded to one decimal place so ties occur as they do in published data."""
    rng = random.Random(SEED)
    areas = [f"E{n:08d}" for n in range(AREAS)]
    neighbours = {area: rng.sample([a for a in areas if a != area], NEIGHBOURS) for area in areas}
    slices = {}
    for indicator in range(indicators):
        centre = rng.uniform(5, 95)
        for period in range(PERIODS):
            slices[(indicator, period)] = {
                area: None if rng.random() < 0.02 else round(rng.gauss(centre, 8), 1)
                for area in areas
            }
    return areas, neighbours, slices


def through_the_core(slices, neighbours):
    found = {}
    for (indicator, period), values in slices.items():
        polarity = POLARITIES[indicator % 3]
        places = positions(values, polarity)
        averages = {area: group_average(values, members) for area, members in neighbours.items()}
        found[(indicator, period)] = (places, averages)
    return found


def plain_loop(slices, neighbours):
    found = {}
    for (indicator, period), values in slices.items():
        polarity = POLARITIES[indicator % 3]
        known = {area: value for area, value in values.items() if value is not None}
        places = {}
        for area, value in known.items():
            better = 0
            for other in known.values():
                if (other < value) if polarity is Polarity.LOWER else (other > value):
                    better += 1
            rank = better + 1
            places[area] = (rank, min(4, (rank - 1) * 4 // len(known) + 1))
        averages = {}
        for area, members in neighbours.items():
            total, count = 0.0, 0
            for member in members:
                if values[member] is not None:
                    total += values[member]
                    count += 1
            averages[area] = total / count if count else None
        found[(indicator, period)] = (places, averages)
    return found


def agree(core, loop) -> bool:
    for key, (places, averages) in core.items():
        loop_places, loop_averages = loop[key]
        if {area: (p.rank, p.quartile) for area, p in places.items()} != loop_places:
            return False
        for area, value in averages.items():
            other = loop_averages[area]
            if (value is None) != (other is None) or (
                value is not None and not math.isclose(value, other, rel_tol=1e-12)
            ):
                return False
    return True


def exit_status(core, loop) -> int:
    """Say whether the core and the loop agree, and the exit status: non-zero when they differ,
    so that a run in a script or CI stops on a wrong answer, not only on a slow one."""
    if agree(core, loop):
        print("results agree on every area")
        return 0
    print("RESULTS DIFFER")
    return 1


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="200 indicators instead of 2,000")
    indicators = 200 if parser.parse_args(argv).quick else 2000
    areas, neighbours, slices = national_set(indicators)
    values = sum(len(v) for v in slices.values())
    print(f"{AREAS} areas x {indicators:,} indicators x {PERIODS} periods = {values:,} values")
    core, core_seconds = timed(through_the_core, slices, neighbours)
    loop, loop_seconds = timed(plain_loop, slices, neighbours)
    print(f"core (sort per slice):     {core_seconds:8.2f} s")
    print(f"plain loop (baseline):     {loop_seconds:8.2f} s")
    print(f"ratio core / baseline:     {core_seconds / loop_seconds:8.3f}")
    return exit_status(core, loop)


if __name__ == "__main__":
    sys.exit(main())
