"""A load test on loopback: 50 signed-in officers for 60 s against `scorecard serve --production`
(gunicorn) on PostgreSQL, over a mix of pages and API calls (bench/locustfile.py).

    bash .ci/postgres.sh start                         # a throwaway cluster; prints its URL
    python3 -m venv /tmp/locust && /tmp/locust/bin/pip install locust
    DATABASE_URL=postgres://... .venv/bin/python bench/bench_load.py --locust /tmp/locust/bin/locust
    ... bench/bench_load.py --users 50 --seconds 60 --think 1 3 --workers 5

Locust is the load tool, kept out of the project's own dependencies (it brings gevent and
Flask): give its command with --locust, or have `locust` on PATH. Without DATABASE_URL the bench
starts .ci/postgres.sh's cluster itself and stops it afterwards.

What it does: loads the demo council into the database (`scorecard demo --no-serve --force`;
or --synthetic N for a council of N measures), signs in fifty sessions and makes API tokens,
starts `scorecard serve --production`, checks every address answers 200, then runs locust
headless. Each simulated officer waits --think seconds (uniform) between requests, as someone
reading a page would. It prints throughput, p50/p95/p99 and errors, per kind of request and for
all pages and API calls together, exact from every response time (not locust's rounded
figures), against the baseline measured in the same run: a static file from the same server
through the same connections. The project's goal: zero errors and p95 under 300 ms. Figures
are printed, never asserted; the machine's load average before and after is printed too,
because on a shared machine it is the noise.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
STATIC = "/static/scorecard/scorecard.css"
GOAL_P95_MS = 300.0
BASELINE = "baseline: static file"

# Run in a child with the production settings: the sessions and tokens the officers use.
SIGN_IN = """
import json, sys
import django
django.setup()
from django.test import Client
from knox.models import AuthToken
from scorecard.framework.models import Outcome
from scorecard.measures.models import Measure
from scorecard.tenancy.models import Tenant, users_in
from scorecard.tenancy.scope import acting_for

# The officers of one council (the default one: the demo's), and that council's measures.
with acting_for(Tenant.default()):
    users = list(users_in(Tenant.default()).filter(is_active=True).order_by("username"))
    measures = list(Measure.objects.values_list("measure_id", flat=True))
    outcomes = list(Outcome.objects.values_list("pk", flat=True))
sessions = []
for number in range(int(sys.argv[1])):
    client = Client()
    client.force_login(users[number % len(users)])
    sessions.append(client.cookies["sessionid"].value)
print(json.dumps({
    "sessions": sessions,
    "tokens": [AuthToken.objects.create(user)[1] for user in users],
    "measures": measures,
    "outcomes": outcomes,
}))
"""


class BenchFailed(Exception):
    """Why the bench cannot give figures, in one line."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def production_environment(url: str) -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    environment.update(
        DATABASE_URL=url,
        SCORECARD_SECRET_KEY=secrets.token_urlsafe(64),
        SCORECARD_ALLOWED_HOSTS="127.0.0.1",
        PYTHONPATH=str(ROOT),
    )
    return environment


def scorecard(environment: dict, *arguments: str) -> str:
    done = subprocess.run(
        [PYTHON, "-m", "scorecard", *arguments],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
    )
    if done.returncode != 0:
        raise BenchFailed(f"scorecard {' '.join(arguments)} failed: {done.stderr.strip()[-800:]}")
    return done.stdout


def load_council(environment: dict, synthetic: int | None) -> None:
    if synthetic:
        scorecard(environment, "demo", "--no-serve", "--force", "--synthetic",
                  "--measures", str(synthetic), "--years", "5")  # fmt: skip
    else:
        scorecard(environment, "demo", "--no-serve", "--force")


