"""A progress report's own typed sections (seeds 000 and 001): the plan's background and the
overarching measures in words before the achievements, the board's view of the year after
them, the governance arrangements in the executive summary; each left out while blank."""

import datetime
import io
import zipfile

import pytest
from django.urls import reverse

from scorecard.core.period_parser import parse_period
from scorecard.framework.models import Plan
from scorecard.papers.actions import StartPaper
from scorecard.papers.forms import PaperForm
from scorecard.papers.models import Paper
from scorecard.reports.kinds import render
from scorecard.reports.programme import build
from scorecard.reports.progress import build as build_any
from tests.papers.conftest import MEETING, Q4
from tests.signing_in import signed_in

pytestmark = pytest.mark.django_db

VIEW = "The Children's Trust Executive's view of the year"


def _typed(paper: Paper) -> Paper:
    paper.background = "Our background <b>words</b>.\n\n- first point\n- second point"
    paper.measures_overview = "The overarching measures move slowly."
    paper.boards_view = "The Executive is content."
    paper.governance_arrangements = "The Partnership Team supports the delivery groups."
    paper.save()
    return paper


def _titles(report) -> list[str]:
    return [section.title for section in report.sections]


def test_a_new_progress_paper_starts_its_background_from_the_plan(paper):
    programmes = list(Plan.objects.get(plan_id="cypp").programmes.order_by("order"))
    assert len(programmes) == 7
    for number, programme in enumerate(programmes, 1):
        assert f"- {number}. {programme.name}" in paper.background
    assert "reports to the Children's Trust Executive every quarter" in paper.background
    assert paper.measures_overview == paper.boards_view == paper.governance_arrangements == ""


def test_the_quarters_report_prints_them_in_the_seeds_order(paper):
    _typed(paper)
    titles = _titles(build(Q4, "cypp", MEETING))
    background, measures = titles.index("Background"), titles.index("The overarching measures")
    achievements = next(i for i, t in enumerate(titles) if t.startswith("Achievements"))
    summary = titles.index("Executive summary")
    assert 0 < background < measures < achievements < titles.index(VIEW) < summary
    executive = build(Q4, "cypp", MEETING).sections[summary]
    assert "Governance arrangements" in [s.title for s in executive.sections]


def test_blank_sections_are_left_out(paper):
    Paper.objects.filter(pk=paper.pk).update(background="", boards_view="  ")
    titles = _titles(build(Q4, "cypp", MEETING))
    assert "Background" not in titles and VIEW not in titles
    assert "The overarching measures" not in titles


def test_every_format_prints_them_escaped(paper):
    _typed(paper)
    report = build(Q4, "cypp", MEETING)
    html = render(report, "html").decode()
    assert "Our background &lt;b&gt;words&lt;/b&gt;." in html and "<li>first point</li>" in html
    assert VIEW.replace("'", "&#x27;") in html or VIEW in html
    with zipfile.ZipFile(io.BytesIO(render(report, "docx"))) as word:
        document = word.read("word/document.xml").decode()
    assert "The Executive is content." in document and "The Partnership Team supports" in document


def test_the_years_report_prints_them_too(team_user, signed_in_as):
    year = parse_period("2017/18")
    plan = Plan.objects.get(plan_id="cypp")
    meeting = datetime.date(2018, 7, 9)
    with signed_in_as(team_user):
        paper = StartPaper(team_user, plan, "programme", year, "Cabinet", meeting).execute()
    _typed(paper)
    titles = _titles(build_any(year, "cypp", meeting))
    assert titles.index("Background") < titles.index("The overarching measures")
    assert titles.index(VIEW) < next(i for i, t in enumerate(titles) if t.startswith("Plans for"))


def test_the_form_shows_each_kinds_own_sections_only(paper):
    fields = set(PaperForm(instance=paper).fields)
    summary = {"overall_position", "cross_cutting_issues", "decisions_sought"}
    assert {"background", "measures_overview", "boards_view", "governance_arrangements"} <= fields
    assert summary <= fields
    assert "achievements" not in fields and "purpose" not in fields
    # The same paper as another kind would be (not saved: the form reads only its kind); only
    # a progress report has an executive summary of its programmes.
    paper.kind = "board"
    board_fields = set(PaperForm(instance=paper).fields)
    assert "background" in board_fields and "boards_view" not in board_fields
    assert not board_fields & summary
    paper.kind = "corporate"
    corporate = set(PaperForm(instance=paper).fields)
    assert not corporate & {"background", "measures_overview", "boards_view", *summary}
    paper.kind = "lead-member"
    assert not set(PaperForm(instance=paper).fields) & summary


def test_the_team_types_them_on_the_page(paper):
    team = signed_in("performance")
    address = reverse("paper_edit", args=[paper.pk])
    assert 'name="boards_view"' in team.get(address).content.decode()
    data = {
        "committee": "Cabinet",
        "meeting_date": "9/7/2018",
        "boards_view": "Typed on the page",
        "background": "Kept",
    }
    assert team.post(address, data).status_code == 302
    paper.refresh_from_db()
    assert (paper.boards_view, paper.background) == ("Typed on the page", "Kept")
    assert signed_in("viewer").post(address, data).status_code == 403
