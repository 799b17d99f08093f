"""The progress report for a financial year (seeds 000 and 001, the CYPP's Year 2 and Year 1
reports): the year's four quarters rolled up, the refusals, the figures as published, every
format, and the paper record of a year."""

import io
from datetime import date

import docx
import openpyxl
import pypdf
import pytest
from django.contrib.auth.models import User

from scorecard.core.period_parser import parse_period
from scorecard.delivery.models import HighlightReport
from scorecard.framework.models import Board, Organisation, Plan, Programme
from scorecard.measures.models import Observation
from scorecard.papers.actions import StartPaper
from scorecard.reports.as_at import build_report
from scorecard.reports.document import Bullets, Facts, Paragraph, ReportUnavailable, Table
from scorecard.reports.kinds import render
from scorecard.reports.programme import items
from scorecard.reports.progress import build
from scorecard.scoring.scorecard import measures_for
from tests.delivery.builders import highlight

pytestmark = pytest.mark.django_db

YEAR_2 = parse_period("2017/18")
YEAR_1 = parse_period("2016/17")
SECTIONS = [
    "Front sheet",
    "Achievements in 2017/18",
    "Programme status at the year end",
    "Plans for 2018/19",
    "Executive summary",
    "Appendix: outcome indicators",
    "Governance",
]


def _section(report, title):
    return next(section for _, section in report.walk() if section.title == title)


def _tables(section) -> list[Table]:
    return [b for b in section.blocks if isinstance(b, Table)]


def _facts(section) -> dict[str, str]:
    return dict(item for b in section.blocks if isinstance(b, Facts) for item in b.items)


def test_the_demos_year_2_report(demo_council):
    plan = Plan.objects.get(plan_id="cypp")
    report = build(YEAR_2)
    assert report.title == f"{plan.name}: annual progress report"
    assert report.period == "2017/18"
    assert report.cover[-1] == "1 April 2017 to 31 March 2018"
    assert [s.title for s in report.sections] == SECTIONS
    assert "in 2017/18" in _facts(report.sections[0])["Summary"]

    programmes = list(plan.programmes.all())
    q4 = {r.programme_id: r for r in HighlightReport.objects.filter(period="2017/18 Q4")}
    # The year's achievements: each programme's areas of success, one a bullet.
    for section, programme in zip(report.sections[1].sections, programmes, strict=True):
        assert section.title == programme.name
        (bullets,) = section.blocks
        assert bullets.items == items(q4[programme.pk].areas_of_success)
    achieved = report.sections[1].sections[0].blocks[0].items
    assert achieved[0].startswith("The West Somerset Opportunity Area action plan")

    # Status at the year end, with the direction since Year 1's end.
    counts, at_end, by_quarter = _tables(report.sections[2])
    assert [c.number for c in counts.rows[0]] == [5, 2, 0, 0, 0]
    assert [row[2].text for row in at_end.rows] == ["Green (G)"] * 5 + ["Amber (A)"] * 2
    assert at_end.rows[0][3].text == "→ Steady: was Green in Q4 2016/17"
    assert at_end.rows[6][1].text == "HR/OD Director"
    assert [c.heading for c in by_quarter.columns[1:]] == [
        "Q1 2017/18",
        "Q2 2017/18",
        "Q3 2017/18",
        "Q4 2017/18",
    ]
    assert [c.text for c in by_quarter.rows[5][1:]] == ["Not reported"] * 3 + ["Amber (A)"]

    # Next year's plans: the focus of each programme's last report of the year.
    plans = report.sections[3]
    for section, programme in zip(plans.sections, programmes, strict=True):
        (bullets,) = section.blocks
        assert bullets.items == items(q4[programme.pk].focus_next_quarter)

    # The Q4 executive summary follows, without the progress the achievements gave in full.
    summary = report.sections[4]
    assert "Q4 2017/18" in summary.blocks[0].text
    assert [s.title for s in summary.sections][:2] == ["Slippage", "Issues"]


def test_the_demos_year_1_report_is_seed_001s_year(demo_council):
    report = build(YEAR_1, "cypp")
    assert report.cover[-1] == "1 April 2016 to 31 March 2017"
    achieved = report.sections[1].sections
    assert any("£6m" in item for item in achieved[0].blocks[0].items)
    _, at_end, _ = _tables(report.sections[2])
    assert {row[3].text for row in at_end.rows} == {"First report"}
    assert _facts(report.sections[0])["Risk implications"] == (
        "ORG0009 Safeguarding Children: likelihood 4 × impact 5 = score 20 (very high)."
    )
    # The Year 1 quarter's own paper, as the Year 1 report to Cabinet was asked for.
    quarter = build(parse_period("Q4 2016/17"), "cypp")
    assert quarter.period == "Q4 2016/17"


def _indicator_cells(report) -> dict[str, list]:
    appendix = _section(report, "Appendix: outcome indicators")
    return {
        row[0].text: row
        for _, section in [(None, appendix), *((None, s) for s in appendix.sections)]
        for table in _tables(section)
        for row in table.rows
    }


