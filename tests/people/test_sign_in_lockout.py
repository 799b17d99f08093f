"""The sign-in lockout (django-axes, scorecard/people/signin.py): every way of trying a password
is counted alike, before the password is checked, per username and address together."""

from __future__ import annotations

import threading
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client, RequestFactory
from rest_framework.test import APIClient

from scorecard.api import tokens as api_tokens
from scorecard.people import signin

pytestmark = pytest.mark.django_db

PASSWORD = "a long enough password 7"
ADDRESS = "192.0.2.10"
LOGIN = "/accounts/login/"
TOKEN = "/api/token/"
LIMIT = 5


@pytest.fixture
def jo(db):
    return User.objects.create_user("jo", password=PASSWORD)


@pytest.fixture(autouse=True)
def no_rate_limit():
    """The token endpoint's own rate limit aside (tests/api has its tests): the lockout alone."""
    with mock.patch.object(api_tokens.TokenView, "throttle_classes", []):
        yield


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


def test_every_password_check_is_counted_first():
    assert settings.AUTHENTICATION_BACKENDS[0] == "scorecard.people.signin.CountFirstBackend"
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert settings.AXES_FAILURE_LIMIT == LIMIT


def test_the_right_password_gets_a_token(jo):
    response = ask_for_token("jo", PASSWORD)
    assert response.status_code == 200
    assert response.json()["token"]


def test_guessing_through_the_token_endpoint_locks_the_username_at_that_address(jo):
    for n in range(LIMIT):
        assert ask_for_token("jo", f"guess-{n}").status_code == 400
    # The right password now gets no token...
    response = ask_for_token("jo", PASSWORD)
    assert response.status_code == 429
    assert "token" not in response.json()
    # ...and the sign-in page is locked for that username at that address too...
    page = sign_in("jo", PASSWORD)
    assert not signed_in(page)
    assert signin.REFUSED in page.content.decode()
    # ...but not from another address: nobody who knows a username can lock its owner out.
    assert signed_in(sign_in("jo", PASSWORD, address="198.51.100.7"))
    assert ask_for_token("jo", PASSWORD, address="198.51.100.8").status_code == 200


def test_guessing_on_the_sign_in_page_locks_the_token_endpoint_too(jo):
    for _ in range(LIMIT):
        sign_in("jo", "wrong")
    assert ask_for_token("jo", PASSWORD).status_code == 429


def test_forged_forwarded_addresses_do_not_escape_the_lockout(jo):
    # Each guess claims to come from a new address; the address counted is REMOTE_ADDR.
    for n in range(LIMIT):
        sign_in("jo", "wrong", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
    forged = {"HTTP_X_FORWARDED_FOR": "203.0.113.250"}
    page = sign_in("jo", PASSWORD, **forged)
    assert not signed_in(page)
    assert signin.REFUSED in page.content.decode()
    assert ask_for_token("jo", PASSWORD, **forged).status_code == 429
    # Jo from her own address is not held back.
    assert signed_in(sign_in("jo", PASSWORD, address="198.51.100.21", **forged))


def test_a_check_without_a_request_is_counted_on_its_own(jo):
    # Code that checks a password without a request (a shell, the test client) has no address:
    # it is counted under the username alone, and does not lock the sign-in page.
    for _ in range(LIMIT):
        assert authenticate(username="jo", password="wrong") is None
    assert authenticate(username="jo", password=PASSWORD) is None
    assert signed_in(sign_in("jo", PASSWORD))


def test_a_success_clears_the_count_whichever_way_in(jo):
    for _ in range(LIMIT - 1):
        ask_for_token("jo", "wrong")
    assert signed_in(sign_in("jo", PASSWORD))
    for _ in range(LIMIT - 1):
        sign_in("jo", "wrong")
    assert ask_for_token("jo", PASSWORD).status_code == 200
    for _ in range(LIMIT - 1):
        sign_in("jo", "wrong")
    assert signed_in(sign_in("jo", PASSWORD))


def test_a_new_user_agent_does_not_get_a_new_allowance(jo):
    for n in range(LIMIT):
        sign_in("jo", "wrong", HTTP_USER_AGENT=f"browser {n}")
    assert not signed_in(sign_in("jo", PASSWORD, HTTP_USER_AGENT="yet another"))


def test_the_attempts_are_kept_for_the_audit(jo):
    from axes.models import AccessFailureLog, AccessLog

    for _ in range(LIMIT + 2):
        sign_in("jo", "wrong")
    assert signed_in(sign_in("jo", PASSWORD, address="198.51.100.9"))
    failures = AccessFailureLog.objects.filter(username="jo")
    assert failures.count() == LIMIT + 2
    assert failures.filter(locked_out=True).count() >= 2
    assert "wrong" not in str(list(failures.values()))  # passwords are never kept
    assert AccessLog.objects.filter(username="jo", ip_address="198.51.100.9").exists()


def test_behind_known_proxies_only_the_address_they_saw_counts(jo, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    proxy = "10.0.0.1"
    for n in range(LIMIT):
        # The client writes a new address each time; the proxy appends the one it saw.
        sign_in("jo", "wrong", address=proxy, HTTP_X_FORWARDED_FOR=f"203.0.113.{n}, {ADDRESS}")
    refused = sign_in("jo", PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR=f"1.2.3.4, {ADDRESS}")
    assert signin.REFUSED in refused.content.decode()
    # Jo behind the same proxy at her own address is not held back.
    other = sign_in("jo", PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR="198.51.100.30")
    assert signed_in(other)


def test_the_address_is_the_connections_unless_proxies_are_declared(rf, settings):
    request = rf.get("/", REMOTE_ADDR=ADDRESS, HTTP_X_FORWARDED_FOR="203.0.113.1, 203.0.113.2")
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 0}
    assert signin.address_of(request) == ADDRESS
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 2}
    assert signin.address_of(request) == "203.0.113.1"
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 5}
    assert signin.address_of(request) == "203.0.113.1"
    assert signin.address_of(None) is None


