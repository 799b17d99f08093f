"""The project, action, action plan and highlight report pages keep to the permission rules:
owners change their items but not who owns them or where they sit; a team member looking after
some plans adds and moves items in those plans only; nothing archived changes."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from scorecard.delivery.action_forms import ActionForm, ActionPlanForm
from scorecard.delivery.highlight_forms import HighlightReportForm
from scorecard.delivery.models import Action, ActionPlan, HighlightReport, Milestone, Project
from scorecard.delivery.project_forms import ProjectForm
from scorecard.framework.models import Plan, Programme
from scorecard.people.models import Person
from tests.signing_in import signed_in

pytestmark = pytest.mark.django_db


def posted(form) -> dict:
    """What the browser sends back for an unchanged form (disabled fields included, as a
    tampered post would)."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value in (None, "", False):
            continue
        if value is True:
            data[name] = "on"
        elif isinstance(value, list | tuple):
            data[name] = [str(getattr(v, "pk", v)) for v in value]
        else:
            data[name] = str(getattr(value, "pk", value))
    return data


def jennys_project() -> Project:
    project = Milestone.objects.order_by("pk").first().project
    Project.objects.filter(pk=project.pk).update(owner=Person.objects.get(person_id="jthompson"))
    return Project.objects.get(pk=project.pk)


def other_plan(plan_pk: int) -> Plan:
    return Plan.objects.exclude(pk=plan_pk).order_by("pk").first()


def limit_to_business_plan() -> Plan:
    business = Plan.objects.get(plan_id="business-plan")
    Person.objects.get(user__username="performance").plans.set([business])
    return business


# --- owners ------------------------------------------------------------------------------


def test_an_owner_cannot_hand_over_or_move_their_project(demo):
    project = jennys_project()
    user = User.objects.get(username="owner")
    data = posted(ProjectForm(instance=project, user=user))
    assert ProjectForm(instance=project, user=user).fields["owner"].disabled
    data.update(
        title="Renamed by its owner",
        owner=str(Person.objects.get(person_id="tjohnson").pk),
        plan=str(other_plan(project.plan_id).pk),
    )
    response = signed_in("owner").post(f"/projects/{project.project_id}/edit/", data)
    assert response.status_code in (302, 403), response.content[:2000]
    stored = Project.objects.get(pk=project.pk)
    assert stored.owner.person_id == "jthompson"
    assert stored.plan_id == project.plan_id
    if response.status_code == 302:
        assert stored.title == "Renamed by its owner"


def test_the_team_still_hands_a_project_over(demo):
    project = jennys_project()
    user = User.objects.get(username="performance")
    data = posted(ProjectForm(instance=project, user=user))
    data["owner"] = str(Person.objects.get(person_id="tjohnson").pk)
    response = signed_in("performance").post(f"/projects/{project.project_id}/edit/", data)
    assert response.status_code == 302, response.content[:2000]
    assert Project.objects.get(pk=project.pk).owner.person_id == "tjohnson"


def test_an_owner_cannot_change_who_owns_their_action(demo):
    action = Action.objects.filter(owners__person_id="jthompson").order_by("pk").first()
    user = User.objects.get(username="owner")
    form = ActionForm(instance=action, action_plan=action.action_plan, user=user)
    assert form.fields["owners"].disabled
    data = posted(form)
    data.update(
        description="Described by its owner",
        owners=[str(Person.objects.get(person_id="tjohnson").pk)],
    )
    response = signed_in("owner").post(f"/actions/{action.pk}/edit/", data)
    assert response.status_code == 302, response.content[:2000]
    stored = Action.objects.get(pk=action.pk)
    assert stored.description == "Described by its owner"
    assert "jthompson" in set(stored.owners.values_list("person_id", flat=True))
    assert "tjohnson" not in set(stored.owners.values_list("person_id", flat=True))


def _authored_report() -> tuple[HighlightReport, Person]:
    """A report on a programme Jenny does not own, written by Jenny: she may change it."""
    jenny = Person.objects.get(person_id="jthompson")
    report = HighlightReport.objects.exclude(programme__owners=jenny).order_by("pk").first()
    HighlightReport.objects.filter(pk=report.pk).update(author=jenny)
    return HighlightReport.objects.get(pk=report.pk), jenny


def test_a_reports_author_cannot_make_someone_else_its_author(demo):
    report, jenny = _authored_report()
    user = User.objects.get(username="owner")
    form = HighlightReportForm(instance=report, programme=report.programme, user=user)
    assert form.fields["author"].disabled
    data = posted(form)
    data["author"] = str(Person.objects.get(person_id="tjohnson").pk)
    url = reverse("highlight_report_edit", args=[report.programme_id, report.period_obj.label])
    response = signed_in("owner").post(url, data)
    assert response.status_code in (302, 403), response.content[:2000]
    assert HighlightReport.objects.get(pk=report.pk).author_id == jenny.pk


