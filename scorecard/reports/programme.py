"""The programme progress report (the plan's report to its board, seeds 000 and 001): a front
sheet, each programme's achievements, the programmes' statuses, the executive summary of the
quarter's highlight reports, the outcome indicators and the plan's governance.

Everything is read from the database and worded here; the executive summary is the one the
Executive summary page shows (`highlights.executive_summary`), the indicators are the Outcome
indicators page's rows (`pages.indicator_row`), as at the end of the quarter.
"""

from __future__ import annotations

from dataclasses import replace

from django.db.models import Prefetch
from django.utils import timezone

from scorecard.core.delivery_status import DeliveryKind
from scorecard.core.period_parser import parse_period
from scorecard.core.periods import Period, PeriodKind
from scorecard.core.ratings import Direction, Rag
from scorecard.core.wording import capitalised, number_word, plural
from scorecard.delivery.models import HighlightReport
from scorecard.delivery.picking import periods_of
from scorecard.framework.models import Plan, Programme
from scorecard.measures.models import ComparatorValue, Observation
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
from scorecard.reports.plans import known_plan, organisation_name
from scorecard.risks.register import Banding, assessment_lines, long_date, risks_as_at
from scorecard.scoring.executive_summary import ExecutiveSummary, ReportLine, executive_summary
from scorecard.scoring.rows import IndicatorRow, indicator_row
from scorecard.scoring.scorecard import OTHER_MEASURES, RatedMeasure, measures_for, rate_measures

KIND = "programme"
NONE_REPORTED = "None reported."
NOT_AVAILABLE = "Not available"
DECISIONS = "Decisions required"
PROGRESS_WORDS = {Direction.IMPROVING: "down", Direction.DECLINING: "up"}


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
        where = f": there are some for {_quarters_text(held)}" if held else ""
        raise ReportUnavailable(f"highlight reports are for quarters, not {quarter.display}{where}")
    if plan is not None:
        if not HighlightReport.objects.filter(programme__plan=plan, period=quarter.label).exists():
            held = periods_of(HighlightReport.objects.filter(programme__plan=plan))
            where = (
                f"it has them for {_quarters_text(held)}"
                if held
                else "none have been entered for it yet"
            )
            raise ReportUnavailable(
                f"plan '{plan.plan_id}' has no highlight reports for {quarter.display}: {where}"
            )
        return plan
    plan = (
        Plan.objects.select_related("organisation", "board")
        .filter(programmes__highlight_reports__period=quarter.label)
        .distinct()
        .order_by("order", "name")
        .first()
    )
    if plan is None:
        held = periods_of(HighlightReport.objects.all())
        if not held:
            raise ReportUnavailable("no highlight reports have been entered yet")
        raise ReportUnavailable(
            f"no plan has highlight reports for {quarter.display}: "
            f"there are some for {_quarters_text(held)}"
        )
    return plan


# --- the report -----------------------------------------------------------------------------


def build(period: Period, plan_id: str | None = None) -> Report:
    plan = choose_plan(period, plan_id)
    summary = executive_summary(plan, period)
    programmes = list(plan.programmes.current())
    title = f"{plan.name}: progress report"
    board = plan.board.name if plan.board_id else ""
    return Report(
        kind=KIND,
        title=title,
        period=period.display,
        organisation=organisation_name(plan),
        produced=timezone.localdate(),
        cover=[line for line in (board, capitalised(date_range(period))) if line],
        sections=[
            front_sheet(plan, period, summary, title),
            achievements(summary, programmes),
            programme_status(summary, programmes),
            summary_section(summary),
            indicators_appendix(plan, period),
            governance(plan, programmes),
        ],
    )


# --- front sheet ----------------------------------------------------------------------------


def _board_words(plan: Plan) -> str:
    """'the Children's Trust Executive'; 'the board' when the plan names none."""
    return _the(plan.board.name) if plan.board_id else "the board"


def _the(name: str) -> str:
    """'the Children and Young People's Plan'; a name that starts with 'The' as it is."""
    return name if name.lower().startswith("the ") else f"the {name}"


def _the_programmes(count: int) -> str:
    """'the seven programmes', 'the one programme'."""
    return f"the {number_word(count) if count != 1 else 'one'} {plural(count, 'programme')}"


def summary_sentences(plan: Plan, summary: ExecutiveSummary) -> str:
    quarter = summary.quarter
    total = len(summary.lines) + len(summary.not_reported)
    parts = [
        f"This report sets out the progress of {_the_programmes(total)} of {_the(plan.name)} in "
        f"{quarter.display}, as their highlight reports give it.",
        f"{summary.headline}{'; ' + summary.others if summary.others else ''}.",
    ]
    missing = len(summary.not_reported)
    if missing:
        verb = "has" if missing == 1 else "have"
        parts.append(
            capitalised(
                f"{number_word(missing)} {plural(missing, 'programme')} {verb} not sent a "
                f"highlight report for {quarter.display}."
            )
        )
    return " ".join(parts)


