"""`scorecard report KIND --period P`: a committee paper as HTML, PDF, Word or Excel."""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from scorecard.cli.errors import CommandFailed
from scorecard.cli.options import as_at_moment, as_tenant, period_option
from scorecard.cli.output import write_output


def run(arguments: argparse.Namespace) -> int:
    return as_tenant(arguments, report)


def report(arguments: argparse.Namespace) -> int:
    from scorecard.reports.as_at import build_report, rendered
    from scorecard.reports.document import ReportUnavailable
    from scorecard.reports.kinds import file_name

    as_at = period_option(arguments.period)
    moment = as_at_moment(arguments)
    meeting = _meeting(arguments.meeting)
    try:
        paper = build_report(
            arguments.kind, as_at, arguments.plan, moment, meeting, arguments.layout or ""
        )
    except ReportUnavailable as exc:
        raise CommandFailed(f"report {arguments.kind}: {exc}") from None
    output = arguments.output or Path(file_name(paper, arguments.format, arguments.plan or ""))
    content = rendered(paper, arguments.format, moment)
    write_output(content, output)
    print(f"Wrote {output}", file=sys.stderr)
    _warn_of_wrong_claims(paper, content if arguments.format == "html" else None)
    return 0


def _meeting(text: str | None) -> datetime.date | None:
    if not text:
        return None
    try:
        return datetime.date.fromisoformat(text.strip())
    except ValueError:
        raise CommandFailed(f"--meeting: '{text}' is not a date: use YYYY-MM-DD") from None


def _warn_of_wrong_claims(paper, html: str | bytes | None) -> None:
    """Say, before publication, which changes stated in the paper's text its own figures do
    not bear out (docs/rules.md, "Claims in text"). A warning, not a failure: the paper is
    the team's to correct."""
    from scorecard.reports.claims import claims_in_paper
    from scorecard.reports.render_html import render_html

    text = html if html is not None else render_html(paper)
    wrong = claims_in_paper(text.decode("utf-8") if isinstance(text, bytes) else text)
    if not wrong:
        return
    print(
        f"Warning: before publication, check {len(wrong)} stated change"
        f"{'' if len(wrong) == 1 else 's'} the paper's own figures do not bear out:",
        file=sys.stderr,
    )
    for found in wrong:
        print(f"  - '{found.claim.says}': {found.reason}", file=sys.stderr)
