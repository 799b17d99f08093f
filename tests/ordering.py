"""The order the suite runs in: the longest modules first."""

from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent

# The modules whose tests take longest without the suite's database (subprocesses running
# `scorecard`, each with an SQLite file of its own), longest first (measured with
# `--durations`). pytest-django runs the tests that need no database last: there these kept one
# worker busy for a minute or two after the other had run out of tests.
LONGEST_FIRST = (
    "test_cli.py",
    "reports/test_report_files.py",
    "test_backup.py",
    "test_concurrent_saves.py",
    "interchange/test_import_faults.py",
    "reports/test_full_disk.py",
    "tenancy/test_cli_tenants.py",
    "test_production_serve.py",
    "people/test_sign_in_burst.py",
    "test_database_outage.py",
)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """The longest modules first, so that the workers (pytest-xdist hands each a module at a
    time) finish together, on the short ones. After pytest-django's ordering (trylast): a
    module whose tests commit to the suite's database (transactional, live server) keeps its
    place after the others, as pytest-django requires."""
    modules: dict[str, list] = {}
    for item in items:
        modules.setdefault(Path(str(item.path)).relative_to(TESTS).as_posix(), []).append(item)
    first = [
        item
        for where in LONGEST_FIRST
        if not any(_commits(item) for item in modules.get(where, ()))
        for item in modules.get(where, ())
    ]
    moved = {id(item) for item in first}
    items[:] = first + [item for item in items if id(item) not in moved]


def _commits(item) -> bool:
    """Whether the test commits to the suite's database: pytest-django runs these last."""
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return bool(
        (marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")))
        or "transactional_db" in fixtures
        or "live_server" in fixtures
    )
