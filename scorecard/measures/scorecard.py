"""Rating measures from the database through the core, in a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from scorecard.core.periods import Period
from scorecard.core.rollup import Rollup
from scorecard.core.series import Headline, RatedReading, TargetSchedule, headline, rate_series
from scorecard.framework.models import Outcome
from scorecard.measures.models import Measure, Observation, Target

OTHER_MEASURES = "Measures not linked to an outcome"


@dataclass
class RatedMeasure:
    measure: Measure
    series: list[RatedReading]
    observations: list[Observation]

    @property
    def rows(self) -> list[tuple[Observation, RatedReading]]:
        """Each observation beside its rating, oldest first."""
        return list(zip(self.observations, self.series, strict=True))

    def headline(self, as_at: Period) -> Headline:
        return headline(self.measure.rules(), self.series, as_at)


def rate_measures(measures: Iterable[Measure]) -> list[RatedMeasure]:
    """Every observation of every measure given, rated; three queries whatever the count."""
    measures = list(measures)
    ids = [m.pk for m in measures]
    targets = defaultdict(list)
    for target in Target.objects.filter(measure_id__in=ids):
        targets[target.measure_id].append(target.change())
    readings = defaultdict(list)
    for observation in Observation.objects.filter(measure_id__in=ids).order_by(
        "period_last_month", "-period_months", "breakdown"
    ):
        readings[observation.measure_id].append(observation)
    rated = []
    for measure in measures:
        observations = readings[measure.pk]
        series = rate_series(
            measure.rules(),
            TargetSchedule(targets[measure.pk]),
            [o.reading() for o in observations],
        )
        rated.append(RatedMeasure(measure, series, observations))
    return rated


def measures_for(plan_id: str | None = None):
    queryset = Measure.objects.select_related("plan", "outcome", "priority", "programme")
    if plan_id:
        queryset = queryset.filter(plan__plan_id=plan_id)
    return queryset.order_by("plan__order", "outcome__order", "outcome_id", "order", "measure_id")


@dataclass
class ScorecardLine:
    measure: Measure
    headline: Headline


@dataclass
class Scorecard:
    as_at: Period
    lines: list[ScorecardLine]
    groups: list[tuple[str, Rollup]]
    total: Rollup


def build_scorecard(as_at: Period, plan_id: str | None = None) -> Scorecard:
    lines = [
        ScorecardLine(rated.measure, rated.headline(as_at))
        for rated in rate_measures(measures_for(plan_id))
    ]
    outcomes = Outcome.objects.order_by("plan__order", "order", "pk")
    if plan_id:
        outcomes = outcomes.filter(plan__plan_id=plan_id)
    groups: dict[str, Rollup] = {o.name: Rollup(o.name) for o in outcomes}
    for line in lines:
        name = line.measure.outcome.name if line.measure.outcome else OTHER_MEASURES
        groups.setdefault(name, Rollup(name)).add(line.headline.rag, line.headline.direction)
    total = Rollup("Total")
    for rollup in groups.values():
        total = total + rollup
    total.name = "Total"
    return Scorecard(as_at, lines, list(groups.items()), total)
