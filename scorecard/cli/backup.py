"""`scorecard backup FILE`: every row to one JSON file (gzipped when FILE ends .gz)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scorecard.cli.errors import CommandFailed


def run(arguments: argparse.Namespace) -> int:
    return backup(arguments.file)


def backup(path: Path) -> int:
    from scorecard import backup as backups

    try:
        count = backups.backup(path)
    except backups.BackupError as exc:
        raise CommandFailed(str(exc)) from None
    print(f"{count} rows written to {path}", file=sys.stderr)
    return 0
