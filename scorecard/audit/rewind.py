"""The database as it stood at a past moment, rebuilt by undoing the audit trail.

`with as_at(moment): ...` undoes every entry after the moment, newest first, inside a
transaction that is always rolled back: whatever runs inside reads the past, and nothing
is changed for anyone else. Rows written before the audit trail began are as they are."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django.db import DEFAULT_DB_ALIAS, connection, transaction

from scorecard.audit.actor import not_recording
from scorecard.audit.models import AuditAction, AuditEntry
from scorecard.audit.values import concrete_fields, decode
from scorecard.tenancy.models import fill_tenant

_moment: ContextVar[datetime.datetime | None] = ContextVar("as_at_moment", default=None)

# How long a rewind waits for a row someone is saving at that moment before giving up (the
# caller says "try again"), so that a past view never holds up, or deadlocks with, a save.
LOCK_WAIT = "3s"


@contextmanager
def as_at(moment: datetime.datetime) -> Iterator[None]:
    token = _moment.set(moment)
    try:
        with transaction.atomic(), not_recording():
            try:
                _wait_briefly_for_locks()
                rewind_to(moment)
                yield
            finally:
                transaction.set_rollback(True)
    finally:
        _moment.reset(token)


def _wait_briefly_for_locks() -> None:
    """PostgreSQL only: SQLite has one writer at a time and waits its own busy timeout."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL lock_timeout = '{LOCK_WAIT}'")


def current_moment() -> datetime.datetime | None:
    """The moment the code running now sees the data as at; None for now. (The audit trail
    itself is not rewound: what reads it asks this.)"""
    return _moment.get()


def rewind_to(moment: datetime.datetime) -> None:
    """Undo every entry after the moment, newest first. Only inside as_at: it writes."""
    made: dict = {}
    entries = AuditEntry.objects.filter(when__gt=moment).order_by("-id")
    for entry in entries.iterator(chunk_size=2000):
        model = apps.get_model(entry.model)
        if entry.action == AuditAction.CREATED:
            # Rows made one after another (an import) go in one statement per table.
            made.setdefault(model, []).append(entry.object_id)
            continue
        _remove(made)
        made = {}
        if entry.action == AuditAction.DELETED:
            _put_back(model, entry.before)
        else:
            _set_back(model, entry.object_id, entry.before, entry.changed)
    _remove(made)


def _remove(made: dict) -> None:
    """Delete rows made after the moment. Straight to the tables: whatever hangs off them was
    made later still, so its own entry has been undone already; the foreign keys are checked
    only at commit, which never comes."""
    for model, pks in made.items():
        model._base_manager.filter(pk__in=pks)._raw_delete(DEFAULT_DB_ALIAS)


def _fields(model) -> dict:
    return {f.attname: f for f in concrete_fields(model)}


def _set_back(model, object_id: str, before: dict, changed: list[str]) -> None:
    fields = _fields(model)
    columns = {n: decode(fields[n], before[n]) for n in changed if n in fields and n in before}
    if columns:
        model._base_manager.filter(pk=object_id).update(**columns)
    for name in changed:
        if name not in fields and name in before:
            _set_members(model._meta.get_field(name), object_id, before[name])


def _set_members(field, holder_id, member_ids: list) -> None:
    through = field.remote_field.through
    holder, member = field.m2m_field_name(), field.m2m_reverse_field_name()
    through._base_manager.filter(**{holder: holder_id})._raw_delete(DEFAULT_DB_ALIAS)
    through._base_manager.bulk_create(
        through(**{f"{holder}_id": holder_id, f"{member}_id": pk}) for pk in member_ids
    )


def _put_back(model, before: dict) -> None:
    fields = _fields(model)
    instance = model(**{n: decode(f, before[n]) for n, f in fields.items() if n in before})
    # A row deleted before it had a tenant (its entry is older than the tenancy migrations).
    fill_tenant(instance)
    model._base_manager.bulk_create([instance])
    for field in model._meta.many_to_many:
        if before.get(field.name):
            _set_members(field, instance.pk, before[field.name])
