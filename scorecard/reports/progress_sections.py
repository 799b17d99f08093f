"""A progress report's sections typed on its paper record (seeds 000 and 001): the plan's
background and the overarching measures in words before the achievements, the board's view of
the year after them, and the reporting round's governance arrangements in the executive
summary. A section left blank is left out: the report is then what the data alone gives."""

from __future__ import annotations

from scorecard.core.wording import capitalised
from scorecard.framework.models import Plan
from scorecard.papers.choices import PROGRAMME_TITLES
from scorecard.papers.models import Paper
from scorecard.papers.prefill import the
from scorecard.reports.board import text_blocks
from scorecard.reports.document import Section


def _typed(paper: Paper | None, name: str, title: str) -> list[Section]:
    text = getattr(paper, name).strip() if paper else ""
    return [Section(title, text_blocks(text))] if text else []


def opening_sections(paper: Paper | None) -> list[Section]:
    """Background, then the overarching measures in words."""
    return [
        *_typed(paper, "background", PROGRAMME_TITLES["background"]),
        *_typed(paper, "measures_overview", PROGRAMME_TITLES["measures_overview"]),
    ]


def boards_view(paper: Paper | None, plan: Plan) -> list[Section]:
    """'The Children's Trust Executive's view of the year', named for the plan's board."""
    board = the(plan.board.name) if plan.board is not None else "the board"
    title = f"{capitalised(board)}'s view of the year"
    return _typed(paper, "boards_view", title)


def governance_arrangements(paper: Paper | None) -> list[Section]:
    return _typed(paper, "governance_arrangements", PROGRAMME_TITLES["governance_arrangements"])
