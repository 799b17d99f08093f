"""Assembling the register, a risk's history and the heat map from the assessments."""

from datetime import date

import pytest
from django.http import Http404

from scorecard.core.periods import Period
from scorecard.core.ratings import Direction
from scorecard.measures.picking import chosen_period
from scorecard.risks import register
from scorecard.risks.models import Risk, RiskAssessment

pytestmark = pytest.mark.django_db


def rows_by_reference(plan=None, period=None) -> dict:
    return {row.risk.reference: row for row in register.register_rows(plan, period)}


def test_latest_assessment_score_band_and_trend(risk_register):
    row = rows_by_reference()["ORG0009"]
    assert (row.latest.score, row.latest.band.name, row.latest.trend) == (
        15,
        "very high",
        Direction.IMPROVING,
    )


def test_change_sentence_is_built_from_the_last_two_assessments(risk_register):
    assert rows_by_reference()["ORG0009"].change == (
        "The score fell from 20 to 15 (improving); the band is very high at both assessments."
    )


def test_history_is_newest_first_with_each_trend_against_the_one_before(risk_register):
    history = rows_by_reference()["ORG0009"].history
    assert [(h.score, h.trend, h.previous_score) for h in history] == [
        (15, Direction.IMPROVING, 20),
        (20, None, None),
    ]


def test_a_rising_score_is_declining(risk_register):
    RiskAssessment.objects.create(
        risk=risk_register["budget"], assessed_on=date(2018, 9, 30), likelihood=4, impact=4
    )
    assert rows_by_reference()["ORG0010"].change == (
        "The score rose from 9 to 16 (declining); the band moved from medium to very high."
    )


def test_an_unchanged_score_is_steady(risk_register):
    RiskAssessment.objects.create(
        risk=risk_register["budget"], assessed_on=date(2018, 9, 30), likelihood=3, impact=3
    )
    assert rows_by_reference()["ORG0010"].change == (
        "The score stayed at 9 (steady); the band is medium at both assessments."
    )


def test_one_assessment_and_none_are_described(risk_register):
    rows = rows_by_reference()
    assert rows["ORG0010"].change.startswith("First assessed on 30 June 2018 with a score of 9")
    assert rows["ORG0011"].change == "This risk has not been assessed yet."
    assert rows["ORG0011"].latest is None


def test_as_at_a_period_only_counts_assessments_made_by_its_end(risk_register):
    rows = rows_by_reference(period=Period.financial_year(2016))
    assert (rows["ORG0009"].latest.score, rows["ORG0009"].latest.trend) == (20, None)
    assert rows["ORG0010"].latest is None


def test_a_plan_shows_only_its_risks(risk_register):
    assert list(rows_by_reference(plan=risk_register["business"])) == ["ORG0010"]


def test_target_band(risk_register):
    row = rows_by_reference()["ORG0009"]
    assert (row.risk.target_score, row.target_band.name) == (10, "high")
    assert rows_by_reference()["ORG0010"].target_band is None


def test_default_bands_with_their_scores_and_shades():
    assert [(b.name, b.lowest, b.highest, b.shade) for b in register.band_ranges()] == [
        ("low", 1, 4, 1),
        ("medium", 5, 9, 2),
        ("high", 10, 14, 3),
        ("very high", 15, 25, 4),
    ]


def test_bands_follow_the_settings(risk_register, settings):
    settings.SCORECARD_RISK_BANDS = "low:1, medium:5, high:10, very high:16"
    row = rows_by_reference()["ORG0009"]
    assert (row.history[1].band.name, row.latest.band.name) == ("very high", "high")
    assert row.change == (
        "The score fell from 20 to 15 (improving); the band moved from very high to high."
    )


def test_fewer_bands_take_the_darker_shades(settings):
    settings.SCORECARD_RISK_BANDS = "acceptable:1, tolerable:8, intolerable:16"
    assert [(b.name, b.scores, b.shade) for b in register.band_ranges()] == [
        ("acceptable", "scores 1 to 7", 2),
        ("tolerable", "scores 8 to 15", 3),
        ("intolerable", "scores 16 to 25", 4),
    ]


def test_more_bands_than_shades_still_rise(settings):
    settings.SCORECARD_RISK_BANDS = "a:1, b:3, c:6, d:10, e:15, f:25"
    ranges = register.band_ranges()
    assert [b.shade for b in ranges] == [1, 2, 2, 3, 3, 4]
    assert ranges[-1].scores == "score 25"


def test_offered_periods_are_each_assessment_dates_quarter_and_year_newest_first(risk_register):
    labels = [p.label for p in register.offered_periods(None)]
    assert labels == ["2018/19", "2018/19 Q1", "2017/18", "2017/18 Q4", "2016/17", "2016/17 Q4"]


