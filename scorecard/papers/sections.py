"""A paper's sections for its page, in the council's order, every one shown (an empty one says
so, for the team to see what is left to write)."""

from __future__ import annotations

from dataclasses import dataclass, field

from scorecard.papers.choices import (
    BOARD_SECTIONS,
    LEAD_MEMBER_TITLES,
    PURPOSE_TITLE,
    SECTION_TITLES,
    PaperKind,
)
from scorecard.papers.models import Paper, PaperSettings, lines_of


@dataclass
class PageSection:
    key: str
    title: str
    text: str = ""
    # Background papers and appendices: one a line.
    lines: list[str] = field(default_factory=list)
    # Implications: (heading, text) each.
    parts: list[tuple[str, str]] = field(default_factory=list)


LISTED = ("background_papers", "appendices")
ROWS = ("seen_by", "glossary", "priorities", "narratives")


def page_sections(paper: Paper) -> list[PageSection]:
    found = []
    for key in PaperSettings.current().order:
        section = PageSection(key, SECTION_TITLES[key])
        if key == "implications":
            section.parts = [(i.heading, i.text) for i in paper.implications.all()]
        elif key in LISTED:
            section.lines = lines_of(getattr(paper, key))
        elif key not in ROWS:
            section.text = getattr(paper, key)
        found.append(section)
    if paper.kind == PaperKind.BOARD:
        found += [
            PageSection(key, title, "" if key in ROWS else getattr(paper, key))
            for key, title in BOARD_SECTIONS
        ]
    elif paper.kind == PaperKind.LEAD_MEMBER:
        heading = paper.introduction_heading.strip() or LEAD_MEMBER_TITLES["introduction"]
        found += [
            PageSection("introduction", heading, paper.introduction),
            PageSection("narratives", LEAD_MEMBER_TITLES["narratives"]),
        ]
    elif paper.kind == PaperKind.CORPORATE:
        found.append(PageSection("purpose", PURPOSE_TITLE, paper.purpose))
    return found
