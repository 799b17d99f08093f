"""Exports read back what was imported, rated by the rules, with canonical period labels."""

import pytest

from scorecard.core.period_parser import parse_period
from scorecard.interchange.exporter import rating_records, scorecard_document
from scorecard.interchange.importer import import_files

pytestmark = pytest.mark.django_db

HEALTH_VISITOR = [84.8, 91.7, 94.9, 92.1, 93.0, 94.0, 89.5, 85.1]


@pytest.fixture
def health_visitor(tmp_path):
    measures = tmp_path / "m.csv"
    measures.write_text(
        "measure_id,title,outcome,polarity,unit,frequency,target,tolerance,tolerance_type\n"
        "HV,Health Visitor mandated contacts,Health,higher,percent,quarterly,90,10,relative\n"
    )
    periods = [
        "Q2 2017/18",
        "Q3 2017/18",
        "Q4 2017/18",
        "Q1 2018/19",
        "Q2 2018/19",
        "Q3 2018/19",
        "Q4 2018/19",
        "Q1 2019/20",
    ]
    observations = tmp_path / "o.csv"
    observations.write_text(
        "measure_id,period,value\n"
        + "".join(f"HV,{p},{v}\n" for p, v in zip(periods, HEALTH_VISITOR, strict=True))
    )
    import_files([measures, observations])


def test_ratings_match_the_published_health_visitor_series(health_visitor):
    records = rating_records()
    assert [(r["rag"], r["direction"]) for r in records] == [
        ("A", None),
        ("G", "improving"),
        ("G", "improving"),
        ("G", "declining"),
        ("G", "improving"),
        ("G", "improving"),
        ("A", "declining"),
        ("A", "declining"),
    ]


def test_rating_records_use_canonical_period_labels(health_visitor):
    assert rating_records()[0]["period"] == "2017/18 Q2"


def test_rating_records_carry_value_and_target_as_numbers(health_visitor):
    record = rating_records()[0]
    assert (record["value"], record["target"], record["breakdown"]) == (84.8, 90, "")


def test_scorecard_gives_each_measures_latest_rating_as_at_the_period(health_visitor):
    document = scorecard_document(parse_period("Q2 2019/20"))
    assert (document["measures"][0]["period"], document["measures"][0]["rag"]) == (
        "2019/20 Q1",
        "A",
    )


def test_scorecard_as_at_an_earlier_period_ignores_later_values(health_visitor):
    document = scorecard_document(parse_period("Q1 2018/19"))
    assert (document["measures"][0]["value"], document["measures"][0]["direction"]) == (
        92.1,
        "declining",
    )


def test_scorecard_summary_has_each_outcome_and_a_total(health_visitor):
    summary = scorecard_document(parse_period("Q2 2019/20"))["summary"]
    assert summary == [
        {
            "name": "Health",
            "G": 0,
            "A": 1,
            "R": 0,
            "B": 0,
            "improving": 0,
            "steady": 0,
            "declining": 1,
            "pct_on_target": 0,
            "pct_improving": 0,
        },
        {
            "name": "Total",
            "G": 0,
            "A": 1,
            "R": 0,
            "B": 0,
            "improving": 0,
            "steady": 0,
            "declining": 1,
            "pct_on_target": 0,
            "pct_improving": 0,
        },
    ]


def test_unrated_observations_say_why(tmp_path):
    measures = tmp_path / "m.csv"
    measures.write_text("measure_id,title,polarity,unit,frequency\nX,Count,higher,count,monthly\n")
    observations = tmp_path / "o.csv"
    observations.write_text("measure_id,period,value,status\nX,2019-09,,TBC\nX,2019-10,4,\n")
    import_files([measures, observations])
    assert [(r["rag"], r["reason"]) for r in rating_records()] == [
        (None, "no value: TBC"),
        (None, "no target"),
    ]


def test_outcomes_two_plans_share_a_name_with_are_kept_apart(tmp_path):
    framework = tmp_path / "f.csv"
    framework.write_text(
        "level,name,plan_id\nplan,Plan A,a\noutcome,Health,a\nplan,Plan B,b\noutcome,Health,b\n"
    )
    measures = tmp_path / "m.csv"
    measures.write_text(
        "measure_id,title,plan_id,outcome,polarity,unit,frequency,target\n"
        "MA,A,a,Health,higher,count,monthly,10\nMB,B,b,Health,higher,count,monthly,10\n"
    )
    observations = tmp_path / "o.csv"
    observations.write_text("measure_id,period,value\nMA,2019-09,12\nMB,2019-09,5\n")
    import_files([framework, measures, observations])
    summary = scorecard_document(parse_period("2019-09"))["summary"]
    assert [(s["name"], s["G"], s["R"]) for s in summary] == [
        ("Health (Plan A)", 1, 0),
        ("Health (Plan B)", 0, 1),
        ("Total", 1, 1),
    ]


def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_are_defused():
    from scorecard.interchange.exporter import as_csv

    text = as_csv([{"title": '=HYPERLINK("x")', "value": -5.9}], ["title", "value"])
    assert text.splitlines()[1] == '"\'=HYPERLINK(""x"")",-5.9'
