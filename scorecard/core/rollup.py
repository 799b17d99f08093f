"""Roll-ups of ratings for any group: outcome, priority, programme, board, the whole plan."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from scorecard.core.ratings import Direction, Rag


def whole_percent(part: int, whole: int) -> int | None:
    """A percentage rounded half up, as councils print it (21/37 is 57%); None for 0/0."""
    if whole == 0:
        return None
    exact = Decimal(part) * 100 / Decimal(whole)
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass
class Rollup:
    name: str
    rag_counts: dict[Rag, int] = field(default_factory=lambda: dict.fromkeys(Rag, 0))
    direction_counts: dict[Direction, int] = field(
        default_factory=lambda: dict.fromkeys(Direction, 0)
    )
    unrated: int = 0

    def add(self, rag: Rag | None, direction: Direction | None) -> None:
        if rag is None:
            self.unrated += 1
        else:
            self.rag_counts[rag] += 1
        if direction is not None:
            self.direction_counts[direction] += 1

    def __add__(self, other: Rollup) -> Rollup:
        total = Rollup(self.name)
        for rag in Rag:
            total.rag_counts[rag] = self.rag_counts[rag] + other.rag_counts[rag]
        for way in Direction:
            total.direction_counts[way] = self.direction_counts[way] + other.direction_counts[way]
        total.unrated = self.unrated + other.unrated
        return total

    @property
    def rated(self) -> int:
        """Measures that can be on or off target: G + A + R (B is discontinued)."""
        return sum(self.rag_counts[r] for r in (Rag.GREEN, Rag.AMBER, Rag.RED))

    @property
    def with_direction(self) -> int:
        return sum(n for way, n in self.direction_counts.items() if way.is_judged)

    @property
    def pct_on_target(self) -> int | None:
        return whole_percent(self.rag_counts[Rag.GREEN], self.rated)

    @property
    def pct_improving(self) -> int | None:
        return whole_percent(self.direction_counts[Direction.IMPROVING], self.with_direction)

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            **{rag.value: self.rag_counts[rag] for rag in Rag},
            "improving": self.direction_counts[Direction.IMPROVING],
            "steady": self.direction_counts[Direction.STEADY],
            "declining": self.direction_counts[Direction.DECLINING],
            "pct_on_target": self.pct_on_target,
            "pct_improving": self.pct_improving,
        }


def roll_up(name: str, ratings: Iterable[tuple[Rag | None, Direction | None]]) -> Rollup:
    rollup = Rollup(name)
    for rag, way in ratings:
        rollup.add(rag, way)
    return rollup
