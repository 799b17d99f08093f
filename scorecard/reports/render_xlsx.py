"""A report as an Excel workbook: a contents sheet, the report's words on a sheet of their own
(every section's heading, its paragraphs, lists and facts, in the report's order, pointing to the
sheet of each table where it stands), then one sheet per table.

The workbook is for people who want to sort, filter and chart the figures themselves, so numbers
are stored as numbers (a percentage as a fraction with a percent format, as Excel expects) and
every piece of text is stored as text, even when it looks like a formula.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.cell.cell import Cell as SheetCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from scorecard.interchange.readers import DEFUSED_STARTS
from scorecard.reports.document import (
    Block,
    Bullets,
    Cell,
    Chart,
    Column,
    Facts,
    MeasureCard,
    Paragraph,
    Report,
    Table,
)

CONTENTS = "Contents"
TEXT = "Text"
TEXT_HOLDS = "Every section's heading and words, in the report's order"
# Excel keeps "History" for its change tracking and refuses a sheet of that name.
RESERVED = {CONTENTS.casefold(), TEXT.casefold(), "history"}
# Blocks that are words, which no table sheet holds.
WORDS = (Paragraph, Bullets, Facts, MeasureCard)
SHEET_NAME_LENGTH = 31
FORBIDDEN_IN_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")
# Excel refuses longer text in a cell and calls the file corrupt.
CELL_TEXT_LENGTH = 32_767
# Numbers beyond double precision only pretend to be exact.
MOST_PLACES = 15

CAPTION_ROW = 1
HEADER_ROW = 3
FIRST_DATA_ROW = HEADER_ROW + 1
CONTENTS_HEADER_ROW = 6

NARROWEST = 8
WIDEST = 60

HEADER_FILL = PatternFill("solid", fgColor="f3f2f1")
RAG_FILL = {"G": "cce2d8", "A": "fff7bf", "R": "f4cdc6", "B": "bbd4ea"}
RAG_TEXT = {"G": "005a30", "A": "594d00", "R": "2a0b06", "B": "0c2d4a"}


def render_xlsx(report: Report) -> bytes:
    book = Workbook()
    contents = book.active
    contents.title = CONTENTS
    tables = list(report.tables())
    names = sheet_names(tables)
    listed: list[tuple[str, str]] = []
    if _has_words(report):
        _text_sheet(book.create_sheet(TEXT), report, dict(zip(map(id, tables), names, strict=True)))
        listed.append((TEXT, TEXT_HOLDS))
    for name, table in zip(names, tables, strict=True):
        _table_sheet(book.create_sheet(name), table)
        listed.append((name, table.caption))
    _contents_sheet(contents, report, listed)
    _properties(book, report)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# Sheet names


def sheet_names(tables: list[Table]) -> list[str]:
    """Names Excel accepts, one per table, unique the way Excel compares them (ignoring case)."""
    taken = set(RESERVED)
    names = []
    for number, table in enumerate(tables, start=1):
        name = _unique(_legal_name(table.sheet or table.caption) or f"Table {number}", taken)
        taken.add(name.casefold())
        names.append(name)
    return names


def _legal_name(name: str) -> str:
    name = FORBIDDEN_IN_SHEET_NAME.sub("", ILLEGAL_CHARACTERS_RE.sub("", name))
    return _shorten(" ".join(name.split()), SHEET_NAME_LENGTH)


def _shorten(name: str, length: int) -> str:
    # Excel counts UTF-16 units, so a character outside the BMP (an emoji) counts twice.
    while len(name.encode("utf-16-le")) // 2 > length:
        name = name[:-1]
    # A sheet name may not begin or end with an apostrophe.
    return name.strip().strip("'").strip()


def _unique(name: str, taken: set[str]) -> str:
    number = 1
    candidate = name
    while candidate.casefold() in taken:
        number += 1
        suffix = f" ({number})"
        candidate = (_shorten(name, SHEET_NAME_LENGTH - len(suffix)) + suffix).strip()
    return candidate


# Sheets


def _contents_sheet(sheet: Worksheet, report: Report, sheets: Iterable[tuple[str, str]]) -> None:
    _put_text(sheet.cell(1, 1), report.full_title).font = Font(bold=True, size=16)
    _put_text(sheet.cell(2, 1), report.organisation)
    _put_text(sheet.cell(3, 1), report.period)
    _put_text(sheet.cell(4, 1), f"Produced on {report.produced:%d.%m.%Y}")
    _header(sheet, CONTENTS_HEADER_ROW, [Column("Sheet"), Column("What it holds")])
    row = CONTENTS_HEADER_ROW
    for row, (name, holds) in enumerate(sheets, start=CONTENTS_HEADER_ROW + 1):
        _link(sheet.cell(row, 1), name, name)
        _put_text(sheet.cell(row, 2), holds).alignment = Alignment(wrap_text=True)
    if row == CONTENTS_HEADER_ROW:
        _put_text(sheet.cell(row + 1, 1), "This report has no tables.")
    sheet.column_dimensions["A"].width = SHEET_NAME_LENGTH + 4
    sheet.column_dimensions["B"].width = WIDEST


def _link(target: SheetCell, text: str, name: str) -> None:
    """Text that opens the sheet `name`."""
    _put_text(target, text)
    target.hyperlink = Hyperlink(ref=target.coordinate, location=f"{quote_sheetname(name)}!A1")
    target.style = "Hyperlink"


def _has_words(report: Report) -> bool:
    return any(isinstance(b, WORDS) for _, section in report.walk() for b in section.blocks)


def _text_sheet(sheet: Worksheet, report: Report, sheet_of: dict[int, str]) -> None:
    """The words of every section beside its heading (on every row, so that a filter finds a
    section's words), a table where it stands as a link to its sheet."""
    _put_text(sheet.cell(CAPTION_ROW, 1), report.full_title).font = Font(bold=True, size=12)
    _header(sheet, HEADER_ROW, [Column("Section"), Column("Text")])
    row = HEADER_ROW
    for _, section in report.walk():
        lines = [line for block in section.blocks for line in _block_lines(block, sheet_of)]
        for text, table in lines or [("", None)]:
            row += 1
            _put_text(sheet.cell(row, 1), section.heading).alignment = Alignment(vertical="top")
            target = sheet.cell(row, 2)
            if table is None:
                _put_text(target, text)
            else:
                _link(target, text, table)
            target.alignment = Alignment(vertical="top", wrap_text=True)
    sheet.column_dimensions["A"].width = WIDEST // 2
    sheet.column_dimensions["B"].width = WIDEST * 2
    sheet.freeze_panes = f"A{FIRST_DATA_ROW}"
    sheet.auto_filter.ref = f"A{HEADER_ROW}:B{row}"
    _print_setup(sheet)


def _block_lines(block: Block, sheet_of: dict[int, str]) -> list[tuple[str, str | None]]:
    """A block as lines of the text sheet: its words, or a pointer to its table's sheet."""
    if isinstance(block, Paragraph):
        return [(block.text, None)]
    if isinstance(block, Bullets):
        return [(f"• {item}", None) for item in block.items]
    if isinstance(block, Facts):
        return [(f"{label}: {value}", None) for label, value in block.items]
    if isinstance(block, Table):
        return [_pointer(block, sheet_of)]
    if isinstance(block, Chart):
        return [(block.alt, None), _pointer(block.table, sheet_of)]
    said: list[tuple[str, str | None]] = [
        (f"{label}: {value}", None) for label, value in block.facts
    ]
    if block.commentary:
        heading = f"{block.commentary_heading}: " if block.commentary_heading else ""
        said.append((f"{heading}{block.commentary}", None))
    return [*said, _pointer(block.table, sheet_of)]


def _pointer(table: Table, sheet_of: dict[int, str]) -> tuple[str, str]:
    name = sheet_of[id(table)]
    return (f"Table: {table.caption} (on the sheet '{name}')", name)


def _table_sheet(sheet: Worksheet, table: Table) -> None:
    _put_text(sheet.cell(CAPTION_ROW, 1), table.caption).font = Font(bold=True, size=12)
    _header(sheet, HEADER_ROW, table.columns)
    for row, cells in enumerate(table.rows, start=FIRST_DATA_ROW):
        for column, (heading, cell) in enumerate(zip(table.columns, cells, strict=True), 1):
            _write(sheet.cell(row, column), cell, heading.numeric)
    _fit_columns(sheet, table)
    last = f"{get_column_letter(max(len(table.columns), 1))}{HEADER_ROW + len(table.rows)}"
    # Freezing below the header keeps it in view while scrolling.
    sheet.freeze_panes = f"A{FIRST_DATA_ROW}"
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last}"
    _print_setup(sheet)


