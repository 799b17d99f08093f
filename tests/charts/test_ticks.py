"""Round ticks: they cover the figures, step by 1, 2, 2.5 or 5 times a power of ten, and stay
within the count asked for, whatever the figures (negative, zero, one value, huge or tiny)."""

from decimal import Decimal as D

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from scorecard.charts.ticks import round_ticks

figures = st.floats(allow_nan=False, allow_infinity=False)
counts = st.integers(min_value=3, max_value=12)


def _is_round(step: D) -> bool:
    """1, 2, 2.5 or 5 times a power of ten."""
    digits = step.normalize().as_tuple().digits
    return digits in ((1,), (2,), (2, 5), (5,))


@given(figures, figures, counts)
@example(0.0, 0.0, 6)
@example(-5.0, -5.0, 6)
@example(1e300, -1e300, 6)
@example(5e-324, 1e-323, 6)
@example(1e-300, 1e300, 3)
@example(-1.0, 1.0, 3)
def test_ticks_cover_the_figures_in_round_even_steps(low, high, most):
    ticks = round_ticks(low, high, most)
    steps = {b - a for a, b in zip(ticks, ticks[1:], strict=False)}
    bottom, top = sorted((D(repr(low)), D(repr(high))))
    assert 2 <= len(ticks) <= most
    assert ticks[0] <= bottom and top <= ticks[-1]
    assert len(steps) == 1 and _is_round(steps.pop())
    assert all(tick % (ticks[1] - ticks[0]) == 0 for tick in ticks)


@given(figures, figures)
def test_six_ticks_at_most_give_three_at_least(low, high):
    """No axis of only its two ends when there is room for more."""
    assert 3 <= len(round_ticks(low, high)) <= 6


@given(figures)
def test_one_value_alone_is_given_room_either_side(value):
    ticks = round_ticks(value, value)
    assert ticks[0] < D(repr(value)) < ticks[-1]


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (70, 91.7, ["70", "75", "80", "85", "90", "95"]),
        (-7.64, 13.131, ["-10", "-5", "0", "5", "10", "15"]),
        (0, 0, ["-1", "-0.5", "0", "0.5", "1"]),
        (48.81, 55.56, ["48", "50", "52", "54", "56"]),
        (0.0012, 0.0013, ["0.0012", "0.00122", "0.00124", "0.00126", "0.00128", "0.0013"]),
        (2.18, 3.03, ["2", "2.25", "2.5", "2.75", "3", "3.25"]),
        (-120, -80, ["-120", "-110", "-100", "-90", "-80"]),
    ],
)
def test_ticks_of_figures_the_demo_charts(low, high, expected):
    assert [f"{tick.normalize():f}" for tick in round_ticks(low, high)] == expected


def test_the_order_of_the_ends_does_not_matter():
    assert round_ticks(10, 1) == round_ticks(1, 10)


def test_an_axis_of_two_ticks_is_refused():
    with pytest.raises(ValueError, match="at least three ticks"):
        round_ticks(0, 1, most=2)
