"""The tenant boundary in the models: where new rows go, `for_tenant`, the limit while a tenant
is active, and the migration that puts existing rows into one default tenant."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from scorecard.core.periods import Period
from scorecard.framework.models import Organisation, Outcome, Plan
from scorecard.measures.models import Measure, Observation
from scorecard.people.models import Person
from scorecard.tenancy import scope
from scorecard.tenancy.models import Tenant


def _plan(plan_id: str, tenant=None) -> Plan:
    fields = {"tenant": tenant} if tenant is not None else {}
    plan = Plan.objects.create(plan_id=plan_id, name=plan_id, **fields)
    outcome = Outcome.objects.create(plan=plan, name=f"Outcome {plan_id}")
    measure = Measure.objects.create(
        measure_id=f"M-{plan_id}", title=plan_id, plan=plan, outcome=outcome
    )
    observation = Observation(measure=measure, value=1, entered_at=timezone.now())
    observation.set_period(Period.quarter(2019, 1))
    observation.save()
    return plan


@pytest.mark.django_db
def test_new_rows_go_into_the_default_tenant_made_when_needed():
    assert not Tenant.objects.exists()
    plan = _plan("first")
    assert plan.tenant.slug == "default"
    assert Person.objects.create(person_id="p", name="P").tenant_id == plan.tenant_id


@pytest.mark.django_db
def test_new_rows_go_into_the_tenant_acted_for():
    Tenant.default()
    other = Tenant.objects.create(slug="other", name="Other")
    with scope.acting_for(other, limit=False):
        assert Organisation.objects.create(name="Other Council").tenant_id == other.pk


@pytest.mark.django_db
def test_for_tenant_and_the_active_tenant_limit_every_query():
    first = _plan("first")
    other = Tenant.objects.create(slug="other", name="Other")
    _plan("second", other)
    assert set(
        Observation.objects.for_tenant(other).values_list("measure__measure_id", flat=True)
    ) == {"M-second"}
    assert Measure.objects.for_tenant(None).count() == 2
    # A queryset made before the tenant is active (a form's choices) is limited once chained.
    made_before = Plan.objects.all()
    with scope.acting_for(other):
        assert [p.plan_id for p in made_before.all()] == ["second"]
        assert list(Measure.objects.current().values_list("measure_id", flat=True)) == ["M-second"]
        assert not Observation.objects.filter(measure__plan=first.pk).exists()
        assert Plan.objects.filter(plan_id="first").first() is None
        # Forward links still read the row they point at (the base manager is not limited).
        observation = Observation.objects.get()
        assert observation.measure.plan.plan_id == "second"
    assert Plan.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_the_migration_puts_existing_rows_into_one_default_tenant():
    executor = MigrationExecutor(connection)
    before = [("framework", "0003_organisation_area"), ("people", "0002_person_account_and_plans")]
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    organisation = old.get_model("framework", "Organisation").objects.create(name="Old Council")
    old.get_model("framework", "Plan").objects.create(plan_id="old", name="Old plan")
    old.get_model("people", "Person").objects.create(person_id="old-person", name="Old Person")
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    tenant = Tenant.objects.get()
    assert (tenant.slug, tenant.name) == ("default", "Old Council")
    assert Organisation.objects.get(pk=organisation.pk).tenant_id == tenant.pk
    assert Plan.objects.get(plan_id="old").tenant_id == tenant.pk
    assert Person.objects.get(person_id="old-person").tenant_id == tenant.pk
