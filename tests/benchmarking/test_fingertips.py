"""Fingertips' forms: periods, polarity and value type words, published comparisons."""

import pytest

from scorecard.benchmarking.choices import ValueType
from scorecard.benchmarking.fingertips import (
    infer_polarity,
    infer_value_type,
    published_comparison,
    read_period,
    read_polarity,
)
from scorecard.core.benchmarking import Comparison
from scorecard.core.periods import PeriodError
from scorecard.core.ratings import Polarity


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("2019/20", "2019/20"),
        ("2018", "2018"),
        ("2016 - 18", "2016-2018"),
        ("2016/17 - 18/19", "2016/17-2018/19"),
        ("2019/20 Q2", "2019/20 Q2"),
    ],
)
def test_fingertips_periods_are_read(text, label):
    assert read_period(text).label == label


@pytest.mark.parametrize("text", ["2019 Q5", "2018 - 17", "last year", ""])
def test_unreadable_periods_say_why(text):
    with pytest.raises(PeriodError) as caught:
        read_period(text)
    assert str(caught.value)


@pytest.mark.parametrize(
    ("words", "polarity"),
    [
        ("RAG - High is good", Polarity.HIGHER),
        ("RAG - Low is good ", Polarity.LOWER),
        ("BOB - Blue orange blue", Polarity.NEUTRAL),
        ("lower", Polarity.LOWER),
    ],
)
def test_polarity_words(words, polarity):
    assert read_polarity(words) is polarity


def test_unknown_polarity_words_are_refused():
    with pytest.raises(ValueError, match="not a polarity"):
        read_polarity("up")


@pytest.mark.parametrize(
    ("text", "comparison"),
    [
        ("Better", Comparison.BETTER),
        ("Worse 99.8%", Comparison.WORSE),
        ("Not compared", Comparison.NOT_COMPARED),
        ("Similar", Comparison.SIMILAR),
        ("Highest quintile", None),
        ("", None),
    ],
)
def test_published_comparisons(text, comparison):
    assert published_comparison(text) is comparison


def test_polarity_is_read_from_published_comparisons():
    better_below = [(Comparison.BETTER, -1), (Comparison.WORSE, 1), (Comparison.SIMILAR, 0)]
    assert infer_polarity(better_below) is Polarity.LOWER
    assert infer_polarity([(Comparison.BETTER, 1)]) is Polarity.HIGHER
    assert infer_polarity([(Comparison.HIGHER, 1)]) is Polarity.NEUTRAL
    assert infer_polarity([(Comparison.SIMILAR, 0)]) is None


def test_value_type_is_read_from_figures():
    assert infer_value_type([(7.5, 300, 4000), (10.0, 450, 4500)]) == (ValueType.PROPORTION, 100)
    assert infer_value_type([(360.0, 3600, 100000)]) == (ValueType.CRUDE_RATE, 10000)
    # A standardised rate is not count / denominator times anything.
    assert infer_value_type([(123.4, 300, 4000), (99.0, 450, 4500)]) is None
