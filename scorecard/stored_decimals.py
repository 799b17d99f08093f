"""Decimal columns read as the database stores them, for values that many rows share: each
distinct value is made a Decimal once, by the converters Django itself would apply.

Django makes every decimal it reads into a Decimal, row by row (on SQLite, which stores a
float, some 1.4 µs a value). Where thousands of rows carry a few distinct values (measures'
tolerances and steady bands), reading the column untouched with `as_stored` and converting
each distinct value once (`StoredDecimal`) gives the same Decimals, to the same places, for a
fraction of the work. PostgreSQL's driver gives Decimals already: Django converts nothing
there, and neither does this."""

from __future__ import annotations

from decimal import Decimal
from functools import cache

from django.db import connections
from django.db.models import ExpressionWrapper, F, Field, Model


def as_stored(field_name: str) -> ExpressionWrapper:
    """The column itself, for `values_list`, with no conversion by Django (a float or an
    integer from SQLite, a Decimal from PostgreSQL): the same SQL as the field's name gives.
    The plain Field is no kind Django converts (a FloatField would be made a float even on
    PostgreSQL, a DecimalField a Decimal on SQLite without its places)."""
    return ExpressionWrapper(F(field_name), output_field=Field())


class StoredDecimal:
    """Makes a value of a model's decimal column, read with `as_stored`, the Decimal that Django
    gives for the column."""

    def __init__(self, model: type[Model], field_name: str, using: str = "default") -> None:
        self.connection = connections[using]
        self.column = model._meta.get_field(field_name).get_col(model._meta.db_table)  # type: ignore[union-attr]
        # What Django's query compiler applies to the column (SQLCompiler.get_converters).
        self.converters = [
            *self.connection.ops.get_db_converters(self.column),
            *self.column.get_db_converters(self.connection),
        ]

    def __call__(self, value) -> Decimal | None:
        for converter in self.converters:
            value = converter(value, self.column, self.connection)
        return value


@cache
def stored_decimal(model: type[Model], field_name: str) -> StoredDecimal:
    """One StoredDecimal a column, made when first asked for (the database is set up by then)."""
    return StoredDecimal(model, field_name)
