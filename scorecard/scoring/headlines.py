"""Measures' headlines as at a period, read from the database in three queries whatever the
number of measures, with the database selecting the measures (by subquery) where the caller has
them as a queryset: a list of every id costs Django time to build, and SQLite limits how many
parameters a query may have."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import TypeAlias

from django.db.models import OuterRef, Q, QuerySet, Subquery

from scorecard.core.periods import NATURAL_STEP, Period, PeriodKind
from scorecard.core.ratings import Polarity
from scorecard.core.series import (
    SAME_PERIOD_LAST_YEAR_STEP,
    CompareWith,
    Frequency,
    Headline,
    MeasureRules,
    Reading,
    TargetSchedule,
    headline_of,
)
from scorecard.measures.models import APPROVED, Measure, Observation, Target

Measures: TypeAlias = QuerySet[Measure] | list[Measure] | list[int]


def ids_of(measures: Measures) -> QuerySet[Measure] | list[int]:
    """Measure ids for an IN clause: a subquery for a queryset, else a list of numbers."""
    if isinstance(measures, QuerySet):
        return measures.values("pk")
    return [m if isinstance(m, int) else m.pk for m in measures]


def targets_of(measures: Measures) -> dict[int, TargetSchedule]:
    """Each measure's targets over time (none for a measure without a target)."""
    changes: defaultdict[int, list[tuple[int, Decimal | None]]] = defaultdict(list)
    rows = Target.objects.filter(measure_id__in=ids_of(measures)).order_by()
    for measure_id, from_month, value in rows.values_list("measure_id", "from_month", "value"):
        changes[measure_id].append((from_month, value))
    return defaultdict(
        lambda: TargetSchedule([]),
        {measure_id: TargetSchedule.from_months(found) for measure_id, found in changes.items()},
    )


# A direction compares a reading with one a month, a quarter or a year earlier (whatever the
# period kind, frequency or comparison the measure uses), so a headline needs only the readings
# that end in its latest month or in one of these months before it.
COMPARISON_STEPS = sorted(
    {*NATURAL_STEP.values(), *(f.step_months for f in Frequency), SAME_PERIOD_LAST_YEAR_STEP}
)
_BEFORE_LATEST = (0, *COMPARISON_STEPS)

# The steps back a measure comparing with its previous report may take from a reading of each
# kind, whatever its frequency (a month's is one month, a rolling year's its frequency): a
# reading of that kind ending any other step back is compared with by none of them, and is only
# read for a measure comparing with the same period last year.
_PREVIOUS_STEPS = {
    kind: {
        MeasureRules(Polarity.NEUTRAL, frequency=frequency).comparison_step(kind)
        for frequency in (None, *Frequency)
    }
    for kind in PeriodKind
}

_READING_FIELDS = (
    "measure_id",
    "period_kind",
    "period_first_month",
    "period_months",
    "value",
    "status",
    "written_decimals",
)


def latest_months(measures: Measures, as_at: Period) -> dict[int, int]:
    """The month each measure's latest approved headline reading up to `as_at` ends in: one
    query, an index lookup a measure (observation_latest), however long the series. Headlines
    are of approved figures only, for everyone: they are what goes out."""
    latest = (
        Observation.objects.filter(
            APPROVED,
            measure=OuterRef("pk"),
            breakdown="",
            period_last_month__lte=as_at.last_month,
        )
        .order_by("-period_last_month")
        .values("period_last_month")[:1]
    )
    # By subquery, not the caller's queryset itself: that may join through a relation with
    # several rows a measure.
    rows = Measure.objects.filter(pk__in=ids_of(measures)).order_by()
    rows = rows.annotate(latest=Subquery(latest)).values_list("pk", "latest")
    # Filtered here: `latest__isnull=False` in SQL would look each measure up a second time.
    return {pk: month for pk, month in rows if month is not None}


def _months_before(latest: int, last_year: Q) -> Q:
    """Readings ending in `latest`, or a step before it that a reading there of their kind may
    compare with; the year before only for the measures `last_year` selects, unless their kind
    steps a year anyway."""
    wanted = Q(period_last_month=latest)
    for step in COMPARISON_STEPS:
        kinds = [kind for kind, steps in _PREVIOUS_STEPS.items() if step in steps]
        wanted |= Q(period_last_month=latest - step, period_kind__in=kinds)
    other_kinds = [
        k for k, steps in _PREVIOUS_STEPS.items() if SAME_PERIOD_LAST_YEAR_STEP not in steps
    ]
    return wanted | (
        Q(period_last_month=latest - SAME_PERIOD_LAST_YEAR_STEP, period_kind__in=other_kinds)
        & last_year
    )


def headline_readings(measures: Measures, latest: dict[int, int]) -> dict[int, list[Reading]]:
    """Readings ending in each measure's latest month (`latest`, from latest_months) or a
    comparison month before it.

    Most measures share a latest month: its months are read for all of `measures`, selected as
    given (by subquery for a queryset). The months of each other latest month are read for its
    measures by their ids: usually few. A measure read for the common months may have readings
    there that it does not need; they are dropped here."""
    by_latest: defaultdict[int, list[int]] = defaultdict(list)
    for measure_id, month in latest.items():
        by_latest[month].append(measure_id)
    readings: defaultdict[int, list[Reading]] = defaultdict(list)
    if not by_latest:
        return readings
    common = max(by_latest, key=lambda month: len(by_latest[month]))
    last_year = Q(
        measure_id__in=Measure.objects.filter(
            pk__in=ids_of(measures), compare_with=CompareWith.SAME_PERIOD_LAST_YEAR
        ).values("pk")
    )
    wanted = Q(measure_id__in=ids_of(measures)) & _months_before(common, last_year)
    for month, measure_ids in by_latest.items():
        if month != common:
            wanted |= Q(measure_id__in=measure_ids) & _months_before(month, last_year)
    rows = Observation.objects.filter(wanted, APPROVED, breakdown="").order_by()
    # Most measures report the same few periods: each is made once and shared (it is frozen).
    periods: dict[tuple[str, int, int], Period] = {}
    for measure_id, kind, first, months, value, status, written in rows.values_list(
        *_READING_FIELDS
    ):
        own = latest.get(measure_id)
        if own is None or own - (first + months - 1) not in _BEFORE_LATEST:
            continue
        period = periods.get((kind, first, months))
        if period is None:
            period = periods[kind, first, months] = Period(PeriodKind(kind), first, months)
        readings[measure_id].append(Reading(period, value, "", status or None, written))
    return readings


def headlines_as_at(
    rules_by_measure: dict[int, MeasureRules],
    as_at: Period,
    measures: QuerySet[Measure] | None = None,
) -> dict[int, Headline]:
    """Each measure's headline as at a period, reading only the observations it needs: three
    queries, and a handful of rows a measure, whatever the length of its series. `measures` is
    the queryset the rules came from, for the database to select them; without it they are
    selected by a list of their ids."""
    selected: Measures = measures if measures is not None else list(rules_by_measure)
    targets = targets_of(selected)
    readings = headline_readings(selected, latest_months(selected, as_at))
    return {
        measure_id: headline_of(rules, targets[measure_id], readings.get(measure_id, ()), as_at)
        for measure_id, rules in rules_by_measure.items()
    }
