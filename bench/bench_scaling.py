"""How the cost of the pages grows with the council: the overview, a measure page and the
corporate report (HTML) for 100, 1,000 and 10,000 measures, each timed by bench_pages.py on
its own freshly built SQLite database.

    .venv/bin/python bench/bench_scaling.py                 # 100, 1,000, 10,000 measures
    .venv/bin/python bench/bench_scaling.py --sizes 100 1000 --months 24

Each size is built with --months months of figures per measure (24 by default: the pages show
the latest figures and a year's trend, so history beyond that changes little but build time).
The baseline for each step is the same page at the size before, in the same run; the growth
factor is time(10n) / time(n), where 10 would be exactly linear. The project's goal: ten times
the measures costs at most twelve times the time for the overview page. Server time is the
Server-Timing header's figure (the view's own time, without the network). Printed, never
asserted.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL_GROWTH = 12.0
REPORT = "corporate report (HTML)"
PAGES = ["overview", "measure page", REPORT]


def time_size(measures: int, months: int, requests: int, folder: Path, pages: list) -> dict:
    result = folder / f"{measures}.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "bench_pages.py"), "--measures", str(measures),
         "--months", str(months), "--requests", str(requests), "--budget", "20",
         "--json", str(result)] + ([] if REPORT in pages else ["--no-report"]),
        capture_output=True, text=True,
    )  # fmt: skip
    if done.returncode != 0:
        sys.exit(f"bench_pages.py for {measures} measures failed:\n{done.stderr[-1500:]}")
    print(done.stdout.splitlines()[0], flush=True)  # what was built, and how fast
    return json.loads(result.read_text())["times"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1_000, 10_000])
    parser.add_argument("--months", type=int, default=24)
    parser.add_argument("--requests", type=int, default=10, help="timed requests per page")
    parser.add_argument(
        "--no-report", action="store_true", help="pages only (the report takes most of the time)"
    )
    arguments = parser.parse_args(argv)
    pages = [page for page in PAGES if not (arguments.no_report and page == REPORT)]
    with tempfile.TemporaryDirectory(prefix="bench-scaling-") as folder:
        times = {n: time_size(n, arguments.months, arguments.requests, Path(folder), pages)
                 for n in arguments.sizes}  # fmt: skip
    sizes = arguments.sizes
    print(f"\nmedian server time in ms (p95), {arguments.months} months of figures per measure")
    print(f"{'page':26}" + "".join(f"{n:>20,}" for n in sizes))
    for page in pages:
        cells = "".join(f"{times[n][page][0]:>11.1f} ({times[n][page][1]:>6.1f})" for n in sizes)
        print(f"{page:26}{cells}")
    print("\ngrowth factor, time(larger) / time(smaller) (10x the measures: 10 is linear)")
    for smaller, larger in zip(sizes, sizes[1:], strict=False):
        growth = {page: times[larger][page][0] / times[smaller][page][0] for page in pages}
        step = larger / smaller
        cells = ", ".join(f"{page} {growth[page]:.1f}x" for page in pages)
        print(f"  {smaller:,} -> {larger:,} measures ({step:g}x): {cells}")
        allowed = GOAL_GROWTH * step / 10
        verdict = "met" if growth["overview"] <= allowed else "NOT met"
        print(f"    goal: overview at most {allowed:g}x: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
