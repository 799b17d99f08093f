"""The risk register as at a period: the register table, the heat map as a real table, the bands,
and each risk with its assessments and how its score changed.

"As at" means the assessments made by the last day of the period, as on the register page.
Likelihood, impact and score are kept as numbers for spreadsheets; bands and trends are always
in words.
"""

from __future__ import annotations

from django.utils import timezone

from scorecard.core.periods import Period
from scorecard.core.ratings import Direction
from scorecard.core.wording import and_list, number_word, plural
from scorecard.framework.models import Plan
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
from scorecard.risks.models import Risk
from scorecard.risks.register import (
    AssessmentLine,
    Banding,
    BandRange,
    HeatCell,
    HeatMap,
    RiskRow,
    heat_map,
    long_date,
    risk_rows,
    risks_as_at,
)
from scorecard.risks.templatetags.risk_tags import TREND_ARROWS

KIND = "risks"
NONE = "–"


# --- choosing the plan ---------------------------------------------------------------------


def choose_plan(plan_id: str | None) -> Plan | None:
    """The plan asked for, or the first plan with risks; None when only risks outside any plan
    exist (the report then covers them all)."""
    if plan_id:
        plan = known_plan(plan_id)
        if not Risk.objects.current().filter(plan=plan).exists():
            raise ReportUnavailable(f"{plan.name} has no risks on its register")
        return plan
    risks = Risk.objects.current().order_by()
    with_risks = set(risks.values_list("plan_id", flat=True).distinct())
    for plan in Plan.objects.select_related("organisation", "board"):
        if plan.pk in with_risks:
            return plan
    if None in with_risks:
        return None
    raise ReportUnavailable("no plan has any risks on its register")


# --- cells -----------------------------------------------------------------------------------


def band_words(band: BandRange | None) -> str:
    return band.name.capitalize() if band else "No band"


def trend_words(direction: Direction | None) -> str:
    """'↓ Improving': a falling score is an improving risk (the arrow follows the score)."""
    if not direction:
        return "No earlier assessment"
    direction = Direction(direction)
    return f"{TREND_ARROWS[direction]} {direction.value.capitalize()}"


def target_words(row: RiskRow) -> str:
    score = row.risk.target_score
    if not score:
        return "No target"
    return f"{score} ({row.target_band.name})" if row.target_band else str(score)


def target_cell(row: RiskRow) -> Cell:
    score = row.risk.target_score
    return Cell(target_words(row), number=score or None, decimals=0 if score else None)


def owner_name(risk: Risk) -> str:
    return risk.owner.name if risk.owner else "No owner"


# --- summary -------------------------------------------------------------------------------


def _counted(count: int, what: str) -> str:
    """'one is very high', 'two are improving'."""
    return f"{number_word(count)} {'is' if count == 1 else 'are'} {what}"


def summary_sentences(rows: list[RiskRow], period: Period, banding: Banding) -> list[str]:
    total = len(rows)
    verb = "is" if total == 1 else "are"
    sentences = [
        f"{number_word(total).capitalize()} {plural(total, 'risk')} {verb} on the register "
        f"as at {period.display}."
    ]
    assessed = [row.latest for row in rows if row.latest is not None]
    by_then = f"made by the end of {period.display}"
    if len(assessed) == 1:
        latest = assessed[0]
        band = f"{latest.band.name} (score {latest.score})"
        if total == 1:
            sentences.append(f"By its latest assessment {by_then}, it is {band}.")
        else:
            sentences.append(f"The one risk assessed by the end of {period.display} is {band}.")
        if latest.trend is None:
            sentences.append("It has no earlier assessment to compare with.")
        else:
            sentences.append(f"Compared with the assessment before, it is {latest.trend.value}.")
    elif assessed:
        bands = [
            _counted(n, band.name)
            for band in reversed(banding.ranges)
            if (n := sum(1 for line in assessed if line.band.name == band.name))
        ]
        sentences.append(f"By their latest assessments {by_then}, {and_list(bands)}.")
        trends = [
            _counted(n, way.value)
            for way in (Direction.IMPROVING, Direction.STEADY, Direction.DECLINING)
            if (n := sum(1 for line in assessed if line.trend == way))
        ]
        first = sum(1 for line in assessed if line.trend is None)
        if trends:
            sentences.append(f"Since the assessment before, {and_list(trends)}.")
        if first:
            have = "has" if first == 1 else "have"
            sentences.append(
                f"{number_word(first).capitalize()} {have} no earlier assessment to compare with."
            )
    unassessed = total - len(assessed)
    if unassessed:
        verb = "has" if unassessed == 1 else "have"
        sentences.append(
            f"{number_word(unassessed).capitalize()} {verb} not been assessed by then."
        )
    return sentences


