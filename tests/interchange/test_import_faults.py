"""Imports when things go wrong: killed half-way, or run twice at once. Each runs `scorecard
import` as a separate process on its own database, as a council's scheduled import would."""

import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scorecard.interchange.importer import PAUSE_FOR_TESTS
from scorecard.interchange.observation_writer import BATCH
from tests.databases import fresh_database

MEASURES = 40
MONTHS = 300  # 12,000 figures: more than two batches


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

        def start(*arguments: str, pause: str = "", **options) -> subprocess.Popen:
            return subprocess.Popen(
                [sys.executable, "-m", "scorecard", *arguments],
                cwd=tmp_path,
                env={**environment, PAUSE_FOR_TESTS: pause} if pause else environment,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                **options,
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


def paused_import(start, observations: Path, marker: Path, batches: int) -> subprocess.Popen:
    """An import stopped by its test hook once it has written `batches` batches of figures, its
    transaction open; it goes on when `marker` is removed."""
    process = start("import", str(observations), pause=f"{batches} {marker}")
    deadline = time.monotonic() + 120
    while not marker.exists():
        assert process.poll() is None, f"the import ended unpaused: {process.stderr.read()}"
        assert time.monotonic() < deadline, "the import never paused"
        time.sleep(0.02)
    # Paused half-way: some figures written, more to come.
    assert marker.read_text().strip() == str(batches)
    assert batches * BATCH < MEASURES * MONTHS
    return process


def test_an_import_killed_half_way_leaves_the_database_as_it_was(council, tmp_path):
    url, start, observations = council
    before = (counted(url), counted(url, "audit_auditentry"))
    marker = tmp_path / "paused"
    process = paused_import(start, observations, marker, batches=1)
    assert process.poll() is None, "the import ended before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL
    assert marker.exists(), "the import went on past the pause"
    assert (counted(url), counted(url, "audit_auditentry")) == before
    rerun = start("import", str(observations))
    assert rerun.wait(timeout=300) == 0, rerun.stderr.read()
    assert counted(url) == before[0] + MEASURES * MONTHS


def test_pages_are_read_while_an_import_is_writing(council, tmp_path):
    """A long import holds the database's one writer's lock until it commits; readers go on
    reading what was there before it (on SQLite, in WAL mode), rather than waiting for it and
    failing."""
    url, start, observations = council
    before = counted(url)
    marker = tmp_path / "paused"
    process = paused_import(start, observations, marker, batches=2)
    try:
        # As a page reads: through the service's own connection and settings.
        reading = start("export", "ratings", "--format=csv")
        out, problems = reading.communicate(timeout=120)
        assert reading.returncode == 0, problems
        # None of the import's figures: nothing is seen until it commits.
        assert out.splitlines()[0].startswith("measure_id,") and len(out.splitlines()) == 1
        assert counted(url) == before
        assert process.poll() is None and marker.exists(), "the import was not under way"
    finally:
        marker.unlink(missing_ok=True)
    assert process.wait(timeout=300) == 0, process.stderr.read()
    assert counted(url) == before + MEASURES * MONTHS


def test_two_imports_of_the_same_file_at_once_add_each_figure_once(council):
    url, start, observations = council
    first, second = start("import", str(observations)), start("import", str(observations))
    results = [process.wait(timeout=300) for process in (first, second)]
    assert results == [0, 0], [p.stderr.read() for p in (first, second)]
    assert counted(url) == MEASURES * MONTHS
    # The second found every figure already there, unchanged: no history was made.
    assert counted(url, "measures_observationrevision") == 0


def test_an_import_on_a_full_disk_is_one_line_and_keeps_nothing(council):
    url, start, observations = council
    if not url.startswith("sqlite"):
        pytest.skip("PostgreSQL's server writes the files; tests/test_full_disk_import.py")
    before = (counted(url), counted(url, "audit_auditentry"))
    room = Path(url.removeprefix("sqlite:///")).stat().st_size + 500_000

    def little_room() -> None:
        """In the import: files may not grow past `room`; a write that would is refused with an
        error (EFBIG), as a full disk refuses one (ENOSPC), rather than killing the process."""
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (room, room))

    process = start("import", str(observations), preexec_fn=little_room)
    out, problems = process.communicate(timeout=300)
    assert process.returncode == 1
    assert problems.startswith("scorecard: the import was not saved, as the disk could not be")
    assert len(problems.strip().splitlines()) == 1, problems
    assert (counted(url), counted(url, "audit_auditentry")) == before


def test_the_demo_on_a_full_disk_is_one_line(tmp_path):
    """`scorecard demo` on a disk with room for the schema but not the demo: one line, no
    traceback, exit 1."""

    def little_room() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (3_000_000, 3_000_000))

    database = tmp_path / "demo.sqlite3"
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    environment["DATABASE_URL"] = f"sqlite:///{database}"
    done = subprocess.run(
        [sys.executable, "-m", "scorecard", "demo", "--no-serve"],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=little_room,
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("scorecard: nothing was saved, as the disk could not"), (
        done.stderr
    )
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
