"""Page response times for a council of 1,000 measures with ten years of monthly data.

    .venv/bin/python bench/bench_pages.py            # 1,000 measures x 120 months = 120,000 rows
    .venv/bin/python bench/bench_pages.py --quick    # 100 measures, fewer requests
    .venv/bin/python bench/bench_pages.py --db /tmp/bench.sqlite3   # keep (and reuse) the database

Builds a fresh SQLite database in a temporary folder with bulk_create (Plan, Outcome, Measure,
Target, Observation), starts the real server (`scorecard serve`) on it in a subprocess, and
times, over loopback with one keep-alive http.client connection:

    the overview page          /
    the overview as at a month /?period=YYYY-MM (halfway through the figures)
    a measure page             /measures/<measure_id>/
    a static file              /static/scorecard/scorecard.css   (the baseline: same server)

It prints median and p95 milliseconds per request, the ratio of each page to the static file,
and a server-time figure: the response's Server-Timing header when the server sends one, else the
loopback wall time (and it says which). Each URL is timed twice: on the one keep-alive connection,
and with a fresh connection per request (`Connection: close`), because a server that writes the
headers and the body in separate sends without TCP_NODELAY stalls each keep-alive response for
the client's delayed ACK (~40 ms on Linux; see python/cpython#108736); the fresh-connection time
is the closer one to server time when there is no Server-Timing header. Every URL must answer 200
first, or the bench stops and says which did not. Timings are printed, never asserted.
The project's goal: the overview for 1,000 measures in under 300 ms of server time.

    --profile   also profiles one overview request in-process (django.test.Client, cProfile)
"""

from __future__ import annotations

import argparse
import cProfile
import http.client
import io
import json
import math
import os
import pstats
import random
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote

PROJECT_DIR = Path(__file__).resolve().parent.parent
SCORECARD = PROJECT_DIR / ".venv" / "bin" / "scorecard"
SEED = 20240601
FIRST_YEAR, FIRST_MONTH = 2015, 4  # ten financial years: Apr 2015 to Mar 2025
GOAL_MS = 300.0
SLOW_MS = 1_000.0
STATIC_PATH = "/static/scorecard/scorecard.css"


class BenchFailed(Exception):
    """A reason the bench cannot give figures, one line, shown to whoever ran it."""


