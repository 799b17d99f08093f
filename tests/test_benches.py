"""Every bench that checks its answers against a baseline's exits non-zero when they differ:
a wrong answer must stop a script or CI run, not only be printed. Each bench's comparison is
called on a tiny set with one answer changed, not the whole bench."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench"


def bench(name: str):
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    # Its dataclasses look their module up by name.
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_bench_benchmarking_exits_non_zero_when_the_core_and_the_loop_differ(capsys):
    b = bench("bench_benchmarking")
    _, neighbours, slices = b.national_set(3)
    core = b.through_the_core(slices, neighbours)
    assert b.exit_status(core, b.plain_loop(slices, neighbours)) == 0
    # One area's neighbour average off in the loop's answer.
    loop = b.plain_loop(slices, neighbours)
    places, averages = loop[(0, 0)]
    area = next(a for a, value in averages.items() if value is not None)
    averages[area] += 1
    assert b.exit_status(core, loop) == 1
    assert "RESULTS DIFFER" in capsys.readouterr().out
    # One area's rank off.
    loop = b.plain_loop(slices, neighbours)
    places = loop[(1, 0)][0]
    area = next(iter(places))
    places[area] = (places[area][0] + 1, places[area][1])
    assert b.exit_status(core, loop) == 1


def test_bench_ratings_exits_non_zero_when_the_core_and_the_baseline_differ(capsys):
    b = bench("bench_ratings")
    measures = b.build(3, 24)
    core = b.core_path(measures)
    assert b.exit_status(core, b.baseline_path(measures)) == 0
    baseline = b.baseline_path(measures)
    target, rating, way = baseline[1][5]
    baseline[1][5] = (target, rating, "a different direction")
    assert b.exit_status(core, baseline) == 1
    assert "results identical: NO - measure 1 reading 5" in capsys.readouterr().out
