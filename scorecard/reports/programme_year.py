"""The plan progress report for a financial year (seeds 000 and 001: the report on Year 1 and on
Year 2 of the CYPP): the year's four quarters of highlight reports rolled up.

Each programme's achievements are the areas of success of its reports for the year's quarters,
said once each; its status and direction are those of its last report of the year; its plans for
next year are the focus that last report gives. The quarter's executive summary of the year's
last reported quarter follows (without the progress the achievements gave, and naming the
programmes with no report in the year), then the outcome indicators as they stood at the year
end, and the governance, as the quarter's report has them (programme.py). Where the year has
nothing for a programme, the paper says so of the year, never of a quarter.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from scorecard.core.delivery_status import DeliveryKind
from scorecard.core.periods import Period
from scorecard.core.wording import capitalised
from scorecard.delivery.models import HighlightReport
from scorecard.framework.models import Plan
from scorecard.papers.prefill import summary_sentences
from scorecard.reports import cells
from scorecard.reports.document import (
    Block,
    Bullets,
    Cell,
    Column,
    Paragraph,
    Report,
    Section,
    Table,
)
from scorecard.reports.front_sheet import cover_lines, end_sections, front_sheet, paper_for
from scorecard.reports.governance import governance
from scorecard.reports.plans import known_plan, organisation_name
from scorecard.reports.programme import (
    KIND,
    PROGRESS,
    date_range,
    generated_front_sheet,
    indicators_appendix,
    items,
    one_line,
    plan_with_reports,
    status_counts_table,
    summary_section,
    trend_cell,
)
from scorecard.reports.progress_sections import boards_view, opening_sections
from scorecard.scoring.executive_summary import executive_summary
from scorecard.scoring.year_summary import ProgrammeYear, YearSummary, year_summary


def _in_year(year: Period):
    return HighlightReport.objects.filter(
        period_first_month__gte=year.first_month, period_last_month__lte=year.last_month
    )


def choose_plan(year: Period, plan_id: str | None) -> Plan:
    """The plan asked for, else the first (in plan order) with highlight reports in the year;
    refused with the quarters that do have reports when there are none."""
    plan = known_plan(plan_id) if plan_id else None
    return plan_with_reports(plan, _in_year(year), f"a quarter of {year.display}")


def build_year(
    year: Period, plan_id: str | None = None, meeting: datetime.date | None = None
) -> Report:
    plan = choose_plan(year, plan_id)
    summary = year_summary(plan, year)
    # The last quarter of the year with a report: its executive summary goes with the paper.
    last_quarter = summary.reported_quarters[-1]
    paper = paper_for(KIND, plan, year, meeting)
    title = (paper.title if paper else "") or f"{plan.name}: annual progress report"
    board = plan.board.name if plan.board else ""
    cover = cover_lines(paper) if paper else [board]
    at_year_end = summary_sentences(plan, summary.at_year_end)
    return Report(
        kind=KIND,
        title=title,
        period=year.display,
        organisation=organisation_name(plan),
        produced=timezone.localdate(),
        cover=[line for line in (*cover, capitalised(date_range(year))) if line],
        sections=[
            front_sheet(paper) if paper else generated_front_sheet(plan, year, at_year_end, title),
            *opening_sections(paper),
            achievements(summary),
            # Straight after the achievements, as both seeds put the board's view.
            *boards_view(paper, plan),
            status_at_year_end(summary),
            next_year(summary),
            summary_section(
                executive_summary(plan, last_quarter),
                paper,
                said_before=PROGRESS,
                reported_in=summary.at_year_end,
            ),
            indicators_appendix(plan, year),
            governance(plan, [p.programme for p in summary.programmes]),
            *(end_sections(paper) if paper else []),
        ],
    )


def _said_once(texts: list[str]) -> list[str]:
    """Each point once, in the order first said: a quarter's report often repeats the one
    before's."""
    found: dict[str, str] = {}
    for text in texts:
        for point in items(text):
            found.setdefault(" ".join(point.split()).casefold(), point)
    return list(found.values())


