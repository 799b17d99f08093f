"""The high level summary by outcome, as a table and as stacked bars of the same figures: the
ratings, and the directions of performance."""

from __future__ import annotations

from scorecard.charts.bars import direction_bars
from scorecard.core.ratings import Direction, Rag
from scorecard.reports import cells
from scorecard.reports.document import Cell, Chart, Column, Table
from scorecard.scoring.rows import ratings_chart
from scorecard.scoring.scorecard import Scorecard

RAGS = (Rag.GREEN, Rag.AMBER, Rag.RED, Rag.BLUE)
DIRECTIONS = (Direction.IMPROVING, Direction.STEADY, Direction.DECLINING)


def _row(name: str, rollup) -> list[Cell]:
    return [
        Cell(name, header=True),
        *(cells.count(rollup.rag_counts[rag]) for rag in RAGS),
        cells.count(rollup.unrated),
        *(cells.count(rollup.direction_counts[way]) for way in DIRECTIONS),
        cells.whole_percent(rollup.pct_on_target),
        cells.whole_percent(rollup.pct_improving),
    ]


def summary_table(scorecard: Scorecard) -> Table:
    columns = [
        Column("Outcome", width=5),
        *(Column(f"{rag.label} ({rag.value})", numeric=True, width=1) for rag in RAGS),
        Column("Not rated", numeric=True, width=1),
        *(Column(way.value.capitalize(), numeric=True, width=1) for way in DIRECTIONS),
        Column("% on target", numeric=True, width=1),
        Column("% improving", numeric=True, width=1),
    ]
    rows = [_row(name, rollup) for name, rollup in scorecard.groups]
    rows.append(_row("Total", scorecard.total))
    return Table(
        f"High level summary by outcome, {scorecard.as_at.display}",
        columns,
        rows,
        sheet="Summary by outcome",
        row_headers=True,
    )


def ratings_by_outcome(scorecard: Scorecard, table: Table) -> Chart | None:
    """The overview page's stacked bars; the summary table is its data."""
    described = "; ".join(
        f"{name}: "
        + ", ".join(
            f"{rollup.rag_counts[rag]} {rag.label}" for rag in RAGS if rollup.rag_counts[rag]
        )
        for name, rollup in scorecard.groups
        if rollup.rated or rollup.rag_counts[Rag.BLUE]
    )
    svg = ratings_chart(scorecard)
    if not svg:
        return None
    counted = scorecard.counted_as.capitalize()
    return Chart(
        f"{counted} by rating and outcome, {scorecard.as_at.display}",
        svg,
        f"Stacked bar chart of {scorecard.counted_as} by rating for each outcome. {described}.",
        table,
    )


def directions_by_outcome(scorecard: Scorecard) -> Chart | None:
    """How many measures (and projects) of each outcome are improving, steady or declining,
    as stacked bars with their table; None when nothing has a direction."""
    rows = [
        [
            Cell(name, header=True),
            *(cells.count(rollup.direction_counts[way]) for way in DIRECTIONS),
            cells.count(rollup.with_direction),
        ]
        for name, rollup in scorecard.groups
    ]
    counted = scorecard.counted_as
    title = f"Direction of performance by outcome, {scorecard.as_at.display}"
    svg = direction_bars(
        title,
        [
            (name, {way.value: rollup.direction_counts[way] for way in DIRECTIONS})
            for name, rollup in scorecard.groups
        ],
        chart_id="directions-by-outcome",
    )
    if not svg:
        return None
    table = Table(
        title,
        [
            Column("Outcome", width=5),
            *(
                Column(f"{way.arrow} {way.value.capitalize()}", numeric=True, width=1)
                for way in DIRECTIONS
            ),
            Column("With a direction", numeric=True, width=1),
        ],
        rows,
        sheet="Directions by outcome",
        row_headers=True,
    )
    described = "; ".join(
        f"{name}: "
        + ", ".join(
            f"{rollup.direction_counts[way]} {way.value}"
            for way in DIRECTIONS
            if rollup.direction_counts[way]
        )
        for name, rollup in scorecard.groups
        if rollup.with_direction
    )
    return Chart(
        title,
        svg,
        f"Stacked bar chart of {counted} improving, steady and declining for each outcome. "
        f"{described}.",
        table,
    )
