"""The demo's paper records: seed 001's front sheet, in the seeds' order, from one command; seed
000's report on the year 2017/18 itself, with its typed sections; seed 001's report on Year 1
(2016/17), the same way."""

import io

import pytest
from pypdf import PdfReader

from scorecard.cli.entry import run
from scorecard.cli.parser import build_parser
from scorecard.core.period_parser import parse_period
from scorecard.demo.papers import add_demo_papers
from scorecard.demo.year_paper import add_demo_year_one_paper, add_demo_year_paper
from scorecard.reports.document import Bullets, Facts, Paragraph, Table
from scorecard.reports.front_sheet import NOT_YET_WRITTEN
from scorecard.reports.kinds import render
from scorecard.reports.programme import build
from scorecard.reports.progress import build as build_progress
from tests.papers.conftest import Q4

pytestmark = pytest.mark.django_db


# The front sheet's sections, in the order seed 001 prints them.
FRONT_SHEET_LABELS = [
    "Cabinet member(s)",
    "Division and local member(s)",
    "Lead officer",
    "Author",
    "Contact details",
    "Forward plan reference",
    "Summary",
    "Recommendations",
    "Reasons for recommendations",
    "Links to priorities and impact on service plans",
    "Consultations undertaken",
    "Financial implications",
    "Legal implications",
    "HR implications",
    "Risk implications",
    "Other (including due regard) implications",
    "Scrutiny comments / recommendation",
]


def test_the_demo_paper_is_seed_001s_front_sheet(team_user):
    add_demo_papers(team_user)
    report = build(Q4, "cypp")
    front = report.sections[0]
    labels = [label for b in front.blocks if isinstance(b, Facts) for label, _ in b.items]
    assert labels == FRONT_SHEET_LABELS
    (seen_by,) = [b for b in front.blocks if isinstance(b, Table)]
    assert len(seen_by.rows) == 10 and seen_by.rows[0][2].text == "25/06/2018"
    facts = dict(item for b in front.blocks if isinstance(b, Facts) for item in b.items)
    assert "ORG0009" in facts["Risk implications"]
    assert facts["Risk implications"].startswith("The main risk is that improvement")
    assert report.cover[0] == "Cabinet, Monday 9 July 2018"
    assert [s.title for s in report.sections[-2:]] == ["Background papers", "Appendices"]
    # The issue and the decision every programme's report copies: said once.
    summary = next(s for s in report.sections if s.title == "Executive summary")
    parts = {s.title: s.blocks for s in summary.sections}
    assert [type(b).__name__ for b in parts["Decisions required"]] == ["Paragraph"]
    assert parts["Issues"][1].items[0].startswith("Building Skills for Life: Exclusions")
    assert len(parts["Issues"][1].items) == 1


def test_the_demo_year_paper_is_seed_000s_report_on_year_2(team_user):
    """Seed 000 is the report on the year 2017/18 itself: its own record, beside the quarter's,
    printed by `scorecard report programme --plan cypp --period 2017/18`."""
    add_demo_papers(team_user)
    add_demo_year_paper(team_user)
    report = build_progress(parse_period("2017/18"), "cypp")
    assert report.cover[:2] == [
        "Cabinet, Monday 9 July 2018",
        "Forward plan reference: FP/18/04/07",
    ]
    assert report.title.endswith("report on progress of Year 2 (1 April 2017 to 31 March 2018)")
    assert [s.title for s in report.sections] == [
        "Front sheet",
        "Background",
        "The overarching measures",
        "Achievements in 2017/18",
        "The Children's Trust Executive's view of the year",
        "Programme status at the year end",
        "Plans for 2018/19",
        "Executive summary",
        "Appendix: outcome indicators",
        "Governance",
        "Background papers",
        "Appendices",
    ]
    front = report.sections[0]
    facts = dict(item for b in front.blocks if isinstance(b, Facts) for item in b.items)
    assert facts["Cabinet member(s)"].startswith("Cllr Frances Nicholson")
    assert facts["Lead officer"] == "Julian Wooster, Director of Children's Services"
    assert facts["Contact details"] == "fzphur@somerset.gov.uk"
    assert "Year 2 (2017/18)" in facts["Summary"]
    assert "£6m" in facts["Financial implications"]
    assert facts["Risk implications"].startswith("The main risk is that improvement")
    assert "score 15" in facts["Risk implications"]
    (seen_by,) = [b for b in front.blocks if isinstance(b, Table)]
    assert len(seen_by.rows) == 10
    # Its typed sections: the background lists the seven programmes; the year's own words,
    # not the quarter's.
    background = " ".join(b.text for b in report.sections[1].blocks if hasattr(b, "text"))
    assert "four features" in background
    (programmes,) = [b for b in report.sections[1].blocks if isinstance(b, Bullets)]
    assert len(programmes.items) == 7
    quarter = build(Q4, "cypp")
    assert _facts_of(quarter)["Summary"] != facts["Summary"]
    summary = {s.title: s for s in report.sections[7].sections}
    assert {"Overall position", "Governance arrangements"} <= set(summary)
    assert "Progress" not in summary
    # The issue every programme's report copies: said once, for the plan.
    assert isinstance(summary["Issues"].blocks[0], Paragraph)
    (appendices,) = report.sections[-1].blocks
    assert len(appendices.items) == 4
    text = "".join(
        page.extract_text() for page in PdfReader(io.BytesIO(render(report, "pdf"))).pages
    )
    for heading in (
        "Background",
        "The overarching measures",
        "view of the year",
        "Governance arrangements",
    ):
        assert heading in text


