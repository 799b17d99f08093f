"""`scorecard remind [--date YYYY-MM-DD]`: email owners with updates still due."""

from __future__ import annotations

import argparse

from scorecard.cli.errors import CommandFailed


def run(arguments: argparse.Namespace) -> int:
    return remind(arguments.date)


def remind(on: str | None) -> int:
    from datetime import date

    from django.utils import timezone

    from scorecard.audit.actor import acting_as
    from scorecard.cycles.reminders import send_reminders

    try:
        day = date.fromisoformat(on) if on else timezone.localdate()
    except ValueError:
        raise CommandFailed(f"'{on}' is not a date: write it as YYYY-MM-DD") from None
    # Marking reminders sent is a change the audit trail keeps, by this name.
    with acting_as("scorecard remind"):
        lines = send_reminders(day)
    for line in lines:
        print(line)
    cycles = sum(": reminded " in line for line in lines)
    print(
        f"{day:%d %B %Y}: reminders sent for {cycles} reporting cycle{'s' if cycles != 1 else ''}"
    )
    return 0
