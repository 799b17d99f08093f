"""An action's flags: overdue (past due, neither complete nor business as usual), slipped
(revised later than first planned), stale (no update this cycle); and its status as at a day."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from scorecard.core.action_flags import (
    Timescale,
    action_flags,
    overdue,
    stale,
    standing,
    status_as_at,
)
from scorecard.core.delivery_status import BlueMeaning
from scorecard.core.ratings import Rag

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))
statuses = st.sampled_from([*Rag, None])
meanings = st.sampled_from(list(BlueMeaning))
USUAL = BlueMeaning.COMPLETE_OR_BAU


def on_status(status, on, completed=None, blue=USUAL):
    return standing(status, blue, completed, on)


def is_overdue(timescale, on, status, completed=None, blue=USUAL):
    return overdue(timescale, on_status(status, on, completed, blue), on)


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
    assert not is_overdue(timescale, date(2018, 5, 31), Rag.GREEN)
    assert not is_overdue(timescale, date(2018, 6, 1), Rag.GREEN)
    assert is_overdue(timescale, date(2018, 6, 2), Rag.GREEN)
    assert not is_overdue(timescale, date(2018, 6, 2), Rag.BLUE)


def test_no_date_is_never_overdue_or_slipped():
    assert not is_overdue(Timescale(None), date(2030, 1, 1), Rag.RED)
    assert not Timescale(None).slipped


def test_stale_without_an_update_since_the_cycle_began():
    cycle = date(2018, 1, 1)
    on = date(2018, 3, 31)
    assert stale([date(2017, 12, 7)], cycle, on_status(Rag.GREEN, on))
    assert not stale([date(2017, 12, 7), date(2018, 2, 9)], cycle, on_status(Rag.GREEN, on))
    assert stale([], cycle, on_status(Rag.AMBER, on))
    assert not stale([], cycle, on_status(Rag.BLUE, on))


def test_flags_in_words():
    on = date(2018, 6, 30)
    flags = action_flags(
        Timescale(date(2018, 3, 1), (date(2018, 6, 1),)),
        on_status(Rag.AMBER, on),
        [date(2018, 2, 9)],
        on=on,
        cycle_start=date(2018, 4, 1),
    )
    assert flags.words == ["overdue", "slipped", "stale"]


def test_a_green_action_completed_before_the_quarter_ended_is_not_overdue():
    """Seed 004, Health 1.4: due 01.02.2018, Green, the assessments done by 09.02.2018."""
    timescale = Timescale(date(2018, 2, 1))
    on = date(2018, 3, 31)
    assert is_overdue(timescale, on, Rag.GREEN)
    assert not is_overdue(timescale, on, Rag.GREEN, completed=date(2018, 2, 9))


def test_a_completion_after_the_day_does_not_count_yet():
    timescale = Timescale(date(2018, 2, 1))
    assert is_overdue(timescale, date(2018, 3, 31), Rag.GREEN, completed=date(2018, 4, 2))
    assert not is_overdue(timescale, date(2018, 4, 2), Rag.GREEN, completed=date(2018, 4, 2))


def test_what_b_means_decides_whether_a_late_b_action_is_overdue():
    timescale, on = Timescale(date(2018, 2, 1)), date(2018, 3, 31)
    assert not is_overdue(timescale, on, Rag.BLUE, blue=BlueMeaning.COMPLETE_OR_BAU)
    assert not is_overdue(timescale, on, Rag.BLUE, blue=BlueMeaning.ON_TRACK_COMPLETE_OR_BAU)
    assert is_overdue(timescale, on, Rag.BLUE, blue=BlueMeaning.ON_TRACK)


def test_b_that_may_be_on_track_still_needs_updates():
    cycle, on = date(2018, 1, 1), date(2018, 3, 31)
    assert not stale([], cycle, on_status(Rag.BLUE, on, blue=BlueMeaning.COMPLETE_OR_BAU))
    assert stale([], cycle, on_status(Rag.BLUE, on, blue=BlueMeaning.ON_TRACK_COMPLETE_OR_BAU))
    assert stale([], cycle, on_status(Rag.BLUE, on, blue=BlueMeaning.ON_TRACK))
    completed = on_status(Rag.BLUE, on, date(2018, 1, 5), BlueMeaning.ON_TRACK)
    assert not stale([], cycle, completed)


@given(due=days, moves=st.lists(st.integers(-400, 400), max_size=4), on=days)
def test_complete_actions_are_never_overdue_or_stale(due, moves, on):
    timescale = Timescale(due, tuple(due + timedelta(days=m) for m in moves))
    assert not is_overdue(timescale, on, Rag.BLUE)
    assert not stale([], on, on_status(Rag.BLUE, on))


@given(
    due=days,
    moves=st.lists(st.integers(-400, 400), max_size=4),
    on=days,
    status=statuses,
    blue=meanings,
    completed=st.none() | days,
)
def test_overdue_is_exactly_the_rule(due, moves, on, status, blue, completed):
    """Overdue exactly when the current date is before the day and the action is neither
    complete (finished by the day, or B where B settles it) nor business as usual."""
    timescale = Timescale(due, tuple(due + timedelta(days=m) for m in moves))
    current = timescale.current
    complete = (completed is not None and completed <= on) or (
        status is Rag.BLUE and blue is BlueMeaning.COMPLETE_OR_BAU
    )
    business_as_usual = status is Rag.BLUE and blue is not BlueMeaning.ON_TRACK
    expected = current is not None and current < on and not complete and not business_as_usual
    assert is_overdue(timescale, on, status, completed, blue) == expected


@given(due=days, on=days, status=statuses, blue=meanings, completed=days)
def test_an_action_completed_by_the_day_is_never_overdue_nor_stale(
    due, on, status, blue, completed
):
    if completed <= on:
        where = on_status(status, on, completed, blue)
        assert not overdue(Timescale(due), where, on)
        assert not stale([], on, where)


@given(due=days, moves=st.lists(st.integers(-400, 400), min_size=1, max_size=4))
def test_slipped_exactly_when_the_latest_date_is_later_than_the_first(due, moves):
    timescale = Timescale(due, tuple(due + timedelta(days=m) for m in moves))
    assert timescale.slipped == (moves[-1] > 0)


# --- status as at a day ------------------------------------------------------------------

TRAIL = [(date(2017, 11, 3), Rag.AMBER), (date(2017, 12, 7), None), (date(2018, 2, 9), Rag.RED)]


def test_the_status_then_is_the_last_given_by_that_day():
    assert status_as_at(Rag.GREEN, TRAIL, date(2017, 12, 31)) == Rag.AMBER
    assert status_as_at(Rag.GREEN, TRAIL, date(2017, 11, 2)) is None


def test_after_the_last_update_the_status_is_the_one_held_now():
    """Changed on the action's page after its last update: the change shows from then on."""
    assert status_as_at(Rag.GREEN, TRAIL, date(2018, 3, 31)) == Rag.GREEN


def test_updates_without_statuses_leave_the_status_held_now():
    unrated = [(day, None) for day, _ in TRAIL]
    assert status_as_at(Rag.AMBER, unrated, date(2017, 12, 31)) == Rag.AMBER


@given(
    trail=st.lists(st.tuples(days, statuses), max_size=6, unique_by=lambda t: t[0]),
    current=statuses,
    on=days,
)
def test_the_status_as_at_a_day_is_given_or_current(trail, current, on):
    given_statuses = sorted(trail)
    status = status_as_at(current, given_statuses, on)
    by_then = [s for day, s in given_statuses if day <= on and s is not None]
    later = any(day > on for day, _ in given_statuses)
    if not later or not any(s for _, s in given_statuses):
        assert status is current
    else:
        assert status == (by_then[-1] if by_then else None)
