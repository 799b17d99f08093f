"""The action plans report: the demo's Corporate Parenting task groups as at Q4 2017/18, and the
reasons it refuses."""

from datetime import date

import pytest

from scorecard.core.period_parser import parse_period
from scorecard.delivery.action_plans import (
    FLAG_LABELS,
    AsAt,
    action_plans_for,
    key,
    summarise,
)
from scorecard.delivery.models import Action, ActionPlan, ActionUpdate
from scorecard.framework.models import Board, Plan, Programme
from scorecard.reports.actions import build
from scorecard.reports.document import Facts, ReportUnavailable, Table

pytestmark = pytest.mark.django_db

Q4 = parse_period("Q4 2017/18")
COLUMNS = ["Ref", "Action", "Owners", "Timescale", "Progress updates", "Status", "Flags"]


def test_the_demo_task_group_work_plans_as_at_q4_2017_18(demo_council):
    report = build(Q4)
    plan = Plan.objects.get(plan_id="corporate-parenting")
    summaries = summarise(action_plans_for(plan), AsAt(Q4))
    rows = {(s.action_plan.name, row.action.reference): row for s in summaries for row in s.rows}

    assert report.kind == "actions"
    assert report.title == f"{plan.name}: task group work plans"
    assert report.period == "Q4 2017/18"
    assert report.organisation == "Somerset County Council"
    groups = ["Health and Wellbeing", "Leaving Care", "Voice of the Child", "Education"]
    assert [s.title for s in report.sections] == [
        "Summary",
        "Key to action statuses and flags",
        *groups,
    ]

    # The key is the pages' key.
    statuses, flags = key([s.action_plan for s in summaries])
    assert report.sections[1].blocks[0].items == [*statuses, *flags]

    # One table an objective; 89 actions in all, each as its page shows it.
    seen = 0
    for section in report.sections[2:]:
        lead = section.blocks[0]
        count = sum(len(objective.blocks[0].rows) for objective in section.sections)
        assert lead.style == "lead" and lead.text.startswith(f"{count} actions: ")
        assert ("Reports to", "Corporate Parenting Board") in section.blocks[1].items
        for objective in section.sections:
            (table,) = objective.blocks
            assert isinstance(table, Table) and [c.heading for c in table.columns] == COLUMNS
            for cells in table.rows:
                row = rows[section.title, cells[0].text]
                assert cells[6].text == (
                    ", ".join(FLAG_LABELS[name] for name in row.flag_names) or "None"
                )
                assert cells[5].rag == (row.status.value if row.status else None)
                dates = row.timescale_text or "No date set"
                if row.completed:
                    dates += f"\nCompleted {row.completed}"
                assert cells[3].text == dates
                seen += 1
    assert seen == len(rows) == Action.objects.filter(action_plan__plan=plan).count() == 89

    # Health 4.1 slipped from 01.03.2018 to 01.06.2018, updated 05.03.2018.
    health = next(s for s in report.sections if s.title == "Health and Wellbeing")
    four = next(
        cells for o in health.sections for cells in o.blocks[0].rows if cells[0].text == "4.1"
    )
    assert four[3].text == "01.03.2018 → 01.06.2018"
    # The quarter's dated trail, oldest first: 09.02.2018, then 05.03.2018.
    assert four[4].text.startswith("09.02.2018: ")
    assert "\n\n05.03.2018: " in four[4].text
    assert (four[5].text, four[6].text) == ("Red (R)", "Slipped")
    assert "Jo Manning" in four[2].text

    # Counts: each plan's lead sentence and the summary table agree with the rows.
    counted = summaries[0]
    assert health.blocks[0].text == (
        f"{len(counted.rows)} actions: 16 Green, 2 Red, "
        "2 Blue (on track, complete or business as usual); 12 completed; "
        f"{counted.flag_counts['overdue']} overdue, {counted.flag_counts['slipped']} slipped, "
        f"{counted.flag_counts['stale']} with no update this quarter."
    )
    overview = report.sections[0].blocks[1]
    assert [row[0].text for row in overview.rows] == [*groups, "Total"]
    assert overview.rows[-1][1].number == 89
    assert overview.rows[0][-3].number == counted.flag_counts["overdue"]
    assert report.sections[0].blocks[0].text.startswith("89 actions in four task groups")

    for table in report.tables():
        assert all(len(row) == len(table.columns) for row in table.rows)


