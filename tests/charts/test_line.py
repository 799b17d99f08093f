"""The line chart: vector SVG, titled, escaped, and readable without colour."""

from decimal import Decimal as D
from xml.etree import ElementTree

from scorecard.charts.line import Point, line_chart

POINTS = [
    Point("Q1", D("84.8"), D(90), "A"),
    Point("Q2", D("91.7"), D(90), "G"),
    Point("Q3", D("70"), D(90), "R"),
    Point("Q4", None, D(90), None),
]
SVG = "{http://www.w3.org/2000/svg}"


def parsed(svg: str) -> ElementTree.Element:
    return ElementTree.fromstring(svg)  # noqa: S314 - our own markup, made in this test


def test_chart_is_an_image_labelled_by_its_title():
    root = parsed(line_chart("Health <visits> & checks", POINTS, chart_id="c1"))
    title = root.find(f"{SVG}title")
    assert (root.get("role"), root.get("aria-labelledby"), title.text) == (
        "img",
        "c1-title",
        "Health <visits> & checks",
    )


def test_ratings_are_told_apart_by_shape_not_only_colour():
    root = parsed(line_chart("T", POINTS))
    shapes = [
        el.tag.removeprefix(SVG)
        for el in root
        if el.tag.removeprefix(SVG) in ("circle", "polygon", "rect")
    ]
    assert shapes == ["polygon", "circle", "rect"]


def test_target_line_is_drawn_dashed():
    root = parsed(line_chart("T", POINTS))
    target = [el for el in root.iter(f"{SVG}polyline") if el.get("stroke-dasharray")]
    assert len(target[0].get("points").split()) == 4  # four periods, one target: no steps


def test_nothing_to_draw_gives_no_chart():
    assert line_chart("T", [Point("Q1", None, None, None)]) == ""


def test_a_flat_series_still_draws():
    flat = [Point("Q1", D(5), None, None), Point("Q2", D(5), None, None)]
    assert parsed(line_chart("T", flat)).tag == f"{SVG}svg"


def test_a_changed_target_is_drawn_as_a_step_not_a_slope():
    points = [Point("Q1", D(50), D(50), "G"), Point("Q2", D(53), D(53), "G")]
    root = parsed(line_chart("T", points))
    target = next(el for el in root.iter(f"{SVG}polyline") if el.get("stroke-dasharray"))
    corners = [tuple(map(float, c.split(","))) for c in target.get("points").split()]
    assert len(corners) == 4 and corners[1][0] == corners[2][0]


def test_axis_figures_are_written_as_the_measure_writes_its_figures():
    from scorecard.core.units import format_value

    def shown(number):
        return format_value(number, "percent", decimals=1)

    axis = [t.text for t in parsed(line_chart("T", POINTS, shown=shown)).iter(f"{SVG}text")][:3]
    # 70 to 91.7 padded by a tenth of the range each way: 67.83, 80.85, 93.87.
    assert axis == ["67.8%", "80.9%", "93.9%"]
    money = parsed(line_chart("T", POINTS, shown=lambda n: format_value(n, "money", decimals=0)))
    assert [t.text for t in money.iter(f"{SVG}text")][:3] == ["£68", "£81", "£94"]


def test_benchmarking_estimates_go_through_the_core_formatter():
    from scorecard.core.units import format_estimate

    # One decimal, thousands separated, from the float's shortest form (no binary artefacts).
    assert format_estimate(75.30912) == "75.3"
    assert format_estimate(27.299999999999997) == "27.3"
    assert format_estimate(74588.0, 0) == "74,588"
    assert format_estimate(None) == ""
