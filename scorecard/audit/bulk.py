"""Audit entries for rows written without model instances (a million imported observations):
the same entries record_created makes, built from plain values and written in one statement
per batch, so that the trail costs little more than the rows themselves."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterable

from django.db import models
from django.db.models import Model
from django.utils import timezone

from scorecard.audit import actor
from scorecard.audit.capture import LABEL_LENGTH, flush_batch
from scorecard.audit.models import AuditAction, AuditEntry
from scorecard.audit.registry import label_of
from scorecard.audit.values import concrete_fields, encode
from scorecard.sql_rows import adapt_datetime, insert_rows

# Values written again and again (a period, a status, who entered it) are encoded once.
_CACHED = 10_000


def _decimal(value) -> str:
    if value is None:
        return "null"
    return json.dumps(encode(None, value)) if not value.is_finite() else f'"{value.normalize():f}"'


def _whole(value) -> str:
    return "null" if value is None else str(int(value))


def _encoder(field) -> Callable[[object], str]:
    """JSON text of one field's value, as json.dumps(snapshot(instance)) writes it."""
    if isinstance(field, models.DecimalField):
        return _decimal
    whole = (models.AutoField, models.IntegerField)
    if isinstance(field, whole) or (field.many_to_one and isinstance(field.target_field, whole)):
        return _whole
    cache: dict = {}

    def text(value) -> str:
        key = (type(value), value)
        found = cache.get(key)
        if found is None:
            found = json.dumps(encode(field, value))
            if len(cache) < _CACHED:
                cache[key] = found
        return found

    return text


class Snapshots:
    """The JSON text of snapshot(instance), from a tuple of the row's values in the model's
    concrete field order (attribute names, foreign keys as ids)."""

    def __init__(self, model: type[Model]) -> None:
        fields = concrete_fields(model)
        self.names = [f.attname for f in fields]
        self._template = "{" + ", ".join(f"{json.dumps(n)}: %s" for n in self.names) + "}"
        self._encoders = [_encoder(f) for f in fields]
        self.encoders = dict(zip(self.names, self._encoders, strict=True))

    def fields(self, **values) -> str:
        """Part of the JSON text: these fields (in the model's order, as given), e.g. the
        ones a batch of rows share, to be set into a template of the rest."""
        return ", ".join(f"{json.dumps(n)}: {self.encoders[n](v)}" for n, v in values.items())

    def json(self, values: Iterable) -> str:
        return self._template % tuple(
            encode_(value) for encode_, value in zip(self._encoders, values, strict=True)
        )


ENTRY_COLUMNS = (
    "when",
    "user_id",
    "who",
    "model",
    "object_id",
    "label",
    "parent_model",
    "parent_id",
    "action",
    "before",
    "after",
    "changed",
)


def record_created_rows(
    model: type[Model], parent_model: type[Model] | None, rows: Iterable[tuple]
) -> None:
    """One `created` entry per row, as record_created would write for the instance: rows of
    (primary key, label as str(instance) gives it, parent's id or None, snapshot JSON text).
    Entries waiting in an audit batch are written first, so that the order stays as made."""
    if not actor.recording():
        return
    user, who = actor.current()
    when = adapt_datetime(timezone.now())
    label = label_of(model)
    parent = label_of(parent_model) if parent_model is not None else ""
    entries = (
        (
            when,
            user.pk if user is not None else None,
            who[:300],
            label,
            str(pk),
            text[:LABEL_LENGTH],
            parent if parent_id is not None else "",
            "" if parent_id is None else str(parent_id),
            AuditAction.CREATED.value,
            None,
            after,
            "[]",
        )
        for pk, text, parent_id, after in rows
    )
    # Made as they are written: on PostgreSQL the server stores one part while the next is made.
    first = next(entries, None)
    if first is not None:
        flush_batch()
        insert_rows(AuditEntry, ENTRY_COLUMNS, itertools.chain([first], entries))
