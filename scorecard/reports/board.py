"""A board's annual report to Council (seed 004, the Corporate Parenting Board's): the cover
report from the paper record, the board's own sections the team writes on the paper's page
(recommendations to the Board, background, achievements, areas for development, the principles,
the priorities table with progress, young people's voice), then the appendices from the data:
B, the task groups' work plans with the year's dated updates; C, the data dashboard, the age
groups across one table and the other figures with the benchmarks published beside them.

Nothing is written here that only people know: where there is no paper record yet, the report
says which sections it is waiting for.
"""

from __future__ import annotations

import datetime

from django.db.models import Prefetch
from django.utils import timezone

from scorecard.core.periods import Period, PeriodKind
from scorecard.delivery.action_plans import AsAt, action_plans_for, summarise
from scorecard.framework.models import Outcome, Plan
from scorecard.measures.models import ComparatorValue, Measure, Observation
from scorecard.papers.choices import BOARD_TITLES
from scorecard.papers.models import Paper
from scorecard.reports import actions, cells
from scorecard.reports.document import (
    Block,
    Bullets,
    Cell,
    Column,
    Paragraph,
    Report,
    ReportUnavailable,
    Section,
    Table,
)
from scorecard.reports.front_sheet import cover_lines, end_sections, front_sheet, paper_for
from scorecard.reports.plans import organisation_name
from scorecard.scoring.figures import figure
from scorecard.scoring.how_we_compare import how_we_compare, published_comparators
from scorecard.scoring.rows import natural_key
from scorecard.scoring.scorecard import RatedMeasure, measures_for, rate_measures

KIND = "board"
NO_FIGURE = "–"
NOT_COMPARED = "None published"
# The board's sections in the paper's order, after its front sheet.
TEXT_SECTIONS = (
    "recommendations_to_board",
    "background",
    "achievements",
    "areas_for_development",
    "principles",
)
PRIORITY_COLUMNS = (
    ("Priority", 20),
    ("The board's progress", 22),
    ("The young people's councils' progress", 22),
    ("Recommendations to Council", 18),
    ("Recommendations to the Board", 18),
)
FIGURE_COLUMNS = (
    ("Measure", False, 40),
    ("Figure", True, 18),
    ("Period", False, 12),
    ("Benchmarks", False, 30),
)


def build(
    period: Period, plan_id: str | None = None, meeting: datetime.date | None = None
) -> Report:
    """The report for the financial year; its own sections from the paper record for the plan,
    year and meeting (the latest meeting's when none is given)."""
    if period.kind is not PeriodKind.FINANCIAL_YEAR:
        raise ReportUnavailable(
            f"the board annual report is for a financial year (such as 2017/18), "
            f"not {period.display}"
        )
    plan = actions.choose_plan(period, plan_id)
    as_at = AsAt(period)
    summaries = summarise(action_plans_for(plan), as_at)
    paper = paper_for(KIND, plan, period, meeting)
    board = plan.board.name if plan.board is not None else plan.name
    title = (paper.title if paper else "") or f"{board} annual report"
    written = [front_sheet(paper), *board_sections(paper)] if paper else [not_started(plan)]
    return Report(
        kind=KIND,
        title=title,
        period=period.display,
        organisation=organisation_name(plan),
        produced=timezone.localdate(),
        # The appendices' work plans and the priorities table read across the page, as the
        # board's papers print them.
        landscape=True,
        cover=cover_lines(paper) if paper else [board],
        sections=[
            *written,
            appendix_b(summaries, as_at),
            appendix_c(plan, period),
            *(_kept_whole(end_sections(paper)) if paper else []),
        ],
    )


def _kept_whole(sections: list[Section]) -> list[Section]:
    """The short lists at the end (the glossary's few terms) each kept on one page."""
    for section in sections:
        section.keep_together = True
    return sections


def not_started(plan: Plan) -> Section:
    titles = ", ".join(BOARD_TITLES.values()).lower()
    return Section(
        "Front sheet",
        [
            Paragraph(
                f"No paper record has been started for this report on {plan.name}. The "
                f"performance team starts one on the Papers page to write the front sheet, "
                f"the recommendations and the board's own sections ({titles})."
            )
        ],
    )


# --- the board's own sections, as the team wrote them ----------------------------------------


def text_blocks(text: str) -> list[Block]:
    """Paragraphs parted by blank lines; a line starting '- ' is a bullet."""
    blocks: list[Block] = []
    words: list[str] = []
    items: list[str] = []

    def close() -> None:
        if words:
            blocks.append(Paragraph(" ".join(words)))
            words.clear()
        if items:
            blocks.append(Bullets(list(items)))
            items.clear()

    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            close()
        elif stripped.startswith("- "):
            if words:
                close()
            items.append(stripped[2:].strip())
        else:
            if items:
                close()
            words.append(stripped)
    close()
    return blocks


def board_sections(paper: Paper) -> list[Section]:
    """The board's sections in the paper's order; one left blank is left out."""
    found = [
        Section(BOARD_TITLES[key], text_blocks(text))
        for key in TEXT_SECTIONS
        if (text := getattr(paper, key)).strip()
    ]
    rows = list(paper.priorities.all())
    if rows:
        found.append(Section(BOARD_TITLES["priorities"], [priorities_table(rows)]))
    if paper.young_peoples_voice.strip():
        voice = BOARD_TITLES["young_peoples_voice"]
        found.append(Section(voice, text_blocks(paper.young_peoples_voice)))
    return found


