"""The data dashboard (seed 004, Appendix C): every measure of a plan with figures up to a period,
grouped by outcome, each with its headline and breakdown figures for the last few periods.

Periods run across and breakdowns (age groups, areas) down, each figure with the counts it was
made from, `100.0% (94/94)`, and the number kept for spreadsheets. The ratings as at the period
come from the same scorecard the overview shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from scorecard.charts.line import line_chart, point_of
from scorecard.core.periods import Period
from scorecard.core.ratings import Rag, Unrated
from scorecard.core.rollup import Rollup, roll_up
from scorecard.core.series import NO_READING, Headline, RatedReading
from scorecard.core.wording import (
    and_list,
    capitalised,
    number_word,
    on_target_sentence,
    plural,
)
from scorecard.framework.models import Plan
from scorecard.measures.models import Measure, Observation
from scorecard.reports import cells
from scorecard.reports.document import (
    Cell,
    Chart,
    Column,
    Facts,
    Paragraph,
    Report,
    ReportUnavailable,
    Section,
    Table,
)
from scorecard.reports.plans import known_plan, organisation_name
from scorecard.scoring.figures import axis_figures
from scorecard.scoring.rows import headline_rows, natural_key
from scorecard.scoring.scorecard import (
    OTHER_MEASURES,
    RatedMeasure,
    build_scorecard,
    measures_for,
    rate_measures,
)

KIND = "dashboard"
# Each measure's table shows the latest periods with figures, at most this many.
PERIODS_SHOWN = 8
HEADLINE = "All"
NO_FIGURE = "–"


# --- choosing the plan ---------------------------------------------------------------------


def _observations_by(period: Period) -> QuerySet[Observation]:
    return Observation.objects.approved().filter(period_last_month__lte=period.last_month)


def _plans_with(observations: QuerySet[Observation]) -> set[int]:
    return set(observations.order_by().values_list("measure__plan_id", flat=True).distinct())


def choose_plan(period: Period, plan_id: str | None) -> Plan:
    """The plan asked for, or the first plan with breakdown figures up to the period, or
    failing that the first with any figures."""
    if plan_id:
        plan = known_plan(plan_id)
        if not _observations_by(period).filter(measure__plan=plan).exists():
            raise ReportUnavailable(
                f"{plan.name} has no measure figures for {period.display} or earlier"
            )
        return plan
    observations = _observations_by(period)
    plans = list(Plan.objects.select_related("organisation", "board"))
    for wanted in (_plans_with(observations.exclude(breakdown="")), _plans_with(observations)):
        for plan in plans:
            if plan.pk in wanted:
                return plan
    raise ReportUnavailable(f"no plan has measure figures for {period.display} or earlier")


# --- one measure ---------------------------------------------------------------------------


@dataclass
class MeasureFigures:
    """A measure's observations up to the period, the latest few periods of them."""

    rated: RatedMeasure
    periods: list[Period]
    headline: dict[Period, tuple[Observation, RatedReading]]
    breakdowns: dict[str, dict[Period, Observation]]

    @property
    def measure(self) -> Measure:
        return self.rated.measure


def figures_as_at(rated: RatedMeasure, period: Period) -> MeasureFigures | None:
    """None when the measure has no figures for the period or before it."""
    rows = [
        (observation, reading)
        for observation, reading in rated.rows
        if observation.period_last_month <= period.last_month
    ]
    if not rows:
        return None
    periods = sorted({observation.period_obj for observation, _ in rows})[-PERIODS_SHOWN:]
    shown = set(periods)
    headline: dict[Period, tuple[Observation, RatedReading]] = {}
    breakdowns: dict[str, dict[Period, Observation]] = {}
    for observation, reading in rows:
        when = observation.period_obj
        if when not in shown:
            continue
        if observation.breakdown:
            breakdowns.setdefault(observation.breakdown, {})[when] = observation
        else:
            headline[when] = (observation, reading)
    ordered = {name: breakdowns[name] for name in sorted(breakdowns, key=natural_key)}
    return MeasureFigures(rated, periods, headline, ordered)


def value_cell(measure: Measure, observation: Observation | None) -> Cell:
    if observation is None:
        return Cell(NO_FIGURE)
    return cells.measure_value(
        measure,
        observation.value,
        observation.numerator,
        observation.denominator,
        status=observation.get_status_display() if observation.status else "",
        written=observation.written_decimals,
    )


