"""Benchmarking computed from stored values: limits where the source gave none, the England
benchmark, each area's comparison with it, rank and quartile among areas of the same type, and
the average of a comparator group. One query per call; the rest is arithmetic on its rows."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import QuerySet

from scorecard.benchmarking.choices import ValueType
from scorecard.benchmarking.models import (
    ENGLAND_CODE,
    Area,
    AreaValue,
    ComparatorGroup,
    Indicator,
)
from scorecard.core import benchmarking, intervals
from scorecard.core.benchmarking import (
    Compared,
    Comparison,
    Position,
    compare,
    positions,
    suppressed,
)
from scorecard.core.intervals import Interval, IntervalError

LEVELS = (0.95, 0.998)


@dataclass(frozen=True)
class Benchmarked:
    """An area's value with everything worked out about it."""

    row: AreaValue
    limits_95: Interval | None
    limits_998: Interval | None
    # True when we computed the limits; False when the source published them (or there are none).
    limits_computed: bool
    benchmark: float | None
    compared: Compared
    position: Position | None

    @property
    def small_number(self) -> bool:
        return suppressed(self.row.count)


def computed_limits(
    value_type: str,
    multiplier: float,
    value: float | None,
    count: float | None,
    denominator: float | None,
    confidence: float,
) -> Interval | None:
    """Limits from count and denominator by the method for the value type (PHE/OHID technical
    guidance): Wilson for a proportion, exact Poisson or Byar for a count or crude rate.

    A directly standardised rate needs its age bands for Dobson's method; given only its total
    count, its limits are the count's, carried to the rate by value / count (Dobson's method with
    equal weights). Sources publish DSRs with their limits, so this is a fallback."""
    if count is None:
        return None
    if count_mismatch(value_type, multiplier, value, count, denominator) is not None:
        return None  # an interval around what the count makes, not around the value
    try:
        if value_type == ValueType.PROPORTION and denominator:
            return intervals.wilson(count, denominator, confidence).scaled(multiplier)
        if value_type == ValueType.CRUDE_RATE and denominator:
            return intervals.rate(count, denominator, multiplier, confidence)[1]
        if value_type == ValueType.COUNT:
            return intervals.count_interval(count, confidence)
        if value_type == ValueType.DSR and value is not None and count > 0:
            return intervals.count_interval(count, confidence).scaled(value / count)
    except IntervalError:
        return None
    return None


def count_mismatch(
    value_type: str,
    multiplier: float,
    value: float | None,
    count: float | None,
    denominator: float | None,
) -> float | None:
    """What the count makes, for a value of a type made from its count (a proportion, a crude
    rate, a count) that the count does not make beyond rounding; else None."""
    if value_type in (ValueType.PROPORTION, ValueType.CRUDE_RATE) and denominator:
        return benchmarking.counts_disagree(value, count, denominator, multiplier)
    if value_type == ValueType.COUNT:
        return benchmarking.counts_disagree(value, count, None, 1)
    return None


def mismatch_reason(indicator: Indicator, row: AreaValue, made: float) -> str:
    """Why a value with no published interval is not compared, in words."""
    if indicator.value_type == ValueType.COUNT:
        counts = f"its count ({row.count:,g})"
    else:
        counts = (
            f"its count ÷ denominator × {indicator.multiplier:,g} "
            f"({row.count:,g} ÷ {row.denominator:,g} × {indicator.multiplier:,g} = {made:,.1f})"
        )
    return (
        f"the value ({row.value:,.1f}) is not {counts}, so no confidence interval is worked out "
        "from the count"
    )


def _limits(row: AreaValue, indicator: Indicator) -> tuple[Interval | None, Interval | None, bool]:
    published = [
        Interval(lower, upper) if lower is not None and upper is not None else None
        for lower, upper in ((row.lower_95, row.upper_95), (row.lower_998, row.upper_998))
    ]
    if row.value is None:
        return published[0], published[1], False
    computed = False
    for index, confidence in enumerate(LEVELS):
        if published[index] is None:
            published[index] = computed_limits(
                indicator.value_type,
                indicator.multiplier,
                row.value,
                row.count,
                row.denominator,
                confidence,
            )
            computed = computed or published[index] is not None
    return published[0], published[1], computed


def _benchmark_key(row: AreaValue) -> tuple:
    return (row.indicator_id, row.period, row.sex, row.age)


def _rank_key(row: AreaValue) -> tuple:
    return (row.indicator_id, row.period, *row.breakdown, row.area_type)


def benchmarked(rows: QuerySet[AreaValue]) -> Iterator[Benchmarked]:
    """Every row of the queryset, benchmarked against England's value for the same indicator,
    period, sex and age, and ranked among the rows of its area type and breakdown. The
    queryset should hold whole indicator-periods (England's rows and every area's)."""
    loaded = list(rows.select_related("area", "indicator"))
    england: dict[tuple, float | None] = {}
    by_rank: dict[tuple, dict[str, float | None]] = defaultdict(dict)
    for row in loaded:
        if row.area.code == ENGLAND_CODE:
            if not row.category_type:
                england[_benchmark_key(row)] = row.value
        else:
            by_rank[_rank_key(row)][row.area.code] = row.value
    polarity = {row.indicator_id: row.indicator.polarity_or_neutral for row in loaded}
    # A rank among one area is no rank (and the core would put it in the fourth quartile).
    placed = {
        key: positions(values, polarity[key[0]]) if len(values) > 1 else {}
        for key, values in by_rank.items()
    }
    for row in loaded:
        low_95, low_998, computed = _limits(row, row.indicator)
        is_england = row.area.code == ENGLAND_CODE
        benchmark = england.get(_benchmark_key(row))
        if is_england or row.value is None:
            compared = compare(None, None, row.indicator.polarity_or_neutral)
        else:
            compared = compare(benchmark, low_95, row.indicator.polarity_or_neutral, low_998)
            made = count_mismatch(
                row.indicator.value_type,
                row.indicator.multiplier,
                row.value,
                row.count,
                row.denominator,
            )
            if low_95 is None and made is not None and benchmark is not None:
                reason = mismatch_reason(row.indicator, row, made)
                compared = Compared(Comparison.NOT_COMPARED, reason=reason)
        position = None if is_england else placed[_rank_key(row)].get(row.area.code)
        yield Benchmarked(row, low_95, low_998, computed, benchmark, compared, position)


