"""`scorecard backup` and `scorecard restore`: every row of the database (plans, figures with
their history, the audit trail, people, sign-ins, the sign-in attempts and API tokens) in one
JSON file, and back. An API token is kept as its digest only (django-rest-knox): the file holds
nothing a program could sign in with.

A backup restores only into a database at the same migrations, so a file is never read into a
schema it does not fit; a restore is one transaction, so a failed one leaves the database as it
was. The file is written beside its final name and renamed when complete, so a full disk or a
killed process never leaves half a backup under the name asked for.
"""

from __future__ import annotations

import datetime
import gzip
import json
import os
from collections.abc import Iterator
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DatabaseError, connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import Model

from scorecard.audit.actor import not_recording

FORMAT = "civic-scorecard-backup"
VERSION = 1
# Rebuilt by `migrate` (content types, permissions) or worth nothing once restored (sessions:
# everyone signs in again).
NOT_KEPT = {"contenttypes.contenttype", "auth.permission", "sessions.session"}


class BackupError(Exception):
    """A backup that cannot be written or restored, with what to do about it."""


def _kept(model: type[Model]) -> bool:
    meta = model._meta
    return meta.label_lower not in NOT_KEPT and not meta.proxy and meta.managed


def kept_models() -> list[type[Model]]:
    """Every model with rows to keep, parents before the rows that point at them (the links
    of many-to-many fields travel with the rows that hold them)."""
    chosen = [model for model in apps.get_models() if _kept(model)]
    return serializers.sort_dependencies([(None, chosen)], allow_cycles=True)


def kept_tables() -> list[str]:
    """The tables a restore empties first: the kept models' and their many-to-many links'."""
    return [
        model._meta.db_table for model in apps.get_models(include_auto_created=True) if _kept(model)
    ]


class ExactEncoder(DjangoJSONEncoder):
    """Django's encoder, but times keep their microseconds, so a restored row is the row."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def migrations_applied() -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        applied.setdefault(app, []).append(name)
    return {app: sorted(names) for app, names in sorted(applied.items())}


def _rows(model: type[Model]) -> Iterator[dict]:
    rows = model._base_manager.order_by("pk")
    yield from serializers.serialize(
        "python", rows.iterator(chunk_size=2000), use_natural_foreign_keys=True
    )


def _open(path: Path, mode: str, packed: bool):
    if packed:
        return gzip.open(path, mode + "t", encoding="utf-8")
    return open(path, mode, encoding="utf-8")


def _packed(path: Path) -> bool:
    return path.suffix == ".gz"


def backup(path: Path) -> int:
    """Write every kept row to `path` (gzipped when it ends .gz); the number of rows."""
    # A pipe or device (a named pipe to another machine, /dev/null) is written to as it is:
    # renamed over, it would become a plain file.
    straight = path.exists() and not path.is_file() and not path.is_dir()
    partial = path if straight else path.with_name(f".{path.name}.partial")
    count = 0
    try:
        with _open(partial, "w", _packed(path)) as out:
            header = {"format": FORMAT, "version": VERSION, "migrations": migrations_applied()}
            out.write(json.dumps(header)[:-1] + ', "objects": [\n')
            for model in kept_models():
                for row in _rows(model):
                    out.write(("," if count else "") + json.dumps(row, cls=ExactEncoder))
                    out.write("\n")
                    count += 1
            out.write("]}\n")
        if not straight:
            os.replace(partial, path)
    except OSError as exc:
        if not straight:
            partial.unlink(missing_ok=True)
        raise BackupError(f"cannot write {path}: {exc.strerror or exc}") from None
    return count


def _read(path: Path) -> dict:
    try:
        with _open(path, "r", _packed(path)) as source:
            content = json.load(source)
    except OSError as exc:
        raise BackupError(f"cannot read {path}: {exc.strerror or exc}") from None
    except (ValueError, EOFError) as exc:
        raise BackupError(f"{path} is not a Civic Scorecard backup: {exc}") from None
    if not isinstance(content, dict) or content.get("format") != FORMAT:
        raise BackupError(f"{path} is not a Civic Scorecard backup")
    if content.get("version") != VERSION:
        raise BackupError(f"{path} is a backup of version {content.get('version')}, not {VERSION}")
    return content


def _check_schema(content: dict, path: Path) -> None:
    if content.get("migrations") != migrations_applied():
        raise BackupError(
            f"{path} was made by a version of Civic Scorecard at other migrations: restore it "
            "with that version, or run that version's migrations on an empty database first"
        )


def holds_data() -> bool:
    return any(model._base_manager.exists() for model in kept_models())


def restore(path: Path, replace: bool = False) -> int:
    """Put back every row of the backup, in one transaction; the number of rows."""
    content = _read(path)
    _check_schema(content, path)
    if holds_data() and not replace:
        raise BackupError(
            "the database already holds data: restore into an empty database, or use --replace "
            "to replace everything in it with the backup"
        )
    try:
        # The rows come back as they were, audit trail included: restoring adds no entries.
        with transaction.atomic(), not_recording():
            _empty()
            count = _load(content["objects"])
            # Links to rows that are not there fail here, with the rest, not at the commit.
            connection.check_constraints(table_names=kept_tables())
            _reset_sequences(kept_models())
    except (serializers.base.DeserializationError, DatabaseError) as exc:
        raise BackupError(f"{path} has a row that does not fit: {exc}") from None
    return count


def _load(objects: list[dict]) -> int:
    """Save every row as it was; rows naming one that comes later are finished once all are
    in."""
    deferred = []
    count = 0
    for found in serializers.deserialize("python", objects, handle_forward_references=True):
        found.save()
        if found.deferred_fields:
            deferred.append(found)
        count += 1
    for found in deferred:
        found.save_deferred_fields()
    return count


def _empty() -> None:
    statements = connection.ops.sql_flush(no_style(), kept_tables())
    if connection.vendor == "postgresql":
        # TRUNCATE refuses tables with checks still pending from this transaction's changes.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            connection.ops.execute_sql_flush(statements)
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        return
    connection.ops.execute_sql_flush(statements)


def _reset_sequences(models: list[type[Model]]) -> None:
    """PostgreSQL's id sequences past the restored ids (SQLite needs nothing)."""
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
