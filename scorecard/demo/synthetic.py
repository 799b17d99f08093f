"""Synthetic data for measuring scale: a council of N measures with Y years of monthly figures,
and a national benchmark set (areas × indicators × periods), written as the CSV files users
import, so that what is measured is the real path from file to database.

Everything comes from one seeded random generator: the same arguments give the same files, so
two runs of a benchmark load the same rows.
"""

from __future__ import annotations

import csv
import math
import random
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scorecard.core.periods import Period

OUTCOMES = 8
FIRST_YEAR = 2000
# Units, polarity and the targets and values to draw for them.
KINDS = [
    ("percent", "higher", 80, 15),
    ("percent", "lower", 10, 5),
    ("count", "higher", 500, 150),
    ("days", "lower", 30, 10),
    ("rate", "lower", 60, 20),
]


def _write(path: Path, header: list[str], rows) -> Path:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def month_label(month: int) -> str:
    """The month `month` months after January FIRST_YEAR, as imports read it: 2000-01."""
    year, index = divmod(month, 12)
    return f"{FIRST_YEAR + year}-{index + 1:02d}"


def council_files(folder: Path, measures: int, years: int, seed: int = 1) -> list[Path]:
    """Framework, measures and monthly observations of a synthetic council."""
    folder.mkdir(parents=True, exist_ok=True)
    draw = random.Random(seed)  # noqa: S311 - reproducible data, not a secret  # nosec B311
    plan = "synthetic"
    framework = [
        ["organisation", "Synthetic Borough Council", "", "", "", "", ""],
        ["plan", "Synthetic Council Plan", plan, "", "", "Synthetic Borough Council", ""],
        *[
            ["outcome", f"Outcome {n + 1}", plan, "", f"Synthetic outcome {n + 1}.", "", ""]
            for n in range(OUTCOMES)
        ],
    ]
    header = ["level", "name", "plan_id", "parent", "description", "organisation", "lead"]
    kinds = [draw.choice(KINDS) for _ in range(measures)]
    measure_rows = [
        [
            f"S{n:05d}",
            f"Synthetic measure {n}",
            f"Outcome {n % OUTCOMES + 1}",
            polarity,
            unit,
            "100000" if unit == "rate" else "",
            "monthly",
            target,
            "10",
            "relative",
            plan,
        ]
        for n, (unit, polarity, target, _) in enumerate(kinds)
    ]
    measure_header = [
        "measure_id", "title", "outcome", "polarity", "unit", "rate_per", "frequency",
        "target", "tolerance", "tolerance_type", "plan_id",
    ]  # fmt: skip
    return [
        _write(folder / "framework.csv", header, framework),
        _write(folder / "measures.csv", measure_header, measure_rows),
        _write(
            folder / "observations.csv",
            ["measure_id", "period", "value"],
            _observations(draw, kinds, years * 12),
        ),
    ]


def _observations(draw: random.Random, kinds, months: int) -> Iterator[list]:
    """A random walk about each measure's target, kept inside what its unit allows."""
    for n, (unit, _, target, spread) in enumerate(kinds):
        ceiling = 100 if unit == "percent" else math.inf
        level = target + draw.uniform(-spread, spread)
        for month in range(months):
            level = min(max(level + draw.uniform(-spread, spread) / 6, 0), ceiling)
            yield [f"S{n:05d}", month_label(month), f"{level:.1f}"]


def national_files(
    folder: Path, areas: int = 150, indicators: int = 2000, periods: int = 10, seed: int = 1
) -> list[Path]:
    """Areas and comparator values for every area, indicator and year (our own CSV form),
    England's value among them: a national benchmark set."""
    folder.mkdir(parents=True, exist_ok=True)
    draw = random.Random(seed)  # noqa: S311 - reproducible data, not a secret  # nosec B311
    area_rows = [["E92000001", "", "England", "England", "", ""]] + [
        [f"E0{n:07d}", f"{n:03d}", f"Synthetic area {n}", "Synthetic area", "", ""]
        for n in range(areas)
    ]
    area_header = ["gss_code", "la_number", "name", "area_type", "region_code", "replaced_by"]
    indicator_rows = [
        [f"SYN{n:05d}", f"Synthetic indicator {n}", draw.choice(["higher", "lower"]),
         "proportion", "100"]
        for n in range(indicators)
    ]  # fmt: skip
    indicator_header = ["indicator_id", "name", "polarity", "value_type", "multiplier"]
    return [
        _write(folder / "areas.csv", area_header, area_rows),
        _write(folder / "indicators.csv", indicator_header, indicator_rows),
        _write(
            folder / "values.csv",
            ["indicator_id", "area_code", "period", "value", "count", "denominator"],
            _area_values(draw, [row[0] for row in area_rows], indicators, periods),
        ),
    ]


def _area_values(draw: random.Random, codes: list[str], indicators: int, periods: int):
    for indicator in range(indicators):
        share = draw.uniform(0.05, 0.9)
        for year in range(periods):
            label = f"{FIRST_YEAR + year}/{(FIRST_YEAR + year + 1) % 100:02d}"
            for code in codes:
                denominator = draw.randint(500, 20000) * (50 if code == "E92000001" else 1)
                count = round(denominator * min(max(share + draw.gauss(0, 0.03), 0), 1))
                value = 100 * count / denominator
                yield [f"SYN{indicator:05d}", code, label, f"{value:.4f}", count, denominator]


def load_national(areas: int, indicators: int, periods: int, seed: int = 1) -> int:
    """The national set straight into the database: areas and indicators through the importer,
    the values (3,000,000 at full size, too many to hold as parsed rows) in batches as they are
    drawn. The number of values."""
    import tempfile

    from scorecard.benchmarking.models import Area, AreaValue, Indicator
    from scorecard.core.period_parser import parse_period
    from scorecard.interchange.importer import import_files

    with tempfile.TemporaryDirectory() as folder:
        made = national_files(Path(folder), areas, indicators=0, periods=0, seed=seed)
        import_files(made[:1], entered_by="synthetic")
    draw = random.Random(seed)  # noqa: S311 - reproducible data, not a secret  # nosec B311
    Indicator.objects.bulk_create(
        Indicator(
            indicator_id=f"SYN{n:05d}",
            name=f"Synthetic indicator {n}",
            polarity=draw.choice(["higher", "lower"]),
            value_type="proportion",
            multiplier=100,
        )
        for n in range(indicators)
    )
    area_of = dict(Area.objects.values_list("code", "pk"))
    indicator_of = dict(Indicator.objects.values_list("indicator_id", "pk"))
    periods_of: dict[str, Period] = {}
    batch, count = [], 0
    codes = ["E92000001", *[f"E0{n:07d}" for n in range(areas)]]
    for indicator, code, label, value, events, denominator in _area_values(
        draw, codes, indicators, periods
    ):
        row = AreaValue(
            indicator_id=indicator_of[indicator],
            area_id=area_of[code],
            area_type="England" if code == "E92000001" else "Synthetic area",
            value=float(value),
            count=events,
            denominator=denominator,
        )
        period = periods_of.get(label) or periods_of.setdefault(label, parse_period(label))
        row.set_period(period)
        batch.append(row)
        if len(batch) == 5000:
            AreaValue.objects.bulk_create(batch)
            count += len(batch)
            batch = []
    AreaValue.objects.bulk_create(batch)
    return count + len(batch)
