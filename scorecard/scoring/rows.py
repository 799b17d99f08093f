"""What the measure pages show, built from the rated series (kept out of the views)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from scorecard.charts.bars import stacked_bars
from scorecard.charts.line import NARROW, WIDTH, line_chart, point_of
from scorecard.charts.ranked import Bar, ranked_bars
from scorecard.core.change_text import Reading as ChangeReading
from scorecard.core.change_text import change_text
from scorecard.core.digits import is_digits
from scorecard.core.measure_rules import Frequency
from scorecard.core.period_parser import display_label
from scorecard.core.progress import Figure, indicator_progress
from scorecard.core.ratings import Polarity
from scorecard.core.series import RatedReading
from scorecard.core.trend import POINTS, Trend, recent_trend
from scorecard.core.units import Unit
from scorecard.measures.models import ComparatorValue, Measure, Observation
from scorecard.scoring.figures import axis_figures
from scorecard.scoring.how_we_compare import how_we_compare
from scorecard.scoring.scorecard import RatedMeasure, Scorecard

if TYPE_CHECKING:
    from scorecard.scoring.how_we_compare import AreaComparison

CHART_PERIODS = 12


def natural_key(text: str) -> list:
    """'Age 5-9' before 'Age 10-15': numbers inside names sort as numbers."""
    return [
        (0, int(part), "") if is_digits(part) else (1, 0, part.lower())
        for part in re.split(r"([0-9]+)", text)
    ]


@dataclass
class SeriesRow:
    observation: Observation
    rated: RatedReading
    change: str


def _change(rated: RatedReading, measure: Measure) -> str:
    previous = rated.previous
    if previous is None or previous.value is None or rated.reading.value is None:
        return ""
    return change_text(
        ChangeReading(
            previous.period.display, previous.value, measure.decimals_for(previous.decimals)
        ),
        ChangeReading(
            rated.reading.period.display,
            rated.reading.value,
            measure.decimals_for(rated.reading.decimals),
        ),
        measure.unit,
        decimals=measure.decimals,
        money_unit=measure.money_unit,
    )


def headline_rows(
    rated: RatedMeasure, up_to_month: int | None = None, last: int | None = None
) -> list[SeriesRow]:
    """The headline figures (no breakdown), oldest first, each with its change; given
    `up_to_month`, of periods ended by then; given `last`, the last so many of those. The
    change is worked out only for the rows given back: a paper shows eight of a long series."""
    shown = [
        (observation, item)
        for observation, item in rated.rows
        if not observation.breakdown
        and (up_to_month is None or item.reading.period.last_month <= up_to_month)
    ]
    if last is not None:
        shown = shown[-last:]
    return [
        SeriesRow(observation, item, _change(item, rated.measure)) for observation, item in shown
    ]


def breakdown_table(rated: RatedMeasure) -> tuple[list[str], list[tuple[str, list]]]:
    """Periods across, breakdowns down: the dashboard layout of `100.0% (94/94)` cells."""
    cells: dict[str, dict[str, Observation]] = {}
    periods: dict[str, object] = {}
    for observation in rated.observations:
        if observation.breakdown:
            cells.setdefault(observation.breakdown, {})[observation.period] = observation
            periods[observation.period] = observation.period_obj
    ordered = sorted(periods, key=lambda label: periods[label])
    rows = [
        (name, [cells[name].get(p) for p in ordered]) for name in sorted(cells, key=natural_key)
    ]
    return [periods[p].display for p in ordered], rows


def position_chart(comparison) -> str:
    """All areas' values for the comparison's period, best first, ours marked by shape and name."""
    if comparison is None:
        return ""
    ours = comparison.ours.row.pk
    bars = [
        Bar(b.row.area.name, b.row.value, ours=b.row.pk == ours)
        for b in comparison.ranked
        if b.row.value is not None
    ]
    benchmark = ("England", comparison.england) if comparison.england is not None else None
    title = (
        f"{comparison.indicator.name}, {display_label(comparison.period)}: every area's value, "
        f"best first, {comparison.ours.row.area.name} marked"
    )
    return ranked_bars(title, bars, benchmark=benchmark, chart_id="position-chart")


def chart_svg(rated: RatedMeasure) -> str:
    """The measure's chart drawn twice, for a wide screen and a phone, so that its text is 12 px
    at any width; the page's stylesheet shows the one that fits (the other is hidden from
    everyone, screen readers too)."""
    rows = headline_rows(rated)[-CHART_PERIODS:]
    points = [point_of(row.rated) for row in rows]
    title = f"{rated.measure.title}: values and target, last {len(points)} periods"
    drawn = [
        line_chart(
            title,
            points,
            chart_id=f"chart-{rated.measure.pk}{suffix}",
            shown=axis_figures(rated.measure),
            width=width,
        )
        for suffix, width in (("", WIDTH), ("-narrow", NARROW))
    ]
    if not drawn[0]:
        return ""
    return (
        f'<div class="scorecard-chart-wide">{drawn[0]}</div>\n'
        f'<div class="scorecard-chart-narrow">{drawn[1]}</div>'
    )


@dataclass
class IndicatorRow:
    measure: Measure
    baseline: Observation | None
    latest: Observation | None
    england: ComparatorValue | None
    neighbours: ComparatorValue | None
    # Worked out from the figures: against the baseline and comparators, then (for a measure
    # linked to a comparator indicator) the statistical comparison, rank and quartile.
    computed: str
    comparison: AreaComparison | None = None

    @property
    def written(self) -> str:
        """The officer's statement while it stands for the latest figure's period, else ""."""
        measure = self.measure
        latest_period = self.latest.period if self.latest else ""
        if measure.progress_statement and measure.progress_statement_period == latest_period:
            return measure.progress_statement
        return ""

    @property
    def written_out_of_date(self) -> bool:
        """The officer wrote a statement for an earlier figure: a newer one has come in since."""
        return bool(self.measure.progress_statement) and not self.written

    @property
    def progress(self) -> str:
        return self.written or self.computed

    @property
    def position(self) -> str:
        """ "61st of 103, third quartile" among all areas, or "" when not benchmarked."""
        if self.comparison is None or self.comparison.ours.position is None:
            return ""
        return self.comparison.position_in_words


def _latest_of(values: list[ComparatorValue], kind: str) -> ComparatorValue | None:
    matching = [v for v in values if v.comparator_type == kind]
    return max(matching, key=lambda v: v.period_last_month, default=None)


def _figure(row: Observation | ComparatorValue | None) -> Figure | None:
    return Figure(row.value, row.period_obj) if row is not None else None


_NOT_GIVEN = object()


def indicator_row(
    rated: RatedMeasure, comparison=_NOT_GIVEN, up_to_month: int | None = None
) -> IndicatorRow:
    """The measure's row of the outcome indicators table (`comparison`, when the caller has
    worked it out already, saves doing so again; `up_to_month` keeps out comparisons of
    periods that had not ended by then)."""
    measure = rated.measure
    headline = [o for o in rated.observations if not o.breakdown and o.value is not None]
    baseline = next((o for o in headline if o.period == measure.baseline_period), None)
    if baseline is None and len(headline) > 1:
        baseline = headline[0]
    latest = headline[-1] if headline else None
    comparators = list(measure.comparators.all())
    england = _latest_of(comparators, "england")
    neighbours = _latest_of(comparators, "statistical_neighbours")
    latest_figure = _figure(latest)
    progress = indicator_progress(
        latest_figure,
        latest_figure if baseline is latest else _figure(baseline),
        [
            (name, _figure(row))
            for name, row in (("England", england), ("statistical neighbours", neighbours))
            if row is not None
        ],
        Polarity(measure.polarity),
    )
    if comparison is _NOT_GIVEN:
        comparison = how_we_compare(measure, up_to_month)
    if comparison is not None:
        progress = f"{progress}. {comparison.in_words}"
    return IndicatorRow(measure, baseline, latest, england, neighbours, progress, comparison)


def ratings_chart(scorecard: Scorecard | None) -> str:
    """The overview's stacked bars: each outcome's measures by rating."""
    if scorecard is None:
        return ""
    groups = [
        (name, {rag.value: count for rag, count in rollup.rag_counts.items()})
        for name, rollup in scorecard.groups
    ]
    counted = scorecard.counted_as.capitalize()
    title = f"{counted} by rating and outcome, {scorecard.as_at.display}"
    return stacked_bars(title, groups, chart_id="ratings-by-outcome")


ANNUAL = {Frequency.ANNUAL, Frequency.ACADEMIC, Frequency.CALENDAR}


def recent_trend_words(rated: RatedMeasure) -> str | None:
    """The chi-squared test for trend over the five most recent years of an annual percentage
    with numerators and denominators ("Increasing and getting better"), or why it could not be
    done; None for a measure the test is not for."""
    measure = rated.measure
    if measure.frequency not in ANNUAL or measure.unit != Unit.PERCENT:
        return None
    recent = [o for o in rated.observations if not o.breakdown and o.value is not None][-POINTS:]
    if len(recent) < POINTS:
        return f"Not calculated: it needs five years of figures ({len(recent)} so far)"
    if any(b.period_last_month - a.period_last_month != 12 for a, b in pairwise(recent)):
        return "Not calculated: the five most recent figures are not five years in a row"
    found = recent_trend(
        [_float(o.numerator) for o in recent], [_float(o.denominator) for o in recent]
    )
    if found.trend is Trend.NOT_CALCULATED:
        return "Not calculated: each of the five years needs its numerator and denominator"
    return found.in_words(Polarity(measure.polarity))


def _float(number) -> float | None:
    return None if number is None else float(number)
