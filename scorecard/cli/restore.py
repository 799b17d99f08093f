"""`scorecard restore FILE [--replace]`: put a backup back into the database."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scorecard.cli.errors import CommandFailed


def run(arguments: argparse.Namespace) -> int:
    return restore(arguments.file, arguments.replace)


def restore(path: Path, replace: bool) -> int:
    from scorecard import backup as backups

    try:
        count = backups.restore(path, replace)
    except backups.BackupError as exc:
        raise CommandFailed(str(exc)) from None
    print(f"{count} rows restored from {path}", file=sys.stderr)
    return 0
