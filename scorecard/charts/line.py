"""A line chart of a measure's values with its target line, as accessible vector SVG.

Markers are coloured *and* shaped by rating (circle Green, triangle Amber, square Red, diamond
Blue), so the chart never relies on colour alone; the page always shows the data table too.
The value axis has round ticks written in the measure's unit ("60%", "£5m", "20 days"); the
target line is labelled; dated points are spaced by their dates, so a gap or a change from
quarters to months shows. The chart is drawn at the width it is shown at, its text 12 px, with
margins made to fit its labels and only as many period labels as fit without touching.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape  # escapes our SVG output; parses nothing  # nosec B406

from scorecard.charts.text_width import FONT_SIZE, text_width
from scorecard.charts.ticks import MOST_TICKS, round_ticks
from scorecard.core.units import plain_number

WIDTH, HEIGHT = 640, 260
NARROW = 320  # a phone's width, or a card's column in print
TOP, BOTTOM = 12, 40
GAP = 8  # between a label and what it labels, and between two period labels
MARKER = 6  # a marker's reach either side of its point
TARGET_LABEL = "Target"

# The page's own typeface, quoted for an SVG attribute.
FONT = '"GDS Transport, arial, sans-serif"'
COLOURS = {"G": "#00703c", "A": "#b35a00", "R": "#d4351c", "B": "#1d70b8", None: "#505a5f"}


@dataclass(frozen=True, slots=True)
class Point:
    label: str
    value: Decimal | None
    target: Decimal | None
    rag: str | None
    # The period's end as a count of months: points are spaced by it when every one has it.
    ends: int | None = None


def point_of(rated) -> Point:
    """A rated reading (scorecard.core.series.RatedReading) as a point on the chart."""
    rag = rated.rating.rag
    period = rated.reading.period
    return Point(
        period.display,
        rated.reading.value,
        rated.target,
        rag.value if rag else None,
        period.last_month + 1,
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
            middle = round((x + following[0]) / 2)
            path += [f"{middle},{y}", f"{middle},{following[1]}"]
    return path


def _places(points: list[Point]) -> list[float]:
    """Each point's place along the time axis, 0 to 1: by its date when every point has one,
    else evenly."""
    ends = [p.ends for p in points]
    if len(points) > 1 and None not in ends and ends[0] != ends[-1]:
        first, last = ends[0], ends[-1]
        return [(end - first) / (last - first) for end in ends]  # type: ignore[operator]
    if len(points) == 1:
        return [0.5]
    return [i / (len(points) - 1) for i in range(len(points))]


def _labelled(xs: list[float], labels: list[str]) -> list[int]:
    """Which periods are labelled: the latest always, then each earlier one whose label does not
    reach the last one placed."""
    chosen: list[int] = []
    left_edge = float("inf")
    for i in reversed(range(len(labels))):
        half = text_width(labels[i]) / 2
        if xs[i] + half + GAP <= left_edge:
            chosen.append(i)
            left_edge = xs[i] - half
    return sorted(chosen)


def line_chart(
    title: str,
    points: list[Point],
    *,
    chart_id: str = "chart",
    shown: Callable[[Decimal], str] | None = None,
    width: int = WIDTH,
    height: int = HEIGHT,
) -> str:
    """SVG markup `width` by `height` px; empty when there is nothing to draw. `shown` writes an
    axis figure in the measure's unit (`scoring.figures.axis_figures`); without it, plainly."""
    write = shown or (lambda number: plain_number(number))
    if not any(p.value is not None for p in points):
        return ""
    numbers = [v for p in points for v in (p.value, p.target) if v is not None]
    # A tick every 24 px at most, so that their labels never touch in a short chart.
    most = min(MOST_TICKS, max(3, (height - TOP - BOTTOM) // 24))
    ticks = round_ticks(min(numbers), max(numbers), most)
    tick_labels = [write(tick) for tick in ticks]
    places = _places(points)
    has_target = any(p.target is not None for p in points)
    # Room for the widest figure on the axis, and for half the first and last period labels.
    left = max(
        max(text_width(label) for label in tick_labels) + GAP + 4,
        text_width(points[0].label) / 2 + 2 if places[0] == 0 else 0,
    )
    right = max(
        text_width(TARGET_LABEL) + GAP + MARKER if has_target else MARKER + 2,
        text_width(points[-1].label) / 2 + 2 if places[-1] == 1 else 0,
    )
    left, right = round(left), round(right)
    low, high = float(ticks[0]), float(ticks[-1])
    bottom = height - BOTTOM

    # Whole pixels: the chart is drawn at the size it is shown, so they are crisp, and no
    # coordinate reads as one of the measure's figures ("271.3" holds "71.3").
    def x_at(i: int) -> float:
        return round(left + places[i] * (width - left - right))

    def y_at(v: Decimal) -> float:
        return round(TOP + (high - float(v)) / (high - low) * (bottom - TOP))

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="{chart_id}-title" '
        f'class="scorecard-chart" font-family={FONT} font-size="{FONT_SIZE}">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
    ]
    for tick, label in zip(ticks, tick_labels, strict=True):
        y = y_at(tick)
        # The lowest tick is the axis itself; the others are faint guides across the plot.
        stroke = "#0b0c0c" if tick == ticks[0] else "#dcdcdc"
        parts.append(
            f'<line x1="{left}" y1="{y}" x2="{width - right}" y2="{y}" stroke="{stroke}"/>'
        )
        parts.append(f'<text x="{left - GAP}" y="{y + 4}" text-anchor="end">{escape(label)}</text>')
    target_corners = [
        (x_at(i), y_at(p.target)) for i, p in enumerate(points) if p.target is not None
    ]
    target_path = _steps(target_corners)
    if len(target_path) > 1:
        parts.append(
            f'<polyline points="{" ".join(target_path)}" fill="none" stroke="#0b0c0c" '
            'stroke-dasharray="6 4" stroke-width="2"><title>Target</title></polyline>'
        )
    if target_corners:
        x, y = target_corners[-1]
        parts.append(f'<text x="{x + MARKER + 3}" y="{y + 4}">{TARGET_LABEL}</text>')
    value_path = [f"{x_at(i)},{y_at(p.value)}" for i, p in enumerate(points) if p.value is not None]
    parts.append(
        f'<polyline points="{" ".join(value_path)}" fill="none" stroke="#1d70b8" stroke-width="3"/>'
    )
    xs = [x_at(i) for i in range(len(points))]
    labelled = set(_labelled(xs, [p.label for p in points]))
    for i, point in enumerate(points):
        if i in labelled:
            parts.append(
                f'<text x="{xs[i]}" y="{bottom + 20}" text-anchor="middle">'
                f"{escape(point.label)}</text>"
            )
        if point.value is not None:
            parts.append(_marker(xs[i], y_at(point.value), point.rag))
    parts.append("</svg>")
    return "\n".join(parts)
