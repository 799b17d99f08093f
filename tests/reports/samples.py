"""A small report with every kind of block, for testing renderers without a database."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from scorecard.charts.bars import stacked_bars
from scorecard.charts.line import Point, line_chart
from scorecard.reports.document import (
    Bullets,
    CardPeriod,
    Cell,
    Chart,
    Column,
    Facts,
    MeasureCard,
    Paragraph,
    Report,
    Section,
    Table,
)

HOSTILE = "<script>alert('x')</script> & \"quotes\""


def values_table() -> Table:
    return Table(
        "Breastfeeding at 6-8 weeks: the last four quarters",
        [
            Column("Period"),
            Column("Value", numeric=True),
            Column("Target", numeric=True),
            Column("Rating"),
            Column("Direction"),
        ],
        [
            [
                Cell("Q3 2018/19", header=True),
                Cell("49.7%", number=Decimal("49.7"), percent=True, decimals=1),
                Cell("50%", number=Decimal("50"), percent=True),
                Cell("Amber (A)", rag="A"),
                Cell("No direction"),
            ],
            [
                Cell("Q4 2018/19", header=True),
                Cell("51.2%", number=Decimal("51.2"), percent=True, decimals=1),
                Cell("50%", number=Decimal("50"), percent=True),
                Cell("Green (G)", rag="G"),
                Cell("↑ Improving"),
            ],
            [
                Cell("Q1 2019/20", header=True),
                Cell("44.0%", number=Decimal("44.0"), percent=True, decimals=1),
                Cell("53%", number=Decimal("53"), percent=True),
                Cell("Red (R)", rag="R"),
                Cell("↓ Declining"),
            ],
            [
                Cell("Q2 2019/20", header=True),
                Cell("TBC"),
                Cell("53%", number=Decimal("53"), percent=True),
                Cell("Not rated (no value reported by this period)"),
                Cell("No direction"),
            ],
        ],
        sheet="Breastfeeding",
        row_headers=True,
    )


def sample_report() -> Report:
    points = [
        Point("Q3 2018/19", Decimal("49.7"), Decimal("50"), "A"),
        Point("Q4 2018/19", Decimal("51.2"), Decimal("50"), "G"),
        Point("Q1 2019/20", Decimal("44.0"), Decimal("53"), "R"),
    ]
    summary = Table(
        "High level summary by outcome",
        [
            Column("Outcome"),
            Column("Green", numeric=True),
            Column("Amber", numeric=True),
            Column("Red", numeric=True),
            Column("% on target", numeric=True),
        ],
        [
            [
                Cell("Outcome 1: a county infrastructure", header=True),
                Cell("8", number=8, decimals=0),
                Cell("5", number=5, decimals=0),
                Cell("1", number=1, decimals=0),
                Cell("57%", number=57, percent=True, decimals=0),
            ],
            [
                Cell(HOSTILE, header=True),
                Cell("1,234", number=1234, decimals=0),
                Cell("0", number=0, decimals=0),
                Cell("0", number=0, decimals=0),
                Cell("100%", number=100, percent=True, decimals=0),
            ],
        ],
        sheet="Summary",
        row_headers=True,
    )
    bars = stacked_bars(
        "Measures by rating and outcome",
        [("Outcome 1", {"G": 8, "A": 5, "R": 1}), ("Outcome 2", {"G": 2, "A": 0, "R": 1})],
        chart_id="sample-bars",
    )
    return Report(
        kind="corporate",
        title="Corporate Performance Report",
        period="Q2 2019/20",
        organisation="Somerset County Council",
        produced=date(2019, 11, 6),
        cover=["Cabinet", "Quarter 2 2019/20"],
        sections=[
            Section(
                "Summary",
                [
                    Paragraph("21 of 37 measures (57%) are on or exceeding target.", "lead"),
                    Paragraph("Registrations rose by 112% (Q3: 203 → Q4: 430)."),
                    Bullets(["First point", HOSTILE]),
                    summary,
                    Chart(
                        "Measures by rating and outcome",
                        bars,
                        "Stacked bars: outcome 1 has 8 Green, 5 Amber, 1 Red.",
                        summary,
                    ),
                ],
            ),
            Section(
                "Outcome 1: a county infrastructure",
                [Paragraph("Measures and projects of the first outcome.")],
                [
                    Section(
                        "Breastfeeding at 6-8 weeks",
                        [
                            Facts(
                                [
                                    ("Rating", "Red (R)"),
                                    ("Polarity", "Higher is better"),
                                    ("Commentary", HOSTILE),
                                ]
                            ),
                            Chart(
                                "Breastfeeding: values and target",
                                line_chart(
                                    "Breastfeeding: values and target", points, chart_id="bf"
                                ),
                                "Line chart: 49.7% (Amber), 51.2% (Green), 44.0% (Red).",
                                values_table(),
                            ),
                        ],
                    )
                ],
                new_page=True,
            ),
            Section("Contact details", [Paragraph("Performance@somerset.gov.uk", "small")]),
        ],
    )


def card_report() -> Report:
    """A report of one measure card, for the card's rendering in every format."""
    points = [
        Point("Q3 2018/19", Decimal("49.7"), Decimal("50"), "A"),
        Point("Q4 2018/19", Decimal("51.2"), Decimal("50"), "G"),
        Point("Q1 2019/20", Decimal("44.0"), Decimal("53"), "R"),
    ]
    table = values_table()
    periods = [CardPeriod(row[0].text, row[1], row[3], row[4], row[2]) for row in table.rows]
    card = MeasureCard(
        Cell("Red (R)", rag="R"),
        Cell("↓ Declining"),
        [
            ("Rating", "Red (R)"),
            ("Direction", "↓ Declining"),
            ("Latest value", "44.0% (Q1 2019/20)"),
            ("Target", "53%"),
            ("Polarity", "Higher is better"),
            ("How we compare", "In Q1 2019/20, better than England"),
            ("Description", HOSTILE),
            ("Owner", "Public Health"),
        ],
        periods,
        table,
        Chart(
            "Breastfeeding: values and target",
            line_chart("Breastfeeding: values and target", points, chart_id="bf"),
            "Line chart: 49.7% (Amber), 51.2% (Green), 44.0% (Red).",
            table,
        ),
        commentary_heading="Commentary and actions (Q1 2019/20)",
        commentary="Below the new, higher target.\nRates are lowest in deprived areas.",
    )
    return Report(
        kind="corporate",
        title="Corporate Performance Report",
        period="Q2 2019/20",
        organisation="Somerset County Council",
        produced=date(2019, 11, 6),
        sections=[
            Section(
                "Outcome 4: improved health",
                sections=[Section("Breastfeeding at 6-8 weeks", [card], keep_together=True)],
            )
        ],
    )
