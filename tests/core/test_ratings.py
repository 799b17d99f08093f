"""Rating against target and direction of performance (DESIGN §3, seed 003 "Key to KPI ratings")."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from scorecard.core.ratings import (
    Direction,
    Polarity,
    Rag,
    Rating,
    Tolerance,
    ToleranceType,
    Unrated,
    direction,
    rate,
)

D = Decimal
HIGHER, LOWER, NEUTRAL = Polarity.HIGHER, Polarity.LOWER, Polarity.NEUTRAL
RELATIVE_10 = Tolerance(D(10), ToleranceType.RELATIVE)
ABSOLUTE_2 = Tolerance(D(2), ToleranceType.ABSOLUTE)
NONE = Tolerance()

# Values as a council stores them: up to 16 whole digits and 8 places (the database's decimals).
values = st.decimals(
    min_value=D("-1e9"), max_value=D("1e9"), places=4, allow_nan=False, allow_infinity=False
)
amounts = st.decimals(min_value=D(0), max_value=D(1000), places=2)
tolerances = st.builds(Tolerance, amounts, st.sampled_from(list(ToleranceType)))
judged = st.sampled_from([HIGHER, LOWER])
RANK = {Rag.GREEN: 0, Rag.AMBER: 1, Rag.RED: 2}


# --- the seed's key, exact decimals -------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "polarity", "tolerance", "expected"),
    [
        # higher is better, target 90, 10% relative tolerance: Amber down to 81
        ("90", HIGHER, RELATIVE_10, Rag.GREEN),
        ("90.00", HIGHER, RELATIVE_10, Rag.GREEN),
        ("95", HIGHER, RELATIVE_10, Rag.GREEN),
        ("89.99", HIGHER, RELATIVE_10, Rag.AMBER),
        ("84.8", HIGHER, RELATIVE_10, Rag.AMBER),
        ("81.0", HIGHER, RELATIVE_10, Rag.AMBER),
        ("81", HIGHER, RELATIVE_10, Rag.AMBER),
        ("80.99", HIGHER, RELATIVE_10, Rag.RED),
        ("0", HIGHER, RELATIVE_10, Rag.RED),
        # higher is better, target 90, 2 points absolute tolerance: Amber down to 88
        ("90", HIGHER, ABSOLUTE_2, Rag.GREEN),
        ("89", HIGHER, ABSOLUTE_2, Rag.AMBER),
        ("88", HIGHER, ABSOLUTE_2, Rag.AMBER),
        ("87.99", HIGHER, ABSOLUTE_2, Rag.RED),
        # lower is better, target 90: the mirror images
        ("90", LOWER, RELATIVE_10, Rag.GREEN),
        ("85", LOWER, RELATIVE_10, Rag.GREEN),
        ("90.01", LOWER, RELATIVE_10, Rag.AMBER),
        ("99.0", LOWER, RELATIVE_10, Rag.AMBER),
        ("99.01", LOWER, RELATIVE_10, Rag.RED),
        ("90", LOWER, ABSOLUTE_2, Rag.GREEN),
        ("92", LOWER, ABSOLUTE_2, Rag.AMBER),
        ("92.01", LOWER, ABSOLUTE_2, Rag.RED),
        # no tolerance: anything worse than target is Red
        ("90", HIGHER, NONE, Rag.GREEN),
        ("89.99", HIGHER, NONE, Rag.RED),
        ("90.01", LOWER, NONE, Rag.RED),
    ],
)
def test_rating_against_a_target_of_90(value, polarity, tolerance, expected):
    assert rate(D(value), D(90), polarity, tolerance).rag is expected


@pytest.mark.parametrize(
    ("value", "target", "polarity", "expected"),
    [
        # a relative tolerance is a share of the target's size, even when the target is negative
        ("-10", "-10", HIGHER, Rag.GREEN),
        ("-11", "-10", HIGHER, Rag.AMBER),
        ("-11.01", "-10", HIGHER, Rag.RED),
        ("-9", "-10", LOWER, Rag.AMBER),
        ("-8.99", "-10", LOWER, Rag.RED),
        # a target of zero leaves no Amber band
        ("0", "0", HIGHER, Rag.GREEN),
        ("-0.01", "0", HIGHER, Rag.RED),
        ("0.01", "0", LOWER, Rag.RED),
    ],
)
def test_relative_tolerance_with_negative_and_zero_targets(value, target, polarity, expected):
    assert rate(D(value), D(target), polarity, RELATIVE_10).rag is expected


@pytest.mark.parametrize(
    ("tolerance", "target", "band"),
    [
        (RELATIVE_10, "90", "9"),
        (RELATIVE_10, "-90", "9"),
        (RELATIVE_10, "0", "0"),
        (Tolerance(D("2.5"), ToleranceType.RELATIVE), "50", "1.25"),
        (ABSOLUTE_2, "90", "2"),
        (ABSOLUTE_2, "0", "2"),
        (NONE, "90", "0"),
    ],
)
def test_tolerance_band(tolerance, target, band):
    assert tolerance.band(D(target)) == D(band)


def test_a_rating_has_no_reason_when_it_has_a_rag():
    assert rate(D(90), D(90), HIGHER) == Rating(Rag.GREEN)


# --- no RAG, and why --------------------------------------------------------------------------
def test_a_neutral_measure_gets_no_rag():
    assert rate(D(50), D(90), NEUTRAL, RELATIVE_10).rag is None


def test_a_neutral_measure_says_it_is_neutral():
    assert rate(D(50), D(90), NEUTRAL, RELATIVE_10).reason == Unrated.NEUTRAL


def test_the_neutral_reason_reads_well():
    assert Unrated.NEUTRAL == "neutral measure: not rated against a target"


@pytest.mark.parametrize("polarity", [HIGHER, LOWER])
def test_no_target_gets_no_rag(polarity):
    assert rate(D(50), None, polarity).rag is None


@pytest.mark.parametrize("polarity", [HIGHER, LOWER])
def test_no_target_says_no_target(polarity):
    assert rate(D(50), None, polarity).reason == "no target"


@pytest.mark.parametrize("polarity", list(Polarity))
def test_no_value_gets_no_rag(polarity):
    assert rate(None, D(90), polarity).rag is None


def test_no_value_without_a_status_says_no_value():
    assert rate(None, D(90), HIGHER).reason == "no value"


@pytest.mark.parametrize("status", ["TBC", "not yet published", "suppressed", "not available"])
def test_no_value_with_a_status_says_the_status(status):
    assert status in rate(None, D(90), HIGHER, status=status).reason


def test_no_value_with_a_status_reads_well():
    assert rate(None, D(90), HIGHER, status="TBC").reason == "no value: TBC"


# --- discontinued -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "target", "polarity"),
    [
        (D(95), D(90), HIGHER),
        (D(10), D(90), HIGHER),
        (D(10), D(90), LOWER),
        (D(10), D(90), NEUTRAL),
        (D(10), None, HIGHER),
        (None, D(90), HIGHER),
    ],
)
def test_a_discontinued_measure_is_blue(value, target, polarity):
    assert rate(value, target, polarity, discontinued=True).rag is Rag.BLUE


# --- labels ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("rag", "label"),
    [(Rag.GREEN, "Green"), (Rag.AMBER, "Amber"), (Rag.RED, "Red"), (Rag.BLUE, "Blue")],
)
def test_rag_label_in_words(rag, label):
    assert rag.label == label


@pytest.mark.parametrize(
    ("rag", "meaning"),
    [
        (Rag.GREEN, "On or better than target"),
        (Rag.AMBER, "Worse than target but within tolerance"),
        (Rag.RED, "Worse than target and outside tolerance"),
        (Rag.BLUE, "Measure discontinued"),
    ],
)
def test_rag_meaning_follows_the_seed_key(rag, meaning):
    assert rag.meaning == meaning


@pytest.mark.parametrize(("rag", "letter"), [(Rag.GREEN, "G"), (Rag.AMBER, "A"), (Rag.RED, "R")])
def test_rag_value_is_its_letter(rag, letter):
    assert rag.value == letter


@pytest.mark.parametrize(("polarity", "sign"), [(HIGHER, 1), (LOWER, -1), (NEUTRAL, 0)])
def test_polarity_sign(polarity, sign):
    assert polarity.sign == sign


@pytest.mark.parametrize(
    ("polarity", "label"),
    [
        (HIGHER, "Higher is better"),
        (LOWER, "Lower is better"),
        (NEUTRAL, "Neither higher nor lower is better"),
    ],
)
def test_polarity_label(polarity, label):
    assert polarity.label == label


@pytest.mark.parametrize(
    ("way", "arrow", "judged"),
    [
        (Direction.IMPROVING, "↑", True),
        (Direction.STEADY, "→", True),
        (Direction.DECLINING, "↓", True),
        (Direction.HIGHER, "↑", False),
        (Direction.SAME, "→", False),
        (Direction.LOWER, "↓", False),
    ],
)
def test_direction_arrow_and_whether_it_judges(way, arrow, judged):
    assert (way.arrow, way.is_judged) == (arrow, judged)


# --- direction --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("current", "previous", "polarity", "band", "expected"),
    [
        ("91.7", "84.8", HIGHER, "0", Direction.IMPROVING),
        ("92.1", "94.9", HIGHER, "0", Direction.DECLINING),
        ("85", "85", HIGHER, "0", Direction.STEADY),
        ("85.0", "85", HIGHER, "0", Direction.STEADY),
        ("80", "85", LOWER, "0", Direction.IMPROVING),
        ("90", "85", LOWER, "0", Direction.DECLINING),
        ("85", "85", LOWER, "0", Direction.STEADY),
        # the steady band is inclusive
        ("85.5", "85", HIGHER, "0.5", Direction.STEADY),
        ("84.5", "85", HIGHER, "0.5", Direction.STEADY),
        ("85.51", "85", HIGHER, "0.5", Direction.IMPROVING),
        ("84.49", "85", HIGHER, "0.5", Direction.DECLINING),
        ("85.5", "85", LOWER, "0.5", Direction.STEADY),
        ("85.51", "85", LOWER, "0.5", Direction.DECLINING),
        ("84.49", "85", LOWER, "0.5", Direction.IMPROVING),
        # neutral measures describe without judging
        ("90", "85", NEUTRAL, "0", Direction.HIGHER),
        ("80", "85", NEUTRAL, "0", Direction.LOWER),
        ("85", "85", NEUTRAL, "0", Direction.SAME),
        ("85.5", "85", NEUTRAL, "0.5", Direction.SAME),
        ("85.51", "85", NEUTRAL, "0.5", Direction.HIGHER),
    ],
)
def test_direction(current, previous, polarity, band, expected):
    assert direction(D(current), D(previous), polarity, D(band)) is expected


@pytest.mark.parametrize("polarity", list(Polarity))
def test_no_previous_value_gives_no_direction(polarity):
    assert direction(D(85), None, polarity) is None


@pytest.mark.parametrize("polarity", list(Polarity))
def test_no_current_value_gives_no_direction(polarity):
    assert direction(None, D(85), polarity) is None


def test_the_steady_band_defaults_to_zero():
    assert direction(D("85.01"), D(85), HIGHER) is Direction.IMPROVING


# --- properties -------------------------------------------------------------------------------
@given(values, judged, tolerances)
def test_equal_to_target_is_green(target, polarity, tolerance):
    assert rate(target, target, polarity, tolerance).rag is Rag.GREEN


@given(values, values, values, tolerances)
def test_a_higher_value_never_rates_worse_when_higher_is_better(v1, v2, target, tolerance):
    assume(v1 >= v2)
    better = rate(v1, target, HIGHER, tolerance).rag
    worse = rate(v2, target, HIGHER, tolerance).rag
    assert RANK[better] <= RANK[worse]


@given(values, values, values, tolerances)
def test_a_lower_value_never_rates_worse_when_lower_is_better(v1, v2, target, tolerance):
    assume(v1 <= v2)
    better = rate(v1, target, LOWER, tolerance).rag
    worse = rate(v2, target, LOWER, tolerance).rag
    assert RANK[better] <= RANK[worse]


@given(values, values, tolerances)
def test_swapping_polarity_mirrors_the_rating(value, target, tolerance):
    assert rate(value, target, HIGHER, tolerance) == rate(
        2 * target - value, target, LOWER, tolerance
    )


@given(values, values, judged, tolerances)
def test_a_judged_measure_with_a_value_and_target_always_gets_g_a_or_r(
    value, target, polarity, tolerance
):
    assert rate(value, target, polarity, tolerance).rag in RANK


@given(values, values, judged)
def test_a_wider_tolerance_never_rates_worse(value, target, polarity):
    narrow = rate(value, target, polarity, Tolerance(D(1))).rag
    wide = rate(value, target, polarity, Tolerance(D(5))).rag
    assert RANK[wide] <= RANK[narrow]


@given(values, values, st.sampled_from(list(Polarity)), tolerances)
def test_discontinued_is_always_blue(value, target, polarity, tolerance):
    assert rate(value, target, polarity, tolerance, discontinued=True).rag is Rag.BLUE


@given(values, values, amounts)
def test_swapping_polarity_mirrors_the_direction(current, previous, band):
    mirror = {
        Direction.IMPROVING: Direction.DECLINING,
        Direction.STEADY: Direction.STEADY,
        Direction.DECLINING: Direction.IMPROVING,
    }
    assert (
        direction(current, previous, LOWER, band)
        is mirror[direction(current, previous, HIGHER, band)]
    )


@given(values, values, judged, amounts)
def test_swapping_current_and_previous_reverses_the_direction(current, previous, polarity, band):
    reverse = {
        Direction.IMPROVING: Direction.DECLINING,
        Direction.STEADY: Direction.STEADY,
        Direction.DECLINING: Direction.IMPROVING,
    }
    assert (
        direction(previous, current, polarity, band)
        is reverse[direction(current, previous, polarity, band)]
    )


@given(values, amounts, judged)
def test_a_change_within_the_steady_band_is_steady(previous, band, polarity):
    assert direction(previous + band, previous, polarity, band) is Direction.STEADY


@given(values, values, amounts)
def test_neutral_direction_is_never_judged(current, previous, band):
    assert not direction(current, previous, NEUTRAL, band).is_judged