def test_offered_periods_for_a_plan(risk_register):
    labels = [p.label for p in register.offered_periods(risk_register["business"])]
    assert labels == ["2018/19", "2018/19 Q1"]


def test_an_unreadable_period_label_still_offers_the_quarter(risk_register):
    RiskAssessment.objects.filter(risk__reference="ORG0010").update(period="autumn review")
    offered = register.offered_periods(risk_register["business"])
    assert [p.label for p in offered] == ["2018/19", "2018/19 Q1"]


@pytest.mark.parametrize("label", ["not a period", "2040/41", "Q3 2018/19", "2018/19 Q13"])
def test_periods_not_offered_are_refused(risk_register, label):
    with pytest.raises(Http404):
        chosen_period(label, register.offered_periods(None), newest=False)


def test_no_period_means_the_latest_assessments():
    assert chosen_period("", [], newest=False) is None


@pytest.mark.parametrize(
    ("day", "label"),
    [
        (date(2019, 3, 31), "2018/19 Q4"),
        (date(2019, 4, 1), "2019/20 Q1"),
        (date(2019, 12, 31), "2019/20 Q3"),
        (date(2020, 1, 1), "2019/20 Q4"),
    ],
)
def test_quarter_of(day, label):
    assert register.quarter_of(day).label == label


def test_heat_map_places_each_risk_by_its_latest_assessment(risk_register):
    heat_map = register.heat_map(register.register_rows(None, None))
    cells = {(c.likelihood, c.impact): c for row in heat_map.rows for c in row.cells}
    assert [r.reference for r in cells[3, 5].risks] == ["ORG0009"]
    assert cells[3, 5].summary == "Score 15: 1 risk"
    assert cells[3, 3].summary == "Score 9: 1 risk"
    assert cells[4, 5].summary == "Score 20: no risks"
    assert (cells[4, 5].band.name, cells[1, 1].band.name) == ("very high", "low")
    assert [r.reference for r in heat_map.unassessed] == ["ORG0011"]
    assert heat_map.placed == 2


def test_heat_map_runs_likelihood_5_to_1_and_impact_1_to_5():
    heat_map = register.heat_map([])
    assert [row.likelihood for row in heat_map.rows] == [5, 4, 3, 2, 1]
    assert [c.impact for c in heat_map.rows[0].cells] == [1, 2, 3, 4, 5]
    assert heat_map.rows[0].words == "almost certain"
    assert [c.score for c in heat_map.rows[0].cells] == [5, 10, 15, 20, 25]


def test_heat_map_cell_counts_several_risks(risk_register):
    RiskAssessment.objects.create(
        risk=risk_register["recruitment"], assessed_on=date(2018, 1, 1), likelihood=3, impact=5
    )
    heat_map = register.heat_map(register.register_rows(None, None))
    assert heat_map.rows[2].cells[4].summary == "Score 15: 2 risks"


def test_register_takes_the_same_few_queries_however_many_risks(
    risk_register, django_assert_max_num_queries
):
    for number in range(30):
        risk = Risk.objects.create(reference=f"EXTRA{number}", title="Another risk")
        RiskAssessment.objects.create(
            risk=risk, assessed_on=date(2018, 1, 1), likelihood=2, impact=2
        )
    with django_assert_max_num_queries(3):
        rows = register.register_rows(None, None)
        assert [len(row.programmes) for row in rows]
        register.heat_map(rows)
    assert len(rows) == 33


def test_a_years_score_given_after_the_year_counts_as_at_that_year(risk_register):
    """ORG0009's 2017/18 score was given in July 2018, for the year-end report."""
    RiskAssessment.objects.filter(risk__reference="ORG0009", period="2017/18").update(
        assessed_on=date(2018, 7, 9)
    )
    year_end = rows_by_reference(period=Period.quarter(2017, 4))["ORG0009"]
    assert year_end.latest.score == 15
    assert rows_by_reference(period=Period.quarter(2017, 3))["ORG0009"].latest.score == 20
    offered = [p.label for p in register.offered_periods(None)]
    assert "2017/18" in offered and "2018/19 Q2" in offered


@pytest.mark.parametrize(
    ("assessed_on", "assessed_for", "counts"),
    [
        (date(2018, 3, 31), "", True),
        (date(2018, 4, 1), "", False),
        (date(2018, 7, 9), "2017/18", True),
        (date(2018, 7, 9), "2018/19 Q1", False),
        (date(2018, 7, 9), "autumn review", False),
    ],
)
def test_counts_as_at_the_end_of_q4_2017_18(assessed_on, assessed_for, counts):
    assert register.counts_as_at(assessed_on, assessed_for, Period.quarter(2017, 4)) is counts
