"""`scorecard demo`: load the demo council (or a synthetic one) into an emptied database, then
serve it unless --no-serve."""

from __future__ import annotations

import argparse
import sys

from scorecard.cli.errors import CommandFailed
from scorecard.cli.serve import serve


def run(arguments: argparse.Namespace) -> int:
    from scorecard.demo.loader import DemoRefused, load_demo, load_synthetic

    national = (
        (arguments.areas, arguments.indicators, arguments.periods) if arguments.national else None
    )
    try:
        loaded = (
            load_synthetic(arguments.measures, arguments.years, national, arguments.force)
            if arguments.synthetic
            else load_demo(arguments.force)
        )
    except DemoRefused as exc:
        raise CommandFailed(str(exc)) from None
    print(loaded, file=sys.stderr)
    return 0 if arguments.no_serve else serve(arguments.port)
