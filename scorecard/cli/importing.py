"""`scorecard import FILE... [--tenant SLUG]`: every file in one transaction, or none."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from scorecard.cli.errors import CommandFailed
from scorecard.cli.options import tenant_named


def run(arguments: argparse.Namespace) -> int:
    return import_files(arguments.files, tenant_named(arguments.tenant))


def import_files(files: list[Path], tenant=None) -> int:
    from django.db import transaction

    from scorecard.audit.actor import acting_as
    from scorecard.audit.capture import batched
    from scorecard.interchange import importer
    from scorecard.interchange.errors import ImportNotSaved, ImportRejected
    from scorecard.tenancy.scope import acting_for

    entered_by = f"import by {os.environ.get('USER', 'unknown')}"
    try:
        # New plans, organisations, boards and people go into the council named; identifiers
        # are the whole instance's, so rows already here are found whichever council holds them.
        with (
            acting_as(entered_by),
            acting_for(tenant, limit=False),
            transaction.atomic(),
            batched(),
        ):
            result = importer.import_files(files, entered_by=entered_by)
    except ImportRejected as rejected:
        for error in rejected.errors:
            print(error, file=sys.stderr)
        raise CommandFailed(str(rejected)) from None
    except ImportNotSaved as failed:
        raise CommandFailed(str(failed)) from None
    print(result)
    for line in result.warning_lines():
        print(line)
    return 0
