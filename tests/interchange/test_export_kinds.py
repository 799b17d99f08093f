"""Export kinds are one registry (scorecard/interchange/export_kinds.py); the command line's
list of them (kept for `--help` without Django) names only registered kinds, and each kind it
names is one the registry exports."""

from scorecard.cli.parser import EXPORT_KINDS as COMMAND_LINE_KINDS
from scorecard.interchange.export_kinds import EXPORT_KINDS, ExportKind


def test_the_command_line_names_every_registered_kind_it_offers():
    assert set(COMMAND_LINE_KINDS) <= set(EXPORT_KINDS)
    assert all(isinstance(kind, ExportKind) for kind in EXPORT_KINDS.values())
    assert [name for name in EXPORT_KINDS if name in COMMAND_LINE_KINDS] == COMMAND_LINE_KINDS
