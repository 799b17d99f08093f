"""The lead member's annual report (seed 002): a plan's service figures, theme by theme.

A section per theme (the plan's outcomes, in the plan's order), each with a compact table per
area of work (its priorities): the measure, its latest figure by the end of the year and the one
before it, each with the period it is for, the direction between them, and the comparisons the
council publishes with it under their own names ("National 64.9%"). Under each table, the latest
commentary held on those measures. The prose only the cabinet member and officers can write is
never made up here: it is the paper record's (scorecard/papers), typed by the performance team —
the front sheet (cabinet member, division and local members, contact details, summary…), the
introduction (seed 002's section 1) and the words of each theme and area, an area with no figures
included — each printed where the seed prints it.
"""

from __future__ import annotations

import datetime
from dataclasses import replace
from datetime import date

from django.utils import timezone

from scorecard.core.periods import Period, PeriodKind
from scorecard.framework.models import Outcome, Plan
from scorecard.measures.models import ComparatorValue, Measure, Observation
from scorecard.papers.choices import LEAD_MEMBER_TITLES
from scorecard.papers.models import Narrative, Paper
from scorecard.reports import cells
from scorecard.reports.board import text_blocks
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
from scorecard.reports.front_sheet import cover_lines, end_sections, front_sheet, paper_for
from scorecard.reports.plans import known_plan, organisation_name
from scorecard.scoring.figures import figure
from scorecard.scoring.year_figures import Line, year_lines

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


def build(
    period: Period, plan_id: str | None = None, meeting: datetime.date | None = None
) -> Report:
    """The report for the financial year; with the front sheet, the introduction and the words
    of each theme and area from the paper record for the plan, year and meeting (the latest
    meeting's when none is given) where the team has started one."""
    if period.kind is not PeriodKind.FINANCIAL_YEAR:
        raise ReportUnavailable(
            f"the lead member report is for a financial year (such as 2018/19), "
            f"not {period.display}"
        )
    plan = _choose_plan(period, plan_id)
    lines = year_lines(plan, period)
    if not lines:
        raise ReportUnavailable(
            f"{plan.name} has no measure figures for {period.display} or earlier"
        )
    outcomes = list(Outcome.objects.filter(plan=plan).order_by("order", "name"))
    paper = paper_for(KIND, plan, period, meeting)
    narratives = list(paper.narratives.all()) if paper else []
    introduction = _introduction(paper) if paper else []
    return Report(
        kind=KIND,
        title=(paper.title if paper else "") or f"{plan.name}: annual report",
        period=period.display,
        organisation=organisation_name(plan),
        produced=timezone.localdate(),
        cover=[f"Financial year {period.display}", *(cover_lines(paper) if paper else [])],
        sections=[
            *([front_sheet(paper), *introduction] if paper else []),
            _about(plan, period, outcomes),
            *_themes(outcomes, lines, narratives, first=len(introduction) + 1, paper=paper),
            *(end_sections(paper) if paper else []),
        ],
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


def _introduction(paper: Paper) -> list[Section]:
    """The introduction under the heading the council gives it, numbered 1 as the seed numbers
    it; left out while blank."""
    if not paper.introduction.strip():
        return []
    heading = paper.introduction_heading.strip() or LEAD_MEMBER_TITLES["introduction"]
    return [Section(heading, text_blocks(paper.introduction), number="1")]


def _themes(
    outcomes: list[Outcome],
    lines: list[Line],
    narratives: list[Narrative],
    *,
    first: int,
    paper: Paper | None,
) -> list:
    """A section per theme with figures or words, in the plan's order, numbered from `first`
    (after the introduction, as the seed numbers them); words typed on a theme the plan no
    longer has are kept, after the plan's. With a paper record the words are the team's: a
    theme they have not written for has none (seed 002's 4, 6 and 7), not the plan's
    description, which the report of the data alone prints."""
    by_outcome: dict[int | None, list[Line]] = {}
    for line in lines:
        by_outcome.setdefault(line.measure.outcome_id, []).append(line)
    words: dict[str, list[Narrative]] = {}
    for row in narratives:
        words.setdefault(row.theme, []).append(row)
    themes = [(o.name, "" if paper else o.description, by_outcome.get(o.pk, [])) for o in outcomes]
    if None in by_outcome:
        themes.append((OTHER_THEME, "", by_outcome[None]))
    known = {name for name, _, _ in themes}
    themes += [(name, "", []) for name in words if name not in known]
    sections: list[Section] = []
    for name, description, found in themes:
        typed = words.get(name, [])
        if found or any(row.text.strip() for row in typed):
            number = str(first + len(sections))
            sections.append(_theme(number, name, description, found, typed))
    return sections


def _theme(
    number: str, name: str, description: str, lines: list[Line], typed: list[Narrative]
) -> Section:
    """The theme's own words (else the plan's description of it), then an area of work per
    subsection: its words, its figures and their commentary. The areas in the paper's order
    (the plan's, as started), then any with figures the paper has no row for; an area with
    neither is left out. Numbered as the seed numbers them: where the theme has words and areas,
    its words are its first paragraph (2.1) and the areas follow (2.2 Edge of Care...); without
    words, 4.1 is the first area; a theme with no areas (5) leaves its words unnumbered."""
    section = Section(name, number=number)
    own = [block for row in typed if not row.area for block in text_blocks(row.text)]
    by_priority: dict[str, list[Line]] = {}
    for line in lines:
        priority = line.measure.priority.name if line.measure.priority is not None else ""
        by_priority.setdefault(priority, []).append(line)
    said = {row.area: row.text for row in typed if row.area}
    areas = []
    for area in dict.fromkeys([*said, *(p for p in by_priority if p)]):
        blocks: list[Block] = text_blocks(said.get(area, ""))
        if area in by_priority:
            blocks += _figures(area, by_priority[area])
        if blocks:
            areas.append(Section(area, blocks))
    if own and areas:
        own = _numbered(f"{number}.1", own)
    section.add(*(own or ([Paragraph(description)] if description else [])))
    first = 2 if own else 1
    for place, area_section in enumerate(areas, start=first):
        area_section.number = f"{number}.{place}"
    section.sections = areas
    if "" in by_priority:
        section.add(*_figures(name, by_priority[""]))
    return section


def _numbered(number: str, blocks: list[Block]) -> list[Block]:
    """Typed words led by their paragraph number, as the seed prints "2.1 The focus..."."""
    if not blocks:
        return []
    first = blocks[0]
    if isinstance(first, Paragraph):
        return [replace(first, text=f"{number} {first.text}"), *blocks[1:]]
    return [Paragraph(number), *blocks]


def _figures(caption: str, lines: list[Line]) -> list[Block]:
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
