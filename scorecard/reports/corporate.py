"""The Corporate Performance Report (seed 003): the quarterly Cabinet paper of a plan's
measures and projects, rated as at one period."""

from __future__ import annotations

import datetime

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from scorecard.charts.line import HEIGHT, WIDTH, line_chart, point_of
from scorecard.core.delivery_status import DeliveryKind, status_meaning
from scorecard.core.gc_pause import collector_paused
from scorecard.core.periods import Period
from scorecard.core.ratings import Direction, Polarity, Rag
from scorecard.core.series import Headline
from scorecard.core.wording import improving_sentence, on_target_sentence, plural
from scorecard.delivery.models import Project, ProjectUpdate
from scorecard.delivery.positions import ProjectPosition, milestone_state
from scorecard.framework.models import Plan
from scorecard.measures.models import Measure, Observation
from scorecard.papers.choices import PURPOSE_TITLE
from scorecard.papers.models import Paper, lines_of
from scorecard.reports import cells
from scorecard.reports.board import text_blocks
from scorecard.reports.document import (
    Bullets,
    CardPeriod,
    Cell,
    Chart,
    Column,
    Facts,
    MeasureCard,
    Paragraph,
    Report,
    Section,
    Table,
)
from scorecard.reports.front_sheet import cover_lines, end_sections, front_sheet, paper_for
from scorecard.reports.plans import organisation_name, plan_for
from scorecard.reports.summary import directions_by_outcome, ratings_by_outcome, summary_table
from scorecard.scoring.figures import axis_figures
from scorecard.scoring.how_we_compare import how_we_compare
from scorecard.scoring.rows import SeriesRow, headline_rows
from scorecard.scoring.scorecard import (
    RatedMeasure,
    Scorecard,
    ScorecardLine,
    build_scorecard,
    measures_for,
    rate_measures,
)

# The seed's paper shows each measure's last eight periods.
PERIODS_SHOWN = 8


# The measure pages: a compact card per measure, as the paper lays them out, or the long
# form (facts, the series down the page, the chart and the commentary).
LAYOUTS = ("cards", "long")


def build(
    period: Period,
    plan_id: str | None = None,
    meeting: datetime.date | None = None,
    layout: str = "cards",
) -> Report:
    """The report; with a front sheet from the paper record for the plan, period and meeting
    (the latest meeting's when none is given) where the team has started one. `layout`: the
    measure pages as cards or in the long form."""
    if layout not in LAYOUTS:
        raise ValueError(f"'{layout}' is not a layout: use {' or '.join(LAYOUTS)}")
    candidates = _plans_with_content() if plan_id else _plans_reporting(period)
    plan = plan_for(plan_id, candidates, "measures or projects")
    with collector_paused():
        # Rated once: the summary's headlines are picked from the series the sections show.
        measures = rate_measures(measures_for(plan.plan_id))
        scorecard = build_scorecard(period, plan.plan_id, measures)
        rated = {r.measure.pk: r for r in measures}
        outcomes = list(plan.outcomes.prefetch_related("priorities").order_by("order", "pk"))
        paper = paper_for("corporate", plan, period, meeting)
        sections = [
            *([front_sheet(paper)] if paper else []),
            _vision(plan, outcomes),
            *([_purpose(paper)] if paper and paper.purpose.strip() else []),
            _key(),
            _summary(scorecard),
            *_outcome_sections(scorecard, rated, outcomes, layout),
            _contacts(plan, outcomes, scorecard, paper),
            *(end_sections(paper) if paper else []),
        ]
    board = plan.board.name if plan.board is not None else ""
    return Report(
        kind="corporate",
        title=(paper.title if paper else "") or "Corporate Performance Report",
        period=period.display,
        organisation=organisation_name(plan),
        produced=timezone.localdate(),
        cover=[line for line in (plan.name, *(cover_lines(paper) if paper else [board])) if line],
        sections=sections,
    )


def _plans_reporting(period: Period):
    """Plans with figures or project reports for the period itself come first (the demo's
    business plan for Q2 2019/20); failing those, any plan with measures or projects."""
    within = {
        "period_last_month__gte": period.first_month,
        "period_last_month__lte": period.last_month,
    }
    reporting = Plan.objects.filter(
        Q(Exists(Observation.objects.approved().filter(measure__plan=OuterRef("pk"), **within)))
        | Q(Exists(ProjectUpdate.objects.filter(project__plan=OuterRef("pk"), **within)))
    )
    return reporting if reporting.exists() else _plans_with_content()


def _plans_with_content():
    return Plan.objects.filter(
        Q(Exists(Measure.objects.current().filter(plan=OuterRef("pk"))))
        | Q(Exists(Project.objects.current().filter(plan=OuterRef("pk"))))
    )


