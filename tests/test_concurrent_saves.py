"""Officers saving at the same moment on the production server: every save waits its turn and is
kept. On SQLite a write transaction that began as a read failed at once with "database is
locked" (a 503) whatever the busy timeout, and what the officer typed was lost."""

from __future__ import annotations

import http.client
import json
import re
import socket
import subprocess
import sys
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.test_production_serve import environment, free_port, scorecard, start_gunicorn

__all__ = ["environment"]  # the fixture, used by name

OFFICERS = 8
FORM_SAVES = 48
API_PATCHES = 40

# The items the demo's open reporting cycles ask for, as the pages work them out, and figures
# already stored for the API to change: found in the database by a process of its own.
FIND_ITEMS = """
import json, django
django.setup()
from scorecard.cycles import due
from scorecard.cycles.models import ReportingCycle
from scorecard.measures.models import Measure, Observation
items = []
for cycle in ReportingCycle._default_manager.order_by("pk"):
    for measure in Measure._default_manager.filter(plan_id=cycle.plan_id).order_by("pk"):
        counts = measure.observations.filter(denominator__isnull=False).exists()
        for period in due.measure_periods(cycle, measure):
            items.append([measure.measure_id, cycle.pk, period.label, counts])
taken = {(m, p) for m, _, p, _ in items}
figures = [
    pk for pk, measure, period in Observation._default_manager.filter(
        breakdown="", denominator__isnull=True, value__isnull=False
    ).order_by("pk").values_list("pk", "measure__measure_id", "period")
    if (measure, period) not in taken
]
print(json.dumps({"items": items, "figures": figures}))
"""

READ_BACK = """
import json, sys, django
django.setup()
from scorecard.measures.models import Observation
rows = Observation._default_manager.filter(commentary__startswith=sys.argv[1])
print(json.dumps([
    [o.pk, o.measure.measure_id, o.period, o.commentary,
     None if o.value is None else float(o.value),
     None if o.numerator is None else float(o.numerator),
     None if o.denominator is None else float(o.denominator)]
    for o in rows
]))
"""


def django_script(cwd, environment: dict, script: str, *arguments: str):
    result = subprocess.run(
        [sys.executable, "-c", script, *arguments],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**environment, "DJANGO_SETTINGS_MODULE": "scorecard.settings.production"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


class Officer:
    """One person in their own browser: their own session cookie, their own connections."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: str = "", **headers: str):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        origin = f"https://127.0.0.1:{self.port}"
        sent = {
            # Behind the reverse proxy, which says the visitor came over HTTPS.
            "X-Forwarded-Proto": "https",
            "Referer": f"{origin}/",
            "Cookie": "; ".join(f"{name}={value}" for name, value in self.cookies.items()),
            **headers,
        }
        try:
            connection.request(method, path, body=body or None, headers=sent)
            answer = connection.getresponse()
            text = answer.read().decode()
        finally:
            connection.close()
        for name, value in answer.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";")[0]
        return answer.status, text

    def submit(self, path: str, fields: dict[str, str]):
        """Open the form, then send it back with what was typed in."""
        status, page = self.request("GET", path)
        assert status == 200, (path, status, page[:300])
        hidden = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page))
        body = urllib.parse.urlencode({**hidden, **fields})
        return self.request(
            "POST", path, body, **{"Content-Type": "application/x-www-form-urlencoded"}
        )

    def sign_in(self, username: str) -> None:
        status, _ = self.submit(
            "/accounts/login/", {"username": username, "password": "scorecard-demo"}
        )
        assert status == 302, f"{username} could not sign in"

    def csrf(self) -> str:
        return self.cookies["csrftoken"]


def wait_for(server: subprocess.Popen, port: int) -> None:
    deadline = time.monotonic() + 120  # shared machines are slow to start gunicorn
    while True:
        assert server.poll() is None, server.stderr.read()
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            assert time.monotonic() < deadline, "gunicorn did not start"
            time.sleep(0.2)


def test_officers_saving_at_once_all_wait_their_turn_and_every_save_is_kept(tmp_path, environment):
    assert scorecard(tmp_path, environment, "demo", "--no-serve").returncode == 0
    found = django_script(tmp_path, environment, FIND_ITEMS)
    items, figures = found["items"], found["figures"]
    assert len(items) >= FORM_SAVES and len(figures) >= API_PATCHES
    # Each officer has different items: a measure's periods all go to the same officer.
    measures = sorted({measure for measure, *_ in items})
    officer_of = {measure: n % OFFICERS for n, measure in enumerate(measures)}
    work: list[list[tuple[int, list]]] = [[] for _ in range(OFFICERS)]
    for n, item in enumerate(items[:FORM_SAVES]):
        work[officer_of[item[0]]].append((n, item))

    port = free_port()
    # Two workers of four threads: eight requests at a time, as in production.
    server = start_gunicorn(tmp_path, environment, port, workers=2, stdout=subprocess.DEVNULL)
    try:
        wait_for(server, port)
        officers = [Officer(port) for _ in range(OFFICERS)]
        for officer in officers:
            officer.sign_in("performance")

        def save_forms(number: int) -> list[tuple[str, int]]:
            officer, answers = officers[number], []
            for n, (measure, cycle, period, counts) in work[number]:
                typed = {"commentary": f"concurrent {n}", "confirm": "on"}
                typed |= {"numerator": str(n + 1), "denominator": "200"} if counts else {}
                typed |= {} if counts else {"value": str(n + 1)}
                query = urllib.parse.urlencode({"cycle": cycle, "period": period})
                status, page = officer.submit(f"/measures/{measure}/values/new/?{query}", typed)
                answers.append((f"form {measure} {period}", status, page[:300]))
            return answers

        def patch(n: int) -> tuple[str, int, str]:
            officer = officers[n % OFFICERS]
            status, text = officer.request(
                "PATCH",
                f"/api/observations/{figures[n]}/",
                json.dumps({"commentary": f"concurrent api {n}"}),
                **{"Content-Type": "application/json", "X-CSRFToken": officer.csrf()},
            )
            return (f"api {figures[n]}", status, text[:300])

        with ThreadPoolExecutor(OFFICERS) as forms, ThreadPoolExecutor(4) as api:
            form_answers = forms.map(save_forms, range(OFFICERS))
            api_answers = list(api.map(patch, range(API_PATCHES)))
            form_answers = [answer for answers in form_answers for answer in answers]
    finally:
        server.terminate()
        server.wait(timeout=30)

    failed = [a for a in form_answers if a[1] != 302] + [a for a in api_answers if a[1] != 200]
    assert failed == [], f"{len(failed)} saves failed, the first: {failed[:1]}"
    assert len(form_answers) == FORM_SAVES and len(api_answers) == API_PATCHES

    # Every value typed is in the database.
    stored = django_script(tmp_path, environment, READ_BACK, "concurrent ")
    kept = {row[3]: row for row in stored}
    for n, (measure, _, period, counts) in enumerate(items[:FORM_SAVES]):
        row = kept.get(f"concurrent {n}")
        assert row is not None, f"the save of {measure} {period} was lost"
        assert row[1:3] == [measure, period]
        assert (row[5], row[6]) == (n + 1, 200) if counts else row[4] == n + 1
    assert {row[0] for row in stored if row[3].startswith("concurrent api ")} == set(
        figures[:API_PATCHES]
    )
    assert all(kept[f"concurrent api {n}"][0] == figures[n] for n in range(API_PATCHES))


pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")
