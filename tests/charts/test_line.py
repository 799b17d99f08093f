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


def _axis(svg: str) -> list[str]:
    """The value axis's labels: the texts anchored at their end, left of the plot."""
    return [t.text for t in parsed(svg).iter(f"{SVG}text") if t.get("text-anchor") == "end"]


def test_axis_ticks_are_round_and_written_in_the_measure_s_unit():
    from scorecard.core.units import format_value

    def shown(number):
        return format_value(number, "percent")

    # 70 to 91.7 (values and target 90): steps of 5 from 70 to 95.
    assert _axis(line_chart("T", POINTS, shown=shown)) == ["70%", "75%", "80%", "85%", "90%", "95%"]
    money = line_chart(
        "T",
        [Point("Q1", D("13.131"), D(0), "R"), Point("Q2", D("-7.64"), D(0), "G")],
        shown=lambda n: format_value(n, "money", money_unit="millions"),
    )
    assert _axis(money) == ["-£10m", "-£5m", "£0m", "£5m", "£10m", "£15m"]


def test_the_axis_labels_are_never_clipped_on_the_left():
    from scorecard.charts.text_width import text_width

    wide = [Point("Q1", D("1234567.5"), None, None), Point("Q2", D("1250000"), None, None)]
    root = parsed(line_chart("T", wide))
    axis = [t for t in root.iter(f"{SVG}text") if t.get("text-anchor") == "end"]
    assert all(float(t.get("x")) - text_width(t.text) >= 0 for t in axis)


def test_the_target_line_is_labelled_where_it_ends():
    root = parsed(line_chart("T", POINTS))
    label = next(t for t in root.iter(f"{SVG}text") if t.text == "Target")
    target = next(el for el in root.iter(f"{SVG}polyline") if el.get("stroke-dasharray"))
    x, y = map(float, target.get("points").split()[-1].split(","))
    assert (float(label.get("x")) > x, float(label.get("y")) - y) == (True, 4)


def test_no_target_no_target_label():
    untargeted = [Point("Q1", D(5), None, None), Point("Q2", D(6), None, None)]
    assert "Target" not in line_chart("T", untargeted)


def _period_labels(svg: str) -> list[tuple[float, str]]:
    return [
        (float(t.get("x")), t.text)
        for t in parsed(svg).iter(f"{SVG}text")
        if t.get("text-anchor") == "middle"
    ]


def test_dated_points_are_spaced_by_their_dates():
    """Three months apart, then one: a quarter's figure, then two months' (as the budget's)."""
    dated = [
        Point("Q4 2017/18", D(1), None, None, ends=3),
        Point("Jul-18", D(2), None, None, ends=7),
        Point("Aug-18", D(3), None, None, ends=8),
        Point("Q2 2018/19", D(4), None, None, ends=9),
        Point("Q2 2019/20", D(5), None, None, ends=21),
    ]
    markers = [float(c.get("cx")) for c in parsed(line_chart("T", dated)).iter(f"{SVG}circle")]
    gaps = [round(b - a, 1) for a, b in zip(markers, markers[1:], strict=False)]
    month = gaps[1]
    assert [round(g / month) for g in gaps] == [4, 1, 1, 12]


def test_period_labels_never_touch_and_the_latest_is_always_labelled():
    from scorecard.charts.text_width import text_width

    monthly = [Point(f"Month {n:02d}", D(n), None, None, ends=n) for n in range(1, 25)]
    for width in (640, 320, 280):
        labels = _period_labels(line_chart("T", monthly, width=width))
        edges = [(x - text_width(t) / 2, x + text_width(t) / 2) for x, t in labels]
        assert labels[-1][1] == "Month 24"
        assert all(a[1] < b[0] for a, b in zip(edges, edges[1:], strict=False))
        assert edges[0][0] >= 0 and edges[-1][1] <= width


def test_the_chart_is_drawn_at_the_width_it_is_shown_with_12_px_text():
    root = parsed(line_chart("T", POINTS, width=320))
    assert (root.get("viewBox"), root.get("width"), root.get("font-size")) == (
        "0 0 320 260",
        "320",
        "12",
    )
    assert not [t for t in root.iter(f"{SVG}text") if t.get("font-size")]


def test_benchmarking_estimates_go_through_the_core_formatter():
    from scorecard.core.units import format_estimate

    # One decimal, thousands separated, from the float's shortest form (no binary artefacts).
    assert format_estimate(75.30912) == "75.3"
    assert format_estimate(27.299999999999997) == "27.3"
    assert format_estimate(74588.0, 0) == "74,588"
    assert format_estimate(None) == ""
