"""How we compare: a measure's latest figure beside England, its statistical neighbours, its
region and every area of its kind, from the comparator indicator it links to."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from scorecard.benchmarking.comparisons import Benchmarked, benchmarked, group_average
from scorecard.benchmarking.models import Area, AreaValue, ComparatorGroup, Indicator
from scorecard.measures.models import ComparatorValue


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
    compared = list(benchmarked(rows))
    ours = next(b for b in compared if b.row.pk == latest.pk)
    ranked = sorted(
        (b for b in compared if b.position is not None and b.row.area_type == latest.area_type),
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
    by `up_to_month` when given), or None. The read side's, not a Measure method: measures
    never imports benchmarking, and neither works out what a page shows."""
    # The indicator first: finding the area reads the measure's plan, a query a measure in a
    # paper of every measure, most of which have no indicator.
    if measure.comparator_indicator_id is None:
        return None
    area = measure.benchmark_area()
    if area is None:
        return None
    return for_area(measure.comparator_indicator, area, up_to_month)


# The order a paper lists a measure's own comparators in: England first, as the seeds do.
COMPARATOR_ORDER = ("england", "region", "statistical_neighbours", "cipfa_neighbours", "custom")


def published_comparators(measure, up_to_month: int | None = None) -> list[ComparatorValue]:
    """Each of the measure's own comparators (a `comparators` file's England, National, South
    West, statistical neighbours…) at its latest value of a period ended by `up_to_month` when
    given, England first: what a paper prints beside the figure under the comparator's own
    name ("National 64.9%"). Reads `measure.comparators`, so a caller that prefetched it asks
    nothing more of the database."""
    latest: dict[str, ComparatorValue] = {}
    for value in measure.comparators.all():
        if up_to_month is not None and value.period_last_month > up_to_month:
            continue
        held = latest.get(value.comparator)
        if held is None or value.period_last_month >= held.period_last_month:
            latest[value.comparator] = value
    return sorted(
        latest.values(),
        key=lambda v: (COMPARATOR_ORDER.index(v.comparator_type), v.comparator),
    )
