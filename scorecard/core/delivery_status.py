"""Statuses of delivery (projects, actions, highlight reports) and how they move (DESIGN §3).

Projects, actions and programmes are rated G/A/R/B by their owners rather than against a target;
B means closed (a project) or, on an action, what its action plan says B means (by default
complete / business as usual)."""

from __future__ import annotations

from enum import StrEnum

from scorecard.core.ratings import Direction, Rag

# Better statuses rank higher; B (closed or complete) is outside the scale.
_RANK = {Rag.RED: 0, Rag.AMBER: 1, Rag.GREEN: 2}


class DeliveryKind(StrEnum):
    PROJECT = "project"
    ACTION = "action"
    PROGRAMME = "programme"


class BlueMeaning(StrEnum):
    """What B says on an action plan's actions. Boards use it differently: seed 004's task
    groups write "B - On track" beside achieved and business-as-usual rows, and its glossary
    calls Blue "Business As Usual"."""

    COMPLETE_OR_BAU = "complete_or_bau"
    ON_TRACK_COMPLETE_OR_BAU = "on_track_complete_or_bau"
    ON_TRACK = "on_track"

    @property
    def label(self) -> str:
        return {
            "complete_or_bau": "Complete or business as usual",
            "on_track_complete_or_bau": "On track, complete or business as usual",
            "on_track": "On track",
        }[self.value]

    @property
    def settles(self) -> bool:
        """B alone says the action needs nothing more: no later date, no more updates."""
        return self is BlueMeaning.COMPLETE_OR_BAU

    @property
    def may_be_business_as_usual(self) -> bool:
        """B may mark work carried on as business as usual, which has no date to be late by."""
        return self is not BlueMeaning.ON_TRACK


_BLUE_MEANING = {DeliveryKind.PROJECT: "Closed", DeliveryKind.PROGRAMME: "Closed"}
_MEANING = {
    Rag.GREEN: "On track",
    Rag.AMBER: "Some slippage or risk, being managed",
    Rag.RED: "Off track: needs intervention",
}


def status_meaning(
    status: Rag, kind: DeliveryKind, blue: BlueMeaning = BlueMeaning.COMPLETE_OR_BAU
) -> str:
    """What the status says; B on an action says what its action plan has B mean."""
    if status is not Rag.BLUE:
        return _MEANING[status]
    return blue.label if kind is DeliveryKind.ACTION else _BLUE_MEANING[kind]


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
