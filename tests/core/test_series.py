"""Rating a measure's whole series: changing targets, directions, breakdowns, discontinued
measures and the headline as at a period (DESIGN §3)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorecard.core.period_parser import parse_period
from scorecard.core.ratings import Direction, Polarity, Rag, Tolerance, ToleranceType
from scorecard.core.series import (
    NO_READING,
    CompareWith,
    Frequency,
    MeasureRules,
    Reading,
    TargetChange,
    TargetSchedule,
    headline,
    latest_as_at,
    rate_series,
)

D = Decimal
UP, STEADY, DOWN = Direction.IMPROVING, Direction.STEADY, Direction.DECLINING
G, A, R, B = Rag.GREEN, Rag.AMBER, Rag.RED, Rag.BLUE


def readings(first: str, values: list[str | None], breakdown: str = "") -> list[Reading]:
    """Consecutive readings of first's kind, one natural step apart."""
    period = parse_period(first)
    items = []
    for value in values:
        items.append(Reading(period, None if value is None else D(value), breakdown))
        period = period.next()
    return items


def flat(target: str | None) -> TargetSchedule:
    return TargetSchedule([TargetChange(None, None if target is None else D(target))])


# --- the Health Visitor check (seed 003) ------------------------------------------------------
HEALTH_VISITOR_RULES = MeasureRules(
    Polarity.HIGHER, Tolerance(D(10), ToleranceType.RELATIVE), frequency=Frequency.QUARTERLY
)
HEALTH_VISITOR = rate_series(
    HEALTH_VISITOR_RULES,
    flat("90"),
    readings("2017/18 Q2", ["84.8", "91.7", "94.9", "92.1", "93.0", "94.0", "89.5", "85.1"]),
)


def test_health_visitor_rags():
    assert [r.rating.rag for r in HEALTH_VISITOR] == [A, G, G, G, G, G, A, A]


def test_health_visitor_directions():
    assert [r.direction for r in HEALTH_VISITOR] == [None, UP, UP, DOWN, UP, UP, DOWN, DOWN]


def test_health_visitor_periods_are_consecutive_quarters():
    assert [r.reading.period.label for r in HEALTH_VISITOR] == [
        "2017/18 Q2",
        "2017/18 Q3",
        "2017/18 Q4",
        "2018/19 Q1",
        "2018/19 Q2",
        "2018/19 Q3",
        "2018/19 Q4",
        "2019/20 Q1",
    ]


def test_health_visitor_target_is_90_throughout():
    assert {r.target for r in HEALTH_VISITOR} == {D(90)}


def test_each_rated_reading_keeps_the_reading_it_was_compared_with():
    assert HEALTH_VISITOR[1].previous == HEALTH_VISITOR[0].reading


def test_the_first_reading_has_nothing_to_compare_with():
    assert HEALTH_VISITOR[0].previous is None


def test_the_series_keeps_the_order_it_was_given():
    given_order = list(reversed(readings("2017/18 Q2", ["84.8", "91.7", "94.9"])))
    rated = rate_series(HEALTH_VISITOR_RULES, flat("90"), given_order)
    assert [r.reading for r in rated] == given_order


def test_the_series_gives_the_same_ratings_in_any_order():
    given_order = list(reversed(readings("2017/18 Q2", ["84.8", "91.7", "94.9"])))
    rated = rate_series(HEALTH_VISITOR_RULES, flat("90"), given_order)
    assert [(r.rating.rag, r.direction) for r in rated] == [(G, UP), (G, UP), (A, None)]


# --- targets that change ----------------------------------------------------------------------
BREASTFEEDING_TARGETS = TargetSchedule(
    [TargetChange(parse_period("Q1 2019/20"), D(53)), TargetChange(None, D(50))]
)
BREASTFEEDING = rate_series(
    MeasureRules(Polarity.HIGHER),
    BREASTFEEDING_TARGETS,
    readings("2018/19 Q3", ["51", "52", "52", "54"]),
)