def rating_cell(reading: RatedReading | None) -> Cell:
    if reading is None:
        return Cell(NO_FIGURE)
    return cells.rating(reading.rating.rag, reading.rating.reason or "")


def figures_table(figures: MeasureFigures) -> Table:
    """Headline (with its target and rating) then each breakdown, periods across."""
    measure = figures.measure
    columns = [Column("Breakdown")] + [Column(p.display, numeric=True) for p in figures.periods]
    rows: list[list[Cell]] = []
    if figures.headline:
        found = [figures.headline.get(p) for p in figures.periods]
        rows.append(
            [cells.text(HEADLINE, header=True)]
            + [value_cell(measure, item[0] if item else None) for item in found]
        )
        if any(item and item[1].target is not None for item in found):
            rows.append(
                [cells.text("Target", header=True)]
                + [
                    cells.target(measure, item[1].target) if item else Cell(NO_FIGURE)
                    for item in found
                ]
            )
        rows.append(
            [cells.text("Rating", header=True)]
            + [rating_cell(item[1] if item else None) for item in found]
        )
    for name, by_period in figures.breakdowns.items():
        rows.append(
            [cells.text(name, header=True)]
            + [value_cell(measure, by_period.get(p)) for p in figures.periods]
        )
    first, last = figures.periods[0].display, figures.periods[-1].display
    span = first if first == last else f"{first} to {last}"
    return Table(
        f"{measure.title}: figures for {span}",
        columns,
        rows,
        sheet=measure.measure_id,
        row_headers=True,
    )


def chart_of(figures: MeasureFigures) -> Chart | None:
    """A line of the headline values against the target, with its own small data table; None
    when there are fewer than two headline values to join."""
    measure = figures.measure
    found = [(p, *figures.headline[p]) for p in figures.periods if p in figures.headline]
    if sum(1 for _, observation, _ in found if observation.value is not None) < 2:
        return None
    points = [point_of(reading) for _, _, reading in found]
    title = f"{measure.title}: values and target, {found[0][0].display} to {found[-1][0].display}"
    table = Table(
        f"{measure.title}: values, target and rating",
        [
            Column("Period"),
            Column("Value", numeric=True),
            Column("Target", numeric=True),
            Column("Rating"),
        ],
        [
            [
                cells.text(period.display, header=True),
                value_cell(measure, observation),
                cells.target(measure, reading.target),
                rating_cell(reading),
            ]
            for period, observation, reading in found
        ],
        sheet=f"{measure.measure_id} chart",
        row_headers=True,
    )
    return Chart(
        title,
        line_chart(title, points, chart_id=f"dashboard-{measure.pk}", shown=axis_figures(measure)),
        chart_alt(measure, found),
        table,
    )


def chart_alt(measure: Measure, found: list[tuple[Period, Observation, RatedReading]]) -> str:
    """'Line chart of X: Mar-17 42.5%, Mar-18 38.3% (Red); target 40.0% throughout.'"""
    values = []
    for period, observation, reading in found:
        shown = value_cell(measure, observation).text
        rag = reading.rating.rag
        values.append(f"{period.display} {shown}" + (f" ({rag.label})" if rag else ""))
    targets = [reading.target for _, _, reading in found]
    known = [t for t in targets if t is not None]
    if not known:
        target = "no target is set"
    elif len(set(targets)) == 1:
        target = f"target {cells.target(measure, known[0]).text} throughout"
    else:
        target = "target " + ", ".join(
            f"{period.display} {cells.target(measure, reading.target).text}"
            for period, _, reading in found
        )
    return f"Line chart of {measure.title}: {', '.join(values)}; {target}."


def rating_words(headline: Headline) -> str:
    rating = cells.rating(headline.rag, headline.rating.reason or "").text
    if headline.latest is None:
        return rating
    return f"{rating}, from the figure for {headline.latest.reading.period.display}"


def measure_facts(figures: MeasureFigures, headline: Headline, period: Period) -> Facts:
    measure = figures.measure
    shown = [
        reading
        for observation, reading in figures.rated.rows
        if observation.period_last_month <= period.last_month
    ]
    if headline.latest is not None:
        target = headline.latest.target
    else:
        target = next((r.target for r in reversed(shown) if r.target is not None), None)
    items = []
    if measure.description:
        items.append(("Description", measure.description))
    items += [
        ("Polarity", measure.polarity_label),
        ("Target", cells.target(measure, target).text),
        (f"Rating as at {period.display}", rating_words(headline)),
        ("Direction", cells.direction(headline.direction).text),
    ]
    change = latest_change(figures, headline)
    if change:
        items.append(("Change", change))
    return Facts(items)


