"""Field values as the audit trail keeps them (JSON) and back again."""

from __future__ import annotations

import datetime
from decimal import Decimal
from functools import cache

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Model


@cache
def concrete_fields(model: type[Model]) -> tuple:
    return tuple(model._meta.concrete_fields)


@cache
def many_to_many_fields(model: type[Model]) -> tuple:
    return tuple(model._meta.many_to_many)


def encode(field, value):
    """A JSON value for a field's value: decimals as exact text (trailing zeros dropped, so
    49.70 and 49.7 are the same), date-times in UTC, dates as ISO text."""
    if value is None or isinstance(field, models.JSONField):
        return value
    if isinstance(value, str) and not isinstance(field, (models.CharField, models.TextField)):
        try:
            value = field.to_python(value)
        except ValidationError:
            return value
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value.is_finite() else str(value)
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(datetime.UTC)
        return value.isoformat()
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (bool, int, float, str, list, dict)):
        return value
    return str(value)


def decode(field, raw):
    if raw is None or isinstance(field, models.JSONField):
        return raw
    return field.to_python(raw)


def snapshot(instance: Model) -> dict:
    return {
        f.attname: encode(f, getattr(instance, f.attname)) for f in concrete_fields(type(instance))
    }


def stored_rows(model: type[Model], pks) -> dict:
    """{pk: snapshot} of rows as the database holds them."""
    fields = concrete_fields(model)
    names = [f.attname for f in fields]
    rows = model._base_manager.filter(pk__in=list(pks)).values_list(*names)
    pk_index = names.index(model._meta.pk.attname)
    return {
        row[pk_index]: {f.attname: encode(f, v) for f, v in zip(fields, row, strict=True)}
        for row in rows
    }


def member_ids(instance: Model) -> dict:
    """{field name: sorted ids} of the instance's many-to-many fields."""
    return {
        f.name: sorted(getattr(instance, f.name).values_list("pk", flat=True))
        for f in many_to_many_fields(type(instance))
    }
