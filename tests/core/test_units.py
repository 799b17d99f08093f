"""Writing values in their unit for readers: no float noise, no exponents, thousands separated."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorecard.core.units import Unit, format_fraction, format_value, plain_number, rounded

D = Decimal


@pytest.mark.parametrize(
    ("value", "unit", "kwargs", "text"),
    [
        ("84.8", Unit.PERCENT, {}, "84.8%"),
        ("84.80", Unit.PERCENT, {}, "84.8%"),
        ("100", Unit.PERCENT, {"decimals": 1}, "100.0%"),
        ("67.04", Unit.PERCENT, {"decimals": 1}, "67.0%"),
        ("1234", Unit.COUNT, {}, "1,234"),
        ("1234567", Unit.COUNT, {}, "1,234,567"),
        ("999", Unit.COUNT, {}, "999"),
        ("-1234", Unit.COUNT, {}, "-1,234"),
        ("12", Unit.DAYS, {}, "12 days"),
        ("12.5", Unit.DAYS, {}, "12.5 days"),
        ("1234.5", Unit.MONEY, {}, "£1,234.5"),
        ("1234.5", Unit.MONEY, {"decimals": 2}, "£1,234.50"),
        ("-1234.5", Unit.MONEY, {"decimals": 2}, "-£1,234.50"),
        ("2500000", Unit.MONEY, {}, "£2,500,000"),
        ("12.3", Unit.RATE, {"rate_per": 10000}, "12.3 per 10,000"),
        ("45", Unit.RATE, {"rate_per": 1000}, "45 per 1,000"),
        ("45", Unit.RATE, {"rate_per": 100}, "45 per 100"),
        ("12.3", Unit.RATE, {}, "12.3"),
        ("7.5", Unit.SCORE, {}, "7.5"),
        ("1.25", Unit.RATIO, {}, "1.25"),
        ("0", Unit.COUNT, {}, "0"),
        ("0.5", Unit.PERCENT, {}, "0.5%"),
    ],
)
def test_format_value(value, unit, kwargs, text):
    assert format_value(D(value), unit, **kwargs) == text


@pytest.mark.parametrize("unit", list(Unit))
def test_no_value_is_written_as_no_value(unit):
    assert format_value(None, unit) == "No value"


@pytest.mark.parametrize("unit", [u.value for u in Unit])
def test_the_unit_may_be_given_as_text(unit):
    assert format_value(D(5), unit) == format_value(D(5), Unit(unit))


def test_an_unknown_unit_is_refused():
    with pytest.raises(ValueError, match="furlongs"):
        format_value(D(5), "furlongs")


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        ("84.85", 1, "84.9"),  # half up, not to even
        ("84.75", 1, "84.8"),
        ("0.125", 2, "0.13"),
        ("2.5", 0, "3"),
        ("3.5", 0, "4"),
        ("-2.5", 0, "-3"),
        ("1234.5", 0, "1,235"),
        ("7", 2, "7.00"),
    ],
)
def test_decimals_round_half_up(value, decimals, text):
    assert plain_number(D(value), decimals) == text


@pytest.mark.parametrize(
    ("value", "unit", "kwargs", "text"),
    [
        ("1E+2", Unit.COUNT, {}, "100"),
        ("1E+2", Unit.PERCENT, {}, "100%"),
        ("1E+2", Unit.PERCENT, {"decimals": 1}, "100.0%"),
        ("1.5E+3", Unit.COUNT, {}, "1,500"),
        ("1.20E+2", Unit.COUNT, {}, "120"),
        ("1E+6", Unit.MONEY, {}, "£1,000,000"),
        ("0E+3", Unit.COUNT, {}, "0"),
        ("1E-7", Unit.COUNT, {}, "0.0000001"),
        ("1.2E-3", Unit.PERCENT, {}, "0.0012%"),
    ],
)
def test_no_exponent_notation(value, unit, kwargs, text):
    assert format_value(D(value), unit, **kwargs) == text


@pytest.mark.parametrize(
    ("value", "numerator", "denominator", "decimals", "text"),
    [
        ("100", "94", "94", 1, "100.0% (94/94)"),
        ("67.0", "71", "106", None, "67.0% (71/106)"),
        ("66.98", "71", "106", 1, "67.0% (71/106)"),
        ("50", "1000", "2000", None, "50.0% (1,000/2,000)"),
        ("1E+2", "1E+2", "1E+2", None, "100.0% (100/100)"),
    ],
)
def test_format_fraction(value, numerator, denominator, decimals, text):
    result = format_fraction(
        D(value), Unit.PERCENT, D(numerator), D(denominator), decimals=decimals
    )
    assert result == text


@pytest.mark.parametrize(
    ("numerator", "denominator"), [(None, D(106)), (D(71), None), (None, None)]
)
def test_a_fraction_without_both_counts_is_just_the_value(numerator, denominator):
    assert format_fraction(D("67.5"), Unit.PERCENT, numerator, denominator) == "67.5%"


def test_a_fraction_of_a_rate_keeps_the_rate_wording():
    text = format_fraction(D("12.5"), Unit.RATE, D(25), D(20000), rate_per=10000)
    assert text == "12.5 per 10,000 (25/20,000)"


def test_rounded_without_decimals_is_the_value_as_entered():
    assert str(rounded(D("84.80"), None)) == "84.80"


def test_rounded_to_decimals():
    assert rounded(D("84.85"), 1) == D("84.9")


# Values the database holds: up to 24 digits, 8 of them after the point.
stored = st.decimals(
    min_value=D("-9999999999999999.99999999"),
    max_value=D("9999999999999999.99999999"),
    places=8,
    allow_nan=False,
    allow_infinity=False,
)
shapes = st.sampled_from(["1", "1E+2", "1E+5", "1E-3", "1.00"])


@given(stored, shapes)
def test_plain_number_never_uses_exponents(value, shape):
    assert "E" not in plain_number(value.quantize(D(1)) * D(shape))


@given(stored)
def test_plain_number_reads_back_to_the_same_value(value):
    assert D(plain_number(value).replace(",", "")) == value


@given(stored, st.integers(0, 4))
def test_plain_number_with_decimals_shows_exactly_that_many_places(value, decimals):
    text = plain_number(value, decimals)
    assert len(text.partition(".")[2]) == decimals


@given(stored, st.sampled_from(list(Unit)))
def test_format_value_never_uses_exponents(value, unit):
    assert "E" not in format_value(value, unit)
