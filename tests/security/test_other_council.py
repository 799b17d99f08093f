"""The tenant boundary (issue 7, docs/decisions/0002-tenants.md): a member of another council
on the same instance is not told that the first council's items exist.

Every URL pattern is requested as that visitor (the performance team of the demo's second
council, Northshire): an item route of the first council answers 404 (the API 404 or 403),
whatever the method, and writes nothing; a list route, the overview, the reports page and the
API's lists show none of the first council's rows. A page or endpoint added later that reads a
tenant-owned model without the tenant's limit fails here, as does a model that points at a
tenant-owned one without belonging to a tenant itself."""

from __future__ import annotations

import re

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.test import Client

from scorecard.tenancy.models import Tenant, TenantManager
from tests.security.matrix import (
    ADMIN,
    METHODS,
    NOBODY,
    OTHER_COUNCIL_USERNAME,
    address,
    fingerprint,
    is_api,
    level,
    offered,
    routes,
    rule_for,
)

pytestmark = pytest.mark.django_db

ROUTES = sorted(routes())
# Routes with an item in the address, and routes without (lists, forms for a new item…).
ITEM_ROUTES = [route for route in ROUTES if "<" in route]
LIST_ROUTES = [route for route in ROUTES if "<" not in route]
# Not a council's item: a made-up password link.
NOT_AN_ITEM = {"accounts/set-password/<uidb64>/<token>/"}
# Shared by every council: national statistics, the instance's own bookkeeping.
SHARED_APPS = {"benchmarking", "audit", "tenancy", "auth", "contenttypes", "sessions", "authtoken"}
SHARED_APPS |= {"admin", "messages", "staticfiles", "humanize", "rest_framework"}


@pytest.fixture
def other_council(demo_roles):
    client = Client()
    client.force_login(User.objects.get(username=OTHER_COUNCIL_USERNAME))
    return client


@pytest.fixture
def first_council(demo_roles):
    return Tenant.objects.exclude(slug="northshire").order_by("pk").first()


def markers(first) -> set[str]:
    """Words that show a row of the first council: its measures' identifiers and titles, its
    plans', organisations', boards' and people's names, its projects' and risks' titles
    (plain ones only, so that escaping in HTML or JSON cannot hide them)."""
    from scorecard.delivery.models import Project
    from scorecard.framework.models import Board, Organisation, Plan
    from scorecard.measures.models import Measure
    from scorecard.people.models import Person
    from scorecard.risks.models import Risk

    found: set[str] = set()
    for model, fields in (
        (Measure, ("measure_id", "title")),
        (Plan, ("plan_id", "name")),
        (Organisation, ("name",)),
        (Board, ("name",)),
        (Person, ("name",)),
        (Project, ("title",)),
        (Risk, ("reference", "title")),
    ):
        for row in model.objects.for_tenant(first).values_list(*fields):
            found.update(row)
    plain = re.compile(r"[A-Za-z0-9 ,.-]{8,}")
    return {word for word in found if word and plain.fullmatch(word)}


def _api_item_address(route: str, first) -> str:
    """An item of the first council at this API detail route."""
    from scorecard.api.views import ENDPOINTS

    prefix = route[len("api/^") :].split("/", 1)[0]
    view = ENDPOINTS[prefix]
    model = view.queryset.model
    lookup = getattr(view, "lookup_field", "pk")
    item = model._default_manager.for_tenant(first).order_by("pk").first()
    assert item is not None, f"the demo's first council has no {prefix}"
    return f"/api/{prefix}/{getattr(item, lookup)}/"


def _refusal_problem(route: str, method: str, response) -> str | None:
    status = response.status_code
    if status == 404:
        return None
    if is_api(route) and status == 403:
        return None
    rule = rule_for(route)
    # Refused before any item is looked up, as for an item that does not exist: the address
    # does not offer the method, or only the instance's administrator may use it.
    if level(route, rule, method) in (NOBODY, ADMIN) and status in (403, 405):
        if status == 405 and method in offered(route):
            return "405, although the view offers this method"
        return None
    return f"expected 404, got {status}"