# --- the synthetic council ------------------------------------------------------------------
def setup_django(database: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    # The server signs the session this process makes: the same key for both.
    os.environ.setdefault("SCORECARD_SECRET_KEY", secrets.token_urlsafe(60))
    os.environ["DJANGO_SETTINGS_MODULE"] = "scorecard.settings.local"
    sys.path.insert(0, str(PROJECT_DIR))
    import django

    django.setup()


def migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def measure_id(number: int) -> str:
    return f"BENCH-{number:04d}"


def build_council(n_measures: int, n_months: int, n_outcomes: int = 20) -> int:
    """One plan, its outcomes, n_measures monthly measures, their targets and observations."""
    from django.db import transaction

    from scorecard.core.periods import Period
    from scorecard.framework.models import Outcome, Plan
    from scorecard.measures.models import Measure, Observation, Target

    rng = random.Random(SEED)
    entered_at = datetime(2025, 4, 30, 9, 0, tzinfo=UTC)
    months = [
        Period.month(FIRST_YEAR + (FIRST_MONTH - 1 + i) // 12, (FIRST_MONTH - 1 + i) % 12 + 1)
        for i in range(n_months)
    ]
    with transaction.atomic():
        plan = Plan.objects.create(plan_id="bench", name="Benchmark Council Plan", period="2015-25")
        outcomes = Outcome.objects.bulk_create(
            Outcome(plan=plan, name=f"Outcome {i + 1}: residents are well served", order=i)
            for i in range(n_outcomes)
        )
        measures = Measure.objects.bulk_create(
            _measure(rng, plan, outcomes, n) for n in range(n_measures)
        )
        targets, observations = [], []
        for measure in measures:
            level = Decimal(rng.randint(1_000, 100_000)).scaleb(-2)
            targets.append(
                Target(
                    measure=measure,
                    from_period="",
                    from_month=-1,
                    value=(level * Decimal("1.05")).quantize(Decimal("0.01")),
                )
            )
            change = months[rng.randrange(n_months // 4, n_months * 3 // 4)]
            targets.append(
                Target(
                    measure=measure,
                    from_period=change.label,
                    from_month=change.first_month,
                    value=(level * Decimal("1.10")).quantize(Decimal("0.01")),
                )
            )
            value = level
            for period in months:
                value = max(Decimal(0), value + level * Decimal(rng.randint(-50, 50)) / 1000)
                observation = Observation(
                    measure=measure,
                    value=value.quantize(Decimal("0.01")),
                    entered_at=entered_at,
                    entered_by="bench",
                )
                observation.set_period(period)
                observations.append(observation)
        Target.objects.bulk_create(targets, batch_size=2_000)
        Observation.objects.bulk_create(observations, batch_size=2_000)
    return len(observations)


def _measure(rng: random.Random, plan, outcomes, number: int):
    from scorecard.measures.models import Measure

    relative = rng.random() < 0.5
    return Measure(
        measure_id=measure_id(number),
        title=f"Benchmark measure {number}: residents helped within the month",
        description="A synthetic measure for the page benchmark.",
        plan=plan,
        outcome=outcomes[number % len(outcomes)],
        polarity=rng.choice(["higher", "higher", "lower", "lower", "neutral"]),
        unit=rng.choice(["percent", "count", "rate", "days", "money", "score"]),
        frequency="monthly",
        tolerance=Decimal(rng.choice([0, 2, 5, 10])) if relative else Decimal(rng.randint(0, 500)),
        tolerance_type="relative" if relative else "absolute",
        steady_band=Decimal(0) if rng.random() < 0.5 else Decimal(rng.randint(0, 100)).scaleb(-2),
        owner="Head of Service",
        source="Synthetic",
        decimals=rng.choice([None, 0, 1, 2]),
        order=number,
    )


def signed_in_cookie() -> str:
    """A session for an officer who reads every plan: every page needs a sign-in."""
    from django.contrib.auth import get_user_model
    from django.test import Client as DjangoClient

    officer, _ = get_user_model().objects.get_or_create(username="bench-officer")
    client = DjangoClient()
    client.force_login(officer)
    return f"sessionid={client.cookies['sessionid'].value}"


def middle_month(n_months: int) -> str:
    """A month halfway through the figures: the overview as it stood then."""
    month = FIRST_MONTH - 1 + n_months // 2
    return f"{FIRST_YEAR + month // 12}-{month % 12 + 1:02d}"


def last_quarter(n_months: int) -> str:
    from scorecard.core.periods import Period

    month = FIRST_MONTH - 1 + n_months - 1
    return Period.quarter_containing(date(FIRST_YEAR + month // 12, month % 12 + 1, 1)).display


def measures_in_database() -> int:
    from scorecard.measures.models import Measure

    return Measure.objects.count()


# --- the server -------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(database: Path, port: int, log: Path) -> subprocess.Popen:
    env = dict(
        os.environ,
        DATABASE_URL=f"sqlite:///{database}",
        DJANGO_SETTINGS_MODULE="scorecard.settings.local",
    )
    with log.open("wb") as out:
        server = subprocess.Popen(
            [str(SCORECARD), "serve", "--port", str(port)],
            cwd=PROJECT_DIR,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise BenchFailed(f"the server exited with code {server.returncode}:\n{_tail(log)}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", STATIC_PATH)
            connection.getresponse().read()
            connection.close()
            return server
        except OSError:
            time.sleep(0.2)
    stop_server(server)
    raise BenchFailed(f"the server did not answer on port {port} within 60 s:\n{_tail(log)}")


def stop_server(server: subprocess.Popen) -> None:
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _tail(log: Path, lines: int = 15) -> str:
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no server log)"


# --- the requests -----------------------------------------------------------------------------
_DURATION = re.compile(r"(?:^|,)\s*([^;,\s]+)[^,]*?;\s*dur=([0-9.]+)")


def server_timing(header: str | None) -> dict[str, float]:
    """{'total': 123.4, ...} from a Server-Timing header ('total;dur=123.4, db;dur=5')."""
    if not header:
        return {}
    return {name: float(ms) for name, ms in _DURATION.findall(header)}


class Client:
    """One keep-alive connection (counting how often the server closed it), or fresh ones."""

    def __init__(self, port: int, cookie: str) -> None:
        self.port = port
        self.headers = {"Accept-Encoding": "identity", "Cookie": cookie}
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        self.reconnects = 0

    def get(self, path: str) -> tuple[int, float, dict[str, float], int]:
        """Status, wall milliseconds, Server-Timing durations, body bytes: keep-alive."""
        started = time.perf_counter()
        try:
            self.connection.request("GET", path, headers=self.headers)
            response = self.connection.getresponse()
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            self.connection.close()
            self.reconnects += 1
            started = time.perf_counter()
            self.connection.request("GET", path, headers=self.headers)
            response = self.connection.getresponse()
        body = response.read()
        wall = (time.perf_counter() - started) * 1000
        if response.will_close:
            self.connection.close()
            self.reconnects += 1
        return response.status, wall, server_timing(response.getheader("Server-Timing")), len(body)

    def get_fresh(self, path: str) -> tuple[int, float, dict[str, float], int]:
        """The same, on a new connection that closes after the response."""
        started = time.perf_counter()
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=300)
        try:
            connection.request("GET", path, headers={**self.headers, "Connection": "close"})
            response = connection.getresponse()
            body = response.read()
        finally:
            connection.close()
        wall = (time.perf_counter() - started) * 1000
        return response.status, wall, server_timing(response.getheader("Server-Timing")), len(body)


def check_answers(client: Client, targets: dict[str, str]) -> None:
    failures = []
    for name, path in targets.items():
        status, wall, _, size = client.get(path)
        print(f"  {name:<26} GET {path}: {status} ({size:,} bytes, first request {wall:,.0f} ms)")
        if status != 200:
            failures.append(f"{name} (GET {path}) answered {status}, not 200")
    if failures:
        raise BenchFailed("; ".join(failures))


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    rank = math.ceil(share * len(ordered))
    return ordered[min(len(ordered), max(rank, 1)) - 1]


def time_path(get, path: str, requests: int, warmup: int, budget: float) -> dict:
    """Up to `requests` timed GETs (at least 3), stopping early once `budget` seconds are spent."""
    for _ in range(warmup):
        get(path)
    walls, timings = [], []
    deadline = time.monotonic() + budget
    while len(walls) < requests and (len(walls) < 3 or time.monotonic() < deadline):
        status, wall, timing, _ = get(path)
        if status != 200:
            raise BenchFailed(f"GET {path} answered {status} during timing")
        walls.append(wall)
        timings.append(timing)
    return {"walls": walls, "timings": timings}


def server_time(kept: dict, fresh: dict) -> tuple[float, float, str]:
    """Median and p95 server milliseconds, and where the figure came from: the Server-Timing
    header if every response had one, else the fresh-connection loopback wall time."""
    every = kept["timings"] + fresh["timings"]
    if every and all(every):
        name = "total" if all("total" in t for t in every) else next(iter(every[0]))
        values = [t.get(name, 0.0) for t in every]
        return statistics.median(values), percentile(values, 0.95), f"Server-Timing '{name}'"
    walls = fresh["walls"]
    return (
        statistics.median(walls),
        percentile(walls, 0.95),
        "no Server-Timing header: loopback wall time on a fresh connection",
    )


def report(kept: dict[str, dict], fresh: dict[str, dict], n_measures: int) -> None:
    static_kept = statistics.median(kept["static file"]["walls"])
    static_fresh = statistics.median(fresh["static file"]["walls"])
    print()
    print(f"{'':<26} {'keep-alive connection':^34}|{'fresh connection per request':^34}")
    columns = f"{'n':>4} {'median ms':>10} {'p95 ms':>8} {'x static':>8}"
    print(f"{'':<26} {columns}  | {columns}")
    for name in kept:
        cells = []
        for result, static in ((kept[name], static_kept), (fresh[name], static_fresh)):
            walls = result["walls"]
            median = statistics.median(walls)
            cells.append(
                f"{len(walls):>4} {median:>10.1f} {percentile(walls, 0.95):>8.1f} "
                f"{median / static:>8.1f}"
            )
        print(f"{name:<26} {cells[0]}  | {cells[1]}")
    print("\nserver time:")
    for name in kept:
        median, p95, source = server_time(kept[name], fresh[name])
        print(f"  {name:<26} median {median:>8.1f} ms  p95 {p95:>8.1f} ms  [{source}]")
    overview, _, _ = server_time(kept["overview"], fresh["overview"])
    verdict = "met" if overview < GOAL_MS else "NOT met"
    if n_measures != 1_000:
        verdict = f"not judged: the goal is for 1,000 measures, this run has {n_measures:,}"
    print(f"\ngoal: overview under {GOAL_MS:.0f} ms server time: {overview:.1f} ms: {verdict}")


def profile_page(path: str, lines: int = 30) -> str:
    """cProfile of one request for `path`, in this process, through django.test.Client."""
    from django.contrib.auth import get_user_model
    from django.test import Client as DjangoClient

    client = DjangoClient()
    client.force_login(get_user_model().objects.get(username="bench-officer"))
    client.get(path)  # warm: templates compiled, database connection open
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    response = client.get(path)
    profiler.disable()
    wall = (time.perf_counter() - started) * 1000
    out = io.StringIO()
    out.write(f"GET {path} in-process: {response.status_code}, {wall:.0f} ms under cProfile\n")
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(lines)
    stats.sort_stats("tottime").print_stats(lines)
    return out.getvalue()


# --- main -------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="100 measures and fewer requests")
    parser.add_argument("--db", type=Path, help="SQLite file to build, or reuse if it has the data")
    parser.add_argument("--requests", type=int, help="timed requests per URL (20; quick 5)")
    parser.add_argument(
        "--budget", type=float, default=60.0, help="seconds per URL and mode (at least 3 requests)"
    )
    parser.add_argument("--profile", action="store_true", help="cProfile one overview request")
    parser.add_argument("--measures", type=int, help="measures in the council (1,000; quick 100)")
    parser.add_argument("--months", type=int, default=120, help="months of figures per measure")
    parser.add_argument("--json", type=Path, help="also write the server times to this file")
    parser.add_argument("--no-report", action="store_true", help="leave out the report")
    arguments = parser.parse_args(argv)
    n_measures = arguments.measures or (100 if arguments.quick else 1_000)
    n_months = arguments.months
    page_requests = arguments.requests or (5 if arguments.quick else 20)
    static_requests = max(50, page_requests * 10)

    with tempfile.TemporaryDirectory(prefix="scorecard-bench-") as scratch:
        database = (arguments.db or Path(scratch) / "bench.sqlite3").resolve()
        setup_django(database)
        migrate()
        present = measures_in_database()
        if present == n_measures:
            print(f"data: reusing {database} ({n_measures:,} measures)")
        elif present:
            print(f"bench: {database} holds {present} measures, not {n_measures}", file=sys.stderr)
            return 2
        else:
            started = time.perf_counter()
            rows = build_council(n_measures, n_months)
            print(
                f"data: {n_measures:,} measures x {n_months} months = {rows:,} observations, "
                f"built in {time.perf_counter() - started:.1f} s ({database})"
            )

        targets = {
            "overview": "/",
            "overview as at a month": f"/?period={middle_month(n_months)}",
            "measure page": f"/measures/{measure_id(n_measures // 2)}/",
            "corporate report (HTML)": (
                f"/reports/?kind=corporate&format=html&plan=bench"
                f"&period={quote(last_quarter(n_months))}"
            ),
            "static file": STATIC_PATH,
        }
        if arguments.no_report:
            del targets["corporate report (HTML)"]
        cookie = signed_in_cookie()
        port = free_port()
        log = Path(scratch) / "server.log"
        server = None
        try:
            server = start_server(database, port, log)
            print(f"server: scorecard serve --port {port} (pid {server.pid})")
            client = Client(port, cookie)
            check_answers(client, targets)
            kept, fresh = {}, {}
            for name, path in targets.items():
                count = static_requests if name == "static file" else page_requests
                kept[name] = time_path(client.get, path, count, 1, arguments.budget)
                if statistics.median(kept[name]["walls"]) > SLOW_MS:
                    # A delayed ACK's 40 ms is nothing beside this: not worth timing again.
                    fresh[name] = kept[name]
                else:
                    fresh[name] = time_path(client.get_fresh, path, count, 1, arguments.budget)
            report(kept, fresh, n_measures)
            if arguments.json:
                times = {name: server_time(kept[name], fresh[name]) for name in targets}
                arguments.json.write_text(json.dumps({"measures": n_measures, "times": times}))
            print(f"keep-alive: the server closed the connection {client.reconnects} time(s)")
        except BenchFailed as failure:
            print(f"\nbench_pages FAILED: {failure}", file=sys.stderr)
            return 1
        finally:
            if server is not None:
                stop_server(server)
        if arguments.profile:
            print()
            print(profile_page("/"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
