"""Action plans as boards use them: a completion date, the status kept with each update, and
what B means set per action plan. Completed and business-as-usual actions are never overdue."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from scorecard.core.period_parser import parse_period
from scorecard.delivery.action_plans import AsAt, action_plans_for, summarise
from scorecard.delivery.models import Action, ActionPlan, ActionUpdate
from scorecard.framework.models import Plan
from tests.delivery.test_action_views import (  # noqa: F401
    _new_action,
    corporate_parenting,
    data,
    team,
    text_of,
)

pytestmark = pytest.mark.django_db

Q1 = "?period=2018/19 Q1"


def _edit(team, data, reference, **changes):  # noqa: F811
    action = data["actions"][reference]
    form = _new_action(data, reference=reference, **changes)
    return team.post(f"/actions/{action.pk}/edit/", form)


def test_an_overdue_action_given_a_completion_date_is_no_longer_overdue(team, data):  # noqa: F811
    action = data["actions"]["1.3"]  # Red, due 31.05.2018: overdue as at Q1 2018/19
    assert "Overdue" in text_of(team.get(action.get_absolute_url() + Q1))
    response = _edit(team, data, "1.3", status="R", due="31.05.2018", completed="15.06.2018")
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.completed == date(2018, 6, 15)
    page = text_of(team.get(action.get_absolute_url() + Q1))
    assert "Completed 15.06.2018" in page and "Due 31.05.2018 and not complete" not in page
    plan_page = text_of(team.get(f"/action-plans/{data['health'].pk}/{Q1}"))
    assert "Completed 15.06.2018" in plan_page
    # As at the quarter before, it was not yet complete.
    earlier = text_of(team.get(action.get_absolute_url() + "?period=2017/18 Q4"))
    assert "Completed15.06.2018 (after Q4 2017/18)" in earlier


@pytest.mark.parametrize(
    ("completed", "message"),
    [
        ("FUTURE", "The completion date must be today or in the past"),
        ("31.02.2018", "Enter a real date, for example 01.06.2018, in &#x27;Completion date&#x27;"),
        ("01.01.1066", "Enter a date between 1900 and 2100"),
    ],
)
def test_a_bad_completion_date_shows_an_error_and_writes_nothing(team, data, completed, message):  # noqa: F811
    if completed == "FUTURE":
        completed = f"{timezone.localdate() + timedelta(days=1):%d.%m.%Y}"
    response = _edit(team, data, "1.3", status="R", due="31.05.2018", completed=completed)
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html and message in html and "<title>Error:" in html
    assert 'href="#id_completed"' in html
    assert Action.objects.get(pk=data["actions"]["1.3"].pk).completed is None


def test_the_status_given_with_an_update_is_kept_for_its_quarter(team, data):  # noqa: F811
    action = data["actions"]["3.2"]  # Amber now
    url = f"/actions/{action.pk}/updates/new/"
    assert (
        team.post(url, {"dated": "20.02.2018", "text": "Early days", "status": "G"}).status_code
        == 302
    )
    # An older update does not change the status the action holds now.
    action.refresh_from_db()
    assert action.status == "A"
    assert (
        team.post(url, {"dated": "20.06.2018", "text": "Behind", "status": "R"}).status_code == 302
    )
    action.refresh_from_db()
    assert action.status == "R"
    assert (
        text_of(team.get(action.get_absolute_url() + "?period=2017/18 Q4")).count(
            "Status as at Q4 2017/18Green (G)"
        )
        == 1
    )
    page = text_of(team.get(action.get_absolute_url() + Q1))
    assert "Status as at Q1 2018/19Red (R)" in page
    assert "20.02.2018 Early days Green (G)" in page


def test_what_b_means_is_set_on_the_action_plan_form_and_used_by_the_overdue_rule(team, data):  # noqa: F811
    health = data["health"]
    form = {"plan": str(health.plan_id), "name": health.name, "programme": str(health.programme_id)}
    url = f"/action-plans/{health.pk}/edit/"
    page = team.get(url).content.decode()
    assert "What Blue (B) means on these actions" in page and "On track, complete or" in page
    one_two = data["actions"]["1.2"]  # B, due 31.01.2018, no updates
    as_at = AsAt(parse_period("2018/19 Q1"))

    def flags():
        plan = Plan.objects.get(pk=health.plan_id)
        rows = {r.action.pk: r for s in summarise(action_plans_for(plan), as_at) for r in s.rows}
        return rows[one_two.pk].flag_names

    assert flags() == []
    assert team.post(url, {**form, "blue_means": "on_track"}).status_code == 302
    assert ActionPlan.objects.get(pk=health.pk).blue_means == "on_track"
    assert flags() == ["overdue", "stale"]
    key = text_of(team.get(f"/action-plans/{health.pk}/"))
    assert "Blue (B)On trackCompleted" in key
    assert team.post(url, {**form, "blue_means": "on_track_complete_or_bau"}).status_code == 302
    assert flags() == ["stale"]


def test_a_bad_meaning_of_b_shows_an_error_and_writes_nothing(team, data):  # noqa: F811
    health = data["health"]
    form = {"plan": str(health.plan_id), "name": health.name, "blue_means": "sometimes"}
    response = team.post(f"/action-plans/{health.pk}/edit/", form)
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html and "Select a valid choice" in html
    assert ActionPlan.objects.get(pk=health.pk).blue_means == "complete_or_bau"


def test_no_demo_action_completed_by_the_quarter_is_overdue(corporate_parenting):  # noqa: F811
    """Seed 004, Appendix B as at Q4 2017/18: the completed Green actions in Health (1.1-1.4,
    2.1, 3.4, 5.1, 6.1-6.3, 7.1, 7.2) are not overdue; 3.1, 3.2, 3.3 and 3.5 are still open
    past their date."""
    plan = Plan.objects.get(plan_id="corporate-parenting")
    summaries = summarise(action_plans_for(plan), AsAt(parse_period("Q4 2017/18")))
    rows = [row for summary in summaries for row in summary.rows]
    assert not [r for r in rows if r.completed and r.flags.overdue]
    assert not [r for r in rows if r.standing.business_as_usual and r.flags.overdue]
    health = next(s for s in summaries if s.action_plan.name == "Health and Wellbeing")
    overdue = [r.action.reference for r in health.rows if r.flags.overdue]
    assert overdue == ["3.1", "3.2", "3.3", "3.5"]
    completed = [r.action.reference for r in health.rows if r.completed]
    assert len(completed) == 12
    assert {s.action_plan.blue_means for s in summaries} == {"on_track_complete_or_bau"}


def test_updates_without_a_status_leave_the_action_status_as_it_was(data):  # noqa: F811
    action = data["actions"]["3.2"]
    assert not ActionUpdate.objects.exclude(status="").exists()
    row_status = {
        label: next(
            r.status
            for s in summarise(action_plans_for(action.action_plan.plan), AsAt(parse_period(label)))
            for r in s.rows
            if r.action.pk == action.pk
        )
        for label in ("2017/18 Q4", "2018/19 Q1")
    }
    assert row_status == {"2017/18 Q4": action.rag, "2018/19 Q1": action.rag}
