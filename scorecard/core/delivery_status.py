"""Statuses of delivery (projects, actions, highlight reports) and how they move (DESIGN §3).

Projects, actions and programmes are rated G/A/R/B by their owners rather than against a target;
B means closed (a project) or complete / business as usual (an action)."""

from __future__ import annotations

from enum import StrEnum

from scorecard.core.ratings import Direction, Rag

# Better statuses rank higher; B (closed or complete) is outside the scale.
_RANK = {Rag.RED: 0, Rag.AMBER: 1, Rag.GREEN: 2}


class DeliveryKind(StrEnum):
    PROJECT = "project"
    ACTION = "action"
    PROGRAMME = "programme"


_BLUE_MEANING = {
    DeliveryKind.PROJECT: "Closed",
    DeliveryKind.ACTION: "Complete or business as usual",
    DeliveryKind.PROGRAMME: "Closed",
}
_MEANING = {
    Rag.GREEN: "On track",
    Rag.AMBER: "Some slippage or risk, being managed",
    Rag.RED: "Off track: needs intervention",
}


def status_meaning(status: Rag, kind: DeliveryKind) -> str:
    return _BLUE_MEANING[kind] if status is Rag.BLUE else _MEANING[status]


def parse_status(text: str) -> Rag:
    """G, A, R, B or the colour's name, in any case."""
    value = text.strip().upper()
    by_word = {rag.label.upper(): rag for rag in Rag}
    if value in by_word:
        return by_word[value]
    try:
        return Rag(value)
    except ValueError:
        raise ValueError(f"'{text}' is not a status: use G, A, R or B") from None


def status_trend(previous: Rag | None, current: Rag | None) -> Direction | None:
    """The trend of a status against the last report: none when either is missing or closed."""
    if previous not in _RANK or current not in _RANK:
        return None
    change = _RANK[current] - _RANK[previous]
    if change > 0:
        return Direction.IMPROVING
    if change < 0:
        return Direction.DECLINING
    return Direction.STEADY
