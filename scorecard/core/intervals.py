"""Confidence intervals for benchmarking, by the methods of the PHE/OHID technical guidance
(and Fingertips): Wilson score for proportions, Byar's approximation for counts and rates with
exact Poisson limits below 10 events, and Dobson's method for directly standardised rates.

Floats, not Decimals: these are statistical estimates compared at 4 significant figures, and
they are computed for national data sets of millions of values.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from statistics import NormalDist

# Below this many events the Poisson limits are computed exactly; from it, by Byar's method.
EXACT_BELOW = 10
LEVELS = (0.95, 0.998)


class IntervalError(ValueError):
    """Figures an interval cannot be computed from, said in words."""


@dataclass(frozen=True)
class Interval:
    lower: float
    upper: float

    def contains(self, value: float) -> bool:
        return self.lower <= value <= self.upper

    def scaled(self, factor: float) -> Interval:
        return Interval(self.lower * factor, self.upper * factor)


def z_score(confidence: float) -> float:
    """The two-sided standard normal quantile: 1.959964 for 95%, 3.090232 for 99.8%."""
    if not 0 < confidence < 1:
        raise IntervalError(f"A confidence level is between 0 and 1, not {confidence}")
    return NormalDist().inv_cdf(1 - (1 - confidence) / 2)


def wilson(count: float, denominator: float, confidence: float = 0.95) -> Interval:
    """Wilson score interval for the proportion count/denominator (as a fraction, 0 to 1)."""
    if denominator <= 0:
        raise IntervalError("The denominator must be more than 0")
    if not 0 <= count <= denominator:
        raise IntervalError("The count must be between 0 and the denominator")
    z = z_score(confidence)
    p = count / denominator
    centre = 2 * count + z * z
    spread = z * math.sqrt(z * z + 4 * count * (1 - p))
    divisor = 2 * (denominator + z * z)
    return Interval(max(0.0, (centre - spread) / divisor), min(1.0, (centre + spread) / divisor))


def byar(count: float, confidence: float = 0.95) -> Interval:
    """Byar's approximation to the exact Poisson limits of an observed count."""
    if count < 0:
        raise IntervalError("The count must be 0 or more")
    z = z_score(confidence)
    return Interval(_byar_lower(count, z), _byar_upper(count + 1, z))


def _byar_lower(count: float, z: float) -> float:
    if count == 0:
        return 0.0
    return max(0.0, count * (1 - 1 / (9 * count) - z / (3 * math.sqrt(count))) ** 3)


def _byar_upper(above: float, z: float) -> float:
    return above * (1 - 1 / (9 * above) + z / (3 * math.sqrt(above))) ** 3


def _poisson_cdf(events: int, mean: float) -> float:
    """P(X ≤ events) for X ~ Poisson(mean)."""
    term = math.exp(-mean)
    total = term
    for k in range(1, events + 1):
        term *= mean / k
        total += term
    return total


def _solve(falls: Callable[[float], float], target: float, high: float) -> float:
    """The mean at which a decreasing function of it reaches target, by bisection."""
    low = 0.0
    while falls(high) > target:
        high *= 2
    for _ in range(200):
        middle = (low + high) / 2
        if falls(middle) > target:
            low = middle
        else:
            high = middle
        if high - low <= 1e-12 * max(1.0, high):
            break
    return (low + high) / 2


def poisson_exact(count: int, confidence: float = 0.95) -> Interval:
    """The exact (Garwood) Poisson limits of an observed whole count."""
    if count < 0 or count != int(count):
        raise IntervalError("An exact Poisson interval needs a whole count of 0 or more")
    count = int(count)
    tail = (1 - confidence) / 2
    z_score(confidence)  # checks the level
    upper = _solve(lambda mean: _poisson_cdf(count, mean), tail, count + 10.0)
    if count == 0:
        return Interval(0.0, upper)
    lower = _solve(lambda mean: _poisson_cdf(count - 1, mean), 1 - tail, count + 10.0)
    return Interval(lower, upper)


def count_interval(count: float, confidence: float = 0.95) -> Interval:
    """Limits of an observed count: exact below 10 events, Byar's from 10 (as Fingertips)."""
    if count < EXACT_BELOW and count == int(count):
        return poisson_exact(int(count), confidence)
    return byar(count, confidence)


def rate(
    count: float, denominator: float, per: float = 100_000, confidence: float = 0.95
) -> tuple[float, Interval]:
    """A crude rate per `per` of the denominator, with its interval."""
    if denominator <= 0:
        raise IntervalError("The denominator (population) must be more than 0")
    factor = per / denominator
    return count * factor, count_interval(count, confidence).scaled(factor)


def proportion(
    count: float, denominator: float, per: float = 100, confidence: float = 0.95
) -> tuple[float, Interval]:
    """A proportion (per 100 for a percentage) with its Wilson interval."""
    interval = wilson(count, denominator, confidence)
    return count / denominator * per, interval.scaled(per)


@dataclass(frozen=True)
class AgeBand:
    """One band of a directly standardised rate: events, local population, standard population
    (such as the European Standard Population 2013)."""

    count: float
    population: float
    standard: float


def dsr(
    bands: Iterable[AgeBand], per: float = 100_000, confidence: float = 0.95
) -> tuple[float, Interval]:
    """A directly standardised rate with Dobson's interval.

    Dobson et al. (1991): the total count's Poisson limits (exact or Byar's as above), carried
    to the rate by the ratio of the rate's variance to the count's."""
    bands = list(bands)
    if not bands or any(b.population <= 0 or b.standard < 0 or b.count < 0 for b in bands):
        raise IntervalError("Every age band needs a population above 0 and counts of 0 or more")
    total_standard = sum(b.standard for b in bands)
    if total_standard <= 0:
        raise IntervalError("The standard population must be more than 0")
    weights = [b.standard / total_standard / b.population for b in bands]
    value = sum(w * b.count for w, b in zip(weights, bands, strict=True))
    variance = sum(w * w * b.count for w, b in zip(weights, bands, strict=True))
    total = sum(b.count for b in bands)
    if total == 0:
        raise IntervalError("Dobson's method needs at least one event")
    limits = count_interval(total, confidence)
    ratio = math.sqrt(variance / total)
    lower = value + ratio * (limits.lower - total)
    upper = value + ratio * (limits.upper - total)
    return value * per, Interval(lower * per, upper * per)
