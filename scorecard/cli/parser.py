"""The `scorecard` command's arguments: read without Django, so that `--help` and a mistyped
option answer at once."""

from __future__ import annotations

import argparse
from pathlib import Path

from scorecard.core.digits import is_digits, whole_number

# The kinds of file export writes that import reads again (`highlights`: highlight reports).
ROUND_TRIP_KINDS = [
    "framework",
    "people",
    "projects",
    "milestones",
    "actions",
    "action_updates",
    "highlights",
    "risks",
    "risk_assessments",
]
EXPORT_KINDS = ["ratings", "scorecard", *ROUND_TRIP_KINDS, "comparisons"]
# Kept in step with scorecard.reports.kinds.KINDS (a test checks), so that `--help` needs no
# Django.
REPORT_KINDS = [
    "corporate",
    "programme",
    "actions",
    "dashboard",
    "risks",
    "lead-member",
    "board",
]


AS_AT_HELP = (
    "as the data stood at this past date and time, e.g. '2026-11-25 17:00' (UK time) "
    "or 2026-11-25T17:00:00Z; a date alone means the end of that day"
)


def port(text: str) -> int:
    """A TCP port for argparse: a whole number from 1 to 65535."""
    if not is_digits(text) or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port: use a number from 1 to 65535")
    return int(text)


def positive(text: str) -> int:
    if whole_number(text) is None or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of 1 or more")
    return int(text)


def workers(text: str) -> int:
    if not is_digits(text) or not 1 <= int(text) <= 64:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of workers from 1 to 64")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scorecard",
        description="Civic Scorecard: performance management for councils and their partners. "
        "The database is the one DATABASE_URL names, else scorecard.sqlite3 in this folder.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    demo = commands.add_parser(
        "demo", help="load the demo council into a fresh database and serve it"
    )
    demo.add_argument("--port", type=port, default=8000)
    demo.add_argument("--no-serve", action="store_true", help="load the demo only")
    demo.add_argument(
        "--synthetic",
        action="store_true",
        help="a synthetic council instead, of --measures measures with --years years of "
        "monthly figures (for measuring scale: bench/)",
    )
    demo.add_argument("--measures", type=positive, default=100, help="synthetic: measures")
    demo.add_argument("--years", type=positive, default=5, help="synthetic: years of months")
    demo.add_argument(
        "--national",
        action="store_true",
        help="synthetic: also a national benchmark set of --areas areas, --indicators "
        "indicators and --periods years",
    )
    demo.add_argument("--areas", type=positive, default=150)
    demo.add_argument("--indicators", type=positive, default=2000)
    demo.add_argument("--periods", type=positive, default=10)
    demo.add_argument(
        "--force",
        action="store_true",
        help="replace the data in the database DATABASE_URL names even if it is not the demo's",
    )

    serve = commands.add_parser("serve", help="serve the pages for the database DATABASE_URL names")
    serve.add_argument("--port", type=port, default=8000)
    serve.add_argument(
        "--production",
        action="store_true",
        help="serve with gunicorn and the production settings (SCORECARD_* variables, see "
        "docs/deploy.md); the database must be migrated already",
    )
    serve.add_argument("--host", default="127.0.0.1", help="the address to listen on")
    serve.add_argument(
        "--workers", type=workers, default=None, help="gunicorn processes (production only)"
    )

    load = commands.add_parser("import", help="import measures, observations and other files")
    load.add_argument("files", nargs="+", type=Path, metavar="FILE")
    load.add_argument(
        "--tenant",
        metavar="SLUG",
        help="the council new plans, organisations, boards and people go into (else the "
        "default one); identifiers are unique across the whole instance",
    )

    export = commands.add_parser(
        "export",
        help="export ratings, the scorecard, the framework, people, delivery, risks or "
        "benchmarking comparisons "
        "as JSON or CSV (CSV files of the framework, people, delivery and risks import again)",
    )
    export.add_argument("what", choices=EXPORT_KINDS, metavar="WHAT", help=", ".join(EXPORT_KINDS))
    export.add_argument("--format", choices=["json", "csv"], default="json")
    export.add_argument("--period", help="as at this period (needed for the scorecard)")
    export.add_argument("--plan", help="only this plan (its plan_id)")
    export.add_argument(
        "--indicator", help="comparisons: only this comparator indicator (e.g. Fingertips 90284)"
    )
    export.add_argument("--measure", help="comparisons: only the indicator this measure links to")
    export.add_argument("-o", "--output", type=Path, help="write to this file, not the screen")
    export.add_argument("--as-at", metavar="WHEN", help=AS_AT_HELP)
    export.add_argument("--tenant", metavar="SLUG", help="only this council's items")

    report = commands.add_parser(
        "report",
        help="write a committee paper (corporate, programme, actions, dashboard, risks) "
        "as HTML, PDF, Word or Excel",
    )
    report.add_argument("kind", choices=REPORT_KINDS, metavar="KIND", help=", ".join(REPORT_KINDS))
    report.add_argument("--period", required=True, help="as at this period, e.g. 'Q2 2019/20'")
    report.add_argument("--format", choices=["html", "pdf", "docx", "xlsx"], default="pdf")
    report.add_argument(
        "--plan", help="this plan (its plan_id); else the first plan with something to report"
    )
    report.add_argument(
        "-o", "--output", type=Path, help="write to this file (else a name made from the report)"
    )
    report.add_argument(
        "--layout",
        choices=["cards", "long"],
        help="the corporate report's measure pages: a compact card per measure (the default) "
        "or the long form, the periods down the page",
    )
    backup = commands.add_parser(
        "backup",
        help="write every row (figures with their history, the audit trail, people) "
        "to one JSON file (gzipped when FILE ends .gz)",
    )
    backup.add_argument("file", type=Path, metavar="FILE")
    restore = commands.add_parser(
        "restore", help="put back a backup into an empty database at the same migrations"
    )
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.add_argument(
        "--replace", action="store_true", help="replace everything already in the database"
    )
    unlock = commands.add_parser(
        "unlock",
        help="let a username locked out by failed sign-ins try again at once, from every "
        "address (the failures stay in the record)",
    )
    unlock.add_argument("username", metavar="USERNAME")
    remind = commands.add_parser(
        "remind", help="email owners with updates still due, on their cycles' reminder dates"
    )
    remind.add_argument("--date", help="as if today were this date (YYYY-MM-DD)")
    report.add_argument("--as-at", metavar="WHEN", help=AS_AT_HELP)
    report.add_argument("--tenant", metavar="SLUG", help="as this council: only its plans")
    report.add_argument(
        "--meeting",
        metavar="YYYY-MM-DD",
        help="the paper record for the meeting on this date (programme, corporate, board, "
        "lead-member); else the latest meeting's",
    )
    tenant = commands.add_parser(
        "tenant",
        help="the councils on this instance: list them, add one, rename one, give one a host",
    )
    tenant.add_argument("action", choices=["list", "add", "rename", "host"], metavar="ACTION")
    tenant.add_argument("slug", nargs="?", help="add, rename, host: the council's short name")
    tenant.add_argument(
        "name",
        nargs="?",
        help="add, rename: the council's name; host: the host name its public scorecard is "
        "served on (none to take it away)",
    )
    return parser
