"""A plan's governance as a diagram of boxes and lines, as accessible SVG (seed 000's board
diagram, drawn from the data rather than pasted in as a picture).

Drawn as an indented tree, each box under the box it reports to, so that it grows down the page
however many programmes a board has: boxes side by side would shrink the text of a board with
seven programmes below legibility. A board's box is shaded and its name bold; a programme's box
is white and says its lead: shape and weight tell them apart, not colour alone. The paper keeps
a table of the same facts beside it.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from xml.sax.saxutils import escape  # escapes our SVG output; parses nothing  # nosec B406

from scorecard.charts.line import FONT

# Drawn at most 15cm wide on the printed page (report.css): 14 units of text there are 3.5mm,
# a little over 12px (9pt).
WIDTH = 600
FONT_SIZE = 14
LINE_HEIGHT = 18
PADDING = 8
INDENT = 32
GAP = 12
MARGIN = 2
# An average character of the page's sans-serif at FONT_SIZE, generous so lines rarely touch
# the box's edge.
CHARACTER = 0.52 * FONT_SIZE
# Within an A4 page's text, less the section's heading.
MAX_HEIGHT = "23cm"
BOARD_FILL, PROGRAMME_FILL, INK, LINE = "#dee0e2", "#ffffff", "#0b0c0c", "#505a5f"


@dataclass(frozen=True, slots=True)
class Box:
    """A board or a programme, with what sits under it (the boards that report to a board,
    then its programmes)."""

    name: str
    board: bool
    # A line under the name: "Lead: HR/OD Director".
    detail: str = ""
    below: tuple[Box, ...] = ()


@dataclass(frozen=True, slots=True)
class _Placed:
    box: Box
    depth: int
    top: float
    lines: tuple[str, ...]
    bold_lines: int

    @property
    def left(self) -> float:
        return MARGIN + self.depth * INDENT

    @property
    def height(self) -> float:
        return len(self.lines) * LINE_HEIGHT + 2 * PADDING


def _lines(box: Box, depth: int) -> tuple[tuple[str, ...], int]:
    """The box's text wrapped to its width: the name's lines (bold for a board), then the
    detail's."""
    width = WIDTH - 2 * MARGIN - depth * INDENT - 2 * PADDING
    chars = max(int(width / CHARACTER), 12)
    name = textwrap.wrap(box.name, chars) or [""]
    detail = textwrap.wrap(box.detail, chars) if box.detail else []
    return (*name, *detail), len(name)


def _place(tops: list[Box]) -> list[_Placed]:
    """Every box in reading order (each before what sits under it) with where it goes."""
    placed: list[_Placed] = []
    y = float(MARGIN)

    def visit(box: Box, depth: int) -> None:
        nonlocal y
        lines, name_lines = _lines(box, depth)
        here = _Placed(box, depth, y, lines, name_lines)
        placed.append(here)
        y += here.height + GAP
        for under in box.below:
            visit(under, depth + 1)

    for top in tops:
        visit(top, 0)
    return placed


def _box(placed: _Placed) -> list[str]:
    box = placed.box
    width = WIDTH - MARGIN - placed.left
    parts = [
        f'<rect x="{placed.left}" y="{placed.top}" width="{width}" height="{placed.height}" '
        f'rx="{0 if box.board else 6}" fill="{BOARD_FILL if box.board else PROGRAMME_FILL}" '
        f'stroke="{INK}" stroke-width="{2 if box.board else 1}"/>'
    ]
    for index, line in enumerate(placed.lines):
        weight = ' font-weight="bold"' if box.board and index < placed.bold_lines else ""
        baseline = placed.top + PADDING + (index + 1) * LINE_HEIGHT - 4
        parts.append(
            f'<text x="{placed.left + PADDING}" y="{baseline}" font-size="{FONT_SIZE}"'
            f' fill="{INK}"{weight}>{escape(line)}</text>'
        )
    return parts


def _links(placed: list[_Placed]) -> list[str]:
    """A line down from each box's left side, with a step across to each box under it."""
    parts: list[str] = []
    by_box = {id(p.box): p for p in placed}
    for parent in placed:
        if not parent.box.below:
            continue
        x = parent.left + INDENT / 2
        middles = [
            by_box[id(under)].top + by_box[id(under)].height / 2 for under in parent.box.below
        ]
        parts.append(
            f'<line x1="{x}" y1="{parent.top + parent.height}" x2="{x}" y2="{middles[-1]}" '
            f'stroke="{LINE}" stroke-width="2"/>'
        )
        parts += [
            f'<line x1="{x}" y1="{middle}" x2="{parent.left + INDENT}" y2="{middle}" '
            f'stroke="{LINE}" stroke-width="2"/>'
            for middle in middles
        ]
    return parts


def governance_diagram(
    title: str, description: str, tops: list[Box], *, chart_id: str = "governance"
) -> str:
    """SVG markup; empty when there is nothing to draw. `description` says in words what the
    diagram shows (its <desc>, read out with the title)."""
    if not tops:
        return ""
    placed = _place(tops)
    last = placed[-1]
    height = last.top + last.height + MARGIN
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:g}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" '
        # A plan with many programmes: the whole diagram on one printed page, smaller, drawn
        # from the left as the text is.
        f'class="scorecard-chart" style="max-height: {MAX_HEIGHT}" '
        f'preserveAspectRatio="xMinYMin meet" font-family={FONT}>',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
        *_links(placed),
    ]
    for box in placed:
        parts += _box(box)
    parts.append("</svg>")
    return "\n".join(parts)
