"""Comparison with a benchmark as Fingertips makes it, rank and quartile by polarity, the
average of a comparator group, and small numbers."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorecard.core.benchmarking import (
    Comparison,
    compare,
    group_average,
    positions,
    suppressed,
)
from scorecard.core.intervals import Interval
from scorecard.core.ratings import Polarity

NARROW, WIDE = Interval(60.0, 70.0), Interval(55.0, 75.0)


@pytest.mark.parametrize(
    ("benchmark", "polarity", "expected", "strongly"),
    [
        (65.0, Polarity.HIGHER, Comparison.SIMILAR, False),
        (60.0, Polarity.HIGHER, Comparison.SIMILAR, False),  # on the limit: inside
        (50.0, Polarity.HIGHER, Comparison.BETTER, True),
        (57.0, Polarity.HIGHER, Comparison.BETTER, False),  # inside the 99.8% interval
        (50.0, Polarity.LOWER, Comparison.WORSE, True),
        (80.0, Polarity.LOWER, Comparison.BETTER, True),
        (72.0, Polarity.LOWER, Comparison.BETTER, False),
        (80.0, Polarity.HIGHER, Comparison.WORSE, True),
        (50.0, Polarity.NEUTRAL, Comparison.HIGHER, True),
        (80.0, Polarity.NEUTRAL, Comparison.LOWER, True),
    ],
)
def test_the_benchmark_is_compared_with_the_interval(benchmark, polarity, expected, strongly):
    found = compare(benchmark, NARROW, polarity, WIDE)
    assert (found.comparison, found.strongly) == (expected, strongly)


def test_without_a_benchmark_or_an_interval_nothing_is_compared():
    assert compare(None, NARROW, Polarity.HIGHER).comparison is Comparison.NOT_COMPARED
    assert compare(65.0, None, Polarity.HIGHER).comparison is Comparison.NOT_COMPARED


def test_the_comparison_in_words():
    assert compare(50.0, NARROW, Polarity.HIGHER, WIDE).in_words("England") == (
        "Better than England (at the 99.8% level too)"
    )
    assert compare(65.0, NARROW, Polarity.HIGHER).in_words("England") == "Similar to England"
    assert compare(None, NARROW, Polarity.HIGHER).in_words("England") == (
        "Not compared with England"
    )


def test_rank_one_is_the_best_by_polarity_and_ties_share_a_rank():
    values = {"A": 10.0, "B": 30.0, "C": 20.0, "D": 30.0, "E": None}
    higher = positions(values, Polarity.HIGHER)
    assert {area: p.rank for area, p in higher.items()} == {"B": 1, "D": 1, "C": 3, "A": 4}
    lower = positions(values, Polarity.LOWER)
    assert {area: p.rank for area, p in lower.items()} == {"A": 1, "C": 2, "B": 3, "D": 3}
    assert "E" not in higher and higher["A"].out_of == 4


def test_quartiles_of_eight_areas_hold_two_each():
    values = {f"E0{n}": float(n) for n in range(1, 9)}
    found = positions(values, Polarity.HIGHER)
    assert [found[f"E0{n}"].quartile for n in range(8, 0, -1)] == [1, 1, 2, 2, 3, 3, 4, 4]
    assert found["E08"].top_quartile and not found["E06"].top_quartile


def test_an_area_alone_or_first_is_in_the_first_quartile():
    assert positions({"E1": 5.0}, Polarity.HIGHER)["E1"].quartile == 1
    three = positions({"A": 3.0, "B": 2.0, "C": 1.0}, Polarity.HIGHER)
    assert [three[a].quartile for a in "ABC"] == [1, 2, 3]


def test_the_group_average_is_of_the_members_with_a_value():
    values = {"A": 10.0, "B": 20.0, "C": None, "D": 99.0}
    assert group_average(values, ["A", "B", "C"]) == 15.0
    assert group_average(values, ["C", "Z"]) is None


def test_counts_of_one_to_four_are_suppressed():
    assert [suppressed(n) for n in (None, 0, 1, 4, 5)] == [False, False, True, True, False]


@given(st.dictionaries(st.text(min_size=1, max_size=3), st.integers(0, 50), min_size=1))
def test_ranks_and_quartiles_follow_the_values(values):
    floats = {area: float(v) for area, v in values.items()}
    found = positions(floats, Polarity.HIGHER)
    for a in floats:
        for b in floats:
            if floats[a] > floats[b]:
                assert found[a].rank < found[b].rank
                assert found[a].quartile <= found[b].quartile
    assert min(p.rank for p in found.values()) == 1
    assert all(1 <= p.quartile <= 4 for p in found.values())


@given(st.integers(1, 500))
def test_with_no_ties_each_quartile_holds_a_quarter_of_the_areas(count):
    found = positions({str(n): float(n) for n in range(count)}, Polarity.HIGHER)
    sizes = [sum(p.quartile == q for p in found.values()) for q in (1, 2, 3, 4)]
    assert sum(sizes) == count
    assert all(count // 4 <= size <= -(-count // 4) for size in sizes)
