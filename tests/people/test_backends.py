"""The throttled authentication backend: every way of trying a password is throttled alike."""

from __future__ import annotations

from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client
from rest_framework.test import APIClient

from scorecard.api import views as api_views
from scorecard.people import throttle

pytestmark = pytest.mark.django_db

PASSWORD = "a long enough password 7"
ADDRESS = "192.0.2.10"
LOGIN = "/accounts/login/"
TOKEN = "/api/token/"


@pytest.fixture
def jo(db):
    cache.clear()
    return User.objects.create_user("jo", password=PASSWORD)


def ask_for_token(username: str, password: str, address: str = ADDRESS, **headers):
    client = APIClient(REMOTE_ADDR=address)
    return client.post(
        TOKEN, {"username": username, "password": password}, format="json", **headers
    )


def sign_in(username: str, password: str, address: str = ADDRESS, **headers):
    return Client(REMOTE_ADDR=address).post(
        LOGIN, {"username": username, "password": password}, **headers
    )


def signed_in(response) -> bool:
    return response.status_code == 302 and not response["Location"].startswith(LOGIN)


def test_every_password_check_goes_through_the_throttle():
    assert settings.AUTHENTICATION_BACKENDS == ["scorecard.people.backends.ThrottledModelBackend"]


def test_the_right_password_gets_a_token(jo):
    response = ask_for_token("jo", PASSWORD)
    assert response.status_code == 200
    assert response.json()["token"]


def test_guessing_through_the_token_endpoint_locks_the_username(jo):
    for n in range(throttle.USERNAME_LIMIT + 1):
        response = ask_for_token("jo", f"guess-{n}")
        assert response.status_code == 400
    # The right password now gets no token...
    response = ask_for_token("jo", PASSWORD)
    assert response.status_code == 400
    assert "token" not in response.json()
    # ...and the sign-in page is locked for that username too, from any address.
    page = sign_in("jo", PASSWORD, address="198.51.100.7")
    assert not signed_in(page)
    assert throttle.REFUSED in page.content.decode()


def test_guessing_on_the_sign_in_page_locks_the_token_endpoint_too(jo):
    for _ in range(throttle.USERNAME_LIMIT):
        sign_in("jo", "wrong")
    assert ask_for_token("jo", PASSWORD, address="198.51.100.8").status_code == 400


def test_forged_forwarded_addresses_do_not_escape_the_address_limit(jo):
    # Each guess claims to come from a new address; the address counted is REMOTE_ADDR.
    for n in range(throttle.ADDRESS_LIMIT):
        sign_in(f"guess-{n}", "wrong", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
    forged = {"HTTP_X_FORWARDED_FOR": "203.0.113.250"}
    page = sign_in("jo", PASSWORD, **forged)
    assert not signed_in(page)
    assert throttle.REFUSED in page.content.decode()
    assert ask_for_token("jo", PASSWORD, **forged).status_code == 400
    # Jo from her own address is not held back.
    assert signed_in(sign_in("jo", PASSWORD, address="198.51.100.21", **forged))


def test_forged_forwarded_addresses_do_not_escape_the_address_limit_through_the_api(jo):
    # The API's own rate limit aside (it has its own tests): the backend alone holds.
    with mock.patch.object(api_views.TokenView, "throttle_classes", []):
        for n in range(throttle.ADDRESS_LIMIT):
            response = ask_for_token(f"guess-{n}", "wrong", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
            assert response.status_code == 400
        forged = {"HTTP_X_FORWARDED_FOR": "203.0.113.250"}
        assert ask_for_token("jo", PASSWORD, **forged).status_code == 400
        assert ask_for_token("jo", PASSWORD, address="198.51.100.21").status_code == 200


def test_a_check_without_a_request_is_counted_by_username(jo):
    for _ in range(throttle.USERNAME_LIMIT):
        assert authenticate(username="jo", password="wrong") is None
    assert authenticate(username="jo", password=PASSWORD) is None
    assert not signed_in(sign_in("jo", PASSWORD))


def test_a_success_clears_the_count_whichever_way_in(jo):
    for _ in range(throttle.USERNAME_LIMIT - 1):
        ask_for_token("jo", "wrong")
    assert signed_in(sign_in("jo", PASSWORD))
    for _ in range(throttle.USERNAME_LIMIT - 1):
        sign_in("jo", "wrong")
    assert ask_for_token("jo", PASSWORD).status_code == 200


def test_behind_known_proxies_only_the_address_they_saw_counts(jo, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    proxy = "10.0.0.1"
    for n in range(throttle.ADDRESS_LIMIT):
        # The client writes a new address each time; the proxy appends the one it saw.
        sign_in(
            f"guess-{n}", "wrong", address=proxy, HTTP_X_FORWARDED_FOR=f"203.0.113.{n}, {ADDRESS}"
        )
    refused = sign_in("jo", PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR=f"1.2.3.4, {ADDRESS}")
    assert throttle.REFUSED in refused.content.decode()
    # Someone else behind the same proxy is not held back.
    other = sign_in("jo", PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR="198.51.100.30")
    assert signed_in(other)


def test_the_address_is_the_connections_unless_proxies_are_declared(rf, settings):
    request = rf.get("/", REMOTE_ADDR=ADDRESS, HTTP_X_FORWARDED_FOR="203.0.113.1, 203.0.113.2")
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 0}
    assert throttle.address_of(request) == ADDRESS
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 2}
    assert throttle.address_of(request) == "203.0.113.1"
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 5}
    assert throttle.address_of(request) == "203.0.113.1"
    assert throttle.address_of(None) == ""
