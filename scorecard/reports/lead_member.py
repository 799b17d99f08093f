"""The lead member's annual report (seed 002): a plan's service figures, theme by theme.

A section per theme (the plan's outcomes, in the plan's order), each with a compact table per
area of work (its priorities): the measure, its latest figure by the end of the year and the one
before it, each with the period it is for, the direction between them, and the comparisons the
council publishes with it under their own names ("National 64.9%"). Under each table, the latest
commentary held on those measures. The prose only the cabinet member and officers can write (the
summary, the strategic framework) is not made up here: it belongs to the paper's record.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from django.db.models import Prefetch
from django.utils import timezone

from scorecard.core.periods import Period, PeriodKind
from scorecard.core.ratings import Direction, Polarity, direction
from scorecard.framework.models import Outcome, Plan
from scorecard.measures.models import ComparatorValue, Measure, Observation
from scorecard.reports import cells
from scorecard.reports.document import (
    Bullets,
    Cell,
    Column,
    Facts,
    Paragraph,
    Report,
    ReportUnavailable,
    Section,
    Table,
)
from scorecard.reports.plans import known_plan, organisation_name
from scorecard.scoring.figures import figure
from scorecard.scoring.how_we_compare import published_comparators
from scorecard.scoring.scorecard import RatedMeasure, measures_for, rate_measures

KIND = "lead-member"
NO_FIGURE = "–"
NOT_COMPARED = "None published"
OTHER_THEME = "Other figures"
COLUMNS = (
    ("Measure", False, 34),
    ("Latest", True, 16),
    ("Previous", True, 16),
    ("Direction", False, 12),
    ("Compared with", False, 22),
)


@dataclass
class Line:
    """One measure's row: its latest figure by the end of the year and the one before it."""

    measure: Measure
    latest: Observation
    previous: Observation | None
    direction: Direction | None
    comparators: list[ComparatorValue]
    commentary: Observation | None


def build(period: Period, plan_id: str | None = None) -> Report:
    if period.kind is not PeriodKind.FINANCIAL_YEAR:
        raise ReportUnavailable(
            f"the lead member report is for a financial year (such as 2018/19), "
            f"not {period.display}"
        )
    plan = _choose_plan(period, plan_id)
    lines = _lines(plan, period)
    if not lines:
        raise ReportUnavailable(
            f"{plan.name} has no measure figures for {period.display} or earlier"
        )
    outcomes = list(Outcome.objects.filter(plan=plan).order_by("order", "name"))
    return Report(
        kind=KIND,
        title=f"{plan.name}: annual report",
        period=period.display,
        organisation=organisation_name(plan),
        produced=timezone.localdate(),
        cover=[f"Financial year {period.display}"],
        sections=[_about(plan, period, outcomes), *_themes(outcomes, lines, period)],
    )


def _choose_plan(period: Period, plan_id: str | None) -> Plan:
    """The plan asked for, or the first plan with measure figures by the end of the year."""
    with_figures = Observation.objects.approved().filter(
        period_last_month__lte=period.last_month, value__isnull=False, breakdown=""
    )
    if plan_id:
        plan = known_plan(plan_id)
        if not with_figures.filter(measure__plan=plan).exists():
            raise ReportUnavailable(
                f"{plan.name} has no measure figures for {period.display} or earlier"
            )
        return plan
    first = (
        Plan.objects.filter(pk__in=with_figures.values("measure__plan"))
        .select_related("organisation", "board")
        .order_by("order", "name")
        .first()
    )
    if first is None:
        raise ReportUnavailable(f"no plan has measure figures for {period.display} or earlier")
    return first


def _lines(plan: Plan, period: Period) -> list[Line]:
    end = period.last_month
    comparators = ComparatorValue.objects.order_by("period_last_month")
    measures = (
        measures_for(plan.plan_id)
        .select_related("priority")
        .prefetch_related(Prefetch("comparators", queryset=comparators))
    )
    return [line for rated in rate_measures(measures) if (line := _line(rated, end)) is not None]


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


