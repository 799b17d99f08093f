"""Risk scores and bands (DESIGN §3): score = likelihood × impact, banded by configurable limits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from scorecard.core.digits import whole_number
from scorecard.core.ratings import Direction

SCALE = range(1, 6)
# The words of the common 5x5 matrix, so a score is never just a number on the page.
LIKELIHOOD_WORDS = {1: "rare", 2: "unlikely", 3: "possible", 4: "likely", 5: "almost certain"}
IMPACT_WORDS = {1: "insignificant", 2: "minor", 3: "moderate", 4: "major", 5: "catastrophic"}


class RiskBandName(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    VERY_HIGH = "very high"


@dataclass(frozen=True, slots=True)
class RiskBand:
    name: str
    lowest_score: int


# The default bands: 1-4 low, 5-9 medium, 10-14 high, 15-25 very high.
DEFAULT_BANDS: tuple[RiskBand, ...] = (
    RiskBand(RiskBandName.LOW, 1),
    RiskBand(RiskBandName.MEDIUM, 5),
    RiskBand(RiskBandName.HIGH, 10),
    RiskBand(RiskBandName.VERY_HIGH, 15),
)


class RiskScoreError(ValueError):
    """A likelihood or impact outside 1 to 5, or bands that do not cover every score."""


def risk_score(likelihood: int, impact: int) -> int:
    for name, value in (("likelihood", likelihood), ("impact", impact)):
        if value not in SCALE:
            raise RiskScoreError(f"{name} must be a whole number from 1 to 5, not {value}")
    return likelihood * impact


def check_bands(bands: Sequence[RiskBand]) -> None:
    """Bands must start at score 1 and rise, so every score from 1 to 25 has exactly one band."""
    lows = [band.lowest_score for band in bands]
    if not lows or lows[0] != 1 or any(b <= a for a, b in zip(lows, lows[1:], strict=False)):
        raise RiskScoreError("risk bands must start at 1 and each start higher than the last")
    if lows[-1] > 25:
        raise RiskScoreError("a risk band cannot start above the highest score, 25")


def risk_band(score: int, bands: Sequence[RiskBand] = DEFAULT_BANDS) -> str:
    check_bands(bands)
    if not 1 <= score <= 25:
        raise RiskScoreError(f"a risk score is from 1 to 25, not {score}")
    return next(band.name for band in reversed(bands) if score >= band.lowest_score)


def risk_trend(previous_score: int | None, score: int) -> Direction | None:
    """A lower score than at the last assessment is an improving risk."""
    if previous_score is None:
        return None
    if score < previous_score:
        return Direction.IMPROVING
    if score > previous_score:
        return Direction.DECLINING
    return Direction.STEADY


def parse_bands(text: str) -> tuple[RiskBand, ...]:
    """Bands as configured: 'low:1, medium:5, high:10, very high:15'."""
    bands = []
    for part in text.split(","):
        name, _, lowest = part.partition(":")
        if not name.strip() or whole_number(lowest.strip()) is None:
            raise RiskScoreError(f"'{part.strip()}' is not a band: write name:lowest score")
        bands.append(RiskBand(name.strip(), int(lowest)))
    check_bands(bands)
    return tuple(bands)
