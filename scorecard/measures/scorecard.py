"""Rating measures from the database through the core, in a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import QuerySet

from scorecard.core.periods import Period, PeriodKind
from scorecard.core.rollup import Rollup
from scorecard.core.series import (
    Headline,
    RatedReading,
    Reading,
    TargetSchedule,
    headline,
    rate_series,
)
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


def _targets_of(measures: QuerySet[Measure] | list[Measure]) -> dict[int, TargetSchedule]:
    changes = defaultdict(list)
    for target in Target.objects.filter(measure__in=measures):
        changes[target.measure_id].append(target.change())
    return defaultdict(
        lambda: TargetSchedule([]),
        {measure_id: TargetSchedule(found) for measure_id, found in changes.items()},
    )


def rate_measures(measures: QuerySet[Measure] | list[Measure]) -> list[RatedMeasure]:
    """Every observation of every measure given, rated; three queries whatever the count."""
    targets = _targets_of(measures)
    readings = defaultdict(list)
    for observation in Observation.objects.filter(measure__in=measures).order_by(
        "period_last_month", "-period_months", "breakdown"
    ):
        readings[observation.measure_id].append(observation)
    rated = []
    for measure in measures:
        observations = readings[measure.pk]
        series = rate_series(
            measure.rules(), targets[measure.pk], [o.reading() for o in observations]
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


# A headline needs its latest reading and the one it is compared with, at most a year earlier;
# so a reading ending within a year of the as-at period has both inside a two-year window.
RECENT_MONTHS = 12
WINDOW_MONTHS = 24


def _headline_readings(measures, low: int | None, high: int) -> dict[int, list[Reading]]:
    rows = Observation.objects.filter(
        measure__in=measures, breakdown="", period_last_month__lte=high
    )
    if low is not None:
        rows = rows.filter(period_last_month__gte=low)
    readings = defaultdict(list)
    fields = ("measure_id", "period_kind", "period_first_month", "period_months", "value", "status")
    for measure_id, kind, first, months, value, status in rows.values_list(*fields):
        period = Period(PeriodKind(kind), first, months)
        readings[measure_id].append(Reading(period, value, "", status or None))
    return readings


def headlines_as_at(measures: list[Measure], as_at: Period) -> dict[int, Headline]:
    """Each measure's headline as at a period, reading only the observations it needs.

    Measures reported within the last year are rated from a two-year window; the few that are
    not (stale or annual-and-late) are read in full, so the result is exactly what rating the
    whole series would give.
    """
    targets = _targets_of(measures)
    recent = _headline_readings(measures, as_at.last_month - WINDOW_MONTHS, as_at.last_month)
    headlines = {}
    stale = []
    for measure in measures:
        readings = recent.get(measure.pk, [])
        if not readings or max(r.period.last_month for r in readings) < (
            as_at.last_month - RECENT_MONTHS
        ):
            stale.append(measure)
            continue
        headlines[measure.pk] = headline(
            measure.rules(), rate_series(measure.rules(), targets[measure.pk], readings), as_at
        )
    if stale:
        full = _headline_readings(stale, None, as_at.last_month)
        for measure in stale:
            series = rate_series(measure.rules(), targets[measure.pk], full.get(measure.pk, []))
            headlines[measure.pk] = headline(measure.rules(), series, as_at)
    return headlines


def build_scorecard(as_at: Period, plan_id: str | None = None) -> Scorecard:
    measures = list(measures_for(plan_id))
    headlines = headlines_as_at(measures, as_at)
    lines = [ScorecardLine(measure, headlines[measure.pk]) for measure in measures]
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
