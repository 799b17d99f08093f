"""Stacked bars: labelled segments, escaped names, nothing drawn for nothing rated."""

from xml.etree import ElementTree

from scorecard.charts.bars import DIRECTION_COLOURS, direction_bars, stacked_bars

SVG = "{http://www.w3.org/2000/svg}"
GROUPS = [("Safe & <well>", {"G": 7, "A": 2, "R": 0, "B": 0}), ("Fairer", {"A": 6})]


def parsed(svg: str) -> ElementTree.Element:
    return ElementTree.fromstring(svg)  # noqa: S314 - our own markup, made in this test


def test_each_bar_is_followed_by_its_counts_in_words():
    texts = [t.text for t in parsed(stacked_bars("T", GROUPS, chart_id="c")).iter(f"{SVG}text")]
    assert [t for t in texts if t[0] in "GARB" and t[1] == " "] == ["G 7 · A 2", "A 6"]


def test_a_thin_segment_is_still_counted_in_words():
    groups = [("Total", {"G": 21, "A": 15, "R": 1})]
    assert "G 21 · A 15 · R 1" in stacked_bars("T", groups, chart_id="c")


def test_group_names_are_escaped():
    svg = stacked_bars("T", GROUPS, chart_id="c")
    assert "Safe &amp; &lt;well&gt;" in svg


def test_empty_segments_are_not_drawn():
    rects = list(parsed(stacked_bars("T", GROUPS, chart_id="c")).iter(f"{SVG}rect"))
    assert len(rects) == 3


def test_nothing_rated_draws_nothing():
    assert stacked_bars("T", [("Empty", {})], chart_id="c") == ""


def test_directions_are_stacked_and_written_with_arrows_and_words():
    groups = [
        ("Outcome 1", {"improving": 3, "steady": 0}),
        ("Outcome 4", {"improving": 3, "declining": 4}),
    ]
    svg = direction_bars("Direction of performance", groups, chart_id="d")
    texts = [t.text for t in parsed(svg).iter(f"{SVG}text")]
    assert "↑ 3 improving" in texts
    assert "↑ 3 improving · ↓ 4 declining" in texts
    fills = [r.get("fill") for r in parsed(svg).iter(f"{SVG}rect")]
    assert fills == [
        DIRECTION_COLOURS["improving"],
        DIRECTION_COLOURS["improving"],
        DIRECTION_COLOURS["declining"],
    ]
    assert 'role="img"' in svg and "<title" in svg


def test_no_directions_draw_nothing():
    assert direction_bars("T", [("Outcome 1", {"improving": 0})], chart_id="d") == ""
