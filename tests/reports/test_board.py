"""The board annual report (seed 004, the Corporate Parenting Board's report to Council) from the
demo: its sections in the seed's order, Appendix C's figures with the seed's decimals in one age
table and with the benchmarks the seed shows, the board's sections edited on the paper's page
flowing into the paper, and only the performance team editing them."""

from __future__ import annotations

import datetime
import html
import io

import docx
import openpyxl
import pypdf
import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from scorecard.core.period_parser import parse_period
from scorecard.demo.papers import add_demo_board_paper
from scorecard.framework.models import Plan
from scorecard.measures.models import Observation
from scorecard.papers.actions import StartPaper
from scorecard.papers.models import Paper
from scorecard.reports import board
from scorecard.reports.document import Bullets, ReportUnavailable
from scorecard.reports.kinds import KINDS, render
from tests.formats import PDF_FROM_THE_HTML
from tests.reports.test_no_demo_artefacts import artefacts
from tests.signing_in import signed_in

pytestmark = pytest.mark.django_db

PLAN = "corporate-parenting"
YEAR = parse_period("2017/18")
# The seed's parts, in its order (its glossary comes last, after Appendix C).
SECTIONS = [
    "Front sheet",
    "Recommendations to the Board",
    "Background",
    "Achievements",
    "Areas for development",
    "The principles of corporate parenting",
    "How we met our priorities",
    "Young people's voice",
    "Appendix B: task group work plans",
    "Appendix C: data dashboard",
    "Background papers",
    "Appendices",
    "Glossary",
]
# Appendix C's age table as the seed prints it: the figure and the counts behind it.
AGES = {
    "CLA Visits Undertaken in the past month where Child was Seen": [
        "100.0% (94/94)",
        "100.0% (65/65)",
        "98.9% (181/183)",
        "98.3% (113/115)",
    ],
    "CLA Visits Undertaken in the past month where Child was Seen Alone": [
        "43.6% (41/94)",
        "76.9% (50/65)",
        "82.5% (151/183)",
        "83.5% (96/115)",
    ],
    "% of Visits Undertaken on Time": [
        "89.4% (84/94)",
        "92.3% (60/65)",
        "92.3% (169/183)",
        "88.7% (102/115)",
    ],
}
# Figures and the benchmarks beside them, as the seed shows them.
FIGURES = {
    "Somerset CLA Rate per 10,000": (
        "47.7 per 10,000",
        "England 61.7 per 10,000; Statistical neighbours 54.5 per 10,000; South East LAs "
        "rated Good 51.9 per 10,000; South East benchmarking average 55.1 per 10,000 "
        "(Q1 2016/17)",
    ),
    "Care Proceedings Open for < 26 Weeks": ("67.0% (71/106)", board.NOT_COMPARED),
    "% of Children placed for Adoption within 12 months of decision": (
        "70.0% (21/30)",
        "National 71% (2015)",
    ),
    "Children becoming Looked After for a 2nd/Subsequent Time": (
        "13.4%",
        "South East benchmarking 13% (Q1 2017/18)",
    ),
    "% of children living in the same placement for at least 2 years during the last 12 months": (
        "60.7%",
        "South East benchmarking 61% (Q1 2017/18)",
    ),
    "CLA who are UASC": ("2.3% (12/523)", board.NOT_COMPARED),
    "Care Leavers NEET (All Ages)": ("38.3%", board.NOT_COMPARED),
    "Care Leavers In touch (All Ages)": ("98.5% (265/269)", board.NOT_COMPARED),
    "Care Leavers with current Pathway Plans": ("80.6% (240/298)", board.NOT_COMPARED),
}


@pytest.fixture
def team_user(demo):
    return User.objects.get(username="performance")


@pytest.fixture
def paper(team_user) -> Paper:
    add_demo_board_paper(team_user)
    return Paper.objects.get(kind="board")


def _report(meeting=None):
    return board.build(YEAR, PLAN, meeting)


def _section(report, title):
    return next(section for _, section in report.walk() if section.title == title)


def _rows(table) -> dict[str, list[str]]:
    return {row[0].text: [cell.text for cell in row[1:]] for row in table.rows}


def test_the_sections_are_the_seeds_in_its_order(paper):
    report = _report()
    assert [section.title for section in report.sections] == SECTIONS
    assert report.title == "Corporate Parenting Board Annual Report"
    assert report.cover[0] == "County Council, Wednesday 20 February 2019"


