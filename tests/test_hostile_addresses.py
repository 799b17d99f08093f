"""No address, however odd, gets a 500: unknown things are 404, malformed ones 400.

Fuzzed against the demo council (loaded once for the module), not an empty database: a page
that only fails when it has rows to show, or a key that exists, is reached too."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.security.conftest import loaded_council  # noqa: F401  (the demo, once a module)

pytestmark = pytest.mark.django_db

odd_text = st.text(max_size=60)


@pytest.fixture(autouse=True)
def demo(loaded_council, db):  # noqa: F811
    """Every test here runs on the demo; the keys it has, for the fuzzers to mix in."""
    from scorecard.delivery.models import Action, ActionPlan, HighlightReport, Project
    from scorecard.framework.models import Plan
    from scorecard.measures.models import Measure
    from scorecard.risks.models import Risk

    keys = {
        "measure": list(Measure.objects.values_list("measure_id", flat=True)),
        "plan": list(Plan.objects.values_list("plan_id", flat=True)),
        "project": list(Project.objects.values_list("project_id", flat=True)),
        "risk": list(Risk.objects.values_list("reference", flat=True)),
        "action": [str(pk) for pk in Action.objects.values_list("pk", flat=True)],
        "action plan": [str(pk) for pk in ActionPlan.objects.values_list("pk", flat=True)],
        "programme": [
            str(pk) for pk in HighlightReport.objects.values_list("programme_id", flat=True)
        ],
    }
    assert all(keys.values()), "the demo is not loaded: the fuzzing would test an empty database"
    return keys


def known_or_odd(keys: list[str]):
    """Half the time a key the demo has (its page is drawn), else odd text."""
    return st.sampled_from(keys) | odd_text


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/?plan=%00", 400),
        ("/measures/%00/", 400),
        ("/?period=%00", 400),
        ("/?period=" + "9" * 5000, 404),
        ("/measures/" + "x" * 5000 + "/", 404),
        ("/outcomes/99999999999999999999/", 404),
    ],
)
def test_hostile_addresses_are_refused_cleanly(client, url, status):
    assert client.get(url).status_code == status


@settings(
    max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(period=odd_text | st.sampled_from(["Q2 2019/20", "2018/19", "Mar-18"]), data=st.data())
def test_any_period_or_plan_in_the_query_is_answered_without_error(client, demo, period, data):
    plan = data.draw(known_or_odd(demo["plan"]))
    response = client.get("/", {"period": period, "plan": plan})
    assert response.status_code in (200, 400, 404)


@settings(
    max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(data=st.data())
def test_any_measure_id_is_answered_without_error(client, demo, data):
    from urllib.parse import quote

    measure_id = data.draw(
        st.sampled_from(demo["measure"]) | odd_text.filter(lambda t: "/" not in t and t.strip())
    )
    response = client.get(f"/measures/{quote(measure_id, safe='')}/")
    assert response.status_code in (200, 400, 404)


DELIVERY_LISTS = [
    "/projects/",
    "/action-plans/",
    "/highlight-reports/",
    "/risks/",
    "/risks/heat-map/",
]


@pytest.mark.parametrize("path", DELIVERY_LISTS)
@settings(
    max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(period=odd_text, flag=odd_text, data=st.data())
def test_any_query_on_the_delivery_pages_is_answered_without_error(
    client, demo, path, period, flag, data
):
    plan = data.draw(known_or_odd(demo["plan"]))
    response = client.get(path, {"period": period, "plan": plan, "flag": flag})
    assert response.status_code in (200, 400, 404)


@pytest.mark.parametrize(
    ("template", "kind"),
    [
        ("/projects/{}/", "project"),
        ("/risks/{}/", "risk"),
        ("/actions/{}/", "action"),
        ("/action-plans/{}/", "action plan"),
        ("/programmes/{}/highlight-reports/Q4 2017/18/", "programme"),
        ("/programmes/{programme}/highlight-reports/{}/", None),
    ],
)
@settings(
    max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(data=st.data())
def test_any_delivery_key_is_answered_without_error(client, demo, template, kind, data):
    from urllib.parse import quote

    # "new" is not a key but the address of the form that adds one ("/projects/new/"), which
    # this reader may be refused (403): that page is fuzzed with the forms, not here.
    odd = odd_text.filter(lambda t: "/" not in t and t.strip() and t != "new")
    key = data.draw(st.sampled_from(demo[kind]) | odd if kind else odd)
    response = client.get(template.format(quote(key, safe=""), programme=demo["programme"][0]))
    assert response.status_code in (200, 400, 404)


@settings(
    max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(
    kind=st.sampled_from(["corporate", "programme", "actions", "dashboard", "risks"]) | odd_text,
    period=st.sampled_from(["Q2 2019/20", "2018/19", "Mar-18"]) | odd_text,
    plan=st.sampled_from(["", "cypp"]) | odd_text,
    format_name=st.sampled_from(["html", "xlsx"]) | odd_text,
)
def test_any_report_request_is_answered_without_error(client, kind, period, plan, format_name):
    response = client.get(
        "/reports/", {"kind": kind, "period": period, "plan": plan, "format": format_name}
    )
    assert response.status_code in (200, 400)


# Text that str.isdigit() takes and int() does not read, another script's digit, a number too
# big for any id, a sign, nothing (NUL is refused before any view: see the cases above; the
# API's filters get more kinds, tests/api/test_validation.py).
HOSTILE_NUMBERS = ["1\u00b3", "\u0663", str(10**30), "-1", ""]


def _page_parameters() -> dict[str, set[str]]:
    """Each page without an item in its address (not the API), and the query parameters its
    view's module reads (`request.GET.get("...")`, a form bound to `request.GET`), or a module
    of ours it imports reads for it (`measures/picking.py` reads `?plan=` and `?period=` for
    every page), with those every page reads (`?council=`, `?as_at=`): so a parameter added
    later is fuzzed too."""
    import importlib
    import inspect
    import re

    from scorecard.tenancy.middleware import COUNCIL_PARAMETER
    from tests.security.matrix import _walk

    read = re.compile(r"""GET(?:\.get|\.getlist)?[(\[]\s*["']([\w-]+)["']""")
    bound = re.compile(r"(\w+)\(\s*request\.GET\b")
    everywhere = {COUNCIL_PARAMETER, "as_at"}
    found: dict[str, set[str]] = {}
    for route, pattern, _ in _walk():
        if "<" in route or route.startswith("api/") or not hasattr(pattern, "callback"):
            continue
        module = importlib.import_module(pattern.callback.__module__)
        source = inspect.getsource(module)
        for helper in _request_readers(source):
            source += inspect.getsource(importlib.import_module(helper))
        names = set(read.findall(source))
        for form_name in bound.findall(source):
            form = getattr(module, form_name, None)
            names |= set(getattr(form, "base_fields", {}))
        found["/" + route] = names | everywhere
    return found


def _request_readers(source: str) -> set[str]:
    """The modules of ours a view module imports from that read the request's query."""
    import importlib
    import inspect
    import re

    found = set()
    for name in set(re.findall(r"^from (scorecard[\w.]*) import", source, re.MULTILINE)):
        try:
            reads = "request.GET" in inspect.getsource(importlib.import_module(name))
        except OSError:  # a package with an empty __init__: nothing to read
            reads = False
        if reads:
            found.add(name)
    return found


def test_every_page_query_parameter_is_fuzzed():
    pages = _page_parameters()
    assert {"period", "plan"} <= pages["/"]
    assert {"kind", "period", "plan", "format"} <= pages["/reports/"]


def test_no_number_in_a_page_address_is_a_server_error(client):
    """Every parameter of every page, alone, with each hostile number: a page or a 400/404
    saying why, never a 500."""
    failures = []
    for path, names in sorted(_page_parameters().items()):
        for name in sorted(names):
            for value in HOSTILE_NUMBERS:
                response = client.get(path, {name: value})
                if response.status_code >= 500:
                    failures.append((path, name, value[:12], response.status_code))
    assert not failures
