"""Periods: dates, labels, arithmetic and ordering (DESIGN §2 and §4)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from scorecard.core.periods import NATURAL_STEP, Period, PeriodError, PeriodKind
from tests.core.strategies import periods

SEP_19 = Period.month(2019, 9)
Q2_2019 = Period.quarter(2019, 2)
FY_2019 = Period.financial_year(2019)
AY_2019 = Period.academic_year(2019)
CY_2019 = Period.calendar_year(2019)
POOLED = Period.pooled(2014, 2016)
POOLED_CALENDAR = Period.pooled_calendar(2014, 2016)
R12M_MAR_18 = Period.rolling_12_months(2018, 3)

EXAMPLES = [
    # period, kind, canonical label, display, start, end
    (SEP_19, PeriodKind.MONTH, "2019-09", "Sep-19", date(2019, 9, 1), date(2019, 9, 30)),
    (
        Q2_2019,
        PeriodKind.QUARTER,
        "2019/20 Q2",
        "Q2 2019/20",
        date(2019, 7, 1),
        date(2019, 9, 30),
    ),
    (
        FY_2019,
        PeriodKind.FINANCIAL_YEAR,
        "2019/20",
        "2019/20",
        date(2019, 4, 1),
        date(2020, 3, 31),
    ),
    (
        AY_2019,
        PeriodKind.ACADEMIC_YEAR,
        "2019/20 AY",
        "2019/20 AY",
        date(2019, 9, 1),
        date(2020, 8, 31),
    ),
    (CY_2019, PeriodKind.CALENDAR_YEAR, "2019", "2019", date(2019, 1, 1), date(2019, 12, 31)),
    (
        POOLED,
        PeriodKind.POOLED,
        "2014/15-2016/17",
        "2014/15 - 2016/17",
        date(2014, 4, 1),
        date(2017, 3, 31),
    ),
    (
        POOLED_CALENDAR,
        PeriodKind.POOLED_CALENDAR,
        "2014-2016",
        "2014 - 2016",
        date(2014, 1, 1),
        date(2016, 12, 31),
    ),
    (
        R12M_MAR_18,
        PeriodKind.ROLLING_12_MONTHS,
        "R12M 2018-03",
        "R12M to Mar-18",
        date(2017, 4, 1),
        date(2018, 3, 31),
    ),
]
EXAMPLE_IDS = [example[2] for example in EXAMPLES]


# --- kinds, labels and dates ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("period", "kind", "label", "display", "start", "end"), EXAMPLES, ids=EXAMPLE_IDS
)
def test_each_constructor_makes_its_kind(period, kind, label, display, start, end):
    assert period.kind is kind


@pytest.mark.parametrize(
    ("period", "kind", "label", "display", "start", "end"), EXAMPLES, ids=EXAMPLE_IDS
)
def test_canonical_label(period, kind, label, display, start, end):
    assert period.label == label


@pytest.mark.parametrize(
    ("period", "kind", "label", "display", "start", "end"), EXAMPLES, ids=EXAMPLE_IDS
)
def test_display_is_the_councils_own_form(period, kind, label, display, start, end):
    assert period.display == display


@pytest.mark.parametrize(
    ("period", "kind", "label", "display", "start", "end"), EXAMPLES, ids=EXAMPLE_IDS
)
def test_start_date(period, kind, label, display, start, end):
    assert period.start == start


@pytest.mark.parametrize(
    ("period", "kind", "label", "display", "start", "end"), EXAMPLES, ids=EXAMPLE_IDS
)
def test_end_date(period, kind, label, display, start, end):
    assert period.end == end


@pytest.mark.parametrize(
    ("period", "kind", "label", "display", "start", "end"), EXAMPLES, ids=EXAMPLE_IDS
)
def test_str_is_the_canonical_label(period, kind, label, display, start, end):
    assert str(period) == label


@pytest.mark.parametrize(
    ("quarter", "start", "end"),
    [
        (1, date(2019, 4, 1), date(2019, 6, 30)),
        (2, date(2019, 7, 1), date(2019, 9, 30)),
        (3, date(2019, 10, 1), date(2019, 12, 31)),
        (4, date(2020, 1, 1), date(2020, 3, 31)),
    ],
)
def test_financial_quarters_run_from_april(quarter, start, end):
    assert (Period.quarter(2019, quarter).start, Period.quarter(2019, quarter).end) == (start, end)


@pytest.mark.parametrize(
    ("quarter", "label", "display"),
    [
        (1, "2019/20 Q1", "Q1 2019/20"),
        (2, "2019/20 Q2", "Q2 2019/20"),
        (3, "2019/20 Q3", "Q3 2019/20"),
        (4, "2019/20 Q4", "Q4 2019/20"),
    ],
)
def test_january_to_march_is_q4_of_the_year_before(quarter, label, display):
    assert (Period.quarter(2019, quarter).label, Period.quarter(2019, quarter).display) == (
        label,
        display,
    )


@pytest.mark.parametrize(
    ("year", "month", "last_day"),
    [(2019, 2, 28), (2020, 2, 29), (2000, 2, 29), (1900, 2, 28), (2019, 4, 30), (2019, 12, 31)],
)
def test_a_month_ends_on_its_last_day(year, month, last_day):
    assert Period.month(year, month).end == date(year, month, last_day)


def test_a_financial_year_ending_in_a_leap_year_ends_on_31_march():
    assert Period.financial_year(2019).end == date(2020, 3, 31)


def test_an_academic_year_starts_on_1_september():
    assert Period.academic_year(2018).start == date(2018, 9, 1)


def test_the_financial_year_of_1999_is_labelled_1999_00():
    assert Period.financial_year(1999).label == "1999/00"


def test_a_rolling_year_ending_in_december_is_the_calendar_year():
    rolling = Period.rolling_12_months(2019, 12)
    assert (rolling.start, rolling.end) == (CY_2019.start, CY_2019.end)


@pytest.mark.parametrize(
    ("period", "months"),
    [
        (SEP_19, 1),
        (Q2_2019, 3),
        (FY_2019, 12),
        (AY_2019, 12),
        (CY_2019, 12),
        (POOLED, 36),
        (POOLED_CALENDAR, 36),
        (R12M_MAR_18, 12),
    ],
)
def test_length_in_months(period, months):
    assert period.months == months


# --- bad constructor arguments ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Period.month(2019, 0), "month must be 1 to 12, not 0"),
        (lambda: Period.month(2019, 13), "month must be 1 to 12, not 13"),
        (lambda: Period.quarter(2019, 0), "quarter must be 1 to 4, not 0"),
        (lambda: Period.quarter(2019, 5), "quarter must be 1 to 4, not 5"),
        (lambda: Period.rolling_12_months(2018, 13), "month must be 1 to 12, not 13"),
        (lambda: Period.pooled(2016, 2014), "must end in a later year"),
        (lambda: Period.pooled(2016, 2016), "must end in a later year"),
        (lambda: Period.pooled_calendar(2016, 2015), "must end in a later year"),
    ],
    ids=[
        "month 0",
        "month 13",
        "quarter 0",
        "quarter 5",
        "rolling month 13",
        "pooled backwards",
        "pooled one year",
        "pooled calendar backwards",
    ],
)
def test_impossible_periods_are_refused_with_a_reason(build, message):
    with pytest.raises(PeriodError, match=message):
        build()


def test_a_period_error_is_a_value_error():
    assert issubclass(PeriodError, ValueError)


# --- previous, next and same period last year -------------------------------------------------
@pytest.mark.parametrize(
    ("period", "previous"),
    [
        (SEP_19, "2019-08"),
        (Period.month(2019, 1), "2018-12"),
        (Q2_2019, "2019/20 Q1"),
        (Period.quarter(2019, 1), "2018/19 Q4"),
        (Period.quarter(2019, 4), "2019/20 Q3"),
        (FY_2019, "2018/19"),
        (AY_2019, "2018/19 AY"),
        (CY_2019, "2018"),
        (POOLED, "2013/14-2015/16"),
        (POOLED_CALENDAR, "2013-2015"),
        (R12M_MAR_18, "R12M 2018-02"),
    ],
    ids=lambda value: value.label if isinstance(value, Period) else value,
)
def test_previous_period_of_the_same_kind(period, previous):
    assert period.previous().label == previous


@pytest.mark.parametrize(
    ("period", "following"),
    [
        (SEP_19, "2019-10"),
        (Period.month(2019, 12), "2020-01"),
        (Q2_2019, "2019/20 Q3"),
        (Period.quarter(2019, 4), "2020/21 Q1"),
        (FY_2019, "2020/21"),
        (AY_2019, "2020/21 AY"),
        (CY_2019, "2020"),
        (POOLED, "2015/16-2017/18"),
        (POOLED_CALENDAR, "2015-2017"),
        (R12M_MAR_18, "R12M 2018-04"),
    ],
    ids=lambda value: value.label if isinstance(value, Period) else value,
)
def test_next_period_of_the_same_kind(period, following):
    assert period.next().label == following


@pytest.mark.parametrize(
    ("step", "previous"),
    [(1, "R12M 2018-02"), (3, "R12M 2017-12"), (12, "R12M 2017-03")],
)
def test_previous_can_step_back_by_the_reporting_frequency(step, previous):
    assert R12M_MAR_18.previous(step).label == previous


def test_next_can_step_on_by_the_reporting_frequency():
    assert R12M_MAR_18.next(3).label == "R12M 2018-06"


@pytest.mark.parametrize(
    ("period", "last_year"),
    [
        (SEP_19, "2018-09"),
        (Q2_2019, "2018/19 Q2"),
        (Period.quarter(2019, 4), "2018/19 Q4"),
        (FY_2019, "2018/19"),
        (AY_2019, "2018/19 AY"),
        (CY_2019, "2018"),
        (POOLED, "2013/14-2015/16"),
        (R12M_MAR_18, "R12M 2017-03"),
    ],
    ids=lambda value: value.label if isinstance(value, Period) else value,
)
def test_same_period_last_year(period, last_year):
    assert period.same_period_last_year().label == last_year


@pytest.mark.parametrize("kind", list(PeriodKind))
def test_every_kind_has_a_natural_step(kind):
    assert NATURAL_STEP[kind] > 0


# --- containment ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("outer", "inner", "expected"),
    [
        (FY_2019, Q2_2019, True),
        (FY_2019, SEP_19, True),
        (Q2_2019, SEP_19, True),
        (Q2_2019, Period.month(2019, 10), False),
        (SEP_19, Q2_2019, False),
        (FY_2019, FY_2019, True),
        (POOLED, Period.financial_year(2015), True),
        (POOLED, FY_2019, False),
        (CY_2019, FY_2019, False),
    ],
)
def test_contains(outer, inner, expected):
    assert outer.contains(inner) is expected


# --- equality and ordering --------------------------------------------------------------------
def test_equal_periods_are_equal():
    assert Period.month(2019, 9) == SEP_19


def test_periods_of_different_kinds_over_the_same_months_differ():
    assert Period.rolling_12_months(2019, 12) != CY_2019


def test_periods_can_be_dictionary_keys():
    assert {Period.quarter(2019, 2): "x"}[Q2_2019] == "x"


def test_periods_sort_by_the_month_they_end():
    shuffled = [Period.quarter(2019, 3), SEP_19, Period.month(2019, 4), Period.quarter(2018, 4)]
    assert [p.label for p in sorted(shuffled)] == [
        "2018/19 Q4",
        "2019-04",
        "2019-09",
        "2019/20 Q3",
    ]


def test_periods_ending_in_the_same_month_sort_the_longer_first():
    assert sorted([Period.month(2020, 3), Period.quarter(2019, 4), FY_2019]) == [
        FY_2019,
        Period.quarter(2019, 4),
        Period.month(2020, 3),
    ]


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        (Period.quarter(2019, 1), Q2_2019),
        (Period.month(2019, 8), SEP_19),
        (R12M_MAR_18, Period.rolling_12_months(2018, 4)),
        (POOLED, Period.pooled(2015, 2017)),
        (Period.financial_year(2018), FY_2019),
    ],
)
def test_earlier_is_less_than_later(earlier, later):
    assert earlier < later


def test_comparing_a_period_with_something_else_is_refused():
    with pytest.raises(TypeError):
        _ = SEP_19 < "2019-09"


# --- properties -------------------------------------------------------------------------------
@given(periods(1100, 9900))
def test_previous_then_next_is_the_same_period(period):
    assert period.previous().next() == period


@given(periods(1100, 9900))
def test_next_then_previous_is_the_same_period(period):
    assert period.next().previous() == period


@given(periods(1100, 9900), st.integers(1, 24))
def test_previous_then_next_by_any_step_is_the_same_period(period, step):
    assert period.previous(step).next(step) == period


@given(periods(1100, 9900))
def test_previous_keeps_the_kind(period):
    assert period.previous().kind is period.kind


@given(periods(1100, 9900))
def test_previous_keeps_the_length(period):
    assert period.previous().months == period.months


@given(periods(1100, 9900))
def test_previous_period_ends_before_this_one_ends(period):
    assert period.previous().end < period.end


@given(periods(1100, 9900))
def test_same_period_last_year_starts_one_year_earlier(period):
    assert period.same_period_last_year().start == period.start.replace(year=period.start.year - 1)


@given(periods(1100, 9900))
def test_same_period_last_year_keeps_the_kind_and_length(period):
    last_year = period.same_period_last_year()
    assert (last_year.kind, last_year.months) == (period.kind, period.months)


@given(periods(1100, 9900))
def test_a_period_starts_on_the_first_of_a_month(period):
    assert period.start.day == 1


@given(periods(1100, 9900))
def test_a_period_ends_the_day_before_the_next_month_starts(period):
    assert (period.end - period.shifted(period.months).start).days == -1


@given(periods(1100, 9900))
def test_a_period_contains_itself(period):
    assert period.contains(period)


@given(periods(1100, 9900), periods())
def test_ordering_is_consistent_with_end_dates(a, b):
    assume(a.end != b.end)
    assert (a < b) == (a.end < b.end)


@given(periods(1100, 9900), periods())
def test_exactly_one_of_less_equal_greater(a, b):
    assert [a < b, a == b, a > b].count(True) == 1


@given(periods(1100, 9900), periods())
def test_equal_periods_have_equal_labels(a, b):
    assert (a == b) == (a.label == b.label and a.kind == b.kind)


@given(st.lists(periods(), max_size=20))
def test_sorted_periods_have_non_decreasing_end_dates(items):
    ends = [p.end for p in sorted(items)]
    assert ends == sorted(ends)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_the_quarter_and_year_containing_a_day_contain_it(day):
    for period in (Period.quarter_containing(day), Period.financial_year_containing(day)):
        assert period.start <= day <= period.end
    assert Period.financial_year_containing(day).contains(Period.quarter_containing(day))
