"""Seed 002's paper record: the lead member's annual report with its front sheet, its
introduction and the words of each theme and area of work (an area with no figures
included), typed by the performance team, in every format in the seed's order; and seed 003's
purpose of the report and the team's contact details on the corporate report."""

from __future__ import annotations

import html
import io

import docx
import openpyxl
import pypdf
import pytest
from django.urls import reverse

from scorecard.core.period_parser import parse_period
from scorecard.framework.models import Plan
from scorecard.papers.actions import StartPaper
from scorecard.papers.models import Narrative, Paper
from scorecard.reports import corporate, lead_member
from scorecard.reports.kinds import render
from tests.formats import EVERY_FORMAT
from tests.signing_in import signed_in

pytestmark = pytest.mark.django_db

YEAR = parse_period("2018/19")
# Seed 002 from its front sheet to its last subsection: what the demo's paper prints of each,
# in the seed's order (the front sheet's labels, then the headings and the demo's words).
SEED_ORDER = [
    "Cllr Frances Nicholson, Cabinet (Lead) Member for Children and Families",
    "Division and local member(s)",
    "Julian Wooster, Director of Children's Services",
    "Claire Winter, Deputy Director Children and Families",
    "aperrington@somerset.gov.uk",
    "The lead member's yearly account of children's services",
    "The strategic and professional framework for children's services",
    "fund the early help that keeps children out of statutory services",
    "Children's Social Care",
    "the road from Requires Improvement to Good",
    "Edge of Care",
    "Youth Offending Service",
    "Children Looked After",
    "Adoption",
    "Safeguarding and Assessment",
    "Partnerships, Quality and Audit",
    "Children with Disabilities",
    "Inclusion",
    "under one assistant director",
    "SEND casework",
    "Permanent exclusions",
    "Safeguarding in Education",
    "Commissioning & Performance",
    "Joint Commissioning and Integration",
    "Support Services",
    "Finance",
]


@pytest.fixture
def lead_paper(team_user, signed_in_as) -> Paper:
    from scorecard.demo.papers import add_demo_lead_member_paper

    with signed_in_as(team_user):
        add_demo_lead_member_paper(team_user)
    return Paper.objects.get(kind="lead-member")


def _in_order(text: str, wanted: list[str]) -> list[str]:
    """The wanted strings missing or out of order in text (none: all there, in order)."""
    wrong, at = [], 0
    for found in wanted:
        place = text.find(found, at)
        if place < 0:
            wrong.append(found)
        else:
            at = place + len(found)
    return wrong


def _text(report, format_name: str) -> str:
    """The report's words in the format, in the order they come."""
    made = render(report, format_name)
    if format_name == "pdf":
        pdf = pypdf.PdfReader(io.BytesIO(made))
        return " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    if format_name == "docx":
        return _docx_text(docx.Document(io.BytesIO(made)))
    if format_name == "xlsx":
        book = openpyxl.load_workbook(io.BytesIO(made))
        return "\n".join(
            str(cell)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for cell in row
            if cell is not None
        )
    return html.unescape(made.decode())


