"""Reading an as-at date and time."""

import datetime

import pytest

from scorecard.audit.when import AsAtError, described, parse_as_at

NOW = datetime.datetime(2026, 11, 26, 12, 0, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # November: UK time is UTC.
        ("2026-11-25 17:00", datetime.datetime(2026, 11, 25, 17, 0, tzinfo=datetime.UTC)),
        ("2026-11-25T17:00", datetime.datetime(2026, 11, 25, 17, 0, tzinfo=datetime.UTC)),
        ("2026-11-25T17:00:00Z", datetime.datetime(2026, 11, 25, 17, 0, tzinfo=datetime.UTC)),
        # Summer: UK time is an hour ahead of UTC.
        ("2026-07-01 17:00", datetime.datetime(2026, 7, 1, 16, 0, tzinfo=datetime.UTC)),
        ("2026-07-01T17:00+01:00", datetime.datetime(2026, 7, 1, 16, 0, tzinfo=datetime.UTC)),
    ],
)
def test_iso_forms_are_read_in_uk_time_unless_they_say_otherwise(text, expected):
    assert parse_as_at(text, now=NOW) == expected


def test_a_date_alone_is_the_end_of_that_day_in_the_uk():
    moment = parse_as_at("2026-07-01", now=NOW)
    assert moment == datetime.datetime(
        2026, 6, 30, 23, 0, tzinfo=datetime.UTC
    ) + datetime.timedelta(days=1, microseconds=-1)


@pytest.mark.parametrize("text", ["", "  ", "soon", "25/11/2026", "2026-13-01", "x" * 500])
def test_text_that_is_not_a_moment_is_refused_with_an_example(text):
    with pytest.raises(AsAtError, match="for example|give a date"):
        parse_as_at(text, now=NOW)


def test_the_future_is_refused():
    with pytest.raises(AsAtError, match="in the future"):
        parse_as_at("2026-11-27", now=NOW)


def test_a_moment_in_words():
    assert described(datetime.datetime(2026, 11, 25, 17, 0, tzinfo=datetime.UTC)) == (
        "17:00 on 25 November 2026"
    )
