"""Progress statements for outcome indicators: against the baseline and the comparators."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from scorecard.core.periods import Period
from scorecard.core.ratings import Polarity


@dataclass(frozen=True, slots=True)
class Benchmark:
    name: str
    value: Decimal


def _judged(difference: Decimal, polarity: Polarity, better: str, worse: str, same: str) -> str:
    if difference == 0:
        return same
    if polarity is Polarity.NEUTRAL:
        return "higher" if difference > 0 else "lower"
    return better if difference * polarity.sign > 0 else worse


def since_baseline(baseline: Decimal | None, latest: Decimal | None, polarity: Polarity) -> str:
    if baseline is None or latest is None:
        return ""
    word = _judged(latest - baseline, polarity, "improved", "worsened", "unchanged")
    if word in ("higher", "lower"):
        return f"{word} than the baseline"
    return f"{word} since the baseline"


def against(benchmark: Benchmark, latest: Decimal | None, polarity: Polarity) -> str:
    if latest is None:
        return ""
    word = _judged(latest - benchmark.value, polarity, "better than", "worse than", "the same as")
    if word in ("higher", "lower"):
        word = f"{word} than"
    return f"{word} {benchmark.name}"


def progress_statement(
    baseline: Decimal | None,
    latest: Decimal | None,
    polarity: Polarity,
    benchmarks: list[Benchmark],
) -> str:
    """e.g. "Improved since the baseline; worse than England; better than neighbours"."""
    parts = [since_baseline(baseline, latest, polarity)]
    parts += [against(b, latest, polarity) for b in benchmarks]
    sentence = "; ".join(p for p in parts if p)
    return sentence[:1].upper() + sentence[1:] if sentence else "Not enough data to judge progress"


@dataclass(frozen=True, slots=True)
class Figure:
    value: Decimal
    period: Period


def comparable(earlier: Figure, latest: Figure) -> bool:
    """Figures compare only when their periods are of one kind: a month's count against a
    rolling year's, or a year's rate against a month's, says nothing about progress."""
    return earlier.period.kind is latest.period.kind


def indicator_progress(
    latest: Figure | None,
    baseline: Figure | None,
    benchmarks: list[tuple[str, Figure]],
    polarity: Polarity,
) -> str:
    """The progress statement of an outcome indicator, comparing like with like only, and
    saying which figures it could not compare."""
    if latest is None:
        return progress_statement(None, None, polarity, [])
    others = [("the baseline", baseline), *benchmarks]
    unlike = [
        name
        for name, f in others
        if f is not None and f is not latest and not comparable(f, latest)
    ]
    statement = progress_statement(
        baseline.value
        if baseline and baseline is not latest and comparable(baseline, latest)
        else None,
        latest.value,
        polarity,
        [Benchmark(name, f.value) for name, f in benchmarks if comparable(f, latest)],
    )
    if unlike:
        statement += f" (not compared with {' or '.join(unlike)}: a different kind of period)"
    return statement
