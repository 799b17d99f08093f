"""Statuses of projects, actions and programmes, and their trend between two reports."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scorecard.core.delivery_status import DeliveryKind, parse_status, status_meaning, status_trend
from scorecard.core.ratings import Direction, Rag

RANKED = [Rag.RED, Rag.AMBER, Rag.GREEN]


@pytest.mark.parametrize(
    ("text", "status"),
    [("G", Rag.GREEN), ("a", Rag.AMBER), (" r ", Rag.RED), ("B", Rag.BLUE), ("Green", Rag.GREEN)],
)
def test_statuses_are_read_as_letters_or_colours(text, status):
    assert parse_status(text) is status


@pytest.mark.parametrize("text", ["", "X", "GA", "on track"])
def test_anything_else_is_not_a_status(text):
    with pytest.raises(ValueError, match="G, A, R or B"):
        parse_status(text)


def test_blue_means_closed_for_a_project_and_complete_for_an_action():
    assert status_meaning(Rag.BLUE, DeliveryKind.PROJECT) == "Closed"
    assert status_meaning(Rag.BLUE, DeliveryKind.ACTION) == "Complete or business as usual"
    assert status_meaning(Rag.GREEN, DeliveryKind.ACTION) == "On track"


@pytest.mark.parametrize(
    ("previous", "current", "trend"),
    [
        (Rag.AMBER, Rag.GREEN, Direction.IMPROVING),
        (Rag.RED, Rag.AMBER, Direction.IMPROVING),
        (Rag.GREEN, Rag.GREEN, Direction.STEADY),
        (Rag.GREEN, Rag.RED, Direction.DECLINING),
        (None, Rag.GREEN, None),
        (Rag.GREEN, Rag.BLUE, None),
        (Rag.BLUE, Rag.GREEN, None),
    ],
)
def test_trend_compares_with_the_last_report(previous, current, trend):
    assert status_trend(previous, current) is trend


@given(st.sampled_from(RANKED), st.sampled_from(RANKED))
def test_trend_follows_the_order_red_amber_green(previous, current):
    trend = status_trend(previous, current)
    change = RANKED.index(current) - RANKED.index(previous)
    expected = (
        Direction.IMPROVING if change > 0 else Direction.DECLINING if change else Direction.STEADY
    )
    assert trend is expected
