"""The programme progress report: the demo's CYPP for Q4 2017/18, and the reasons it refuses."""

import re
from datetime import date
from decimal import Decimal

import pytest

from scorecard.core.period_parser import parse_period
from scorecard.core.ratings import Rag
from scorecard.delivery.models import HighlightReport
from scorecard.framework.models import Board, Organisation, Plan, Programme
from scorecard.reports.document import Bullets, Chart, Facts, Paragraph, ReportUnavailable, Table
from scorecard.reports.front_sheet import NOT_YET_WRITTEN
from scorecard.reports.programme import (
    INDICATOR_COLUMNS,
    PROGRESS,
    build,
    indicators_appendix,
    items,
    one_line,
)
from scorecard.risks.models import Risk, RiskAssessment
from scorecard.scoring.executive_summary import executive_summary
from scorecard.scoring.scorecard import measures_for
from tests.delivery.builders import highlight

pytestmark = pytest.mark.django_db

Q4 = parse_period("Q4 2017/18")
SECTIONS = [
    "Front sheet",
    "Achievements",
    "Programme status",
    "Executive summary",
    "Appendix: outcome indicators",
    "Governance",
]


def _section(report, title):
    return next(section for _, section in report.walk() if section.title == title)


def _facts(section) -> dict[str, str]:
    return dict(next(b for b in section.blocks if isinstance(b, Facts)).items)


def _tables(section) -> list[Table]:
    return [b for b in section.blocks if isinstance(b, Table)]


def test_the_demo_progress_report_for_q4_2017_18(demo_council):
    report = build(Q4)
    plan = Plan.objects.get(plan_id="cypp")
    summary = executive_summary(plan, Q4)

    assert report.kind == "programme"
    assert report.title == f"{plan.name}: progress report"
    assert report.period == "Q4 2017/18"
    assert report.organisation == plan.organisation.name
    assert [section.title for section in report.sections] == SECTIONS

    # Front sheet: board, lead, the headline counts, the decisions and the risk's score.
    front = _facts(report.sections[0])
    assert front["Meeting"] == plan.board.name == "Children's Trust Executive"
    assert front["Lead officer"] == plan.lead
    assert front["Author"] == f"The performance team, {plan.organisation.name}"
    assert "Five of the seven programmes rate Green; two rate Amber." in front["Summary"]
    # Never generated: the team writes them on the paper record; until then a visible gap.
    assert front["Recommendations"] == NOT_YET_WRITTEN
    risk = Risk.objects.get(reference="ORG0009")
    assert front["Risk implications"] == (
        f"ORG0009 {risk.title}: likelihood 3 × impact 5 = score 15 (very high), "
        "down from 20 at the assessment before."
    )

    # Achievements: one subsection a programme, its areas of success.
    programmes = list(plan.programmes.all())
    achievements = report.sections[1]
    assert [s.title for s in achievements.sections] == [p.name for p in programmes]
    for section, line in zip(achievements.sections, summary.lines, strict=True):
        (bullets,) = section.blocks
        assert bullets.items == items(line.report.areas_of_success)

    # Programme status: every programme, statuses as the database holds them.
    counts, table = _tables(report.sections[2])
    reports = HighlightReport.objects.filter(programme__plan=plan, period=Q4.label)
    by_status = {rag: reports.filter(status=rag.value).count() for rag in Rag}
    assert (by_status[Rag.GREEN], by_status[Rag.AMBER]) == (5, 2)
    assert [cell.number for cell in counts.rows[0]] == [*by_status.values(), 0]
    assert [row[0].text for row in table.rows] == [p.name for p in programmes]
    statuses = [row[2] for row in table.rows]
    assert sum(cell.rag == "G" for cell in statuses) == by_status[Rag.GREEN]
    assert sum(cell.rag == "A" for cell in statuses) == by_status[Rag.AMBER]
    assert statuses[0].text == "Green (G)"
    # Each status as it was at Year 1's end (Q4 2016/17, seed 001): no programme moved.
    assert [row[3].text for row in table.rows] == [
        f"→ Steady: was {row[2].text.split()[0]} in Q4 2016/17" for row in table.rows
    ]
    assert table.rows[0][4].text == one_line(summary.lines[0].report.reason_for_status)

    # Executive summary: what highlights.executive_summary gathers, in its order, but the
    # progress: the achievements above gave those areas of success already.
    gathered = _section(report, "Executive summary").sections
    summarised = [g for g in summary.gathered if g.heading != PROGRESS]
    assert [g.heading for g in summary.gathered][0] == PROGRESS
    assert [s.title for s in gathered] == [
        *(g.heading for g in summarised),
        "Programmes that have not reported",
    ]
    for section, group in zip(gathered, summarised, strict=False):
        (block,) = section.blocks
        # A text several reports copy (a plan-level item) is said once.
        expected = [one_line(text) for _, text in group.said_once]
        if expected:
            assert isinstance(block, Bullets)
            assert [item.split(": ", 1)[1] for item in block.items] == expected
        else:
            assert isinstance(block, Paragraph) and block.text == "None reported."
    # Every programme asks the same decision of the board: said once, not seven times.
    (decision,) = gathered[-2].blocks[0].items
    assert decision.startswith("All programmes: ")

    # Appendix: one row a measure of the plan, values kept as numbers with their period.
    (indicators,) = _tables(report.sections[4])
    assert [row[0].text for row in indicators.rows] == [m.title for m in measures_for(plan.plan_id)]
    smoking = next(row for row in indicators.rows if row[0].text.startswith("Smoking status"))
    assert smoking[2].text == "13.1% (2016/17)" and smoking[2].number == Decimal("13.1")
    assert smoking[2].percent and smoking[4].text == "Not available"
    # As at Q4 2017/18: the early help count for the year to April 2018 is not shown yet.
    assert all("Apr-18" not in cell.text for row in indicators.rows for cell in row)

    # Governance: the plan, its board and lead, the board above it, each programme with the
    # board; drawn as a diagram (the Executive reports to the Trust's board), its table beside.
    governance = report.sections[5]
    assert _facts(governance)["Reports to"] == plan.board.name
    assert _facts(governance)["Which reports to"] == "Somerset Children's Trust Board"
    (diagram,) = [b for b in governance.blocks if isinstance(b, Chart)]
    assert not _tables(governance)
    leads = diagram.table
    assert [row[0].text for row in leads.rows] == [p.name for p in programmes]
    assert {row[3].text for row in leads.rows} == {plan.board.name}
    assert leads.rows[6][1].text == "HR/OD Director"
    assert diagram.alt.startswith("At the top: Somerset Children's Trust Board.")
    assert 'role="img"' in diagram.svg and "Lead: HR/OD Director" in diagram.svg

    for table in report.tables():
        assert table.columns and all(len(row) == len(table.columns) for row in table.rows)


