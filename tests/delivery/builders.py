"""Small councils built through the ORM for delivery tests."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import Group, User

from scorecard.core.period_parser import parse_period
from scorecard.delivery.models import HighlightReport, Milestone, Project, ProjectUpdate
from scorecard.framework.models import Outcome, Plan, Priority, Programme
from scorecard.people.models import Person
from scorecard.people.permissions import PERFORMANCE_TEAM

PASSWORD = "a long demo password"  # noqa: S105 -- test accounts only


def plan_with_programmes(names=("Programme one", "Programme two")) -> Plan:
    plan = Plan.objects.create(plan_id="plan", name="The plan")
    outcome = Outcome.objects.create(plan=plan, name="Thriving places")
    Priority.objects.create(outcome=outcome, name="Good homes")
    for order, name in enumerate(names):
        Programme.objects.create(plan=plan, outcome=outcome, name=name, order=order)
    return plan


def project(plan: Plan, project_id="PRJ-1", **fields) -> Project:
    owner = Person.objects.get_or_create(person_id="jsmith", defaults={"name": "Jo Smith"})[0]
    fields.setdefault("outcome", plan.outcomes.first())
    return Project.objects.create(
        project_id=project_id, title=f"Project {project_id}", plan=plan, owner=owner, **fields
    )


def report(project: Project, label: str, status: str, direction: str = "", **text) -> ProjectUpdate:
    update = ProjectUpdate(project=project, status=status, direction=direction, **text)
    update.set_period(parse_period(label))
    update.save()
    return update


def milestone(project: Project, title: str, due: date, **fields) -> Milestone:
    return Milestone.objects.create(project=project, title=title, due=due, **fields)


def highlight(programme: Programme, label: str, status: str, **text) -> HighlightReport:
    made = HighlightReport(programme=programme, status=status, **text)
    made.set_period(parse_period(label))
    made.save()
    return made


def team_member(username="officer") -> User:
    user = User.objects.create_user(username, password=PASSWORD)
    user.groups.add(Group.objects.get_or_create(name=PERFORMANCE_TEAM)[0])
    return user


def outsider(username="reader") -> User:
    return User.objects.create_user(username, password=PASSWORD)