@pytest.mark.parametrize("year", [YEAR_1, YEAR_2])
def test_the_indicators_are_the_figures_as_published_at_the_year_end(demo_council, year):
    rows = _indicator_cells(build(year, "cypp"))
    compared = 0
    for measure in measures_for("cypp"):
        latest = (
            Observation.objects.filter(
                measure=measure, breakdown="", period_last_month__lte=year.last_month
            )
            .order_by("-period_last_month")
            .first()
        )
        cell = rows[measure.title][2]
        if latest is None or latest.value is None:
            assert cell.text == "Not available"
            continue
        assert cell.number == latest.value, measure.measure_id
        assert cell.text.endswith(f"({latest.period_obj.display})")
        compared += 1
    assert compared > 30
    # As written in the seed: Year 1's caseload at the end of Q4 is 14.7, never padded.
    if year == YEAR_1:
        assert rows["Average caseload per social worker"][2].text == "14.7 (Q4 2016/17)"
    # Nothing later than the year's end.
    later = {"Apr-18", "2018/19"} if year == YEAR_2 else {"Apr-17", "2017/18"}
    assert not any(word in c.text for row in rows.values() for c in row for word in later)


def _four_quarters() -> Plan:
    council = Organisation.objects.create(name="A council")
    board = Board.objects.create(name="The board", organisation=council)
    plan = Plan.objects.create(plan_id="plan", name="The plan", organisation=council, board=board)
    first, second, third = (
        Programme.objects.create(plan=plan, name=name, order=order)
        for order, name in enumerate(("First", "Second", "Third"))
    )
    highlight(first, "Q4 2016/17", "G")
    highlight(first, "Q1 2017/18", "R", areas_of_success="Board set up")
    highlight(first, "Q2 2017/18", "A", areas_of_success="• Board set up\nStrategy written")
    highlight(first, "Q3 2017/18", "A", areas_of_success="")
    highlight(
        first,
        "Q4 2017/18",
        "G",
        areas_of_success="Strategy launched",
        focus_next_quarter="Review the strategy\nTrain staff",
        reason_for_status="All actions done",
    )
    highlight(second, "Q2 2017/18", "A", focus_next_quarter="Recruit a lead")
    # After the year: no part of it.
    highlight(third, "Q1 2018/19", "R", areas_of_success="Too late")
    return plan


def test_the_four_quarters_roll_up(db):
    _four_quarters()
    report = build(YEAR_2, "plan")
    first, second, third = report.sections[1].sections
    # Each quarter's successes in order, a point repeated in a later quarter said once.
    assert first.blocks == [Bullets(["Board set up", "Strategy written", "Strategy launched"])]
    # Nothing for the year is said of the year.
    assert second.blocks == [Paragraph("No areas of success in its highlight reports for 2017/18.")]
    assert third.blocks == [Paragraph("No highlight report for 2017/18.")]
    assert "Q1 2017/18, Q2 2017/18, Q3 2017/18, Q4 2017/18" not in report.sections[1].blocks[0].text
    assert "the four quarters of 2017/18" in report.sections[1].blocks[0].text

    counts, at_end, by_quarter = _tables(report.sections[2])
    # At the year end: First's Q4 (up from Amber in Q3), Second's Q2, Third not reported.
    assert [c.number for c in counts.rows[0]] == [1, 1, 0, 0, 1]
    assert [c.text for c in at_end.rows[0][2:]] == [
        "Green (G)",
        "↑ Improving: was Amber in Q3 2017/18",
        "All actions done",
    ]
    assert at_end.rows[1][2].text == "Amber (A) at Q2 2017/18"
    assert at_end.rows[1][2].rag == "A"
    assert at_end.rows[2][2].text == "No highlight report for 2017/18"
    assert [c.text for c in by_quarter.rows[0][1:]] == [
        "Red (R)",
        "Amber (A)",
        "Amber (A)",
        "Green (G)",
    ]
    assert [c.text for c in by_quarter.rows[2][1:]] == ["Not reported"] * 4

    first, second, third = report.sections[3].sections
    assert first.blocks == [Bullets(["Review the strategy", "Train staff"])]
    assert second.blocks == [Bullets(["Recruit a lead"])]
    assert third.blocks == [Paragraph("No highlight report for 2017/18.")]
    front = _facts(report.sections[0])
    assert front["Summary"] == (
        "This report sets out the progress of the three programmes of The plan in 2017/18, as "
        "their highlight reports give it. One of the three programmes rates Green; one rates "
        "Amber. One programme has not sent a highlight report for 2017/18."
    )


