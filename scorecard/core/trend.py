"""The recent trend of an annual series of proportions: the chi-squared test for trend
(Cochran-Armitage) over the five most recent points, as public health profiles report it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from scorecard.core.intervals import z_score
from scorecard.core.ratings import Polarity

POINTS = 5


class Trend(StrEnum):
    INCREASING = "increasing"
    DECREASING = "decreasing"
    NO_CHANGE = "no significant change"
    NOT_CALCULATED = "could not be calculated"


@dataclass(frozen=True)
class RecentTrend:
    trend: Trend
    chi_squared: float | None = None

    def in_words(self, polarity: Polarity) -> str:
        """ "Increasing and getting better", "Decreasing and getting worse", "No significant
        change"…; higher or lower alone where neither is better."""
        if self.trend not in (Trend.INCREASING, Trend.DECREASING):
            return self.trend.capitalize()
        if polarity is Polarity.NEUTRAL:
            return self.trend.capitalize()
        rising = self.trend is Trend.INCREASING
        better = rising == (polarity is Polarity.HIGHER)
        return f"{self.trend.capitalize()} and getting {'better' if better else 'worse'}"


def chi_squared_for_trend(counts: Sequence[float], denominators: Sequence[float]) -> float:
    """Armitage's statistic (1 degree of freedom) for a linear trend in the proportions
    counts[i]/denominators[i] over equally spaced periods; signed by the trend's direction."""
    times = range(1, len(counts) + 1)
    total = sum(denominators)
    pooled = sum(counts) / total
    moment = sum(n * t for n, t in zip(denominators, times, strict=True))
    spread = sum(n * t * t for n, t in zip(denominators, times, strict=True)) - moment**2 / total
    slope = sum(x * t for x, t in zip(counts, times, strict=True)) - pooled * moment
    variance = pooled * (1 - pooled) * spread
    if variance <= 0:
        return 0.0
    statistic = slope * slope / variance
    return statistic if slope >= 0 else -statistic


def recent_trend(
    counts: Sequence[float | None],
    denominators: Sequence[float | None],
    confidence: float = 0.998,
) -> RecentTrend:
    """The trend over the last five points, oldest first. Any of them missing a count or a
    denominator, or fewer than five: not calculated."""
    counts, denominators = list(counts)[-POINTS:], list(denominators)[-POINTS:]
    if len(counts) < POINTS or len(denominators) < POINTS:
        return RecentTrend(Trend.NOT_CALCULATED)
    if any(x is None for x in counts) or any(not n for n in denominators):
        return RecentTrend(Trend.NOT_CALCULATED)
    signed = chi_squared_for_trend(counts, denominators)  # type: ignore[arg-type]
    critical = z_score(confidence) ** 2
    if abs(signed) <= critical:
        return RecentTrend(Trend.NO_CHANGE, abs(signed))
    return RecentTrend(Trend.INCREASING if signed > 0 else Trend.DECREASING, abs(signed))
