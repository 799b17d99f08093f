"""Confidence intervals against published worked examples, to 4 significant figures, and
their properties."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorecard.core.intervals import (
    AgeBand,
    IntervalError,
    byar,
    count_interval,
    dsr,
    poisson_exact,
    proportion,
    rate,
    wilson,
    z_score,
)


def sig4(number: float) -> float:
    return float(f"{number:.4g}")


@pytest.mark.parametrize(
    ("count", "denominator", "lower", "upper"),
    [
        # Newcombe (1998), Statistics in Medicine 17:857-872, Table II, method 3 (Wilson
        # score), to the 4 decimal places published.
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0, 0.1611),
        (1, 29, 0.0061, 0.1718),
        (29, 29, 0.8830, 1.0),
    ],
)
def test_wilson_reproduces_newcombes_worked_examples(count, denominator, lower, upper):
    interval = wilson(count, denominator)
    assert math.isclose(interval.lower, lower, abs_tol=0.00005)
    assert math.isclose(interval.upper, upper, abs_tol=0.00005)


@pytest.mark.parametrize(
    ("count", "lower", "upper"),
    [
        # Exact (Garwood) 95% limits of a Poisson count, as tabulated in the PHE/APHO
        # technical guidance and in standard tables.
        (0, 0.0, 3.689),
        (1, 0.02532, 5.572),
        (5, 1.623, 11.67),
        (9, 4.115, 17.08),
    ],
)
def test_exact_poisson_limits_reproduce_the_tables(count, lower, upper):
    interval = poisson_exact(count)
    assert sig4(interval.lower) == lower
    assert sig4(interval.upper) == upper


def test_byars_method_reproduces_the_worked_example_for_ten_events():
    # Byar's approximation for 10 events (PHE technical guidance): 4.787 to 18.39; the exact
    # limits (4.795 to 18.39) show how close it is from 10 events up.
    assert (sig4(byar(10).lower), sig4(byar(10).upper)) == (4.787, 18.39)
    assert (sig4(poisson_exact(10).lower), sig4(poisson_exact(10).upper)) == (4.795, 18.39)


def test_counts_below_ten_are_exact_and_from_ten_byars():
    assert count_interval(9) == poisson_exact(9)
    assert count_interval(10) == byar(10)


def test_the_z_scores_of_the_two_levels():
    assert sig4(z_score(0.95)) == 1.960
    assert sig4(z_score(0.998)) == 3.090


def test_a_rate_per_100000_scales_its_counts_limits():
    value, interval = rate(65, 1_000_000)
    assert value == pytest.approx(6.5)
    assert (sig4(interval.lower), sig4(interval.upper)) == (5.016, 8.285)


def test_a_percentage_is_its_wilson_interval_times_100():
    value, interval = proportion(81, 263)
    assert sig4(value) == 30.80
    assert (sig4(interval.lower), sig4(interval.upper)) == (25.53, 36.62)


def test_a_dsr_of_one_band_is_its_crude_rate_with_the_counts_limits():
    """With one age band Dobson's interval reduces to the count's own limits."""
    value, interval = dsr([AgeBand(count=65, population=1_000_000, standard=1)])
    crude, limits = rate(65, 1_000_000)
    assert value == pytest.approx(crude)
    assert interval.lower == pytest.approx(limits.lower)
    assert interval.upper == pytest.approx(limits.upper)


def test_a_dsr_weights_each_band_by_the_standard_population():
    bands = [AgeBand(10, 10_000, 3), AgeBand(90, 10_000, 1)]
    value, interval = dsr(bands)
    # (3 × 10/10,000 + 1 × 90/10,000) / 4 per 100,000
    assert value == pytest.approx((3 * 0.001 + 1 * 0.009) / 4 * 100_000)
    assert interval.lower < value < interval.upper


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda: wilson(5, 0), "more than 0"),
        (lambda: wilson(6, 5), "between 0 and the denominator"),
        (lambda: byar(-1), "0 or more"),
        (lambda: poisson_exact(2.5), "whole count"),
        (lambda: rate(5, 0), "population"),
        (lambda: dsr([AgeBand(0, 100, 1)]), "at least one event"),
        (lambda: wilson(1, 2, confidence=95), "between 0 and 1"),
    ],
)
def test_impossible_figures_are_refused_in_words(call, words):
    with pytest.raises(IntervalError, match=words):
        call()


counts = st.integers(min_value=0, max_value=5000)


@given(count=counts, extra=counts)
def test_a_wilson_interval_holds_the_value_and_widens_with_confidence(count, extra):
    denominator = count + extra + 1
    p = count / denominator
    narrow, wide = wilson(count, denominator, 0.95), wilson(count, denominator, 0.998)
    assert 0 <= wide.lower <= narrow.lower <= p <= narrow.upper <= wide.upper <= 1


@given(count=st.integers(min_value=0, max_value=3000))
def test_a_count_interval_holds_the_count_and_widens_with_confidence(count):
    narrow, wide = count_interval(count, 0.95), count_interval(count, 0.998)
    assert 0 <= wide.lower <= narrow.lower <= count <= narrow.upper <= wide.upper


@given(
    st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=500),
            st.integers(min_value=1000, max_value=100_000),
            st.integers(min_value=1, max_value=10_000),
        ),
        min_size=1,
        max_size=19,
    ).filter(lambda bands: sum(band[0] for band in bands) > 0)
)
def test_a_dsr_interval_holds_the_rate_and_widens_with_confidence(bands):
    age_bands = [AgeBand(*band) for band in bands]
    value, narrow = dsr(age_bands, confidence=0.95)
    _, wide = dsr(age_bands, confidence=0.998)
    assert wide.lower <= narrow.lower <= value * (1 + 1e-9) and value <= narrow.upper * (1 + 1e-9)
    assert narrow.upper <= wide.upper
