"""A burst of simultaneous sign-ins against a real server on a real database (SQLite file or
PostgreSQL): the lockout counts each attempt before its password is checked, so no more than
the limit are checked however many arrive at once (issue 16, D4)."""

from __future__ import annotations

import http.client
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.parse

import pytest

from tests.databases import fresh_database, run_scorecard

PASSWORD = "a long enough password 7"
LIMIT = 5
WRONG = "Enter a correct username and password"
REFUSED = "too many failed attempts"

MAKE_USER = (
    "import django; django.setup(); from django.contrib.auth.models import User; "
    f"User.objects.create_user('jo', password='{PASSWORD}')"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    """`scorecard serve` (threaded) on a fresh database with one user, jo."""
    with fresh_database(tmp_path, "burst") as url:
        base = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SCORECARD_"))}
        environment = {**base, "DATABASE_URL": url}
        assert run_scorecard(tmp_path, environment, "tenant", "list").returncode == 0
        made = subprocess.run(
            [sys.executable, "-c", MAKE_USER],
            cwd=tmp_path,
            env={**environment, "DJANGO_SETTINGS_MODULE": "scorecard.settings.local"},
            capture_output=True,
            text=True,
        )
        assert made.returncode == 0, made.stderr
        port = free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "scorecard", "serve", f"--port={port}"],
            cwd=tmp_path,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(300):
                assert process.poll() is None, "the server stopped"
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.1)
            yield port
        finally:
            process.terminate()
            process.wait(timeout=30)


class Browser:
    """One visitor from one loopback address, with the sign-in form's CSRF cookie and token."""

    def __init__(self, port: int, address: str) -> None:
        self.port, self.address = port, address
        page, cookie = self.request("GET", "/accounts/login/")
        self.cookie = cookie
        self.token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    def request(self, method: str, path: str, body: str | None = None, headers=None):
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=120, source_address=(self.address, 0)
        )
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            text = response.read().decode()
            if response.status == 302:
                return "SIGNED IN", ""
            return text, (response.getheader("Set-Cookie") or "").split(";")[0]
        finally:
            connection.close()

    def sign_in(self, password: str) -> str:
        body = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": self.token, "username": "jo", "password": password}
        )
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": self.cookie}
        page, _ = self.request("POST", "/accounts/login/", body, headers)
        if page == "SIGNED IN":
            return "signed in"
        if REFUSED in page:
            return "refused"
        assert WRONG in page, page[:500]
        return "checked"


def test_a_simultaneous_burst_checks_no_more_passwords_than_the_limit(server):
    attacker = Browser(server, "127.0.0.1")
    guesses = 24
    start = threading.Barrier(guesses)
    outcomes: list[str] = [""] * guesses

    def guess(n: int) -> None:
        start.wait()
        try:
            outcomes[n] = attacker.sign_in(f"guess-{n}")
        except Exception as exc:  # noqa: BLE001 - shown by the assertion
            outcomes[n] = repr(exc)

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(guesses)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert set(outcomes) <= {"checked", "refused"}, outcomes
    assert outcomes.count("checked") <= LIMIT, outcomes
    # The right password after the burst is refused from that address...
    assert attacker.sign_in(PASSWORD) == "refused"
    # ...and the owner, from another address, signs in.
    assert Browser(server, "127.0.0.2").sign_in(PASSWORD) == "signed in"
