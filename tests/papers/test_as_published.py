"""Published = frozen: the paper made later as at its publication is the published one, byte
for byte, whatever was changed afterwards (a new version of the paper, a highlight report)."""

import pytest

from scorecard.delivery.models import HighlightReport
from scorecard.papers.actions import NewVersion, Publish
from scorecard.reports.as_at import build_report, rendered
from tests.formats import EVERY_FORMAT
from tests.papers.conftest import MEETING, Q4

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_at_start):
    """The demo loaded at the clock's start, so that the paper's moments come after it."""


def _made(moment, format_name: str, meeting=MEETING) -> bytes:
    report = build_report("programme", Q4, "cypp", moment, meeting)
    return rendered(report, format_name, moment)


def _publish_then_change(paper, team_user, signed_in_as, clock, made, change, format_name):
    """Publish the paper and make it in the format as at that moment, then a day later make a
    new version and `change(new_version)`: returns the published paper and the paper made now
    (HTML), after checking the format made again as at the publication is the published file."""
    with signed_in_as(team_user):
        clock.advance(minutes=10)
        Publish(paper, team_user).execute()
    moment = paper.published_at
    published, published_html = made(moment, format_name), made(moment, "html").decode()

    clock.advance(days=1)
    with signed_in_as(team_user):
        change(NewVersion(paper, team_user).execute())
    clock.advance(hours=1)

    assert made(moment, format_name) == published, format_name
    return published_html, made(None, "html").decode()


@pytest.mark.parametrize("format_name", EVERY_FORMAT)
def test_the_paper_as_at_its_publication_is_the_published_one(
    paper, team_user, signed_in_as, clock, format_name
):
    with signed_in_as(team_user):
        paper.recommendations = "That Cabinet endorse the progress of Year 2."
        paper.decisions_sought = "That the SCT Executive approves the progress."
        paper.save()
        paper.seen_by.create(role="County Solicitor", name="Honor Clarke")

    def change(later):
        # The next day: a new version changed, a highlight report rewritten.
        later.recommendations = "That Cabinet note the progress."
        later.save()
        later.seen_by.all().delete()
        report = HighlightReport.objects.filter(programme__plan=paper.plan, period="2017/18 Q4")
        first = report.order_by("pk").first()
        first.areas_of_success = "Rewritten after the meeting."
        first.save()

    html, now = _publish_then_change(
        paper, team_user, signed_in_as, clock, _made, change, format_name
    )
    assert "That Cabinet endorse the progress of Year 2." in html
    assert "Honor Clarke" in html and "Draft" not in html
    assert "That Cabinet note the progress." in now
    assert "Draft (version 2): not published" in now
    assert "Rewritten after the meeting." in now and "Rewritten after" not in html


@pytest.mark.parametrize("format_name", EVERY_FORMAT)
def test_a_board_annual_report_as_at_its_publication_is_the_published_one(
    team_user, signed_in_as, clock, format_name
):
    """The board's own sections and priorities rows are rewound with the paper."""
    from scorecard.core.period_parser import parse_period
    from scorecard.demo.papers import BOARD_MEETING, add_demo_board_paper
    from scorecard.papers.models import Paper

    year = parse_period("2017/18")

    def made(moment, format_name: str) -> bytes:
        report = build_report("board", year, "corporate-parenting", moment, BOARD_MEETING)
        return rendered(report, format_name, moment)

    def change(later):
        later.young_peoples_voice = "Changed after the meeting."
        later.save()
        row = later.priorities.first()
        row.board_progress = "Progress rewritten after the meeting."
        row.save()

    with signed_in_as(team_user):
        add_demo_board_paper(team_user)
    paper = Paper.objects.get(kind="board")
    html, now = _publish_then_change(
        paper, team_user, signed_in_as, clock, made, change, format_name
    )
    assert "Changed after the meeting." in now
    assert "Progress rewritten after the meeting." in now
    assert "Changed after the meeting." not in html


@pytest.mark.parametrize("format_name", EVERY_FORMAT)
def test_a_lead_member_report_as_at_its_publication_is_the_published_one(
    team_user, signed_in_as, clock, format_name
):
    """The introduction and the words of each theme and area are rewound with the paper."""
    from scorecard.core.period_parser import parse_period
    from scorecard.demo.papers import LEAD_MEMBER_MEETING, add_demo_lead_member_paper
    from scorecard.papers.models import Paper

    year = parse_period("2018/19")

    def made(moment, format_name: str) -> bytes:
        report = build_report("lead-member", year, "children-families", moment, LEAD_MEMBER_MEETING)
        return rendered(report, format_name, moment)

    def change(later):
        later.introduction = "Introduction changed after the meeting."
        later.save()
        row = later.narratives.get(area="Edge of Care")
        row.text = "Edge of Care rewritten after the meeting."
        row.save()
        later.narratives.create(theme="Inclusion", area="Added later", text="Added later.")

    with signed_in_as(team_user):
        add_demo_lead_member_paper(team_user)
    paper = Paper.objects.get(kind="lead-member")
    html, now = _publish_then_change(
        paper, team_user, signed_in_as, clock, made, change, format_name
    )
    assert "Introduction changed after the meeting." in now
    assert "Edge of Care rewritten after the meeting." in now and "Added later." in now
    assert "after the meeting" not in html
