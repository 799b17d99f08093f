"""A line chart of a measure's values with its target line, as accessible vector SVG.

Markers are coloured *and* shaped by rating (circle Green, triangle Amber, square Red, diamond
Blue), so the chart never relies on colour alone; the page always shows the data table too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape  # escapes our SVG output; parses nothing  # nosec B406

from scorecard.core.units import plain_number

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 56, 44, 16, 48

# The page's own typeface, quoted for an SVG attribute.
FONT = '"GDS Transport, arial, sans-serif"'
COLOURS = {"G": "#00703c", "A": "#b35a00", "R": "#d4351c", "B": "#1d70b8", None: "#505a5f"}


@dataclass(frozen=True, slots=True)
class Point:
    label: str
    value: Decimal | None
    target: Decimal | None
    rag: str | None


def point_of(rated) -> Point:
    """A rated reading (scorecard.core.series.RatedReading) as a point on the chart."""
    rag = rated.rating.rag
    return Point(
        rated.reading.period.display, rated.reading.value, rated.target, rag.value if rag else None
    )


def _marker(x: float, y: float, rag: str | None) -> str:
    fill = COLOURS.get(rag, COLOURS[None])
    if rag == "A":
        return f'<polygon points="{x},{y - 6} {x + 6},{y + 5} {x - 6},{y + 5}" fill="{fill}"/>'
    if rag == "R":
        return f'<rect x="{x - 5}" y="{y - 5}" width="10" height="10" fill="{fill}"/>'
    if rag == "B":
        return f'<polygon points="{x},{y - 6} {x + 6},{y} {x},{y + 6} {x - 6},{y}" fill="{fill}"/>'
    if rag == "G":
        return f'<circle cx="{x}" cy="{y}" r="5" fill="{fill}"/>'
    # Not rated: a hollow ring, unlike any rating's shape.
    return f'<circle cx="{x}" cy="{y}" r="4" fill="#ffffff" stroke="{fill}" stroke-width="2"/>'


def _steps(corners: list[tuple[float, float]]) -> list[str]:
    """A target holds until it changes: draw it flat, stepping half-way between two periods."""
    path: list[str] = []
    for (x, y), following in zip(corners, [*corners[1:], None], strict=False):
        path.append(f"{x},{y}")
        if following is not None and following[1] != y:
            middle = round((x + following[0]) / 2, 1)
            path += [f"{middle},{y}", f"{middle},{following[1]}"]
    return path


def _scale(points: list[Point]) -> tuple[float, float]:
    numbers = [float(v) for p in points for v in (p.value, p.target) if v is not None]
    low, high = min(numbers), max(numbers)
    if low == high:
        low, high = low - 1, high + 1
    pad = (high - low) * 0.1
    return low - pad, high + pad


def line_chart(
    title: str,
    points: list[Point],
    *,
    chart_id: str = "chart",
    shown: Callable[[Decimal], str] | None = None,
) -> str:
    """SVG markup; empty when there is nothing to draw. `shown` writes an axis figure as the
    measure writes its figures (`scoring.figures.axis_figures`); without it, plainly."""
    write = shown or (lambda number: plain_number(number, 1))
    if not any(p.value is not None for p in points):
        return ""
    low, high = _scale(points)
    span_x = (WIDTH - LEFT - RIGHT) / max(len(points) - 1, 1)

    def x_at(i: int) -> float:
        return round(LEFT + i * span_x, 1)

    def y_at(v: Decimal) -> float:
        return round(TOP + (high - float(v)) / (high - low) * (HEIGHT - TOP - BOTTOM), 1)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-title" class="scorecard-chart" font-family={FONT}>',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<line x1="{LEFT}" y1="{HEIGHT - BOTTOM}" x2="{WIDTH - RIGHT}" y2="{HEIGHT - BOTTOM}" '
        'stroke="#0b0c0c"/>',
    ]
    for tick in (low, (low + high) / 2, high):
        y = y_at(Decimal(str(tick)))
        # Through the one formatter, so that an axis reads as the figures do ("67.0%").
        label = escape(write(Decimal(str(round(tick, 6)))))
        parts.append(
            f'<text x="{LEFT - 6}" y="{y + 4}" text-anchor="end" font-size="12">{label}</text>'
        )
    target_path = _steps(
        [(x_at(i), y_at(p.target)) for i, p in enumerate(points) if p.target is not None]
    )
    if len(target_path) > 1:
        parts.append(
            f'<polyline points="{" ".join(target_path)}" fill="none" stroke="#0b0c0c" '
            'stroke-dasharray="6 4" stroke-width="2"><title>Target</title></polyline>'
        )
    value_path = [f"{x_at(i)},{y_at(p.value)}" for i, p in enumerate(points) if p.value is not None]
    parts.append(
        f'<polyline points="{" ".join(value_path)}" fill="none" stroke="#1d70b8" stroke-width="3"/>'
    )
    label_every = max(1, -(-len(points) // 10))
    for i, point in enumerate(points):
        if i % label_every == 0 or i == len(points) - 1:
            parts.append(
                f'<text x="{x_at(i)}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle" '
                f'font-size="12">{escape(point.label)}</text>'
            )
        if point.value is not None:
            parts.append(_marker(x_at(i), y_at(point.value), point.rag))
    parts.append("</svg>")
    return "\n".join(parts)
