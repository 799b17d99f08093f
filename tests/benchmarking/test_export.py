"""`scorecard export comparisons`: both formats, the filters, and a round trip of published
Fingertips rows (limits to 4 significant figures, every comparison)."""

import csv
import io
import json
import math
from pathlib import Path

import pytest

from scorecard.benchmarking.export import COMPARISON_COLUMNS
from scorecard.benchmarking.fingertips import published_comparison
from scorecard.cli.entry import run
from scorecard.cli.errors import CommandFailed
from scorecard.cli.parser import build_parser
from scorecard.interchange.importer import import_files
from scorecard.measures.models import Measure
from tests.benchmarking.conftest import DATA, FIXTURES

pytestmark = pytest.mark.django_db


def export(capsys, *options: str) -> str:
    run(build_parser().parse_args(["export", "comparisons", *options]))
    return capsys.readouterr().out


def test_json_has_one_record_per_indicator_area_and_period(south_west, capsys):
    records = json.loads(export(capsys, "--format", "json", "--indicator", "92196"))
    assert len(records) == 7
    somerset = next(r for r in records if r["area_code"] == "E10000027")
    assert somerset == {
        "indicator_id": "92196",
        "indicator_name": "Smoking status at time of delivery",
        "area_code": "E10000027",
        "area_name": "Somerset",
        "area_type": "Counties & UAs",
        "period": "2019/20",
        "sex": "Female",
        "age": "All ages",
        "category_type": "",
        "category": "",
        "value": 7.5,
        "count": 300,
        "denominator": 4000,
        "lower_95": 6.72391,
        "upper_95": 8.35765,
        "lower_998": 6.31182,
        "upper_998": 8.89062,
        "limits": "published",
        "benchmark_value": 10,
        "comparison": "better",
        "at_998": True,
        "rank": 1,
        "out_of": 4,
        "quartile": 1,
        "top_quartile": True,
        "small_number": False,
    }


def test_csv_has_the_documented_columns(south_west, capsys):
    rows = list(
        csv.DictReader(io.StringIO(export(capsys, "--format", "csv", "--period", "2016 - 18")))
    )
    assert list(rows[0]) == COMPARISON_COLUMNS
    assert {row["indicator_id"] for row in rows} == {"CIN-RATE"}
    bristol = next(r for r in rows if r["area_code"] == "E06000023")
    assert (bristol["comparison"], bristol["limits"], bristol["rank"]) == ("worse", "computed", "4")


def test_a_measure_exports_its_comparator_indicator(south_west, capsys):
    Measure.objects.create(
        measure_id="CIN",
        title="Children in need",
        polarity="lower",
        unit="rate",
        frequency="annual",
        comparator_indicator_id=_pk("CIN-RATE"),
    )
    records = json.loads(export(capsys, "--measure", "CIN"))
    assert {r["indicator_id"] for r in records} == {"CIN-RATE"}


def _pk(indicator_id: str) -> int:
    from scorecard.benchmarking.models import Indicator

    return Indicator.objects.get(indicator_id=indicator_id).pk


@pytest.mark.parametrize(
    ("options", "reason"),
    [
        (["--indicator", "nope"], "--indicator: there is no comparator indicator 'nope'"),
        (["--measure", "nope"], "--measure: there is no measure 'nope'"),
        (["--period", "soon"], "--period: 'soon' is not a period"),
    ],
)
def test_bad_options_give_a_reason(south_west, capsys, options, reason):
    with pytest.raises(CommandFailed, match=reason):
        export(capsys, *options)


def _four_figures(value: float | None) -> float | None:
    if value is None or value == 0:
        return value
    return round(value, 3 - math.floor(math.log10(abs(value))))


def _number(text: str) -> float | None:
    return float(text.replace(",", "")) if text.strip() else None


LIMITS = {
    "lower_95": "lower ci 95.0 limit",
    "upper_95": "upper ci 95.0 limit",
    "lower_998": "lower ci 99.8 limit",
    "upper_998": "upper ci 99.8 limit",
}


def assert_round_trip(path: Path, capsys) -> int:
    """Import a Fingertips download, export it, and check every published row."""
    import_files([path])
    exported = {
        (r["indicator_id"], r["area_code"], r["period"], r["sex"], r["age"], r["category"]): r
        for r in json.loads(export(capsys, "--format", "json"))
    }
    checked = 0
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for source in csv.DictReader(handle):
            row = {k.strip().lower(): v for k, v in source.items()}
            from scorecard.benchmarking.fingertips import read_period

            key = (
                row["indicator id"],
                row["area code"],
                read_period(row["time period"]).label,
                row["sex"],
                row["age"],
                row.get("category", ""),
            )
            mine = exported[key]
            for ours, theirs in LIMITS.items():
                assert _four_figures(mine[ours]) == _four_figures(_number(row[theirs])), key
            published = published_comparison(row["compared to england value or percentiles"])
            if published is not None:
                assert mine["comparison"] == published.value, key
            checked += 1
    return checked


def test_a_fingertips_file_round_trips(capsys, db):
    assert assert_round_trip(FIXTURES / "fingertips_smoking.csv", capsys) == 7


REAL_FILES = sorted(DATA.glob("fingertips*.csv")) if DATA.is_dir() else []


@pytest.mark.parametrize("path", REAL_FILES, ids=[p.name for p in REAL_FILES])
def test_a_real_fingertips_extract_round_trips(capsys, db, path):
    assert assert_round_trip(path, capsys) > 0
