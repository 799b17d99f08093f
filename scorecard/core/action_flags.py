"""What an action's dates, status and updates say about it: complete, business as usual,
overdue, slipped, stale.

The rule, as a board reads its work plans: an action is **complete** as at a day when it was
completed on or before that day (or its status is B where B means complete or business as
usual); an action is **overdue** when its current date is before that day and it is neither
complete nor business as usual. A completion date later than the day does not count yet, so a
paper as at an earlier quarter shows the action as it was then.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from scorecard.core.delivery_status import BlueMeaning
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

    def past(self, on: date) -> bool:
        """Its current date is before the day."""
        return self.current is not None and self.current < on


@dataclass(frozen=True, slots=True)
class Standing:
    """Where an action stands as at a day, apart from its dates."""

    # Finished by the day, or B where B settles it: never overdue, needs no more updates.
    complete: bool
    # B where B may mean business as usual: ongoing work with no date to be late by.
    business_as_usual: bool


def standing(status: Rag | None, blue: BlueMeaning, completed: date | None, on: date) -> Standing:
    is_blue = status is Rag.BLUE
    return Standing(
        complete=(completed is not None and completed <= on) or (is_blue and blue.settles),
        business_as_usual=is_blue and blue.may_be_business_as_usual,
    )


def overdue(timescale: Timescale, where: Standing, on: date) -> bool:
    """Past its current date and neither complete nor business as usual."""
    return timescale.past(on) and not where.complete and not where.business_as_usual


def stale(update_dates: Sequence[date], cycle_start: date, where: Standing) -> bool:
    """No update since the reporting cycle began; complete actions need no more updates."""
    if where.complete:
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
    where: Standing,
    update_dates: Sequence[date],
    on: date,
    cycle_start: date,
) -> ActionFlags:
    return ActionFlags(
        overdue=overdue(timescale, where, on),
        slipped=timescale.slipped,
        stale=stale(update_dates, cycle_start, where),
    )


def status_as_at(
    current: Rag | None, given: Sequence[tuple[date, Rag | None]], on: date
) -> Rag | None:
    """An action's status as at a day, from the statuses given with its dated updates (oldest
    first). When no update gives one, its history was not kept: the status it holds now. Else,
    once no update is dated after the day, the status it holds now (it may have been changed
    since its last update); before that, the last status given by the day (none, before the
    first)."""
    if all(status is None for _, status in given):
        return current
    if not any(day > on for day, _ in given):
        return current
    known = [status for day, status in given if day <= on and status is not None]
    return known[-1] if known else None
