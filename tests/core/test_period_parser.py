"""Reading period labels in every form DESIGN §4 and docs/formats.md accept."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorecard.core.period_parser import display_label, parse_period
from scorecard.core.periods import PeriodError, PeriodKind
from tests.core.strategies import periods

# Every accepted form: (text, kind, canonical label, display form).
ACCEPTED = [
    # month
    ("2019-09", PeriodKind.MONTH, "2019-09", "Sep-19"),
    ("2019-9", PeriodKind.MONTH, "2019-09", "Sep-19"),
    ("Sep-19", PeriodKind.MONTH, "2019-09", "Sep-19"),
    ("Sep 2019", PeriodKind.MONTH, "2019-09", "Sep-19"),
    ("Sep-2019", PeriodKind.MONTH, "2019-09", "Sep-19"),
    ("sep-19", PeriodKind.MONTH, "2019-09", "Sep-19"),
    ("SEP 2019", PeriodKind.MONTH, "2019-09", "Sep-19"),
    ("Sept 2019", PeriodKind.MONTH, "2019-09", "Sep-19"),
    ("Sep. 2019", PeriodKind.MONTH, "2019-09", "Sep-19"),
    ("September 2019", PeriodKind.MONTH, "2019-09", "Sep-19"),
    ("  Sep-19  ", PeriodKind.MONTH, "2019-09", "Sep-19"),
    ("Mar-18", PeriodKind.MONTH, "2018-03", "Mar-18"),
    ("May 2020", PeriodKind.MONTH, "2020-05", "May-20"),
    ("Jan-00", PeriodKind.MONTH, "2000-01", "Jan-00"),
    # financial quarter
    ("2019/20 Q2", PeriodKind.QUARTER, "2019/20 Q2", "Q2 2019/20"),
    ("Q2 2019/20", PeriodKind.QUARTER, "2019/20 Q2", "Q2 2019/20"),
    ("Q2 19/20", PeriodKind.QUARTER, "2019/20 Q2", "Q2 2019/20"),
    ("q2 2019/20", PeriodKind.QUARTER, "2019/20 Q2", "Q2 2019/20"),
    ("2019/2020 Q2", PeriodKind.QUARTER, "2019/20 Q2", "Q2 2019/20"),
    ("2019/20Q2", PeriodKind.QUARTER, "2019/20 Q2", "Q2 2019/20"),
    ("Q2  2019 / 20", PeriodKind.QUARTER, "2019/20 Q2", "Q2 2019/20"),
    ("Q1 2017/18", PeriodKind.QUARTER, "2017/18 Q1", "Q1 2017/18"),
    ("2018/19 Q4", PeriodKind.QUARTER, "2018/19 Q4", "Q4 2018/19"),
    ("Q3 99/00", PeriodKind.QUARTER, "1999/00 Q3", "Q3 1999/00"),
    # financial year
    ("2019/20", PeriodKind.FINANCIAL_YEAR, "2019/20", "2019/20"),
    ("19/20", PeriodKind.FINANCIAL_YEAR, "2019/20", "2019/20"),
    ("2019/2020", PeriodKind.FINANCIAL_YEAR, "2019/20", "2019/20"),
    ("1999/00", PeriodKind.FINANCIAL_YEAR, "1999/00", "1999/00"),
    ("1999/2000", PeriodKind.FINANCIAL_YEAR, "1999/00", "1999/00"),
    # academic year
    ("2019/20 AY", PeriodKind.ACADEMIC_YEAR, "2019/20 AY", "2019/20 AY"),
    ("AY 2019/20", PeriodKind.ACADEMIC_YEAR, "2019/20 AY", "2019/20 AY"),
    ("2019/20 ay", PeriodKind.ACADEMIC_YEAR, "2019/20 AY", "2019/20 AY"),
    # calendar year
    ("2019", PeriodKind.CALENDAR_YEAR, "2019", "2019"),
    (" 2019 ", PeriodKind.CALENDAR_YEAR, "2019", "2019"),
    # pooled financial years
    ("2014/15 - 2016/17", PeriodKind.POOLED, "2014/15-2016/17", "2014/15 - 2016/17"),
    ("2014/15-2016/17", PeriodKind.POOLED, "2014/15-2016/17", "2014/15 - 2016/17"),
    ("14/15 - 16/17", PeriodKind.POOLED, "2014/15-2016/17", "2014/15 - 2016/17"),
    ("2016/17 - 2018/19", PeriodKind.POOLED, "2016/17-2018/19", "2016/17 - 2018/19"),
    # pooled calendar years
    ("2014 - 2016", PeriodKind.POOLED_CALENDAR, "2014-2016", "2014 - 2016"),
    ("2014-2016", PeriodKind.POOLED_CALENDAR, "2014-2016", "2014 - 2016"),
    # rolling twelve months
    ("R12M 2018-03", PeriodKind.ROLLING_12_MONTHS, "R12M 2018-03", "R12M to Mar-18"),
    ("R12M to Mar-18", PeriodKind.ROLLING_12_MONTHS, "R12M 2018-03", "R12M to Mar-18"),
    ("r12m to mar 2018", PeriodKind.ROLLING_12_MONTHS, "R12M 2018-03", "R12M to Mar-18"),
    ("R12M Mar-18", PeriodKind.ROLLING_12_MONTHS, "R12M 2018-03", "R12M to Mar-18"),
    ("R12M to 2018-03", PeriodKind.ROLLING_12_MONTHS, "R12M 2018-03", "R12M to Mar-18"),
    ("R12M  to  March 2018", PeriodKind.ROLLING_12_MONTHS, "R12M 2018-03", "R12M to Mar-18"),
]
ACCEPTED_IDS = [text for text, *_ in ACCEPTED]


@pytest.mark.parametrize(("text", "kind", "label", "display"), ACCEPTED, ids=ACCEPTED_IDS)
def test_accepted_form_is_read_as_the_right_kind(text, kind, label, display):
    assert parse_period(text).kind is kind


@pytest.mark.parametrize(("text", "kind", "label", "display"), ACCEPTED, ids=ACCEPTED_IDS)
def test_accepted_form_gives_the_canonical_label(text, kind, label, display):
    assert parse_period(text).label == label


@pytest.mark.parametrize(("text", "kind", "label", "display"), ACCEPTED, ids=ACCEPTED_IDS)
def test_accepted_form_gives_the_display_form(text, kind, label, display):
    assert parse_period(text).display == display


@pytest.mark.parametrize(("text", "kind", "label", "display"), ACCEPTED, ids=ACCEPTED_IDS)
def test_canonical_label_reads_back_to_the_same_period(text, kind, label, display):
    assert parse_period(label) == parse_period(text)


@pytest.mark.parametrize(("text", "kind", "label", "display"), ACCEPTED, ids=ACCEPTED_IDS)
def test_display_form_reads_back_to_the_same_period(text, kind, label, display):
    assert parse_period(display) == parse_period(text)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Sep-19", date(2019, 9, 1), date(2019, 9, 30)),
        ("Feb 2020", date(2020, 2, 1), date(2020, 2, 29)),
        ("Q1 2019/20", date(2019, 4, 1), date(2019, 6, 30)),
        ("Q2 2019/20", date(2019, 7, 1), date(2019, 9, 30)),
        ("Q3 2019/20", date(2019, 10, 1), date(2019, 12, 31)),
        ("Q4 2019/20", date(2020, 1, 1), date(2020, 3, 31)),
        ("2019/20", date(2019, 4, 1), date(2020, 3, 31)),
        ("2019/20 AY", date(2019, 9, 1), date(2020, 8, 31)),
        ("2019", date(2019, 1, 1), date(2019, 12, 31)),
        ("2014/15 - 2016/17", date(2014, 4, 1), date(2017, 3, 31)),
        ("2014 - 2016", date(2014, 1, 1), date(2016, 12, 31)),
        ("R12M to Mar-18", date(2017, 4, 1), date(2018, 3, 31)),
    ],
)
def test_start_and_end_dates(text, start, end):
    period = parse_period(text)
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Sep-19", "2019-09"),
        ("Sep-69", "2069-09"),
        ("Sep-70", "1970-09"),
        ("Sep-99", "1999-09"),
        ("Q2 69/70", "2069/70 Q2"),
        ("Q2 70/71", "1970/71 Q2"),
        ("R12M to Mar-99", "R12M 1999-03"),
    ],
)
def test_two_digit_years_are_read_as_1970_to_2069(text, label):
    assert parse_period(text).label == label


@pytest.mark.parametrize(
    ("text", "previous"),
    [
        ("Sep-19", "2019-08"),
        ("Q1 2019/20", "2018/19 Q4"),
        ("2019/20", "2018/19"),
        ("2019/20 AY", "2018/19 AY"),
        ("2019", "2018"),
        ("2014/15 - 2016/17", "2013/14-2015/16"),
        ("R12M to Mar-18", "R12M 2018-02"),
    ],
)
def test_previous_period_of_a_parsed_label(text, previous):
    assert parse_period(text).previous().label == previous


@pytest.mark.parametrize(
    ("text", "last_year"),
    [
        ("Sep-19", "2018-09"),
        ("Q2 2019/20", "2018/19 Q2"),
        ("2019/20", "2018/19"),
        ("R12M to Mar-18", "R12M 2017-03"),
    ],
)
def test_same_period_last_year_of_a_parsed_label(text, last_year):
    assert parse_period(text).same_period_last_year().label == last_year


def test_parsed_labels_sort_in_time_order():
    labels = ["Q1 2019/20", "Mar-19", "2018/19", "Q4 2018/19", "Sep-19", "2017/18 Q2"]
    assert [parse_period(t).label for t in sorted(labels, key=parse_period)] == [
        "2017/18 Q2",
        "2018/19",
        "2018/19 Q4",
        "2019-03",
        "2019/20 Q1",
        "2019-09",
    ]


# --- bad labels ---------------------------------------------------------------------------------
BAD = [
    ("", "a period is needed"),
    ("   ", "a period is needed"),
    ("2019/21", "'2019/21' is not a financial year: the second year must follow the first"),
    ("2019/19", "not a financial year"),
    ("19/21", "not a financial year"),
    ("Q2 2019/21", "not a financial year"),
    ("2014/15 - 2016/18", "not a financial year"),
    ("Q5 2019/20", "'Q5 2019/20' is not a period we recognise"),
    ("Q0 2019/20", "'Q0 2019/20' is not a period we recognise"),
    ("2019-13", "month must be 1 to 12, not 13"),
    ("2019-00", "month must be 1 to 12, not 0"),
    ("R12M 2018-13", "month must be 1 to 12, not 13"),
    ("Smarch-19", "'smarch' is not a month name"),
    ("R12M to Smarch-18", "'smarch' is not a month name"),
    ("2016/17 - 2014/15", "a pooled period must end in a later year than it starts"),
    ("2016/17 - 2016/17", "a pooled period must end in a later year than it starts"),
    ("2016 - 2014", "a pooled period must end in a later year than it starts"),
    ("next quarter", "'next quarter' is not a period we recognise"),
    ("19", "'19' is not a period we recognise"),
    ("201909", "'201909' is not a period we recognise"),
    ("2019/20 Q", "'2019/20 Q' is not a period we recognise"),
    ("Q2", "'Q2' is not a period we recognise"),
    ("R12M", "'R12M' is not a period we recognise"),
    ("0000", "'0000' is outside the years 1000 to 9999"),
    ("0999", "'0999' is outside the years 1000 to 9999"),
    ("9999/00", "'9999/00' is outside the years 1000 to 9999"),
    ("Q4 9999/00", "'Q4 9999/00' is outside the years 1000 to 9999"),
]
BAD_IDS = [text or "empty" for text, _ in BAD]


@pytest.mark.parametrize(("text", "message"), BAD, ids=BAD_IDS)
def test_bad_label_is_refused_with_a_helpful_message(text, message):
    with pytest.raises(PeriodError) as refused:
        parse_period(text)
    assert message in str(refused.value)


def test_an_unrecognised_label_is_told_the_forms_we_accept():
    with pytest.raises(PeriodError, match=r"2019-09, Sep-19, 2019/20 Q2, 2019/20, 2019/20 AY"):
        parse_period("Q5 2019/20")


def test_the_unrecognised_label_is_quoted_as_typed():
    with pytest.raises(PeriodError, match="'  Week 3 '"):
        parse_period("  Week 3 ")


# --- properties ---------------------------------------------------------------------------------
@given(periods())
def test_canonical_label_round_trips(period):
    assert parse_period(period.label) == period


@given(periods(min_year=1970, max_year=2069))
def test_display_form_round_trips(period):
    assert parse_period(period.display) == period


@given(periods())
def test_reading_ignores_case(period):
    assert parse_period(period.label.lower()) == parse_period(period.label.upper())


@given(periods(), st.sampled_from([" ", "  ", "\t", " \n"]))
def test_reading_ignores_surrounding_space(period, space):
    assert parse_period(f"{space}{period.label}{space}") == period


@given(st.text(max_size=30))
def test_any_text_is_read_or_refused_with_a_period_error(text):
    try:
        period = parse_period(text)
    except PeriodError:
        return
    assert period.start <= period.end


@given(
    st.from_regex(
        r"(R12M (to )?)?(\d{4}-\d{1,2}|[A-Za-z]{3,9}[- ]\d{2,4})|(Q\d )?\d{2,4}/\d{2,4}( Q\d| AY)?",
        fullmatch=True,
    )
)
def test_label_like_text_is_read_or_refused_with_a_period_error(text):
    try:
        period = parse_period(text)
    except PeriodError:
        return
    assert parse_period(period.label) == period


@given(
    st.integers(0, 9999),
    st.sampled_from(
        ["{y:04d}", "{y:04d}-01", "{y:04d}/{n:02d}", "Q4 {y:04d}/{n:02d}", "R12M {y:04d}-01"]
    ),
)
def test_any_four_digit_year_is_read_with_dates_or_refused(year, form):
    text = form.format(y=year, n=(year + 1) % 100)
    try:
        period = parse_period(text)
    except PeriodError:
        return
    assert period.start <= period.end


def test_a_dashed_financial_year_is_refused_with_the_forms_to_use():
    with pytest.raises(PeriodError, match="write a financial year as 2019/20"):
        parse_period("2019-20")


def test_four_digit_years_either_side_of_a_dash_are_pooled_calendar_years():
    assert parse_period("2019-2020").label == "2019-2020"


def test_pooled_calendar_years_are_read():
    assert parse_period("2015 - 2017").label == "2015-2017"


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("2019/20 Q2", "Q2 2019/20"),
        ("2020-01", "Jan-20"),
        ("Q4 17/18", "Q4 2017/18"),
        ("2014/15-2016/17", "2014/15 - 2016/17"),
        ("2019/20", "2019/20"),
        ("not a period", "not a period"),
    ],
)
def test_display_label_shows_a_stored_label_the_councils_way(stored, shown):
    assert display_label(stored) == shown
