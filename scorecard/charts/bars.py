"""Stacked bars of ratings by group (outcome), as accessible vector SVG.

Every segment is labelled with its letter and count ("G 8"), so the chart reads without colour;
pages show the same figures in a table beside it.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from scorecard.charts.line import COLOURS, FONT

WIDTH = 640
LABEL_WIDTH = 220
BAR_HEIGHT = 22
GAP = 14
SEGMENT_ORDER = ("G", "A", "R", "B")
# White on every fill: each fill gives it a contrast of at least 4.5:1.
TEXT_COLOURS = {"G": "#ffffff", "A": "#ffffff", "R": "#ffffff", "B": "#ffffff"}


def _shorten(name: str, limit: int = 34) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def stacked_bars(title: str, groups: list[tuple[str, dict[str, int]]], *, chart_id: str) -> str:
    """One bar per group, split into its G, A, R and B counts; empty when nothing is rated."""
    widest = max((sum(counts.get(k, 0) for k in SEGMENT_ORDER) for _, counts in groups), default=0)
    if widest == 0:
        return ""
    scale = (WIDTH - LABEL_WIDTH - 10) / widest
    height = len(groups) * (BAR_HEIGHT + GAP) + GAP
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{chart_id}-title" class="scorecard-chart" font-family={FONT}>',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
    ]
    for row, (name, counts) in enumerate(groups):
        y = GAP + row * (BAR_HEIGHT + GAP)
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR_HEIGHT * 0.7:.1f}" text-anchor="end" '
            f'font-size="12">{escape(_shorten(name))}</text>'
        )
        x = float(LABEL_WIDTH)
        for rag in SEGMENT_ORDER:
            count = counts.get(rag, 0)
            if not count:
                continue
            width = count * scale
            parts.append(
                f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}" '
                f'fill="{COLOURS[rag]}" stroke="#ffffff"/>'
            )
            if width >= 28:
                parts.append(
                    f'<text x="{x + width / 2:.1f}" y="{y + BAR_HEIGHT * 0.7:.1f}" '
                    f'text-anchor="middle" font-size="12" font-weight="bold" '
                    f'fill="{TEXT_COLOURS[rag]}">{rag} {count}</text>'
                )
            x += width
    parts.append("</svg>")
    return "\n".join(parts)