def _small_plan() -> Plan:
    council = Organisation.objects.create(name="Somerset County Council")
    board = Board.objects.create(name="Children's Trust Executive", organisation=council)
    plan = Plan.objects.create(
        plan_id="cypp", name="The plan", organisation=council, board=board, lead="A Director"
    )
    Plan.objects.create(plan_id="business-plan", name="Business plan", order=1)
    first = Programme.objects.create(plan=plan, name="First", order=0)
    Programme.objects.create(plan=plan, name="Second", order=1)
    highlight(first, "Q3 2017/18", "A", decisions_required="")
    highlight(first, "Q4 2017/18", "G", areas_of_success="Done one\n• Done two")
    return plan


def test_refuses_an_unknown_plan_and_a_quarter_without_highlight_reports(db):
    _small_plan()
    with pytest.raises(ReportUnavailable, match=r"^no plan 'nope': the plans are cypp, b"):
        build(Q4, "nope")
    with pytest.raises(ReportUnavailable) as refused:
        build(parse_period("Q2 2017/18"))
    assert str(refused.value) == (
        "no plan has highlight reports for Q2 2017/18: there are some for Q4 2017/18, Q3 2017/18"
    )
    with pytest.raises(ReportUnavailable, match="it has them for Q4 2017/18, Q3 2017/18"):
        build(parse_period("Q2 2017/18"), "cypp")
    with pytest.raises(ReportUnavailable, match="none have been entered for it yet"):
        build(Q4, "business-plan")
    # A year is the year's report (test_programme_year.py); a month is neither.
    with pytest.raises(ReportUnavailable) as refused:
        build(parse_period("Mar-18"))
    assert str(refused.value) == (
        "a progress report is for a quarter or a financial year, not Mar-18: there are "
        "highlight reports for Q4 2017/18, Q3 2017/18"
    )