@pytest.mark.parametrize(
    ("period", "target"),
    [
        ("2017/18 Q1", "50"),
        ("2018/19 Q4", "50"),
        ("Mar-19", "50"),
        ("2018/19", "50"),
        ("2019/20 Q1", "53"),
        ("Apr-19", "53"),
        ("2019/20", "53"),
        ("2021/22 Q3", "53"),
    ],
)
def test_breastfeeding_target_rises_from_50_to_53_in_2019_20(period, target):
    assert BREASTFEEDING_TARGETS.target_for(parse_period(period)) == D(target)


def test_breastfeeding_readings_are_rated_against_the_target_of_their_period():
    assert [r.target for r in BREASTFEEDING] == [D(50), D(50), D(53), D(53)]


def test_breastfeeding_rags_follow_the_new_target():
    assert [r.rating.rag for r in BREASTFEEDING] == [G, G, R, G]


def test_a_target_given_for_a_financial_year_applies_from_its_first_quarter():
    schedule = TargetSchedule(
        [TargetChange(None, D(50)), TargetChange(parse_period("2019/20"), D(53))]
    )
    assert schedule.target_for(parse_period("Q1 2019/20")) == D(53)


def test_no_target_before_the_first_change():
    schedule = TargetSchedule([TargetChange(parse_period("2019/20"), D(53))])
    assert schedule.target_for(parse_period("2018/19 Q4")) is None


def test_no_targets_at_all():
    assert TargetSchedule([]).target_for(parse_period("2019/20 Q1")) is None


def test_a_target_can_be_removed_from_a_period_on():
    schedule = TargetSchedule(
        [TargetChange(None, D(50)), TargetChange(parse_period("2019/20"), None)]
    )
    assert schedule.target_for(parse_period("2019/20 Q2")) is None


def test_a_reading_without_a_target_says_so():
    rated = rate_series(MeasureRules(Polarity.HIGHER), flat(None), readings("2019/20 Q1", ["5"]))
    assert rated[0].rating.reason == "no target"


def test_a_reading_without_a_value_says_why():
    reading = Reading(parse_period("2019/20 Q1"), None, status="not yet published")
    rated = rate_series(MeasureRules(Polarity.HIGHER), flat("90"), [reading])
    assert rated[0].rating.reason == "no value: not yet published"


def test_a_reading_without_a_value_has_no_direction():
    rated = rate_series(
        MeasureRules(Polarity.HIGHER), flat("90"), readings("Q1 2019/20", ["5", None])
    )
    assert rated[1].direction is None


def test_the_reading_after_a_missing_value_has_no_direction():
    rated = rate_series(
        MeasureRules(Polarity.HIGHER), flat("90"), readings("Q1 2019/20", ["5", None, "6"])
    )
    assert rated[2].direction is None


def test_a_gap_in_the_series_gives_no_direction():
    series = [
        Reading(parse_period("Q1 2019/20"), D(5)),
        Reading(parse_period("Q3 2019/20"), D(6)),
    ]
    rated = rate_series(MeasureRules(Polarity.HIGHER), flat("90"), series)
    assert rated[1].direction is None


# --- what the direction compares with ---------------------------------------------------------
def test_compare_with_same_period_last_year():
    rules = MeasureRules(Polarity.HIGHER, compare_with=CompareWith.SAME_PERIOD_LAST_YEAR)
    rated = rate_series(rules, flat("90"), readings("2018/19 Q1", ["80", "90", "70", "60", "85"]))
    assert [r.direction for r in rated] == [None, None, None, None, UP]


def test_compare_with_same_period_last_year_names_that_reading():
    rules = MeasureRules(Polarity.HIGHER, compare_with=CompareWith.SAME_PERIOD_LAST_YEAR)
    rated = rate_series(rules, flat("90"), readings("2018/19 Q1", ["80", "90", "70", "60", "85"]))
    assert rated[4].previous.period.label == "2018/19 Q1"


def test_compare_with_same_month_last_year():
    rules = MeasureRules(Polarity.LOWER, compare_with=CompareWith.SAME_PERIOD_LAST_YEAR)
    series = [Reading(parse_period("Sep-18"), D(10)), Reading(parse_period("Sep-19"), D(12))]
    assert rate_series(rules, flat("5"), series)[1].direction is DOWN