def _docx_text(words) -> str:
    """The document's paragraphs and tables' cells in the order they come."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    found = []
    for child in words.element.body.iterchildren():
        if child.tag.endswith("}p"):
            found.append(Paragraph(child, words).text)
        elif child.tag.endswith("}tbl"):
            table = Table(child, words)
            found += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(found)


def test_the_paper_is_started_with_a_row_per_theme_and_area_and_their_figures(lead_paper):
    rows = list(lead_paper.narratives.all())
    themes = [row.theme for row in rows if not row.area]
    assert themes[:2] == ["Children's Social Care", "Inclusion"]
    safeguarding = next(row for row in rows if row.area == "Safeguarding and Assessment")
    # Seed 002's figures, as the data holds them: the words are the team's to write.
    assert "Children in Need: 1,240 (Jan-19), from 1,750 (May-18)." in safeguarding.text
    edge = next(row for row in rows if row.area == "Edge of Care")
    assert rows.index(edge) == rows.index(safeguarding) - 4


@pytest.mark.parametrize("format_name", EVERY_FORMAT)
def test_the_paper_record_flows_into_every_format_in_the_seeds_order(lead_paper, format_name):
    report = lead_member.build(YEAR, "children-families")
    titles = [section.title for section in report.sections]
    assert titles[:3] == [
        "Front sheet",
        "The strategic and professional framework for children's services",
        "About this report",
    ]
    social_care = report.sections[3]
    areas = [section.title for section in social_care.sections]
    assert areas == [
        "Edge of Care",
        "Youth Offending Service",
        "Children Looked After",
        "Adoption",
        "Safeguarding and Assessment",
        "Partnerships, Quality and Audit",
        "Children with Disabilities",
    ]
    # The workbook too: its Text sheet holds every section's words.
    assert _in_order(" ".join(_text(report, format_name).split()), SEED_ORDER) == []
    assert "Lead Member Children and Families: Annual Report" in _text(report, "html")


# Seed 002's numbered headings, as it numbers them (the demo's names for its areas): the
# theme's own words are its first paragraph (2.1, 3.1), so its areas start at .2; a theme
# without words of its own starts them at .1 (4.1 School Readiness).
SEED_HEADINGS = [
    "1 The strategic and professional framework for children's services",
    "2 Children's Social Care",
    "2.2 Edge of Care",
    "2.3 Youth Offending Service",
    "2.4 Children Looked After",
    "2.5 Adoption",
    "2.6 Safeguarding and Assessment",
    "2.7 Partnerships, Quality and Audit",
    "2.8 Children with Disabilities",
    "3 Inclusion",
    "3.2 SEND casework",
    "3.3 Permanent exclusions",
    "3.4 Safeguarding in Education",
    "3.5 Education for Children Looked After",
    "3.6 Supporting Inclusion in Schools",
    "4 Education – Early Years",
    "4.1 School Readiness",
    "4.2 Early Years Childcare",
    "5 West Somerset Opportunity Area",
    "6 Commissioning & Performance",
    "6.1 Early Help",
    "6.2 Sufficiency/placements",
    "6.3 SEND – Commissioning of Specialist School Places",
    "6.4 Joint Commissioning and Integration",
    "6.5 Partnership Business Unit",
    "6.6 Getset",
    "7 Support Services",
    "7.1 HR&OD",
    "7.2 Finance",
]


@pytest.mark.parametrize("format_name", EVERY_FORMAT)
def test_the_headings_are_numbered_as_the_seed_numbers_them_in_every_format(
    lead_paper, format_name
):
    report = lead_member.build(YEAR, "children-families")
    headings = [section.heading for _, section in report.walk()]
    unnumbered = ["Front sheet", "About this report"]
    assert [h for h in headings if h not in unnumbered] == SEED_HEADINGS
    social_care = report.sections[3]
    assert social_care.blocks[0].text.startswith("2.1 All four heads of service are in post")
    # A theme the team wrote no words for starts with its first area, as the seed's 4, 6, 7:
    # not with the plan's description of it, which the report of the data alone prints.
    early_years = next(s for s in report.sections if s.number == "4")
    assert early_years.blocks == [] and early_years.sections[0].heading == "4.1 School Readiness"
    # A theme with no areas of work (5) prints its words unnumbered, as the seed does.
    west = next(s for s in report.sections if s.number == "5")
    assert west.blocks[0].text.startswith("West Somerset's place in the social mobility index")
    word = docx.Document(io.BytesIO(render(report, "docx")))
    in_word = [p.text for p in word.paragraphs if p.style.name.startswith("Heading ")]
    assert [h for h in in_word[1:] if h not in unnumbered] == SEED_HEADINGS
    page = html.unescape(render(report, "html").decode())
    # The contents list shows the paper's numbers, not a list's own.
    assert '<ol class="own-numbers">' in page
    assert _in_order(" ".join(_text(report, format_name).split()), SEED_HEADINGS) == []


def test_a_blank_area_without_figures_is_left_out_and_one_with_figures_kept(lead_paper):
    lead_paper.narratives.filter(area__in=["Edge of Care", "Adoption"]).update(text="")
    report = lead_member.build(YEAR, "children-families")
    areas = [section.title for section in report.sections[3].sections]
    assert "Edge of Care" not in areas and "Adoption" in areas


def test_without_a_paper_the_report_is_the_data_alone(demo):
    report = lead_member.build(YEAR, "children-families")
    assert report.sections[0].title == "About this report"
    assert report.title == "Lead Member Children and Families: annual report"


def test_the_team_types_the_introduction_and_each_area_on_the_page(lead_paper):
    team = signed_in("performance")
    address = reverse("paper_edit", args=[lead_paper.pk])
    page = team.get(address).content.decode()
    edge = lead_paper.narratives.get(area="Edge of Care")
    assert f'name="narrative_{edge.pk}"' in page and 'name="introduction"' in page
    assert 'name="purpose"' not in page and 'name="young_peoples_voice"' not in page
    data = {
        "committee": lead_paper.committee,
        "meeting_date": "13/3/2019",
        "introduction": "Typed on the page.",
        f"narrative_{edge.pk}": "The prevention team's year.",
    }
    assert team.post(address, data).status_code == 302
    edge.refresh_from_db()
    lead_paper.refresh_from_db()
    assert (lead_paper.introduction, edge.text) == (
        "Typed on the page.",
        "The prevention team's year.",
    )
    page = html.unescape(render(lead_member.build(YEAR, "children-families"), "html").decode())
    assert "The prevention team's year." in page


def test_an_area_with_no_figures_is_added_and_removed_on_the_page(lead_paper):
    team = signed_in("performance")
    add = reverse("narrative_add", args=[lead_paper.pk])
    page = team.post(add, {"area": "Finance"})
    assert "Choose the theme" in page.content.decode()
    data = {"theme": "Inclusion", "area": "Home education", "text": "Words on it."}
    assert team.post(add, data).status_code == 302
    row = lead_paper.narratives.get(area="Home education")
    report = lead_member.build(YEAR, "children-families")
    inclusion = next(s for s in report.sections if s.title == "Inclusion")
    assert inclusion.sections[-1].title == "Home education"
    remove = reverse("narrative_remove", args=[lead_paper.pk, row.pk])
    assert team.post(remove).status_code == 302
    assert not Narrative.objects.filter(pk=row.pk).exists()


@pytest.mark.parametrize("username", ["viewer", "owner"])
def test_only_the_performance_team_changes_the_words(lead_paper, username):
    someone = signed_in(username)
    edge = lead_paper.narratives.get(area="Edge of Care")
    assert someone.get(reverse("paper_edit", args=[lead_paper.pk])).status_code == 403
    data = {"committee": "Cabinet", "meeting_date": "13/3/2019", f"narrative_{edge.pk}": "No"}
    assert someone.post(reverse("paper_edit", args=[lead_paper.pk]), data).status_code == 403
    add = {"theme": "Inclusion", "area": "Mine", "text": "No"}
    assert someone.post(reverse("narrative_add", args=[lead_paper.pk]), add).status_code == 403
    remove = reverse("narrative_remove", args=[lead_paper.pk, edge.pk])
    assert someone.post(remove).status_code == 403
    edge.refresh_from_db()
    assert edge.text.startswith("The prevention team now works")


# --- seed 003: the corporate report's purpose and the team's contact details -------------

Q2 = parse_period("Q2 2019/20")
PURPOSE = "This paper shows how the council is doing against its business plan."
CONTACT = "Planning and Performance Team\n0300 123 2224\nperformance@somerset.gov.uk"


@pytest.fixture
def corporate_paper(team_user, signed_in_as) -> Paper:
    import datetime

    chosen = Plan.objects.get(plan_id="business-plan")
    with signed_in_as(team_user):
        paper = StartPaper(
            team_user, chosen, "corporate", Q2, "Cabinet", datetime.date(2019, 12, 4)
        ).execute()
        paper.purpose = f"{PURPOSE}\n\n- measures\n- projects"
        paper.contact_details = CONTACT
        paper.save()
    return paper


# The workbook has no running text to read in order.
@pytest.mark.parametrize("format_name", [f for f in EVERY_FORMAT if f != "xlsx"])
def test_the_purpose_is_printed_after_the_vision_and_the_contacts_at_the_end(
    corporate_paper, format_name
):
    report = corporate.build(Q2)
    titles = [section.title for section in report.sections]
    at = titles.index("Purpose of the report")
    assert titles[at - 1] == "Our vision and outcomes"
    assert titles[at + 1] == "Key to ratings and directions"
    wanted = [
        "Our vision and outcomes",
        PURPOSE,
        "Key to ratings and directions",
        "contact the performance team: Planning and Performance Team; 0300 123 2224; "
        "performance@somerset.gov.uk.",
    ]
    assert _in_order(" ".join(_text(report, format_name).split()), wanted) == []


def test_without_a_purpose_none_is_printed(corporate_paper):
    corporate_paper.purpose = ""
    corporate_paper.save()
    titles = [section.title for section in corporate.build(Q2).sections]
    assert "Purpose of the report" not in titles


def test_the_purpose_is_typed_on_the_corporate_papers_page(corporate_paper):
    team = signed_in("performance")
    page = team.get(corporate_paper.get_absolute_url()).content.decode()
    assert "Purpose of the report" in page and PURPOSE in page
    form = team.get(reverse("paper_edit", args=[corporate_paper.pk])).content.decode()
    assert 'name="purpose"' in form and 'name="introduction"' not in form
    assert (
        signed_in("viewer").get(reverse("paper_edit", args=[corporate_paper.pk])).status_code == 403
    )
