"""Counts in words for generated sentences."""

import pytest

from scorecard.core.wording import number_word, plural, share_sentence


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
