"""Measures' headlines as at a period, read from the database in three queries whatever the
number of measures (the overview's in one: overview_headlines), with the database selecting the
measures (by subquery) where the caller has them as a queryset: a list of every id costs Django
time to build, and SQLite limits how many parameters a query may have."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import TypeAlias

from django.db import connection
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
    headline_from,
    headline_of,
    latest_index,
)
from scorecard.measures.choices import Approval
from scorecard.measures.models import APPROVED, Measure, Observation, Target
from scorecard.stored_decimals import stored_decimal

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


def _comparison_steps() -> tuple[str, list[str]]:
    """SQL for the step back from measure m's reading o to the reading it compares with, and its
    parameters: MeasureRules.comparison_step for every measure setting and period kind it
    depends on, written out as a table, so that the rule stays the core's."""
    by_step: defaultdict[int, list[str]] = defaultdict(list)
    for compare_with in CompareWith:
        for frequency in Frequency:
            rules = MeasureRules(Polarity.NEUTRAL, frequency=frequency, compare_with=compare_with)
            for kind in PeriodKind:
                step = rules.comparison_step(kind)
                by_step[step] += [compare_with.value, frequency.value, kind.value]
    cases = [
        f"WHEN (m.compare_with, m.frequency, o.period_kind) IN (VALUES "
        f"{', '.join(['(%s, %s, %s)'] * (len(settings) // 3))}) THEN {step}"
        for step, settings in by_step.items()
    ]
    return f"CASE {' '.join(cases)} END", [
        value for settings in by_step.values() for value in settings
    ]


_STEP, _STEP_PARAMETERS = _comparison_steps()

# Each measure's approved headline readings (no breakdown) of the latest month up to the as-at
# period that has one (usually one reading; several when periods of several kinds end then),
# each with the target in force at its first month and the reading it compares with: one
# query, a few index look-ups a measure (observation_latest, one_target_per_start), where
# reading every target and every reading that might be compared with made some five times the
# rows into Python objects. The reading compared with is of the same kind, starting the
# measure's comparison step earlier, and ends in one of the months headline_readings reads
# (the same month or a comparison step before: only a pooled period's length may differ from
# the one it follows); of several, the one ending last, as rate_columns keeps for readings in
# date order.
_LATEST_HEADLINES = f"""
SELECT m.id, o.period_kind, o.period_first_month, o.period_months, o.value, o.status,
       o.written_decimals,
       (SELECT t.value FROM measures_target t
        WHERE t.measure_id = m.id AND t.from_month <= o.period_first_month
        ORDER BY t.from_month DESC LIMIT 1),
       p.period_first_month, p.period_months, p.value, p.status, p.written_decimals
FROM measures_measure m
JOIN measures_observation o ON o.measure_id = m.id AND o.breakdown = '' AND o.approval = %s
 AND o.period_last_month = (
    SELECT n.period_last_month FROM measures_observation n
    WHERE n.measure_id = m.id AND n.breakdown = '' AND n.approval = %s
      AND n.period_last_month <= %s
    ORDER BY n.period_last_month DESC LIMIT 1)
LEFT JOIN measures_observation p ON p.id = (
    SELECT q.id FROM measures_observation q
    WHERE q.measure_id = m.id AND q.breakdown = '' AND q.approval = %s
      AND q.period_kind = o.period_kind
      AND q.period_first_month = o.period_first_month - ({_STEP})
      AND q.period_last_month IN ({", ".join(f"o.period_last_month - {s}" for s in _BEFORE_LATEST)})
    ORDER BY q.period_last_month DESC LIMIT 1)
WHERE m.id IN """  # noqa: S608  # nosec B608 - the steps are the core's numbers, no value a user gives


def overview_headlines(
    rules_by_measure: dict[int, MeasureRules], as_at: Period, measures: QuerySet[Measure]
) -> dict[int, Headline]:
    """headlines_as_at in one query (_LATEST_HEADLINES), for the overview: at 10,000 measures
    it reads 10,000 rows, not 50,000. `measures` is the queryset the rules came from, limited
    to the active council, for the database to select them."""
    selected, selected_parameters = measures.order_by().values("pk").query.sql_with_params()
    approved = Approval.APPROVED.value
    parameters = [approved, approved, as_at.last_month, approved, *_STEP_PARAMETERS]
    # The decimals as the database gives them, made the Decimals Django makes of them.
    value, target_value = stored_decimal(Observation, "value"), stored_decimal(Target, "value")
    periods: dict[tuple[str, int, int], Period] = {}

    def period_of(kind: str, first: int, months: int) -> Period:
        period = periods.get((kind, first, months))
        if period is None:
            period = periods[kind, first, months] = Period(PeriodKind(kind), first, months)
        return period

    found: dict[int, tuple[Reading, Decimal | None, Reading | None]] = {}
    with connection.cursor() as cursor:
        cursor.execute(
            f"{_LATEST_HEADLINES}({selected})",
            [*parameters, *selected_parameters],
        )
        for row in cursor.fetchall():
            measure_id, kind, first, months, figure, status, written, target = row[:8]
            latest = Reading(
                period_of(kind, first, months), value(figure), "", status or None, written
            )
            # Periods of several kinds may end in the latest month: the headline's is picked
            # as headline_of picks it.
            other = found.get(measure_id)
            if other is not None and latest_index([other[0], latest], as_at) == 0:
                continue
            before_first, before_months, before, before_status, before_written = row[8:]
            previous = None
            if before_first is not None:
                previous = Reading(
                    period_of(kind, before_first, before_months),
                    value(before),
                    "",
                    before_status or None,
                    before_written,
                )
            found[measure_id] = (latest, target_value(target), previous)
    headlines = {}
    for measure_id, rules in rules_by_measure.items():
        latest, target, previous = found.get(measure_id) or (None, None, None)
        headlines[measure_id] = headline_from(rules, latest, target, previous, as_at)
    return headlines
