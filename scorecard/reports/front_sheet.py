"""A paper's front sheet from its paper record (scorecard/papers), in the council's order of
sections: what the team typed, each implication its own section, the seen-by table, and the
background papers, appendices and glossary at the end. An empty optional section is left out;
recommendations not yet written print as a visible gap (a draft only: a paper without them is
never published)."""

from __future__ import annotations

import datetime

from scorecard.core.periods import Period
from scorecard.framework.models import Plan
from scorecard.papers.choices import SECTION_TITLES
from scorecard.papers.models import Paper, PaperSettings, lines_of
from scorecard.reports import cells
from scorecard.reports.document import Block, Bullets, Cell, Column, Facts, Section, Table
from scorecard.risks.register import long_date

NOT_YET_WRITTEN = "[Not yet written: the performance team writes the recommendations]"
# Sections printed after the report's own, at the end, as the seeds do.
END_SECTIONS = ("background_papers", "appendices", "glossary")


def paper_for(kind: str, plan: Plan, period: Period, meeting: datetime.date | None) -> Paper | None:
    """The latest version of the paper for this report (and meeting, when given: else the
    latest meeting's)."""
    papers = Paper.objects.filter(plan=plan, kind=kind, period=period.label)
    if meeting is not None:
        papers = papers.filter(meeting_date=meeting)
    return (
        papers.order_by("-meeting_date", "-version")
        .prefetch_related("implications", "seen_by", "glossary", "narratives")
        .first()
    )


def meeting_words(paper: Paper) -> str:
    """'Cabinet, Monday 9 July 2018'."""
    return f"{paper.committee}, {paper.meeting_date:%A} {long_date(paper.meeting_date)}"


def cover_lines(paper: Paper) -> list[str]:
    lines = [meeting_words(paper)]
    if paper.forward_plan_reference:
        lines.append(f"Forward plan reference: {paper.forward_plan_reference}")
    if not paper.published:
        lines.append(f"Draft (version {paper.version}): not published")
    return lines


def _seen_by_table(paper: Paper) -> Table:
    return Table(
        "Seen by",
        [Column("Seen by", width=40), Column("Name", width=40), Column("Date", width=20)],
        [
            [
                Cell(row.role, header=True),
                cells.text(row.name),
                cells.text(f"{row.seen_on:%d/%m/%Y}" if row.seen_on else ""),
            ]
            for row in paper.seen_by.all()
        ],
        sheet="Seen by",
        row_headers=True,
    )


def _typed(paper: Paper, key: str) -> list[tuple[str, str]]:
    """The label and text of a section that is one text, or of each implication."""
    if key == "implications":
        return [
            (f"{found.heading} implications", found.text)
            for found in paper.implications.all()
            if found.text.strip()
        ]
    text = getattr(paper, key).strip()
    if key == "recommendations" and not text:
        return [(SECTION_TITLES[key], NOT_YET_WRITTEN)]
    return [(SECTION_TITLES[key], text)] if text else []


def front_sheet(paper: Paper) -> Section:
    """The front sheet: facts in the council's order, broken by the seen-by table."""
    blocks: list[Block] = []
    facts: list[tuple[str, str]] = []
    for key in PaperSettings.current().order:
        if key in END_SECTIONS:
            continue
        if key == "seen_by":
            if paper.seen_by.all():
                if facts:
                    blocks.append(Facts(facts))
                    facts = []
                blocks.append(_seen_by_table(paper))
            continue
        facts.extend(_typed(paper, key))
    if facts:
        blocks.append(Facts(facts))
    return Section("Front sheet", blocks)


def end_sections(paper: Paper) -> list[Section]:
    """Background papers, appendices and the glossary, in the council's order, where written."""
    found = []
    for key in PaperSettings.current().order:
        if key not in END_SECTIONS:
            continue
        if key == "glossary":
            terms = list(paper.glossary.all())
            if terms:
                table = Table(
                    "Glossary",
                    [Column("Term", width=30), Column("Meaning", width=70)],
                    [[Cell(t.term, header=True), cells.text(t.meaning)] for t in terms],
                    sheet="Glossary",
                    row_headers=True,
                )
                found.append(Section(SECTION_TITLES[key], [table]))
            continue
        listed = lines_of(getattr(paper, key))
        if listed:
            found.append(Section(SECTION_TITLES[key], [Bullets(listed)]))
    return found
