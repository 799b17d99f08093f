"""The public's way in: "/" leads to the public scorecard; every internal page asks for a
sign-in (a sample here; tests/security has the full permission matrix)."""

import pytest

pytestmark = pytest.mark.django_db

INTERNAL = [
    "/measures/",
    "/measures/BP-HV-NBV/",
    "/measures/CPB-CLA-RATE/",
    "/plans/cypp/outcome-indicators/",
    "/projects/",
    "/action-plans/",
    "/risks/",
    "/highlight-reports/",
    "/reports/",
]


def test_the_public_at_the_front_door_goes_to_the_public_scorecard(anonymous_client, demo_council):
    response = anonymous_client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/public/"


def test_signed_in_people_get_the_overview(client, demo_council):
    response = client.get("/")
    assert response.status_code == 200
    assert "High level summary" in response.content.decode()


@pytest.mark.parametrize("url", INTERNAL)
def test_the_public_is_asked_to_sign_in_for_internal_pages(anonymous_client, demo_council, url):
    response = anonymous_client.get(url)
    assert response.status_code == 302, url
    assert response["Location"].startswith("/accounts/login/?next="), url
