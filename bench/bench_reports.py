"""Time to make the corporate report in each format, for the demo council and for a council
ten times larger, so the ratio shows how the cost grows.

    .venv/bin/python bench/bench_reports.py            # demo, then x10: about 2 minutes
    .venv/bin/python bench/bench_reports.py --quick    # fewer repeats
    .venv/bin/python bench/bench_reports.py --times 5  # demo, then x5

The demo is loaded through the importer into a fresh SQLite file. The larger council is the same
demo with the business plan's measures (with their targets and observations) and projects (with
their status reports and milestones) copied nine more times into the same outcomes, so every
outcome holds ten times as many measures and projects and the report is ten times as long.

For each format the bench times the whole job `scorecard report` does (build the report from
the database, then render it) and prints the median of several runs. The baseline is the demo's
own report measured in the same run: the last column is larger / demo, against the goal of at
most 12 for ten times the measures. Goals for the demo: HTML under 1 s, Word under 5 s, PDF under
10 s. Timings are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
PERIOD = "Q2 2019/20"
PLAN = "business-plan"
FORMATS = ("html", "xlsx", "docx", "pdf")
GOALS = {"html": 1.0, "docx": 5.0, "pdf": 10.0}
GROWTH_GOAL = 12.0


def setup_django(database: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "scorecard.settings.local"
    sys.path.insert(0, str(PROJECT_DIR))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def load_demo() -> None:
    from scorecard.demo.loader import demo_files
    from scorecard.interchange.importer import import_files

    import_files(demo_files(), entered_by="bench")


def _copy_measures(copy: int) -> None:
    from scorecard.measures.models import Measure, Observation, Target

    originals = list(Measure.objects.filter(plan__plan_id=PLAN).exclude(measure_id__contains="~"))
    for original in originals:
        targets = list(original.targets.all())
        observations = list(original.observations.all())
        original.pk = None
        original.measure_id = f"{original.measure_id}~{copy}"
        original.title = f"{original.title} ({copy + 1})"
        original.save()
        for target in targets:
            target.pk, target.measure = None, original
        Target.objects.bulk_create(targets)
        for observation in observations:
            observation.pk, observation.measure = None, original
        Observation.objects.bulk_create(observations)


def _copy_projects(copy: int) -> None:
    from scorecard.delivery.models import Milestone, Project, ProjectUpdate

    originals = list(Project.objects.filter(plan__plan_id=PLAN).exclude(project_id__contains="~"))
    for original in originals:
        updates = list(original.updates.all())
        milestones = list(original.milestones.all())
        original.pk = None
        original.project_id = f"{original.project_id}~{copy}"
        original.title = f"{original.title} ({copy + 1})"
        original.save()
        for update in updates:
            update.pk, update.project = None, original
        ProjectUpdate.objects.bulk_create(updates)
        for milestone in milestones:
            milestone.pk, milestone.project = None, original
        Milestone.objects.bulk_create(milestones)


def enlarge(times: int) -> None:
    from django.db import transaction

    with transaction.atomic():
        for copy in range(1, times):
            _copy_measures(copy)
            _copy_projects(copy)


def size() -> str:
    from scorecard.delivery.models import Project
    from scorecard.measures.models import Measure, Observation

    measures = Measure.objects.filter(plan__plan_id=PLAN)
    return (
        f"{measures.count():,} measures, "
        f"{Observation.objects.filter(measure__in=measures).count():,} observations, "
        f"{Project.objects.filter(plan__plan_id=PLAN).count():,} projects"
    )


def time_formats(repeats: dict[str, int]) -> dict[str, tuple[float, int, int]]:
    """Median seconds to build and render, the report's page count proxy (bytes), and runs."""
    from scorecard.core.period_parser import parse_period
    from scorecard.reports.kinds import KINDS, render

    period = parse_period(PERIOD)
    results = {}
    for format_name in FORMATS:
        runs, size_bytes = [], 0
        for _ in range(repeats[format_name]):
            started = time.perf_counter()
            report = KINDS["corporate"].build(period, PLAN)
            size_bytes = len(render(report, format_name))
            runs.append(time.perf_counter() - started)
        results[format_name] = (statistics.median(runs), size_bytes, len(runs))
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument("--times", type=int, default=10, help="how much larger (default 10)")
    arguments = parser.parse_args()
    repeats = dict.fromkeys(FORMATS, 1 if arguments.quick else 3)
    repeats["html"] = 3 if arguments.quick else 7

    with tempfile.TemporaryDirectory() as folder:
        setup_django(Path(folder) / "bench.sqlite3")
        load_demo()
        print(f"Demo council: {size()}")
        # One run first so imports, templates and fonts are loaded before anything is timed.
        time_formats(dict.fromkeys(FORMATS, 1))
        demo = time_formats(repeats)
        enlarge(arguments.times)
        print(f"Council x{arguments.times}: {size()}")
        larger = time_formats(repeats)

    print()
    print(f"Corporate report, {PERIOD}: median seconds to build and render")
    print(
        f"{'format':<6} {'demo':>8} {'goal':>6} {'x' + str(arguments.times):>9} {'ratio':>7}  size"
    )
    for format_name in FORMATS:
        small, small_bytes, runs = demo[format_name]
        big, big_bytes, _ = larger[format_name]
        goal = GOALS.get(format_name)
        print(
            f"{format_name:<6} {small:>7.2f}s {(f'<{goal:g}s' if goal else ''):>6} "
            f"{big:>8.2f}s {big / small:>7.1f}  "
            f"{small_bytes / 1024:,.0f} KB -> {big_bytes / 1024:,.0f} KB ({runs} runs each)"
        )
    print(
        f"\nRatio goal: at most {GROWTH_GOAL:g} for {arguments.times} times the measures "
        "(the baseline is the demo's report, timed in this run)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
