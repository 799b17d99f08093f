"""Rating an observation against its target, and the direction of performance (DESIGN §3).

One rule, polarity as data: a value is turned into "how much better than the target" by
multiplying the difference by the polarity's sign, so higher-is-better and lower-is-better share
every line of code and mirror each other exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

ZERO = Decimal(0)
HUNDRED = Decimal(100)


class Polarity(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"
    NEUTRAL = "neutral"

    @property
    def sign(self) -> int:
        return _SIGN[self]

    @property
    def label(self) -> str:
        return {
            Polarity.HIGHER: "Higher is better",
            Polarity.LOWER: "Lower is better",
            Polarity.NEUTRAL: "Neither higher nor lower is better",
        }[self]


# Built once: `sign` is read for every observation rated.
_SIGN = {Polarity.HIGHER: 1, Polarity.LOWER: -1, Polarity.NEUTRAL: 0}


class ToleranceType(StrEnum):
    ABSOLUTE = "absolute"
    RELATIVE = "relative"


class Rag(StrEnum):
    GREEN = "G"
    AMBER = "A"
    RED = "R"
    BLUE = "B"

    @property
    def label(self) -> str:
        return {"G": "Green", "A": "Amber", "R": "Red", "B": "Blue"}[self.value]

    @property
    def meaning(self) -> str:
        return {
            "G": "On or better than target",
            "A": "Worse than target but within tolerance",
            "R": "Worse than target and outside tolerance",
            "B": "Measure discontinued",
        }[self.value]


# The GOV.UK tag colour each rating is shown in, always beside its words (never colour alone).
RAG_TAG_COLOURS = {"G": "green", "A": "yellow", "R": "red", "B": "blue"}


class Direction(StrEnum):
    IMPROVING = "improving"
    STEADY = "steady"
    DECLINING = "declining"
    HIGHER = "higher"
    SAME = "same"
    LOWER = "lower"

    @property
    def arrow(self) -> str:
        return {
            "improving": "↑",
            "steady": "→",
            "declining": "↓",
            "higher": "↑",
            "same": "→",
            "lower": "↓",
        }[self.value]

    @property
    def is_judged(self) -> bool:
        """Improving, steady and declining judge performance; higher/same/lower only describe."""
        return self in (Direction.IMPROVING, Direction.STEADY, Direction.DECLINING)


@dataclass(frozen=True, slots=True)
class Tolerance:
    amount: Decimal = ZERO
    type: ToleranceType = ToleranceType.ABSOLUTE

    def band(self, target: Decimal) -> Decimal:
        """How far worse than target a value may be and still be Amber."""
        if self.type is ToleranceType.RELATIVE:
            return abs(target) * self.amount / HUNDRED
        return self.amount


@dataclass(frozen=True, slots=True)
class Rating:
    rag: Rag | None
    reason: str | None = None


class Unrated:
    """Reasons an observation gets no RAG, worded for the page and the export."""

    NO_VALUE = "no value"
    NO_TARGET = "no target"
    NEUTRAL = "neutral measure: not rated against a target"


# Ratings are frozen values, so the ones without detail are made once and shared: rating a
# million observations then makes no Rating objects at all.
GREEN_RATING, AMBER_RATING, RED_RATING, BLUE_RATING = (
    Rating(rag) for rag in (Rag.GREEN, Rag.AMBER, Rag.RED, Rag.BLUE)
)
NO_VALUE_RATING = Rating(None, Unrated.NO_VALUE)
NEUTRAL_RATING = Rating(None, Unrated.NEUTRAL)
NO_TARGET_RATING = Rating(None, Unrated.NO_TARGET)


def rate(
    value: Decimal | None,
    target: Decimal | None,
    polarity: Polarity,
    tolerance: Tolerance = Tolerance(),
    *,
    discontinued: bool = False,
    status: str | None = None,
) -> Rating:
    if discontinued:
        return BLUE_RATING
    if value is None:
        return Rating(None, f"no value: {status}") if status else NO_VALUE_RATING
    if polarity is Polarity.NEUTRAL:
        return NEUTRAL_RATING
    if target is None:
        return NO_TARGET_RATING
    shortfall = (target - value) * polarity.sign
    if shortfall <= ZERO:
        return GREEN_RATING
    if shortfall <= tolerance.band(target):
        return AMBER_RATING
    return RED_RATING


_JUDGED = {1: Direction.IMPROVING, 0: Direction.STEADY, -1: Direction.DECLINING}
_DESCRIBED = {1: Direction.HIGHER, 0: Direction.SAME, -1: Direction.LOWER}


def direction(
    current: Decimal | None,
    previous: Decimal | None,
    polarity: Polarity,
    steady_band: Decimal = ZERO,
) -> Direction | None:
    """Compare with the previous value; None when either value is missing."""
    if current is None or previous is None:
        return None
    change = current - previous
    steady = abs(change) <= steady_band
    movement = 0 if steady else (1 if change > ZERO else -1)
    if polarity is Polarity.NEUTRAL:
        return _DESCRIBED[movement]
    return _JUDGED[movement * polarity.sign]


def directions(polarity: Polarity) -> tuple[Direction, Direction, Direction]:
    """What `direction` says for a fall, no change and a rise, under this polarity: the same
    table `direction` uses, read once for a whole series."""
    if polarity is Polarity.NEUTRAL:
        return _DESCRIBED[-1], _DESCRIBED[0], _DESCRIBED[1]
    sign = polarity.sign
    return _JUDGED[-sign], _JUDGED[0], _JUDGED[sign]
