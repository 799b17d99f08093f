"""The database server really going away and coming back, under the production server: a
PostgreSQL cluster of this test's own is stopped while gunicorn runs, and started again.

tests/test_database_unavailable.py checks the 503 page in-process by failing the connection;
this one checks what a council's operator would see: no traceback, no worker crash, a 503
with Retry-After while the server is down, and pages again once it is back, on the same
gunicorn, with persistent connections (SCORECARD_CONN_MAX_AGE) that the restart has broken."""

import os
import secrets
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import pytest

from tests.databases import run_scorecard
from tests.test_production_serve import fetch, free_port, start_gunicorn

POSTGRES_SH = Path(__file__).resolve().parent.parent / ".ci" / "postgres.sh"
PROXIED = {"X-Forwarded-Proto": "https"}


def cluster(command: str, folder: Path, port: int) -> str:
    done = subprocess.run(
        ["bash", str(POSTGRES_SH), command],
        capture_output=True,
        text=True,
        env={**os.environ, "SCORECARD_PG_DIR": str(folder), "SCORECARD_PG_PORT": str(port)},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.fixture
def own_cluster():
    # Under /tmp, not pytest's tmp_path: as root the server runs as `postgres`, who cannot
    # enter root's private temporary folders.
    folder = Path(tempfile.gettempdir()) / f"scorecard-outage-{uuid.uuid4().hex[:10]}"
    port = free_port()
    url = cluster("start", folder, port)
    try:
        yield url, folder, port
    finally:
        cluster("reset", folder, port)


def wait_for(condition, seconds: float):
    deadline = time.monotonic() + seconds
    while True:
        result = condition()
        if result or time.monotonic() > deadline:
            return result
        time.sleep(0.3)


def public_page(base: str):
    answer = fetch(f"{base}/public/", **PROXIED)
    return answer.status, answer.headers, answer.read().decode()


def test_the_database_server_stopping_and_starting_under_gunicorn(tmp_path, own_cluster):
    url, folder, pg_port = own_cluster
    base_environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "SCORECARD_"))
    }
    environment = {
        **base_environment,
        "DATABASE_URL": url,
        "SCORECARD_SECRET_KEY": secrets.token_urlsafe(60),
        "SCORECARD_ALLOWED_HOSTS": "127.0.0.1",
        "SCORECARD_CONN_MAX_AGE": "600",
    }
    assert run_scorecard(tmp_path, environment, "demo", "--no-serve").returncode == 0
    port = free_port()
    server = start_gunicorn(tmp_path, environment, port, workers=1, stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:

        def answering():
            assert server.poll() is None, server.stderr.read()
            try:
                return public_page(base)[0] == 200
            except OSError:
                return False

        assert wait_for(answering, 60), "gunicorn did not serve the public scorecard"

        cluster("stop", folder, pg_port)
        status, headers, page = public_page(base)
        assert status == 503
        assert headers["Retry-After"] == "30"
        assert "Sorry, the service is unavailable" in page
        assert "Traceback" not in page and "psycopg" not in page
        # Each request tries again, and says the same, while the server stays down.
        assert public_page(base)[0] == 503

        cluster("start", folder, pg_port)
        assert wait_for(lambda: public_page(base)[0] == 200, 30), "no recovery after restart"
        assert server.poll() is None, "gunicorn stopped"
    finally:
        server.terminate()
        server.wait(timeout=30)
