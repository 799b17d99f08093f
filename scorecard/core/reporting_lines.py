"""Who a board reports to: a board never reports to itself, nor round a loop however long.
One rule for every way a board's line is set (the framework file and the API)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

Board = TypeVar("Board")


def loop_made(
    board: Board, above: Board, reports_to: Callable[[Board], Board | None]
) -> list[Board]:
    """The boards round the loop that `board` reporting to `above` would close, from `board`
    back to it ([board, above, …, board]); empty when it closes none. `reports_to` gives each
    board's present line."""
    chain = [board, above]
    while chain[-1] != board:
        next_up = reports_to(chain[-1])
        # A line that ends, or a loop elsewhere that does not pass through `board`.
        if next_up is None or next_up in chain[1:]:
            return []
        chain.append(next_up)
    return chain


def loop_in_words(names: Sequence[str]) -> str:
    """ "'A' reports to 'B', which reports to 'A'": the loop as the message names it."""
    first, second, *rest = names
    return f"'{first}' reports to '{second}'" + "".join(
        f", which reports to '{name}'" for name in rest
    )
