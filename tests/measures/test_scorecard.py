"""The scorecard's shortcut (a two-year window) gives exactly what rating every reading gives."""

import pytest

from scorecard.core.period_parser import parse_period
from scorecard.measures.periods import available_periods
from scorecard.measures.scorecard import headlines_as_at, measures_for, rate_measures

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
        windowed = headlines_as_at({m.pk: m.rules() for m in measures}, as_at)
        full = full_headlines(as_at)
        assert {k: comparable(v) for k, v in windowed.items()} == {
            k: comparable(v) for k, v in full.items()
        }, as_at.label


def test_scorecard_queries_do_not_grow_with_measures(demo_council, django_assert_max_num_queries):
    measures = list(measures_for())
    with django_assert_max_num_queries(3):
        headlines_as_at({m.pk: m.rules() for m in measures}, parse_period("2019/20 Q2"))