def test_refuses_unknown_plans_plans_without_actions_and_quarters_out_of_range(db):
    board = Board.objects.create(name="Corporate Parenting Board")
    plan = Plan.objects.create(plan_id="cp", name="Corporate parenting", board=board)
    Plan.objects.create(plan_id="empty", name="No actions", order=1)
    group = ActionPlan.objects.create(plan=plan, name="Education", board=board)
    action = Action.objects.create(
        action_plan=group, reference="1", description="Do it", due=date(2018, 3, 1)
    )
    ActionUpdate.objects.create(action=action, dated=date(2017, 11, 3), text="Started")

    with pytest.raises(ReportUnavailable, match=r"^no plan 'nope': the plans are cp, empty$"):
        build(Q4, "nope")
    with pytest.raises(ReportUnavailable, match="^plan 'empty' has no action plans with actions$"):
        build(Q4, "empty")
    with pytest.raises(ReportUnavailable) as refused:
        build(parse_period("Q1 2016/17"))
    assert str(refused.value) == (
        "no action plans can be shown as at Q1 2016/17: plan 'cp' starts in Q3 2017/18"
    )
    with pytest.raises(ReportUnavailable, match="its action plans start in Q3 2017/18$"):
        build(parse_period("Q2 2017/18"), "cp")
    # Later than the last date in the actions: as at then, all is overdue and out of date.
    later = build(parse_period("Q1 2019/20"), "cp")
    assert later.sections[2].blocks[0].text == (
        "1 action: 1 with no status; 1 overdue, 1 with no update this quarter."
    )


def test_a_programme_action_plan_with_an_action_without_objective_or_owner(db):
    plan = Plan.objects.create(plan_id="cypp", name="The plan")
    programme = Programme.objects.create(plan=plan, name="Early help", lead="Jo Lead")
    group = ActionPlan.objects.create(plan=plan, name="Early help actions", programme=programme)
    Action.objects.create(
        action_plan=group, reference="1.1", description="Plan it", due=date(2017, 12, 1)
    )
    report = build(Q4, "cypp")
    assert report.title == "The plan: action plans"
    section = report.sections[2]
    (facts,) = [b for b in section.blocks if isinstance(b, Facts)]
    assert facts.items == [("Programme", "Early help"), ("Lead", "Jo Lead")]
    assert section.blocks[0].text == (
        "1 action: 1 with no status; 1 overdue, 1 with no update this quarter."
    )
    (objective,) = section.sections
    assert objective.title == "Actions without an objective"
    assert [c.text for c in objective.blocks[0].rows[0][2:]] == [
        "No owner",
        "01.12.2017",
        "No update yet",
        "No status",
        "Overdue, No update this quarter",
    ]


def test_the_pdf_runs_on_from_plan_to_plan_and_keeps_each_heading_with_its_table(demo_council):
    """Seed 004's Appendix B as a PDF: no task group starts a page of its own (the key's last
    paragraph used to be alone on a page before the first), and no heading is left at the foot
    of a page: each objective's heading is on the page that starts its table."""
    import io

    import pypdf

    from scorecard.reports.render_pdf import render_pdf

    report = build(Q4)
    assert not [s.title for s in report.sections if s.new_page]
    pages = [
        " ".join(page.extract_text().split())
        for page in pypdf.PdfReader(io.BytesIO(render_pdf(report))).pages
    ]
    key_ends = next(n for n, text in enumerate(pages) if "'No update this quarter' means" in text)
    first_group = report.sections[2]
    assert " ".join(first_group.blocks[0].text.split()) in pages[key_ends]
    for group in report.sections[2:]:
        for objective in group.sections:
            heading = " ".join(objective.title.split())
            found = [
                n for n, text in enumerate(pages) if heading in text and "Contents" not in text
            ]
            caption = " ".join(objective.blocks[0].caption.split())
            assert caption in pages[found[0]], heading
