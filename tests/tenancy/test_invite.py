"""Inviting someone on an instance of several councils: a new person belongs to their
organisation's council, and one invitation does not mix councils."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from scorecard.framework.models import Organisation, Plan
from scorecard.people.account_forms import OWNER_OR_VIEWER, TEAM
from scorecard.people.models import Person
from scorecard.tenancy.models import Tenant

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin():
    client = Client()
    client.force_login(User.objects.create_superuser("admin"))
    return client


@pytest.fixture
def councils():
    first = Tenant.default()
    second = Tenant.objects.create(slug="second", name="Second Council")
    return first, second


def invitation(**changes) -> dict:
    return {
        "username": "newcomer",
        "name": "New Comer",
        "email": "new@example.org",
        "role": OWNER_OR_VIEWER,
        **changes,
    }


def test_a_new_person_belongs_to_their_organisations_council(admin, councils):
    _, second = councils
    organisation = Organisation.objects.create(name="Second Council", tenant=second)
    response = admin.post("/accounts/invite/", invitation(organisation=organisation.pk))
    assert response.status_code == 302
    assert Person.objects.get(user__username="newcomer").tenant == second


def test_one_invitation_does_not_mix_councils(admin, councils):
    first, second = councils
    organisation = Organisation.objects.create(name="Second Council", tenant=second)
    plan = Plan.objects.create(plan_id="first-plan", name="First plan", tenant=first)
    response = admin.post(
        "/accounts/invite/",
        invitation(organisation=organisation.pk, role=TEAM, plans=[plan.pk]),
    )
    assert response.status_code == 200
    assert "of one council" in response.content.decode()
    assert not User.objects.filter(username="newcomer").exists()
