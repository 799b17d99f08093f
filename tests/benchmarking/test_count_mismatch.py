"""A value its count does not make (a most-deprived decile's figure beside a count of another
population, a standardised value): kept as published, warned about on import with its row and
column, and never given a confidence interval worked out from that count, so that it is not
called better than England where it is worse."""

import pytest

from scorecard.benchmarking.comparisons import computed_limits, for_indicator
from scorecard.benchmarking.models import AreaValue, Indicator
from scorecard.core.benchmarking import Comparison, counts_disagree, rounding_of
from scorecard.interchange.importer import import_files

pytestmark = pytest.mark.django_db

HEADER = (
    "Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,AreaName,Area Type,Sex,Age,"
    "Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,"
    "Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,"
    "Compared to England value or percentiles\n"
)
DECILE = "County & UA deprivation deciles in England (IMD2019)"


def _row(category: str, value: str, count: str, denominator: str) -> str:
    return (
        f"CIN-RATE,Children in need per 10000 children,,,E10000027,Somerset,County & UA,"
        f",,{DECILE if category else ''},{category},2016 - 18,{value},,,,,"
        f"{count},{denominator},,,\n"
    )


def test_a_decile_value_its_count_does_not_make_is_not_called_better(south_west, write):
    # Children in need per 10,000, lower is better; England 330. The most-deprived decile's
    # figure is 420 (worse), but its row carries a count that makes 200: an interval from that
    # count lies wholly below England and would call 420 "better".
    text = HEADER + _row("Most deprived decile (IMD2019)", "420", "2000", "100000")
    result = import_files([write("fingertips.csv", text)])
    [warning] = result.warnings
    assert (warning.file, warning.row, warning.column) == ("fingertips.csv", 2, "value")
    assert "not what the count and denominator make (200" in warning.reason
    stored = AreaValue.objects.get(category__startswith="Most deprived")
    assert stored.value == 420
    indicator = Indicator.objects.get(indicator_id="CIN-RATE")
    [decile] = [
        b for b in for_indicator(indicator, "2016-2018") if b.row.category.startswith("Most")
    ]
    assert decile.limits_95 is None and decile.limits_998 is None
    assert decile.compared.comparison is Comparison.NOT_COMPARED
    assert decile.compared.in_words("England") == (
        "Not compared with England: the value (420.0) is not its count ÷ denominator × 10,000 "
        "(2,000 ÷ 100,000 × 10,000 = 200.0), so no confidence interval is worked out from the "
        "count"
    )


def test_a_value_its_count_makes_is_still_compared_with_a_computed_interval(south_west, write):
    text = HEADER + _row("Least deprived decile (IMD2019)", "200", "2000", "100000")
    assert import_files([write("fingertips.csv", text)]).warnings == []
    indicator = Indicator.objects.get(indicator_id="CIN-RATE")
    [decile] = [
        b for b in for_indicator(indicator, "2016-2018") if b.row.category.startswith("Least")
    ]
    assert decile.limits_computed
    assert decile.compared.comparison is Comparison.BETTER


def test_computed_limits_refuse_a_count_that_does_not_make_the_value():
    assert computed_limits("crude_rate", 10000, 420, 2000, 100000, 0.95) is None
    assert computed_limits("crude_rate", 10000, 200, 2000, 100000, 0.95) is not None
    assert computed_limits("proportion", 100, 14.9, 31, 207, 0.95) is None  # 14.98
    assert computed_limits("proportion", 100, 15.0, 31, 207, 0.95) is not None
    assert computed_limits("count", 1, 12, 10, None, 0.95) is None
    # A standardised rate is not count ÷ denominator: its limits come from its own value.
    assert computed_limits("dsr", 100000, 420, 2000, 100000, 0.95) is not None


@pytest.mark.parametrize(
    ("value", "made", "agrees"),
    [
        (122.6871, 122.68705, True),  # Fingertips' five places: within 4 significant figures
        (14.9, 14.9758, False),
        (15.0, 14.9758, True),
        (0.61, 0.6135, True),
        (0.6, 0.6135, True),
        (0.59, 0.6135, False),
        (0.0, 0.0, True),
    ],
)
def test_the_rounding_a_published_estimate_may_have(value, made, agrees):
    assert (counts_disagree(value, made, 1, 1) is None) is agrees
    assert rounding_of(value) > 0
