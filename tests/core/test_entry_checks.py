"""Checks on an entered figure: what blocks saving, what the counts make, and what only warns."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from scorecard.core.entry_checks import (
    EntryProblem,
    computed_value,
    entry_problems,
    far_from_history,
    final_value,
    reading_problems,
)
from scorecard.core.units import Unit

D = Decimal

counts = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False)
positive_counts = st.decimals(min_value=D("0.01"), max_value=10**9, places=2, allow_nan=False)
readings = st.decimals(min_value=-(10**6), max_value=10**6, places=2, allow_nan=False)


@pytest.mark.parametrize(
    ("unit", "numerator", "denominator", "rate_per", "value"),
    [
        ("percent", "45", "60", None, "75"),
        ("percent", "1", "3", None, "33.33333333"),
        ("rate", "12", "24000", 10000, "5"),
        ("rate", "3", "4", None, "0.75"),
        ("ratio", "3", "4", None, "0.75"),
        ("count", "10", "4", None, "2.5"),
        ("days", "300", "20", None, "15"),
    ],
)
def test_computed_value_by_unit(unit, numerator, denominator, rate_per, value):
    assert computed_value(unit, D(numerator), D(denominator), rate_per) == D(value)


def test_computed_value_refuses_a_zero_denominator():
    with pytest.raises(ValueError, match="denominator is zero"):
        computed_value("percent", D(1), D(0), None)


@given(numerator=counts, denominator=positive_counts)
def test_a_proportion_within_its_denominator_computes_to_a_percent_from_0_to_100(
    numerator, denominator
):
    assume(numerator <= denominator)
    value = computed_value("percent", numerator, denominator, None)
    assert D(0) <= value <= D(100)
    assert entry_problems("percent", value, numerator, denominator) == []


@given(numerator=counts, denominator=positive_counts)
def test_computed_value_keeps_what_the_database_keeps(numerator, denominator):
    value = computed_value("rate", numerator, denominator, 100000)
    exponent = value.as_tuple().exponent
    assert exponent >= -8
    assert len(value.as_tuple().digits) <= 15


@pytest.mark.parametrize(
    ("unit", "value", "numerator", "denominator", "problems"),
    [
        ("percent", "101", None, None, [("value", "A percentage must be between 0 and 100")]),
        ("percent", "-1", None, None, [("value", "The value cannot be less than 0")]),
        ("count", "-3", None, None, [("value", "The value cannot be less than 0")]),
        ("money", "-3", None, None, []),
        ("score", "-3", None, None, []),
        (
            "percent",
            None,
            "61",
            "60",
            [("numerator", "The numerator (61) cannot be more than the denominator (60)")],
        ),
        ("rate", None, "61", "60", []),
        (
            "percent",
            None,
            "1",
            "0",
            [("denominator", "The denominator cannot be 0: nothing can be out of 0")],
        ),
        ("percent", None, "-1", "5", [("numerator", "The numerator cannot be less than 0")]),
        (
            "percent",
            None,
            None,
            None,
            [("value", "Enter a value, or a numerator and a denominator")],
        ),
        (
            "percent",
            None,
            "4",
            None,
            [("denominator", "Enter the denominator as well as the numerator, or neither")],
        ),
        ("percent", "50", None, None, []),
        ("percent", "100", "7", "7", []),
        (
            "percent",
            "0.000000001",
            None,
            None,
            [("value", "The value has more than 8 decimal places")],
        ),
        (
            "count",
            "1e16",
            None,
            None,
            [("value", "The value is too large: it must be under 1,000 trillion")],
        ),
    ],
)
def test_entry_problems(unit, value, numerator, denominator, problems):
    as_decimal = [None if x is None else D(x) for x in (value, numerator, denominator)]
    assert entry_problems(unit, *as_decimal) == [EntryProblem(f, m) for f, m in problems]


@given(value=st.decimals(min_value=D("100.01"), max_value=10**6, places=2))
def test_no_percent_above_100_passes(value):
    problems = entry_problems("percent", value, None, None)
    assert [p.field for p in problems] == ["value"]


@given(unit=st.sampled_from(list(Unit)), value=readings)
def test_every_problem_names_a_field_and_says_something(unit, value):
    for problem in entry_problems(unit.value, value, None, None):
        assert problem.field in {"value", "numerator", "denominator"}
        assert problem.message[0].isupper()


HISTORY = [D(x) for x in ("48.1", "49.7", "50.2", "51.0", "49.9", "50.5")]


def test_a_value_inside_the_history_is_not_far():
    assert far_from_history(D("50"), HISTORY) is None


def test_a_value_a_little_beyond_the_history_is_not_far():
    assert far_from_history(D("53"), HISTORY) is None


def test_a_value_ten_times_the_history_is_far_and_the_warning_says_so():
    warning = far_from_history(D("499"), HISTORY)
    assert warning is not None
    assert "much higher" in warning
    assert "48.1 to 51" in warning


def test_a_value_far_below_is_far():
    warning = far_from_history(D("4.9"), HISTORY)
    assert warning is not None and "much lower" in warning


def test_too_short_a_history_never_warns():
    assert far_from_history(D("1000000"), HISTORY[:3]) is None


def test_a_constant_history_allows_small_changes_but_not_large_ones():
    flat = [D(20)] * 6
    assert far_from_history(D(22), flat) is None
    assert far_from_history(D(200), flat) is not None


@given(history=st.lists(readings, min_size=4, max_size=30))
def test_no_value_within_the_past_range_is_far(history):
    assert far_from_history(min(history), history) is None
    assert far_from_history(max(history), history) is None
    assert far_from_history(sorted(history)[len(history) // 2], history) is None


@given(history=st.lists(readings, min_size=4, max_size=30), offset=positive_counts)
def test_far_is_monotonic_beyond_the_top(history, offset):
    """If a value is far above the history, every larger value is too."""
    top = max(history) + offset
    if far_from_history(top, history) is not None:
        assert far_from_history(top + offset, history) is not None


def test_a_value_given_with_its_counts_must_be_within_five_percent_of_them():
    assert reading_problems("percent", None, D("45.3"), D(453), D(1000)) == []
    assert reading_problems("percent", None, D("47.5"), D(453), D(1000)) == []
    [problem] = reading_problems("percent", None, D("48"), D(453), D(1000))
    assert problem.field == "value" and "does not match" in problem.message


def test_the_value_the_counts_make_is_checked_as_a_value_is():
    [problem] = reading_problems("ratio", None, None, D(-3), D(2))
    assert problem.field == "numerator"
    assert reading_problems("rate", 1000, None, D(3), D(2)) == []


def test_a_status_with_no_figures_is_no_problem_but_a_status_does_not_excuse_bad_figures():
    assert reading_problems("percent", None, None, None, None, status="TBC") == []
    assert reading_problems("percent", None, None, None, None) != []
    assert reading_problems("percent", None, D(120), None, None, status="TBC") != []


def test_the_value_kept_is_as_given_else_worked_out_from_the_counts_for_every_unit():
    # A value given with its counts is the figure as published: kept, never corrected.
    assert final_value("percent", None, D("45"), D(453), D(1000)) == D("45")
    assert final_value("percent", None, None, D(453), D(1000)) == D("45.3")
    assert final_value("count", None, None, D(3), D(2)) == D("1.5")
    assert final_value("rate", 1000, None, D(3), D(2)) == D(1500)
    assert final_value("money", None, D(-7), None, None) == D(-7)
