"""MeasureRater rates a whole series exactly as `rate` and `direction` rate each reading; the
scorecard's shortcuts through it give what the whole series gives."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from scorecard.core.measure_rules import (
    CompareWith,
    Frequency,
    MeasureRules,
    Reading,
    TargetChange,
    TargetSchedule,
)
from scorecard.core.periods import Period, PeriodKind
from scorecard.core.rater import MeasureRater, compared_with, rate_one
from scorecard.core.ratings import Polarity, Tolerance, ToleranceType, direction, rate
from scorecard.core.series import headline, headline_of, rate_series

decimals = st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False)
kinds = st.sampled_from([PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.ROLLING_12_MONTHS])
first_months = st.integers(min_value=2010 * 12, max_value=2010 * 12 + 40)


@st.composite
def periods(draw) -> Period:
    kind = draw(kinds)
    months = {PeriodKind.MONTH: 1, PeriodKind.QUARTER: 3}.get(kind, 12)
    return Period(kind, draw(first_months), months)


readings = st.builds(
    Reading,
    period=periods(),
    value=st.one_of(st.none(), decimals),
    breakdown=st.sampled_from(["", "", "Age 0-4"]),
    status=st.sampled_from([None, "TBC"]),
)
rules = st.builds(
    MeasureRules,
    polarity=st.sampled_from(list(Polarity)),
    tolerance=st.builds(
        Tolerance,
        amount=st.decimals(min_value=0, max_value=50, places=1),
        type=st.sampled_from(list(ToleranceType)),
    ),
    steady_band=st.decimals(min_value=0, max_value=5, places=1),
    frequency=st.sampled_from(list(Frequency)),
    compare_with=st.sampled_from(list(CompareWith)),
    discontinued_from=st.one_of(st.none(), periods()),
)
changes = st.lists(
    st.builds(
        TargetChange, period=st.one_of(st.none(), periods()), value=st.one_of(st.none(), decimals)
    ),
    max_size=3,
    unique_by=lambda c: None if c.period is None else c.period.first_month,
)


def expected(rules: MeasureRules, schedule: TargetSchedule, series: list[Reading]):
    """The rules reading by reading, looked up the slow and obvious way."""
    unique = {(r.breakdown, r.period.kind, r.period.first_month): r for r in series}
    results = []
    for reading in series:
        target = schedule.target_for(reading.period)
        rating = rate(
            reading.value,
            target,
            rules.polarity,
            rules.tolerance,
            discontinued=rules.is_discontinued(reading.period),
            status=reading.status,
        )
        before = rules.comparison_period(reading.period)
        previous = unique.get((reading.breakdown, before.kind, before.first_month))
        if rules.is_discontinued(reading.period):
            previous = None  # a discontinued measure's readings are B, with no direction
        way = direction(
            reading.value, previous.value if previous else None, rules.polarity, rules.steady_band
        )
        results.append((target, rating, way, previous))
    return results


@settings(max_examples=300)
@given(rules=rules, changes=changes, series=st.lists(readings, max_size=30))
def test_rater_agrees_with_rate_and_direction_reading_by_reading(rules, changes, series):
    unique = list({(r.breakdown, r.period.kind, r.period.first_month): r for r in series}.values())
    schedule = TargetSchedule(changes)
    columns = MeasureRater(rules, schedule).rate_columns(unique)
    got = list(
        zip(columns.targets, columns.ratings, columns.directions, columns.previous, strict=True)
    )
    assert got == expected(rules, schedule, unique)


@settings(max_examples=300)
@given(rules=rules, changes=changes, series=st.lists(readings, min_size=1, max_size=12))
def test_rating_one_reading_gives_what_rating_them_all_gives_it(rules, changes, series):
    # Repeated periods too: of two readings to compare with, both take the last.
    schedule = TargetSchedule(changes)
    columns = MeasureRater(rules, schedule).rate_columns(series)
    for index in range(len(series)):
        reading = series[index]
        target = schedule.target_for(reading.period)
        got = (target, *rate_one(rules, target, reading, compared_with(rules, series, index)))
        assert got == (
            columns.targets[index],
            columns.ratings[index],
            columns.directions[index],
            columns.previous[index],
        )
        assert got[3] is columns.previous[index]


def test_a_target_change_applies_from_its_period_even_when_readings_come_out_of_order():
    schedule = TargetSchedule(
        [TargetChange(None, Decimal(50)), TargetChange(Period.quarter(2019, 1), Decimal(53))]
    )
    series = [
        Reading(Period.quarter(2019, 2), Decimal(52)),
        Reading(Period.quarter(2018, 4), Decimal(52)),
        Reading(Period.quarter(2019, 1), Decimal(53)),
    ]
    columns = MeasureRater(MeasureRules(Polarity.HIGHER), schedule).rate_columns(series)
    assert [r.rag.value for r in columns.ratings] == ["R", "G", "G"]


@settings(max_examples=300)
@given(rules=rules, changes=changes, series=st.lists(readings, max_size=12), as_at=periods())
def test_headline_of_is_the_headline_of_the_rated_series(rules, changes, series, as_at):
    schedule = TargetSchedule(changes)
    rated = rate_series(rules, schedule, series)
    assert headline_of(rules, schedule, series, as_at) == headline(rules, rated, as_at)


stored_months = st.lists(
    st.tuples(st.integers(min_value=-3, max_value=60), st.one_of(st.none(), decimals)),
    max_size=4,
)


@given(stored=stored_months)
def test_a_schedule_from_stored_months_is_the_schedule_of_their_changes(stored):
    from_changes = TargetSchedule(
        [TargetChange.from_month(month, value) for month, value in stored]
    )
    from_months = TargetSchedule.from_months(stored)
    assert (from_months.starts, from_months.values) == (from_changes.starts, from_changes.values)
