"""A chart's SVG as PNG, for formats that cannot take vector SVG (Word)."""

from __future__ import annotations

import re

import cairosvg

# cairosvg asks the system for the first family named only, and GDS Transport is licensed
# for GOV.UK pages, so it is never installed: Arial (Liberation Sans on Linux, same metrics)
# keeps labels the width the chart was laid out for.
_FAMILY = re.compile(r'font-family="[^"]*"')


def svg_to_png(svg: str, *, width: int = 1280) -> bytes:
    """`width` pixels wide, height to scale; wide enough to stay crisp when printed."""
    svg = _FAMILY.sub('font-family="Arial, sans-serif"', svg)
    # Opaque white: a transparent chart loses its black text on Word's dark page colour.
    return cairosvg.svg2png(
        bytestring=svg.encode("utf-8"), output_width=width, background_color="white"
    )