def test_a_small_plan_reports_trend_gaps_and_risks_as_at_the_quarter(db):
    plan = _small_plan()
    risk = Risk.objects.create(reference="ORG0001", title="A risk", plan=plan)
    RiskAssessment.objects.create(
        risk=risk, assessed_on=date(2017, 12, 1), likelihood=4, impact=5, period="Q3 2017/18"
    )
    # Scored after the year ended, for the year: part of the Q4 picture, not of Q3's.
    RiskAssessment.objects.create(
        risk=risk, assessed_on=date(2018, 7, 9), likelihood=2, impact=3, period="2017/18"
    )
    Risk.objects.create(reference="ORG0002", title="Unscored", plan=plan)

    report = build(Q4)
    front = _facts(report.sections[0])
    assert front["Risk implications"] == (
        "ORG0001 A risk: likelihood 2 × impact 3 = score 6 (medium), down from 20 at the "
        "assessment before. ORG0002 Unscored: not assessed by 31 March 2018."
    )
    assert front["Summary"] == (
        "This report sets out the progress of the two programmes of The plan in Q4 2017/18, as "
        "their highlight reports give it. One of the two programmes rates Green. One programme "
        "has not sent a highlight report for Q4 2017/18."
    )
    assert front["Recommendations"] == NOT_YET_WRITTEN
    (bullets,) = report.sections[1].sections[0].blocks
    assert bullets.items == ["Done one", "Done two"]
    assert report.sections[1].sections[1].blocks[0].text == "No highlight report for Q4 2017/18."
    _, table = _tables(report.sections[2])
    assert [cell.text for cell in table.rows[0][2:4]] == [
        "Green (G)",
        "↑ Improving: was Amber in Q3 2017/18",
    ]
    assert [cell.text for cell in table.rows[1][1:]] == [
        "No lead recorded",
        "No highlight report for Q4 2017/18",
        "",
        "",
    ]
    assert _section(report, "Programmes that have not reported").blocks[0].items == ["Second"]
    appendix = report.sections[4]
    assert appendix.blocks[0].text == "This plan has no outcome indicators."

    earlier = _facts(build(parse_period("Q3 2017/18")).sections[0])
    assert earlier["Risk implications"].startswith(
        "ORG0001 A risk: likelihood 4 × impact 5 = score 20 (very high)."
    )


def test_the_appendix_places_benchmarked_indicators_among_all_areas_as_at_the_quarter(
    demo_council,
):
    plan = Plan.objects.get(plan_id="cypp")
    column = [heading for heading, _ in INDICATOR_COLUMNS].index("Among all areas")

    def injuries(quarter: str):
        appendix = indicators_appendix(plan, parse_period(quarter))
        rows = [row for table in _tables(appendix) for row in table.rows]
        return next(row for row in rows if row[0].text.startswith("Hospital admissions for inj"))

    # The Fingertips figures are for 2022/23: a report for 2017/18 cannot have known them.
    assert injuries("Q4 2017/18")[column].text == "Not benchmarked"
    later = injuries("Q4 2022/23")
    assert re.fullmatch(r"\d+(st|nd|rd|th) of \d+, third quartile \(2022/23\)", later[column].text)
    assert "In 2022/23, worse than England (at the 99.8% level too)" in later[column + 1].text


def _texts(report) -> list[str]:
    """Every text the report prints: paragraphs, bullet points, facts and table cells."""
    found = []
    for _, section in report.walk():
        for block in section.blocks:
            if isinstance(block, Paragraph):
                found.append(block.text)
            elif isinstance(block, Bullets):
                found += block.items
            elif isinstance(block, Facts):
                found += [text for _, text in block.items]
    found += [cell.text for table in report.tables() for row in table.rows for cell in row]
    return found


@pytest.mark.parametrize("period", ["Q4 2016/17", "Q4 2017/18", "2017/18"])
def test_each_area_of_success_is_printed_once(demo_council, period):
    """The seeds give a programme's achievements once (seed 001's "What has been the impact?",
    seed 000's year table): never again in the executive summary."""
    from scorecard.reports.progress import build as build_progress

    asked = parse_period(period)
    report = build_progress(asked, "cypp")
    texts = _texts(report)
    reports = HighlightReport.objects.filter(
        programme__plan__plan_id="cypp",
        period_first_month__gte=asked.first_month,
        period_last_month__lte=asked.last_month,
    )
    points = [point for r in reports for point in items(r.areas_of_success)]
    assert len(points) > 20
    for point in points:
        assert sum(point in text for text in texts) == 1, point
