"""A plan's figures for a year's report (the lead member's annual report, seed 002): each
measure's latest figure by the end of the year and the one before it, however far apart, the
direction between them and the comparisons published with it. Read alike by the report and by
the paper record that starts its words from them."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch

from scorecard.core.periods import Period
from scorecard.core.ratings import Direction, Polarity, direction
from scorecard.framework.models import Plan
from scorecard.measures.models import ComparatorValue, Measure, Observation
from scorecard.scoring.figures import figure
from scorecard.scoring.how_we_compare import published_comparators
from scorecard.scoring.scorecard import RatedMeasure, measures_for, rate_measures


@dataclass
class Line:
    """One measure's row: its latest figure by the end of the year and the one before it."""

    measure: Measure
    latest: Observation
    previous: Observation | None
    direction: Direction | None
    comparators: list[ComparatorValue]
    commentary: Observation | None


def year_lines(plan: Plan, period: Period) -> list[Line]:
    end = period.last_month
    comparators = ComparatorValue.objects.order_by("period_last_month")
    measures = (
        measures_for(plan.plan_id)
        .select_related("priority")
        .prefetch_related(Prefetch("comparators", queryset=comparators))
    )
    return [found for rated in rate_measures(measures) if (found := _line(rated, end))]


def _line(rated: RatedMeasure, end: int) -> Line | None:
    measure = rated.measure
    shown = [o for o in rated.observations if not o.breakdown and o.period_last_month <= end]
    figures = [o for o in shown if o.value is not None]
    if not figures:
        return None
    latest = figures[-1]
    previous = figures[-2] if len(figures) > 1 else None
    commented = [o for o in shown if o.commentary.strip()]
    return Line(
        measure=measure,
        latest=latest,
        previous=previous,
        # Between the two figures printed, however far apart: a year's report compares what
        # it shows, where a scorecard compares a figure only with the period before it.
        direction=direction(
            latest.value,
            previous.value if previous else None,
            Polarity(measure.polarity),
            measure.steady_band,
        ),
        comparators=published_comparators(measure, end),
        commentary=commented[-1] if commented else None,
    )


def written(line: Line, observation: Observation) -> str:
    """'1,240 (January 2019)'."""
    shown = figure(line.measure, observation.value, written=observation.written_decimals)
    return f"{shown} ({observation.period_obj.display})"


def figures_sentence(line: Line) -> str:
    """'Children in need: 1,240 (January 2019), from 1,750 (May 2018).'"""
    text = f"{line.measure.title}: {written(line, line.latest)}"
    if line.previous is not None:
        text += f", from {written(line, line.previous)}"
    return text + "."
