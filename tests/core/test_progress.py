"""Progress statements for outcome indicators, judged by polarity."""

from decimal import Decimal as D

import pytest

from scorecard.core.progress import Benchmark, progress_statement
from scorecard.core.ratings import Polarity

ENGLAND = Benchmark("England", D("10.7"))


@pytest.mark.parametrize(
    ("baseline", "latest", "polarity", "expected"),
    [
        (D("13.6"), D("13.1"), Polarity.LOWER, "Improved since the baseline; worse than England"),
        (D("13.1"), D("13.6"), Polarity.LOWER, "Worsened since the baseline; worse than England"),
        (D("8.4"), D("11.7"), Polarity.HIGHER, "Improved since the baseline; better than England"),
        (D("9"), D("9"), Polarity.HIGHER, "Unchanged since the baseline; worse than England"),
        (D("9"), D("12"), Polarity.NEUTRAL, "Higher than the baseline; higher than England"),
    ],
)
def test_progress_against_baseline_and_england(baseline, latest, polarity, expected):
    assert progress_statement(baseline, latest, polarity, [ENGLAND]) == expected


def test_the_same_as_a_benchmark_says_so():
    statement = progress_statement(None, D("10.7"), Polarity.HIGHER, [ENGLAND])
    assert statement == "The same as England"


def test_several_benchmarks_are_each_judged():
    neighbours = Benchmark("statistical neighbours", D("12"))
    statement = progress_statement(None, D("11"), Polarity.HIGHER, [ENGLAND, neighbours])
    assert statement == "Better than England; worse than statistical neighbours"


def test_without_figures_it_says_there_is_not_enough_data():
    assert progress_statement(None, None, Polarity.HIGHER, [ENGLAND]) == (
        "Not enough data to judge progress"
    )


def test_indicator_progress_compares_like_kinds_only():
    from scorecard.core.periods import Period
    from scorecard.core.progress import Figure, indicator_progress

    latest = Figure(D("47.7"), Period.month(2018, 3))
    baseline = Figure(D("43.8"), Period.month(2017, 3))
    england = Figure(D("62"), Period.calendar_year(2017))
    statement = indicator_progress(latest, baseline, [("England", england)], Polarity.LOWER)
    assert statement == (
        "Worsened since the baseline (not compared with England: a different kind of period)"
    )


def test_indicator_progress_with_no_latest_value():
    from scorecard.core.progress import indicator_progress

    assert indicator_progress(None, None, [], Polarity.HIGHER) == (
        "Not enough data to judge progress"
    )
