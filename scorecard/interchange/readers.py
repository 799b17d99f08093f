"""Reading CSV and XLSX files into rows of text, whatever the spreadsheet stored."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import IO
from zipfile import BadZipFile, ZipFile

from openpyxl import load_workbook

from scorecard.interchange.cells import SpreadsheetDate


class UnreadableFile(Exception):
    """The file cannot be read at all; the message says why in plain words."""


@dataclass
class Table:
    name: str
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]  # (row number as a spreadsheet shows it, cells)


def _cell_text(cell: object, number_format: str = "") -> str:
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return str(cell).lower()
    if isinstance(cell, int | float):
        # repr gives the shortest text that reads back as the same float: 84.8, not 84.799999...
        number = Decimal(repr(cell))
        if "%" in number_format:
            # A cell formatted as a percentage shows 84.8% but holds 0.848.
            number = (number * 100).normalize()
        return f"{number:f}"
    if isinstance(cell, dt.datetime):
        return SpreadsheetDate(cell.date())
    if isinstance(cell, dt.date):
        return SpreadsheetDate(cell)
    return str(cell).strip()


# Exports write a cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) with an
# apostrophe before it, and a cell that starts with an apostrophe with one more, so that
# reading drops exactly one: what was exported is read back unchanged.
DEFUSED_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")


def undefused(cell: str) -> str:
    if cell.startswith("'") and cell[1:].startswith(DEFUSED_STARTS):
        return cell[1:]
    return cell


def _table(name: str, raw_rows: list[list[str]]) -> Table:
    numbered = [(number, row) for number, row in enumerate(raw_rows, start=1) if any(row)]
    if not numbered:
        raise UnreadableFile(f"{name}: the file is empty; the first row must be a header")
    header = [h.strip().lower() for h in numbered[0][1]]
    while header and not header[-1]:
        header.pop()
    body = []
    for number, cells in numbered[1:]:
        cells = [undefused(cell) for cell in cells]
        padded = cells + [""] * (len(header) - len(cells))
        record = dict(zip(header, padded, strict=False))
        if len(cells) > len(header) and any(cells[len(header) :]):
            record["\0extra"] = "yes"
        body.append((number, record))
    return Table(name, header, body)


# A cell may hold long commentary, but not a whole file's worth.
csv.field_size_limit(1_000_000)


def _csv_records(path: Path) -> Iterator[list[str]]:
    """The file's records, cells trimmed, read as they are asked for; a fault anywhere in the
    file (bad UTF-8, a broken CSV) raises UnreadableFile when the reading reaches it."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            for row in csv.reader(handle):
                yield [cell.strip() for cell in row]
    except UnicodeDecodeError as exc:
        raise UnreadableFile(
            f"{path.name}: not UTF-8 text ({exc.reason}); save it as CSV UTF-8"
        ) from exc
    except csv.Error as exc:
        raise UnreadableFile(f"{path.name}: not a readable CSV file ({exc})") from exc
    except OSError as exc:
        raise UnreadableFile(f"{path.name}: cannot be read ({exc.strerror})") from exc


def _read_csv(path: Path) -> list[list[str]]:
    return list(_csv_records(path))


# An XLSX file is a zip of XML parts. What the parts unpack to is checked, from the sizes the
# zip's directory declares, before any is read: Python's zipfile never inflates a part beyond
# its declared size (it stops there and fails the checksum), so a small file that would unpack
# to gigabytes (a "zip bomb") is refused without being inflated.
IMPORT_MAX_UNPACKED = 1024 * 1024 * 1024  # a million observations unpack to about 300 MB
# Spreadsheet XML compresses well, but not a thousandfold: a part that large for its size is
# a bomb, not a table.
MAX_RATIO = 1000
MAX_PARTS = 1000


