"""Signing in: the lockout, session expiry, and an invitation from the email to the first
sign-in."""

from __future__ import annotations

import re
from datetime import timedelta
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from django.utils import timezone

from scorecard.people import signin

pytestmark = pytest.mark.django_db

PASSWORD = "a long enough password 7"
LOGIN = "/accounts/login/"
LIMIT = 5


@pytest.fixture
def jo(db):
    return User.objects.create_user("jo", password=PASSWORD)


def sign_in(username: str, password: str, address: str = "192.0.2.1", client=None):
    client = client or Client(REMOTE_ADDR=address)
    return client.post(LOGIN, {"username": username, "password": password})


def signed_in(response) -> bool:
    return response.status_code == 302 and not response["Location"].startswith(LOGIN)


# --- Lockout --------------------------------------------------------------------------------


def test_five_failures_lock_the_username_even_for_the_right_password(jo):
    for _ in range(LIMIT):
        response = sign_in("jo", "wrong")
        assert "Enter a correct username and password" in response.content.decode()
    response = sign_in("jo", PASSWORD)
    assert not signed_in(response)
    assert "too many failed attempts" in response.content.decode()
    # The username and address together are locked: Jo from her own address is not held back,
    # so nobody who only knows her username can keep her out.
    assert signed_in(sign_in("jo", PASSWORD, address="198.51.100.7"))


def test_the_refusal_reads_the_same_for_a_username_that_does_not_exist(jo):
    pages = {}
    for username in ("jo", "nobody-by-this-name"):
        for _ in range(LIMIT):
            sign_in(username, "wrong", address="203.0.113.9")
        page = sign_in(username, "wrong", address="203.0.113.9").content.decode()
        pages[username] = re.sub(r'name="(csrfmiddlewaretoken|username)" value="[^"]*"', "", page)
    assert pages["jo"].replace("jo", "") == pages["nobody-by-this-name"].replace(
        "nobody-by-this-name", ""
    )
    assert signin.REFUSED in pages["jo"]


def test_a_success_clears_the_usernames_count(jo):
    for _ in range(LIMIT - 1):
        sign_in("jo", "wrong")
    assert signed_in(sign_in("jo", PASSWORD))
    for _ in range(LIMIT - 1):
        sign_in("jo", "wrong")
    assert signed_in(sign_in("jo", PASSWORD))


def test_the_username_is_not_a_new_one_in_capitals(jo):
    for _ in range(LIMIT):
        sign_in("JO ", "wrong")
    assert not signed_in(sign_in("jo", PASSWORD))


def test_guessing_other_usernames_from_an_address_does_not_lock_jo_there(jo):
    for n in range(LIMIT * 4):
        sign_in(f"guess-{n}", "wrong", address="198.51.100.20")
    assert signed_in(sign_in("jo", PASSWORD, address="198.51.100.20"))


def test_the_lock_lifts_after_fifteen_minutes(jo):
    from axes.models import AccessAttempt

    for _ in range(LIMIT):
        sign_in("jo", "wrong")
    assert not signed_in(sign_in("jo", PASSWORD))
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=15, seconds=1))
    assert signed_in(sign_in("jo", PASSWORD))


def test_the_limits_are_those_documented():
    assert settings.AXES_FAILURE_LIMIT == LIMIT
    assert timedelta(minutes=15) == settings.AXES_COOLOFF_TIME
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


def test_a_locked_sign_in_page_is_still_a_page(jo):
    """Refused, not broken: the page with its error summary, status 200, never a 500."""
    for _ in range(LIMIT + 3):
        response = sign_in("jo", "wrong")
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()


# --- Sessions ------------------------------------------------------------------------------


def test_sessions_last_a_working_day_or_until_the_browser_closes():
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert settings.SESSION_COOKIE_HTTPONLY is True


def test_the_session_cookie_goes_when_the_browser_closes(jo):
    client = Client()
    response = sign_in("jo", PASSWORD, client=client)
    assert signed_in(response)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    # No Max-Age or Expires: a browser-session cookie.
    assert not cookie["max-age"] and not cookie["expires"]


def test_a_session_ends_after_eight_hours(jo):
    client = Client()
    assert signed_in(sign_in("jo", PASSWORD, client=client))
    assert client.get("/measures/").status_code == 200
    nearly = timezone.now() + timedelta(hours=8) - timedelta(minutes=1)
    with mock.patch("django.contrib.sessions.backends.db.timezone.now", return_value=nearly):
        assert client.get("/measures/").status_code == 200
    later = timezone.now() + timedelta(hours=8, seconds=1)
    with mock.patch("django.contrib.sessions.backends.db.timezone.now", return_value=later):
        response = client.get("/measures/")
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


# --- An invitation, end to end ---------------------------------------------------------------


def test_an_invitation_from_email_to_first_sign_in(db):
    admin = User.objects.create_superuser("boss", password=PASSWORD)
    client = Client()
    client.force_login(admin)
    invited = client.post(
        "/accounts/invite/",
        {
            "username": "newcomer",
            "name": "Nia Newcomer",
            "email": "nia@example.org",
            "role": "owner or viewer",
        },
    )
    assert invited.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/accounts/set-password/\S+/)", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    # Cannot sign in before choosing a password.
    assert not signed_in(sign_in("newcomer", ""))

    newcomer = Client()
    form = newcomer.get(link.group(1), follow=True)
    assert "Choose your password" in form.content.decode()
    form_url = form.redirect_chain[-1][0]
    weak = newcomer.post(form_url, {"new_password1": "password", "new_password2": "password"})
    page = weak.content.decode()
    assert "at least 12 characters" in page or "too common" in page
    chosen = "my new scorecard passphrase"
    done = newcomer.post(form_url, {"new_password1": chosen, "new_password2": chosen})
    assert done.status_code == 302 and done["Location"] == "/accounts/set-password/done/"
    assert "Your password is set" in newcomer.get(done["Location"]).content.decode()
    assert signed_in(sign_in("newcomer", chosen))

    # The link works once.
    again = Client().get(link.group(1), follow=True)
    assert "This link does not work" in again.content.decode()


def test_a_switched_off_sign_in_cannot_use_its_invitation(db):
    from scorecard.people.accounts import set_password_link

    user = User.objects.create_user("gone", email="gone@example.org")
    user.set_unusable_password()
    user.save()
    request = mock.Mock(build_absolute_uri=lambda path: path)
    link = set_password_link(request, user)
    user.is_active = False
    user.save()
    page = Client().get(link, follow=True).content.decode()
    assert "This link does not work" in page


def test_signing_in_never_sends_you_to_another_site(jo):
    client = Client()
    response = client.post(
        LOGIN, {"username": "jo", "password": PASSWORD, "next": "https://evil.example/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_the_sign_in_page_offers_no_sign_up(anonymous_client, db):
    page = anonymous_client.get(LOGIN).content.decode().lower()
    assert "sign up" not in page and "register" not in page and "create an account" not in page
    assert anonymous_client.get("/accounts/signup/").status_code in (302, 404)