def _quarters_reported(summary: YearSummary) -> str:
    reported = summary.reported_quarters
    if len(reported) == len(summary.quarters):
        return f"the four quarters of {summary.year.display}"
    return ", ".join(q.display for q in reported)


def achievements(summary: YearSummary) -> Section:
    year = summary.year.display
    section = Section(
        f"Achievements in {year}",
        [
            Paragraph(
                "What each programme achieved in the year: the areas of success of its "
                f"highlight reports for {_quarters_reported(summary)}, each said once."
            )
        ],
    )
    for found in summary.programmes:
        if not found.reports:
            block: Block = Paragraph(f"No highlight report for {year}.")
        else:
            points = _said_once([r.areas_of_success for r in found.reports])
            block = (
                Bullets(points)
                if points
                else Paragraph(f"No areas of success in its highlight reports for {year}.")
            )
        section.sections.append(Section(found.programme.name, [block]))
    return section


def _year_end_row(found: ProgrammeYear, year: Period) -> list[Cell]:
    name = Cell(found.programme.name, header=True)
    lead = cells.text(found.programme.lead or "No lead recorded")
    line = found.year_end
    if line is None:
        return [name, lead, Cell(f"No highlight report for {year.display}"), Cell(""), Cell("")]
    status = cells.status(line.report.status, DeliveryKind.PROGRAMME)
    as_at = line.report.period_obj
    if as_at.last_month != year.last_month:
        status = Cell(f"{status.text} at {as_at.display}", rag=status.rag)
    reason = one_line(line.report.reason_for_status) or "No reason given."
    return [name, lead, status, trend_cell(line), cells.text(reason)]


def _quarter_by_quarter(summary: YearSummary) -> Table:
    quarters = summary.quarters
    rows = []
    for found in summary.programmes:
        row = [Cell(found.programme.name, header=True)]
        for quarter in quarters:
            report = found.report_for(quarter)
            row.append(
                cells.status(report.status, DeliveryKind.PROGRAMME)
                if report
                else Cell("Not reported")
            )
        rows.append(row)
    return Table(
        f"Status of each programme quarter by quarter, {summary.year.display}",
        [Column("Programme", width=36), *(Column(q.display, width=16) for q in quarters)],
        rows,
        sheet="Status by quarter",
        row_headers=True,
    )


def status_at_year_end(summary: YearSummary) -> Section:
    year = summary.year
    at_end = summary.at_year_end
    lead = (
        f"At the end of {year.display}: {at_end.headline[0].lower()}{at_end.headline[1:]}"
        f"{'; ' + at_end.others if at_end.others else ''}."
    )
    table = Table(
        f"Status of each programme at the end of {year.display}, with the direction since "
        "the report before and the reason",
        [
            Column("Programme", width=22),
            Column("Lead", width=14),
            Column("Status", width=12),
            Column("Direction since the report before", width=14),
            Column("Reason for status", width=38),
        ],
        [_year_end_row(found, year) for found in summary.programmes],
        sheet="Status at year end",
        row_headers=True,
    )
    return Section(
        "Programme status at the year end",
        [Paragraph(lead, "lead"), status_counts_table(at_end), table, _quarter_by_quarter(summary)],
    )


def next_year(summary: YearSummary) -> Section:
    following = summary.year.next().display
    section = Section(
        f"Plans for {following}",
        [
            Paragraph(
                f"What each programme will focus on in {following}: the focus its last highlight "
                f"report of {summary.year.display} gives."
            )
        ],
    )
    for found in summary.programmes:
        line = found.year_end
        if line is None:
            block: Block = Paragraph(f"No highlight report for {summary.year.display}.")
        else:
            points = items(line.report.focus_next_quarter)
            block = (
                Bullets(points)
                if points
                else Paragraph(
                    f"No focus for {following} in its last highlight report of "
                    f"{summary.year.display}."
                )
            )
        section.sections.append(Section(found.programme.name, [block]))
    return section