def _vision(plan: Plan, outcomes: list) -> Section:
    section = Section("Our vision and outcomes")
    if plan.vision:
        section.add(Paragraph(plan.vision, "lead"))
    for number, outcome in enumerate(outcomes, start=1):
        priorities = [p.name for p in outcome.priorities.all()]
        section.add(Paragraph(f"Outcome {number}: {outcome.name}"))
        if priorities:
            section.add(Bullets(priorities))
    return section


def _purpose(paper: Paper) -> Section:
    """The purpose of the report as the team wrote it, after the vision, as the seed has it."""
    return Section(PURPOSE_TITLE, text_blocks(paper.purpose))


def _key() -> Section:
    ratings = Table(
        "Key to ratings",
        [Column("Rating"), Column("A measure"), Column("A project")],
        [
            [cells.rating(rag), Cell(rag.meaning), Cell(status_meaning(rag, DeliveryKind.PROJECT))]
            for rag in (Rag.GREEN, Rag.AMBER, Rag.RED, Rag.BLUE)
        ],
        sheet="Key to ratings",
        row_headers=True,
    )
    directions = Table(
        "Key to directions of performance",
        [Column("Direction"), Column("Meaning")],
        [
            [cells.direction(way), Cell(meaning)]
            for way, meaning in (
                (Direction.IMPROVING, "Better than the period compared with"),
                (Direction.STEADY, "Within the measure's steady band of that period"),
                (Direction.DECLINING, "Worse than the period compared with"),
            )
        ],
        sheet="Key to directions",
        row_headers=True,
    )
    return Section(
        "Key to ratings and directions",
        [
            Paragraph(
                "Measures are rated against their targets; projects by their owners. "
                "A direction compares a measure with its previous period, or with the same "
                "period a year earlier where the measure says so, following its polarity."
            ),
            ratings,
            directions,
        ],
    )


def _summary(scorecard: Scorecard) -> Section:
    total = scorecard.total
    nouns = _nouns(bool(scorecard.reported_projects))
    table = summary_table(scorecard)
    chart = ratings_by_outcome(scorecard, table)
    return Section(
        "High level summary",
        [
            Paragraph(
                _sentences(total, nouns),
                "lead",
            ),
            Paragraph(
                f"As at {scorecard.as_at.display}, counting "
                f"{len(scorecard.lines):,} {plural(len(scorecard.lines), 'measure')} and "
                f"{scorecard.reported_projects:,} {plural(scorecard.reported_projects, 'project')} "
                "with a status."
            ),
            # The chart carries the table as its data, so the table is not repeated.
            chart or table,
            *_directions(scorecard),
        ],
    )


def _directions(scorecard: Scorecard) -> list[Paragraph | Chart]:
    chart = directions_by_outcome(scorecard)
    if chart is None:
        return []
    return [
        Paragraph("Direction of performance by outcome", "lead"),
        chart,
        Paragraph(
            f"Not all {scorecard.counted_as} carry a direction of performance (a first figure "
            "has nothing to compare with), so these totals are fewer than the ratings above.",
            "small",
        ),
    ]


def _outcome_sections(
    scorecard: Scorecard, rated: dict[int, RatedMeasure], outcomes: list, layout: str
) -> list[Section]:
    def measure(line: ScorecardLine) -> Section:
        return _measure_section(line, rated[line.measure.pk], scorecard.as_at, layout)

    lines_by_outcome: dict[int | None, list[ScorecardLine]] = {}
    for line in scorecard.lines:
        lines_by_outcome.setdefault(line.measure.outcome_id, []).append(line)
    projects_by_outcome: dict[int | None, list[ProjectPosition]] = {}
    for position in scorecard.projects:
        projects_by_outcome.setdefault(position.project.rollup_outcome_id, []).append(position)
    rollups = dict(scorecard.groups)
    shown = {outcome.pk for outcome in outcomes}
    sections = []
    for number, outcome in enumerate(outcomes, start=1):
        lines = lines_by_outcome.get(outcome.pk, [])
        positions = projects_by_outcome.get(outcome.pk, [])
        if not lines and not positions:
            continue
        section = Section(f"Outcome {number}: {outcome.name}", new_page=True)
        rollup = rollups.get(outcome.name)
        if rollup is not None:
            section.add(Paragraph(_sentences(rollup, _nouns(bool(positions))), "lead"))
        section.sections = [measure(line) for line in lines] + [
            _project_section(position, scorecard.as_at) for position in positions
        ]
        sections.append(section)
    # Measures and projects outside the plan's outcomes still count in the summary ("Measures
    # not linked to an outcome"), so they are reported too.
    unlinked = [
        line for key, found in lines_by_outcome.items() if key not in shown for line in found
    ]
    unplaced = [p for key, found in projects_by_outcome.items() if key not in shown for p in found]
    if unlinked or unplaced:
        section = Section("Not linked to an outcome", new_page=True)
        section.sections = [measure(line) for line in unlinked] + [
            _project_section(position, scorecard.as_at) for position in unplaced
        ]
        sections.append(section)
    return sections


