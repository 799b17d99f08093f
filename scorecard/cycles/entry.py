"""Writing an owner's reading of a measure: the observation, the revision it replaces, and the
submission that tells the performance team it is in."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from scorecard.audit.when import described
from scorecard.core.entry_checks import (
    EntryProblem,
    counts_warning,
    final_value,
    reading_problems,
)
from scorecard.core.periods import Period
from scorecard.cycles.approval import Approve
from scorecard.cycles.due import measure_periods
from scorecard.cycles.models import ReportingCycle, Submission
from scorecard.measures.choices import Approval
from scorecard.measures.models import Measure, Observation
from scorecard.people.permissions import can_manage, person_of


@dataclass(frozen=True)
class Entry:
    """What someone entered for one reading (None: left blank)."""

    value: Decimal | None
    numerator: Decimal | None
    denominator: Decimal | None
    commentary: str = ""
    # The decimals the value was typed with ("58": 0, "71.4": 1); None when not known.
    written_decimals: int | None = None

    def problems(self, measure: Measure) -> list[EntryProblem]:
        return reading_problems(
            measure.unit,
            measure.rate_per,
            self.value,
            self.numerator,
            self.denominator,
            scale=measure.labelled_scale,
        )

    def final_value(self, measure: Measure) -> Decimal | None:
        """The value to keep: as typed, else worked out from the counts."""
        return final_value(
            measure.unit, measure.rate_per, self.value, self.numerator, self.denominator
        )

    def warning(self, measure: Measure) -> str:
        """Words for a value its counts do not make beyond rounding (to the decimals typed), or
        "": the value is kept as typed, as an import keeps it as published."""
        return counts_warning(
            measure.unit,
            measure.rate_per,
            self.value,
            self.numerator,
            self.denominator,
            self.written_decimals,
        )

    def figure(self, measure: Measure) -> dict:
        """The reading's figure as an observation keeps it (Observation.HISTORY_FIELDS)."""
        return {
            "value": self.final_value(measure),
            "numerator": self.numerator,
            "denominator": self.denominator,
            "status": "",
            "commentary": self.commentary,
            # A value worked out from its counts was not written: the measure's decimals.
            "written_decimals": self.written_decimals if self.value is not None else None,
        }


class EditedMeanwhile(Exception):
    """Someone else saved this reading after the form was opened."""

    def __init__(self, observation: Observation) -> None:
        super().__init__(f"{observation} was changed by {observation.entered_by}")
        self.observation = observation

    def message(self, their_value: str) -> str:
        """What the person whose save was refused is told; `their_value` as the page shows it."""
        theirs = self.observation
        return (
            f"{theirs.entered_by or 'Someone'} saved a value for {theirs.period_obj.display} at "
            f"{described(theirs.entered_at)}, after you opened this form, so yours was not "
            f"saved. Their value is {their_value}. Your figures are still below: check them and "
            "save again to replace theirs."
        )


def history(measure: Measure, excluding: Period) -> list[Decimal]:
    """The measure's past headline values, for the far-from-history check."""
    readings = Observation.objects.filter(measure=measure, breakdown="", value__isnull=False)
    return [
        value
        for value in readings.exclude(period=excluding.label).values_list("value", flat=True)
        if value is not None
    ]


def current_reading(measure: Measure, period: Period) -> Observation | None:
    return Observation.objects.filter(measure=measure, period=period.label, breakdown="").first()


def current_readings(
    wanted: Iterable[tuple[Measure, Period]],
) -> dict[tuple[int, str], Observation]:
    """The headline readings stored for these (measure, period) pairs, by (measure pk, period
    label): one query, however many pairs."""
    wanted = list(wanted)
    found = Observation.objects.filter(
        measure__in={measure.pk for measure, _ in wanted},
        period__in={period.label for _, period in wanted},
        breakdown="",
    )
    return {(o.measure_id, o.period): o for o in found}


