"""A made-up council of any size for the scorecard's tests, its measures unlike each other in
the ways a headline depends on: late figures, quarters beside months, no figures at all, a
discontinued measure, a target that changes, values missing with a status."""

from __future__ import annotations

from decimal import Decimal

from django.utils import timezone

from scorecard.core.periods import Period
from scorecard.framework.models import Outcome, Plan
from scorecard.measures.models import Measure, Observation, Target

PLAN_ID = "made-up"
LAST = Period.month(2020, 3)  # the month the up-to-date measures report last
MONTHS = 18


def made_up_council(measures: int, first: int = 0) -> Plan:
    """The plan, with measures numbered first to first + measures - 1 (so that a test can add
    more to the same council)."""
    plan, _ = Plan.objects.get_or_create(plan_id=PLAN_ID, defaults={"name": "Made-up plan"})
    outcomes = [
        Outcome.objects.get_or_create(plan=plan, name=f"Outcome {n}", defaults={"order": n})[0]
        for n in range(3)
    ]
    observations, targets = [], []
    for number in range(first, first + measures):
        measure = Measure.objects.create(
            measure_id=f"MADE-{number:04d}",
            title=f"Made-up measure {number % 7}",  # titles repeat: ties keep the plan's order
            plan=plan,
            outcome=outcomes[number % 3] if number % 10 else None,
            polarity=("higher", "lower", "neutral")[number % 3],
            unit="count",
            frequency="quarterly" if number % 5 == 1 else "monthly",
            compare_with="same_period_last_year" if number % 6 == 2 else "previous",
            tolerance=Decimal(number % 4),
            steady_band=Decimal("0.5") if number % 2 else Decimal(0),
            discontinued_from="2019/20 Q3" if number % 17 == 8 else "",
            order=number,
        )
        targets.append(Target(measure=measure, from_month=-1, value=Decimal(50 + number % 9)))
        if number % 4 == 0:
            change = LAST.shifted(-5)
            targets.append(
                Target(measure=measure, from_period=change.label, from_month=change.first_month)
            )
        observations += _observations(measure, number)
    Target.objects.bulk_create(targets)
    Observation.objects.bulk_create(observations)
    return plan


def _observations(measure: Measure, number: int) -> list[Observation]:
    if number % 13 == 6:
        return []  # nothing reported yet
    late = (0, 0, 0, 1, 2, 0, 4)[number % 7]  # some report a month or more behind
    quarterly = measure.frequency == "quarterly"
    step = 3 if quarterly else 1
    made = []
    for back in range(0, MONTHS, step):
        month = LAST.shifted(-late - back)
        period = Period.quarter_containing(month.start) if quarterly else month
        if period.last_month > LAST.last_month - late:
            continue
        value = Decimal(40 + (number * 7 + back * 3) % 25)
        missing = (number + back) % 19 == 0
        observation = Observation(
            measure=measure,
            value=None if missing else value,
            status="TBC" if missing and number % 2 else "",
            entered_at=timezone.now(),
        )
        observation.set_period(period)
        made.append(observation)
    return made
