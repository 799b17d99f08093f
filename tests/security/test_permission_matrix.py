"""Every URL × every method × every role: who may read, who may write, who may change an item,
and nothing written when someone may not (issue 5, deliverable 7). The methods each route
offers are read from its view; a route answering 405 to one it offers fails. The
expectations are in tests/security/matrix.py.
The seventh visitor, a member of another council on the same instance (issue 7), is in
tests/security/test_other_council.py: every item route is a 404 to them, every list empty of
the first council's rows."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from tests.security.matrix import (
    LIMITED_TEAM,
    METHODS,
    NOBODY,
    PUBLIC,
    RULES,
    address,
    allowed,
    fingerprint,
    is_api,
    level,
    offered,
    rule_for,
)
from tests.security.matrix import routes as all_routes

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


# Every route served; a rule whose route is gone fails test_every_rule_names_a_url_pattern.
ROUTES = sorted(all_routes())


def test_every_url_pattern_has_a_rule():
    """A page or API endpoint added without saying who may use it fails here: add it to RULES."""
    missing = sorted(route for route in all_routes() if rule_for(route) is None)
    assert not missing, "URL patterns with no rule in tests/security/matrix.py: " + ", ".join(
        missing
    )


def test_every_rule_names_a_url_pattern():
    stale = sorted(set(RULES) - set(all_routes()))
    assert not stale, "Rules for URL patterns that no longer exist: " + ", ".join(stale)


def refused(route: str, role: str, response) -> str | None:
    """Why a refusal is not the right one, or None when it is."""
    if role == "anonymous":
        if is_api(route):
            ok = response.status_code in (401, 403)
            return None if ok else f"expected 401 or 403, got {response.status_code}"
        location = response.headers.get("Location", "")
        if response.status_code == 302 and location.startswith(LOGIN):
            return None
        return f"expected a redirect to {LOGIN}, got {response.status_code} {location}"
    return None if response.status_code == 403 else f"expected 403, got {response.status_code}"


def not_offered(response) -> str | None:
    """A method the address does not offer: refused, or the page read again; never a write."""
    if response.status_code >= 500:
        return f"server error {response.status_code}"
    return None


def let_in(response) -> str | None:
    """Allowed: the page, a form with its errors, or a redirect that is not to the sign-in."""
    status = response.status_code
    location = response.headers.get("Location", "")
    if status in (401, 403, 404, 405) or status >= 500:
        return f"expected to be let in, got {status}"
    if status == 302 and location.startswith(LOGIN):
        return f"expected to be let in, sent to sign in ({location})"
    return None


@pytest.fixture
def limited_team(demo_roles, role_clients):
    """A performance officer for another plan than the samples' (the demo's team looks after
    every plan), signed in; the clients for every role, theirs included."""
    from django.contrib.auth.models import Group, User
    from django.test import Client

    from scorecard.framework.models import Plan
    from scorecard.people.models import Person
    from scorecard.people.permissions import PERFORMANCE_TEAM

    user = User.objects.create_user("limited-team", email="limited@example.org")
    user.groups.add(Group.objects.get(name=PERFORMANCE_TEAM))
    person = Person.objects.create(person_id="limited-team", name="Lee Mitchell", user=user)
    # A plan of the same council that holds none of the samples.
    theirs = Plan.objects.create(
        tenant=demo_roles.plan.tenant, plan_id="limited-team-plan", name="Another plan"
    )
    person.plans.set([theirs])
    client = Client()
    client.force_login(user)
    # The demo's comparator values are all of measures the demo owner does not own: she owns
    # the first one's too (the matrix's item), so her right to change it is tested as well.
    from scorecard.measures.models import ComparatorValue

    ComparatorValue.objects.order_by("pk").first().measure.owners.add(demo_roles.owner)
    return {**role_clients, LIMITED_TEAM: client}


def send(client, method: str, url: str, data: dict, api: bool):
    if method == "GET":
        return client.get(url)
    if method == "POST":
        return client.post(url, data)
    if api:
        return getattr(client, method.lower())(url, data, content_type="application/json")
    # A page sent PUT, PATCH or DELETE: the form's fields, as a browser would encode them.
    return getattr(client, method.lower())(
        url, urlencode(data, doseq=True), content_type="application/x-www-form-urlencoded"
    )


def bodies(route: str, url: str, rule, samples, clients) -> dict[str, dict]:
    """What each method sends: a form's data; to an API item, PATCH nothing and PUT the item
    as it reads (so whoever may change it gets 200, and whoever may not, a refusal)."""
    data = rule.data(samples)
    sent = dict.fromkeys(METHODS, data)
    if is_api(route) and rule.change is not None:
        read = clients["admin"].get(url)
        assert read.status_code == 200, (url, read.status_code)
        sent |= {"PUT": read.json(), "PATCH": {}, "DELETE": {}}
    return sent


@pytest.mark.parametrize("route", ROUTES)
def test_who_may_read_and_write(route, demo_roles, limited_team):
    rule = rule_for(route)
    assert rule is not None, f"{route} has no rule in tests/security/matrix.py"
    url = address(route, demo_roles)
    clients = limited_team
    sent = bodies(route, url, rule, demo_roles, clients)
    offers = offered(route)
    # A method the view does not offer (beyond GET and POST, which every page is sent) is sent
    # by the visitor with the most rights and by one with none: it must write nothing.
    steps = [
        (method, level(route, rule, method), role)
        for method in METHODS
        for role in clients
        if method in offers or method in ("GET", "POST") or role in ("admin", "anonymous")
    ]
    refusals = [step for step in steps if not allowed(step[2], step[1], route)]
    let_through = [step for step in steps if allowed(step[2], step[1], route)]
    problems = []
    # The refusals first, with one fingerprint around them all (the failure names them); then
    # the roles let in, whose writes may change things.
    before = fingerprint()
    for method, lvl, role in refusals:
        response = send(clients[role], method, url, sent[method], is_api(route))
        problems.append(judge(route, False, method, lvl, role, response))
    if fingerprint() != before:
        tried = "; ".join(f"{method} as {role}" for method, _, role in refusals)
        problems.append(f"the database changed during the refused requests: {tried}")
    for method, lvl, role in let_through:
        response = send(clients[role], method, url, sent[method], is_api(route))
        problems.append(judge(route, True, method, lvl, role, response))
        if is_api(route) and method in ("PUT", "PATCH") and response.status_code != 200:
            # The item sent back as it reads (or nothing to change): nothing to refuse.
            problems.append(f"{method} {url} as {role}: expected 200, got {response.status_code}")
    problems = [p for p in problems if p]
    assert not problems, "\n".join(problems)


def test_the_methods_are_read_from_the_views():
    """The API's items offer PUT and PATCH and not DELETE; a POST-only page, POST only."""
    item = next(route for route in ROUTES if route.startswith("api/^measures/("))
    assert offered(item) == {"GET", "PUT", "PATCH"}
    assert offered("api/^measures/$") == {"GET", "POST"}
    assert offered("public/measures/<str:measure_id>/publish/") == {"POST"}
    assert offered("accounts/logout/") == {"POST"}
    assert offered("projects/<str:project_id>/edit/") == {"GET", "POST"}


def judge(route: str, let: bool, method: str, lvl: str, role: str, response):
    """What is wrong with this response (naming the request), or None."""
    problem = _judged(route, let, method, lvl, role, response)
    if problem is None and response.status_code == 405 and method in offered(route):
        problem = "405, although the view offers this method"
    return f"{method} {response.request['PATH_INFO']} as {role}: {problem}" if problem else None


def _judged(route: str, let: bool, method: str, lvl: str, role: str, response):
    if let:
        return let_in(response)
    if lvl == NOBODY and role != "anonymous":
        if method != "GET":
            return not_offered(response)
        ok = response.status_code in (403, 405)
        return None if ok else f"expected 403 or 405, got {response.status_code}"
    if lvl == NOBODY and response.status_code < 500 and route_is_public(route):
        return None  # a public address that does not offer this method
    return refused(route, role, response)


def route_is_public(route: str) -> bool:
    rule = rule_for(route)
    return PUBLIC in (rule.read, rule.write)