def for_indicator(indicator: Indicator, period: str | None = None) -> list[Benchmarked]:
    """An indicator's values benchmarked, for one period or all."""
    return list(benchmarked(AreaValue.objects.of(indicator, period)))


def group_average(
    group: ComparatorGroup,
    indicator: Indicator,
    period: str,
    sex: str | None = None,
    age: str | None = None,
) -> float | None:
    """The plain average of the group's members' values (as the DfE's statistical-neighbour
    average), in one query; the breakdown is the indicator's only one when not given."""
    rows = AreaValue.objects.of(indicator, period).filter(
        area__memberships__group=group, category_type=""
    )
    if sex is not None:
        rows = rows.filter(sex=sex)
    if age is not None:
        rows = rows.filter(age=age)
    found = list(rows.values_list("area__code", "value", "sex", "age"))
    if len({(s, a) for _, _, s, a in found}) > 1:
        raise ValueError(f"{indicator.indicator_id} has several breakdowns: give sex and age")
    values = {code: value for code, value, _, _ in found}
    return benchmarking.group_average(values, group.member_codes())


@dataclass(frozen=True)
class AreaComparison:
    """How an organisation's area compares on a measure's comparator indicator, for the latest
    period that has a value for the area: what the measure page's "How we compare" shows."""

    indicator: Indicator
    period: str
    ours: Benchmarked
    england: float | None
    neighbours: ComparatorGroup | None
    neighbour_average: float | None
    # The region's own published value (Fingertips publishes regions beside England).
    region: Area | None
    region_value: float | None
    # Every area of our area's type with a value, best first: the chart and its table.
    ranked: list[Benchmarked]

    @property
    def compared_in_words(self) -> str:
        return self.ours.compared.in_words("England")

    @property
    def period_shown(self) -> str:
        """The period as reports write it ("Q2 2019/20"; a year stays "2022/23")."""
        return self.ours.row.period_obj.display

    @property
    def in_words(self) -> str:
        """ "In 2022/23, worse than England; 61st of 103, third quartile": for a progress
        statement or a report, where the figures beside it are not shown."""
        compared = self.ours.compared.in_words("England")
        sentence = f"In {self.period_shown}, {compared[:1].lower()}{compared[1:]}"
        if self.ours.position is not None:
            sentence += f"; {self.position_in_words}"
            if self.ours.position.top_quartile:
                sentence += " (top quartile)"
        return sentence

    @property
    def position_in_words(self) -> str:
        """ "12th of 151, second quartile" (1st is the best)."""
        position = self.ours.position
        if position is None:
            return "Not ranked"
        return (
            f"{ordinal(position.rank)} of {position.out_of}, "
            f"{QUARTILE_WORDS[position.quartile]} quartile"
        )


QUARTILE_WORDS = {1: "first", 2: "second", 3: "third", 4: "fourth"}


def ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def for_area(indicator: Indicator, area, up_to_month: int | None = None) -> AreaComparison | None:
    """The latest comparison of the area (or its successor, under which later figures are
    published) on the indicator, of a period ended by `up_to_month` when given (a report for a
    quarter shows nothing newer); None when the indicator has no such value for it."""
    places = area.with_successors()
    found = AreaValue.objects.of(indicator).filter(
        area__in=places, category_type="", value__isnull=False
    )
    if up_to_month is not None:
        found = found.filter(period_last_month__lte=up_to_month)
    latest = found.order_by("-period_last_month", "-pk").first()
    if latest is None:
        return None
    rows = AreaValue.objects.of(indicator, latest.period).filter(
        sex=latest.sex, age=latest.age, category_type=""
    )
    found = list(benchmarked(rows))
    ours = next(b for b in found if b.row.pk == latest.pk)
    ranked = sorted(
        (b for b in found if b.position is not None and b.row.area_type == latest.area_type),
        key=lambda b: (b.position.rank, b.row.area.name),
    )
    group = ComparatorGroup.objects.statistical_neighbours_of(area)
    average = (
        group_average(group, indicator, latest.period, latest.sex, latest.age) if group else None
    )
    region = ours.row.area.region or area.region
    region_value = _value_of(rows, region) if region else None
    return AreaComparison(
        indicator=indicator,
        period=latest.period,
        ours=ours,
        england=ours.benchmark,
        neighbours=group,
        neighbour_average=average,
        region=region,
        region_value=region_value,
        ranked=ranked,
    )


def _value_of(rows: QuerySet[AreaValue], area: Area) -> float | None:
    return rows.filter(area=area).values_list("value", flat=True).first()


def how_we_compare(measure, up_to_month: int | None = None) -> AreaComparison | None:
    """A measure's latest comparison with England, neighbours and all areas (of a period ended
    by `up_to_month` when given), or None. A function here, not a Measure method, so that
    measures never imports benchmarking: benchmarking builds on measures."""
    # The indicator first: finding the area reads the measure's plan, a query a measure in a
    # paper of every measure, most of which have no indicator.
    if measure.comparator_indicator_id is None:
        return None
    area = measure.benchmark_area()
    if area is None:
        return None
    return for_area(measure.comparator_indicator, area, up_to_month)