def _nouns(with_projects: bool) -> tuple[str, str]:
    return (
        ("measure or project", "measures and projects")
        if with_projects
        else ("measure", "measures")
    )


def _sentences(rollup, nouns: tuple[str, str]) -> str:
    """'16 of 26 measures and projects (62%) are on or exceeding target; ...' from the core."""
    on_target = on_target_sentence(rollup.rag_counts[Rag.GREEN], rollup.rated, *nouns)
    improving = improving_sentence(
        rollup.direction_counts[Direction.IMPROVING], rollup.with_direction, *nouns
    )
    return f"{on_target}; {improving}."


def _shown_rows(rated: RatedMeasure, as_at: Period) -> list[SeriesRow]:
    return headline_rows(rated, as_at.last_month, PERIODS_SHOWN)


def _measure_section(
    line: ScorecardLine, rated: RatedMeasure, as_at: Period, layout: str = "long"
) -> Section:
    measure = rated.measure
    headline = line.headline
    rows = _shown_rows(rated, as_at)
    latest = headline.latest
    facts = [
        ("Rating", cells.rating(headline.rag, headline.rating.reason).text),
        ("Direction", cells.direction(headline.direction).text),
        ("Latest value", _latest_value(measure, rows, latest)),
        ("Target", cells.target(measure, latest.target if latest else None).text),
        ("Polarity", Polarity(measure.polarity).label),
    ]
    comparison = how_we_compare(measure, as_at.last_month)
    if comparison is not None:
        facts.append(("How we compare", comparison.in_words))
    for label, value in (
        ("Description", measure.description),
        ("Benchmarking", measure.benchmarking),
        ("Owner", measure.owner),
        ("Source", measure.source),
    ):
        if value:
            facts.append((label, value))
    table = _series_table(measure, rows) if rows else None
    chart_size = CARD_CHART if layout == "cards" else (WIDTH, HEIGHT)
    chart = _chart(measure, rows, table, chart_size) if table else None
    commentary = next((row for row in reversed(rows) if row.observation.commentary), None)
    if layout == "cards" and table is not None:
        return _card(measure, headline, facts, rows, table, chart, commentary)
    section = Section(measure.title, [Facts(facts)])
    if table is not None:
        section.add(chart if chart else table)
    if commentary:
        section.add(
            Paragraph(
                f"Commentary and actions ({commentary.rated.reading.period.display})", "lead"
            ),
            Paragraph(commentary.observation.commentary),
        )
    return section


def _card(
    measure: Measure,
    headline: Headline,
    facts: list[tuple[str, str]],
    rows: list[SeriesRow],
    table: Table,
    chart: Chart | None,
    commentary: SeriesRow | None,
) -> Section:
    """The measure's card; its heading and body kept on one page where they fit."""
    periods = [
        CardPeriod(
            row.rated.reading.period.display,
            _value_cell(measure, row),
            cells.rating(row.rated.rating.rag, row.rated.rating.reason),
            cells.direction(row.rated.direction),
            cells.target(measure, row.rated.target),
        )
        for row in rows
    ]
    card = MeasureCard(
        cells.rating(headline.rag, headline.rating.reason),
        cells.direction(headline.direction),
        facts,
        periods,
        table,
        chart,
        commentary_heading=(
            f"Commentary and actions ({commentary.rated.reading.period.display})"
            if commentary
            else ""
        ),
        commentary=commentary.observation.commentary if commentary else "",
    )
    return Section(measure.title, [card], keep_together=True)


def _latest_value(measure: Measure, rows: list[SeriesRow], latest) -> str:
    """'67.0% (71/106) (Q2 2019/20)', or the status ('TBC') when the period has no value."""
    if latest is None:
        return "No value reported by this period"
    row = next((r for r in reversed(rows) if r.rated.reading.period == latest.reading.period), None)
    if row is None:
        shown = cells.measure_value(
            measure, latest.reading.value, written=latest.reading.decimals
        ).text
    else:
        shown = _value_cell(measure, row).text
    return f"{shown} ({latest.reading.period.display})"


def _value_cell(measure: Measure, row: SeriesRow) -> Cell:
    observation = row.observation
    return cells.measure_value(
        measure,
        observation.value,
        observation.numerator,
        observation.denominator,
        status=observation.get_status_display() if observation.status else "",
        written=observation.written_decimals,
    )


