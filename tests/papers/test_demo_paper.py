"""The demo's paper record: seed 001's front sheet, in the seeds' order, from one command."""

import pytest

from scorecard.demo.papers import add_demo_papers
from scorecard.reports.document import Facts, Table
from scorecard.reports.programme import build
from tests.papers.conftest import Q4

pytestmark = pytest.mark.django_db


def test_the_demo_paper_is_seed_001s_front_sheet(team_user):
    add_demo_papers(team_user)
    report = build(Q4, "cypp")
    front = report.sections[0]
    labels = [label for b in front.blocks if isinstance(b, Facts) for label, _ in b.items]
    assert labels == [
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
