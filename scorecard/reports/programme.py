"""The programme progress report (the plan's report to its board, seeds 000 and 001): a front
sheet, each programme's achievements, the programmes' statuses, the executive summary of the
quarter's highlight reports, the outcome indicators and the plan's governance.

Everything is read from the database and worded here; the executive summary is the one the
Executive summary page shows (`highlights.executive_summary`), the indicators are the Outcome
indicators page's rows (`pages.indicator_row`), as at the end of the quarter.
"""

from __future__ import annotations

import datetime
from dataclasses import replace

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from scorecard.core.delivery_status import DeliveryKind
from scorecard.core.periods import Period, PeriodKind
from scorecard.core.ratings import Rag
from scorecard.core.wording import capitalised
from scorecard.delivery.models import HighlightReport
from scorecard.delivery.picking import periods_of
from scorecard.framework.models import Plan, Programme
from scorecard.measures.models import ComparatorValue, Observation
from scorecard.papers.choices import PLAN_LEVEL
from scorecard.papers.models import Paper
from scorecard.papers.prefill import risk_implications, summary_sentences
from scorecard.reports import cells
from scorecard.reports.document import (
    Block,
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
from scorecard.reports.front_sheet import (
    NOT_YET_WRITTEN,
    cover_lines,
    end_sections,
    front_sheet,
    paper_for,
)
from scorecard.reports.governance import governance
from scorecard.reports.plans import known_plan, organisation_name
from scorecard.reports.progress_sections import (
    boards_view,
    governance_arrangements,
    opening_sections,
)
from scorecard.risks.register import long_date
from scorecard.scoring.executive_summary import (
    GATHERED,
    ExecutiveSummary,
    Gathered,
    ReportLine,
    executive_summary,
)
from scorecard.scoring.rows import IndicatorRow, indicator_row
from scorecard.scoring.scorecard import OTHER_MEASURES, RatedMeasure, measures_for, rate_measures

KIND = "programme"
NONE_REPORTED = "None reported."
NOT_AVAILABLE = "Not available"
ISSUES = "Issues"
DECISIONS = "Decisions required"
# The executive summary's heading for the programmes' progress: the paper gives the same areas
# of success as its achievements (seed 001's "What has been the impact?", seed 000's year
# table), so its executive summary does not print them again.
PROGRESS = dict(GATHERED)["areas_of_success"]


# --- shared with the actions report ---------------------------------------------------------


def date_range(period: Period) -> str:
    """'1 January to 31 March 2018'; '1 October 2017 to 31 March 2018' across a year end."""
    start, end = period.start, period.end
    first = f"{start.day} {start:%B}" if start.year == end.year else long_date(start)
    return f"{first} to {long_date(end)}"


# --- which plan -----------------------------------------------------------------------------


def _quarters_text(quarters: list[Period]) -> str:
    return ", ".join(q.display for q in quarters)


def choose_plan(quarter: Period, plan_id: str | None) -> Plan:
    """The plan asked for, else the first (in plan order) with highlight reports for the quarter;
    refused with the quarters that do have reports when there are none."""
    plan = known_plan(plan_id) if plan_id else None
    if quarter.kind is not PeriodKind.QUARTER:
        held = periods_of(
            HighlightReport.objects.filter(programme__plan=plan)
            if plan
            else HighlightReport.objects.all()
        )
        where = f": there are highlight reports for {_quarters_text(held)}" if held else ""
        raise ReportUnavailable(
            f"a progress report is for a quarter or a financial year, not {quarter.display}{where}"
        )
    return plan_with_reports(
        plan, HighlightReport.objects.filter(period=quarter.label), quarter.display
    )


def plan_with_reports(plan: Plan | None, reports: QuerySet[HighlightReport], wanted: str) -> Plan:
    """`plan` if it has some of `reports`, or with no plan asked for the first (in plan order)
    that has; refused, naming the quarters that do have reports, when there is none. `wanted`
    says which reports in words: "Q4 2017/18", "a quarter of 2017/18"."""
    if plan is not None:
        if not reports.filter(programme__plan=plan).exists():
            held = periods_of(HighlightReport.objects.filter(programme__plan=plan))
            where = (
                f"it has them for {_quarters_text(held)}"
                if held
                else "none have been entered for it yet"
            )
            raise ReportUnavailable(
                f"plan '{plan.plan_id}' has no highlight reports for {wanted}: {where}"
            )
        return plan
    found = (
        Plan.objects.select_related("organisation", "board")
        .filter(pk__in=reports.values("programme__plan"))
        .order_by("order", "name")
        .first()
    )
    if found is None:
        held = periods_of(HighlightReport.objects.all())
        if not held:
            raise ReportUnavailable("no highlight reports have been entered yet")
        raise ReportUnavailable(
            f"no plan has highlight reports for {wanted}: there are some for {_quarters_text(held)}"
        )
    return found


# --- the report -----------------------------------------------------------------------------


def build(
    period: Period, plan_id: str | None = None, meeting: datetime.date | None = None
) -> Report:
    """The report; its front sheet from the paper record for the plan, period and meeting
    (the latest meeting's when none is given) where the team has started one."""
    plan = choose_plan(period, plan_id)
    summary = executive_summary(plan, period)
    programmes = list(plan.programmes.current())
    paper = paper_for(KIND, plan, period, meeting)
    title = (paper.title if paper else "") or f"{plan.name}: progress report"
    board = plan.board.name if plan.board_id else ""
    cover = cover_lines(paper) if paper else [board]
    return Report(
        kind=KIND,
        title=title,
        period=period.display,
        organisation=organisation_name(plan),
        produced=timezone.localdate(),
        cover=[line for line in (*cover, capitalised(date_range(period))) if line],
        sections=[
            front_sheet(paper)
            if paper
            else generated_front_sheet(plan, period, summary_sentences(plan, summary), title),
            *opening_sections(paper),
            achievements(summary, programmes),
            # Straight after the achievements, as both seeds put the board's view.
            *boards_view(paper, plan),
            programme_status(summary, programmes),
            summary_section(summary, paper, said_before=PROGRESS),
            indicators_appendix(plan, period),
            governance(plan, programmes),
            *(end_sections(paper) if paper else []),
        ],
    )


# --- front sheet, where no paper record has been started ----------------------------------


def generated_front_sheet(plan: Plan, period: Period, summary: str, title: str) -> Section:
    """What the data alone gives; the recommendations are the team's to write, on the paper
    record, and show as a gap until then."""
    organisation = organisation_name(plan)
    return Section(
        "Front sheet",
        [
            Facts(
                [
                    ("Report", title),
                    ("Meeting", plan.board.name if plan.board_id else "No board recorded"),
                    ("Period", f"{period.display} ({date_range(period)})"),
                    ("Lead officer", plan.lead or "No lead officer recorded"),
                    (
                        "Author",
                        f"The performance team, {organisation}"
                        if organisation
                        else "The performance team",
                    ),
                    ("Summary", summary),
                    ("Recommendations", NOT_YET_WRITTEN),
                    ("Risk implications", risk_implications(plan, period)),
                ]
            )
        ],
    )


# --- achievements, status, executive summary ------------------------------------------------


def items(text: str) -> list[str]:
    """A text box as bullet points: one a line, any bullet mark typed before it dropped."""
    found = []
    for line in text.splitlines():
        line = line.strip().lstrip("•*-–").strip()
        if line:
            found.append(line)
    return found


def one_line(text: str) -> str:
    return " ".join(items(text))


def _lines_by_programme(summary: ExecutiveSummary) -> dict[int, ReportLine]:
    return {line.programme.pk: line for line in summary.lines}


def achievements(summary: ExecutiveSummary, programmes: list[Programme]) -> Section:
    quarter = summary.quarter.display
    reported = _lines_by_programme(summary)
    section = Section(
        "Achievements",
        [Paragraph(f"The areas of success each programme's highlight report for {quarter} gives.")],
    )
    for programme in programmes:
        line = reported.get(programme.pk)
        if line is None:
            block: Block = Paragraph(f"No highlight report for {quarter}.")
        else:
            found = items(line.report.areas_of_success)
            block = Bullets(found) if found else Paragraph(NONE_REPORTED)
        section.sections.append(Section(programme.name, [block]))
    return section


def trend_cell(line: ReportLine) -> Cell:
    """As the executive summary page: the arrow and word with the status it was; else whether
    there is an earlier report."""
    if line.trend:
        previous = line.previous
        shown = cells.direction(line.trend)
        return replace(
            shown,
            text=f"{shown.text}: was {previous.rag.label} in {previous.period_obj.display}",
        )
    if line.previous:
        return Cell(f"No trend: was {line.previous.rag.label} in the last report")
    return Cell("First report")


def status_counts_table(summary: ExecutiveSummary) -> Table:
    quarter = summary.quarter.display
    headings = {Rag.BLUE: "Blue (closed)"}
    columns = [Column(headings.get(rag, rag.label), numeric=True) for rag, _ in summary.counts]
    return Table(
        f"Programmes by status, {quarter}",
        [*columns, Column("Not reported", numeric=True)],
        [[*(cells.count(n) for _, n in summary.counts), cells.count(len(summary.not_reported))]],
        sheet="Programmes by status",
    )


def programme_status(summary: ExecutiveSummary, programmes: list[Programme]) -> Section:
    quarter = summary.quarter.display
    reported = _lines_by_programme(summary)
    rows = []
    for programme in programmes:
        name = Cell(programme.name, header=True)
        lead = cells.text(programme.lead or "No lead recorded")
        line = reported.get(programme.pk)
        if line is None:
            rows.append(
                [name, lead, Cell(f"No highlight report for {quarter}"), Cell(""), Cell("")]
            )
            continue
        rows.append(
            [
                name,
                lead,
                cells.status(line.report.status, DeliveryKind.PROGRAMME),
                trend_cell(line),
                cells.text(one_line(line.report.reason_for_status) or "No reason given."),
            ]
        )
    table = Table(
        f"Status of each programme, with the reason, {quarter}",
        [
            Column("Programme", width=22),
            Column("Lead", width=14),
            Column("Status", width=12),
            Column("Trend since the last report", width=14),
            Column("Reason for status", width=38),
        ],
        rows,
        sheet="Programme status",
        row_headers=True,
    )
    lead = f"{summary.headline}{'; ' + summary.others if summary.others else ''}."
    return Section(
        "Programme status", [Paragraph(lead, "lead"), status_counts_table(summary), table]
    )


def _who_says(programmes: list[Programme], reported: list[Programme]) -> str:
    """Whose reports say a text: 'All programmes'; 'All programmes but Building Skills for
    Life' when most do; else the programmes by name."""
    if len(reported) > 1 and len(programmes) == len(reported):
        return "All programmes"
    left_out = [programme.name for programme in reported if programme not in programmes]
    if len(programmes) > 1 and len(left_out) < len(programmes):
        return f"All programmes but {'; '.join(left_out)}"
    return "; ".join(programme.name for programme in programmes)


def _without(text: str, said_for_plan: str) -> str:
    """A programme's text with the plan-level text taken out where it repeats it (whitespace
    and case aside): what is left is the programme's own."""
    words = " ".join(text.split())
    plan_level = " ".join(said_for_plan.split())
    if not plan_level:
        return words
    at = words.casefold().find(plan_level.casefold())
    if at < 0:
        return words
    return f"{words[:at]} {words[at + len(plan_level) :]}".strip()


def _gathered_blocks(
    gathered: Gathered, reported: list[Programme], said_for_plan: str
) -> list[Block]:
    """The plan-level text the team typed, then what the programmes say: a text every report
    copies said once, and the plan-level text not again."""
    blocks: list[Block] = [Paragraph(said_for_plan)] if said_for_plan else []
    entries = []
    for programmes, text in gathered.said_once:
        own = _without(one_line(text), said_for_plan)
        if own:
            entries.append(f"{_who_says(programmes, reported)}: {own}")
    if entries:
        blocks.append(Bullets(entries))
    return blocks or [Paragraph(NONE_REPORTED)]


def summary_section(
    summary: ExecutiveSummary,
    paper: Paper | None = None,
    said_before: str = "",
    reported_in: ExecutiveSummary | None = None,
) -> Section:
    """The quarter's highlight reports gathered heading by heading; where the team has written
    the plan-level parts (overall position, issues across the programmes, decisions sought),
    those once, before what the programmes say. `said_before`: a heading the paper has
    already given in full (the progress, given as the paper's achievements). `reported_in`:
    the period whose missing reports end the summary, when not the quarter's own (the year's
    report names the programmes with no report in the year, not only in its last quarter)."""
    quarter = summary.quarter.display
    section = Section(
        "Executive summary",
        [
            Paragraph(
                f"What the highlight reports for {quarter} say, gathered programme by programme."
            )
        ],
    )
    typed = {name: getattr(paper, name).strip() if paper else "" for name, _ in PLAN_LEVEL}
    if typed["overall_position"]:
        title = dict(PLAN_LEVEL)["overall_position"]
        section.sections.append(Section(title, [Paragraph(typed["overall_position"])]))
    said_for_plan = {ISSUES: typed["cross_cutting_issues"], DECISIONS: typed["decisions_sought"]}
    reported = [line.programme for line in summary.lines]
    for gathered in summary.gathered:
        if gathered.heading == said_before:
            continue
        blocks = _gathered_blocks(gathered, reported, said_for_plan.get(gathered.heading, ""))
        section.sections.append(Section(gathered.heading, blocks))
    section.sections += governance_arrangements(paper)
    reporting = reported_in or summary
    missing = [programme.name for programme in reporting.not_reported]
    block = (
        Bullets(missing)
        if missing
        else Paragraph(f"Every programme has reported for {reporting.quarter.display}.")
    )
    section.sections.append(Section("Programmes that have not reported", [block]))
    return section


# --- appendix: outcome indicators -----------------------------------------------------------


def rated_as_at(plan: Plan, period: Period) -> list[RatedMeasure]:
    """The plan's measures with the observations and comparator values for periods that had
    ended by the end of `period` (a report for a quarter shows nothing newer)."""
    comparators = ComparatorValue.objects.filter(period_last_month__lte=period.last_month).order_by(
        "period_last_month"
    )
    measures = measures_for(plan.plan_id).prefetch_related(
        Prefetch("comparators", queryset=comparators)
    )
    found = []
    for rated in rate_measures(measures):
        kept = [(o, r) for o, r in rated.rows if o.period_last_month <= period.last_month]
        found.append(RatedMeasure(rated.measure, [r for _, r in kept], [o for o, _ in kept]))
    return found


def _figure(measure, row: Observation | ComparatorValue | None) -> Cell:
    if row is None:
        return Cell(NOT_AVAILABLE)
    shown = cells.measure_value(measure, row.value, written=getattr(row, "written_decimals", None))
    return replace(shown, text=f"{shown.text} ({row.period_obj.display})")


def indicator_cells(row: IndicatorRow) -> list[Cell]:
    measure = row.measure
    return [
        Cell(measure.title, header=True),
        _figure(measure, row.baseline),
        _figure(measure, row.latest),
        _figure(measure, row.england),
        _figure(measure, row.neighbours),
        cells.text(_position(row)),
        cells.text(row.progress),
    ]


def _position(row: IndicatorRow) -> str:
    if not row.position:
        return "Not benchmarked"
    top = " (top quartile)" if row.comparison.ours.position.top_quartile else ""
    return f"{row.position}{top} ({row.comparison.period_shown})"


INDICATOR_COLUMNS = (
    ("Indicator", 22),
    ("Baseline", 11),
    ("Most recent", 11),
    ("England", 11),
    ("Statistical neighbours", 11),
    # Wide enough for "Not benchmarked" unbroken on a printed page.
    ("Among all areas", 14),
    ("Progress", 20),
)
TEXT_COLUMNS = ("Indicator", "Among all areas", "Progress")


def indicator_table(caption: str, rows: list[IndicatorRow], sheet: str) -> Table:
    columns = [
        Column(heading, numeric=heading not in TEXT_COLUMNS, width=width)
        for heading, width in INDICATOR_COLUMNS
    ]
    return Table(
        caption,
        columns,
        [indicator_cells(row) for row in rows],
        sheet=sheet,
        row_headers=True,
    )


def indicators_appendix(plan: Plan, period: Period) -> Section:
    quarter = period.display
    rows = [
        indicator_row(rated, up_to_month=period.last_month) for rated in rated_as_at(plan, period)
    ]
    section = Section("Appendix: outcome indicators", new_page=True)
    if not rows:
        return section.add(Paragraph("This plan has no outcome indicators."))
    section.add(
        Paragraph(
            f"Each indicator's baseline and most recent value as at the end of {quarter}, "
            "beside England and the statistical neighbours, with the period each figure is "
            "for, and the place among all areas where the indicator is published for every "
            "area (1st is the best). Progress compares like with like and follows whether "
            "higher or lower is better, unless an officer has written a statement for the "
            "latest figure."
        )
    )
    groups: dict[str, list[IndicatorRow]] = {}
    for row in rows:
        outcome = row.measure.outcome
        groups.setdefault(outcome.name if outcome else OTHER_MEASURES, []).append(row)
    if list(groups) == [OTHER_MEASURES]:
        return section.add(
            indicator_table(f"Outcome indicators, as at {quarter}", rows, "Outcome indicators")
        )
    for name, grouped in groups.items():
        table = indicator_table(f"Outcome indicators: {name}, as at {quarter}", grouped, name)
        section.sections.append(Section(name, [table]))
    return section
