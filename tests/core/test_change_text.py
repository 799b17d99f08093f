"""Change text: "rose by 112% (Q3: 203 → Q4: 430)" — always relative to the earlier value."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from scorecard.core.change_text import Reading, change_text, percent_change
from scorecard.core.units import MoneyUnit, Unit

D = Decimal


def change(earlier: str, later: str, unit: Unit | str = Unit.COUNT, **kwargs: object) -> str:
    return change_text(Reading("Q3", D(earlier)), Reading("Q4", D(later)), unit, **kwargs)


# --- sentences --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("earlier", "later", "text"),
    [
        ("203", "430", "rose by 112% (Q3: 203 → Q4: 430)"),
        ("430", "203", "fell by 53% (Q3: 430 → Q4: 203)"),
        ("200", "100", "fell by 50% (Q3: 200 → Q4: 100)"),
        ("100", "200", "rose by 100% (Q3: 100 → Q4: 200)"),
        ("1000", "3500", "rose by 250% (Q3: 1,000 → Q4: 3,500)"),
        ("100", "0", "fell by 100% (Q3: 100 → Q4: 0)"),
        ("1000", "1004", "rose by 0.4% (Q3: 1,000 → Q4: 1,004)"),
        ("1000", "995", "fell by 0.5% (Q3: 1,000 → Q4: 995)"),
        ("8", "9", "rose by 13% (Q3: 8 → Q4: 9)"),  # 12.5 rounds half up
        ("-10", "-5", "rose by 50% (Q3: -10 → Q4: -5)"),
        ("-10", "-20", "fell by 100% (Q3: -10 → Q4: -20)"),
        ("5", "5", "was unchanged (Q3: 5 → Q4: 5)"),
        ("5.0", "5", "was unchanged (Q3: 5 → Q4: 5)"),
        ("0", "5", "rose by 5 (Q3: 0 → Q4: 5)"),
        ("0", "-5", "fell by 5 (Q3: 0 → Q4: -5)"),
        ("0", "0", "was unchanged (Q3: 0 → Q4: 0)"),
    ],
)
def test_change_text_for_counts(earlier, later, text):
    assert change(earlier, later) == text


def test_a_fall_is_relative_to_the_earlier_value_not_the_later():
    # the seed said a fall from 430 to 203 was 112%: relative to the later value, which is wrong
    assert "112%" not in change("430", "203")


@pytest.mark.parametrize(
    ("earlier", "later", "text"),
    [
        ("50", "52.5", "rose by 2.5 percentage points (Q3: 50% → Q4: 52.5%)"),
        ("84.8", "91.7", "rose by 6.9 percentage points (Q3: 84.8% → Q4: 91.7%)"),
        ("94.9", "92.1", "fell by 2.8 percentage points (Q3: 94.9% → Q4: 92.1%)"),
        ("50", "53", "rose by 3.0 percentage points (Q3: 50% → Q4: 53%)"),
        ("0", "10", "rose by 10.0 percentage points (Q3: 0% → Q4: 10%)"),
        ("67.0", "67.0", "was unchanged (Q3: 67% → Q4: 67%)"),
    ],
)
def test_percent_measures_change_by_percentage_points(earlier, later, text):
    assert change(earlier, later, Unit.PERCENT) == text


def test_the_unit_may_be_given_as_text():
    assert change("50", "52.5", "percent").startswith("rose by 2.5 percentage points")


@pytest.mark.parametrize(
    ("unit", "text"),
    [
        (Unit.MONEY, "rose by 50% (Q3: £1,000 → Q4: £1,500)"),
        (Unit.DAYS, "rose by 50% (Q3: 1,000 days → Q4: 1,500 days)"),
        (Unit.SCORE, "rose by 50% (Q3: 1,000 → Q4: 1,500)"),
    ],
)
def test_values_are_shown_in_their_unit(unit, text):
    assert change("1000", "1500", unit) == text


def test_decimals_round_the_values_shown():
    assert change("84.83", "91.71", Unit.COUNT, decimals=1) == "rose by 8% (Q3: 84.8 → Q4: 91.7)"


def test_labels_are_the_readings_own():
    text = change_text(Reading("Q3 2018/19", D(203)), Reading("Q4 2018/19", D(430)))
    assert text == "rose by 112% (Q3 2018/19: 203 → Q4 2018/19: 430)"


# --- percent_change -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("earlier", "later", "percent"),
    [("100", "150", "50"), ("200", "100", "-50"), ("-10", "-5", "50"), ("4", "5", "25")],
)
def test_percent_change(earlier, later, percent):
    assert percent_change(D(earlier), D(later)) == D(percent)


def test_percent_change_from_zero_is_none():
    assert percent_change(D(0), D(5)) is None


# --- properties -----------------------------------------------------------------------------
positive = st.decimals(min_value=D("0.01"), max_value=D("1e9"), places=2)
any_value = st.decimals(min_value=D("-1e9"), max_value=D("1e9"), places=2)
STATED_PERCENT = re.compile(r"by ([\d,.]+)% ")


def stated_percent(text: str) -> Decimal:
    return D(STATED_PERCENT.search(text)[1].replace(",", ""))


@given(positive, positive)
def test_stated_percent_is_the_change_relative_to_the_earlier_value(earlier, later):
    exact = abs(later - earlier) * 100 / earlier
    assume(exact >= 1)
    expected = exact.quantize(D(1), rounding=ROUND_HALF_UP)
    assert stated_percent(change(str(earlier), str(later))) == expected


@given(positive, st.integers(-99, 99).filter(lambda points: abs(points) >= 5))
def test_a_change_under_one_percent_is_stated_to_one_place(earlier, basis_points):
    later = earlier + earlier * basis_points / 10000
    expected = (D(abs(basis_points)) / 100).quantize(D("0.1"), rounding=ROUND_HALF_UP)
    assert stated_percent(change(str(earlier), str(later))) == expected


@given(any_value, any_value)
def test_the_verb_follows_the_sign_of_the_change(earlier, later):
    verb = "rose" if later > earlier else "fell" if later < earlier else "was unchanged"
    assert change(str(earlier), str(later)).startswith(verb)


@given(any_value, any_value)
def test_both_values_are_shown_earlier_first(earlier, later):
    text = change(str(earlier), str(later), Unit.COUNT, decimals=2)
    assert text.endswith(f"(Q3: {earlier:,.2f} → Q4: {later:,.2f})")


@given(any_value, any_value)
def test_percent_measures_never_state_a_percent_change(earlier, later):
    assume(earlier != later)
    assert "percentage points" in change(str(earlier), str(later), Unit.PERCENT)


@given(any_value, any_value)
def test_percentage_points_are_the_difference_to_one_place(earlier, later):
    assume(earlier != later)
    text = change(str(earlier), str(later), Unit.PERCENT)
    points = abs(later - earlier).quantize(D("0.1"), rounding=ROUND_HALF_UP)
    assert f"by {points} percentage points" in text


@pytest.mark.parametrize(
    ("earlier", "later", "text"),
    [
        ("1000", "1000.3", "rose by less than 0.1% (Q3: 1,000 → Q4: 1,000.3)"),
        ("2.18", "-5.909", "fell by 8.089 (Q3: 2.18 → Q4: -5.909)"),
    ],
)
def test_tiny_changes_and_changes_across_zero(earlier, later, text):
    assert change(earlier, later) == text


def test_money_in_millions_changes_by_an_amount_across_zero():
    text = change_text(
        Reading("Q4 2017/18", D("2.18")),
        Reading("Q3 2018/19", D("-1.067")),
        Unit.MONEY,
        money_unit=MoneyUnit.MILLIONS,
    )
    assert text == "fell by £3.247m (Q4 2017/18: £2.18m → Q3 2018/19: -£1.067m)"
