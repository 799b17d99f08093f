"""Every area's value, ranked: a value axis of round ticks from zero, nothing clipped, text at
12 px."""

from xml.etree import ElementTree

from scorecard.charts.ranked import Bar, ranked_bars
from scorecard.charts.text_width import text_width

SVG = "{http://www.w3.org/2000/svg}"
BARS = [Bar("Rutland", 93.6), Bar("Somerset", 87.5, ours=True), Bar("Slough", 61.2)]


def parsed(svg: str) -> ElementTree.Element:
    return ElementTree.fromstring(svg)  # noqa: S314 - our own markup, made in this test


def _axis(root: ElementTree.Element) -> list[ElementTree.Element]:
    return [
        t for t in root.iter(f"{SVG}text") if t.get("text-anchor") == "end" and t.text[0].isdigit()
    ]


def test_the_value_axis_has_round_ticks_from_zero():
    root = parsed(ranked_bars("T", BARS, benchmark=("England", 88.1)))
    assert [t.text for t in _axis(root)] == ["0", "25", "50", "75", "100"]


def test_large_values_leave_room_for_their_axis_labels():
    root = parsed(ranked_bars("T", [Bar("A", 74588.0), Bar("B", 1234567.0, ours=True)]))
    assert all(float(t.get("x")) - text_width(t.text) >= 0 for t in _axis(root))


def test_text_is_12_px():
    root = parsed(ranked_bars("T", BARS, benchmark=("England", 88.1)))
    assert root.get("font-size") == "12"
    assert not [t for t in root.iter(f"{SVG}text") if t.get("font-size")]
