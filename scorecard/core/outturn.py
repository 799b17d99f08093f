"""A budget outturn in words (seed 003's Revenue Budget row): a forecast variance against the
approved budget is an overspend above zero, an underspend below it and balanced at zero."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum


class Outturn(StrEnum):
    OVERSPEND = "Overspend"
    UNDERSPEND = "Underspend"
    BALANCED = "Balanced"


def outturn(variance: Decimal) -> Outturn:
    """The position a variance against budget shows, by its sign alone: the amount is written
    beside it, in the measure's unit."""
    if variance > 0:
        return Outturn.OVERSPEND
    if variance < 0:
        return Outturn.UNDERSPEND
    return Outturn.BALANCED
