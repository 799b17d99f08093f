"""Stacked bars of ratings by group (outcome), as accessible vector SVG.

Each bar is followed by its counts in words ("G 8 · A 5 · R 1"), so the chart reads without
colour however thin a segment; pages show the same figures in a table beside it.
"""

from __future__ import annotations

from xml.sax.saxutils import escape  # escapes our SVG output; parses nothing  # nosec B406

from scorecard.charts.line import COLOURS, FONT

WIDTH = 640
LABEL_WIDTH = 220
BAR_HEIGHT = 22
GAP = 14
COUNTS_WIDTH = 150  # room after the longest bar for its counts
SEGMENT_ORDER = ("G", "A", "R", "B")


def _shorten(name: str, limit: int = 34) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def stacked_bars(title: str, groups: list[tuple[str, dict[str, int]]], *, chart_id: str) -> str:
    """One bar per group, split into its G, A, R and B counts, and the counts written after the
    bar ("G 8 · A 5 · R 1"); empty when nothing is rated."""
    widest = max((sum(counts.get(k, 0) for k in SEGMENT_ORDER) for _, counts in groups), default=0)
    if widest == 0:
        return ""
    scale = (WIDTH - LABEL_WIDTH - COUNTS_WIDTH) / widest
    height = len(groups) * (BAR_HEIGHT + GAP) + GAP
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{chart_id}-title" class="scorecard-chart" font-family={FONT}>',
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
        for rag in SEGMENT_ORDER:
            width = counts.get(rag, 0) * scale
            if width:
                parts.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}" '
                    f'fill="{COLOURS[rag]}" stroke="#ffffff"/>'
                )
                x += width
        written = " · ".join(f"{rag} {counts[rag]}" for rag in SEGMENT_ORDER if counts.get(rag))
        parts.append(
            f'<text x="{x + 6:.1f}" y="{baseline}" font-size="12">{written or "none rated"}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)
