"""An action's flags: overdue (past due, not complete), slipped (revised later than first
planned), stale (no update this cycle)."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from scorecard.core.action_flags import Timescale, action_flags, stale
from scorecard.core.ratings import Rag

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))


def test_an_action_revised_from_march_to_june_has_slipped():
    timescale = Timescale(date(2018, 3, 1), (date(2018, 6, 1),))
    assert timescale.current == date(2018, 6, 1)
    assert timescale.slipped


def test_a_date_brought_forward_is_not_slippage():
    assert not Timescale(date(2018, 6, 1), (date(2018, 3, 1),)).slipped


def test_slipping_then_returning_to_the_first_date_is_not_slipped_now():
    assert not Timescale(date(2018, 3, 1), (date(2018, 6, 1), date(2018, 3, 1))).slipped


def test_overdue_is_past_the_current_date_and_not_complete():
    timescale = Timescale(date(2018, 3, 1), (date(2018, 6, 1),))
    assert not timescale.overdue(date(2018, 5, 31), Rag.GREEN)
    assert not timescale.overdue(date(2018, 6, 1), Rag.GREEN)
    assert timescale.overdue(date(2018, 6, 2), Rag.GREEN)
    assert not timescale.overdue(date(2018, 6, 2), Rag.BLUE)


def test_no_date_is_never_overdue_or_slipped():
    assert not Timescale(None).overdue(date(2030, 1, 1), Rag.RED)
    assert not Timescale(None).slipped


def test_stale_without_an_update_since_the_cycle_began():
    cycle = date(2018, 1, 1)
    assert stale([date(2017, 12, 7)], cycle, Rag.GREEN)
    assert not stale([date(2017, 12, 7), date(2018, 2, 9)], cycle, Rag.GREEN)
    assert stale([], cycle, Rag.AMBER)
    assert not stale([], cycle, Rag.BLUE)


def test_flags_in_words():
    flags = action_flags(
        Timescale(date(2018, 3, 1), (date(2018, 6, 1),)),
        Rag.AMBER,
        [date(2018, 2, 9)],
        on=date(2018, 6, 30),
        cycle_start=date(2018, 4, 1),
    )
    assert flags.words == ["overdue", "slipped", "stale"]


@given(due=days, moves=st.lists(st.integers(-400, 400), max_size=4), on=days)
def test_complete_actions_are_never_overdue_or_stale(due, moves, on):
    timescale = Timescale(due, tuple(due + timedelta(days=m) for m in moves))
    assert not timescale.overdue(on, Rag.BLUE)
    assert not stale([], on, Rag.BLUE)


@given(due=days, moves=st.lists(st.integers(-400, 400), min_size=1, max_size=4))
def test_slipped_exactly_when_the_latest_date_is_later_than_the_first(due, moves):
    timescale = Timescale(due, tuple(due + timedelta(days=m) for m in moves))
    assert timescale.slipped == (moves[-1] > 0)