# Seed 001's sections in its order, by the paper's names for them: the front sheet, 1.
# Background, 2. Progress and impact in Year 1 (2.1 the overarching measures, 2.2 the impact per
# programme, the Executive's closing words), 3. Governance, 4. Background papers, 5. Appendices.
SEED_001_ORDER = [
    "Front sheet",
    "Background",
    "The overarching measures",
    "Achievements in 2016/17",
    "The Children's Trust Executive's view of the year",
    "Governance",
    "Background papers",
    "Appendices",
]


def test_the_demo_year_one_paper_is_seed_001s_report_on_year_1(team_user, tmp_path):
    """Seed 001 is the report on the year 2016/17: its own record, beside Year 2's, printed by
    `scorecard report programme --plan cypp --period 2016/17`."""
    add_demo_papers(team_user)
    add_demo_year_paper(team_user)
    add_demo_year_one_paper(team_user)
    report = build_progress(parse_period("2016/17"), "cypp")
    assert report.cover[:2] == [
        "Cabinet, Monday 17 July 2017",
        "Forward plan reference: FP/16/11/10",
    ]
    assert report.title.endswith("report on progress of Year 1 (1 April 2016 to 31 March 2017)")
    titles = [s.title for s in report.sections]
    assert titles == [
        "Front sheet",
        "Background",
        "The overarching measures",
        "Achievements in 2016/17",
        "The Children's Trust Executive's view of the year",
        "Programme status at the year end",
        "Plans for 2017/18",
        "Executive summary",
        "Appendix: outcome indicators",
        "Governance",
        "Background papers",
        "Appendices",
    ]
    # The seed's own sections come in the seed's order.
    assert [t for t in titles if t in SEED_001_ORDER] == SEED_001_ORDER
    front = report.sections[0]
    labels = [label for b in front.blocks if isinstance(b, Facts) for label, _ in b.items]
    # From the forward plan reference on, as Year 2's (the seed names no people above it).
    after = FRONT_SHEET_LABELS.index("Forward plan reference")
    assert labels[labels.index("Forward plan reference") :] == FRONT_SHEET_LABELS[after:]
    facts = _facts_of(report)
    assert facts["Forward plan reference"] == "FP/16/11/10"
    assert facts["Recommendations"].startswith("Cabinet is asked to note the work done")
    assert facts["Lead officer"] == "Julian Wooster, Director of Children's Services"
    assert "2016/17" in facts["Summary"]
    assert facts["Legal implications"] == "N/A"
    assert facts["Scrutiny comments / recommendation"] == "Not applicable."
    risk = facts["Risk implications"]
    assert risk.startswith("The main risk is that improvement")
    assert "ORG0009" in risk and "likelihood 4 × impact 5 = score 20" in risk
    # The seed has no seen-by table: the record claims none.
    assert not [b for b in front.blocks if isinstance(b, Table)]
    # Year 1's own words, not Year 2's.
    year_2 = build_progress(parse_period("2017/18"), "cypp")
    assert _facts_of(year_2)["Summary"] != facts["Summary"]
    assert _facts_of(year_2)["Forward plan reference"] == "FP/18/04/07"
    bullets = [b for b in report.sections[1].blocks if isinstance(b, Bullets)]
    assert [len(b.items) for b in bullets] == [4, 7]
    assert "3 measures are Red" in report.sections[2].blocks[0].text
    (appendices,) = report.sections[-1].blocks
    assert [item[:3] for item in appendices.items] == ["5.1", "5.2", "5.3"]
    # As the command prints it: typed throughout, no gap left for the recommendations.
    out = tmp_path / "year1.html"
    argv = ("report", "programme", "--period", "2016/17", "--plan", "cypp", "--format", "html")
    assert run(build_parser().parse_args([*argv, "-o", str(out)])) == 0
    printed = out.read_text(encoding="utf-8")
    assert "FP/16/11/10" in printed and "ORG0009" in printed
    assert "[Not yet written" not in printed and NOT_YET_WRITTEN not in printed


def _facts_of(report) -> dict[str, str]:
    return dict(item for b in report.sections[0].blocks if isinstance(b, Facts) for item in b.items)


def test_the_demo_loads_the_year_one_paper_as_a_draft_beside_the_others(db):
    """`scorecard demo` loads Year 1's record with the other papers, unpublished like them."""
    from scorecard.demo.loader import load_demo
    from scorecard.papers.models import Paper

    load_demo(force=True)
    cypp = Paper.objects.filter(plan__plan_id="cypp").order_by("meeting_date", "period")
    assert [(p.period, str(p.meeting_date), p.forward_plan_reference) for p in cypp] == [
        ("2016/17", "2017-07-17", "FP/16/11/10"),
        ("2017/18", "2018-07-09", "FP/18/04/07"),
        ("2017/18 Q4", "2018-07-09", "FP/18/04/07"),
    ]
    # The quarter's, Year 2's and Year 1's records, the board's and the lead member's.
    assert Paper.objects.count() == 5
    assert not Paper.objects.filter(published_at__isnull=False).exists()
