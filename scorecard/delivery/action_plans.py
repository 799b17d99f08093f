"""Action plans as at a reporting period: each action's owners, timescale, latest update, status
and flags, and each action plan's counts (no HTML: the templates show what this assembles).

"As at" a period means:

- ``on`` is the last day of the chosen period: an action is overdue when its current date is
  before ``on`` and it is not complete, and its latest update is the last one dated up to ``on``;
- an action is complete when it was completed by ``on`` (or is B where its action plan has B
  mean complete or business as usual), and business as usual when it is B where B may mean
  that: neither is ever overdue (`scorecard.core.action_flags`);
- the reporting **cycle** is the financial quarter containing ``on`` (for the quarters the pages
  offer, the chosen quarter itself) and ``cycle_start`` is that quarter's first day: an action
  with no update dated from ``cycle_start`` to ``on`` has had "no update this quarter" (stale).

Updates are dated and carry the status given with them, so the latest update, the status and
staleness follow the period (`status_as_at`). Owners and the date history are what the action
holds now.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from django.db.models import Max, Min, Prefetch, QuerySet

from scorecard.core.action_flags import (
    ActionFlags,
    Standing,
    Timescale,
    action_flags,
    standing,
    status_as_at,
)
from scorecard.core.delivery_status import BlueMeaning, DeliveryKind, status_meaning
from scorecard.core.periods import Period
from scorecard.core.ratings import Rag
from scorecard.core.wording import plural
from scorecard.delivery.models import Action, ActionPlan, ActionUpdate
from scorecard.framework.models import Plan
from scorecard.measures.picking import chosen_period
from scorecard.people.models import Person

FLAG_NAMES = ("overdue", "slipped", "stale")
FLAG_LABELS = {"overdue": "Overdue", "slipped": "Slipped", "stale": "No update this quarter"}
# How a count of each flag reads in a sentence: "3 overdue, 5 slipped".
FLAG_COUNT_WORDS = {"overdue": "overdue", "slipped": "slipped", "stale": "with no update"}
FLAG_MEANINGS = {
    "overdue": (
        "Its current date is before the end of the quarter shown and it is neither complete "
        "nor business as usual"
    ),
    "slipped": "Its date has been revised to later than first planned",
    "stale": "No progress update is dated in the quarter shown (complete actions need none)",
}
NO_STATUS = "No status"
COMPLETED_MEANING = "Completed on the date shown: never overdue from then on"


def blue_key(action_plans: list[ActionPlan]) -> str:
    """What B means in the action plans shown: one meaning, or each plan's where they differ."""
    meanings = {plan.blue_meaning for plan in action_plans} or {BlueMeaning.COMPLETE_OR_BAU}
    if len(meanings) == 1:
        return next(iter(meanings)).label
    return "; ".join(f"{plan.name}: {plan.blue_meaning.label.lower()}" for plan in action_plans)


