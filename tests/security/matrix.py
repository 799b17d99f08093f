"""The permission matrix: for every URL pattern, who may read it (GET), who may write (POST),
and who may change one item (PUT, PATCH; DELETE where a view offers it).

The methods sent to each pattern are every method there is; the ones a route offers are read
from its view (`offered`): a DRF viewset's router actions that its `http_method_names` allow, a
class-based view's `http_method_names` that the class defines, a function view's
`require_http_methods` list (GET and POST when it has none). A method a route offers must never
be answered 405; one it does not offer must write nothing, whoever sends it.

One table, RULES, keyed by the URL pattern's route as Django joins it
("projects/<str:project_id>/edit/"), with API beside it for the API's router endpoints.
test_permission_matrix.py fails if a pattern exists that the table does not cover, so a new
page cannot arrive without its rule.

Who, from fewest to most rights:
    PUBLIC     everyone, signed in or not
    SIGNED_IN  anyone signed in (viewer and up)
    OWNER      the owner of this item, the performance team, the admin
    TEAM       the performance team and the admin
    ADMIN      the admin only
    ANY_OWNER  (API lists only) anyone who owns something, and the team: whether this owner may
               add this item is decided item by item (tests/security/test_owner_limits.py)
    NOBODY     the method is not offered (GET on a POST-only address, POST on a page that only
               reads): it must write nothing, whoever sends it
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.apps import apps
from django.db import connection
from django.urls import URLPattern, URLResolver, get_resolver, reverse

PUBLIC = "public"
SIGNED_IN = "signed in"
OWNER = "owner"
TEAM = "team"
ADMIN = "admin"
ANY_OWNER = "any owner"
NOBODY = "nobody"

# The roles, each with its demo username (None: not signed in). "other owner" owns items too,
# but not the sample items: owners change only their own.
ROLES = {
    "anonymous": None,
    "viewer": "viewer",
    "owner": "owner",
    "other owner": "owner2",
    "team": "performance",
    "admin": "admin",
}

# The seventh visitor (issue 7, docs/decisions/0002-tenants.md): a member of another council
# on the same instance, the performance team of the demo's second council (Northshire). Their
# rights in their own council are the team's; in the first council they have none, and are not
# even told that its items exist: every item route is a 404 (API: 404 or 403), and list routes
# show none of its rows. tests/security/test_other_council.py.
OTHER_COUNCIL = "a member of another council"
OTHER_COUNCIL_USERNAME = "northshire"

# The eighth visitor: a member of the performance team who looks after some plans only (a
# Person's `plans`, docs/accounts.md "Roles"), here another plan than the samples'. Outside
# their plans they have a viewer's rights; where no item of a plan is named (lists, forms for
# a new item) a team member's. `allowed` says which.
LIMITED_TEAM = "the team of another plan"


def names_a_plans_item(route: str) -> bool:
    """Whether the address names an item that sits in a plan (the samples' plan); sign-ins,
    made-up links and the like sit in none."""
    return "<" in route and not route.startswith("accounts/")


def allowed(role: str, level: str, route: str) -> bool:
    if role != LIMITED_TEAM:
        return role in ALLOWED[level]
    if level in (TEAM, OWNER):
        return not names_a_plans_item(route)
    return level in (PUBLIC, SIGNED_IN, ANY_OWNER)


ALLOWED = {
    PUBLIC: set(ROLES),
    SIGNED_IN: {"viewer", "owner", "other owner", "team", "admin"},
    OWNER: {"owner", "team", "admin"},
    TEAM: {"team", "admin"},
    ADMIN: {"admin"},
    ANY_OWNER: {"owner", "other owner", "team", "admin"},
    NOBODY: set(),
}


@dataclass(frozen=True)
class Rule:
    read: str
    write: str
    args: Callable[[SimpleNamespace], dict] = field(default=lambda s: {})
    # Form data for a POST; most forms are sent empty (allowed: the form's errors come back;
    # refused: 403 before the form is looked at).
    data: Callable[[SimpleNamespace], dict] = field(default=lambda s: {})
    # Who changes the item at this address (PUT, PATCH), where the view offers those methods.
    # None: a page that takes PUT as it takes POST (Django's form views) follows `write`.
    change: str | None = None


def _measure(s) -> dict:
    return {"measure_id": s.measure.measure_id}


def _project(s) -> dict:
    return {"project_id": s.project.project_id}


def _risk(s) -> dict:
    return {"reference": s.risk.reference}


def _report(s) -> dict:
    return {"programme_id": s.report.programme_id, "period": s.report.period}


def _paper(s) -> dict:
    return {"pk": s.paper.pk}


PAGE = Rule(SIGNED_IN, NOBODY)  # a page that only reads, for anyone signed in

RULES: dict[str, Rule] = {
    # The scorecard: the overview is public (it shows the public only what is published).
    "": Rule(PUBLIC, NOBODY),
    "outcomes/<int:pk>/": Rule(SIGNED_IN, NOBODY, lambda s: {"pk": s.outcome.pk}),
    "measures/": PAGE,
    "measures/<str:measure_id>/": Rule(SIGNED_IN, NOBODY, _measure),
    "plans/<slug:plan_id>/outcome-indicators/": Rule(
        SIGNED_IN, NOBODY, lambda s: {"plan_id": s.plan.plan_id}
    ),
    # Projects: the team adds them; the owner reports on their own.
    "projects/": PAGE,
    "projects/new/": Rule(TEAM, TEAM),
    "projects/<str:project_id>/": Rule(SIGNED_IN, NOBODY, _project),
    "projects/<str:project_id>/edit/": Rule(OWNER, OWNER, _project),
    "projects/<str:project_id>/updates/new/": Rule(OWNER, OWNER, _project),
    "projects/<str:project_id>/milestones/new/": Rule(OWNER, OWNER, _project),
    "projects/<str:project_id>/milestones/<int:pk>/edit/": Rule(
        OWNER, OWNER, lambda s: {**_project(s), "pk": s.milestone.pk}
    ),
    # Action plans and actions.
    "action-plans/": PAGE,
    "action-plans/new/": Rule(TEAM, TEAM),
    "action-plans/<int:pk>/": Rule(SIGNED_IN, NOBODY, lambda s: {"pk": s.action.action_plan_id}),
    "action-plans/<int:pk>/edit/": Rule(TEAM, TEAM, lambda s: {"pk": s.action.action_plan_id}),
    "action-plans/<int:pk>/actions/new/": Rule(
        TEAM, TEAM, lambda s: {"pk": s.action.action_plan_id}
    ),
    "actions/<int:pk>/": Rule(SIGNED_IN, NOBODY, lambda s: {"pk": s.action.pk}),
    "actions/<int:pk>/edit/": Rule(OWNER, OWNER, lambda s: {"pk": s.action.pk}),
    "actions/<int:pk>/updates/new/": Rule(OWNER, OWNER, lambda s: {"pk": s.action.pk}),
    # Highlight reports belong to the programme's owners.
    "highlight-reports/": PAGE,
    "programmes/<int:programme_id>/highlight-reports/new/": Rule(
        OWNER, OWNER, lambda s: {"programme_id": s.programme.pk}
    ),
    "programmes/<int:programme_id>/highlight-reports/<path:period>/edit/": Rule(
        OWNER, OWNER, _report
    ),
    "programmes/<int:programme_id>/highlight-reports/<path:period>/": Rule(
        SIGNED_IN, NOBODY, _report
    ),
    # Risks.
    "risks/": PAGE,
    "risks/heat-map/": PAGE,
    "risks/new/": Rule(TEAM, TEAM),
    "risks/<str:reference>/": Rule(SIGNED_IN, NOBODY, _risk),
    "risks/<str:reference>/edit/": Rule(OWNER, OWNER, _risk),
    "risks/<str:reference>/assessments/new/": Rule(OWNER, OWNER, _risk),
    # Committee papers.
    "reports/": PAGE,
    # Paper records: the performance team's for the paper's plan. The sample is a draft, which
    # only the team reads (a published paper any signed-in reader: tests/papers).
    "papers/": PAGE,
    "papers/new/": Rule(TEAM, TEAM),
    "papers/settings/": Rule(TEAM, TEAM),
    "papers/<int:pk>/": Rule(TEAM, NOBODY, _paper),
    "papers/<int:pk>/edit/": Rule(TEAM, TEAM, _paper),
    "papers/<int:pk>/seen-by/new/": Rule(TEAM, TEAM, _paper),
    "papers/<int:pk>/seen-by/<int:row>/remove/": Rule(
        NOBODY, TEAM, lambda s: {**_paper(s), "row": s.seen_by.pk}
    ),
    "papers/<int:pk>/glossary/new/": Rule(TEAM, TEAM, _paper),
    "papers/<int:pk>/glossary/<int:row>/remove/": Rule(
        NOBODY, TEAM, lambda s: {**_paper(s), "row": s.term.pk}
    ),
    "papers/<int:pk>/priorities/new/": Rule(TEAM, TEAM, _paper),
    "papers/<int:pk>/priorities/<int:row>/remove/": Rule(
        NOBODY, TEAM, lambda s: {**_paper(s), "row": s.priority.pk}
    ),
    "papers/<int:pk>/narratives/new/": Rule(TEAM, TEAM, _paper),
    "papers/<int:pk>/narratives/<int:row>/remove/": Rule(
        NOBODY, TEAM, lambda s: {**_paper(s), "row": s.narrative.pk}
    ),
    "papers/<int:pk>/publish/": Rule(NOBODY, TEAM, _paper),
    "papers/<int:pk>/new-version/": Rule(NOBODY, TEAM, _paper),
    # Claims to check before publication: the performance team's.
    "reports/claims/": Rule(TEAM, NOBODY),
    # The public scorecard and open data: everyone reads; publishing is the team's.
    "public/": Rule(PUBLIC, NOBODY),
    "public/measures/<str:measure_id>/": Rule(PUBLIC, NOBODY, _measure),
    "public/data/": Rule(PUBLIC, NOBODY),
    "public/data.csv": Rule(PUBLIC, NOBODY),
    "public/data.json": Rule(PUBLIC, NOBODY),
    "public/measures/<str:measure_id>/publish/": Rule(NOBODY, TEAM, _measure),
    "public/measures/<str:measure_id>/unpublish/": Rule(NOBODY, TEAM, _measure),
    # Accounts: the team may look at the list of sign-ins; only the admin changes it.
    "accounts/people/": Rule(TEAM, NOBODY),
    "accounts/people/<int:user_id>/": Rule(TEAM, ADMIN, lambda s: {"user_id": s.target.pk}),
    "accounts/people/<int:user_id>/switch-off/": Rule(
        NOBODY, ADMIN, lambda s: {"user_id": s.target.pk}
    ),
    "accounts/people/<int:user_id>/switch-on/": Rule(
        NOBODY, ADMIN, lambda s: {"user_id": s.target.pk}
    ),
    "accounts/people/<int:user_id>/unlock/": Rule(
        NOBODY, ADMIN, lambda s: {"user_id": s.target.pk}
    ),
    "accounts/people/<int:user_id>/revoke-tokens/": Rule(
        NOBODY, ADMIN, lambda s: {"user_id": s.target.pk}
    ),
    "accounts/invite/": Rule(ADMIN, ADMIN),
    # Your own API tokens and sessions: everyone signed in, each their own only.
    "accounts/tokens/": Rule(SIGNED_IN, NOBODY),
    "accounts/tokens/revoke/": Rule(NOBODY, SIGNED_IN),
    "accounts/tokens/revoke-all/": Rule(NOBODY, SIGNED_IN),
    "accounts/sign-out-everywhere/": Rule(NOBODY, SIGNED_IN),
    "accounts/password/": Rule(SIGNED_IN, SIGNED_IN),
    # A made-up link: the page says it does not work, for anyone.
    "accounts/set-password/<uidb64>/<token>/": Rule(
        PUBLIC, PUBLIC, lambda s: {"uidb64": "MQ", "token": "not-a-token"}
    ),
    "accounts/set-password/done/": Rule(PUBLIC, NOBODY),
    "accounts/login/": Rule(PUBLIC, PUBLIC),
    "accounts/logout/": Rule(NOBODY, SIGNED_IN),
    # The reporting cycle: owners enter their own figures; the team runs the cycle.
    "my-updates/": PAGE,
    "measures/<str:measure_id>/values/new/": Rule(OWNER, OWNER, _measure),
    "measures/<str:measure_id>/progress/": Rule(OWNER, OWNER, _measure),
    "cycles/": Rule(TEAM, NOBODY),
    "cycles/new/": Rule(TEAM, TEAM),
    "cycles/<int:pk>/": Rule(TEAM, NOBODY, lambda s: {"pk": s.cycle.pk}),
    "cycles/<int:pk>/edit/": Rule(TEAM, TEAM, lambda s: {"pk": s.cycle.pk}),
    "cycles/<int:pk>/decide/": Rule(
        NOBODY,
        TEAM,
        lambda s: {"pk": s.cycle.pk},
        lambda s: {"item": s.decide_key, "decision": "approve"},
    ),
    "cycles/<int:pk>/completeness/": Rule(TEAM, NOBODY, lambda s: {"pk": s.cycle.pk}),
    # Everyone signed in gets a workbook of their own items (none for a viewer) and may send
    # it back; what is saved is only what they may change.
    "cycles/<int:pk>/template.xlsx": Rule(SIGNED_IN, NOBODY, lambda s: {"pk": s.cycle.pk}),
    "cycles/<int:pk>/upload/": Rule(SIGNED_IN, SIGNED_IN, lambda s: {"pk": s.cycle.pk}),
    "cycles/<int:pk>/resubmit/": Rule(
        NOBODY, OWNER, lambda s: {"pk": s.cycle.pk}, lambda s: {"item": s.resubmit_key}
    ),
    # Archiving and restoring: the team's (an owner may not archive even their own measure).
    "archive/<slug:kind>/<str:key>/": Rule(
        TEAM, TEAM, lambda s: {"kind": "measure", "key": s.measure.measure_id}
    ),
    "restore/<slug:kind>/<str:key>/": Rule(
        TEAM, TEAM, lambda s: {"kind": "measure", "key": s.measure.measure_id}
    ),
    # The API: a token for a username and password; the schema.
    "api/token/": Rule(NOBODY, PUBLIC),
    # Revoking: the token itself (a session has none to revoke), or all of one's own tokens.
    "api/token/revoke/": Rule(NOBODY, NOBODY),
    "api/token/revoke-all/": Rule(NOBODY, SIGNED_IN),
    "api/schema/": Rule(PUBLIC, NOBODY),
}

# The API's endpoints, by prefix: (who reads, who adds). Reading one item follows the list;
# POST to one item is not offered. The public reads published measures and their figures.
# Changing one item (PUT, PATCH) is its owners' (through its parent: a measure's figures and
# targets, a project's updates...) and the team's, except the framework items no one owns
# (API_TEAM_CHANGES): the team's only. Nothing is deleted through the API.
API: dict[str, tuple[str, str]] = {
    "organisations": (SIGNED_IN, TEAM),
    "boards": (SIGNED_IN, TEAM),
    "people": (SIGNED_IN, TEAM),
    "plans": (SIGNED_IN, TEAM),
    "outcomes": (SIGNED_IN, TEAM),
    "priorities": (SIGNED_IN, TEAM),
    "programmes": (SIGNED_IN, TEAM),
    "measures": (PUBLIC, TEAM),
    "targets": (PUBLIC, TEAM),
    "observations": (PUBLIC, ANY_OWNER),
    "comparator-values": (SIGNED_IN, ANY_OWNER),
    "projects": (SIGNED_IN, TEAM),
    "project-updates": (SIGNED_IN, ANY_OWNER),
    "milestones": (SIGNED_IN, ANY_OWNER),
    "action-plans": (SIGNED_IN, TEAM),
    "actions": (SIGNED_IN, TEAM),
    "action-updates": (SIGNED_IN, ANY_OWNER),
    "highlight-reports": (SIGNED_IN, ANY_OWNER),
    "risks": (SIGNED_IN, TEAM),
    "risk-assessments": (SIGNED_IN, ANY_OWNER),
}


API_TEAM_CHANGES = {"organisations", "boards", "people", "plans", "outcomes", "priorities"}
API_TEAM_CHANGES |= {"action-plans"}

# Each endpoint's item is one of the samples, or sits in one (all the demo owner's), so the
# owner's right to change it is known: {prefix: the filter that finds it}. (A comparator value:
# the first, whose measure test_permission_matrix.py gives the demo owner.)
_API_SAMPLE = {
    "measures": lambda s: {"pk": s.measure.pk},
    "targets": lambda s: {"measure": s.measure},
    "observations": lambda s: {"measure": s.measure},
    "programmes": lambda s: {"pk": s.programme.pk},
    "highlight-reports": lambda s: {"programme": s.programme},
    "projects": lambda s: {"pk": s.project.pk},
    "project-updates": lambda s: {"project": s.project},
    "milestones": lambda s: {"project": s.project},
    "actions": lambda s: {"pk": s.action.pk},
    "action-updates": lambda s: {"action": s.action},
    "risks": lambda s: {"pk": s.risk.pk},
    "risk-assessments": lambda s: {"risk": s.risk},
    "plans": lambda s: {"pk": s.plan.pk},
    "outcomes": lambda s: {"plan": s.plan},
    "priorities": lambda s: {"outcome__plan": s.plan},
    "action-plans": lambda s: {"pk": s.action.action_plan_id},
}


def _api_item(prefix: str):
    """{lookup: value} for one item of the endpoint: one the public may read where it may."""

    def kwargs(s) -> dict:
        from scorecard.api.views import ENDPOINTS

        view = ENDPOINTS[prefix]
        model = view.queryset.model
        items = model._default_manager.order_by("pk")
        if prefix in _API_SAMPLE:
            items = items.filter(**_API_SAMPLE[prefix](s))
        lookup = getattr(view, "lookup_field", "pk")
        item = items.first()
        assert item is not None, f"the demo has no {prefix} for the API matrix"
        return {lookup: getattr(item, lookup)}

    return kwargs


def _api_route_prefix(route: str) -> str | None:
    """The endpoint of a router route: measures for api/^measures/$ and its detail route."""
    if not route.startswith("api/^"):
        return None
    return route[len("api/^") :].split("/", 1)[0]


def rule_for(route: str) -> Rule | None:
    if route in RULES:
        return RULES[route]
    prefix = _api_route_prefix(route)
    if prefix not in API:
        return None
    read, write = API[prefix]
    if route == f"api/^{prefix}/$":
        return Rule(read, write)
    change = TEAM if prefix in API_TEAM_CHANGES else OWNER
    return Rule(read, NOBODY, _api_item(prefix), change=change)


# --- The methods: every one is sent; the view says which it offers --------------------------

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
_NOT_A_REQUEST = {"head", "options", "trace"}


def offered(route: str) -> set[str]:
    """The methods the route's view offers, read from the view itself."""
    callback = _find(route).callback
    view = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
    actions = getattr(callback, "actions", None)
    if actions is not None:  # a DRF router route: its actions, as the viewset allows them
        names = {method for method in actions if method in view.http_method_names}
    elif view is not None:  # a class-based view: the methods it allows and defines
        names = {method for method in view.http_method_names if hasattr(view, method)}
    else:  # a function view: its require_http_methods list, under any other decorator
        names = {"get", "post"}
        function = callback
        while function is not None:
            free = dict(zip(function.__code__.co_freevars, function.__closure__ or (), strict=True))
            if "request_method_list" in free:
                names = {m.lower() for m in free["request_method_list"].cell_contents}
                break
            function = getattr(function, "__wrapped__", None)
    return {method.upper() for method in names - _NOT_A_REQUEST}


def level(route: str, rule: Rule, method: str) -> str:
    """Who may send this method to this route, by the rules above."""
    if method == "GET":
        return rule.read
    if method == "POST":
        return rule.write
    if method not in offered(route):
        return NOBODY
    if rule.change is not None:
        return rule.change if method in ("PUT", "PATCH") else NOBODY
    return rule.write


# --- Every URL pattern ---------------------------------------------------------------------


def routes() -> list[str]:
    """Every URL pattern's route, joined through its includes."""
    return [route for route, _, _ in _walk()]


def is_api(route: str) -> bool:
    return route.startswith("api/")


def address(route: str, samples: SimpleNamespace) -> str:
    """The route with the sample arguments filled in."""
    pattern = _find(route)
    kwargs = rule_for(route).args(samples)
    if pattern.name:
        namespace = _namespaces().get(route, "")
        return reverse(f"{namespace}{pattern.name}", kwargs=kwargs or None)
    raise AssertionError(f"{route} has no name: give it one so the matrix can reach it")


def _walk(patterns=None, prefix: str = "", namespace: str = ""):
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
            yield from _walk(pattern.url_patterns, route, inner)
        else:
            yield route, pattern, namespace


def _find(route: str) -> URLPattern:
    for found, pattern, _ in _walk():
        if found == route:
            return pattern
    raise KeyError(route)


def _namespaces() -> dict[str, str]:
    return {route: namespace for route, _, namespace in _walk()}


# --- Nothing written: a fingerprint of the database ----------------------------------------

# Sessions change with every sign-in, and the audit trail may note who looked; neither is a
# change to the council's data.
UNWATCHED_APPS = {"sessions", "audit"}


def fingerprint() -> str:
    """A checksum of every row of every table that holds the council's data."""
    digest = hashlib.sha256()
    tables = set(connection.introspection.table_names())
    for model in apps.get_models():
        if model._meta.app_label in UNWATCHED_APPS or model._meta.db_table not in tables:
            continue
        rows = model._default_manager.order_by("pk").values_list()
        digest.update(model._meta.label.encode())
        digest.update(repr(list(rows)).encode())
    return digest.hexdigest()
