"""CSRF on every form: signed in as the admin (who may POST anywhere), a POST without the token
is refused with 403 and writes nothing."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from tests.security.matrix import NOBODY, address, fingerprint, rule_for
from tests.security.matrix import routes as all_routes

pytestmark = pytest.mark.django_db

# The token endpoint takes a username and password, not a session: a browser never sends it
# anything on its own, so there is nothing for a forged request to ride on.
NO_SESSION = {"api/token/"}


def posted_routes() -> list[str]:
    return sorted(
        route
        for route in all_routes()
        if (rule := rule_for(route)) is not None
        and rule.write != NOBODY
        and route not in NO_SESSION
    )


def test_there_are_forms_to_check():
    assert len(posted_routes()) > 20


@pytest.mark.parametrize("route", posted_routes())
def test_a_post_without_the_csrf_token_is_refused(route, demo_roles):
    client = Client(enforce_csrf_checks=True)
    client.force_login(User.objects.get(username="admin"))
    url = address(route, demo_roles)
    before = fingerprint()
    response = client.post(url, rule_for(route).data(demo_roles))
    assert response.status_code == 403, f"POST {url}: {response.status_code}"
    assert fingerprint() == before, f"POST {url} without a token changed the database"


def test_the_same_post_with_the_token_gets_through(demo_roles):
    """The check above refuses for want of the token, not for some other reason."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(User.objects.get(username="admin"))
    page = client.get("/accounts/invite/")
    token = page.cookies["csrftoken"].value
    response = client.post("/accounts/invite/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
