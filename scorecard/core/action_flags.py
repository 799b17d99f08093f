"""What an action's dates and updates say about it: overdue, slipped, stale."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from scorecard.core.ratings import Rag


@dataclass(frozen=True, slots=True)
class Timescale:
    """An original date and every revision of it, in the order they were made."""

    due: date | None
    revised: tuple[date, ...] = ()

    @property
    def current(self) -> date | None:
        return self.revised[-1] if self.revised else self.due

    @property
    def slipped(self) -> bool:
        """Revised to later than first planned (a date brought forward is not slippage)."""
        return self.due is not None and self.current is not None and self.current > self.due

    def overdue(self, on: date, status: Rag | None) -> bool:
        """Past its current date and not complete."""
        return status is not Rag.BLUE and self.current is not None and self.current < on


def stale(update_dates: Sequence[date], cycle_start: date, status: Rag | None) -> bool:
    """No update since the reporting cycle began; complete actions need no more updates."""
    if status is Rag.BLUE:
        return False
    return not any(day >= cycle_start for day in update_dates)


@dataclass(frozen=True, slots=True)
class ActionFlags:
    overdue: bool
    slipped: bool
    stale: bool

    @property
    def words(self) -> list[str]:
        return [name for name in ("overdue", "slipped", "stale") if getattr(self, name)]


def action_flags(
    timescale: Timescale,
    status: Rag | None,
    update_dates: Sequence[date],
    on: date,
    cycle_start: date,
) -> ActionFlags:
    return ActionFlags(
        overdue=timescale.overdue(on, status),
        slipped=timescale.slipped,
        stale=stale(update_dates, cycle_start, status),
    )
