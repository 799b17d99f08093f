"""The governance diagram: a box for each board and programme, a line from each box to what sits
under it, long names wrapped, text escaped, a title and description, nothing for nothing."""

from xml.etree import ElementTree

from scorecard.charts.governance import FONT_SIZE, WIDTH, Box, governance_diagram

SVG = "{http://www.w3.org/2000/svg}"

TREE = [
    Box(
        "Partnership Board",
        board=True,
        below=(
            Box(
                "Executive",
                board=True,
                below=(
                    Box(
                        "Early Help Board",
                        board=True,
                        below=(Box("Help early", board=False, detail="Lead: A Manager"),),
                    ),
                    Box("Skills", board=False),
                    Box("Workforce", board=False, detail="Lead: HR Director"),
                ),
            ),
        ),
    )
]


def parsed(svg: str) -> ElementTree.Element:
    return ElementTree.fromstring(svg)  # noqa: S314 - our own markup, made in this test


def _boxes(svg: ElementTree.Element) -> list[tuple[float, float, float]]:
    """Each box's left, top and bottom, in reading order."""
    return [
        (float(r.get("x")), float(r.get("y")), float(r.get("y")) + float(r.get("height")))
        for r in svg.iter(f"{SVG}rect")
    ]


def test_each_board_and_programme_is_a_box_under_the_box_it_reports_to():
    svg = parsed(governance_diagram("T", "D", TREE))
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert texts == [
        "Partnership Board",
        "Executive",
        "Early Help Board",
        "Help early",
        "Lead: A Manager",
        "Skills",
        "Workforce",
        "Lead: HR Director",
    ]
    boxes = _boxes(svg)
    assert len(boxes) == 6
    lefts = [left for left, _, _ in boxes]
    # Indented by depth: the partnership board, the executive, its board and two programmes,
    # the early help programme under its own board.
    assert lefts[1] > lefts[0] and lefts[2] > lefts[1] and lefts[3] > lefts[2]
    assert lefts[4] == lefts[5] == lefts[2]
    # One box below another, never overlapping.
    assert all(below[1] > above[2] for above, below in zip(boxes, boxes[1:], strict=False))


def test_boards_are_told_from_programmes_by_weight_not_colour_alone():
    svg = parsed(governance_diagram("T", "D", TREE))
    bold = [t.text for t in svg.iter(f"{SVG}text") if t.get("font-weight") == "bold"]
    assert bold == ["Partnership Board", "Executive", "Early Help Board"]


def test_a_line_joins_each_box_to_the_box_it_reports_to():
    svg = parsed(governance_diagram("T", "D", TREE))
    lines = list(svg.iter(f"{SVG}line"))
    # A line down from each of the three boards, and one across to each of the five boxes
    # under them.
    downs = [line for line in lines if line.get("x1") == line.get("x2")]
    across = [line for line in lines if line.get("y1") == line.get("y2")]
    assert (len(downs), len(across)) == (3, 5)
    boxes = _boxes(svg)
    # Each step across ends at the left side of a box under a board, half-way down it.
    ends = {(float(line.get("x2")), float(line.get("y1"))) for line in across}
    assert ends == {(left, (top + bottom) / 2) for left, top, bottom in boxes[1:]}


def test_a_long_name_is_wrapped_inside_its_box():
    name = "Achieving effective multi-agency support for more vulnerable children " * 3
    svg = parsed(governance_diagram("T", "D", [Box(name.strip(), board=False)]))
    lines = [t.text for t in svg.iter(f"{SVG}text")]
    assert len(lines) > 2 and " ".join(lines) == name.strip()
    # At most as wide as the box with the widest of characters at half the font size.
    assert all(len(line) * FONT_SIZE * 0.52 <= WIDTH for line in lines)


def test_it_is_an_image_with_a_title_and_a_description():
    svg = parsed(governance_diagram("How it is governed", "At the top: X.", TREE, chart_id="g"))
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "g-title g-desc"
    assert svg.find(f"{SVG}title").text == "How it is governed"
    assert svg.find(f"{SVG}desc").text == "At the top: X."
    assert int(svg.find(f"{SVG}text").get("font-size")) >= 14
    # However many programmes, the diagram fits a printed page.
    assert "max-height" in svg.get("style")


def test_names_title_and_description_are_escaped():
    tops = [Box("Board <b> & co", board=True, below=(Box('"P" & <i>', board=False),))]
    markup = governance_diagram("<T> & t", "<D> & d", tops)
    assert "<b>" not in markup and "<i>" not in markup
    assert "Board &lt;b&gt; &amp; co" in markup and "&lt;T&gt; &amp; t" in markup
    svg = parsed(markup)
    assert [t.text for t in svg.iter(f"{SVG}text")] == ["Board <b> & co", '"P" & <i>']
    assert svg.find(f"{SVG}desc").text == "<D> & d"


def test_nothing_to_draw_draws_nothing():
    assert governance_diagram("T", "D", []) == ""