def test_the_programmes_owner_chooses_the_author(demo):
    programme = Programme.objects.get(owners__person_id="jthompson")
    report = HighlightReport.objects.filter(programme=programme).order_by("pk").first()
    if report is None:
        report = HighlightReport.objects.order_by("pk").first()
        report.programme = programme
        report.save()
    user = User.objects.get(username="owner")
    assert (
        not HighlightReportForm(instance=report, programme=programme, user=user)
        .fields["author"]
        .disabled
    )


# --- a team member for one plan ----------------------------------------------------------


def test_a_team_member_for_one_plan_adds_projects_there_only(demo):
    business = limit_to_business_plan()
    other = other_plan(business.pk)
    user = User.objects.get(username="performance")
    form = ProjectForm(user=user)
    assert set(form.fields["plan"].queryset) == {business}
    data = {"project_id": "NEW-PRJ", "title": "New project", "plan": str(other.pk)}
    response = signed_in("performance").post("/projects/new/", data)
    assert response.status_code in (200, 403)
    assert not Project.objects.filter(project_id="NEW-PRJ").exists()
    data["plan"] = str(business.pk)
    response = signed_in("performance").post("/projects/new/", data)
    assert response.status_code == 302, response.content[:2000]
    assert Project.objects.get(project_id="NEW-PRJ").plan == business


def test_a_team_member_for_one_plan_cannot_move_a_project_out_of_it(demo):
    business = limit_to_business_plan()
    project = Project.objects.filter(plan=business).order_by("pk").first()
    user = User.objects.get(username="performance")
    data = posted(ProjectForm(instance=project, user=user))
    for name in ("outcome", "priority", "programme"):
        data.pop(name, None)
    data["plan"] = str(other_plan(business.pk).pk)
    response = signed_in("performance").post(f"/projects/{project.project_id}/edit/", data)
    assert response.status_code in (200, 403)
    assert Project.objects.get(pk=project.pk).plan == business


def test_a_team_member_for_one_plan_adds_and_moves_action_plans_there_only(demo):
    business = limit_to_business_plan()
    other = other_plan(business.pk)
    client = signed_in("performance")
    response = client.post("/action-plans/new/", {"plan": str(other.pk), "name": "Elsewhere"})
    assert response.status_code in (200, 403)
    assert not ActionPlan.objects.filter(name="Elsewhere").exists()
    response = client.post("/action-plans/new/", {"plan": str(business.pk), "name": "Here"})
    assert response.status_code == 302, response.content[:2000]
    here = ActionPlan.objects.get(name="Here")
    user = User.objects.get(username="performance")
    data = posted(ActionPlanForm(instance=here, user=user))
    data["plan"] = str(other.pk)
    response = client.post(f"/action-plans/{here.pk}/edit/", data)
    assert response.status_code in (200, 403)
    assert ActionPlan.objects.get(pk=here.pk).plan == business


# --- archived items ----------------------------------------------------------------------


def test_an_archived_project_and_its_updates_refuse_changes(demo):
    project = jennys_project()
    Project.objects.filter(pk=project.pk).update(archived_at=timezone.now())
    project.refresh_from_db()
    for username in ("owner", "performance", "admin"):
        client = signed_in(username)
        user = User.objects.get(username=username)
        data = posted(ProjectForm(instance=project, user=user))
        data["title"] = "Changed while archived"
        response = client.post(f"/projects/{project.project_id}/edit/", data)
        assert response.status_code == 403
        # The reason goes to the 403 page (its template shows `exception` when it says it).
        assert "archived" in str(response.context["exception"])
        response = client.post(
            f"/projects/{project.project_id}/updates/new/", {"period": "Q1 2019/20", "status": "G"}
        )
        assert response.status_code == 403
    assert Project.objects.get(pk=project.pk).title != "Changed while archived"


def test_an_action_in_an_archived_action_plan_refuses_changes(demo):
    action = Action.objects.filter(owners__person_id="jthompson").order_by("pk").first()
    ActionPlan.objects.filter(pk=action.action_plan_id).update(archived_at=timezone.now())
    client = signed_in("performance")
    response = client.post(f"/actions/{action.pk}/edit/", {"description": "Changed"})
    assert response.status_code == 403
    response = client.post(
        f"/action-plans/{action.action_plan_id}/actions/new/",
        {"reference": "99.9", "description": "New"},
    )
    assert response.status_code == 403
    assert not Action.objects.filter(reference="99.9").exists()
