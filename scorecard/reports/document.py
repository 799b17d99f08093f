"""One report, built once, rendered to every format (HTML, PDF, Word, Excel).

A report builder (corporate, programme, actions, dashboard, risks) reads the database once and
returns a `Report`: plain data, no Django and no markup. Each renderer walks the same tree, so the
PDF, the Word file and the spreadsheet can never disagree about a number.

Nesting gives the headings: the report title is heading 1, its sections heading 2, their
subsections heading 3, and so on.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import ClassVar


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell: `text` is what a reader sees; `number` is the figure behind it (as
    `scorecard export` gives it) for a spreadsheet to store as a number.

    `percent` says the number is a percentage (57.0 meaning 57.0%): a spreadsheet stores it as
    0.57 with a percent format. `decimals` is how many places the format shows (None: as needed).
    `rag` (G, A, R or B) shades the cell; the text always says the rating in words too.
    """

    text: str
    number: Decimal | int | None = None
    percent: bool = False
    decimals: int | None = None
    rag: str | None = None
    header: bool = False

    @property
    def numeric(self) -> bool:
        return self.number is not None


@dataclass(frozen=True, slots=True)
class Column:
    heading: str
    numeric: bool = False
    # A share of the table's width, for PDF and Word; None lets the renderer decide.
    width: int | None = None


@dataclass
class Table:
    """A real table: a caption, a header row, rows of cells. Each is one sheet in Excel."""

    block: ClassVar[str] = "table"

    caption: str
    columns: list[Column]
    rows: list[list[Cell]]
    # The Excel sheet's name (at most 31 characters, unique in the workbook: the renderer
    # shortens and numbers it when needed); the caption when empty.
    sheet: str = ""
    # Cells of the first column are row headers (th scope="row" in HTML).
    row_headers: bool = False

    def widths(self) -> list[float]:
        """Each column's share of the width in percent, rounded down to 0.1 so they never add
        up to more than 100: the widths given (a column without one gets their average), else
        two shares for words and one for a figure. Fixed widths let a long report lay out its
        tables without measuring every cell."""
        given = [c.width for c in self.columns if c.width]
        if given:
            shares = [c.width or sum(given) / len(given) for c in self.columns]
        else:
            shares = [1 if c.numeric else 2 for c in self.columns]
        total = sum(shares)
        return [int(1000 * share / total) / 10 for share in shares]

    def __post_init__(self) -> None:
        for number, row in enumerate(self.rows, start=1):
            if len(row) != len(self.columns):
                raise ValueError(
                    f"table '{self.caption}', row {number}: {len(row)} cells "
                    f"for {len(self.columns)} columns"
                )


@dataclass
class Paragraph:
    block: ClassVar[str] = "paragraph"
    text: str
    # "lead" for a summary sentence a reader should see first; "small" for notes.
    style: str = "body"


@dataclass
class Bullets:
    block: ClassVar[str] = "bullets"
    items: list[str]


@dataclass
class Facts:
    """Labelled values: a report's front sheet, a measure's description and target."""

    block: ClassVar[str] = "facts"

    items: list[tuple[str, str]]


@dataclass
class Chart:
    """A chart as vector SVG (pages and PDF; Word gets a PNG of the same SVG), its text
    alternative, and the data table that always goes with it."""

    block: ClassVar[str] = "chart"

    title: str
    svg: str
    alt: str
    table: Table
    # Said after the text alternative on a page: where to find the same in words.
    note: str = "The figures are in the table below."


@dataclass
class CardPeriod:
    """One period across a measure card: its figure, rating and direction, each a cell that
    says itself in words (the rating's shade and the arrow only help the eye)."""

    period: str
    value: Cell
    rating: Cell
    direction: Cell
    target: Cell


@dataclass
class MeasureCard:
    """A measure as the corporate paper lays it out (seed 003): its facts, the last periods
    across with figure, rating and direction, the chart, the commentary and how we compare.

    `facts` are the measure's labelled values as the long form lists them ("Rating",
    "Polarity", "Target", "How we compare", ...): each renderer picks where on the card a
    fact goes. `table` is the same series one row per period: Excel's sheet (figures stay
    numbers) and the chart's data."""

    block: ClassVar[str] = "card"

    # The latest rating and direction, shown at the head of the card.
    rating: Cell
    direction: Cell
    facts: list[tuple[str, str]]
    periods: list[CardPeriod]
    table: Table
    chart: Chart | None = None
    commentary_heading: str = ""
    commentary: str = ""

    def fact(self, label: str) -> str:
        return next((value for name, value in self.facts if name == label), "")


Block = Paragraph | Bullets | Facts | Table | Chart | MeasureCard


@dataclass
class Section:
    title: str
    blocks: list[Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    # Starts on a new page in PDF and Word (each outcome of the corporate report does).
    new_page: bool = False
    # Kept whole on one page where it fits (a measure card and its heading).
    keep_together: bool = False
    anchor: str = ""
    # The paper's own number for the section, printed before its title as the council numbers
    # its paper ("2.2" Edge of Care Services); "" for none.
    number: str = ""

    @property
    def heading(self) -> str:
        """'2.2 Edge of Care', or the title alone."""
        return f"{self.number} {self.title}" if self.number else self.title

    def add(self, *blocks: Block) -> Section:
        self.blocks.extend(blocks)
        return self


@dataclass
class Report:
    kind: str
    title: str
    period: str
    organisation: str
    sections: list[Section]
    produced: date
    # Lines under the title on the cover ("Cabinet", "Quarter 2 2019/20").
    cover: list[str] = field(default_factory=list)
    language: str = "en-GB"
    # Wide tables (task group work plans) read better across the page.
    landscape: bool = False

    @property
    def full_title(self) -> str:
        return f"{self.title}: {self.period}" if self.period else self.title

    @property
    def numbered(self) -> bool:
        """Some section carries the paper's own number."""
        return any(section.number for _, section in self.walk())

    def walk(self) -> Iterator[tuple[int, Section]]:
        """Every section with its heading level (2 for the top ones), in reading order."""

        def visit(sections: list[Section], level: int) -> Iterator[tuple[int, Section]]:
            for section in sections:
                yield level, section
                yield from visit(section.sections, level + 1)

        yield from visit(self.sections, 2)

    def tables(self) -> Iterator[Table]:
        """Every table once, in reading order, the data tables of charts included (a chart may
        share its table with the text beside it)."""
        seen: set[int] = set()
        for _, section in self.walk():
            for block in section.blocks:
                table = block.table if isinstance(block, Chart | MeasureCard) else block
                if isinstance(table, Table) and id(table) not in seen:
                    seen.add(id(table))
                    yield table

    def assign_anchors(self) -> None:
        """Unique ids for the contents list's links: s1, s1-2, ..."""

        def number(sections: list[Section], prefix: str) -> None:
            for index, section in enumerate(sections, start=1):
                section.anchor = f"{prefix}{index}"
                number(section.sections, f"{section.anchor}-")

        number(self.sections, "s")


class ReportUnavailable(Exception):
    """A one-line reason a report cannot be made, e.g. no plan has highlight reports for the
    period asked for. The command prints it; the Reports page shows it."""
