"""`scorecard export WHAT`: ratings, the scorecard, delivery, risks or comparisons, as JSON or
CSV, for the whole instance or one council (--tenant), now or as at a past moment."""

from __future__ import annotations

import argparse

from scorecard.cli.errors import CommandFailed
from scorecard.cli.options import (
    as_at_moment,
    as_tenant,
    check_period,
    check_plan,
)
from scorecard.cli.output import write_output


def run(arguments: argparse.Namespace) -> int:
    return as_tenant(arguments, export)


def export(arguments: argparse.Namespace) -> int:
    from contextlib import nullcontext

    from scorecard.audit.rewind import as_at

    moment = as_at_moment(arguments)
    check_plan(arguments.plan)
    check_period(arguments.period)
    with as_at(moment) if moment else nullcontext():
        text = export_text(arguments)
    write_output(text, arguments.output)
    return 0


def export_text(arguments: argparse.Namespace) -> str:
    """The file's text; the kinds and what each does with the options are in the registry."""
    from scorecard.interchange.export_kinds import ExportOptions, ExportRefused
    from scorecard.interchange.export_kinds import export_text as kind_text

    options = ExportOptions(
        format=arguments.format,
        plan=arguments.plan,
        period=arguments.period,
        indicator=arguments.indicator,
        measure=arguments.measure,
    )
    try:
        return kind_text(arguments.what, options)
    except ExportRefused as refused:
        raise CommandFailed(str(refused)) from None