# --- the sections ---------------------------------------------------------------------------


def _about(plan: Plan, period: Period, outcomes: list[Outcome]) -> Section:
    """Who the plan names and what the tables show. People the plan cannot hold (the cabinet
    member, the division, contact details) belong to the paper's own record."""
    facts = [("Plan", plan.name), ("Period", f"{period.display} ({_date_range(period)})")]
    if plan.lead:
        facts.append(("Lead officer", plan.lead))
    facts += [(f"Lead for {o.name}", o.lead) for o in outcomes if o.lead]
    if plan.board is not None:
        facts.append(("Reported to", plan.board.name))
    return Section(
        "About this report",
        [
            Facts(facts),
            Paragraph(
                f"Each theme's figures as held on {plan.name}: the latest figure published by "
                f"{_day(period.end)} and the one before it, each with the period it is for, "
                "the direction between them (judged by whether higher or lower is better; "
                "higher or lower where neither is), and the comparisons published with the "
                "figure under their own names. The commentary is the latest held on the "
                "theme's measures."
            ),
        ],
    )


def _date_range(period: Period) -> str:
    return f"{_day(period.start)} to {_day(period.end)}"


def _day(day: date) -> str:
    """31 March 2019."""
    return f"{day.day} {day:%B %Y}"


def _themes(outcomes: list[Outcome], lines: list[Line], period: Period) -> list[Section]:
    by_outcome: dict[int | None, list[Line]] = {}
    for line in lines:
        by_outcome.setdefault(line.measure.outcome_id, []).append(line)
    sections = [
        _theme(outcome.name, outcome.description, by_outcome[outcome.pk])
        for outcome in outcomes
        if outcome.pk in by_outcome
    ]
    if None in by_outcome:
        sections.append(_theme(OTHER_THEME, "", by_outcome[None]))
    return sections


def _theme(name: str, description: str, lines: list[Line]) -> Section:
    section = Section(name)
    if description:
        section.add(Paragraph(description))
    by_priority: dict[str, list[Line]] = {}
    for line in lines:
        priority = line.measure.priority.name if line.measure.priority is not None else ""
        by_priority.setdefault(priority, []).append(line)
    for priority, grouped in by_priority.items():
        if priority:
            section.sections.append(Section(priority, _figures(priority, grouped)))
        else:
            section.add(*_figures(name, grouped))
    return section


def _figures(caption: str, lines: list[Line]) -> list:
    table = Table(
        f"{caption}: figures",
        [Column(heading, numeric=numeric, width=width) for heading, numeric, width in COLUMNS],
        [_row(line) for line in lines],
        sheet=caption,
        row_headers=True,
    )
    commentary = [
        f"{line.measure.title} ({line.commentary.period_obj.display}): "
        f"{line.commentary.commentary.strip()}"
        for line in lines
        if line.commentary is not None
    ]
    return [table, Bullets(commentary)] if commentary else [table]


def _row(line: Line) -> list[Cell]:
    return [
        Cell(line.measure.title, header=True),
        _figure(line.measure, line.latest),
        _figure(line.measure, line.previous),
        cells.direction(line.direction) if line.previous else Cell("No earlier figure"),
        cells.text(_comparisons(line)),
    ]


def _figure(measure: Measure, observation: Observation | None) -> Cell:
    if observation is None:
        return Cell(NO_FIGURE)
    shown = cells.measure_value(
        measure,
        observation.value,
        observation.numerator,
        observation.denominator,
        written=observation.written_decimals,
    )
    return replace(shown, text=f"{shown.text} ({observation.period_obj.display})")


def _comparisons(line: Line) -> str:
    """ "National 64.9%"; the period added where it is not the latest figure's."""
    return "; ".join(_compared(line, value) for value in line.comparators) or NOT_COMPARED


def _compared(line: Line, value: ComparatorValue) -> str:
    shown = figure(line.measure, value.value, written=value.written_decimals)
    when = "" if value.period == line.latest.period else f" ({value.period_obj.display})"
    return f"{value.comparator} {shown}{when}"
