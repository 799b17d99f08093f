"""The `scorecard` command, the scriptable face of Civic Scorecard: entry.py runs it, parser.py
reads its arguments, errors.py says why it failed, and each command has a module of its own
(demo, serve, importing, export, report, backup, restore, unlock, remind, tenant)."""

from scorecard.cli.entry import main

__all__ = ["main"]
