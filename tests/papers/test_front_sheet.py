"""The paper record on the printed paper: the front sheet in the council's order, each
implication its own section, empty ones left out, the plan-level summary said once, in all
four formats."""

import io
import zipfile

import pytest
from openpyxl import load_workbook

from scorecard.papers.models import PaperSettings
from scorecard.reports import corporate
from scorecard.reports.as_at import build_report, rendered
from scorecard.reports.document import Bullets, Facts, Paragraph, Table
from scorecard.reports.front_sheet import NOT_YET_WRITTEN
from scorecard.reports.programme import build
from tests.papers.conftest import MEETING, Q4

pytestmark = pytest.mark.django_db


def _labels(section) -> list[str]:
    return [
        label for block in section.blocks if isinstance(block, Facts) for label, _ in block.items
    ]


def _written(paper):
    paper.title = "Children & Young People's Plan 2016 – 2019: progress of Year 2"
    paper.cabinet_member = "Cllr Frances Nicholson – Cabinet Member for Children and Families"
    paper.forward_plan_reference = "FP/18/04/07"
    paper.recommendations = "That Cabinet endorse the improvements."
    paper.background_papers = "Children and Young People's Plan 2016 - 2019"
    paper.save()
    paper.implications.filter(heading="Legal").update(text="N/A")
    paper.seen_by.create(role="County Solicitor", name="Honor Clarke", order=0)
    paper.glossary.create(term="CYPP", meaning="Children and Young People's Plan")
    return paper


def test_the_front_sheet_follows_the_seeds_order_and_leaves_out_what_is_empty(paper):
    _written(paper)
    report = build(Q4, "cypp", MEETING)
    front = report.sections[0]
    assert report.title.startswith("Children & Young People's Plan 2016")
    assert report.cover[:3] == [
        "Cabinet, Monday 9 July 2018",
        "Forward plan reference: FP/18/04/07",
        "Draft (version 1): not published",
    ]
    _, seen_by, _ = front.blocks
    assert _labels(front) == [
        "Cabinet member(s)",
        "Lead officer",
        "Author",
        "Forward plan reference",
        "Summary",
        "Recommendations",
        "Legal implications",
        "Risk implications",
    ]
    assert isinstance(seen_by, Table)
    assert [[c.text for c in row] for row in seen_by.rows] == [
        ["County Solicitor", "Honor Clarke", ""]
    ]
    # Financial, HR and other implications, the contact details (the demo's officer has no
    # email address) were left empty: not printed as blanks.
    assert "Financial implications" not in _labels(front)
    # The end of the paper: background papers and the glossary (no appendices written).
    titles = [section.title for section in report.sections]
    assert titles[-2:] == ["Background papers", "Glossary"]
    assert isinstance(report.sections[-2].blocks[0], Bullets)


def test_recommendations_not_yet_written_are_a_visible_gap_on_a_draft(paper):
    front = build(Q4, "cypp", MEETING).sections[0]
    facts = dict(item for block in front.blocks if isinstance(block, Facts) for item in block.items)
    assert facts["Recommendations"] == NOT_YET_WRITTEN


def test_the_council_sets_the_order(paper):
    _written(paper)
    PaperSettings.objects.create(section_order="recommendations\nsummary")
    front = build(Q4, "cypp", MEETING).sections[0]
    assert _labels(front)[:2] == ["Recommendations", "Summary"]


def test_plan_level_parts_are_said_once_in_the_executive_summary(paper):
    first = paper.plan.programmes.first().highlight_reports.get(period=Q4.label)
    decision = first.decisions_required
    # The issue the demo copies into six programmes' reports (and at the end of the seventh's).
    shared = first.issues
    paper.overall_position = "Five programmes are Green at the end of Year 2."
    paper.cross_cutting_issues = shared
    paper.decisions_sought = decision
    paper.save()
    report = build(Q4, "cypp", MEETING)
    summary = next(s for s in report.sections if s.title == "Executive summary")
    parts = {s.title: s.blocks for s in summary.sections}
    assert parts["Overall position"] == [Paragraph(paper.overall_position)]
    plan_level, programmes = parts["Issues"]
    assert plan_level == Paragraph(shared)
    # Said once; the one programme with an issue of its own keeps only its own words.
    (own,) = programmes.items
    assert own.startswith("Building Skills for Life: Exclusions remain high")
    assert own.endswith("multi-agency support helps improve attendance.")
    # Every programme's report copies the decision the team typed once: said once.
    assert parts["Decisions required"] == [Paragraph(decision)]


def test_the_corporate_cover_takes_the_record(demo, team_user):
    from scorecard.core.period_parser import parse_period
    from scorecard.framework.models import Plan
    from scorecard.papers.actions import StartPaper

    quarter = parse_period("Q2 2019/20")
    plan = Plan.objects.get(plan_id="business-plan")
    StartPaper(team_user, plan, "corporate", quarter, "Cabinet", MEETING).execute()
    report = corporate.build(quarter, "business-plan")
    assert report.cover[1] == "Cabinet, Monday 9 July 2018"
    assert report.sections[0].title == "Front sheet"
    assert "on or exceeding target" in dict(report.sections[0].blocks[0].items)["Summary"]


def test_every_format_prints_the_record(paper):
    _written(paper)
    report = build_report("programme", Q4, "cypp", meeting=MEETING)
    html = rendered(report, "html").decode()
    assert "FP/18/04/07" in html and "Honor Clarke" in html and "Legal implications" in html
    pdf = rendered(report, "pdf")
    assert pdf.startswith(b"%PDF")
    with zipfile.ZipFile(io.BytesIO(rendered(report, "docx"))) as docx:
        document = docx.read("word/document.xml").decode()
    assert "FP/18/04/07" in document and "Honor Clarke" in document
    workbook = load_workbook(io.BytesIO(rendered(report, "xlsx")))
    cells = [str(c.value) for sheet in workbook for row in sheet.iter_rows() for c in row]
    assert "Seen by" in workbook.sheetnames and "Glossary" in workbook.sheetnames
    assert "Honor Clarke" in cells and "CYPP" in cells