def decisions_count(summary: ExecutiveSummary) -> int:
    return sum(len(g.entries) for g in summary.gathered if g.heading == DECISIONS)


def recommendation(plan: Plan, summary: ExecutiveSummary) -> str:
    total = len(summary.lines) + len(summary.not_reported)
    board = _board_words(plan)
    noted = (
        f"That {board} note the progress of {_the_programmes(total)} in {summary.quarter.display}"
    )
    decisions = decisions_count(summary)
    if not decisions:
        return f"{noted}; the highlight reports ask for no decisions this quarter."
    return (
        f"{noted} and consider the {number_word(decisions)} {plural(decisions, 'decision')} "
        f"the highlight reports ask of it, set out under '{DECISIONS}' in the executive summary."
    )


def risk_sentences(plan: Plan, period: Period) -> list[str]:
    """'ORG0009 Safeguarding Children: likelihood 3 × impact 5 = score 15 (very high), down
    from 20 at the assessment before.' for each of the plan's risks as at the period."""
    banding = Banding()
    found = []
    for risk in risks_as_at(plan, period):
        lines = assessment_lines(list(risk.assessments.all()), banding)
        name = f"{risk.reference} {risk.title}"
        if not lines:
            found.append(f"{name}: not assessed by {long_date(period.end)}.")
            continue
        latest = lines[-1]
        scored = latest.assessment
        text = (
            f"{name}: likelihood {scored.likelihood} × impact {scored.impact} = "
            f"score {latest.score} ({latest.band.name})"
        )
        if latest.previous_score is not None:
            way = PROGRESS_WORDS.get(latest.trend)
            if way:
                text += f", {way} from {latest.previous_score} at the assessment before"
            else:
                text += ", unchanged since the assessment before"
        found.append(text + ".")
    return found


def front_sheet(plan: Plan, period: Period, summary: ExecutiveSummary, title: str) -> Section:
    organisation = organisation_name(plan)
    risks = risk_sentences(plan, period)
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
                    ("Summary", summary_sentences(plan, summary)),
                    ("Recommendations", recommendation(plan, summary)),
                    (
                        "Risk implications",
                        " ".join(risks) if risks else "No risks are recorded against this plan.",
                    ),
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


def summary_section(summary: ExecutiveSummary) -> Section:
    quarter = summary.quarter.display
    section = Section(
        "Executive summary",
        [
            Paragraph(
                f"What the highlight reports for {quarter} say, gathered programme by programme."
            )
        ],
    )
    for gathered in summary.gathered:
        entries = [f"{programme.name}: {one_line(text)}" for programme, text in gathered.entries]
        block: Block = Bullets(entries) if entries else Paragraph(NONE_REPORTED)
        section.sections.append(Section(gathered.heading, [block]))
    missing = [programme.name for programme in summary.not_reported]
    block = (
        Bullets(missing) if missing else Paragraph(f"Every programme has reported for {quarter}.")
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
    ("Among all areas", 12),
    ("Progress", 22),
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


# --- governance -----------------------------------------------------------------------------


def _plan_period(plan: Plan) -> str:
    if not plan.period:
        return "Not recorded"
    try:
        return parse_period(plan.period).display
    except ValueError:
        return plan.period


def governance(plan: Plan, programmes: list[Programme]) -> Section:
    board = plan.board.name if plan.board_id else ""
    facts = [
        ("Plan", plan.name),
        ("Plan period", _plan_period(plan)),
        ("Organisation", organisation_name(plan) or "Not recorded"),
        ("Reports to", board or "No board recorded"),
        ("Lead officer", plan.lead or "No lead officer recorded"),
    ]
    if plan.vision:
        facts.append(("Vision", plan.vision))
    count = len(programmes)
    reports_to = board or "No board recorded"
    blocks: list[Block] = [Facts(facts)]
    if not programmes:
        blocks.append(Paragraph("The plan has no programmes."))
        return Section("Governance", blocks)
    blocks.append(
        Paragraph(
            capitalised(
                f"{'each of ' if count > 1 else ''}{_the_programmes(count)} reports to "
                f"{_board_words(plan)} every quarter in a highlight report; this report "
                "brings those reports together."
            )
        )
    )
    blocks.append(
        Table(
            "Programmes, their leads and the board they report to",
            [
                Column("Programme", width=50),
                Column("Lead", width=25),
                Column("Reports to", width=25),
            ],
            [
                [
                    Cell(p.name, header=True),
                    cells.text(p.lead or "No lead recorded"),
                    cells.text(reports_to),
                ]
                for p in programmes
            ],
            sheet="Governance",
            row_headers=True,
        )
    )
    return Section("Governance", blocks)
