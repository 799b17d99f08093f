"""The scorecard's shortcut (a two-year window) gives exactly what rating every reading gives."""

from decimal import Decimal

import pytest
from django.utils import timezone

from scorecard.core.period_parser import parse_period
from scorecard.core.periods import Period, PeriodKind
from scorecard.core.rollup import roll_up
from scorecard.framework.models import Plan
from scorecard.measures.models import Measure, Observation, Target
from scorecard.measures.periods import available_periods
from scorecard.scoring.headlines import (
    COMPARISON_STEPS,
    headline_readings,
    headlines_as_at,
    latest_months,
    overview_headlines,
)
from scorecard.scoring.scorecard import ATTENTION, measures_for, rate_measures, summarise
from tests.measures.councils import LAST, PLAN_ID, made_up_council

pytestmark = pytest.mark.django_db


def full_headlines(as_at):
    return {rated.measure.pk: rated.headline(as_at) for rated in rate_measures(measures_for())}


def comparable(headline):
    latest = headline.latest
    return (
        latest.reading.period if latest else None,
        latest.reading.value if latest else None,
        headline.rating,
        headline.direction,
    )


def test_windowed_headlines_equal_full_ratings_for_every_demo_period(demo_council):
    measures = list(measures_for())
    for as_at in available_periods() + [parse_period("2030/31")]:
        full = {k: comparable(v) for k, v in full_headlines(as_at).items()}
        rules = {m.pk: m.rules() for m in measures}
        by_ids = headlines_as_at(rules, as_at)
        by_subquery = headlines_as_at(rules, as_at, measures_for())
        assert {k: comparable(v) for k, v in by_ids.items()} == full, as_at.label
        assert {k: comparable(v) for k, v in by_subquery.items()} == full, as_at.label


def test_windowed_headlines_equal_full_ratings_when_measures_report_in_different_months(db):
    """Most measures report last in one month; the others are read by their ids, and what
    the common month's readings give them beyond their own is dropped."""
    made_up_council(60)
    selected = measures_for(PLAN_ID)
    rules = {m.pk: m.rules() for m in selected}
    assert len(set(latest_months(selected, LAST).values())) > 2
    ends = [LAST.shifted(-back) for back in range(16)]
    for as_at in ends + [Period.quarter(2019, 4), Period.financial_year(2019)]:
        full = {
            rated.measure.pk: comparable(rated.headline(as_at)) for rated in rate_measures(selected)
        }
        windowed = headlines_as_at(rules, as_at, selected)
        assert {k: comparable(v) for k, v in windowed.items()} == full, as_at.label


def test_each_measure_gets_only_readings_of_its_own_latest_month_and_comparison_months(db):
    made_up_council(60)
    selected = measures_for(PLAN_ID)
    latest = latest_months(selected, LAST)
    for measure_id, readings in headline_readings(selected, latest).items():
        wanted = {latest[measure_id] - step for step in (0, *COMPARISON_STEPS)}
        assert {r.period.last_month for r in readings} <= wanted


def test_the_summary_counts_and_lists_what_full_ratings_give(db):
    made_up_council(60)
    full = [(r.measure, r.headline(LAST)) for r in rate_measures(measures_for(PLAN_ID))]
    summary = summarise(LAST, PLAN_ID)
    assert (
        summary.total.as_dict()
        == roll_up("Total", [(h.rag, h.direction) for _, h in full]).as_dict()
    )
    off = [(m, h) for m, h in full if h.rag in ATTENTION]
    off.sort(key=lambda pair: (ATTENTION.index(pair[1].rag), pair[0].title))
    assert summary.off_target == len(off)
    assert [(line.measure.pk, comparable(line.headline)) for line in summary.lines] == [
        (m.pk, comparable(h)) for m, h in off[:20]
    ]


def test_scorecard_queries_do_not_grow_with_measures(demo_council, django_assert_max_num_queries):
    measures = list(measures_for())
    with django_assert_max_num_queries(3):
        headlines_as_at({m.pk: m.rules() for m in measures}, parse_period("2019/20 Q2"))


