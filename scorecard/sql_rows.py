"""Inserting plain rows (tuples) into a model's table in as few statements as the database
allows: for loads too large to go through model instances one by one."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection
from django.db.models import Model

# PostgreSQL's protocol numbers a statement's parameters with 16 bits.
POSTGRES_PARAMETERS = 65_535


def _parameters_per_statement() -> int:
    if connection.vendor == "sqlite":
        import sqlite3

        connection.ensure_connection()
        return connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    return connection.features.max_query_params or POSTGRES_PARAMETERS


def adapt_datetime(value):
    """A date-time as the database backend stores it (SQLite: UTC text without a zone)."""
    return connection.ops.adapt_datetimefield_value(value)


def insert_rows(
    model: type[Model],
    columns: Sequence[str],
    rows: Sequence[tuple],
    *,
    json_columns: Sequence[str] = (),
    returning: bool = False,
) -> list:
    """Insert the rows (values in `columns` order, already as the database takes them: JSON as
    text, date-times through adapt_datetime). With `returning`, the new primary keys in the
    rows' order."""
    quote = connection.ops.quote_name
    cast = "::jsonb" if connection.vendor == "postgresql" else ""
    one = "(" + ", ".join(f"%s{cast}" if c in json_columns else "%s" for c in columns) + ")"
    # Table and column names come from the model, quoted; every value is a parameter.
    names = ", ".join(quote(c) for c in columns)
    head = f"INSERT INTO {quote(model._meta.db_table)} ({names}) VALUES "  # noqa: S608  # nosec B608
    tail = f" RETURNING {quote(model._meta.pk.column)}" if returning else ""
    size = max(1, _parameters_per_statement() // len(columns))
    keys: list = []
    with connection.cursor() as cursor:
        for start in range(0, len(rows), size):
            chunk = rows[start : start + size]
            sql = head + ", ".join([one] * len(chunk)) + tail
            cursor.execute(sql, [value for row in chunk for value in row])
            if returning:
                keys += [found[0] for found in cursor.fetchall()]
    return keys
