"""Every page reads the plan and period it is asked for the same way (measures/picking.py): one
it does not know is a 404 that says which, never a 500 or an unexplained "not found"."""

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from scorecard.people.permissions import PERFORMANCE_TEAM

PLAN_PAGES = [
    "/",
    "/measures/",
    "/projects/",
    "/action-plans/",
    "/highlight-reports/",
    "/risks/",
    "/risks/heat-map/",
    "/reports/claims/",
]


@pytest.fixture
def team_client(demo_council):
    user = User.objects.create_user("team")
    user.groups.add(Group.objects.get_or_create(name=PERFORMANCE_TEAM)[0])
    client = Client()
    client.force_login(user)
    return client


def test_an_unknown_plan_is_not_found_and_named_on_every_page(team_client):
    answers = {url: team_client.get(url, {"plan": "no-such-plan"}) for url in PLAN_PAGES}
    assert {url: r.status_code for url, r in answers.items()} == dict.fromkeys(PLAN_PAGES, 404)
    for url, response in answers.items():
        assert "There is no plan &#x27;no-such-plan&#x27;." in response.content.decode(), url


NOTHING_FOR_2040 = {
    "/": "There is no data for 2040/41.",
    "/projects/": "There is no data for 2040/41.",
    "/highlight-reports/": "There is no data for 2040/41.",
    "/risks/": "There are no risk assessments for 2040/41.",
    "/reports/claims/": "There is no data for 2040/41.",
    "/public/": "There is no data for 2040/41",
}


def test_a_period_with_nothing_to_show_is_not_found_and_named(team_client):
    for url, says in NOTHING_FOR_2040.items():
        response = team_client.get(url, {"period": "2040/41"})
        assert response.status_code == 404, url
        assert says in response.content.decode(), url


def test_an_unreadable_period_is_not_found_and_quoted(team_client):
    for url in ["/", "/projects/", "/highlight-reports/", "/risks/", "/reports/claims/"]:
        response = team_client.get(url, {"period": "not <a> period"})
        assert response.status_code == 404, url
        assert "There is no period called &#x27;not &lt;a&gt; period&#x27;." in (
            response.content.decode()
        ), url