# --- The administrator unlocks ---------------------------------------------------------------


def test_scorecard_unlock_lets_the_username_in_again(jo, capsys):
    from scorecard import cli

    for _ in range(LIMIT):
        sign_in("jo", "wrong")
    assert signin.is_locked("jo")
    assert not signed_in(sign_in("jo", PASSWORD))
    assert cli.main(["unlock", "JO"]) == 0
    assert "Unlocked jo" in capsys.readouterr().out
    assert not signin.is_locked("jo")
    assert signed_in(sign_in("jo", PASSWORD))


def test_unlocking_a_username_that_is_not_locked_says_so(jo, capsys):
    from scorecard import cli

    assert cli.main(["unlock", "jo"]) == 0
    assert "was not locked" in capsys.readouterr().out


def test_the_administrator_unlocks_from_the_person_page(jo):
    admin = User.objects.create_superuser("boss", password=PASSWORD)
    for _ in range(LIMIT):
        sign_in("jo", "wrong")
    client = Client()
    client.force_login(admin)
    page = client.get(f"/accounts/people/{jo.pk}/").content.decode()
    assert "Unlock" in page
    done = client.post(f"/accounts/people/{jo.pk}/unlock/")
    assert done.status_code == 302
    assert signed_in(sign_in("jo", PASSWORD))
    assert "Unlock</button>" not in client.get(f"/accounts/people/{jo.pk}/").content.decode()


def test_only_the_administrator_unlocks(jo):
    team = User.objects.create_user("team", password=PASSWORD)
    from scorecard.people.accounts import team_group

    team.groups.add(team_group())
    for _ in range(LIMIT):
        sign_in("jo", "wrong")
    client = Client()
    client.force_login(team)
    assert client.post(f"/accounts/people/{jo.pk}/unlock/").status_code == 403
    assert signin.is_locked("jo")


# --- Simultaneous attempts -------------------------------------------------------------------


def _needs_a_database_server() -> None:
    # The suite's SQLite test database lives in memory with a shared cache, whose table locks
    # do not wait: simultaneous writers fail at once there. SQLite is covered on a real file by
    # tests/people/test_sign_in_burst.py (a live server).
    if connection.vendor == "sqlite":
        pytest.skip("threads on the in-memory SQLite test database: see test_sign_in_burst.py")


def _burst(passwords: list[str], address: str = ADDRESS) -> list[object]:
    """authenticate() in one thread per password, all let go at once, each on its own database
    connection; returns what each got."""
    start = threading.Barrier(len(passwords))
    results: list[object] = [None] * len(passwords)

    def attempt(n: int, password: str) -> None:
        request = RequestFactory().post(LOGIN, REMOTE_ADDR=address)
        try:
            start.wait()
            results[n] = authenticate(request, username="jo", password=password)
        except Exception as exc:  # noqa: BLE001 - reported by the test
            results[n] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt, args=(n, p)) for n, p in enumerate(passwords)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.django_db(transaction=True)
def test_a_burst_of_simultaneous_guesses_checks_no_more_than_the_limit(jo):
    _needs_a_database_server()
    checked = []
    real_check = User.check_password

    def counted(user, raw_password):
        checked.append(raw_password)
        return real_check(user, raw_password)

    with mock.patch.object(User, "check_password", counted):
        results = _burst([f"guess-{n}" for n in range(24)])
    assert not [r for r in results if isinstance(r, Exception)], results
    assert all(r is None for r in results)
    assert len(checked) <= LIMIT
    # The right password after the burst is refused at that address...
    request = RequestFactory().post(LOGIN, REMOTE_ADDR=ADDRESS)
    assert authenticate(request, username="jo", password=PASSWORD) is None
    assert signin.was_refused(request)
    # ...and let in from another.
    elsewhere = RequestFactory().post(LOGIN, REMOTE_ADDR="198.51.100.44")
    assert authenticate(elsewhere, username="jo", password=PASSWORD) == jo


@pytest.mark.django_db(transaction=True)
def test_the_right_password_in_a_burst_is_let_in_only_within_the_limit(jo):
    _needs_a_database_server()
    # The right password last of a burst: whichever order the threads run in, it is let in only
    # if it was among the first LIMIT counted.
    with mock.patch.object(User, "check_password", autospec=True) as check:
        check.side_effect = lambda user, raw: raw == PASSWORD
        results = _burst([f"guess-{n}" for n in range(19)] + [PASSWORD])
    assert not [r for r in results if isinstance(r, Exception)], results
    assert check.call_count <= LIMIT
    assert (results[-1] == jo) == any(call.args[1] == PASSWORD for call in check.call_args_list)
