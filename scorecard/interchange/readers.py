"""Reading CSV and XLSX files into rows of text, whatever the spreadsheet stored."""

from __future__ import annotations

import csv
import datetime as dt
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException


class UnreadableFile(Exception):
    """The file cannot be read at all; the message says why in plain words."""


@dataclass
class Table:
    name: str
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]  # (row number as a spreadsheet shows it, cells)


def _cell_text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return str(cell).lower()
    if isinstance(cell, float):
        # repr gives the shortest text that reads back as the same float: 84.8, not 84.799999...
        return str(Decimal(repr(cell)))
    if isinstance(cell, dt.datetime | dt.date):
        return f"{cell.year:04d}-{cell.month:02d}"
    return str(cell).strip()


def _table(name: str, raw_rows: list[list[object]]) -> Table:
    rows = [[_cell_text(c) for c in r] for r in raw_rows]
    while rows and not any(rows[0]):
        rows.pop(0)
    if not rows:
        raise UnreadableFile(f"{name}: the file is empty; the first row must be a header")
    header = [h.strip().lower() for h in rows[0]]
    while header and not header[-1]:
        header.pop()
    body = []
    for number, cells in enumerate(rows[1:], start=2):
        if not any(cells):
            continue
        padded = cells + [""] * (len(header) - len(cells))
        record = dict(zip(header, padded, strict=False))
        if len(cells) > len(header) and any(cells[len(header) :]):
            record["\0extra"] = "yes"
        body.append((number, record))
    return Table(name, header, body)


def _read_csv(path: Path) -> list[list[object]]:
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            return list(csv.reader(handle))
    except UnicodeDecodeError as exc:
        raise UnreadableFile(
            f"{path.name}: not UTF-8 text ({exc.reason}); save it as CSV UTF-8"
        ) from exc
    except csv.Error as exc:
        raise UnreadableFile(f"{path.name}: not a readable CSV file ({exc})") from exc


def _read_xlsx(path: Path) -> list[list[object]]:
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise UnreadableFile(f"{path.name}: not a readable XLSX workbook ({exc})") from exc
    try:
        sheet = book.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def read_table(path: Path) -> Table:
    if not path.is_file():
        raise UnreadableFile(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _table(path.name, _read_xlsx(path))
    if suffix in {".csv", ".txt"}:
        return _table(path.name, _read_csv(path))
    raise UnreadableFile(f"{path.name}: use a .csv or .xlsx file")
