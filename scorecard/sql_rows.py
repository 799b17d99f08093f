"""Inserting plain rows (tuples) into a model's table in as few statements as the database
allows: for loads too large to go through model instances one by one."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from typing import cast

from django.db import connection
from django.db.models import Model


def _parameters_per_statement() -> int:
    import sqlite3

    return connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)


def adapt_datetime(value):
    """A date-time as insert_rows takes it: SQLite's UTC text without a zone, as Django stores
    it; for PostgreSQL's COPY, the text with its zone (made once, not once a row)."""
    if connection.vendor == "postgresql":
        return str(value)
    return connection.ops.adapt_datetimefield_value(value)


def insert_rows(
    model: type[Model],
    columns: Sequence[str],
    rows: Iterable[tuple],
    *,
    returning: bool = False,
) -> list:
    """Insert the rows (values in `columns` order, already as the database takes them: JSON as
    text, date-times through adapt_datetime). With `returning`, the new primary keys in the
    rows' order (then `rows` must be a sequence). PostgreSQL: COPY (keys drawn from the
    table's sequence first), sent a part at a time so that the server stores one part while
    the next is made; SQLite: statements of as many rows as it takes parameters, on the
    driver's own cursor (Django's rewrites every placeholder with a regular expression)."""
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        return _copy(model, columns, rows, returning)
    return _insert(model, columns, rows, returning)


COPY_PART = 500  # rows sent at a time


def _pk_column(model: type[Model]) -> str:
    """The primary key's column: every model written here has one (an id of its own)."""
    return cast(str, model._meta.pk.column)


def _copy(model: type[Model], columns: Sequence[str], rows, returning: bool):
    table, pk = model._meta.db_table, _pk_column(model)
    keys: list = []
    cursor = connection.connection.cursor()
    try:
        if returning and rows:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [table, pk, len(rows)],
            )
            keys = [found[0] for found in cursor.fetchall()]
            columns = (pk, *columns)
            rows = [(key, *row) for key, row in zip(keys, rows, strict=True)]
        quote = connection.ops.quote_name
        names = ", ".join(quote(c) for c in columns)
        rows = iter(rows)
        with cursor.copy(f"COPY {quote(table)} ({names}) FROM STDIN") as copy:
            while part := "".join([_copy_line(row) for row in itertools.islice(rows, COPY_PART)]):
                copy.write(part)
    finally:
        cursor.close()
    return keys


# COPY's text format: a tab between values, a backslash and N for null, and these escaped.
_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_value(value) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, str):
        if "\\" in value or "\t" in value or "\n" in value or "\r" in value:
            return value.translate(_COPY_ESCAPES)
        return value
    return str(value)  # numbers; a date-time as 2026-11-27 08:30:00+00:00


def _copy_line(row: tuple) -> str:
    """One row in COPY's text format (psycopg's write_row costs several times as much). Most
    rows have no text that needs escaping: they are joined as they are, and checked after:
    as many backslashes as nulls, one tab fewer than values, no line break."""
    line = "\t".join(["\\N" if v is None else v if type(v) is str else str(v) for v in row])
    if (
        line.count("\\") != row.count(None)
        or line.count("\t") != len(row) - 1
        or "\n" in line
        or "\r" in line
    ):
        line = "\t".join([_copy_value(value) for value in row])
    return line + "\n"


def _insert(model: type[Model], columns: Sequence[str], rows, returning: bool):
    quote = connection.ops.quote_name
    one = "(" + ", ".join("?" * len(columns)) + ")"
    # Table and column names come from the model, quoted; every value is a parameter.
    names = ", ".join(quote(c) for c in columns)
    head = f"INSERT INTO {quote(model._meta.db_table)} ({names}) VALUES "  # noqa: S608  # nosec B608
    keys: list = []
    cursor = connection.connection.cursor()
    try:
        if not returning:
            cursor.executemany(head + one, rows)
            return keys
        rows = list(rows)
        tail = f" RETURNING {quote(_pk_column(model))}"
        size = max(1, _parameters_per_statement() // len(columns))
        for start in range(0, len(rows), size):
            chunk = rows[start : start + size]
            cursor.execute(
                head + ", ".join([one] * len(chunk)) + tail, [v for r in chunk for v in r]
            )
            keys += [found[0] for found in cursor.fetchall()]
    finally:
        cursor.close()
    return keys