def _header(sheet: Worksheet, row: int, columns: list[Column]) -> None:
    for number, column in enumerate(columns, start=1):
        cell = _put_text(sheet.cell(row, number), column.heading)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(
            horizontal="right" if column.numeric else None, vertical="top", wrap_text=True
        )


def _print_setup(sheet: Worksheet) -> None:
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    # As many pages down as it takes, but never a page of columns cut off at the right.
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def _fit_columns(sheet: Worksheet, table: Table) -> None:
    for number, column in enumerate(table.columns, start=1):
        texts = [column.heading, *(row[number - 1].text for row in table.rows)]
        longest = max(_longest_line(text) for text in texts)
        width = min(WIDEST, max(NARROWEST, longest + 2))
        sheet.column_dimensions[get_column_letter(number)].width = width


def _longest_line(text: str) -> int:
    return max((len(line) for line in text.splitlines()), default=0)


# Cells


def _write(target: SheetCell, cell: Cell, numeric_column: bool) -> None:
    number = _decimal(cell.number)
    if number is None:
        _put_text(target, cell.text)
    else:
        target.value = _stored(number, cell.percent)
        target.number_format = number_format(number, cell.percent, cell.decimals)
    right = numeric_column or number is not None
    wrap = "\n" in cell.text or len(cell.text) > WIDEST
    target.alignment = Alignment(
        horizontal="right" if right else None, vertical="top", wrap_text=wrap
    )
    target.font = Font(bold=cell.header, color=RAG_TEXT.get(cell.rag or ""))
    if cell.rag in RAG_FILL:
        target.fill = PatternFill("solid", fgColor=RAG_FILL[cell.rag])


