"""Every URL × GET/POST × every role: who may read, who may write, and nothing written when
someone may not (issue 5, deliverable 7). The expectations are in tests/security/matrix.py.
The seventh visitor, a member of another council on the same instance (issue 7), is in
tests/security/test_other_council.py: every item route is a 404 to them, every list empty of
the first council's rows."""

from __future__ import annotations

import pytest

from tests.security.matrix import (
    ALLOWED,
    NOBODY,
    PUBLIC,
    ROLES,
    RULES,
    address,
    fingerprint,
    is_api,
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


def send(client, method: str, url: str, data: dict):
    if method == "GET":
        return client.get(url)
    return client.post(url, data)


@pytest.mark.parametrize("route", ROUTES)
def test_who_may_read_and_write(route, demo_roles, role_clients):
    rule = rule_for(route)
    assert rule is not None, f"{route} has no rule in tests/security/matrix.py"
    url = address(route, demo_roles)
    data = rule.data(demo_roles)
    steps = [
        (method, level, role)
        for method, level in (("GET", rule.read), ("POST", rule.write))
        for role in ROLES
    ]
    refusals = [step for step in steps if step[2] not in ALLOWED[step[1]]]
    let_through = [step for step in steps if step[2] in ALLOWED[step[1]]]
    problems = []
    # The refusals first, with one fingerprint around them all (the failure names them); then
    # the roles let in, whose POSTs may change things.
    before = fingerprint()
    for method, level, role in refusals:
        response = send(role_clients[role], method, url, data)
        problems.append(judge(route, False, method, level, role, response))
    if fingerprint() != before:
        tried = "; ".join(f"{method} as {role}" for method, _, role in refusals)
        problems.append(f"the database changed during the refused requests: {tried}")
    for method, level, role in let_through:
        response = send(role_clients[role], method, url, data)
        problems.append(judge(route, True, method, level, role, response))
    problems = [p for p in problems if p]
    assert not problems, "\n".join(problems)


def judge(route: str, allowed: bool, method: str, level: str, role: str, response):
    """What is wrong with this response (naming the request), or None."""
    problem = _judged(route, allowed, method, level, role, response)
    return f"{method} {response.request['PATH_INFO']} as {role}: {problem}" if problem else None


def _judged(route: str, allowed: bool, method: str, level: str, role: str, response):
    if allowed:
        return let_in(response)
    if level == NOBODY and role != "anonymous":
        if method == "POST":
            return not_offered(response)
        ok = response.status_code in (403, 405)
        return None if ok else f"expected 403 or 405, got {response.status_code}"
    if level == NOBODY and response.status_code < 500 and route_is_public(route):
        return None  # a public address that does not offer this method
    return refused(route, role, response)


def route_is_public(route: str) -> bool:
    rule = rule_for(route)
    return PUBLIC in (rule.read, rule.write)
