"""`scorecard COMMAND`: read the arguments, set up Django and the database, run the command's
handler (a module of this package each), and turn a failure into one line and exit status 1."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path

from scorecard.cli.errors import CommandFailed, database_failure, disk_full, unopened
from scorecard.cli.parser import build_parser

DEMO_DATABASE_FILE = "scorecard-demo.sqlite3"

# Each command's handler, "module:function" in this package, imported only when run so that
# the parser answers without loading Django.
HANDLERS = {
    "demo": "demo:run",
    "serve": "serve:run_command",
    "import": "importing:run",
    "export": "export:run",
    "report": "report:run",
    "backup": "backup:run",
    "restore": "restore:run",
    "unlock": "unlock:run",
    "remind": "remind:run",
    "tenant": "tenant:run",
}


def main(argv: list[str] | None = None) -> int:
    arguments = build_parser().parse_args(argv)
    try:
        if arguments.command == "demo" and not os.environ.get("DATABASE_URL"):
            # The demo's own file: made afresh every time.
            demo_file = Path.cwd() / DEMO_DATABASE_FILE
            demo_file.unlink(missing_ok=True)
            os.environ["DATABASE_URL"] = f"sqlite:///{demo_file}"
        if _production(arguments):
            # Settings from the environment only; the schema is the release's job (several
            # servers starting at once must not all migrate).
            os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scorecard.settings.production")
            _setup_django()
            _check_schema_or_fail()
        else:
            _setup_django()
            _create_schema_or_fail()
        return run(arguments)
    except CommandFailed as exc:
        print(f"scorecard: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        # A full disk anywhere (the demo's load, a migration, a report): one line, not a
        # traceback. Anything else is a fault of ours and keeps its traceback.
        from scorecard.interchange.errors import storage_failure

        reason = storage_failure(exc)
        if reason is None:
            raise
        print(f"scorecard: {disk_full(reason)}", file=sys.stderr)
        return 1


def run(arguments: argparse.Namespace) -> int:
    """The command's handler, once Django is set up; a database error said in one line."""
    from django.db import DatabaseError

    module, function = HANDLERS[arguments.command].split(":")
    handler = getattr(importlib.import_module(f"scorecard.cli.{module}"), function)
    try:
        return handler(arguments)
    except DatabaseError as exc:
        raise database_failure(exc) from None


def _production(arguments: argparse.Namespace) -> bool:
    return arguments.command == "serve" and arguments.production


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scorecard.settings.local")
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except (ImproperlyConfigured, ValueError) as exc:
        # dj-database-url raises ValueError for an address it cannot read.
        raise CommandFailed(
            f"settings: {exc} (check DATABASE_URL and SCORECARD_ settings)"
        ) from None


def _create_schema_or_fail() -> None:
    from django.core.management import call_command
    from django.db import DatabaseError

    try:
        call_command("migrate", interactive=False, verbosity=0)
    except DatabaseError as exc:
        raise unopened(exc) from None


def _check_schema_or_fail() -> None:
    from django.db import DatabaseError, connection
    from django.db.migrations.executor import MigrationExecutor

    try:
        executor = MigrationExecutor(connection)
        waiting = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as exc:
        raise unopened(exc) from None
    if waiting:
        raise CommandFailed(
            f"the database needs {len(waiting)} migration(s) first: run "
            "`DJANGO_SETTINGS_MODULE=scorecard.settings.production python -m django migrate`"
        )
    _create_cache_table()


def _create_cache_table() -> None:
    """The shared cache's table, if the settings use one and it is missing. Servers starting
    together may race to create it: the loser finds it made."""
    from django.core.management import call_command
    from django.db import DatabaseError

    try:
        call_command("createcachetable", verbosity=0)
    except DatabaseError:
        call_command("createcachetable", verbosity=0)