@pytest.mark.parametrize("route", [r for r in ITEM_ROUTES if r not in NOT_AN_ITEM])
def test_another_councils_items_are_not_found(route, demo_roles, other_council, first_council):
    api = is_api(route)
    url = _api_item_address(route, first_council) if api else address(route, demo_roles)
    data = rule_for(route).data(demo_roles)
    before = fingerprint()
    problems = []
    # Every method, whatever the route offers (read from its view: tests/security/matrix.py).
    for method in METHODS:
        if method == "GET":
            response = other_council.get(url)
        elif method == "POST" or not api:
            response = getattr(other_council, method.lower())(url, data)
        else:
            response = getattr(other_council, method.lower())(
                url, data, content_type="application/json"
            )
        problem = _refusal_problem(route, method, response)
        if problem:
            problems.append(f"{method} {url}: {problem}")
    if fingerprint() != before:
        problems.append(f"the database changed: {url}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("route", LIST_ROUTES)
def test_another_councils_rows_are_in_no_list(route, demo_roles, other_council, first_council):
    rule = rule_for(route)
    url = address(route, demo_roles)
    response = other_council.get(url)
    if response.status_code != 200:
        assert response.status_code < 500, f"GET {url}: {response.status_code}"
        return
    body = response.content.decode("utf-8", errors="replace")
    shown = sorted(word for word in markers(first_council) if word in body)
    assert not shown, f"GET {url} shows the first council's {shown[:5]}"
    assert rule is not None


def test_the_markers_would_be_seen(demo_roles, first_council):
    """The check above can fail: the first council's own team sees its rows on the lists."""
    client = Client()
    client.force_login(User.objects.get(username="performance"))
    body = client.get("/measures/").content.decode()
    assert any(word in body for word in markers(first_council))
    body = client.get("/api/measures/").content.decode()
    assert any(word in body for word in markers(first_council))


def test_the_other_council_sees_its_own(demo_roles, other_council):
    """…and the other council's member sees their own council's rows, but not the first's."""
    body = other_council.get("/measures/").content.decode()
    assert "NS-NEW-HOMES" in body
    assert other_council.get("/measures/NS-NEW-HOMES/").status_code == 200
    listed = other_council.get("/api/plans/").json()
    assert [plan["plan_id"] for plan in listed["results"]] == ["northshire-plan"]


def test_the_instance_administrator_sees_every_council(demo_roles):
    client = Client()
    client.force_login(User.objects.get(username="admin"))
    assert client.get("/measures/NS-NEW-HOMES/").status_code == 200
    assert client.get(f"/measures/{demo_roles.measure.measure_id}/").status_code == 200


def test_the_public_sees_the_council_it_chooses(demo_roles):
    """The public scorecard is one council's: the default one, or ?council=SLUG (kept for the
    visit)."""
    client = Client()
    first = client.get("/public/").content.decode()
    assert "NS-NEW-HOMES" not in first
    assert client.get("/public/measures/NS-NEW-HOMES/").status_code == 404
    chosen = client.get("/public/?council=northshire").content.decode()
    assert "NS-NEW-HOMES" in chosen
    assert demo_roles.measure.measure_id not in chosen
    assert client.get("/public/measures/NS-NEW-HOMES/").status_code == 200


def test_a_councils_own_host_shows_the_public_its_scorecard(demo_roles, settings):
    """On a council's own host name the public sees that council, and ?council= does not
    change it; elsewhere the default council, as before."""
    settings.ALLOWED_HOSTS = ["scorecard.northshire.example", "testserver"]
    Tenant.objects.filter(slug="northshire").update(host="scorecard.northshire.example")
    own = Client(HTTP_HOST="scorecard.northshire.example:8443")
    page = own.get("/public/").content.decode()
    assert "NS-NEW-HOMES" in page and demo_roles.measure.measure_id not in page
    asked = own.get(f"/public/?council={Tenant.default().slug}").content.decode()
    assert "NS-NEW-HOMES" in asked and demo_roles.measure.measure_id not in asked
    own_measure = own.get(f"/public/measures/{demo_roles.measure.measure_id}/")
    assert own_measure.status_code == 404
    elsewhere = Client().get("/public/").content.decode()
    assert "NS-NEW-HOMES" not in elsewhere and demo_roles.measure.measure_id in elsewhere
    assert Client().get(f"/public/measures/{demo_roles.measure.measure_id}/").status_code == 200


def test_a_new_plan_goes_into_the_creators_council(demo_roles, other_council):
    from scorecard.framework.models import Plan

    response = other_council.post(
        "/api/plans/",
        {"plan_id": "northshire-second", "name": "Second plan"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert Plan.objects.get(plan_id="northshire-second").tenant.slug == "northshire"


def test_a_role_gives_plans_of_the_persons_own_council_only(demo_roles, first_council):
    """The instance's administrator sees every council's plans; a plan of the first council
    given to a member of the other would let them change it, and is refused."""
    from scorecard.framework.models import Plan

    member = User.objects.get(username=OTHER_COUNCIL_USERNAME)
    own = Plan.objects.filter(tenant__slug="northshire").first()
    foreign = Plan.objects.filter(tenant=first_council).first()
    admin = Client()
    admin.force_login(User.objects.get(username="admin"))
    address = f"/accounts/people/{member.pk}/"
    before = set(member.person.plans.all())

    refused = admin.post(address, {"role": "performance team", "plans": [foreign.pk]})
    assert refused.status_code == 200
    assert "Select a valid choice" in refused.content.decode()
    assert set(member.person.plans.all()) == before
    assert foreign.name not in admin.get(address).content.decode()

    assert admin.post(address, {"role": "performance team", "plans": [own.pk]}).status_code == 302
    assert list(member.person.plans.all()) == [own]


def test_every_model_pointing_at_a_councils_rows_belongs_to_a_council():
    """The guard for models: a model with a foreign key to a tenant-owned model is tenant-owned
    itself (a `TenantManager` and a `TENANT_PATH` that reaches a tenant), or shared on
    purpose (SHARED_APPS). A new model that forgets the boundary fails here."""
    owned = {
        model for model in apps.get_models() if isinstance(model._default_manager, TenantManager)
    }
    problems = []
    for model in apps.get_models():
        if model._meta.app_label in SHARED_APPS or model in owned:
            continue
        pointing = [
            field.name
            for field in model._meta.get_fields()
            if field.many_to_one and field.concrete and field.related_model in owned
        ]
        if pointing:
            problems.append(f"{model._meta.label} ({', '.join(pointing)})")
    assert not problems, "not tenant-owned, but pointing at tenant-owned rows: " + ", ".join(
        problems
    )
    for model in owned:
        assert model.TENANT_PATH.split("__")[-1] == "tenant"
        # The path is one the database can follow.
        list(model._default_manager.for_tenant(1).values("pk")[:1])