def test_overview_headlines_equal_the_windowed_headlines_for_every_demo_period(demo_council):
    measures = measures_for()
    rules = {m.pk: m.rules() for m in measures}
    for as_at in available_periods() + [parse_period("2030/31")]:
        expected = headlines_as_at(rules, as_at, measures)
        assert overview_headlines(rules, as_at, measures) == expected, as_at.label


def test_overview_headlines_equal_the_windowed_headlines_when_measures_report_in_different_months(
    db,
):
    made_up_council(60)
    selected = measures_for(PLAN_ID)
    rules = {m.pk: m.rules() for m in selected}
    ends = [LAST.shifted(-back) for back in range(16)]
    for as_at in ends + [Period.quarter(2019, 4), Period.financial_year(2019)]:
        got = overview_headlines(rules, as_at, selected)
        assert got == headlines_as_at(rules, as_at, selected), as_at.label


def _awkward_measure(plan, number, frequency, compare_with, periods, **settings):
    measure = Measure.objects.create(
        measure_id=f"ODD-{number}",
        title=f"Awkward measure {number}",
        plan=plan,
        polarity="higher",
        unit="count",
        frequency=frequency,
        compare_with=compare_with,
        tolerance=Decimal(5),
        order=number,
        **settings,
    )
    Target.objects.create(measure=measure, from_month=-1, value=Decimal(60))
    Target.objects.create(
        measure=measure, from_month=LAST.shifted(-2).first_month, value=Decimal("55.5")
    )
    for index, (period, extra) in enumerate(periods):
        observation = Observation(
            measure=measure,
            value=Decimal(50 + index * 3) if index % 5 != 3 else None,
            status="" if index % 5 != 3 else "TBC",
            entered_at=timezone.now(),
            written_decimals=index % 3 or None,
            **extra,
        )
        observation.set_period(period)
        observation.save()


def test_overview_headlines_equal_full_ratings_for_awkward_series(db):
    """Months and quarters ending together, pooled years of several lengths, rolling years
    reported quarterly, provisional figures and breakdowns: the one query picks the reading
    and the reading it compares with that rating every reading picks."""
    plan = Plan.objects.create(plan_id="odd", name="Awkward plan")
    months = [LAST.shifted(-back) for back in range(30)]
    quarters = [Period.quarter_containing(m.start) for m in months[::3]]
    pooled = [
        Period(PeriodKind.POOLED, first, length)
        for first in range(LAST.last_month - 60, LAST.last_month - 20, 12)
        for length in (24, 36)
    ]
    rolling = [Period(PeriodKind.ROLLING_12_MONTHS, m.last_month - 11, 12) for m in months[::3]]
    plain = {}
    _awkward_measure(plan, 1, "monthly", "previous", [(p, plain) for p in months + quarters])
    _awkward_measure(plan, 2, "quarterly", "same_period_last_year", [(p, plain) for p in quarters])
    _awkward_measure(plan, 3, "annual", "previous", [(p, plain) for p in pooled])
    _awkward_measure(plan, 4, "quarterly", "previous", [(p, plain) for p in rolling])
    _awkward_measure(
        plan,
        5,
        "monthly",
        "previous",
        [(p, {"approval": "provisional"}) for p in months[:2]]
        + [(p, {"breakdown": "Ward A"}) for p in months[:6]]
        + [(p, plain) for p in months[2:]],
    )
    _awkward_measure(
        plan, 6, "monthly", "same_period_last_year", [(p, plain) for p in months],
        discontinued_from=months[4].label,
    )  # fmt: skip
    _awkward_measure(plan, 7, "monthly", "previous", [])
    selected = measures_for("odd")
    rules = {m.pk: m.rules() for m in selected}
    for as_at in months[:16] + quarters[:4] + [Period.financial_year(LAST.start.year - 1)]:
        full = {r.measure.pk: r.headline(as_at) for r in rate_measures(selected)}
        assert overview_headlines(rules, as_at, selected) == full, as_at.label


def test_overview_headlines_are_one_query(demo_council, django_assert_num_queries):
    measures = measures_for()
    rules = {m.pk: m.rules() for m in measures}
    with django_assert_num_queries(1):
        overview_headlines(rules, parse_period("2019/20 Q2"), measures)
