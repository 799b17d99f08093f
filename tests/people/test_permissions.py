"""The one rule set: archived items change for no one until restored (restoring stays the
team's), the parent table is the audit trail's, and a highlight report's author counts as one
of its owners (as through the API)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from scorecard.audit import registry
from scorecard.audit.archive import Restore
from scorecard.delivery.models import HighlightReport
from scorecard.measures.models import Measure
from scorecard.people import permissions
from scorecard.people.models import Person

pytestmark = pytest.mark.django_db


def user(username: str) -> User:
    return User.objects.get(username=username)


def test_the_parent_table_is_the_audit_trails():
    assert permissions.PARENTS is registry.PARENTS


def test_nothing_archived_changes_but_the_team_restores_it(demo):
    measure = Measure.objects.get(measure_id="BP-HV-NBV")
    observation = measure.observations.order_by("pk").first()
    assert permissions.can_change(user("owner"), measure)
    assert permissions.can_change(user("owner"), observation)
    Measure.objects.filter(pk=measure.pk).update(archived_at=timezone.now())
    measure.refresh_from_db()
    observation = measure.observations.order_by("pk").first()
    for username in ("owner", "performance", "admin"):
        assert not permissions.can_change(user(username), measure)
        assert not permissions.can_change(user(username), observation)
    assert permissions.archived_in(observation) == measure
    with pytest.raises(PermissionDenied, match="archived"):
        permissions.require_change(user("admin"), observation)
    assert permissions.can_manage(user("performance"), measure)
    Restore(measure, user("performance")).execute()
    assert permissions.can_change(user("owner"), Measure.objects.get(pk=measure.pk))


def test_a_reports_author_is_one_of_its_owners(demo):
    jenny = Person.objects.get(person_id="jthompson")
    report = HighlightReport.objects.exclude(programme__owners=jenny).order_by("pk").first()
    assert not permissions.can_change(user("owner"), report)
    report.author = jenny
    assert jenny.pk in permissions.owner_ids_of(report)
    assert permissions.can_change(user("owner"), report)
    assert not permissions.can_change(user("owner"), report.programme)


def test_managed_fields_are_locked_for_owners_and_plans_limited_for_the_team(demo):
    from scorecard.delivery.project_forms import ProjectForm
    from scorecard.framework.models import Plan

    business = Plan.objects.get(plan_id="business-plan")
    Person.objects.get(user__username="performance").plans.set([business])
    form = ProjectForm(user=user("performance"))
    assert not form.fields["plan"].disabled
    assert list(form.fields["plan"].queryset) == [business]
    form = ProjectForm(user=user("admin"))
    assert form.fields["plan"].queryset.count() == Plan.objects.count()
