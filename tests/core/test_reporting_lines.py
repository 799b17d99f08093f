"""A board's reporting line: the loop it would close, named board by board, or none."""

from hypothesis import given
from hypothesis import strategies as st

from scorecard.core.reporting_lines import loop_in_words, loop_made

LINES = {"Delivery group": "Executive", "Executive": "Board", "Board": None}


def test_reporting_to_a_board_below_closes_a_loop_named_from_the_board_round_to_itself():
    loop = loop_made("Board", "Delivery group", LINES.get)
    assert loop == ["Board", "Delivery group", "Executive", "Board"]
    assert loop_in_words(loop) == (
        "'Board' reports to 'Delivery group', which reports to 'Executive', "
        "which reports to 'Board'"
    )


def test_reporting_up_or_across_closes_none():
    assert loop_made("Delivery group", "Board", LINES.get) == []
    assert loop_made("Other group", "Executive", LINES.get) == []


def test_a_loop_elsewhere_that_does_not_pass_through_the_board_ends_the_walk():
    lines = {"A": "B", "B": "A"}
    assert loop_made("C", "A", lines.get) == []


@given(st.dictionaries(st.integers(0, 8), st.integers(0, 8)), st.integers(0, 8), st.integers(0, 8))
def test_a_loop_found_is_one_the_lines_make(lines, board, above):
    loop = loop_made(board, above, lines.get)
    if loop:
        assert loop[0] == loop[-1] == board and loop[1] == above
        assert all(lines.get(a) == b for a, b in zip(loop[1:-1], loop[2:], strict=True))
    else:
        # Followed from `above`, the lines never come back to `board`.
        seen, at = set(), above
        while at is not None and at not in seen and at != board:
            seen.add(at)
            at = lines.get(at)
        assert at != board