def _series_table(measure: Measure, rows: list[SeriesRow]) -> Table:
    return Table(
        f"{measure.title}: the last {len(rows)} periods",
        [
            Column("Period"),
            Column("Value", numeric=True),
            Column("Target", numeric=True),
            Column("Rating"),
            Column("Direction"),
            Column("Change"),
        ],
        [
            [
                Cell(row.rated.reading.period.display, header=True),
                _value_cell(measure, row),
                cells.target(measure, row.rated.target),
                cells.rating(row.rated.rating.rag, row.rated.rating.reason),
                cells.direction(row.rated.direction),
                Cell(row.change),
            ]
            for row in rows
        ],
        sheet=measure.measure_id,
        row_headers=True,
    )


# A card's chart is drawn at the size of its column on an A4 page (42% of the card), so that
# its text prints at 12 px and its labels fit; the long form's chart takes the page's width.
CARD_CHART = (280, 160)


def _chart(
    measure: Measure, rows: list[SeriesRow], table: Table, size: tuple[int, int]
) -> Chart | None:
    points = [point_of(row.rated) for row in rows]
    if sum(1 for p in points if p.value is not None) < 2:
        return None
    title = f"{measure.title}: values and target, last {len(points)} periods"
    svg = line_chart(
        title,
        points,
        chart_id=f"chart-{measure.pk}",
        shown=axis_figures(measure),
        width=size[0],
        height=size[1],
    )
    if not svg:
        return None
    figures = (
        (p, cells.measure_value(measure, p.value, written=row.rated.reading.decimals).text)
        for p, row in zip(points, rows, strict=True)
        if p.value is not None
    )
    described = ", ".join(
        f"{p.label} {shown}" + (f" ({Rag(p.rag).label})" if p.rag else "") for p, shown in figures
    )
    return Chart(title, svg, f"Line chart of {measure.title}: {described}.", table)


def _project_section(position: ProjectPosition, as_at: Period) -> Section:
    project, update = position.project, position.update
    facts = [
        ("Status", cells.status(position.rag).text),
        ("Direction", cells.direction(position.direction).text),
        ("Why this direction", position.direction_reason),
    ]
    if update is not None:
        facts.insert(0, ("Reported", update.period_obj.display))
        if update.latest_position:
            facts.append(("Latest position", update.latest_position))
        if update.next_steps:
            facts.append(("Next steps", update.next_steps))
        facts.extend(update.highlights)
    if project.owner is not None:
        facts.append(("Owner", project.owner.name))
    section = Section(f"Project: {project.title}", [Facts(facts)])
    milestones = list(project.milestones.all())
    # As at the end of the report: later achievements are not yet known to this paper.
    on = position.on or as_at.end
    if milestones:
        section.add(
            Table(
                f"{project.title}: milestones",
                [Column("Milestone"), Column("Due"), Column("Achieved"), Column("State")],
                [
                    [
                        Cell(milestone.title, header=True),
                        cells.timescale(milestone.timescale_chain),
                        cells.day(milestone.completed)
                        if milestone.completed and milestone.completed <= on
                        else Cell("Not yet"),
                        Cell(milestone_state(milestone, on)),
                    ]
                    for milestone in milestones
                ],
                sheet=f"{project.project_id} milestones",
                row_headers=True,
            )
        )
    return section


def _contacts(plan: Plan, outcomes: list, scorecard: Scorecard, paper: Paper | None) -> Section:
    rows = []
    if plan.lead:
        rows.append([Cell(plan.name, header=True), Cell("Plan lead"), Cell(plan.lead)])
    for outcome in outcomes:
        if outcome.lead:
            rows.append([Cell(outcome.name, header=True), Cell("Outcome lead"), Cell(outcome.lead)])
    for line in scorecard.lines:
        if line.measure.owner:
            rows.append(
                [
                    Cell(line.measure.title, header=True),
                    Cell("Measure owner"),
                    Cell(line.measure.owner),
                ]
            )
    section = Section("Contact details")
    typed = lines_of(paper.contact_details) if paper else []
    if typed:
        # The team's own telephone and e-mail from the paper record, as the seed ends.
        section.add(
            Paragraph(
                "For more about a measure or a project, contact its owner below. For anything "
                "else about this report, contact the performance team: "
                f"{'; '.join(typed)}."
            )
        )
    else:
        organisation = organisation_name(plan)
        section.add(
            Paragraph(
                "For more about a measure or a project, contact its owner below"
                + (f" or the performance team of {organisation}." if organisation else ".")
            )
        )
    if rows:
        section.add(
            Table(
                "Who to contact",
                [Column("About"), Column("Role"), Column("Contact")],
                rows,
                sheet="Contacts",
                row_headers=True,
            )
        )
    return section