def test_rolling_twelve_months_reported_quarterly_compare_with_three_months_earlier():
    rules = MeasureRules(Polarity.HIGHER, frequency=Frequency.QUARTERLY)
    series = [
        Reading(parse_period("R12M 2017-12"), D(10)),
        Reading(parse_period("R12M 2018-03"), D(12)),
    ]
    assert rate_series(rules, flat("5"), series)[1].direction is UP


def test_rolling_twelve_months_reported_monthly_compare_with_the_month_before():
    rules = MeasureRules(Polarity.HIGHER, frequency=Frequency.MONTHLY)
    series = [
        Reading(parse_period("R12M 2018-02"), D(12)),
        Reading(parse_period("R12M 2018-03"), D(10)),
    ]
    assert rate_series(rules, flat("5"), series)[1].direction is DOWN


def test_rolling_twelve_months_reported_quarterly_ignore_the_month_before():
    rules = MeasureRules(Polarity.HIGHER, frequency=Frequency.QUARTERLY)
    series = [
        Reading(parse_period("R12M 2018-02"), D(10)),
        Reading(parse_period("R12M 2018-03"), D(12)),
    ]
    assert rate_series(rules, flat("5"), series)[1].direction is None


def test_pooled_years_reported_annually_compare_with_the_pool_a_year_earlier():
    rules = MeasureRules(Polarity.LOWER, frequency=Frequency.ANNUAL)
    series = [
        Reading(parse_period("2013/14 - 2015/16"), D(10)),
        Reading(parse_period("2014/15 - 2016/17"), D(9)),
    ]
    assert rate_series(rules, flat("5"), series)[1].direction is UP


@pytest.mark.parametrize(
    ("period", "compare_with", "frequency", "expected"),
    [
        ("Sep-19", CompareWith.PREVIOUS, None, "2019-08"),
        ("Q2 2019/20", CompareWith.PREVIOUS, Frequency.QUARTERLY, "2019/20 Q1"),
        ("2019/20", CompareWith.PREVIOUS, Frequency.ANNUAL, "2018/19"),
        ("2019/20 AY", CompareWith.PREVIOUS, Frequency.ACADEMIC, "2018/19 AY"),
        ("2019", CompareWith.PREVIOUS, Frequency.CALENDAR, "2018"),
        ("R12M 2018-03", CompareWith.PREVIOUS, None, "R12M 2018-02"),
        ("R12M 2018-03", CompareWith.PREVIOUS, Frequency.MONTHLY, "R12M 2018-02"),
        ("R12M 2018-03", CompareWith.PREVIOUS, Frequency.QUARTERLY, "R12M 2017-12"),
        ("R12M 2018-03", CompareWith.PREVIOUS, Frequency.ANNUAL, "R12M 2017-03"),
        ("2014/15 - 2016/17", CompareWith.PREVIOUS, Frequency.ANNUAL, "2013/14-2015/16"),
        ("Q2 2019/20", CompareWith.SAME_PERIOD_LAST_YEAR, Frequency.QUARTERLY, "2018/19 Q2"),
        ("Sep-19", CompareWith.SAME_PERIOD_LAST_YEAR, Frequency.MONTHLY, "2018-09"),
        ("R12M 2018-03", CompareWith.SAME_PERIOD_LAST_YEAR, Frequency.QUARTERLY, "R12M 2017-03"),
    ],
)
def test_comparison_period(period, compare_with, frequency, expected):
    rules = MeasureRules(Polarity.HIGHER, frequency=frequency, compare_with=compare_with)
    assert rules.comparison_period(parse_period(period)).label == expected


@pytest.mark.parametrize(
    ("frequency", "months"),
    [
        (Frequency.MONTHLY, 1),
        (Frequency.QUARTERLY, 3),
        (Frequency.ANNUAL, 12),
        (Frequency.ACADEMIC, 12),
        (Frequency.CALENDAR, 12),
    ],
)
def test_frequency_step_in_months(frequency, months):
    assert frequency.step_months == months


