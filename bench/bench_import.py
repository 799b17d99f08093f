"""Importing a million observations from CSV with `scorecard import`, against the database's
own bulk load of the same rows in the same run (PostgreSQL's COPY; SQLite's executemany into a
bare table), with the import's peak memory.

    .venv/bin/python bench/bench_import.py                      # 1,000,000 rows on SQLite
    DATABASE_URL=postgres://... .venv/bin/python bench/bench_import.py   # and on PostgreSQL
    .venv/bin/python bench/bench_import.py --observations 100000         # quicker

The rows are a synthetic council's monthly figures (scorecard/demo/synthetic.py: 20 years of months
per measure). The framework and measures are imported first, untimed; then the observations
file is imported by the command users run, in its own process, timed from start to exit, and
its peak resident memory read from the kernel (ru_maxrss).

The physical reference, on PostgreSQL: the same rows, as the observations table holds them,
loaded by COPY into measures_observation itself (its indexes, its unique constraint, its
foreign key to the measures) in a second new database given the same framework and measures,
the deferred foreign-key checks included, then rolled back. The import does what that COPY does,
and more: it reads and checks each row, and writes an audit entry for it. Two lighter references
are printed too: the same COPY into a table made LIKE measures_observation (no foreign key), and
the file's rows into a bare three-column temporary table (no index, no constraint, not even
written to the log). On SQLite the reference is executemany into a bare table. Figures are
printed, never asserted.
"""

from __future__ import annotations

import argparse
import csv
import math
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scorecard.demo.synthetic import council_files  # noqa: E402

YEARS = 20


# Run in a fresh process of its own, so that its children's peak memory is this import's alone.
MEASURED = (
    "import resource, subprocess, sys, json\n"
    "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "print(json.dumps([done.returncode, peak, done.stderr[-2000:]]))\n"
)


def scorecard(url: str, *arguments: str) -> tuple[float, float]:
    """Run the command; its wall time in seconds and its peak resident memory in MB."""
    import json

    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    environment["DATABASE_URL"] = url
    command = [sys.executable, "-m", "scorecard", *arguments]
    started = time.perf_counter()
    wrapper = subprocess.run(
        [sys.executable, "-c", MEASURED, *command],
        capture_output=True,
        text=True,
        env=environment,
        check=True,
    )
    elapsed = time.perf_counter() - started
    returncode, peak_kb, errors = json.loads(wrapper.stdout)
    if returncode != 0:
        sys.exit(f"scorecard {' '.join(arguments)} failed:\n{errors}")
    return elapsed, peak_kb / 1024


def _copy_file(database, table: str, observations: Path) -> float:
    started = time.perf_counter()
    with (
        observations.open("rb") as source,
        database.cursor() as cursor,
        cursor.copy(f"COPY {table} FROM STDIN WITH (FORMAT csv, HEADER true)") as copy,
    ):
        while chunk := source.read(1 << 20):
            copy.write(chunk)
    database.commit()
    return time.perf_counter() - started


def postgres_copy(url: str, observations: Path) -> float:
    """The issue's reference: the file's rows into a bare three-column temporary table."""
    import psycopg

    with psycopg.connect(url) as database:
        database.execute(
            "CREATE TEMP TABLE copy_reference (measure_id text, period text, value numeric)"
        )
        return _copy_file(database, "copy_reference", observations)


SHAPED = (
    "period", "period_kind", "period_first_month", "period_months", "period_last_month",
    "value", "status", "commentary", "entered_by", "entered_at", "measure_id", "breakdown",
)  # fmt: skip


def _shaped_rows(observations: Path, measure_pks: dict[str, int]) -> bytes:
    """The file's rows as the observations table holds them (its period columns, who entered
    them, the measure's key), in COPY's text format: made before any clock starts."""
    import io

    from scorecard.core.period_parser import parse_period

    periods: dict = {}
    lines = io.StringIO()
    with observations.open(newline="") as source:
        rows = csv.reader(source)
        next(rows)
        for measure_id, label, value in rows:
            period = periods.get(label) or periods.setdefault(label, parse_period(label))
            lines.write(
                f"{period.label}\t{period.kind.value}\t{period.first_month}\t{period.months}\t"
                f"{period.last_month}\t{value}\t\t\tbench\t2026-11-27 09:00:00+00\t"
                f"{measure_pks[measure_id]}\t\n"
            )
    return lines.getvalue().encode()