def latest_change(figures: MeasureFigures, headline: Headline) -> str:
    """'Fell by 4.2 percentage points (Mar-17: 42.5% → Mar-18: 38.3%)' for the headline."""
    if headline.latest is None:
        return ""
    wanted = headline.latest.reading.period
    for row in headline_rows(figures.rated):
        if row.rated.reading.period == wanted:
            return capitalised(row.change)
    return ""


def measure_section(figures: MeasureFigures, headline: Headline, period: Period) -> Section:
    section = Section(figures.measure.title)
    section.add(measure_facts(figures, headline, period))
    if not figures.headline:
        section.add(
            Paragraph(
                "There is no overall figure for this measure: its figures are given for each "
                "breakdown.",
                "small",
            )
        )
    section.add(figures_table(figures))
    chart = chart_of(figures)
    if chart is not None:
        section.add(chart)
    return section


# --- summary -------------------------------------------------------------------------------


def _count(count: int, noun: str = "measure") -> str:
    return f"{number_word(count)} {plural(count, noun)}"


def unrated_reasons(headlines: list[Headline]) -> list[str]:
    """Why measures are not rated, counted: 'three are neutral', 'two have no target'."""
    reasons = {"no target": 0, "neutral": 0, "no overall": 0, "no value": 0}
    for found in headlines:
        if found.rag is not None:
            continue
        reason = found.rating.reason or ""
        if reason == Unrated.NO_TARGET:
            reasons["no target"] += 1
        elif reason == Unrated.NEUTRAL:
            reasons["neutral"] += 1
        elif reason == NO_READING:
            reasons["no overall"] += 1
        else:
            reasons["no value"] += 1
    words = {
        "no target": ("has no target", "have no target"),
        "neutral": ("is neutral (neither higher nor lower is better)", "are neutral"),
        "no overall": ("has figures for breakdowns only", "have figures for breakdowns only"),
        "no value": ("has no value for its latest period", "have no value for their latest period"),
    }
    return [
        f"{number_word(n)} {words[key][0] if n == 1 else words[key][1]}"
        for key, n in reasons.items()
        if n
    ]


def summary_sentences(plan: Plan, period: Period, headlines: list[Headline]) -> list[str]:
    total = roll_up("Total", [(h.rag, h.direction) for h in headlines])
    count = len(headlines)
    first = (
        f"{plan.name} has {_count(count)} with figures for {period.display} or earlier."
        if count
        else f"{plan.name} has no measures with figures for {period.display} or earlier."
    )
    sentences = [capitalised(first)]
    rated = total.rated + total.rag_counts[Rag.BLUE]
    if rated:
        counts = [
            f"{number_word(total.rag_counts[rag])} {rag.label} ({rag.value})"
            for rag in (Rag.GREEN, Rag.AMBER, Rag.RED, Rag.BLUE)
            if rag is not Rag.BLUE or total.rag_counts[rag]
        ]
        verb = "is" if rated == 1 else "are"
        sentences.append(
            f"As at {period.display}, {_count(rated)} {verb} rated: {and_list(counts)}."
        )
        # With one measure rated, its rating has just been given.
        if total.rated > 1:
            sentences.append(on_target_sentence(total.rag_counts[Rag.GREEN], total.rated) + ".")
    else:
        sentences.append(f"As at {period.display}, no measure is rated against a target.")
    reasons = unrated_reasons(headlines)
    if reasons:
        unrated = count - rated
        verb = "is" if unrated == 1 else "are"
        sentences.append(f"{_count(unrated).capitalize()} {verb} not rated: {and_list(reasons)}.")
    return sentences


def rollup_row(name: str, rollup: Rollup, measures: int) -> list[Cell]:
    return [
        cells.text(name, header=True),
        cells.count(measures),
        cells.count(rollup.rag_counts[Rag.GREEN]),
        cells.count(rollup.rag_counts[Rag.AMBER]),
        cells.count(rollup.rag_counts[Rag.RED]),
        cells.count(rollup.rag_counts[Rag.BLUE]),
        cells.count(rollup.unrated),
        cells.whole_percent(rollup.pct_on_target),
    ]