def priorities_table(rows) -> Table:
    return Table(
        "The year's priorities: progress and recommendations",
        [Column(heading, width=width) for heading, width in PRIORITY_COLUMNS],
        [
            [
                Cell(row.priority, header=True),
                cells.text(row.board_progress),
                cells.text(row.young_peoples_progress),
                cells.text(row.recommendations_to_council),
                cells.text(row.recommendations_to_board),
            ]
            for row in rows
        ],
        sheet="Priorities",
        row_headers=True,
    )


# --- Appendix B: the task groups' work plans --------------------------------------------------


def appendix_b(summaries, as_at: AsAt) -> Section:
    every = [row for summary in summaries for row in summary.rows]
    return Section(
        "Appendix B: task group work plans",
        [
            Paragraph(actions.counts_sentence(every), "lead"),
            actions.overview_table(summaries, "task group", as_at),
        ],
        [
            actions.key_section(summaries, as_at),
            *(actions.action_plan_section(summary, as_at) for summary in summaries),
        ],
        new_page=True,
    )


# --- Appendix C: the data dashboard ----------------------------------------------------------


def appendix_c(plan: Plan, period: Period) -> Section:
    comparators = ComparatorValue.objects.order_by("period_last_month")
    measures = measures_for(plan.plan_id).prefetch_related(
        Prefetch("comparators", queryset=comparators)
    )
    end = period.last_month
    rated = rate_measures(measures)
    by_age = [r for r in rated if _breakdowns(r, end)]
    section = Section("Appendix C: data dashboard", new_page=True)
    if by_age:
        section.add(age_table(by_age, end))
    outcomes = {o.pk: o.name for o in Outcome.objects.filter(plan=plan)}
    grouped: dict[str, list[tuple[Measure, Observation]]] = {}
    for found in rated:
        if found in by_age:
            continue
        latest = _latest(found, end)
        if latest is not None:
            name = outcomes.get(found.measure.outcome_id or 0, "Other figures")
            grouped.setdefault(name, []).append((found.measure, latest))
    for name, lines in grouped.items():
        # A dashboard page's few figures read together: never one row left on a page.
        table = figures_table(name, lines, end)
        section.sections.append(Section(name, [table], keep_together=True))
    if not by_age and not grouped:
        section.add(Paragraph(f"{plan.name} has no figures for {period.display} or earlier."))
    return section


def _latest(rated: RatedMeasure, end: int) -> Observation | None:
    shown = [
        o
        for o in rated.observations
        if not o.breakdown and o.value is not None and o.period_last_month <= end
    ]
    return shown[-1] if shown else None


def _breakdowns(rated: RatedMeasure, end: int) -> dict[str, Observation]:
    """The measure's breakdown figures of its latest period with any, by the year's end."""
    split = [o for o in rated.observations if o.breakdown and o.period_last_month <= end]
    if not split:
        return {}
    latest = split[-1].period
    return {o.breakdown: o for o in split if o.period == latest}


def age_table(rated: list[RatedMeasure], end: int) -> Table:
    """One table: the measures down, their breakdowns (age groups) across, each figure with the
    counts it was made from."""
    found = {r.measure.pk: _breakdowns(r, end) for r in rated}
    groups = sorted({name for split in found.values() for name in split}, key=natural_key)
    periods = sorted({o.period_obj for split in found.values() for o in split.values()})
    when = " and ".join(p.display for p in periods)
    return Table(
        f"Figures by age group, {when}",
        [Column("Measure", width=32), *(Column(g, numeric=True, width=17) for g in groups)],
        [
            [
                Cell(r.measure.title, header=True),
                *(_value(r.measure, found[r.measure.pk].get(group)) for group in groups),
            ]
            for r in rated
        ],
        sheet="By age group",
        row_headers=True,
    )


def _value(measure: Measure, observation: Observation | None) -> Cell:
    if observation is None:
        return Cell(NO_FIGURE)
    return cells.measure_value(
        measure,
        observation.value,
        observation.numerator,
        observation.denominator,
        written=observation.written_decimals,
    )


def figures_table(name: str, lines: list[tuple[Measure, Observation]], end: int) -> Table:
    return Table(
        f"{name}: figures and benchmarks",
        [Column(heading, numeric=numeric, width=w) for heading, numeric, w in FIGURE_COLUMNS],
        [
            [
                Cell(measure.title, header=True),
                _value(measure, latest),
                cells.text(latest.period_obj.display),
                cells.text(benchmarks(measure, latest, end)),
            ]
            for measure, latest in lines
        ],
        sheet=name,
        row_headers=True,
    )


def benchmarks(measure: Measure, latest: Observation, end: int) -> str:
    """The comparisons published with the figure under their own names ("England 61.7"), then
    those the benchmarking data gives for the measure's indicator (England, the statistical
    neighbours' average, the region), each with its period where it is not the figure's."""
    shown = []
    for value in published_comparators(measure, end):
        written = figure(measure, value.value, written=value.written_decimals)
        shown.append(f"{value.comparator} {written}{_when(value.period_obj, latest)}")
    compared = how_we_compare(measure, end)
    if compared is not None:
        when = f" ({compared.period_shown})"
        averages = [
            ("England", compared.england),
            ("Statistical neighbours' average", compared.neighbour_average),
            (compared.region.name if compared.region else "", compared.region_value),
        ]
        shown += [f"{label} {value:.1f}{when}" for label, value in averages if label and value]
    return "; ".join(shown) or NOT_COMPARED


def _when(period: Period, latest: Observation) -> str:
    return "" if period == latest.period_obj else f" ({period.display})"