def test_a_year_with_nothing_to_report_is_refused_with_what_there_is(db):
    with pytest.raises(ReportUnavailable, match="^no highlight reports have been entered yet$"):
        build(YEAR_2)
    _four_quarters()
    Plan.objects.create(plan_id="empty", name="Empty")
    with pytest.raises(ReportUnavailable) as refused:
        build(parse_period("2015/16"))
    assert str(refused.value) == (
        "no plan has highlight reports for a quarter of 2015/16: there are some for "
        "Q1 2018/19, Q4 2017/18, Q3 2017/18, Q2 2017/18, Q1 2017/18, Q4 2016/17"
    )
    with pytest.raises(ReportUnavailable) as refused:
        build(parse_period("2019/20"), "plan")
    assert str(refused.value).startswith(
        "plan 'plan' has no highlight reports for a quarter of 2019/20: it has them for "
        "Q1 2018/19, Q4 2017/18"
    )
    with pytest.raises(ReportUnavailable, match="none have been entered for it yet"):
        build(YEAR_2, "empty")
    with pytest.raises(ReportUnavailable, match="^no plan 'nope': the plans are"):
        build(YEAR_2, "nope")
    # Neither a quarter nor a financial year.
    with pytest.raises(ReportUnavailable, match="is for a quarter or a financial year, not 2017"):
        build(parse_period("2017"), "plan")


def test_every_format_is_written(demo_council):
    report = build(YEAR_2, "cypp")
    html = render(report, "html").decode("utf-8")
    assert "Plans for 2018/19" in html and "Status of each programme quarter by quarter" in html
    pdf = pypdf.PdfReader(io.BytesIO(render(report, "pdf")))
    text = "".join(page.extract_text() for page in pdf.pages)
    assert "Achievements in 2017/18" in text and "Plans for 2018/19" in text
    words = docx.Document(io.BytesIO(render(report, "docx")))
    headings = [p.text for p in words.paragraphs if p.style.name.startswith("Heading")]
    assert "Programme status at the year end" in headings
    workbook = openpyxl.load_workbook(io.BytesIO(render(report, "xlsx")))
    assert {"Status at year end", "Status by quarter", "Governance"} <= set(workbook.sheetnames)


def test_a_year_paper_record_fronts_the_years_report(demo):
    team_user = User.objects.get(username="performance")
    plan = Plan.objects.get(plan_id="cypp")
    meeting = date(2018, 7, 9)
    paper = StartPaper(team_user, plan, "programme", YEAR_2, "Cabinet", meeting).execute()
    assert paper.period == "2017/18"
    # Started from the year's end: every programme's last report of the year.
    assert paper.summary.startswith(
        "This report sets out the progress of the seven programmes of the Children and Young "
        "People's Plan 2016-19 in 2017/18"
    )
    assert "Five of the seven programmes rate Green; two rate Amber." in paper.summary
    (risk,) = [i for i in paper.implications.all() if i.heading == "Risk"]
    assert "score 15" in risk.text
    paper.title = "Report on progress of Year 2"
    paper.recommendations = "Cabinet notes the year's progress."
    paper.save()

    report = build_report("programme", YEAR_2, "cypp", meeting=meeting)
    assert report.title == "Report on progress of Year 2"
    assert report.cover[0] == "Cabinet, Monday 9 July 2018"
    front = _facts(report.sections[0])
    assert front["Recommendations"] == "Cabinet notes the year's progress."
    # The quarter's paper is another record: the year's does not front it.
    quarter = build(parse_period("Q4 2017/18"), "cypp", meeting)
    assert quarter.title != "Report on progress of Year 2"


def test_the_year_says_of_the_year_where_it_has_nothing_for_a_programme(db):
    plan = _four_quarters()
    highlight(
        Programme.objects.get(plan=plan, name="Second"), "Q3 2017/18", "A", focus_next_quarter=""
    )
    year = build(YEAR_2, "plan")
    _, second, _ = _section(year, "Plans for 2018/19").sections
    assert second.blocks == [
        Paragraph("No focus for 2018/19 in its last highlight report of 2017/18.")
    ]
    # The year's executive summary is its last quarter's, but names the programmes with no
    # report in the year: Second reported in Q2 and Q3, not in Q4.
    (missing,) = _section(year, "Programmes that have not reported").blocks
    assert missing == Bullets(["Third"])
    # The quarter's paper speaks of its quarter, as before.
    quarter = build(parse_period("Q4 2017/18"), "plan")
    (missing,) = _section(quarter, "Programmes that have not reported").blocks
    assert missing == Bullets(["Second", "Third"])
    words = [
        block.text
        for _, section in year.walk()
        for block in section.blocks
        if isinstance(block, Paragraph)
    ]
    assert not [text for text in words if "this quarter" in text.casefold()]


def test_every_programme_reported_in_the_year_is_said_of_the_year(db):
    plan = _four_quarters()
    third = Programme.objects.get(plan=plan, name="Third")
    highlight(third, "Q1 2017/18", "G")
    (everyone,) = _section(build(YEAR_2, "plan"), "Programmes that have not reported").blocks
    assert everyone == Paragraph("Every programme has reported for 2017/18.")
