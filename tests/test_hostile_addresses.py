"""No address, however odd, gets a 500: unknown things are 404, malformed ones 400."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

odd_text = st.text(max_size=60)


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
@given(period=odd_text, plan=odd_text)
def test_any_period_or_plan_in_the_query_is_answered_without_error(client, period, plan):
    response = client.get("/", {"period": period, "plan": plan})
    assert response.status_code in (200, 400, 404)


@settings(
    max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(measure_id=odd_text.filter(lambda t: "/" not in t and t.strip()))
def test_any_measure_id_is_answered_without_error(client, measure_id):
    from urllib.parse import quote

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
@given(period=odd_text, plan=odd_text, flag=odd_text)
def test_any_query_on_the_delivery_pages_is_answered_without_error(
    client, path, period, plan, flag
):
    response = client.get(path, {"period": period, "plan": plan, "flag": flag})
    assert response.status_code in (200, 400, 404)


@pytest.mark.parametrize(
    "template",
    [
        "/projects/{}/",
        "/risks/{}/",
        "/actions/{}/",
        "/action-plans/{}/",
        "/programmes/{}/highlight-reports/Q4 2017/18/",
        "/programmes/1/highlight-reports/{}/",
    ],
)
@settings(
    max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)
@given(key=odd_text.filter(lambda t: "/" not in t and t.strip()))
def test_any_delivery_key_is_answered_without_error(client, template, key):
    from urllib.parse import quote

    response = client.get(template.format(quote(key, safe="")))
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