# --- the register --------------------------------------------------------------------------


REGISTER_COLUMNS = [
    Column("Reference"),
    Column("Risk"),
    Column("Owner"),
    Column("Likelihood", numeric=True),
    Column("Impact", numeric=True),
    Column("Score", numeric=True),
    Column("Band"),
    Column("Trend since previous assessment"),
    Column("Target score", numeric=True),
    Column("Assessed on"),
]


def register_row(row: RiskRow, period: Period) -> list[Cell]:
    risk = row.risk
    start = [
        cells.text(risk.reference, header=True),
        cells.text(risk.title),
        cells.text(owner_name(risk)),
    ]
    latest = row.latest
    if latest is None:
        return [
            *start,
            Cell(f"Not assessed by the end of {period.display}"),
            Cell(NONE),
            Cell(NONE),
            Cell(NONE),
            Cell(NONE),
            target_cell(row),
            Cell(NONE),
        ]
    return [
        *start,
        cells.count(latest.assessment.likelihood),
        cells.count(latest.assessment.impact),
        cells.count(latest.score),
        Cell(band_words(latest.band)),
        Cell(trend_words(latest.trend)),
        target_cell(row),
        Cell(long_date(latest.assessment.assessed_on)),
    ]


def register_table(rows: list[RiskRow], period: Period) -> Table:
    return Table(
        f"Risks and their latest assessment as at {period.display}",
        list(REGISTER_COLUMNS),
        [register_row(row, period) for row in rows],
        sheet="Risk register",
        row_headers=True,
    )


# --- heat map ------------------------------------------------------------------------------


def heat_cell_words(cell: HeatCell) -> str:
    """'Score 15, very high: 1 risk (ORG0009)'; 'Score 9, medium: no risks'."""
    count = len(cell.risks)
    text = f"Score {cell.score}, {cell.band.name}: {count or 'no'} {plural(count, 'risk')}"
    if cell.risks:
        text += f" ({', '.join(risk.reference for risk in cell.risks)})"
    return text


def heat_map_table(grid: HeatMap, period: Period) -> Table:
    """Likelihood 5 at the top, impact 1 on the left, as the heat map page lays it out."""
    columns = [Column("Likelihood")] + [
        Column(f"Impact {number} ({words})") for number, words in grid.impacts
    ]
    rows = [
        [cells.text(f"Likelihood {row.likelihood} ({row.words})", header=True)]
        + [Cell(heat_cell_words(cell)) for cell in row.cells]
        for row in grid.rows
    ]
    return Table(
        f"Risks by likelihood and impact, as at {period.display}",
        columns,
        rows,
        sheet="Heat map",
        row_headers=True,
    )


def band_legend(banding: Banding) -> list[Paragraph | Bullets]:
    return [
        Paragraph(
            "A risk's score is its likelihood (1 to 5) multiplied by its impact (1 to 5). "
            "A lower score than at the previous assessment means the risk is improving.",
            "small",
        ),
        Bullets([f"{band.name.capitalize()}: {band.scores}" for band in banding.ranges]),
    ]


