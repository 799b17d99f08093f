"""`scorecard serve --production`: gunicorn with the production settings, every setting from
the environment, static files by WhiteNoise; it refuses to start on missing settings or an
unmigrated database, saying which."""

import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tests.databases import fresh_database, run_scorecard


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def environment(tmp_path):
    with fresh_database(tmp_path, "production") as url:
        base = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SCORECARD_"))}
        yield {
            **base,
            "DATABASE_URL": url,
            "SCORECARD_SECRET_KEY": secrets.token_urlsafe(60),
            "SCORECARD_ALLOWED_HOSTS": "127.0.0.1",
        }


scorecard = run_scorecard


def start_gunicorn(cwd, environment: dict, port: int, workers: int, stdout) -> subprocess.Popen:
    """`scorecard serve --production` in the background; its errors on a pipe to show."""
    return subprocess.Popen(
        [sys.executable, "-m", "scorecard", "serve", "--production", f"--port={port}"]
        + [f"--workers={workers}"],
        cwd=cwd,
        env=environment,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
    )


def fetch(url: str, **headers: str):
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - our own server
    opener = urllib.request.build_opener(NoRedirects)
    try:
        return opener.open(request, timeout=10)
    except urllib.error.HTTPError as answer:
        return answer


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_gunicorn_serves_pages_and_static_files_securely(tmp_path, environment):
    assert scorecard(tmp_path, environment, "demo", "--no-serve").returncode == 0
    port = free_port()
    server = start_gunicorn(tmp_path, environment, port, workers=2, stdout=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, server.stderr.read()
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.2)
        # Behind the reverse proxy, which says the visitor came over HTTPS.
        page = fetch(f"{base}/accounts/login/", **{"X-Forwarded-Proto": "https"})
        assert page.status == 200
        html = page.read().decode()
        assert "Sign in" in html
        # No inline script may run (Content-Security-Policy).
        policy = page.headers["Content-Security-Policy"]
        scripts = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
        assert "'self'" in scripts and "unsafe-inline" not in scripts
        # The page names each static file by a hash of its content, served for a year and
        # compressed when the browser asks.
        hashed = re.search(r'href="(/static/govuk/govuk-frontend\.min\.[0-9a-f]{12}\.css)"', html)
        assert hashed, html
        for encoding in ("br", "gzip"):
            styles = fetch(
                base + hashed.group(1),
                **{"X-Forwarded-Proto": "https", "Accept-Encoding": encoding},
            )
            assert styles.status == 200
            assert styles.headers["Content-Encoding"] == encoding
            assert "max-age=315360000" in styles.headers["Cache-Control"]
            assert "immutable" in styles.headers["Cache-Control"]
        assert "gunicorn" in page.headers["Server"]
        assert page.headers["Strict-Transport-Security"].startswith("max-age=31536000")
        assert "Secure" in page.headers["Set-Cookie"]
        styles = fetch(
            f"{base}/static/govuk/govuk-frontend.min.css", **{"X-Forwarded-Proto": "https"}
        )
        assert styles.status == 200 and styles.headers["Content-Type"].startswith("text/css")
        # Over plain HTTP the visitor is sent to HTTPS.
        plain = fetch(f"{base}/accounts/login/")
        assert plain.status == 301
        assert plain.headers["Location"].startswith("https://")
        refused = fetch(f"{base}/", Host="evil.example", **{"X-Forwarded-Proto": "https"})
        assert refused.status == 400
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert server.returncode == 0
    assert "GET /accounts/login/" in server.stdout.read()  # the access log
    # Throttles count in a cache every worker and server shares: a table in the database.
    assert "scorecard_cache" in database_tables(environment["DATABASE_URL"])


def database_tables(url: str) -> set[str]:
    if url.startswith("sqlite"):
        import sqlite3

        with sqlite3.connect(url.removeprefix("sqlite:///")) as database:
            rows = database.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            return {name for (name,) in rows}
    import psycopg

    with psycopg.connect(url) as database:
        rows = database.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        return {name for (name,) in rows}


def test_a_missing_secret_key_stops_the_start_saying_which(tmp_path, environment):
    environment = {k: v for k, v in environment.items() if k != "SCORECARD_SECRET_KEY"}
    result = scorecard(tmp_path, environment, "serve", "--production")
    assert result.returncode == 1
    assert "SCORECARD_SECRET_KEY" in result.stderr and "Traceback" not in result.stderr


def test_an_unmigrated_database_stops_the_start(tmp_path, environment):
    result = scorecard(tmp_path, environment, "serve", "--production")
    assert result.returncode == 1
    assert "the database needs" in result.stderr and "migrate" in result.stderr