def key(action_plans: list[ActionPlan]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """What each status, a completion date and each flag mean, for the key under the tables."""
    statuses = [
        (status_label(rag), status_meaning(rag, DeliveryKind.ACTION))
        for rag in (Rag.GREEN, Rag.AMBER, Rag.RED)
    ]
    statuses += [(status_label(Rag.BLUE), blue_key(action_plans)), ("Completed", COMPLETED_MEANING)]
    return statuses, [(FLAG_LABELS[name], FLAG_MEANINGS[name]) for name in FLAG_NAMES]


quarter_of = Period.quarter_containing


@dataclass(frozen=True)
class AsAt:
    """The period the pages are viewed as at, and the dates the flags are worked out from."""

    period: Period

    @property
    def on(self) -> date:
        return self.period.end

    @property
    def cycle(self) -> Period:
        return quarter_of(self.on)

    @property
    def cycle_start(self) -> date:
        return self.cycle.start


@dataclass(frozen=True)
class Day:
    """A date as pages show it: ``01.03.2018``, machine-readable as ``2018-03-01``."""

    day: date

    @property
    def iso(self) -> str:
        return self.day.isoformat()

    @property
    def text(self) -> str:
        return f"{self.day:%d.%m.%Y}"

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class FlagReason:
    """A flag, its label, and why it is raised, as sentence parts (text and `Day`s)."""

    name: str
    label: str
    parts: tuple[str | Day, ...]

    @property
    def sentence(self) -> str:
        return "".join(str(part) for part in self.parts)


def _days(count: int) -> str:
    return f"{count} {plural(count, 'day')}"


def status_label(status: Rag | None) -> str:
    return f"{status.label} ({status.value})" if status else NO_STATUS


@dataclass
class ActionRow:
    action: Action
    owners: list[Person]
    updates: list[ActionUpdate]  # every update, oldest first
    as_at: AsAt
    status: Rag | None  # as at the period
    standing: Standing
    flags: ActionFlags

    @property
    def status_label(self) -> str:
        """'Amber (A)', or 'No status' when none has been given."""
        return status_label(self.status)

    @property
    def status_meaning(self) -> str:
        if not self.status:
            return ""
        blue = self.action.action_plan.blue_meaning
        return status_meaning(self.status, DeliveryKind.ACTION, blue)

    @property
    def completed(self) -> Day | None:
        """The completion date, when it is on or before the as-at day."""
        day = self.action.completed
        return Day(day) if day and day <= self.as_at.on else None

    @property
    def timescale(self) -> Timescale:
        return self.action.timescale

    @property
    def timescale_days(self) -> list[Day]:
        """The original date then every revision, in order: shown joined by arrows."""
        scale = self.timescale
        days = [scale.due] if scale.due else []
        return [Day(d) for d in [*days, *scale.revised]]

    @property
    def timescale_text(self) -> str:
        """'01.03.2018 → 01.06.2018'."""
        return " → ".join(day.text for day in self.timescale_days)

    @cached_property
    def updates_to_date(self) -> list[ActionUpdate]:
        """Updates dated up to the as-at day, oldest first."""
        return [u for u in self.updates if u.dated <= self.as_at.on]

    @cached_property
    def latest_update(self) -> ActionUpdate | None:
        shown = self.updates_to_date
        return shown[-1] if shown else None

    @cached_property
    def trail(self) -> list[ActionUpdate]:
        """The dated updates of the period, oldest first, as a work plan prints them; with none
        in the period, the latest before it (its date says how old it is)."""
        start = self.as_at.period.start
        shown = [u for u in self.updates_to_date if u.dated >= start]
        if shown:
            return shown
        return [self.latest_update] if self.latest_update else []

    @property
    def flag_names(self) -> list[str]:
        return self.flags.words

    @property
    def flag_reasons(self) -> list[FlagReason]:
        reasons = {
            "overdue": self._overdue_reason,
            "slipped": self._slipped_reason,
            "stale": self._stale_reason,
        }
        return [FlagReason(name, FLAG_LABELS[name], reasons[name]()) for name in self.flag_names]

    def _overdue_reason(self) -> tuple[str | Day, ...]:
        current = self.timescale.current
        late = (self.as_at.on - current).days
        return (
            "Due ",
            Day(current),
            " and not complete by ",
            Day(self.as_at.on),
            f" (the end of {self.as_at.period.display}): overdue by {_days(late)}",
        )

    def _slipped_reason(self) -> tuple[str | Day, ...]:
        scale = self.timescale
        parts: list[str | Day] = ["Due ", Day(scale.current), ", revised from ", Day(scale.due)]
        between = list(scale.revised[:-1])
        for index, day in enumerate(between):
            parts += [" then " if index else " via ", Day(day)]
        parts.append(f": slipped by {_days((scale.current - scale.due).days)}")
        return tuple(parts)

    def _stale_reason(self) -> tuple[str | Day, ...]:
        parts: tuple[str | Day, ...] = (
            f"No update since {self.as_at.cycle.display} began on ",
            Day(self.as_at.cycle_start),
        )
        latest = self.latest_update
        if latest is None:
            return (*parts, "; no update has been given yet")
        return (*parts, "; the last was dated ", Day(latest.dated))


@dataclass
class ObjectiveGroup:
    objective: str
    rows: list[ActionRow]


@dataclass
class ActionPlanSummary:
    action_plan: ActionPlan
    rows: list[ActionRow]
    status_counts: list[tuple[str, int]] = field(init=False)
    flag_counts: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        statuses = Counter(row.status for row in self.rows)
        self.status_counts = [(status_label(rag), statuses[rag]) for rag in Rag]
        if statuses[None]:
            self.status_counts.append((NO_STATUS, statuses[None]))
        self.flag_counts = {
            name: sum(1 for row in self.rows if getattr(row.flags, name)) for name in FLAG_NAMES
        }

    @property
    def owner_text(self) -> str:
        """Whose action plan it is: 'Programme: …' or 'Board sub-group: …'."""
        plan = self.action_plan
        if plan.programme_id:
            return f"Programme: {plan.programme}"
        if plan.board_id:
            return f"Sub-group of {plan.board}"
        return ""

    @property
    def status_text(self) -> str:
        """'2 Green (G), 1 Amber (A)': the statuses present, in words."""
        shown = [f"{count} {label}" for label, count in self.status_counts if count]
        return ", ".join(shown) or "No actions"

    @property
    def flag_text(self) -> str:
        """'3 overdue, 5 slipped, 2 with no update this quarter', or 'None'."""
        shown = [
            f"{self.flag_counts[name]} {FLAG_COUNT_WORDS[name]}"
            for name in FLAG_NAMES
            if self.flag_counts[name]
        ]
        if self.flag_counts["stale"]:
            shown[-1] += " this quarter"
        return ", ".join(shown) or "None"

    def groups(self, flag: str | None = None) -> list[ObjectiveGroup]:
        """The actions grouped by objective, in the order the objectives first appear."""
        grouped: dict[str, list[ActionRow]] = {}
        for row in self.rows:
            if flag is None or getattr(row.flags, flag):
                grouped.setdefault(row.action.objective.strip(), []).append(row)
        return [ObjectiveGroup(objective, rows) for objective, rows in grouped.items()]


def actions_queryset() -> QuerySet[Action]:
    owners = Person.objects.select_related("organisation")
    return Action.objects.select_related(
        "action_plan__plan", "action_plan__programme", "action_plan__board"
    ).prefetch_related(
        Prefetch("owners", queryset=owners),
        Prefetch("updates", queryset=ActionUpdate.objects.order_by("dated")),
    )


def action_row(action: Action, as_at: AsAt) -> ActionRow:
    """One action as at a period (owners and updates prefetched by `actions_queryset`)."""
    updates = list(action.updates.all())
    status = status_as_at(action.rag, [(u.dated, u.rag) for u in updates], as_at.on)
    where = standing(status, action.action_plan.blue_meaning, action.completed, as_at.on)
    flags = action_flags(
        action.timescale,
        where,
        [u.dated for u in updates if u.dated <= as_at.on],
        on=as_at.on,
        cycle_start=as_at.cycle_start,
    )
    return ActionRow(action, list(action.owners.all()), updates, as_at, status, where, flags)


def action_plans_for(plan: Plan | None) -> QuerySet[ActionPlan]:
    plans = ActionPlan.objects.current().select_related("plan", "programme", "board")
    return plans.filter(plan=plan) if plan else plans.none()


def summarise(action_plans: QuerySet[ActionPlan], as_at: AsAt) -> list[ActionPlanSummary]:
    """Each action plan with its actions as at a period: four queries however many actions."""
    plans = list(
        action_plans.prefetch_related(
            Prefetch("actions", queryset=actions_queryset().current().order_by("order", "pk"))
        )
    )
    return [
        ActionPlanSummary(plan, [action_row(a, as_at) for a in plan.actions.all()])
        for plan in plans
    ]


# --- the periods offered --------------------------------------------------------------------


def _quarters_between(first: date, last: date) -> list[Period]:
    """Every financial quarter from the one containing `first` to the one containing `last`,
    newest first."""
    quarter, end = quarter_of(first), quarter_of(last)
    quarters = []
    while quarter <= end:
        quarters.append(quarter)
        quarter = quarter.next()
    return quarters[::-1]


@dataclass(frozen=True)
class Periods:
    """The quarters a plan's action plans can be viewed as at, newest first, and the default."""

    offered: list[Period]
    default: Period

    def choose(self, label: str | None) -> AsAt:
        """The quarter asked for (404 when it is not offered), else the default."""
        if not label:
            return AsAt(self.default)
        none_for = "Action plans cannot be shown as at"
        return AsAt(chosen_period(label, self.offered, none_for=none_for))


def action_periods(plan: Plan | None, today: date) -> Periods:
    """Financial quarters from the earliest date in the plan's actions (original and revised
    dates, dated updates) to the latest; by default the latest quarter with an update (else the
    newest). With no dates at all, only the quarter containing `today`."""
    actions = Action.objects.filter(action_plan__plan=plan)
    days = [
        date.fromisoformat(day) if isinstance(day, str) else day
        for due, revised in actions.values_list("due", "revised_due")
        for day in [due, *(revised or [])]
        if day
    ]
    updates = ActionUpdate.objects.filter(action__in=actions.values("pk"))
    span = updates.aggregate(first=Min("dated"), last=Max("dated"))
    days += [day for day in span.values() if day is not None]
    if not days:
        return Periods([quarter_of(today)], quarter_of(today))
    offered = _quarters_between(min(days), max(days))
    default = quarter_of(span["last"]) if span["last"] else offered[0]
    return Periods(offered, default)