def heat_map_section(grid: HeatMap, period: Period, banding: Banding) -> Section:
    section = Section("Heat map")
    section.add(
        Paragraph(
            "Each risk is placed by the likelihood and impact of its latest assessment made by "
            f"the end of {period.display}. Each square gives its score, its band and how many "
            "risks are in it."
        ),
        heat_map_table(grid, period),
        *band_legend(banding),
    )
    if grid.unassessed:
        count = len(grid.unassessed)
        section.add(
            Paragraph(
                f"{number_word(count).capitalize()} {plural(count, 'risk')} "
                f"{'has' if count == 1 else 'have'} no assessment made by the end of "
                f"{period.display}, so {'it is' if count == 1 else 'they are'} not on the heat map:"
            ),
            Bullets([f"{risk.reference} {risk.title}" for risk in grid.unassessed]),
        )
    return section


# --- each risk -----------------------------------------------------------------------------


def risk_facts(row: RiskRow) -> Facts:
    risk = row.risk
    programmes = "; ".join(programme.name for programme in row.programmes)
    items = [("Description", risk.description or "None given")]
    items.append(("Owner", risk.owner.described if risk.owner else "No owner"))
    if risk.organisation:
        items.append(("Organisation", risk.organisation.name))
    items += [
        ("Category", risk.category or "None given"),
        ("Controls in place", risk.controls or "None given"),
        ("Management actions", risk.management_actions or "None given"),
        ("Programmes", programmes or "None"),
        ("Target score", target_words(row)),
    ]
    latest = row.latest
    if latest is not None:
        items.append(
            (
                "Latest score",
                f"{latest.score} (likelihood {latest.assessment.likelihood} × impact "
                f"{latest.assessment.impact}), {latest.band.name}",
            )
        )
    return Facts(items)


def assessment_row(line: AssessmentLine) -> list[Cell]:
    trend = trend_words(line.trend)
    if line.previous_score is not None:
        trend += f" (from {line.previous_score})"
    return [
        cells.text(long_date(line.assessment.assessed_on), header=True),
        cells.text(line.period or "Not given"),
        cells.count(line.assessment.likelihood),
        cells.count(line.assessment.impact),
        cells.count(line.score),
        Cell(band_words(line.band)),
        Cell(trend),
        cells.text(line.assessment.note),
    ]


def assessments_table(row: RiskRow, period: Period) -> Table:
    return Table(
        f"Assessments of {row.risk.reference} made by the end of {period.display}, newest first",
        [
            Column("Date"),
            Column("Period"),
            Column("Likelihood", numeric=True),
            Column("Impact", numeric=True),
            Column("Score", numeric=True),
            Column("Band"),
            Column("Trend since previous assessment"),
            Column("Note"),
        ],
        [assessment_row(line) for line in row.history],
        sheet=row.risk.reference,
        row_headers=True,
    )


def risk_section(row: RiskRow, period: Period) -> Section:
    section = Section(f"{row.risk.reference} {row.risk.title}")
    section.add(Paragraph(row.change, "lead"), risk_facts(row))
    if row.lines:
        section.add(assessments_table(row, period))
    else:
        section.add(
            Paragraph(f"There is no assessment of this risk made by the end of {period.display}.")
        )
    return section


# --- the report ----------------------------------------------------------------------------


def build(period: Period, plan_id: str | None = None) -> Report:
    plan = choose_plan(plan_id)
    banding = Banding()
    rows = risk_rows(risks_as_at(plan, period), banding)
    if not any(row.lines for row in rows):
        where = f"of {plan.name} " if plan else ""
        raise ReportUnavailable(
            f"none of the risks {where}had been assessed by the end of {period.display}"
        )
    grid = heat_map(rows, banding)
    sections = [
        Section(
            "Summary",
            [Paragraph(" ".join(summary_sentences(rows, period, banding)), "lead")],
        ),
        Section("Risk register", [register_table(rows, period)]),
        heat_map_section(grid, period, banding),
        Section("Each risk", sections=[risk_section(row, period) for row in rows]),
    ]
    title = f"{plan.name}: risk register" if plan else "Risk register"
    organisation = organisation_name(plan) if plan else ""
    return Report(
        kind=KIND,
        title=title,
        period=period.display,
        organisation=organisation,
        sections=sections,
        produced=timezone.localdate(),
        cover=([plan.board.name] if plan and plan.board else [])
        + [f"Risk register as at {period.display}"],
    )
