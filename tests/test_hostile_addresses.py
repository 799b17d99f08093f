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