def _put_text(target: SheetCell, text: str) -> SheetCell:
    """Text stored as text: never run as a formula, whatever it begins with."""
    text = ILLEGAL_CHARACTERS_RE.sub("", text)[:CELL_TEXT_LENGTH]
    target.value = text or None
    if text:
        # openpyxl takes a string beginning with "=" for a formula; a string is what it is.
        target.data_type = "s"
    if text.startswith(DEFUSED_STARTS):
        # What Excel sets for text typed after an apostrophe: it stays text when edited,
        # and no apostrophe shows.
        target.quotePrefix = True
    return target


def _decimal(number: Decimal | int | float | None) -> Decimal | None:
    """The figure as an exact Decimal; None when there is none or it is not a finite number."""
    if number is None or isinstance(number, bool):
        return None
    value = Decimal(repr(number)) if isinstance(number, float) else Decimal(number)
    return value if value.is_finite() else None


def _stored(number: Decimal, percent: bool) -> int | Decimal:
    # scaleb moves the decimal point without rounding: 49.7 becomes exactly 0.497.
    value = number.scaleb(-2) if percent else number
    if value == value.to_integral_value():
        return int(value)
    # openpyxl writes a Decimal's own digits into the file, so nothing is lost on the way.
    return value


def number_format(number: Decimal, percent: bool, decimals: int | None) -> str:
    """'0.0%' or '#,##0.00'; with decimals None, as many places as the figure has."""
    places = _places(number) if decimals is None else decimals
    places = min(max(places, 0), MOST_PLACES)
    fraction = "." + "0" * places if places else ""
    return f"0{fraction}%" if percent else f"#,##0{fraction}"


def _places(number: Decimal) -> int:
    exponent = number.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _properties(book: Workbook, report: Report) -> None:
    book.properties.title = report.full_title
    book.properties.creator = report.organisation
    book.properties.language = report.language