def ratings_table(groups: list[tuple[str, list[Headline]]], period: Period) -> Table:
    rows = [
        rollup_row(name, roll_up(name, [(h.rag, h.direction) for h in found]), len(found))
        for name, found in groups
    ]
    everything = [h for _, found in groups for h in found]
    rows.append(
        rollup_row(
            "Total", roll_up("Total", [(h.rag, h.direction) for h in everything]), len(everything)
        )
    )
    return Table(
        f"Measures by rating and outcome, as at {period.display}",
        [
            Column("Outcome"),
            Column("Measures", numeric=True),
            Column("Green", numeric=True),
            Column("Amber", numeric=True),
            Column("Red", numeric=True),
            Column("Blue (discontinued)", numeric=True),
            Column("Not rated", numeric=True),
            Column("% on target", numeric=True),
        ],
        rows,
        sheet="Ratings",
        row_headers=True,
    )


# --- the report ----------------------------------------------------------------------------


def build(period: Period, plan_id: str | None = None) -> Report:
    plan = choose_plan(period, plan_id)
    measures = list(measures_for(plan.plan_id))
    scorecard = build_scorecard(period, plan.plan_id)
    headline_of = {line.measure.pk: line.headline for line in scorecard.lines}
    groups: dict[int | None, tuple[str, list[tuple[MeasureFigures, Headline]]]] = {}
    outcome_description: dict[int | None, str] = {}
    for rated in rate_measures(measures):
        figures = figures_as_at(rated, period)
        if figures is None:
            continue
        outcome = rated.measure.outcome
        key = outcome.pk if outcome else None
        name = outcome.name if outcome else OTHER_MEASURES
        outcome_description[key] = outcome.description if outcome else ""
        groups.setdefault(key, (name, []))[1].append((figures, headline_of[rated.measure.pk]))
    if not groups:
        raise ReportUnavailable(
            f"{plan.name} has no measure figures for {period.display} or earlier"
        )
    # Measures without an outcome come last, whatever order the database sorts nulls in.
    keys = [key for key in groups if key is not None] + ([None] if None in groups else [])
    headlines = [h for key in keys for _, h in groups[key][1]]
    summary = Section(
        "Summary",
        [Paragraph(" ".join(summary_sentences(plan, period, headlines)), "lead")],
    )
    summary.add(ratings_table([(groups[k][0], [h for _, h in groups[k][1]]) for k in keys], period))
    sections = [summary]
    for key in keys:
        name, members = groups[key]
        section = Section(name)
        if outcome_description[key]:
            section.add(Paragraph(outcome_description[key]))
        found = [h for _, h in members]
        section.add(Paragraph(outcome_sentence(found, period)))
        section.sections = [measure_section(f, h, period) for f, h in members]
        sections.append(section)
    return Report(
        kind=KIND,
        title=f"{plan.name}: data dashboard",
        period=period.display,
        organisation=organisation_name(plan),
        sections=sections,
        produced=timezone.localdate(),
        cover=([plan.board.name] if plan.board else []) + [f"Data dashboard, {period.display}"],
    )


def outcome_sentence(headlines: list[Headline], period: Period) -> str:
    """'Four measures; as at Mar-18, one is Red (R) and three are not rated.'"""
    total = roll_up("", [(h.rag, h.direction) for h in headlines])
    count = len(headlines)
    opening = f"{_count(count).capitalize()}; as at {period.display},"
    if count == 1:
        rag = next((r for r in Rag if total.rag_counts[r]), None)
        return f"{opening} it is {f'{rag.label} ({rag.value})' if rag else 'not rated'}."
    if total.unrated == count:
        return f"{opening} none is rated."
    parts = []
    for rag in Rag:
        n = total.rag_counts[rag]
        if n == count:
            every = "both" if n == 2 else f"all {number_word(n)}"
            return f"{opening} {every} are {rag.label} ({rag.value})."
        if n:
            parts.append(f"{number_word(n)} {'is' if n == 1 else 'are'} {rag.label} ({rag.value})")
    if total.unrated:
        n = total.unrated
        parts.append(f"{number_word(n)} {'is' if n == 1 else 'are'} not rated")
    return f"{opening} {and_list(parts)}."
