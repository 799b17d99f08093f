"""How an import kind's rows are checked and written. Each `<thing>_rows.py` module of the
interchange says which kinds it reads in its `READS`; a kind that brings its own `Rows` gives
them when it is registered (scorecard/file_kinds.py). The importer asks here, by kind, and
keeps no list of kinds or domains."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from scorecard.file_kinds import ImportKind
from scorecard.interchange.context import Catalogue, RowReader
from scorecard.interchange.errors import RowError
from scorecard.interchange.lookups import Lookups

# `validate(row, catalogue, seen)`: the row's parsed values, or None (its errors are on `row`).
Validate = Callable[[RowReader, Catalogue, Any], Any]
# `write(parsed rows, lookups)`: None, or warnings with their rows (area values).
Write = Callable[[list, Lookups], list[RowError] | None]


@dataclass(frozen=True)
class Rows:
    validate: Validate
    write: Write | None = None
    # Checked and written a batch at a time, never held whole (observations: importer._stream).
    streamed: bool = False


def whole_file(
    validate: Callable[[RowReader, Catalogue], Any], write: Callable[[list, Lookups], Any]
) -> Rows:
    """Rows checked against the catalogue alone and written a file at a time."""
    return Rows(lambda row, catalogue, seen: validate(row, catalogue), write)


def one_at_a_time(
    validate: Callable[[RowReader, Catalogue], Any], apply: Callable[[Any, int, Lookups], None]
) -> Rows:
    """Rows checked against the catalogue alone and written one by one, with their order."""

    def write(parsed: list, lookups: Lookups) -> None:
        for order, row in enumerate(parsed):
            apply(row, order, lookups)

    return Rows(lambda row, catalogue, seen: validate(row, catalogue), write)


@cache
def _read_here() -> dict[str, Rows]:
    """The kinds read by this package's `*_rows.py` modules, found by their names so that a
    new one is listed nowhere."""
    package = importlib.import_module(__package__)
    found: dict[str, Rows] = {}
    for module in pkgutil.iter_modules(package.__path__):
        if module.name.endswith("_rows"):
            found.update(importlib.import_module(f"{__package__}.{module.name}").READS)
    return found


class NoRows(Exception):
    """A kind registered with no way to read its rows."""


def rows_of(kind: ImportKind) -> Rows:
    rows = kind.rows or _read_here().get(kind.file.name)
    if rows is None:
        raise NoRows(f"nothing reads the rows of a {kind.file.name} file")
    return rows
