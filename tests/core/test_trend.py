"""The chi-squared test for trend over the five most recent points."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorecard.core.ratings import Polarity
from scorecard.core.trend import Trend, chi_squared_for_trend, recent_trend


def test_the_statistic_by_hand():
    # Proportions 10%, 12%, 14%, 16%, 18% of 1,000 each: pooled p = 0.14; Σn·t = 15,000;
    # Σn·t² = 55,000; spread = 55,000 - 15,000²/5,000 = 10,000; Σx·t = 2,300;
    # slope = 2,300 - 0.14 × 15,000 = 200; χ² = 200² / (0.14 × 0.86 × 10,000) = 33.22.
    statistic = chi_squared_for_trend([100, 120, 140, 160, 180], [1000] * 5)
    assert statistic == pytest.approx(33.22, abs=0.005)


def test_a_steady_rise_is_increasing_and_for_higher_is_better_getting_better():
    found = recent_trend([100, 120, 140, 160, 180], [1000] * 5)
    assert found.trend is Trend.INCREASING
    assert found.in_words(Polarity.HIGHER) == "Increasing and getting better"
    assert found.in_words(Polarity.LOWER) == "Increasing and getting worse"
    assert found.in_words(Polarity.NEUTRAL) == "Increasing"


def test_a_small_wobble_is_no_significant_change():
    found = recent_trend([100, 104, 98, 103, 101], [1000] * 5)
    assert found.trend is Trend.NO_CHANGE
    assert found.in_words(Polarity.HIGHER) == "No significant change"


def test_the_level_decides_a_borderline_trend():
    counts = [100, 107, 114, 121, 128]  # χ² = 4.85: above 3.84 (95%), below 9.55 (99.8%)
    assert recent_trend(counts, [1000] * 5, 0.95).trend is Trend.INCREASING
    assert recent_trend(counts, [1000] * 5, 0.998).trend is Trend.NO_CHANGE


@pytest.mark.parametrize(
    ("counts", "denominators"),
    [
        ([100, 120, 140, 160], [1000] * 4),
        ([100, None, 140, 160, 180], [1000] * 5),
        ([100, 120, 140, 160, 180], [1000, 1000, 0, 1000, 1000]),
    ],
)
def test_fewer_than_five_complete_points_are_not_calculated(counts, denominators):
    assert recent_trend(counts, denominators).trend is Trend.NOT_CALCULATED


def test_only_the_last_five_points_count():
    older_fall = [500, 400, 300]
    found = recent_trend([*older_fall, 100, 120, 140, 160, 180], [1000] * 8)
    assert found.trend is Trend.INCREASING


@given(
    st.lists(st.integers(0, 1000), min_size=5, max_size=5),
    st.lists(st.integers(1000, 5000), min_size=5, max_size=5),
)
def test_reversing_the_series_reverses_the_trend(counts, denominators):
    forward = chi_squared_for_trend(counts, denominators)
    backward = chi_squared_for_trend(counts[::-1], denominators[::-1])
    assert backward == pytest.approx(-forward, abs=1e-6)
