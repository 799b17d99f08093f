"""Imports when things go wrong: killed half-way, or run twice at once. Each runs `scorecard
import` as a separate process on its own database, as a council's scheduled import would."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.databases import fresh_database

MEASURES = 40
MONTHS = 300  # 12,000 figures: long enough to be caught half-way through writing


def write_files(folder: Path) -> tuple[Path, Path]:
    measures = ["measure_id,title,polarity,unit,frequency,target"]
    measures += [f"M{n},Measure {n},higher,count,monthly,100" for n in range(MEASURES)]
    observations = ["measure_id,period,value"]
    for month in range(MONTHS):
        year, index = divmod(month, 12)
        observations += [f"M{n},{2000 + year}-{index + 1:02d},{n + month}" for n in range(MEASURES)]
    (folder / "measures.csv").write_text("\n".join(measures) + "\n")
    (folder / "observations.csv").write_text("\n".join(observations) + "\n")
    return folder / "measures.csv", folder / "observations.csv"


@pytest.fixture
def council(tmp_path):
    """A database holding the measures; the figures to import; and a way to run the command."""
    with fresh_database(tmp_path, "faults") as url:
        environment = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
        environment["DATABASE_URL"] = url

        def start(*arguments: str) -> subprocess.Popen:
            return subprocess.Popen(
                [sys.executable, "-m", "scorecard", *arguments],
                cwd=tmp_path,
                env=environment,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )

        measures, observations = write_files(tmp_path)
        done = start("import", str(measures))
        assert done.wait(timeout=300) == 0, done.stderr.read()
        yield url, start, observations


def counted(url: str, table: str = "measures_observation") -> int:
    if url.startswith("sqlite"):
        import sqlite3

        with sqlite3.connect(url.removeprefix("sqlite:///")) as database:
            return database.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
    import psycopg

    with psycopg.connect(url) as database:
        return database.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608


def writing(url: str) -> bool:
    """Has an import begun changing rows (not just checking them)?"""
    if url.startswith("sqlite"):
        # The rollback journal appears with the first page the import changes.
        return Path(url.removeprefix("sqlite:///") + "-journal").exists()
    import psycopg

    with psycopg.connect(url) as database:
        found = database.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()"
        ).fetchone()[0]
    return found > 0


def test_an_import_killed_half_way_leaves_the_database_as_it_was(council):
    url, start, observations = council
    before = (counted(url), counted(url, "audit_auditentry"))
    process = start("import", str(observations))
    deadline = time.monotonic() + 120
    while not writing(url):
        assert process.poll() is None, "the import ended before it could be killed"
        assert time.monotonic() < deadline, "the import never began writing"
        time.sleep(0.005)
    time.sleep(0.2)  # further into the writing
    assert process.poll() is None, "the import ended before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL
    assert (counted(url), counted(url, "audit_auditentry")) == before
    rerun = start("import", str(observations))
    assert rerun.wait(timeout=300) == 0, rerun.stderr.read()
    assert counted(url) == before[0] + MEASURES * MONTHS


def test_two_imports_of_the_same_file_at_once_add_each_figure_once(council):
    url, start, observations = council
    first, second = start("import", str(observations)), start("import", str(observations))
    results = [process.wait(timeout=300) for process in (first, second)]
    assert results == [0, 0], [p.stderr.read() for p in (first, second)]
    assert counted(url) == MEASURES * MONTHS
    # The second found every figure already there, unchanged: no history was made.
    assert counted(url, "measures_observationrevision") == 0
