"""The progress report's governance: the diagram drawn from the boards and programmes of a
made-up plan, the table beside it, and the table alone when there is nothing to draw."""

import pytest

from scorecard.charts.governance import Box
from scorecard.framework.models import Board, Plan, Programme
from scorecard.reports.document import Chart, Facts, Report, Section, Table
from scorecard.reports.governance import Boards, diagram_boxes, governance
from scorecard.reports.render_html import render_html

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan() -> Plan:
    """The Executive (the plan's board) reports to the Partnership Board; the Early Help Board
    reports to the Executive and has the first programme; the second has no board of its own."""
    top = Board.objects.create(name="Partnership Board")
    executive = Board.objects.create(name="Executive", reports_to=top)
    early_help = Board.objects.create(name="Early Help Board", reports_to=executive)
    Board.objects.create(name="Planning Committee")  # nothing to do with the plan
    plan = Plan.objects.create(plan_id="p", name="Our Plan", board=executive)
    Programme.objects.create(plan=plan, name="Help early", lead="A Manager", board=early_help)
    Programme.objects.create(plan=plan, name="Skills", order=1)
    return plan


def _shape(box: Box) -> tuple:
    return (box.name, box.board, box.detail, [_shape(under) for under in box.below])


def test_the_plans_board_sits_under_the_board_it_reports_to_with_its_programmes(plan):
    programmes = list(plan.programmes.all())
    assert [_shape(top) for top in diagram_boxes(plan, programmes, Boards())] == [
        (
            "Partnership Board",
            True,
            "",
            [
                (
                    "Executive",
                    True,
                    "",
                    [
                        (
                            "Early Help Board",
                            True,
                            "",
                            [("Help early", False, "Lead: A Manager", [])],
                        ),
                        ("Skills", False, "", []),
                    ],
                )
            ],
        )
    ]


def test_the_section_has_the_diagram_with_its_words_and_table(plan):
    section = governance(plan, list(plan.programmes.all()))
    facts = dict(next(b for b in section.blocks if isinstance(b, Facts)).items)
    assert (facts["Reports to"], facts["Which reports to"]) == ("Executive", "Partnership Board")
    (chart,) = [b for b in section.blocks if isinstance(b, Chart)]
    assert not [b for b in section.blocks if isinstance(b, Table)]
    assert chart.alt == (
        "At the top: Partnership Board. Executive reports to Partnership Board. Early Help "
        "Board reports to Executive. One programme reports to Executive. One programme "
        "reports to Early Help Board."
    )
    assert [[cell.text for cell in row] for row in chart.table.rows] == [
        ["Help early", "A Manager", "Early Help Board", "Executive"],
        ["Skills", "No lead recorded", "None recorded", "Executive"],
    ]
    assert "Planning Committee" not in chart.svg
    assert f'<desc id="governance-desc">{chart.alt}</desc>' in chart.svg


def test_a_programme_board_reporting_nowhere_is_drawn_beside_the_plans_board():
    executive = Board.objects.create(name="Executive")
    own = Board.objects.create(name="Own Board")
    plan = Plan.objects.create(plan_id="p", name="Our Plan", board=executive)
    Programme.objects.create(plan=plan, name="First", board=own)
    Programme.objects.create(plan=plan, name="Second", order=1)
    tops = diagram_boxes(plan, list(plan.programmes.all()), Boards())
    assert [_shape(top) for top in tops] == [
        ("Executive", True, "", [("Second", False, "", [])]),
        ("Own Board", True, "", [("First", False, "", [])]),
    ]


@pytest.mark.parametrize("plan_board", [True, False])
def test_a_plan_with_no_board_but_its_own_has_the_table_alone(plan_board):
    board = Board.objects.create(name="Executive") if plan_board else None
    Board.objects.create(name="Elsewhere")
    plan = Plan.objects.create(plan_id="p", name="Our Plan", board=board)
    Programme.objects.create(plan=plan, name="First", lead="A Lead")
    section = governance(plan, list(plan.programmes.all()))
    assert not [b for b in section.blocks if isinstance(b, Chart)]
    (table,) = [b for b in section.blocks if isinstance(b, Table)]
    assert [cell.text for cell in table.rows[0]] == [
        "First",
        "A Lead",
        "None recorded",
        "Executive" if plan_board else "No board recorded",
    ]
    assert "Which reports to" not in dict(section.blocks[0].items)


def test_names_typed_by_the_council_are_escaped_in_the_diagram_and_page():
    top = Board.objects.create(name="Board <script>alert(1)</script> & co")
    executive = Board.objects.create(name='The "Executive"', reports_to=top)
    plan = Plan.objects.create(plan_id="p", name="Plan <b>", board=executive)
    Programme.objects.create(plan=plan, name="<img src=x onerror=alert(1)>", lead="<i>Lead</i>")
    section = governance(plan, list(plan.programmes.all()))
    (chart,) = [b for b in section.blocks if isinstance(b, Chart)]
    assert "<script>" not in chart.svg and "<img" not in chart.svg and "<i>" not in chart.svg
    assert "Board &lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in chart.svg
    assert "Lead: &lt;i&gt;Lead&lt;/i&gt;" in chart.svg
    report = Report("programme", "T", "", "", [section], produced=None)  # type: ignore[arg-type]
    page = render_html(report)
    assert "<script>alert" not in page and "<img src=x" not in page


def test_a_board_loop_made_by_hand_in_the_database_does_not_hang_the_report():
    first = Board.objects.create(name="First")
    second = Board.objects.create(name="Second", reports_to=first)
    Board.objects.filter(pk=first.pk).update(reports_to=second)
    plan = Plan.objects.create(plan_id="p", name="Our Plan", board=first)
    Programme.objects.create(plan=plan, name="A programme")
    section = governance(plan, list(plan.programmes.all()))
    assert isinstance(section, Section)
    facts = dict(section.blocks[0].items)
    assert facts["Which reports to"] == "Second"
