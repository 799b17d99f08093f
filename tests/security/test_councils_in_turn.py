"""Two councils on one instance, served in turn by one process (issue 16, D1).

Whatever council the first request of a process acts for, the next request of another council
sees its own rows: a queryset made once and kept (an API view's `queryset`, a serializer's link
field, a form's choices, all made as the URLconf is imported, inside the first request) must
carry no council. Each council's visitor goes through the public pages, a form's choices and
every list of the API, and writes a figure through the API, after the other council's visit;
both orders, in the process as it is and with the URLconf imported afresh inside the first
council's request.
"""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Iterator

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import clear_url_caches, set_urlconf
from knox.models import AuthToken
from rest_framework.test import APIClient

from scorecard.framework.models import Plan
from scorecard.tenancy.models import Tenant
from scorecard.tenancy.scope import every_tenant

pytestmark = pytest.mark.django_db

OTHER = "northshire"
# The performance team of each council, and a figure each may enter for one of its measures
# (the period after the measure's latest one).
TEAM = {"first": "performance", OTHER: "northshire"}
FIGURE = {
    "first": {"measure": "BP-HV-NBV", "period": "2019/20 Q2", "value": "86.4"},
    OTHER: {"measure": "NS-NEW-HOMES", "period": "2019/20 Q3", "value": "140"},
}

# The modules whose classes and module-level names are made when the URLconf is imported:
# addresses, views, forms and the API. Models, apps and the tenancy machinery stay.
_MADE_WITH_THE_URLCONF = re.compile(
    r"^scorecard(\.urls|\.form_pages|\.forms|\.api\.(?!apps$)\w+|\.\w+\.(urls|views|\w*forms))$"
)


@pytest.fixture
def fresh_urlconf() -> Iterator[None]:
    """The URLconf, views, forms and API modules forgotten, so that the next request imports
    them again (as the first request of a new process does); put back afterwards."""
    kept = {
        name: module for name, module in sys.modules.items() if _MADE_WITH_THE_URLCONF.match(name)
    }
    for name in kept:
        del sys.modules[name]
    clear_url_caches()
    set_urlconf(None)
    try:
        yield
    finally:
        for name in [name for name in sys.modules if _MADE_WITH_THE_URLCONF.match(name)]:
            del sys.modules[name]
        sys.modules.update(kept)
        clear_url_caches()
        set_urlconf(None)


def _slug(council: str) -> str:
    if council != "first":
        return council
    with every_tenant():
        return Tenant.objects.exclude(slug=OTHER).order_by("pk").first().slug


def _tenant(council: str) -> Tenant:
    with every_tenant():
        return Tenant.objects.get(slug=_slug(council))


def visit_public(council: str) -> None:
    response = Client().get("/public/", {"council": _slug(council)})
    assert response.status_code == 200


def check_new_risk_form(council: str) -> None:
    """The new-risk form offers this council's plans and none of the other's."""
    tenant = _tenant(council)
    with every_tenant():
        mine = {plan.name for plan in Plan.objects.for_tenant(tenant)}
        others = {plan.name for plan in Plan.objects.exclude(tenant=tenant)}
    client = Client()
    client.force_login(User.objects.get(username=TEAM[council]))
    response = client.get("/risks/new/")
    assert response.status_code == 200
    select = re.search(r'<select[^>]*name="plan".*?</select>', response.text, re.S)
    assert select is not None, "the new-risk form has no choice of plan"
    offered = set(re.findall(r"<option[^>]*>([^<]*)</option>", select.group(0)))
    offered = {html.unescape(text).strip() for text in offered}
    assert mine and mine <= offered, f"{council}'s new-risk form offers {offered}, not {mine}"
    assert not others & offered


def _api(council: str) -> APIClient:
    user = User.objects.get(username=TEAM[council])
    _, token = AuthToken.objects.create(user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client


def check_api_lists(council: str) -> None:
    """Every list of the API shows rows to the council's team where the council has rows of
    that kind, and none of another council's."""
    from scorecard.api.views import ENDPOINTS

    tenant = _tenant(council)
    client = _api(council)
    for prefix, viewset in ENDPOINTS.items():
        model = viewset.queryset.model if viewset.queryset is not None else None
        if model is None:
            model = viewset.serializer_class.Meta.model
        with every_tenant():
            tenant_owned = hasattr(model.objects, "for_tenant")
            rows = model.objects.for_tenant(tenant) if tenant_owned else model.objects.all()
            total = rows.count()
        response = client.get(f"/api/{prefix}/")
        assert response.status_code == 200, (prefix, response.content[:300])
        count = response.json()["count"]
        if total:
            assert count > 0, f"{council}'s team sees no {prefix} (it has {total})"
        if tenant_owned:
            assert count <= total, f"{council}'s team sees {count} {prefix} of {total}"


def check_api_write(council: str) -> None:
    response = _api(council).post("/api/observations/", FIGURE[council], format="json")
    assert response.status_code == 201, response.content


def visit(council: str) -> None:
    check_new_risk_form(council)
    check_api_lists(council)
    check_api_write(council)


ORDERS = [("first", OTHER), (OTHER, "first")]


@pytest.mark.parametrize(("one", "then"), ORDERS)
def test_two_councils_in_turn_each_see_their_own(demo_roles, one, then):
    visit_public(one)
    visit(then)
    visit_public(then)
    visit(one)


@pytest.mark.parametrize(("one", "then"), ORDERS)
def test_a_first_request_of_one_council_leaves_nothing_for_the_next(
    demo_roles, fresh_urlconf, one, then
):
    """The first request of a process (it imports the URLconf) is the public page of one
    council; the other council's team then sees its own rows, then the first's its own."""
    visit_public(one)
    visit(then)
    visit(one)


def test_a_subquery_is_limited_without_hiding_the_outer_querys_tables(demo_roles):
    """The limit joins tables into a correlated subquery as it is run; those joins must not
    take the names of the outer query's tables, which the subquery refers to."""
    from django.db.models import Exists, OuterRef

    from scorecard.measures.models import Measure, Observation
    from scorecard.tenancy.scope import acting_for

    tenant = _tenant("first")
    with every_tenant():
        # A measure with no figures (the demo's all have some).
        bare = Measure.objects.for_tenant(tenant).order_by("pk").first()
        Observation.objects.filter(measure=bare).delete()
    with acting_for(tenant):
        figures = Observation.objects.filter(measure=OuterRef("pk"))
        answered = dict(
            Measure.objects.annotate(has=Exists(figures)).values_list("measure_id", "has")
        )
        expected = set(Observation.objects.values_list("measure__measure_id", flat=True))
        sql = str(Measure.objects.annotate(has=Exists(figures)).query)
    # Every table the subquery joins has an alias of its own (a bare table name there would
    # hide the outer query's table of that name from the subquery's references to it).
    subquery = sql[sql.index("EXISTS(") :]
    assert not re.findall(r'JOIN "\w+" ON', subquery), subquery
    with every_tenant():
        mine = set(Measure.objects.for_tenant(tenant).values_list("measure_id", flat=True))
    assert set(answered) == mine
    assert {measure for measure, has in answered.items() if has} == expected
    assert expected != mine, "the test needs a measure with no figures"
