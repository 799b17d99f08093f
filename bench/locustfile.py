"""The visitors of bench/bench_load.py: signed-in officers reading pages and calling the API.

Not run on its own: bench_load.py writes the addresses, session cookies and API tokens to a JSON
file and names it in SCORECARD_LOAD_TARGETS. Every request must answer 200 without a redirect
(a redirect here would be to the sign-in page or to HTTPS: a failure, not a page).
"""

from __future__ import annotations

import json
import os
import random
import time

from locust import HttpUser, between, events, task

with open(os.environ["SCORECARD_LOAD_TARGETS"], encoding="utf-8") as source:
    TARGETS = json.load(source)

# The production server redirects plain HTTP to HTTPS; the reverse proxy in front says the
# visitor came by HTTPS, as it would in production.
PROXIED = {"X-Forwarded-Proto": "https"}

# The first seconds warm the server's workers (each loads its code and opens its database
# connection on its first requests): not recorded.
MEASURED_FROM = time.monotonic() + float(TARGETS["warmup"])

# Every response time, so that bench_load.py can give exact percentiles over all requests
# (locust's own are rounded, and per name only).
RECORDED: dict[str, list] = {"requests": [], "errors": []}


@events.request.add_listener
def record(name: str, response_time: float, exception: BaseException | None, **_: object) -> None:
    if time.monotonic() < MEASURED_FROM:
        return
    RECORDED["requests"].append((name, response_time, exception is not None))
    if exception is not None and len(RECORDED["errors"]) < 50:
        RECORDED["errors"].append(f"{name}: {exception}")


@events.quitting.add_listener
def save(**_: object) -> None:
    with open(os.environ["SCORECARD_LOAD_RESULTS"], "w", encoding="utf-8") as results:
        json.dump(RECORDED, results)


class Officer(HttpUser):
    # Think time between requests: someone reading a page before the next click.
    wait_time = between(TARGETS["think_min"], TARGETS["think_max"])

    def on_start(self) -> None:
        self.session_cookie = random.choice(TARGETS["sessions"])  # noqa: S311 - not security
        self.token = random.choice(TARGETS["tokens"])  # noqa: S311

    def page(self, path: str, name: str) -> None:
        headers = {**PROXIED, "Cookie": f"sessionid={self.session_cookie}"}
        self._get(path, name, headers)

    def api(self, path: str, name: str) -> None:
        headers = {**PROXIED, "Authorization": f"Token {self.token}"}
        self._get(path, name, headers)

    def _get(self, path: str, name: str, headers: dict) -> None:
        with self.client.get(
            path, name=name, headers=headers, allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code == 0:
                response.failure(f"no answer for {path}: {response.error}")
            elif response.status_code != 200:
                response.failure(f"{response.status_code} for {path}")

    def pick(self, kind: str) -> str:
        return random.choice(TARGETS[kind])  # noqa: S311

    @task(6)
    def overview(self) -> None:
        self.page("/", "page: overview")

    @task(8)
    def measure(self) -> None:
        self.page(f"/measures/{self.pick('measures')}/", "page: measure")

    @task(3)
    def measure_list(self) -> None:
        self.page("/measures/", "page: measure list")

    @task(3)
    def outcome(self) -> None:
        self.page(f"/outcomes/{self.pick('outcomes')}/", "page: outcome")

    @task(2)
    def projects(self) -> None:
        self.page("/projects/", "page: projects")

    @task(2)
    def risks(self) -> None:
        self.page("/risks/", "page: risk register")

    @task(2)
    def public(self) -> None:
        self.page("/public/", "page: public scorecard")

    @task(4)
    def api_measures(self) -> None:
        self.api("/api/measures/", "api: measures")

    @task(4)
    def api_observations(self) -> None:
        self.api(f"/api/observations/?measure={self.pick('measures')}", "api: observations")

    @task(2)
    def api_measure(self) -> None:
        self.api(f"/api/measures/{self.pick('measures')}/", "api: one measure")

    @task(2)
    def static_file(self) -> None:
        # The baseline: the same server and connections, no Django view and no database.
        self._get(TARGETS["static"], "baseline: static file", PROXIED)