def test_the_steady_band_applies_to_the_series():
    rules = MeasureRules(Polarity.HIGHER, steady_band=D("0.5"))
    rated = rate_series(rules, flat("90"), readings("Q1 2019/20", ["90", "90.5", "91.1"]))
    assert [r.direction for r in rated] == [None, STEADY, UP]


def test_a_neutral_series_describes_its_movements():
    rated = rate_series(
        MeasureRules(Polarity.NEUTRAL), flat(None), readings("2017", ["10", "12", "12", "9"])
    )
    assert [r.direction for r in rated] == [
        None,
        Direction.HIGHER,
        Direction.SAME,
        Direction.LOWER,
    ]


def test_a_neutral_series_has_no_rags():
    rated = rate_series(MeasureRules(Polarity.NEUTRAL), flat("10"), readings("2017", ["10", "12"]))
    assert [r.rating.rag for r in rated] == [None, None]


# --- breakdowns -------------------------------------------------------------------------------
BREAKDOWN_SERIES = [
    *readings("Q1 2019/20", ["50", "60"]),
    *readings("Q1 2019/20", ["90", "40"], breakdown="Age 16-17"),
    *readings("Q2 2019/20", ["70"], breakdown="Male"),
]
BREAKDOWNS = rate_series(MeasureRules(Polarity.HIGHER), flat("55"), BREAKDOWN_SERIES)


def test_the_headline_is_compared_only_with_the_headline():
    assert BREAKDOWNS[1].direction is UP


def test_a_breakdown_is_compared_only_with_the_same_breakdown():
    assert BREAKDOWNS[3].direction is DOWN


def test_a_breakdown_with_no_earlier_value_of_its_own_has_no_direction():
    assert BREAKDOWNS[4].direction is None


def test_a_breakdown_is_compared_with_its_own_previous_reading():
    assert BREAKDOWNS[3].previous == BREAKDOWN_SERIES[2]


def test_breakdowns_are_rated_against_the_target():
    assert [r.rating.rag for r in BREAKDOWNS] == [R, G, G, R, G]


# --- discontinued -----------------------------------------------------------------------------
DISCONTINUED_RULES = MeasureRules(
    Polarity.HIGHER,
    Tolerance(D(5)),
    discontinued_from=parse_period("Q3 2019/20"),
)
DISCONTINUED = rate_series(
    DISCONTINUED_RULES, flat("90"), readings("Q1 2019/20", ["80", "88", "95", None])
)


def test_readings_from_the_discontinued_period_on_are_blue():
    assert [r.rating.rag for r in DISCONTINUED] == [R, A, B, B]


@pytest.mark.parametrize(
    ("period", "discontinued"),
    [
        ("2019/20 Q2", False),
        ("Sep-19", False),
        ("2019/20 Q3", True),
        ("Oct-19", True),
        ("2019/20 Q4", True),
        ("2020/21", True),
    ],
)
def test_is_discontinued(period, discontinued):
    assert DISCONTINUED_RULES.is_discontinued(parse_period(period)) is discontinued


def test_a_measure_without_a_discontinued_period_is_never_discontinued():
    assert not MeasureRules(Polarity.HIGHER).is_discontinued(parse_period("2099/00"))


# --- headline as at a period ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("as_at", "latest"),
    [
        ("2017/18 Q2", "2017/18 Q2"),
        ("2018/19 Q3", "2018/19 Q3"),
        ("Dec-18", "2018/19 Q3"),
        ("Nov-18", "2018/19 Q2"),
        ("2018/19", "2018/19 Q4"),
        ("2019/20 Q1", "2019/20 Q1"),
        ("2025/26 Q1", "2019/20 Q1"),
    ],
)
def test_latest_as_at_picks_the_latest_reading_ending_by_the_as_at_period(as_at, latest):
    assert latest_as_at(HEALTH_VISITOR, parse_period(as_at)).reading.period.label == latest


def test_latest_as_at_before_any_reading_is_none():
    assert latest_as_at(HEALTH_VISITOR, parse_period("2017/18 Q1")) is None


