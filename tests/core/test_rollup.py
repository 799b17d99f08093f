"""Roll-ups of ratings and directions for any group (DESIGN §3; check figures from seed 003)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorecard.core.ratings import Direction, Rag
from scorecard.core.rollup import Rollup, roll_up, whole_percent

G, A, R, B = Rag.GREEN, Rag.AMBER, Rag.RED, Rag.BLUE
UP, STEADY, DOWN = Direction.IMPROVING, Direction.STEADY, Direction.DECLINING


def seed_003() -> Rollup:
    """Seed 003's table: 21 G, 15 A, 1 R; 9 improving, 8 steady, 5 declining."""
    rags = [G] * 21 + [A] * 15 + [R] * 1
    ways = [UP] * 9 + [STEADY] * 8 + [DOWN] * 5
    ways += [None] * (len(rags) - len(ways))
    return roll_up("Corporate Performance Report", zip(rags, ways, strict=True))


# --- the seed's check figures ---------------------------------------------------------------
def test_seed_003_percent_on_target_is_57():
    assert seed_003().pct_on_target == 57


def test_seed_003_percent_improving_is_41():
    assert seed_003().pct_improving == 41


@pytest.mark.parametrize(("rag", "count"), [(G, 21), (A, 15), (R, 1), (B, 0)])
def test_seed_003_rag_counts(rag, count):
    assert seed_003().rag_counts[rag] == count


@pytest.mark.parametrize(("way", "count"), [(UP, 9), (STEADY, 8), (DOWN, 5)])
def test_seed_003_direction_counts(way, count):
    assert seed_003().direction_counts[way] == count


def test_seed_003_as_dict():
    assert seed_003().as_dict() == {
        "name": "Corporate Performance Report",
        "G": 21,
        "A": 15,
        "R": 1,
        "B": 0,
        "improving": 9,
        "steady": 8,
        "declining": 5,
        "pct_on_target": 57,
        "pct_improving": 41,
    }


def test_as_dict_keys_in_order():
    assert list(Rollup("x").as_dict()) == [
        "name",
        "G",
        "A",
        "R",
        "B",
        "improving",
        "steady",
        "declining",
        "pct_on_target",
        "pct_improving",
    ]


# --- what counts ------------------------------------------------------------------------------
def test_blue_is_left_out_of_percent_on_target():
    assert roll_up("x", [(G, None), (R, None)] + [(B, None)] * 5).pct_on_target == 50


def test_blue_is_still_counted():
    assert roll_up("x", [(B, None), (B, None)]).rag_counts[B] == 2


def test_only_blue_gives_no_percent_on_target():
    assert roll_up("x", [(B, None)]).pct_on_target is None


def test_an_unrated_measure_is_counted_as_unrated():
    assert roll_up("x", [(None, UP), (G, None)]).unrated == 1


def test_an_unrated_measure_is_left_out_of_percent_on_target():
    assert roll_up("x", [(None, None), (G, None), (A, None)]).pct_on_target == 50


def test_an_unrated_measure_still_counts_its_direction():
    assert roll_up("x", [(None, UP)]).direction_counts[UP] == 1


def test_a_measure_without_a_direction_is_left_out_of_percent_improving():
    assert roll_up("x", [(G, UP), (G, None), (G, DOWN)]).pct_improving == 50


@pytest.mark.parametrize("way", [Direction.HIGHER, Direction.SAME, Direction.LOWER])
def test_neutral_movements_are_left_out_of_percent_improving(way):
    assert roll_up("x", [(None, way), (G, UP), (G, DOWN)]).pct_improving == 50


@pytest.mark.parametrize("way", [Direction.HIGHER, Direction.SAME, Direction.LOWER])
def test_neutral_movements_alone_give_no_percent_improving(way):
    assert roll_up("x", [(None, way)]).pct_improving is None


def test_an_empty_group_has_no_percent_on_target():
    assert Rollup("empty").pct_on_target is None


