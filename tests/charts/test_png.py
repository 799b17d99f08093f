"""Charts as PNG for Word: the width asked for, and the labels actually drawn."""

import io
import struct
from decimal import Decimal

import pytest
from PIL import Image

from scorecard.charts.bars import stacked_bars
from scorecard.charts.line import FONT, Point, line_chart
from scorecard.charts.png import svg_to_png

SIGNATURE = b"\x89PNG\r\n\x1a\n"
POINTS = [
    Point("Q3 2018/19", Decimal("49.7"), Decimal("50"), "A"),
    Point("Q4 2018/19", Decimal("51.2"), Decimal("50"), "G"),
    Point("Q1 2019/20", Decimal("44.0"), Decimal("53"), "R"),
    Point("Q2 2019/20", None, Decimal("53"), None),
]
CHARTS = {
    "line": line_chart("Breastfeeding ↑ & <target>", POINTS, chart_id="bf"),
    "bars": stacked_bars(
        "Ratings", [("Safe & <well>", {"G": 8, "A": 5, "R": 1}), ("Fairer", {"B": 2})], chart_id="b"
    ),
}


def size(png: bytes) -> tuple[int, int]:
    """Width and height from the IHDR chunk, which always comes first."""
    return struct.unpack(">II", png[16:24])


def dark_pixels(png: bytes) -> int:
    return sum(Image.open(io.BytesIO(png)).convert("L").histogram()[:128])


@pytest.mark.parametrize("name", CHARTS)
def test_every_chart_converts(name):
    png = svg_to_png(CHARTS[name])
    assert png.startswith(SIGNATURE)
    assert size(png)[0] == 1280
    assert len(png) > 2000


@pytest.mark.parametrize("width", [320, 640, 1280, 2000])
def test_the_width_is_as_asked_and_the_height_to_scale(width):
    png = svg_to_png(CHARTS["line"], width=width)
    assert size(png) == (width, round(width * 260 / 640))


def test_text_in_the_charts_font_is_drawn():
    text = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 40" font-family={FONT}>'
        '<text x="10" y="28" font-size="20">Green (G) 51.2%</text></svg>'
    )
    blank = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 40" font-family={FONT}/>'
    assert dark_pixels(svg_to_png(blank, width=400)) == 0
    assert dark_pixels(svg_to_png(text, width=400)) > 200


def test_the_background_is_opaque_white():
    image = Image.open(io.BytesIO(svg_to_png(CHARTS["bars"], width=320))).convert("RGBA")
    assert image.getpixel((0, 0)) == (255, 255, 255, 255)
