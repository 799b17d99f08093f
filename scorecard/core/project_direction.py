"""The direction of a project, from its milestones (DESIGN §3): improving when it achieved a
milestone since the last report, declining when one is missed or at risk, else steady."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from scorecard.core.ratings import Direction


@dataclass(frozen=True, slots=True)
class Milestone:
    title: str
    due: date
    completed: date | None = None
    at_risk: bool = False

    def is_open(self, on: date) -> bool:
        return self.completed is None or self.completed > on

    def missed(self, on: date) -> bool:
        """Past its due date and still not achieved."""
        return self.is_open(on) and self.due < on


def project_direction(milestones: Iterable[Milestone], since: date, on: date) -> Direction:
    """Since the last report (`since`) up to this one (`on`). A missed or at-risk milestone
    outweighs an achieved one: the report must not hide a slipping project."""
    milestones = list(milestones)
    if any(m.is_open(on) and (m.at_risk or m.missed(on)) for m in milestones):
        return Direction.DECLINING
    if any(m.completed is not None and since < m.completed <= on for m in milestones):
        return Direction.IMPROVING
    return Direction.STEADY
