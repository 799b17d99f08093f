"""Benchmarking computed from stored values: limits, comparison, rank, quartile, averages."""

import pytest

from scorecard.benchmarking.comparisons import computed_limits, for_indicator, group_average
from scorecard.benchmarking.models import ComparatorGroup, Indicator
from scorecard.core import intervals
from scorecard.core.benchmarking import Comparison

pytestmark = pytest.mark.django_db


def _by_area(indicator_id: str, period: str) -> dict:
    indicator = Indicator.objects.get(indicator_id=indicator_id)
    return {item.row.area.code: item for item in for_indicator(indicator, period)}


def test_each_area_is_compared_with_englands_value(south_west):
    found = _by_area("92196", "2019/20")
    assert {code: item.compared.comparison for code, item in found.items()} == {
        "E92000001": Comparison.NOT_COMPARED,
        "E12000009": Comparison.BETTER,
        "E10000027": Comparison.BETTER,
        "E10000008": Comparison.SIMILAR,
        "E06000022": Comparison.WORSE,
        "E06000023": Comparison.SIMILAR,
        "E06000024": Comparison.NOT_COMPARED,
    }
    assert {item.benchmark for item in found.values()} == {10.0}
    # Somerset is better at 99.8% too; the region's 99.8% interval still lies below England.
    assert found["E10000027"].compared.strongly


def test_rank_and_quartile_are_among_areas_of_the_same_type_best_first(south_west):
    found = _by_area("92196", "2019/20")
    # Lower is better: Somerset 7.5, Devon 10, Bristol 12, BANES 13.3; North Somerset has none.
    ranks = {c: (p.rank, p.quartile, p.out_of) for c, i in found.items() if (p := i.position)}
    assert ranks == {
        "E10000027": (1, 1, 4),
        "E10000008": (2, 2, 4),
        "E06000023": (3, 3, 4),
        "E06000022": (4, 4, 4),
    }
    # England is the benchmark; the South West is the only region in this file.
    assert found["E92000001"].position is None
    assert found["E12000009"].position is None
    assert found["E10000027"].position.top_quartile


def test_missing_limits_are_computed_by_the_value_types_method(south_west):
    found = _by_area("CIN-RATE", "2016-2018")
    somerset = found["E10000027"]
    assert somerset.limits_computed
    _, expected_95 = intervals.rate(3600, 100000, 10000, 0.95)
    _, expected_998 = intervals.rate(3600, 100000, 10000, 0.998)
    assert somerset.limits_95 == expected_95
    assert somerset.limits_998 == expected_998
    # Five events: exact Poisson limits, not Byar's.
    small = found["E06000022"]
    assert small.limits_95 == intervals.poisson_exact(5).scaled(10000 / 200)
    assert small.small_number is False
    assert found["E06000024"].limits_95 is None


def test_published_limits_are_used_as_published(south_west):
    somerset = _by_area("92196", "2019/20")["E10000027"]
    assert not somerset.limits_computed
    assert (somerset.limits_95.lower, somerset.limits_998.upper) == (6.72391, 8.89062)


def test_computed_limits_follow_the_core_methods():
    assert computed_limits("proportion", 100, 7.5, 300, 4000, 0.95) == intervals.wilson(
        300, 4000
    ).scaled(100)
    assert computed_limits("count", 1, 12, 12, None, 0.998) == intervals.count_interval(12, 0.998)
    assert computed_limits("dsr", 100000, 250.0, 50, None, 0.95) == intervals.count_interval(
        50
    ).scaled(5.0)
    assert computed_limits("other", 1, 3.0, 3, 10, 0.95) is None
    assert computed_limits("proportion", 100, 1.0, 5, 2, 0.95) is None  # count above denominator


def test_statistical_neighbour_average(south_west):
    neighbours = ComparatorGroup.objects.get(slug="somerset-neighbours")
    smoking = Indicator.objects.get(indicator_id="92196")
    assert group_average(neighbours, smoking, "2019/20") == pytest.approx((10.0 + 13.3333 + 12) / 3)
    region = ComparatorGroup.objects.get(slug="south-west")
    rate = Indicator.objects.get(indicator_id="CIN-RATE")
    # North Somerset has no value: the average is of the four that have.
    assert group_average(region, rate, "2016-2018") == (360 + 300 + 250 + 500) / 4
    assert group_average(region, rate, "2019/20") is None


def test_computation_makes_one_query(south_west, django_assert_num_queries):
    smoking = Indicator.objects.get(indicator_id="92196")
    with django_assert_num_queries(1):
        for_indicator(smoking, "2019/20")
