"""The demo's rows, imported once for a test process and copied in again for each later module.

A module's tests share a demo imported inside a transaction that is rolled back at the module's
end (tests/conftest.py). Importing the demo through the importer takes about two seconds of
processor time, and ninety modules did it on each database. The first import of a process is
watched: the rows it added are kept, and a later module gets the same rows inserted in its own
transaction (a tenth of a second), as if the importer had run again.

It falls back to the importer whenever the copy could differ from an import: when the import
changed or removed a row that was there before it (only added rows are kept), or when the
database the module starts from is not the one the rows were taken over (a transactional test
emptied it and made the content types again with new ids)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connection


@dataclass(frozen=True)
class DemoRows:
    # (table, column names, rows) for every table the import added rows to.
    added: tuple[tuple[str, tuple[str, ...], tuple[tuple, ...]], ...]
    # What the database held before the import: rows and highest id of every table.
    before: tuple


# By (database alias, which demo): the rows, or None when they cannot be copied.
_kept: dict[tuple[str, str], DemoRows | None] = {}


def load_demo(which: str, import_demo: Callable[[], None]) -> None:
    """Inside the caller's transaction: the demo's rows as `import_demo()` adds them."""
    key = (connection.alias, which)
    before = _counts()
    kept = _kept.get(key)
    if kept is not None and kept.before == before:
        _insert(kept.added)
        return
    if key in _kept:  # Watched once already: these rows cannot be copied.
        import_demo()
        return
    rows_before = _rows()
    import_demo()
    _kept[key] = _added(rows_before, _rows(), before)


def _tables() -> list[str]:
    return sorted(
        name for name in connection.introspection.table_names() if not name.startswith("sqlite_")
    )


def _counts() -> tuple:
    """Each table's number of rows and highest id: content types made again after a
    transactional test emptied the database are as many as before, with higher ids."""
    quote = connection.ops.quote_name
    found = []
    with connection.cursor() as cursor:
        for table in _tables():
            cursor.execute(f"SELECT * FROM {quote(table)} WHERE 1 = 0")  # noqa: S608
            highest = "MAX(id)" if "id" in (c[0] for c in cursor.description) else "NULL"
            cursor.execute(f"SELECT COUNT(*), {highest} FROM {quote(table)}")  # noqa: S608
            found.append((table, *cursor.fetchone()))
    return tuple(found)


def _rows() -> dict[str, tuple[tuple[str, ...], list[tuple]]]:
    found = {}
    with connection.cursor() as cursor:
        for table in _tables():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            columns = tuple(column[0] for column in cursor.description)
            found[table] = (columns, [tuple(row) for row in cursor.fetchall()])
    return found


def _same(row: tuple) -> tuple:
    """A row as a key: JSON values (dicts and lists on PostgreSQL) written out."""
    return tuple(
        json.dumps(v, sort_keys=True, default=str) if isinstance(v, dict | list) else v for v in row
    )


def _added(before: dict, after: dict, counts: tuple) -> DemoRows | None:
    added = []
    for table, (columns, rows) in after.items():
        had = {_same(row) for row in before.get(table, (columns, []))[1]}
        has = {_same(row) for row in rows}
        if had - has:
            return None  # the import changed or removed a row that was there before it
        new = tuple(row for row in rows if _same(row) not in had)
        if new:
            added.append((table, columns, new))
    return DemoRows(tuple(added), counts)


def _insert(added) -> None:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table, columns, rows in added:
            names = ", ".join(quote(column) for column in columns)
            places = ", ".join(["%s"] * len(columns))
            cursor.executemany(
                f"INSERT INTO {quote(table)} ({names}) VALUES ({places})",  # noqa: S608
                [_adapted(row) for row in rows],
            )
            if connection.vendor == "postgresql" and "id" in columns:
                # Rows inserted with their ids leave the id sequence behind them: a row the
                # test adds next must get the id after the last one, as after an import.
                highest = f"(SELECT MAX(id) FROM {quote(table)})"  # noqa: S608
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence(%s, 'id'), {highest})", [table]
                )


def _adapted(row: tuple) -> tuple:
    if connection.vendor != "postgresql":
        return row
    from psycopg.types.json import Jsonb

    return tuple(Jsonb(v) if isinstance(v, dict | list) else v for v in row)