def test_appendix_c_is_one_age_table_with_the_seeds_figures(paper):
    appendix = _section(_report(), "Appendix C: data dashboard")
    (ages,) = [t for t in appendix.blocks if getattr(t, "caption", "").startswith("Figures by")]
    assert [column.heading for column in ages.columns] == [
        "Measure",
        "Age 0-4",
        "Age 5-9",
        "Age 10-15",
        "Age 16-17",
    ]
    assert _rows(ages) == AGES
    # The age table's measures are not repeated in the tables below it.
    below = {title for s in appendix.sections for table in s.blocks for title in _rows(table)}
    assert not below & set(AGES)


def test_appendix_c_shows_each_figure_with_the_benchmarks_the_seed_shows(paper):
    appendix = _section(_report(), "Appendix C: data dashboard")
    rows = {
        title: row for s in appendix.sections for t in s.blocks for title, row in _rows(t).items()
    }
    for title, (figure, benchmarks) in FIGURES.items():
        assert (rows[title][0], rows[title][2]) == (figure, benchmarks), title


def test_appendix_b_prints_the_dated_trail_and_no_completed_action_overdue(paper):
    appendix = _section(_report(), "Appendix B: task group work plans")
    health = next(s for s in appendix.sections if s.title == "Health and Wellbeing")
    rows = [row for s in health.sections for t in s.blocks for row in t.rows]
    by_ref = {row[0].text: [cell.text for cell in row] for row in rows}
    # 1.4: three dated updates in the year, oldest first.
    trail = by_ref["1.4"][4]
    assert trail.index("03.11.2017") < trail.index("07.12.2017") < trail.index("09.02.2018")
    completed_overdue = [
        ref for ref, row in by_ref.items() if "Completed" in row[3] and "Overdue" in row[6]
    ]
    assert completed_overdue == []


def test_the_board_sections_are_the_papers_own_words(paper):
    report = _report()
    achievements = _section(report, "Achievements")
    bullets = [
        item for block in achievements.blocks if isinstance(block, Bullets) for item in block.items
    ]
    assert any("43 of the 55 county councillors" in item for item in bullets)
    priorities = _section(report, "How we met our priorities").blocks[0]
    assert [c.heading for c in priorities.columns] == [
        "Priority",
        "The board's progress",
        "The young people's councils' progress",
        "Recommendations to Council",
        "Recommendations to the Board",
    ]
    assert len(priorities.rows) == 6
    principles = _section(report, "The principles of corporate parenting")
    assert len(principles.blocks[1].items) == 7


def test_a_new_board_paper_starts_from_the_action_plans(team_user):
    plan = Plan.objects.get(plan_id=PLAN)
    started = StartPaper(
        team_user, plan, "board", YEAR, "County Council", datetime.date(2019, 2, 20)
    ).execute()
    assert started.principles.count("\n- ") == 7
    assert "Health and Wellbeing:" in started.achievements
    # What only people know is left for them.
    assert (started.recommendations, started.young_peoples_voice) == ("", "")
    priorities = [row.priority for row in started.priorities.all()]
    assert priorities == ["Health and Wellbeing", "Leaving Care", "Voice of the Child", "Education"]


def test_edits_on_the_papers_page_flow_into_the_paper(paper):
    team = signed_in("performance")
    address = reverse("paper_edit", args=[paper.pk])
    assert 'name="young_peoples_voice"' in team.get(address).content.decode()
    data = {
        "committee": paper.committee,
        "meeting_date": "20/2/2019",
        "title": paper.title,
        "recommendations": paper.recommendations,
        "young_peoples_voice": "We asked for a new health leaflet.\n- A leaflet\n- A website",
        "achievements": "Training for every councillor.",
    }
    assert team.post(address, data).status_code == 302
    added = team.post(
        reverse("priority_add", args=[paper.pk]),
        {"priority": "Keep young people safe", "board_progress": "Quarterly reports"},
    )
    assert added.status_code == 302
    report = _report()
    voice = _section(report, "Young people's voice")
    assert voice.blocks[0].text == "We asked for a new health leaflet."
    assert voice.blocks[1].items == ["A leaflet", "A website"]
    assert _section(report, "Achievements").blocks[0].text == "Training for every councillor."
    table = _section(report, "How we met our priorities").blocks[0]
    assert _rows(table)["Keep young people safe"][0] == "Quarterly reports"


def test_only_the_performance_team_edits_a_board_paper(paper):
    for username in ("viewer", "owner"):
        reader = signed_in(username)
        assert reader.get(reverse("paper_edit", args=[paper.pk])).status_code == 403
        posted = reader.post(reverse("priority_add", args=[paper.pk]), {"priority": "Mine"})
        assert posted.status_code == 403
        row = paper.priorities.first()
        removed = reader.post(reverse("priority_remove", args=[paper.pk, row.pk]))
        assert removed.status_code == 403
    assert paper.priorities.filter(priority="Mine").count() == 0


