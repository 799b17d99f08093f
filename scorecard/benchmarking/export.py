"""`scorecard export comparisons`: one record per indicator, area, period and breakdown.

Numbers are written at full precision (as stored or computed, in floats); round them to 4
significant figures to compare with a source."""

from __future__ import annotations

from scorecard.benchmarking.comparisons import Benchmarked, benchmarked
from scorecard.benchmarking.import_kinds import VALUE_COLUMNS
from scorecard.benchmarking.models import AreaValue, Indicator

COMPARISON_COLUMNS = [
    "indicator_id",
    "indicator_name",
    "area_code",
    "area_name",
    "area_type",
    "period",
    "sex",
    "age",
    "category_type",
    "category",
    # The figures in the import's own order and names: a comparisons file reads back in.
    *VALUE_COLUMNS,
    "limits",
    "benchmark_value",
    "comparison",
    "at_998",
    "rank",
    "out_of",
    "quartile",
    "top_quartile",
    "small_number",
]


def comparison_records(indicators: list[Indicator] | None = None, period: str | None = None):
    """Records of every value of these indicators (all when None), for a period or all."""
    rows = AreaValue.objects.all()
    if indicators is not None:
        rows = rows.filter(indicator__in=indicators)
    if period:
        rows = rows.filter(period=period)
    ordered = rows.order_by("indicator__indicator_id", "period_last_month", "period", "area__code")
    return [_record(item) for item in benchmarked(ordered)]


def _number(value: float | None) -> float | int | None:
    """A whole number without its ".0" (counts, denominators); anything else as it is."""
    if value is not None and float(value).is_integer():
        return int(value)
    return value


def _limits_source(item: Benchmarked) -> str | None:
    if item.limits_95 is None and item.limits_998 is None:
        return None
    return "computed" if item.limits_computed else "published"


def _record(item: Benchmarked) -> dict:
    row, position = item.row, item.position
    low_95, low_998 = item.limits_95, item.limits_998
    return {
        "indicator_id": row.indicator.indicator_id,
        "indicator_name": row.indicator.name,
        "area_code": row.area.code,
        "area_name": row.area.name,
        "area_type": row.area_type,
        "period": row.period,
        "sex": row.sex,
        "age": row.age,
        "category_type": row.category_type,
        "category": row.category,
        "value": _number(row.value),
        "count": _number(row.count),
        "denominator": _number(row.denominator),
        "lower_95": _number(low_95.lower) if low_95 else None,
        "upper_95": _number(low_95.upper) if low_95 else None,
        "lower_998": _number(low_998.lower) if low_998 else None,
        "upper_998": _number(low_998.upper) if low_998 else None,
        "limits": _limits_source(item),
        "benchmark_value": _number(item.benchmark),
        "comparison": item.compared.comparison.value,
        "at_998": item.compared.strongly,
        "rank": position.rank if position else None,
        "out_of": position.out_of if position else None,
        "quartile": position.quartile if position else None,
        "top_quartile": position.top_quartile if position else None,
        "small_number": item.small_number,
    }
