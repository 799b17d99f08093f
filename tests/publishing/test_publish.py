"""Publishing and unpublishing a measure: the performance team only, by POST with CSRF."""

import pytest
from django.test import Client

from scorecard.demo.loader import add_demo_users
from scorecard.measures.models import Measure

pytestmark = pytest.mark.django_db

SECRET = "CPB-CLA-RATE"  # owned by the demo `owner`, in a plan that is not published


@pytest.fixture
def demo_users(demo_council):
    add_demo_users()


def _as(username: str) -> Client:
    from django.contrib.auth.models import User

    signed_in = Client()
    signed_in.force_login(User.objects.get(username=username))
    return signed_in


def _published(measure_id: str) -> bool:
    return Measure.objects.get(measure_id=measure_id).published


@pytest.mark.parametrize("username", ["performance", "admin"])
def test_the_team_publishes_and_unpublishes(demo_users, username):
    team = _as(username)
    response = team.post(f"/public/measures/{SECRET}/publish/", follow=True)
    assert response.status_code == 200
    assert _published(SECRET)
    assert "is published on the public scorecard" in response.content.decode()
    assert Client().get(f"/public/measures/{SECRET}/").status_code == 200
    response = team.post(f"/public/measures/{SECRET}/unpublish/", follow=True)
    assert not _published(SECRET)
    assert "is no longer on the public scorecard" in response.content.decode()
    assert Client().get(f"/public/measures/{SECRET}/").status_code == 404


@pytest.mark.parametrize("username", ["viewer", "owner", "owner2"])
def test_viewers_and_owners_may_not_publish(demo_users, username):
    # `owner` owns this very measure: owning is not enough to publish it.
    response = _as(username).post(f"/public/measures/{SECRET}/publish/")
    assert response.status_code == 403
    assert not _published(SECRET)
    published = Measure.objects.filter(published=True).first().measure_id
    assert _as(username).post(f"/public/measures/{published}/unpublish/").status_code == 403
    assert _published(published)


def test_the_public_is_sent_to_sign_in(demo_users):
    response = Client().post(f"/public/measures/{SECRET}/publish/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not _published(SECRET)


def test_publishing_needs_a_post_with_csrf(demo_users):
    from django.contrib.auth.models import User

    assert _as("performance").get(f"/public/measures/{SECRET}/publish/").status_code == 405
    checked = Client(enforce_csrf_checks=True)
    checked.force_login(User.objects.get(username="performance"))
    assert checked.post(f"/public/measures/{SECRET}/publish/").status_code == 403
    assert not _published(SECRET)


def test_an_unknown_measure_is_not_found(demo_users):
    assert _as("performance").post("/public/measures/NO-SUCH/publish/").status_code == 404


def test_the_measure_page_shows_the_tag_and_the_button_to_the_team_only(demo_users):
    page = _as("performance").get(f"/measures/{SECRET}/").content.decode()
    assert "Not published" in page
    assert f'action="/public/measures/{SECRET}/publish/"' in page
    for username in ("viewer", "owner"):
        page = _as(username).get(f"/measures/{SECRET}/").content.decode()
        assert "Not published" in page
        assert "/publish/" not in page
    published = Measure.objects.filter(published=True).first().measure_id
    page = _as("performance").get(f"/measures/{published}/").content.decode()
    assert ">Published<" in page
    assert f'action="/public/measures/{published}/unpublish/"' in page
    assert f'href="/public/measures/{published}/"' in page