def check_workbook_archive(source: Path | IO[bytes], max_unpacked: int) -> None:
    """Raise UnreadableFile (saying why in plain words) unless the workbook's parts, as its
    zip directory declares them, unpack to at most `max_unpacked` bytes. A file object is left
    at its start, to be read."""
    try:
        with ZipFile(source) as archive:
            parts = archive.infolist()
    except (BadZipFile, OSError, ValueError, EOFError) as exc:
        raise UnreadableFile(f"not a readable XLSX workbook ({exc})") from exc
    finally:
        if not isinstance(source, Path):
            source.seek(0)
    if len(parts) > MAX_PARTS:
        raise UnreadableFile(
            f"it holds {len(parts):,} parts, more than any workbook needs ({MAX_PARTS:,})"
        )
    unpacked = sum(part.file_size for part in parts)
    if unpacked > max_unpacked:
        raise UnreadableFile(
            f"it would unpack to {_megabytes(unpacked)}, more than the {_megabytes(max_unpacked)}"
            " allowed"
        )
    for part in parts:
        if part.file_size > 1024 * 1024 and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            raise UnreadableFile(
                f"its part {part.filename} would unpack to {_megabytes(part.file_size)} from "
                f"{part.compress_size:,} bytes: that is not a spreadsheet"
            )


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f} MB"


def _xlsx_records(path: Path) -> Iterator[list[str]]:
    """The first sheet's rows as text, read as they are asked for (openpyxl's read-only mode
    streams the sheet). The sheet's own note of its size is not trusted: a row is as wide as
    its last cell, and the rows end where the sheet's last row is."""
    try:
        check_workbook_archive(path, IMPORT_MAX_UNPACKED)
        book = load_workbook(path, read_only=True, data_only=True)
        try:
            sheet = book.worksheets[0]
            sheet.reset_dimensions()
            for row in sheet.iter_rows():
                yield [
                    _cell_text(cell.value, getattr(cell, "number_format", "") or "") for cell in row
                ]
        finally:
            book.close()
    except UnreadableFile as exc:
        raise UnreadableFile(f"{path.name}: {exc}") from exc
    except Exception as exc:  # noqa: BLE001 - a damaged workbook can fail in many libraries' ways
        raise UnreadableFile(f"{path.name}: not a readable XLSX workbook ({exc})") from exc


def _read_xlsx(path: Path) -> list[list[str]]:
    return list(_xlsx_records(path))


def read_table(path: Path) -> Table:
    if not path.is_file():
        raise UnreadableFile(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _table(path.name, _read_xlsx(path))
    if suffix in {".csv", ".txt"}:
        return _table(path.name, _read_csv(path))
    raise UnreadableFile(f"{path.name}: use a .csv or .xlsx file")


# --- rows one at a time: for files too large to hold (a million observations) --------------


@dataclass
class RowStream:
    """A file's header and its body rows, read as they are asked for: (row number as a
    spreadsheet shows it, cells one per header column, whether cells beyond the header hold
    anything). The rows are what `_table` makes, without a dictionary per row."""

    name: str
    header: list[str]
    rows: Iterator[tuple[int, list[str], bool]]

    def table(self) -> Table:
        """Every row, as read_table gives them."""
        body = []
        for number, cells, extra in self.rows:
            record = dict(zip(self.header, cells, strict=True))
            if extra:
                record["\0extra"] = "yes"
            body.append((number, record))
        return Table(self.name, self.header, body)


def _body(records: Iterator[list[str]], width: int, after: int):
    for number, cells in enumerate(records, start=after + 1):
        if not any(cells):
            continue
        if any(cell[:1] == "'" for cell in cells):
            cells = [undefused(cell) for cell in cells]
        extra = False
        if len(cells) < width:
            cells += [""] * (width - len(cells))
        elif len(cells) > width:
            extra = any(cells[width:])
            cells = cells[:width]
        yield number, cells, extra


def _stream(name: str, records: Iterator[list[str]]) -> RowStream:
    for number, cells in enumerate(records, start=1):
        if any(cells):
            header = [h.strip().lower() for h in cells]
            while header and not header[-1]:
                header.pop()
            return RowStream(name, header, _body(records, len(header), number))
    raise UnreadableFile(f"{name}: the file is empty; the first row must be a header")


def _table_rows(table: Table) -> Iterator[tuple[int, list[str], bool]]:
    for number, record in table.rows:
        yield number, [record[h] for h in table.header], "\0extra" in record


def stream_rows(path: Path) -> RowStream:
    """The header now, the rows as they are read, a row at a time (a fault further on raises
    UnreadableFile when reached): a wrong header is known before the rest is read."""
    if not path.is_file():
        raise UnreadableFile(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix in {".csv", ".txt"}:
        return _stream(path.name, _csv_records(path))
    if suffix == ".xlsx":
        return _stream(path.name, _xlsx_records(path))
    table = read_table(path)
    return RowStream(table.name, table.header, _table_rows(table))
