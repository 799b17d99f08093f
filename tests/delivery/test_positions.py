"""A project's position as at a period: latest status, direction from milestones unless set."""

from datetime import date

import pytest

from scorecard.core.period_parser import parse_period
from scorecard.core.ratings import Direction, Rag
from scorecard.delivery.positions import milestone_state, project_positions
from scorecard.scoring.scorecard import summarise
from tests.delivery import builders

pytestmark = pytest.mark.django_db

Q1, Q2 = parse_period("Q1 2019/20"), parse_period("Q2 2019/20")


def position(as_at=Q2):
    (found,) = project_positions(as_at)
    return found


def test_a_milestone_achieved_since_the_last_report_is_improving():
    plan = builders.plan_with_programmes()
    made = builders.project(plan)
    builders.report(made, "Q1 2019/20", "G")
    builders.report(made, "Q2 2019/20", "G")
    builders.milestone(made, "Contract signed", date(2019, 8, 1), completed=date(2019, 7, 20))
    found = position()
    assert found.rag is Rag.GREEN and found.direction is Direction.IMPROVING
    assert not found.direction_set_by_officer
    assert "achieved between 30.06.2019 and 30.09.2019" in found.direction_reason


def test_a_milestone_achieved_before_the_last_report_does_not_count_again():
    plan = builders.plan_with_programmes()
    made = builders.project(plan)
    builders.report(made, "Q1 2019/20", "G")
    builders.report(made, "Q2 2019/20", "G")
    builders.milestone(made, "Contract signed", date(2019, 5, 1), completed=date(2019, 5, 1))
    assert position().direction is Direction.STEADY


def test_a_missed_or_at_risk_milestone_is_declining_and_outweighs_an_achieved_one():
    plan = builders.plan_with_programmes()
    made = builders.project(plan)
    builders.report(made, "Q2 2019/20", "A")
    builders.milestone(made, "Done", date(2019, 8, 1), completed=date(2019, 8, 1))
    late = builders.milestone(made, "Late", date(2019, 9, 1))
    assert position().direction is Direction.DECLINING
    assert milestone_state(late, date(2019, 9, 30)) == "Missed"
    late.revise((date(2019, 12, 1),))
    late.save()
    assert position().direction is Direction.IMPROVING  # the revised date is not yet missed
    late.at_risk = True
    late.save()
    assert position().direction is Direction.DECLINING
    assert milestone_state(late, date(2019, 9, 30)) == "At risk"


def test_the_officer_can_set_the_direction_and_the_page_says_so():
    plan = builders.plan_with_programmes()
    made = builders.project(plan)
    builders.report(made, "Q2 2019/20", "G", direction="declining")
    builders.milestone(made, "Done", date(2019, 8, 1), completed=date(2019, 8, 1))
    found = position()
    assert found.direction is Direction.DECLINING and found.direction_set_by_officer
    assert found.direction_reason == "Set by the officer reporting on the project."


def test_the_officer_can_say_there_is_no_direction_and_it_counts_in_none():
    plan = builders.plan_with_programmes()
    made = builders.project(plan)
    builders.report(made, "Q2 2019/20", "G", direction="none")
    # A milestone achieved would make it improving, were the direction left to them.
    builders.milestone(made, "Done", date(2019, 8, 1), completed=date(2019, 8, 1))
    found = position()
    assert found.direction is None and found.direction_set_by_officer
    assert found.direction_reason == "The officer reported no direction for this period."
    (_, rollup), *_ = summarise(Q2, "plan").groups
    assert rollup.rag_counts[Rag.GREEN] == 1 and rollup.with_direction == 0


def test_the_status_shown_is_the_last_reported_by_the_period():
    plan = builders.plan_with_programmes()
    made = builders.project(plan)
    builders.report(made, "Q1 2019/20", "R")
    builders.report(made, "Q2 2019/20", "G")
    assert position(Q1).rag is Rag.RED
    assert position(Q2).rag is Rag.GREEN
    assert position(parse_period("Q4 2018/19")).rag is None


def test_projects_count_in_their_outcome_roll_up():
    plan = builders.plan_with_programmes()
    for n, status in enumerate("GGAB"):
        builders.report(builders.project(plan, f"PRJ-{n}"), "Q2 2019/20", status)
    builders.project(plan, "PRJ-unreported")
    scorecard = summarise(Q2, "plan")
    (name, rollup), *_ = scorecard.groups
    assert name == "Thriving places"
    counts = {rag.value: n for rag, n in rollup.rag_counts.items()}
    assert counts == {"G": 2, "A": 1, "R": 0, "B": 1}
    assert rollup.pct_on_target == 67  # G / (G + A + R): 2 of 3, closed projects left out
    assert rollup.direction_counts[Direction.STEADY] == 4
    assert scorecard.reported_projects == 4 and scorecard.counted_as == "measures and projects"


def test_a_project_linked_only_to_a_programme_counts_in_the_programme_outcome():
    plan = builders.plan_with_programmes()
    made = builders.project(plan, outcome=None, programme=plan.programmes.first())
    builders.report(made, "Q2 2019/20", "R")
    (name, rollup), *_ = summarise(Q2, "plan").groups
    assert rollup.rag_counts[Rag.RED] == 1


def test_the_outcome_page_and_the_scorecard_export_show_the_projects(client):
    from scorecard.interchange.exporter import scorecard_document
    from scorecard.measures.models import Measure, Observation

    plan = builders.plan_with_programmes()
    outcome = plan.outcomes.get()
    measure = Measure.objects.create(
        measure_id="M1",
        title="M",
        plan=plan,
        outcome=outcome,
        polarity="higher",
        unit="count",
        frequency="quarterly",
    )
    observation = Observation(measure=measure, value=3, entered_at="2019-10-01T00:00Z")
    observation.set_period(Q2)
    observation.save()
    builders.report(builders.project(plan), "Q2 2019/20", "A")
    page = client.get(f"/outcomes/{outcome.pk}/?period=Q2 2019/20").content.decode()
    assert "Projects for this outcome" in page and "Project PRJ-1" in page
    assert "Measures and projects:" in page and "Amber (A)" in page
    document = scorecard_document(Q2, "plan")
    assert [p["project_id"] for p in document["projects"]] == ["PRJ-1"]
    assert document["projects"][0]["outcome"] == "Thriving places"
    assert document["summary"][-1]["A"] == 1
