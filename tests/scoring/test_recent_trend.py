"""The measure page's recent trend: the chi-squared test for trend over five years of an annual
percentage, in words by polarity, or why it could not be done."""

from decimal import Decimal

import pytest
from django.utils import timezone

from scorecard.core.period_parser import parse_period
from scorecard.measures.models import Measure, Observation
from scorecard.scoring.rows import recent_trend_words
from scorecard.scoring.scorecard import rate_measures

pytestmark = pytest.mark.django_db

YEARS = ["2014/15", "2015/16", "2016/17", "2017/18", "2018/19"]


def measure_with(figures, polarity="higher", unit="percent", frequency="annual", years=YEARS):
    measure = Measure.objects.create(
        measure_id="TREND", title="Pupils", polarity=polarity, unit=unit, frequency=frequency
    )
    for year, (numerator, denominator) in zip(years, figures, strict=True):
        value = None if numerator is None else Decimal(numerator * 100) / Decimal(denominator)
        observation = Observation(
            measure=measure,
            value=value if value is not None else Decimal(50),
            numerator=numerator,
            denominator=denominator,
            entered_at=timezone.now(),
        )
        observation.set_period(parse_period(year))
        observation.save()
    return rate_measures([measure])[0]


RISING = [(400, 1000), (430, 1000), (460, 1000), (490, 1000), (520, 1000)]
FLAT = [(500, 1000), (505, 1000), (498, 1000), (502, 1000), (500, 1000)]


@pytest.mark.parametrize(
    ("figures", "polarity", "words"),
    [
        (RISING, "higher", "Increasing and getting better"),
        (RISING, "lower", "Increasing and getting worse"),
        (RISING[::-1], "higher", "Decreasing and getting worse"),
        (RISING, "neutral", "Increasing"),
        (FLAT, "higher", "No significant change"),
    ],
)
def test_five_years_with_numerators_give_the_trend_in_words(figures, polarity, words):
    assert recent_trend_words(measure_with(figures, polarity)) == words


def test_fewer_than_five_years_are_not_enough():
    rated = measure_with(RISING[:3], years=YEARS[:3])
    assert recent_trend_words(rated) == "Not calculated: it needs five years of figures (3 so far)"


def test_a_missing_year_stops_the_test():
    years = ["2012/13", *YEARS[1:]]
    assert "not five years in a row" in recent_trend_words(measure_with(RISING, years=years))


def test_a_year_without_its_numerator_stops_the_test():
    figures = [*RISING[:4], (None, 1000)]
    assert "needs its numerator and denominator" in recent_trend_words(measure_with(figures))


@pytest.mark.parametrize(("unit", "frequency"), [("count", "annual"), ("percent", "quarterly")])
def test_the_test_is_only_for_annual_percentages(unit, frequency):
    periods = ["2018/19 Q1", "2018/19 Q2", "2018/19 Q3", "2018/19 Q4", "2019/20 Q1"]
    years = YEARS if frequency == "annual" else periods
    rated = measure_with(RISING, unit=unit, frequency=frequency, years=years)
    assert recent_trend_words(rated) is None


def test_the_measure_page_shows_it(client):
    measure_with(RISING)
    page = client.get("/measures/TREND/").content.decode()
    assert "Recent trend" in page
    assert "Increasing and getting better" in page
