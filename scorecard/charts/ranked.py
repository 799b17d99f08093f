"""Every area's value as a sorted bar chart, best first, with one area marked, as accessible SVG.

The marked area is told by shape and words, not colour alone: its bar is drawn dark with a
triangle above it and its name and value written beside the triangle. A dashed line shows the
benchmark (England) with its name. The value axis has round ticks from zero. Pages show every
figure in a table beside the chart.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape  # escapes our SVG output; parses nothing  # nosec B406

from scorecard.charts.line import FONT
from scorecard.charts.text_width import FONT_SIZE, text_width
from scorecard.charts.ticks import round_ticks
from scorecard.core.units import format_estimate, plain_number

WIDTH, HEIGHT = 640, 240
RIGHT, TOP, BOTTOM = 16, 40, 28
GAP = 8  # between an axis label and the axis
OTHER, OURS, BENCHMARK = "#b1b4b6", "#0b0c0c", "#1d70b8"


@dataclass(frozen=True, slots=True)
class Bar:
    name: str
    value: float
    ours: bool = False


def _figure(value: float) -> str:
    return format_estimate(value)


def ranked_bars(
    title: str,
    bars: list[Bar],
    *,
    benchmark: tuple[str, float] | None = None,
    chart_id: str = "ranked",
) -> str:
    """Bars in the order given (best first); empty when there is nothing to draw."""
    if not bars:
        return ""
    highest = max([b.value for b in bars] + ([benchmark[1]] if benchmark else []))
    ticks = round_ticks(0, max(highest, 0) or 1, most=5)
    top = float(ticks[-1])
    labels = [plain_number(tick) for tick in ticks]
    left = round(max(text_width(label) for label in labels) + 2 * GAP)
    inner_w, inner_h = WIDTH - left - RIGHT, HEIGHT - TOP - BOTTOM
    step = inner_w / len(bars)

    def y_at(value: float) -> float:
        return TOP + inner_h * (1 - max(value, 0) / top)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-labelledby="{chart_id}-title" '
        f'class="scorecard-chart" font-family={FONT} font-size="{FONT_SIZE}">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
    ]
    for tick, label in zip(ticks, labels, strict=True):
        y = y_at(float(tick))
        stroke = "#0b0c0c" if not tick else "#dcdcdc"
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" stroke="{stroke}"/>'
        )
        parts.append(
            f'<text x="{left - GAP}" y="{y + 4:.1f}" text-anchor="end">{escape(label)}</text>'
        )
    parts += [
        f'<text x="{left}" y="{HEIGHT - 8}">Best</text>',
        f'<text x="{WIDTH - RIGHT}" y="{HEIGHT - 8}" text-anchor="end">Worst</text>',
    ]
    for index, bar in enumerate(bars):
        x, y = left + index * step, y_at(bar.value)
        colour = OURS if bar.ours else OTHER
        parts.append(
            f'<rect x="{x + step * 0.1:.1f}" y="{y:.1f}" width="{max(step * 0.8, 1):.1f}" '
            f'height="{TOP + inner_h - y:.1f}" fill="{colour}"/>'
        )
        if bar.ours:
            middle = x + step / 2
            anchor = "start" if index < len(bars) / 2 else "end"
            shift = 8 if anchor == "start" else -8
            parts.append(
                f'<polygon points="{middle:.1f},{y - 4:.1f} {middle - 6:.1f},{y - 14:.1f} '
                f'{middle + 6:.1f},{y - 14:.1f}" fill="{OURS}"/>'
            )
            parts.append(
                f'<text x="{middle + shift:.1f}" y="{y - 18:.1f}" text-anchor="{anchor}" '
                f'font-weight="bold">{escape(bar.name)}: {_figure(bar.value)}'
                "</text>"
            )
    if benchmark:
        name, value = benchmark
        y = y_at(value)
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" '
            f'stroke="{BENCHMARK}" stroke-width="2" stroke-dasharray="6 4"/>'
        )
        parts.append(
            f'<text x="{WIDTH - RIGHT}" y="{y - 4:.1f}" text-anchor="end" '
            f'fill="{BENCHMARK}">{escape(name)}: {_figure(value)}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)
