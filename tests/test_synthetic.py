"""The synthetic council and national benchmark set: files the importer takes whole, the same
files for the same arguments."""

import pytest

from scorecard.benchmarking.models import Area, AreaValue, Indicator
from scorecard.demo.synthetic import council_files, month_label, national_files
from scorecard.interchange.importer import import_files
from scorecard.measures.models import Measure, Observation


@pytest.mark.django_db
def test_a_council_of_n_measures_and_y_years_imports_whole(tmp_path):
    result = import_files(council_files(tmp_path, measures=7, years=2))
    assert "168 observations row(s)" in str(result)
    assert Measure.objects.count() == 7
    assert Observation.objects.count() == 7 * 24
    assert Measure.objects.filter(outcome__isnull=True).count() == 0


@pytest.mark.django_db
def test_a_national_set_imports_whole_with_england_as_the_benchmark(tmp_path):
    import_files(national_files(tmp_path, areas=4, indicators=3, periods=2))
    assert Area.objects.count() == 5
    assert Indicator.objects.count() == 3
    assert AreaValue.objects.count() == 5 * 3 * 2
    assert AreaValue.objects.filter(area__code="E92000001").count() == 3 * 2


def test_the_same_arguments_give_the_same_files(tmp_path):
    first = [p.read_bytes() for p in council_files(tmp_path / "a", 5, 1)]
    assert first == [p.read_bytes() for p in council_files(tmp_path / "b", 5, 1)]
    assert council_files(tmp_path / "c", 5, 1, seed=2)[2].read_bytes() != first[2]


def test_months_count_from_january_2000():
    assert [month_label(m) for m in (0, 11, 12, 299)] == [
        "2000-01",
        "2000-12",
        "2001-01",
        "2024-12",
    ]


@pytest.mark.database_independent  # an SQLite file of its own, whatever the suite runs on
def test_the_command_loads_a_synthetic_council_and_national_set(tmp_path):
    import os
    import sqlite3

    from tests.databases import run_scorecard

    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    environment["DATABASE_URL"] = f"sqlite:///{tmp_path / 's.sqlite3'}"
    arguments = ["--measures=6", "--years=2", "--national", "--areas=5", "--indicators=4"]
    result = run_scorecard(
        tmp_path, environment, "demo", "--synthetic", "--no-serve", *arguments, "--periods=3"
    )
    assert result.returncode == 0, result.stderr
    assert "144 observations row(s)" in result.stderr
    assert "72 national benchmark values" in result.stderr  # (5 areas + England) × 4 × 3
    with sqlite3.connect(tmp_path / "s.sqlite3") as database:
        found = database.execute("SELECT count(*) FROM benchmarking_areavalue").fetchone()[0]
    assert found == 72