def test_an_empty_group_has_no_percent_improving():
    assert Rollup("empty").pct_improving is None


def test_an_empty_group_has_zero_counts():
    assert Rollup("empty").as_dict() == {
        "name": "empty",
        "G": 0,
        "A": 0,
        "R": 0,
        "B": 0,
        "improving": 0,
        "steady": 0,
        "declining": 0,
        "pct_on_target": None,
        "pct_improving": None,
    }


def test_rated_counts_green_amber_and_red():
    assert roll_up("x", [(G, None), (A, None), (R, None), (B, None), (None, None)]).rated == 3


def test_with_direction_counts_only_judged_directions():
    rollup = roll_up("x", [(G, UP), (G, STEADY), (G, DOWN), (None, Direction.HIGHER)])
    assert rollup.with_direction == 3


def test_add_counts_one_measure():
    rollup = Rollup("x")
    rollup.add(A, STEADY)
    assert (rollup.rag_counts[A], rollup.direction_counts[STEADY]) == (1, 1)


# --- whole percentages ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("part", "whole", "percent"),
    [
        (21, 37, 57),
        (9, 22, 41),
        (1, 2, 50),
        (1, 8, 13),  # 12.5 rounds half up, as councils print it
        (3, 8, 38),  # 37.5 rounds half up too (not to even)
        (1, 3, 33),
        (2, 3, 67),
        (0, 5, 0),
        (5, 5, 100),
        (1, 200, 1),  # 0.5 rounds up
        (1, 201, 0),
    ],
)
def test_whole_percent(part, whole, percent):
    assert whole_percent(part, whole) == percent


def test_whole_percent_of_nothing_is_none():
    assert whole_percent(0, 0) is None


# --- adding roll-ups ----------------------------------------------------------------------------
def test_a_sum_keeps_the_first_name():
    assert (Rollup("left") + Rollup("right")).name == "left"


def test_adding_does_not_change_either_side():
    left = roll_up("left", [(G, UP)])
    _ = left + roll_up("right", [(R, DOWN)])
    assert left.as_dict()["R"] == 0


rags = st.sampled_from([*Rag, None])
ways = st.sampled_from([*Direction, None])
entries = st.lists(st.tuples(rags, ways), max_size=40)


@given(entries, entries)
def test_adding_rollups_adds_rag_counts(first, second):
    total = roll_up("a", first) + roll_up("b", second)
    assert total.rag_counts == {
        rag: roll_up("a", first).rag_counts[rag] + roll_up("b", second).rag_counts[rag]
        for rag in Rag
    }


@given(entries, entries)
def test_adding_rollups_adds_direction_counts(first, second):
    total = roll_up("a", first) + roll_up("b", second)
    assert total.direction_counts == {
        way: roll_up("a", first).direction_counts[way] + roll_up("b", second).direction_counts[way]
        for way in Direction
    }


@given(entries, entries)
def test_adding_rollups_adds_unrated(first, second):
    total = roll_up("a", first) + roll_up("b", second)
    assert total.unrated == roll_up("a", first).unrated + roll_up("b", second).unrated


@given(entries, entries)
def test_adding_rollups_is_rolling_up_everything_together(first, second):
    assert (roll_up("a", first) + roll_up("b", second)).as_dict() == roll_up(
        "a", first + second
    ).as_dict()


@given(entries)
def test_every_entry_is_counted_once_as_a_rag_or_unrated(items):
    rollup = roll_up("x", items)
    assert sum(rollup.rag_counts.values()) + rollup.unrated == len(items)


@given(entries)
def test_percent_on_target_is_between_0_and_100(items):
    percent = roll_up("x", items).pct_on_target
    assert percent is None or 0 <= percent <= 100


@given(st.integers(0, 1000), st.integers(1, 1000))
def test_whole_percent_is_within_half_a_point(part, whole):
    assert abs(whole_percent(part, whole) - part * 100 / whole) <= 0.5
