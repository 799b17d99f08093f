"""The governance section of the plan's progress report (seeds 000 and 001, "3. Governance" and
the board diagram): the plan's facts, a diagram of its boards and programmes, and the same in a
table.

The diagram is drawn from the framework: the board the plan reports to, the boards above it
(`Board.reports_to`), the boards that report to it, and each programme under its own delivery
board (`Programme.board`) or, with none, under the plan's board, which gets every programme's
highlight report. A plan with no board but its own gets the table alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from scorecard.charts.governance import Box, governance_diagram
from scorecard.core.period_parser import parse_period
from scorecard.core.wording import and_list, capitalised, number_word, plural
from scorecard.framework.models import Board, Plan, Programme
from scorecard.papers.prefill import the, the_programmes
from scorecard.reports import cells
from scorecard.reports.document import Block, Cell, Chart, Column, Facts, Paragraph, Section, Table
from scorecard.reports.plans import organisation_name

NO_BOARD = "No board recorded"
TITLE = "Governance"


def _plan_period(plan: Plan) -> str:
    if not plan.period:
        return "Not recorded"
    try:
        return parse_period(plan.period).display
    except ValueError:
        return plan.period


def _board_words(plan: Plan) -> str:
    """'the Children's Trust Executive'; 'the board' when the plan names none."""
    return the(plan.board.name) if plan.board is not None else "the board"


class Boards:
    """The council's boards as the diagram needs them: who reports to whom."""

    def __init__(self) -> None:
        self.by_id = {board.pk: board for board in Board.objects.order_by("name")}
        self.below: dict[int | None, list[Board]] = defaultdict(list)
        for board in self.by_id.values():
            self.below[board.reports_to_id].append(board)

    def above(self, board_id: int | None) -> Iterator[Board]:
        """The boards `board_id` reports to, nearest first; a loop (made by hand in the
        database: the importer refuses one) ends where it comes round."""
        seen = {board_id}
        board = self.by_id.get(board_id) if board_id else None
        while board is not None and board.reports_to_id not in seen:
            seen.add(board.reports_to_id)
            board = self.by_id.get(board.reports_to_id) if board.reports_to_id else None
            if board is not None:
                yield board

    def reporting_to(self, board_id: int) -> Iterator[Board]:
        """Every board that reports to `board_id`, however indirectly."""
        waiting, seen = list(self.below[board_id]), {board_id}
        while waiting:
            board = waiting.pop(0)
            if board.pk not in seen:
                seen.add(board.pk)
                yield board
                waiting += self.below[board.pk]


def _lead(programme: Programme) -> str:
    return f"Lead: {programme.lead}" if programme.lead else ""


def diagram_boxes(plan: Plan, programmes: list[Programme], boards: Boards) -> list[Box]:
    """The boxes at the top of the diagram, each with what sits under it; none when the plan
    has no board but its own (nothing to draw that the table does not say)."""
    shown: set[int] = set()
    if plan.board_id:
        shown |= {plan.board_id, *(b.pk for b in boards.above(plan.board_id))}
        shown |= {b.pk for b in boards.reporting_to(plan.board_id)}
    for programme in programmes:
        if programme.board_id:
            shown |= {programme.board_id, *(b.pk for b in boards.above(programme.board_id))}
    if not shown - {plan.board_id}:
        return []
    under: dict[int | None, list[Programme]] = defaultdict(list)
    for programme in programmes:
        under[programme.board_id or plan.board_id].append(programme)

    def box(board: Board, drawn: frozenset[int]) -> Box:
        drawn = drawn | {board.pk}
        return Box(
            board.name,
            board=True,
            below=(
                *(box(b, drawn) for b in boards.below[board.pk] if b.pk in shown - drawn),
                *(Box(p.name, board=False, detail=_lead(p)) for p in under[board.pk]),
            ),
        )

    tops = [b for b in boards.by_id.values() if b.pk in shown and b.reports_to_id not in shown]
    return [box(b, frozenset()) for b in tops] + [
        Box(p.name, board=False, detail=_lead(p)) for p in under[None]
    ]


def _said(tops: list[Box]) -> str:
    """The diagram in words: its text alternative."""
    sentences = [f"At the top: {and_list([box.name for box in tops])}."]

    def visit(box: Box) -> None:
        boards = [under.name for under in box.below if under.board]
        count = sum(1 for under in box.below if not under.board)
        if boards:
            sentences.append(
                f"{and_list(boards)} {plural(len(boards), 'reports', 'report')} to {box.name}."
            )
        if count:
            sentences.append(
                capitalised(
                    f"{number_word(count)} {plural(count, 'programme')} "
                    f"{plural(count, 'reports', 'report')} to {box.name}."
                )
            )
        for under in box.below:
            visit(under)

    for top in tops:
        visit(top)
    return " ".join(sentences)


def _programmes_table(plan: Plan, programmes: list[Programme], boards: Boards) -> Table:
    board = plan.board.name if plan.board is not None else NO_BOARD
    return Table(
        "Programmes, their leads and the boards they report to",
        [
            Column("Programme", width=40),
            Column("Lead", width=20),
            Column("Delivery board", width=20),
            Column("Highlight reports to", width=20),
        ],
        [
            [
                Cell(p.name, header=True),
                cells.text(p.lead or "No lead recorded"),
                cells.text(boards.by_id[p.board_id].name if p.board_id else "None recorded"),
                cells.text(board),
            ]
            for p in programmes
        ],
        sheet="Governance",
        row_headers=True,
    )


def governance(plan: Plan, programmes: list[Programme]) -> Section:
    boards = Boards()
    board = plan.board.name if plan.board is not None else ""
    facts = [
        ("Plan", plan.name),
        ("Plan period", _plan_period(plan)),
        ("Organisation", organisation_name(plan) or "Not recorded"),
        ("Reports to", board or NO_BOARD),
    ]
    if above := [b.name for b in boards.above(plan.board_id)]:
        # The boards above the plan's, nearest first.
        facts.append(("Which reports to", ", then ".join(above)))
    facts.append(("Lead officer", plan.lead or "No lead officer recorded"))
    if plan.vision:
        facts.append(("Vision", plan.vision))
    count = len(programmes)
    blocks: list[Block] = [Facts(facts)]
    if not programmes:
        blocks.append(Paragraph("The plan has no programmes."))
        return Section(TITLE, blocks)
    said = (
        f"{'each of ' if count > 1 else ''}{the_programmes(count)} reports to "
        f"{_board_words(plan)} every quarter in a highlight report; this report brings those "
        "reports together."
    )
    if any(p.board_id for p in programmes):
        said += " A programme with a delivery board of its own reports to that board too."
    blocks.append(Paragraph(capitalised(said)))
    table = _programmes_table(plan, programmes, boards)
    tops = diagram_boxes(plan, programmes, boards)
    if not tops:
        blocks.append(table)
        return Section(TITLE, blocks)
    title = f"How {the(plan.name)} is governed"
    alt = _said(tops)
    blocks.append(
        Chart(
            title,
            governance_diagram(title, alt, tops),
            alt,
            table,
            note="The table below says the same in words.",
        )
    )
    # On a page of its own, so that the plan's facts and the diagram are seen together.
    return Section(TITLE, blocks, new_page=True)