def test_a_paper_page_of_another_kind_has_no_board_sections(team_user):
    plan = Plan.objects.get(plan_id="cypp")
    other = StartPaper(
        team_user,
        plan,
        "programme",
        parse_period("Q4 2017/18"),
        "Cabinet",
        datetime.date(2018, 7, 9),
    ).execute()
    page = signed_in("performance").get(reverse("paper_edit", args=[other.pk])).content.decode()
    assert 'name="young_peoples_voice"' not in page


def test_nothing_unapproved_is_shown(paper):
    """A figure back with its owner, awaiting approval, is left out of the paper."""
    Observation.objects.filter(
        measure__measure_id="CPB-VISITS-SEEN", breakdown="Age 0-4", period="2018-03"
    ).update(approval="provisional")
    Observation.objects.filter(measure__measure_id="CPB-CLA-RATE").update(approval="provisional")
    report = _report()
    ages = _section(report, "Appendix C: data dashboard").blocks[0]
    assert _rows(ages)["CLA Visits Undertaken in the past month where Child was Seen"][0] == "–"
    assert "47.7" not in render(report, "html").decode()


def test_without_a_paper_record_the_report_says_what_it_waits_for(demo_council):
    report = _report()
    assert report.sections[0].title == "Front sheet"
    assert "No paper record has been started" in report.sections[0].blocks[0].text
    assert [s.title for s in report.sections[1:]] == [
        "Appendix B: task group work plans",
        "Appendix C: data dashboard",
    ]


@pytest.mark.parametrize("period", ["Q4 2017/18", "Mar-18"])
def test_the_report_is_for_a_year(demo_council, period):
    with pytest.raises(ReportUnavailable, match="is for a financial year"):
        board.build(parse_period(period), PLAN)


@PDF_FROM_THE_HTML
def test_the_pdf_paper_has_appendix_c_with_its_figures(paper):
    report = KINDS["board"].build(YEAR, PLAN)
    pdf = pypdf.PdfReader(io.BytesIO(render(report, "pdf")))
    text = "".join(page.extract_text() for page in pdf.pages)
    assert "Appendix C: data dashboard" in text and "100.0% (94/94)" in text


def test_every_format_renders_the_paper(paper):
    report = KINDS["board"].build(YEAR, PLAN)
    page = html.unescape(render(report, "html").decode())
    assert "Appendix C: data dashboard" in page and "100.0% (94/94)" in page
    word = docx.Document(io.BytesIO(render(report, "docx")))
    assert any(p.text == "Young people's voice" for p in word.paragraphs)
    workbook = openpyxl.load_workbook(io.BytesIO(render(report, "xlsx")))
    assert "By age group" in workbook.sheetnames
    sheet = workbook["By age group"]
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert any(isinstance(v, float) and abs(v - 0.436) < 1e-9 for v in values)


def test_the_demo_board_paper_prints_no_note_on_how_its_data_was_read(paper):
    html = render(_report(), "html").decode()
    assert artefacts(html) == []


def test_a_published_board_papers_next_version_keeps_its_sections_and_priorities(paper):
    from scorecard.papers.actions import NewVersion, Publish

    team = User.objects.get(username="performance")
    Publish(paper, team).execute()
    copy = NewVersion(paper, team).execute()
    assert (copy.achievements, copy.young_peoples_voice) == (
        paper.achievements,
        paper.young_peoples_voice,
    )
    kept = ["priority", "board_progress", "recommendations_to_board"]
    assert list(copy.priorities.values_list(*kept)) == list(paper.priorities.values_list(*kept))


def test_a_measure_linked_to_an_indicator_shows_the_benchmarking_datas_comparisons(demo):
    """The benchmarking app's England, statistical neighbours and region, beside the published
    ones, for a measure linked to a comparator indicator (the demo's one: Fingertips 90284)."""
    from scorecard.benchmarking.models import Indicator
    from scorecard.measures.models import Measure

    Measure.objects.filter(measure_id="CPB-CLA-RATE").update(
        comparator_indicator=Indicator.objects.get(indicator_id="90284")
    )
    report = board.build(parse_period("2022/23"), PLAN)
    appendix = _section(report, "Appendix C: data dashboard")
    rows = {
        title: row for s in appendix.sections for t in s.blocks for title, row in _rows(t).items()
    }
    shown = rows["Somerset CLA Rate per 10,000"][2]
    assert shown.startswith("England 61.7 per 10,000; Statistical neighbours 54.5 per 10,000")
    assert "England 75.3 (2022/23)" in shown
    assert "Statistical neighbours' average 83.7 (2022/23)" in shown
    assert "South West 80.7 (2022/23)" in shown
