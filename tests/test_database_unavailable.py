"""A database that cannot be reached gives a 503 page that says so, not a traceback, and the
service answers again as soon as the database is back."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client

pytestmark = pytest.mark.django_db

GONE = OperationalError("server closed the connection unexpectedly")


@pytest.fixture
def visitor(django_user_model):
    client = Client(raise_request_exception=False)
    client.force_login(django_user_model.objects.create(username="a-viewer"))
    return client


def unreachable():
    return mock.patch.object(BaseDatabaseWrapper, "_cursor", side_effect=GONE)


@pytest.mark.parametrize("url", ["/", "/measures/", "/api/measures/", "/public/"])
def test_a_page_says_the_service_is_unavailable_and_when_to_try_again(visitor, url):
    with unreachable():
        response = visitor.get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert "Sorry, the service is unavailable" in page
    assert "cannot reach its database" in page
    assert "Traceback" not in page and "OperationalError" not in page


def test_a_save_that_cannot_reach_the_database_says_nothing_was_saved(visitor):
    with unreachable():
        response = visitor.post("/accounts/login/", {"username": "x", "password": "y"})
    assert response.status_code == 503
    assert "it has not been saved" in response.content.decode()


def test_the_service_answers_again_when_the_database_is_back(visitor):
    with unreachable():
        assert visitor.get("/measures/").status_code == 503
    assert visitor.get("/measures/").status_code == 200


def test_other_errors_are_the_plain_500_page(visitor):
    with mock.patch("scorecard.pages.measure_views.measures_for", side_effect=ValueError("bug")):
        response = visitor.get("/measures/")
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()