def test_latest_as_at_ignores_breakdowns():
    assert latest_as_at(BREAKDOWNS, parse_period("2019/20 Q2")).reading == BREAKDOWN_SERIES[1]


def test_latest_as_at_with_only_breakdowns_is_none():
    assert latest_as_at(BREAKDOWNS[2:], parse_period("2019/20 Q2")) is None


def test_latest_as_at_does_not_depend_on_the_order_of_the_series():
    reordered = list(reversed(HEALTH_VISITOR))
    assert latest_as_at(reordered, parse_period("2018/19")) == HEALTH_VISITOR[6]


def test_headline_has_the_latest_rating():
    assert headline(HEALTH_VISITOR_RULES, HEALTH_VISITOR, parse_period("2018/19 Q3")).rag is G


def test_headline_has_the_latest_direction():
    assert (
        headline(HEALTH_VISITOR_RULES, HEALTH_VISITOR, parse_period("2018/19 Q4")).direction is DOWN
    )


def test_headline_keeps_the_latest_reading():
    result = headline(HEALTH_VISITOR_RULES, HEALTH_VISITOR, parse_period("2018/19 Q4"))
    assert result.latest == HEALTH_VISITOR[6]


def test_headline_before_any_reading_says_why():
    result = headline(HEALTH_VISITOR_RULES, HEALTH_VISITOR, parse_period("2016/17"))
    assert (result.rag, result.rating.reason) == (None, NO_READING)


def test_headline_before_any_reading_has_no_direction():
    assert headline(HEALTH_VISITOR_RULES, HEALTH_VISITOR, parse_period("2016/17")).direction is None


def test_headline_of_a_discontinued_measure_is_blue():
    result = headline(DISCONTINUED_RULES, DISCONTINUED, parse_period("2019/20 Q4"))
    assert result.rag is B


def test_headline_of_a_discontinued_measure_has_no_direction():
    result = headline(DISCONTINUED_RULES, DISCONTINUED, parse_period("2019/20 Q4"))
    assert result.direction is None


def test_headline_before_a_measure_was_discontinued_is_rated_as_usual():
    assert headline(DISCONTINUED_RULES, DISCONTINUED, parse_period("2019/20 Q2")).rag is A


def test_headline_of_a_measure_discontinued_before_any_reading_is_blue():
    rules = MeasureRules(Polarity.HIGHER, discontinued_from=parse_period("2015/16"))
    assert headline(rules, [], parse_period("2019/20 Q1")).rag is B


# --- properties -------------------------------------------------------------------------------
quarterly_values = st.lists(
    st.decimals(min_value=D(0), max_value=D(100), places=1), min_size=1, max_size=12
)


@given(quarterly_values)
def test_the_first_reading_of_a_series_never_has_a_direction(values):
    rated = rate_series(
        HEALTH_VISITOR_RULES, flat("90"), readings("Q1 2019/20", [str(v) for v in values])
    )
    assert rated[0].direction is None


@given(quarterly_values)
def test_every_later_reading_of_an_unbroken_series_has_a_direction(values):
    rated = rate_series(
        HEALTH_VISITOR_RULES, flat("90"), readings("Q1 2019/20", [str(v) for v in values])
    )
    assert all(r.direction is not None for r in rated[1:])


@given(quarterly_values)
def test_headline_as_at_the_last_period_is_the_last_reading(values):
    rated = rate_series(
        HEALTH_VISITOR_RULES, flat("90"), readings("Q1 2019/20", [str(v) for v in values])
    )
    assert headline(HEALTH_VISITOR_RULES, rated, rated[-1].reading.period).latest == rated[-1]


@given(quarterly_values, st.integers(0, 11))
def test_a_series_rates_each_reading_as_rating_it_alone_would(values, index):
    series = readings("Q1 2019/20", [str(v) for v in values])
    index %= len(series)
    whole = rate_series(HEALTH_VISITOR_RULES, flat("90"), series)
    alone = rate_series(HEALTH_VISITOR_RULES, flat("90"), [series[index]])
    assert whole[index].rating == alone[0].rating
