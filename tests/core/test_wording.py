"""Counts in words for generated sentences."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorecard.core.wording import (
    capitalised,
    improving_sentence,
    number_word,
    on_target_sentence,
    plural,
    rated_count_sentence,
    share_sentence,
)


@pytest.mark.parametrize(
    ("part", "whole", "sentence"),
    [
        (5, 7, "five of the seven programmes rate Green"),
        (1, 7, "one of the seven programmes rates Green"),
        (7, 7, "all seven programmes rate Green"),
        (0, 7, "none of the seven programmes rates Green"),
        (1, 1, "the one programme rates Green"),
        (0, 1, "the one programme does not rate Green"),
        (0, 0, "no programmes rate Green"),
        (2, 21, "two of the 21 programmes rate Green"),
    ],
)
def test_share_sentence(part, whole, sentence):
    assert share_sentence(part, whole, "programme", "rate Green") == sentence


def test_numbers_up_to_twenty_are_words_and_larger_ones_figures():
    assert [number_word(n) for n in (0, 1, 20, 21, 1500)] == ["no", "one", "twenty", "21", "1,500"]


def test_plural():
    assert plural(1, "risk") == "risk"
    assert plural(2, "risk") == "risks"
    assert plural(2, "person", "people") == "people"


@pytest.mark.parametrize(
    ("green", "rated", "sentence"),
    [
        (21, 37, "21 of 37 measures (57%) are on or exceeding target"),
        (1, 3, "1 of 3 measures (33%) is on or exceeding target"),
        (1, 1, "1 of 1 measure (100%) is on or exceeding target"),
        (0, 0, "No measures are rated against a target"),
        (1500, 2000, "1,500 of 2,000 measures (75%) are on or exceeding target"),
    ],
)
def test_on_target_sentence(green, rated, sentence):
    assert on_target_sentence(green, rated) == sentence


def test_improving_sentence_counts_only_measures_with_a_direction():
    assert improving_sentence(9, 22) == "9 of 22 measures (41%) with a direction are improving"
    assert improving_sentence(0, 0) == "No measures have a direction of performance yet"
    assert improving_sentence(1, 2, "project") == (
        "1 of 2 projects (50%) with a direction is improving"
    )


@given(st.integers(0, 10_000), st.integers(1, 10_000))
def test_on_target_sentence_states_both_counts(green, extra):
    rated = green + extra - 1 if green else extra
    sentence = on_target_sentence(min(green, rated), rated)
    assert f"of {rated:,} " in sentence and sentence.endswith("on or exceeding target")


def test_capitalised_keeps_the_rest_as_written():
    assert capitalised(" five of the seven programmes") == "Five of the seven programmes"
    assert capitalised("ORG0009 safeguarding") == "ORG0009 safeguarding"
    assert capitalised("") == ""


@pytest.mark.parametrize(
    ("counts", "sentence"),
    [
        (
            (1, 1, 55, 0),
            "1 of 56 measures rated: 1 on target; 55 not rated (no target or no figure)",
        ),
        ((21, 37, 0, 0), "37 of 37 measures rated: 21 on target, 16 off target"),
        ((0, 0, 3, 0), "0 of 3 measures rated; 3 not rated (no target or no figure)"),
        (
            (2, 3, 1, 1),
            "3 of 5 measures rated: 2 on target, 1 off target; 1 discontinued or complete (Blue);"
            " 1 not rated (no target or no figure)",
        ),
    ],
)
def test_rated_count_sentence_says_how_many_are_not_rated(counts, sentence):
    assert rated_count_sentence(*counts) == sentence


@given(st.integers(0, 500), st.integers(0, 500), st.integers(0, 500), st.integers(0, 50))
def test_rated_count_sentence_counts_every_measure(green, extra, unrated, blue):
    rated = green + extra
    sentence = rated_count_sentence(green, rated, unrated, blue)
    assert sentence.startswith(f"{rated:,} of {rated + unrated + blue:,} ")
    assert (f"{unrated:,} not rated" in sentence) == bool(unrated)
