"""The command line's package (scorecard/cli/): every command has its handler module, and the
arguments are read without loading Django, so `--help` and a mistyped option answer at once."""

import importlib
import subprocess
import sys

from scorecard.cli.entry import HANDLERS
from scorecard.cli.parser import build_parser


def test_every_command_has_a_handler():
    commands = build_parser()._subparsers._group_actions[0].choices
    assert sorted(HANDLERS) == sorted(commands)
    for command, handler in HANDLERS.items():
        module, function = handler.split(":")
        assert callable(getattr(importlib.import_module(f"scorecard.cli.{module}"), function)), (
            command
        )


def test_the_arguments_are_read_without_django():
    read = (
        "import sys; from scorecard.cli import main; from scorecard.cli.parser import "
        "build_parser; build_parser().parse_args(['export', 'risks']); "
        "print(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')))"
    )
    shown = subprocess.run(
        [sys.executable, "-c", read], capture_output=True, text=True, check=True
    ).stdout
    assert shown.strip() == "[]"