def _timed_copy(database, table: str, data: bytes) -> float:
    """COPY the rows into the table and check its deferred constraints, in one timed
    transaction; rolled back after, so that nothing is left behind."""
    started = time.perf_counter()
    with (
        database.cursor() as cursor,
        cursor.copy(f"COPY {table} ({', '.join(SHAPED)}) FROM STDIN") as copy,
    ):
        for start in range(0, len(data), 1 << 20):
            copy.write(data[start : start + (1 << 20)])
    database.execute("SET CONSTRAINTS ALL IMMEDIATE")
    elapsed = time.perf_counter() - started
    database.rollback()
    return elapsed


def postgres_copy_observations(url: str, observations: Path) -> tuple[float, float]:
    """The physical reference: the same rows into measures_observation itself (its indexes,
    its unique constraint, its foreign key to the measures, its sequence), by COPY, in a
    database holding the same framework and measures as the import's and no observation.
    Also the same into a table made LIKE it INCLUDING ALL (its indexes; no foreign key)."""
    import psycopg

    with psycopg.connect(url) as database:
        measure_pks = dict(database.execute("SELECT measure_id, id FROM measures_measure"))
        data = _shaped_rows(observations, measure_pks)
        database.execute("CREATE TABLE copy_shaped (LIKE measures_observation INCLUDING ALL)")
        database.commit()
        into_table = _timed_copy(database, "measures_observation", data)
        into_shaped = _timed_copy(database, "copy_shaped", data)
        database.execute("DROP TABLE copy_shaped")
        database.commit()
    return into_table, into_shaped


def sqlite_bulk(folder: Path, observations: Path) -> float:
    database = sqlite3.connect(folder / "reference.sqlite3")
    database.execute("CREATE TABLE reference (measure_id text, period text, value numeric)")
    started = time.perf_counter()
    with observations.open(newline="") as source:
        rows = csv.reader(source)
        next(rows)
        with database:
            database.executemany("INSERT INTO reference VALUES (?, ?, ?)", rows)
    elapsed = time.perf_counter() - started
    database.close()
    return elapsed


def run(url: str, label: str, files: list[Path], folder: Path, reference_url: str = "") -> None:
    """The import into `url`; on PostgreSQL the references go into `reference_url`, a second
    new database given the same framework and measures."""
    framework, measures, observations = files
    scorecard(url, "import", str(framework), str(measures))
    rows = sum(1 for _ in observations.open()) - 1
    seconds, peak = scorecard(url, "import", str(observations))
    print(f"\n{label}: {rows:,} observations")
    print(f"  scorecard import   {seconds:8.1f} s   ({rows / seconds:,.0f} rows/s)")
    print(f"  peak memory of the import: {peak:,.0f} MB   (goal: < 500 MB)")
    if reference_url:
        scorecard(reference_url, "import", str(framework), str(measures))
        into_table, into_shaped = postgres_copy_observations(reference_url, observations)
        references = [
            ("COPY into measures_observation", into_table),
            ("COPY, table LIKE it, no foreign key", into_shaped),
            ("COPY, bare 3-column temp table", postgres_copy(reference_url, observations)),
        ]
    else:
        references = [("executemany, bare table", sqlite_bulk(folder, observations))]
    for how, reference in references:
        print(f"  {how:<38} {reference:6.2f} s   import ÷ this: {seconds / reference:6.1f}")
    if reference_url:
        verdict = "met" if seconds <= 5 * references[0][1] else "NOT met"
        print(f"  goal (≤ 5 × PostgreSQL's COPY of the same rows into the same table): {verdict}")


@contextmanager
def fresh_postgres(url: str):
    """A database of its own on the server, dropped after: every run imports into empty
    tables, never onto an earlier run's rows."""
    import uuid

    import psycopg

    name = f"scorecard_bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as server:
        server.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        from tests.databases import drop_database  # waits for an autovacuum worker to leave

        drop_database(psycopg, url, name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--observations", type=int, default=1_000_000)
    arguments = parser.parse_args(argv)
    measures = math.ceil(arguments.observations / (YEARS * 12))
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        files = council_files(folder, measures=measures, years=YEARS)
        run(f"sqlite:///{folder / 'bench.sqlite3'}", "SQLite", files, folder)
        postgres = os.environ.get("DATABASE_URL", "")
        if postgres.startswith("postgres"):
            with fresh_postgres(postgres) as url, fresh_postgres(postgres) as reference:
                run(url, "PostgreSQL", files, folder, reference)
    return 0


if __name__ == "__main__":
    sys.exit(main())