def past_values(measures: Iterable[Measure]) -> dict[int, list[tuple[str, Decimal]]]:
    """Each measure's headline values as (period label, value), for the far-from-history
    check of many readings at once: one query."""
    found: dict[int, list[tuple[str, Decimal]]] = {}
    rows = Observation.objects.filter(
        measure__in={m.pk for m in measures}, breakdown="", value__isnull=False
    ).values_list("measure_id", "period", "value")
    for measure_pk, period, value in rows:
        found.setdefault(measure_pk, []).append((period, value))
    return found


def _same(given: Decimal | None, kept: Decimal | None) -> bool:
    if given is None or kept is None:
        return given is kept
    # A workbook holds numbers as binary floats: a value read back from one is the same as
    # the stored one if it is the same float.
    return given == kept or float(given) == float(kept)


def unchanged(measure: Measure, entry: Entry, observation: Observation | None) -> bool:
    """Whether saving `entry` would leave the stored reading as it is: the same value (as
    entered, or as worked out from the counts), numerator, denominator and commentary, and no
    status. Saving it would only stamp a new time on it and send it for approval again."""
    if observation is None or observation.status:
        return False
    value = observation.value
    return (
        (_same(entry.value, value) or _same(entry.final_value(measure), value))
        and _same(entry.numerator, observation.numerator)
        and _same(entry.denominator, observation.denominator)
        and entry.commentary.strip() == observation.commentary.strip()
    )


def stamp(observation: Observation | None) -> str:
    """What a form carries to tell whether the reading changed while it was open."""
    return observation.entered_at.isoformat() if observation is not None else "new"


def entered_by_name(user) -> str:
    person = person_of(user)
    return person.name if person is not None else user.get_username()


def save_reading(
    *,
    measure: Measure,
    period: Period,
    entry: Entry,
    user,
    cycle: ReportingCycle | None,
    loaded: str | None,
) -> Observation:
    """Write the reading (keeping what it replaces) and mark it submitted, in one transaction.
    `loaded` is the stamp the form was opened with; None skips the check (an upload)."""
    now = timezone.now()
    with transaction.atomic():
        observation = (
            Observation.objects.select_for_update()
            .filter(measure=measure, period=period.label, breakdown="")
            .first()
        )
        if loaded is not None and observation is not None and stamp(observation) != loaded:
            raise EditedMeanwhile(observation)
        values = entry.figure(measure)
        if observation is None:
            observation = Observation(measure=measure, breakdown="")
            observation.set_period(period)
        revision = observation.revise(values, entered_by_name(user), now)
        if revision is not None:
            revision.save()  # the observation is stored: only a stored one has a revision
        team = can_manage(user, measure)
        if team:
            observation.approval = Approval.APPROVED
        elif revision is not None or observation.pk is None:
            # An owner's new or changed figure waits for the team; an unchanged one keeps
            # its approval (saving the form again changes nothing).
            observation.approval = Approval.PROVISIONAL
        observation.save()
        if cycle is not None:
            submission = mark_submitted(
                user, now, cycle=cycle, measure=measure, period=period.label
            )
            if team:
                # The team's own entry needs no one else's approval.
                Approve(submission, user).execute()
    return observation


def submit_in_open_cycles(user, measure: Measure, period: Period, now) -> None:
    """An owner's figure written other than through a cycle's form (the API) is sent in as the
    form sends it: marked submitted in each cycle of its plan taking entries that asks for it,
    so the team's review lists it for approval."""
    cycles = ReportingCycle.objects.filter(plan_id=measure.plan_id).taking_entries(
        timezone.localdate()
    )
    for cycle in cycles:
        if period in measure_periods(cycle, measure):
            mark_submitted(user, now, cycle=cycle, measure=measure, period=period.label)


def mark_submitted(user, now, **item) -> Submission:
    submission, _ = Submission.objects.get_or_create(**item)
    submission.state = Submission.State.SUBMITTED
    submission.submitted_by = user
    submission.submitted_at = now
    submission.save()
    return submission
