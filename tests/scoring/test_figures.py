"""One function writes a measure's figures for every output: the pages' tag, the papers' cells,
the charts' tables and an item's history all give what `figure` gives; a chart's axis writes
its round ticks in the measure's unit as a target is written."""

from decimal import Decimal
from types import SimpleNamespace

import pytest

from scorecard.audit import registry
from scorecard.core.scales import parse_scale
from scorecard.core.units import figure_decimals
from scorecard.reports import cells
from scorecard.scoring.figures import axis_figures, figure, target_figure
from scorecard.scoring.templatetags.scorecard_tags import measure_value, target_value


def measure(
    unit="percent",
    decimals=None,
    from_figures=False,
    rate_per=None,
    money_unit="millions",
    budget_variance=False,
    scale="",
):
    """Just what writing a figure reads of a measure."""
    return SimpleNamespace(
        unit=unit,
        rate_per=rate_per,
        money_unit=money_unit,
        budget_variance=budget_variance,
        labelled_scale=parse_scale(scale),
        decimals_for=lambda written: figure_decimals(written, decimals, from_figures=from_figures),
    )


@pytest.mark.parametrize(
    "kind, value, counts, written, expected",
    [
        (measure(), Decimal("67"), (Decimal(71), Decimal(106)), None, "67.0% (71/106)"),
        (measure(decimals=1), Decimal("58"), (None, None), 0, "58.0%"),  # the house style wins
        (measure(decimals=2, from_figures=True), Decimal("58"), (None, None), 0, "58%"),
        (measure("money", decimals=1), Decimal("1.2"), (None, None), None, "£1.2m"),
        (measure("rate", rate_per=10000), Decimal("12"), (None, None), None, "12 per 10,000"),
        (measure(), None, (None, None), None, "No value"),
    ],
)
def test_every_output_writes_a_figure_as_figure_does(kind, value, counts, written, expected):
    assert figure(kind, value, *counts, written=written) == expected
    assert measure_value(kind, value, *counts, written=written).startswith(expected)
    if value is not None:
        assert cells.measure_value(kind, value, *counts, written=written).text == expected


@pytest.mark.parametrize(
    "kind, tick, expected",
    [
        (measure(decimals=1), Decimal("70"), "70%"),
        (measure(decimals=1), Decimal("62.5"), "62.5%"),
        (measure("money", decimals=3), Decimal("-10"), "-£10m"),
        (measure("money", decimals=3), Decimal("2.5"), "£2.5m"),
        (measure("days", decimals=1), Decimal("20"), "20 days"),
        (measure("rate", rate_per=10000), Decimal("12"), "12 per 10,000"),
        (measure("count", decimals=0), Decimal("1E+3"), "1,000"),
    ],
)
def test_an_axis_tick_is_written_in_the_unit_with_its_own_digits(kind, tick, expected):
    assert axis_figures(kind)(tick) == target_figure(kind, tick) == expected


def test_a_target_is_written_as_set_never_padded_to_the_figures_decimals():
    kind = measure(decimals=1)
    assert target_figure(kind, Decimal("70")) == "70%"
    assert target_figure(kind, None) == "No target"
    assert target_value(kind, Decimal("70")) == cells.target(kind, Decimal("70")).text == "70%"


def test_a_measures_history_writes_its_figures_with_the_same_function():
    written_by = registry.figure_writers("measures.Measure")
    assert written_by is not None
    as_figure, as_target = written_by
    kind = measure(decimals=1)
    assert as_figure(kind, Decimal("58"), 0) == figure(kind, Decimal("58"), written=0)
    assert as_target(kind, Decimal("70")) == target_figure(kind, Decimal("70"))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("3.158"), "Overspend of £3.158m"),
        (Decimal("-1.067"), "Underspend of £1.067m"),
        (Decimal("0"), "Balanced"),
    ],
)
def test_a_budget_variance_is_worded_by_its_sign_around_the_figure(value, expected):
    variance = measure(unit="money", budget_variance=True)
    cell = cells.measure_value(variance, value)
    assert cell.text == expected and cell.number == value
    if value:
        assert cell.text.endswith(figure(variance, abs(value)))


OFSTED = "1 = Outstanding; 2 = Good; 3 = Requires Improvement to be Good; 4 = Inadequate"


def test_a_code_of_a_labelled_scale_is_its_words_in_every_output():
    grade = measure(unit="score", scale=OFSTED)
    for value, words in (
        (Decimal(2), "Good"),
        (Decimal("3.00000000"), "Requires Improvement to be Good"),
    ):
        assert figure(grade, value) == words
        assert measure_value(grade, value) == words
        assert axis_figures(grade)(value) == words
        assert target_figure(grade, value) == target_value(grade, value) == words
        # The spreadsheet too holds the words, not the code.
        for cell in (cells.measure_value(grade, value), cells.target(grade, value)):
            assert cell.text == words and cell.number is None
    assert registry.figure_writers("measures.Measure")[0](grade, Decimal(1), 0) == "Outstanding"


def test_a_figure_that_is_not_a_code_of_the_scale_is_its_number():
    """An average or a chart's axis between two grades; an import never stores one."""
    grade = measure(unit="score", scale=OFSTED)
    assert figure(grade, Decimal("2.5")) == "2.5"
    assert cells.measure_value(grade, Decimal("2.5")).number == Decimal("2.5")
    assert figure(grade, None) == "No value"
