"""Tokens, the throttle on them, and the schema."""

import pytest
import yaml
from django.test import Client

pytestmark = pytest.mark.django_db


def test_a_token_for_a_username_and_password(public_api, api_as):
    response = public_api.post(
        "/api/token/", {"username": "owner", "password": "scorecard-demo"}, format="json"
    )
    assert response.status_code == 200
    token = response.json()["token"]
    listed = Client().get("/api/projects/", HTTP_AUTHORIZATION=f"Token {token}")
    assert listed.status_code == 200


def test_a_form_posted_token_request_works_too(public_api):
    response = Client().post("/api/token/", {"username": "owner", "password": "scorecard-demo"})
    assert response.status_code == 200
    assert response.json()["token"]


def test_a_wrong_password_gets_no_token(public_api):
    response = public_api.post(
        "/api/token/", {"username": "owner", "password": "guess"}, format="json"
    )
    assert response.status_code == 400
    assert "token" not in response.json()


def test_the_token_endpoint_is_throttled(public_api):
    # Guesses at many usernames (each username's own lockout is tests/people's): the endpoint's
    # rate limit counts them all.
    answers = [
        public_api.post(
            "/api/token/", {"username": f"someone-{n}", "password": f"guess-{n}"}, format="json"
        ).status_code
        for n in range(12)
    ]
    assert answers[:10] == [400] * 10
    assert answers[10:] == [429, 429]
    # Even the right password waits now.
    response = public_api.post(
        "/api/token/", {"username": "owner", "password": "scorecard-demo"}, format="json"
    )
    assert response.status_code == 429


def test_a_forged_forwarded_for_header_does_not_escape_the_token_throttle(public_api):
    # Each guess claims to come from a new address; the throttle counts the connection's.
    answers = [
        public_api.post(
            "/api/token/",
            {"username": f"someone-{n}", "password": f"guess-{n}"},
            format="json",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}",
        ).status_code
        for n in range(12)
    ]
    assert answers[:10] == [400] * 10
    assert answers[10:] == [429, 429]


def test_trusted_proxies_are_counted_from_the_environment(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from scorecard.settings import env

    monkeypatch.delenv("SCORECARD_PROXIES", raising=False)
    assert env.count("SCORECARD_PROXIES") == 0
    monkeypatch.setenv("SCORECARD_PROXIES", "1")
    assert env.count("SCORECARD_PROXIES") == 1
    for wrong in ("-1", "one", "1.5"):
        monkeypatch.setenv("SCORECARD_PROXIES", wrong)
        with pytest.raises(ImproperlyConfigured, match="SCORECARD_PROXIES"):
            env.count("SCORECARD_PROXIES")


def test_by_default_no_proxy_is_trusted():
    from django.conf import settings

    assert settings.REST_FRAMEWORK["NUM_PROXIES"] == 0


def test_a_wrong_token_is_refused(public_api):
    response = Client().get("/api/measures/", HTTP_AUTHORIZATION="Token not-a-token")
    assert response.status_code == 401


def test_the_api_answers_with_json_not_the_sign_in_page(public_api):
    response = Client().get("/api/projects/")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/json"


def test_the_schema_is_public_and_describes_every_endpoint(public_api):
    response = Client().get("/api/schema/")
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    paths = schema["paths"]
    for prefix in ("measures", "observations", "projects", "risks", "highlight-reports"):
        assert f"/api/{prefix}/" in paths
    assert "/api/measures/{measure_id}/" in paths
    assert "/api/token/" in paths
    listing = paths["/api/observations/"]["get"]
    parameters = {p["name"] for p in listing["parameters"]}
    assert {"plan", "outcome", "period", "owner", "organisation", "page", "page_size"} <= parameters
    assert "delete" not in paths["/api/measures/{measure_id}/"]
    assert "knoxApiToken" in schema["components"]["securitySchemes"]


def test_the_schema_validates(tmp_path):
    from django.core.management import call_command

    # spectacular --validate raises on an invalid schema; --fail-on-warn on any warning.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "s.yaml"))


def test_the_api_guide_names_every_endpoint():
    from pathlib import Path

    from scorecard.api.views import ENDPOINTS

    guide = (Path(__file__).resolve().parents[2] / "docs" / "api.md").read_text()
    assert [prefix for prefix in ENDPOINTS if f"`/api/{prefix}/`" not in guide] == []
