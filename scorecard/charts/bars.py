"""Stacked bars by group (outcome), of ratings or of directions, as accessible vector SVG.

Each bar is followed by its counts in words ("G 8 · A 5 · R 1", "↑ 3 improving · → 1 steady"),
so the chart reads without colour however thin a segment; pages show the same figures in a
table beside it.
"""

from __future__ import annotations

from xml.sax.saxutils import escape  # escapes our SVG output; parses nothing  # nosec B406

from scorecard.charts.line import COLOURS, FONT

WIDTH = 640
LABEL_WIDTH = 220
BAR_HEIGHT = 22
GAP = 14
COUNTS_WIDTH = 150  # room after the longest bar for its counts
DIRECTION_COUNTS_WIDTH = 250  # the directions' counts are written in words
SEGMENT_ORDER = ("G", "A", "R", "B")
# Directions of performance: better green, the same grey, worse red (as the ratings' hues).
DIRECTION_ORDER = ("improving", "steady", "declining")
DIRECTION_COLOURS = {"improving": COLOURS["G"], "steady": COLOURS[None], "declining": COLOURS["R"]}
DIRECTION_WORDS = {
    "improving": "↑ {} improving",
    "steady": "→ {} steady",
    "declining": "↓ {} declining",
}


def _shorten(name: str, limit: int = 34) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def stacked_bars(title: str, groups: list[tuple[str, dict[str, int]]], *, chart_id: str) -> str:
    """One bar per group, split into its G, A, R and B counts, and the counts written after the
    bar ("G 8 · A 5 · R 1"); empty when nothing is rated."""
    return _stacked(
        title,
        groups,
        chart_id,
        SEGMENT_ORDER,
        COLOURS,
        {rag: f"{rag} {{}}" for rag in SEGMENT_ORDER},
        "none rated",
        COUNTS_WIDTH,
    )


def direction_bars(title: str, groups: list[tuple[str, dict[str, int]]], *, chart_id: str) -> str:
    """One bar per group, split into its improving, steady and declining counts, written after
    the bar with their arrows ("↑ 3 improving · ↓ 1 declining"); empty when nothing has a
    direction."""
    return _stacked(
        title,
        groups,
        chart_id,
        DIRECTION_ORDER,
        DIRECTION_COLOURS,
        DIRECTION_WORDS,
        "no direction",
        DIRECTION_COUNTS_WIDTH,
    )


def _stacked(
    title: str,
    groups: list[tuple[str, dict[str, int]]],
    chart_id: str,
    order: tuple[str, ...],
    colours: dict,
    words: dict[str, str],
    nothing: str,
    room: int,
) -> str:
    widest = max((sum(counts.get(k, 0) for k in order) for _, counts in groups), default=0)
    if widest == 0:
        return ""
    scale = (WIDTH - LABEL_WIDTH - room) / widest
    height = len(groups) * (BAR_HEIGHT + GAP) + GAP
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-labelledby="{chart_id}-title" '
        f'class="scorecard-chart" font-family={FONT}>',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
    ]
    for row, (name, counts) in enumerate(groups):
        y = GAP + row * (BAR_HEIGHT + GAP)
        baseline = f"{y + BAR_HEIGHT * 0.7:.1f}"
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{baseline}" text-anchor="end" font-size="12">'
            f"{escape(_shorten(name))}</text>"
        )
        x = float(LABEL_WIDTH)
        for key in order:
            width = counts.get(key, 0) * scale
            if width:
                parts.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}" '
                    f'fill="{colours[key]}" stroke="#ffffff"/>'
                )
                x += width
        written = " · ".join(words[key].format(counts[key]) for key in order if counts.get(key))
        parts.append(
            f'<text x="{x + 6:.1f}" y="{baseline}" font-size="12">{written or nothing}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)
