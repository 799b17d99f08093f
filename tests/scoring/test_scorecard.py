"""The scorecard's shortcut (a two-year window) gives exactly what rating every reading gives."""

import pytest

from scorecard.core.period_parser import parse_period
from scorecard.core.periods import Period
from scorecard.core.rollup import roll_up
from scorecard.measures.periods import available_periods
from scorecard.scoring.headlines import (
    COMPARISON_STEPS,
    headline_readings,
    headlines_as_at,
    latest_months,
)
from scorecard.scoring.scorecard import ATTENTION, measures_for, rate_measures, summarise
from tests.measures.councils import LAST, PLAN_ID, made_up_council

pytestmark = pytest.mark.django_db


def full_headlines(as_at):
    return {rated.measure.pk: rated.headline(as_at) for rated in rate_measures(measures_for())}


def comparable(headline):
    latest = headline.latest
    return (
        latest.reading.period if latest else None,
        latest.reading.value if latest else None,
        headline.rating,
        headline.direction,
    )


def test_windowed_headlines_equal_full_ratings_for_every_demo_period(demo_council):
    measures = list(measures_for())
    for as_at in available_periods() + [parse_period("2030/31")]:
        full = {k: comparable(v) for k, v in full_headlines(as_at).items()}
        rules = {m.pk: m.rules() for m in measures}
        by_ids = headlines_as_at(rules, as_at)
        by_subquery = headlines_as_at(rules, as_at, measures_for())
        assert {k: comparable(v) for k, v in by_ids.items()} == full, as_at.label
        assert {k: comparable(v) for k, v in by_subquery.items()} == full, as_at.label


def test_windowed_headlines_equal_full_ratings_when_measures_report_in_different_months(db):
    """Most measures report last in one month; the others are read by their ids, and what
    the common month's readings give them beyond their own is dropped."""
    made_up_council(60)
    selected = measures_for(PLAN_ID)
    rules = {m.pk: m.rules() for m in selected}
    assert len(set(latest_months(selected, LAST).values())) > 2
    ends = [LAST.shifted(-back) for back in range(16)]
    for as_at in ends + [Period.quarter(2019, 4), Period.financial_year(2019)]:
        full = {
            rated.measure.pk: comparable(rated.headline(as_at)) for rated in rate_measures(selected)
        }
        windowed = headlines_as_at(rules, as_at, selected)
        assert {k: comparable(v) for k, v in windowed.items()} == full, as_at.label


def test_each_measure_gets_only_readings_of_its_own_latest_month_and_comparison_months(db):
    made_up_council(60)
    selected = measures_for(PLAN_ID)
    latest = latest_months(selected, LAST)
    for measure_id, readings in headline_readings(selected, latest).items():
        wanted = {latest[measure_id] - step for step in (0, *COMPARISON_STEPS)}
        assert {r.period.last_month for r in readings} <= wanted


def test_the_summary_counts_and_lists_what_full_ratings_give(db):
    made_up_council(60)
    full = [(r.measure, r.headline(LAST)) for r in rate_measures(measures_for(PLAN_ID))]
    summary = summarise(LAST, PLAN_ID)
    assert (
        summary.total.as_dict()
        == roll_up("Total", [(h.rag, h.direction) for _, h in full]).as_dict()
    )
    off = [(m, h) for m, h in full if h.rag in ATTENTION]
    off.sort(key=lambda pair: (ATTENTION.index(pair[1].rag), pair[0].title))
    assert summary.off_target == len(off)
    assert [(line.measure.pk, comparable(line.headline)) for line in summary.lines] == [
        (m.pk, comparable(h)) for m, h in off[:20]
    ]


def test_scorecard_queries_do_not_grow_with_measures(demo_council, django_assert_max_num_queries):
    measures = list(measures_for())
    with django_assert_max_num_queries(3):
        headlines_as_at({m.pk: m.rules() for m in measures}, parse_period("2019/20 Q2"))
