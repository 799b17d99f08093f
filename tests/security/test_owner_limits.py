"""Owners change their own items and no one else's, through the API as through the pages; and
even their own items they may not archive (that is the performance team's)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from tests.security.matrix import fingerprint
from tests.signing_in import signed_in as as_user

pytestmark = pytest.mark.django_db


def api_items(s) -> dict[str, str]:
    """Jenny's items, at their API addresses."""
    return {
        "measure": f"/api/measures/{s.measure.measure_id}/",
        "project": f"/api/projects/{s.project.project_id}/",
        "action": f"/api/actions/{s.action.pk}/",
        "programme": f"/api/programmes/{s.programme.pk}/",
        "risk": f"/api/risks/{s.risk.reference}/",
    }


TEXT = {"measure": "notes", "project": "title", "action": "description"}
TEXT.update(programme="description", risk="description")


@pytest.mark.parametrize("kind", sorted(TEXT))
def test_through_the_api_an_owner_changes_their_own_item_and_not_anothers(demo_roles, kind):
    url = api_items(demo_roles)[kind]
    change = {TEXT[kind]: "Changed through the API"}
    owner, other, viewer = as_user("owner"), as_user("owner2"), as_user("viewer")
    before = fingerprint()
    refused = other.patch(url, change, content_type="application/json")
    assert refused.status_code == 403, refused.content
    assert viewer.patch(url, change, content_type="application/json").status_code == 403
    assert fingerprint() == before, "a refused change was written"
    allowed = owner.patch(url, change, content_type="application/json")
    assert allowed.status_code == 200, allowed.content
    assert allowed.json()[TEXT[kind]] == "Changed through the API"


def test_through_the_api_an_owner_cannot_add_a_figure_to_anothers_measure(demo_roles):
    other = as_user("owner2")
    before = fingerprint()
    response = other.post(
        "/api/observations/",
        {"measure": demo_roles.measure.measure_id, "period": "Q1 2019/20", "value": "50"},
        content_type="application/json",
    )
    assert response.status_code == 403, response.content
    assert fingerprint() == before


def test_through_the_api_an_owner_cannot_give_their_item_away(demo_roles):
    url = api_items(demo_roles)["project"]
    owner = as_user("owner")
    before = fingerprint()
    response = owner.patch(url, {"owner": None}, content_type="application/json")
    assert response.status_code == 403
    assert fingerprint() == before


ARCHIVABLE = {
    "measure": lambda s: s.measure.measure_id,
    "project": lambda s: s.project.project_id,
    "programme": lambda s: str(s.programme.pk),
    "action": lambda s: str(s.action.pk),
    "risk": lambda s: s.risk.reference,
}


@pytest.mark.parametrize("kind", sorted(ARCHIVABLE))
def test_an_owner_cannot_archive_even_their_own_item(demo_roles, kind):
    url = f"/archive/{kind}/{ARCHIVABLE[kind](demo_roles)}/"
    owner, team = as_user("owner"), as_user("performance")
    before = fingerprint()
    assert owner.post(url).status_code == 403
    assert fingerprint() == before
    assert team.post(url).status_code == 302
    assert fingerprint() != before


def test_a_refused_page_says_why(demo_roles):
    page = as_user("owner2").get(f"/projects/{demo_roles.project.project_id}/edit/")
    assert page.status_code == 403
    assert "You can only change items you own." in page.content.decode()


def test_an_owners_page_form_locks_the_teams_fields_as_the_api_does(demo_roles):
    """A project's title is the owner's to change; its reference, plan and owner are not."""
    from scorecard.delivery.project_forms import ProjectForm

    owner = User.objects.get(username="owner")
    form = ProjectForm(instance=demo_roles.project, user=owner)
    locked = {name for name, field in form.fields.items() if field.disabled}
    assert {"project_id", "plan", "owner", "organisation"} <= locked
    assert "title" not in locked and "description" not in locked