def sign_in(environment: dict, sessions: int) -> dict:
    production = {**environment, "DJANGO_SETTINGS_MODULE": "scorecard.settings.production"}
    done = subprocess.run(
        [PYTHON, "-c", SIGN_IN, str(sessions)],
        capture_output=True,
        text=True,
        env=production,
        cwd=ROOT,
    )
    if done.returncode != 0:
        raise BenchFailed(f"signing in failed: {done.stderr.strip()[-800:]}")
    return json.loads(done.stdout)


def get(port: int, path: str, headers: dict) -> int:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={"X-Forwarded-Proto": "https", **headers}
    )

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):  # noqa: ANN002, ANN003
            return None

    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def start_server(environment: dict, port: int, workers: int | None, log: Path):
    command = [PYTHON, "-m", "scorecard", "serve", "--production", "--port", str(port)]
    if workers:
        command += ["--workers", str(workers)]
    server = subprocess.Popen(
        command, env=environment, cwd=ROOT, stdout=log.open("w"), stderr=subprocess.STDOUT
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise BenchFailed(f"the server stopped: {log.read_text()[-800:]}")
        try:
            if get(port, STATIC, {}) == 200:
                return server
        except OSError:
            pass
        time.sleep(0.3)
    server.terminate()
    raise BenchFailed("the server did not answer within 60 s")


def check_targets(port: int, targets: dict) -> None:
    """Every kind of address once: a sign-in redirect or 404 would make the load test a test of
    error pages."""
    cookie = {"Cookie": f"sessionid={targets['sessions'][0]}"}
    token = {"Authorization": f"Token {targets['tokens'][0]}"}
    measure, outcome = targets["measures"][0], targets["outcomes"][0]
    pages = ["/", f"/measures/{measure}/", "/measures/", f"/outcomes/{outcome}/", "/projects/",
             "/risks/", "/public/"]  # fmt: skip
    api = ["/api/measures/", f"/api/observations/?measure={measure}", f"/api/measures/{measure}/"]
    for path, headers in [(p, cookie) for p in pages] + [(p, token) for p in api]:
        status = get(port, path, headers)
        if status != 200:
            raise BenchFailed(f"{path} answered {status}, not 200")


def find_locust(given: str | None) -> str:
    command = given or shutil.which("locust")
    if not command or not Path(command).exists() and not shutil.which(command):
        raise BenchFailed(
            "no locust: python3 -m venv /tmp/locust && /tmp/locust/bin/pip install locust, "
            "then --locust /tmp/locust/bin/locust"
        )
    return command


def run_locust(locust: str, port: int, arguments, targets_file: Path, results: Path) -> None:
    environment = {
        **os.environ,
        "SCORECARD_LOAD_TARGETS": str(targets_file),
        "SCORECARD_LOAD_RESULTS": str(results),
    }
    command = [
        locust, "-f", str(ROOT / "bench" / "locustfile.py"), "--headless",
        "--users", str(arguments.users), "--spawn-rate", str(arguments.users),
        "--run-time", f"{arguments.seconds + arguments.warmup}s", "--host", f"http://127.0.0.1:{port}",
        "--only-summary", "--loglevel", "WARNING", "--exit-code-on-error", "0",
    ]  # fmt: skip
    done = subprocess.run(command, env=environment, capture_output=True, text=True)
    if done.returncode != 0 or not results.exists():
        raise BenchFailed(f"locust failed: {done.stderr.strip()[-800:]}")


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank: the smallest time at least `share` of the requests took no longer than."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))]


def figures(rows: list[list], seconds: float) -> dict:
    times = [row[1] for row in rows]
    return {
        "requests": len(rows),
        "errors": sum(1 for row in rows if row[2]),
        "per_second": len(rows) / seconds,
        "p50": percentile(times, 0.50),
        "p95": percentile(times, 0.95),
        "p99": percentile(times, 0.99),
        "mean": statistics.fmean(times),
    }


def line(name: str, figure: dict) -> str:
    return (
        f"{name:28} {figure['requests']:7d} {figure['errors']:6d} {figure['per_second']:8.1f} "
        f"{figure['p50']:8.1f} {figure['p95']:8.1f} {figure['p99']:8.1f}"
    )


def report(results: Path, arguments, load_before, load_after, council: str) -> None:
    recorded = json.loads(results.read_text())
    rows, errors = recorded["requests"], recorded["errors"]
    seconds = arguments.seconds
    kinds = sorted({row[0] for row in rows})
    print(f"\nLoad test: {arguments.users} users for {seconds} s, think time "
          f"{arguments.think[0]}-{arguments.think[1]} s, {council}, "
          f"{os.cpu_count()} cores")  # fmt: skip
    print(f"after {arguments.warmup} s of warm-up, not recorded; "
          f"load average before: {load_before:.2f}, after: {load_after:.2f}")  # fmt: skip
    print(f"{'request':28} {'count':>7} {'errors':>6} {'per s':>8} "
          f"{'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")  # fmt: skip
    for kind in kinds:
        print(line(kind, figures([r for r in rows if r[0] == kind], seconds)))
    work = figures([r for r in rows if r[0] != BASELINE], seconds)
    baseline = figures([r for r in rows if r[0] == BASELINE], seconds)
    print(line("ALL pages and API calls", work))
    print(
        f"\nratio to the baseline (static file, same run): p50 "
        f"{work['p50'] / baseline['p50']:.1f}x, p95 {work['p95'] / baseline['p95']:.1f}x"
    )
    verdict = "met" if work["errors"] == 0 and work["p95"] < GOAL_P95_MS else "NOT met"
    print(f"goal (zero errors, p95 < {GOAL_P95_MS:.0f} ms): {verdict}")
    for message in errors[:10]:
        print(f"  error: {message}")


def run(arguments) -> None:
    url = os.environ.get("DATABASE_URL")
    started_cluster = False
    if not url:
        url = subprocess.run(
            ["bash", str(ROOT / ".ci" / "postgres.sh"), "start"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
        started_cluster = True
    if not url.startswith("postgres"):
        raise BenchFailed("the load test is of PostgreSQL: DATABASE_URL must be postgres://...")
    locust = find_locust(arguments.locust)
    environment = production_environment(url)
    try:
        print("Loading the council...", file=sys.stderr)
        load_council(environment, arguments.synthetic)
        targets = sign_in(environment, arguments.users)
        think_min, think_max = arguments.think
        targets.update(
            warmup=arguments.warmup, static=STATIC, think_min=think_min, think_max=think_max
        )
        council = (
            f"a synthetic council of {arguments.synthetic} measures"
            if arguments.synthetic
            else f"the demo council ({len(targets['measures'])} measures)"
        )
        with tempfile.TemporaryDirectory(prefix="bench-load-") as folder:
            targets_file = Path(folder) / "targets.json"
            targets_file.write_text(json.dumps(targets))
            port = free_port()
            server = start_server(environment, port, arguments.workers, Path(folder) / "server.log")
            try:
                check_targets(port, targets)
                load_before = os.getloadavg()[0]
                print(f"Running locust for {arguments.seconds} s...", file=sys.stderr)
                results = Path(folder) / "results.json"
                run_locust(locust, port, arguments, targets_file, results)
                load_after = os.getloadavg()[0]
            finally:
                server.terminate()
                server.wait(timeout=30)
            report(results, arguments, load_before, load_after, council)
    finally:
        if started_cluster:
            subprocess.run(["bash", str(ROOT / ".ci" / "postgres.sh"), "stop"], check=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--think", type=float, nargs=2, default=[1.0, 3.0], metavar=("MIN", "MAX"))
    parser.add_argument("--warmup", type=int, default=15, help="seconds not recorded first")
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: 2 per core + 1)")
    parser.add_argument("--synthetic", type=int, metavar="MEASURES")
    parser.add_argument("--locust", help="the locust command (default: locust on PATH)")
    try:
        run(parser.parse_args(argv))
    except BenchFailed as exc:
        print(f"bench_load: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
