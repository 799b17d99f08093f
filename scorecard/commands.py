"""What each `scorecard` command does, once Django is set up."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from scorecard.cli import CommandFailed

DEMO_DATA_DIR = Path(__file__).resolve().parent / "demo" / "data"


DEMO_LOADER = "demo loader"


def _holds_other_data() -> bool:
    """Anything in the database that the demo did not put there."""
    from scorecard.framework.models import Plan
    from scorecard.measures.models import Observation

    demo_plans = {"business-plan", "cypp", "corporate-parenting"}
    return (
        Observation.objects.exclude(entered_by=DEMO_LOADER).exists()
        or Plan.objects.exclude(plan_id__in=demo_plans).exists()
    )


def _empty_database() -> None:
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0)


def demo_files() -> list[Path]:
    return sorted(DEMO_DATA_DIR.glob("*.csv"))


def load_demo(force: bool = False) -> str:
    """Empty the database and load the demo; refuse to empty one holding other data."""
    from scorecard.interchange.importer import import_files

    if not force and _holds_other_data():
        raise CommandFailed(
            "the database DATABASE_URL names holds data that is not the demo's; "
            "use --force to replace it, or unset DATABASE_URL to use scorecard-demo.sqlite3"
        )
    _empty_database()
    result = str(import_files(demo_files(), entered_by=DEMO_LOADER))
    add_demo_users()
    return result


# Demo only: the README lists these sign-ins so anyone trying the demo can use the forms.
DEMO_PASSWORD = "scorecard-demo"  # noqa: S105 -- published in the README, demo database only


def add_demo_users() -> None:
    """A sign-in for every role (README), and what the two owners own."""
    from django.contrib.auth.models import Group, User

    from scorecard.people.permissions import PERFORMANCE_TEAM

    team, _ = Group.objects.get_or_create(name=PERFORMANCE_TEAM)
    User.objects.create_superuser("admin", password=DEMO_PASSWORD)
    performance = User.objects.create_user("performance", password=DEMO_PASSWORD)
    performance.groups.add(team)
    _link_person(performance, "planning-and-performance-team")
    for username, person_id, ownership in DEMO_OWNERS:
        owner = User.objects.create_user(username, password=DEMO_PASSWORD)
        _give_ownership(_link_person(owner, person_id), **ownership)
    User.objects.create_user("viewer", password=DEMO_PASSWORD)
    _publish_demo_measures()


# Who owns what in the demo: `owner` reports public health and social care figures, leads the
# second CYPP programme and owns her corporate-parenting actions; `owner2` the others named.
DEMO_OWNERS = (
    (
        "owner",
        "jthompson",
        {
            "measures": ["BP-HV-NBV", "BP-HV-ASQ", "BP-PH-BF", "BP-ASC-CQC", "CPB-CLA-RATE"],
            "programme": "Promoting healthy outcomes",
        },
    ),
    (
        "owner2",
        "tjohnson",
        {
            "measures": ["BP-FIN-RBO", "BP-VOL-ENQ", "CPB-VISITS-SEEN", "CPB-PLACEMENT-STABILITY"],
            "programme": "Achieving effective multi-agency support",
        },
    ),
)


def _link_person(user, person_id: str):
    from scorecard.people.models import Person

    person = Person.objects.get(person_id=person_id)
    person.user = user
    person.save(update_fields=["user"])
    return person


def _give_ownership(person, measures: list[str], programme: str) -> None:
    from scorecard.framework.models import Programme
    from scorecard.measures.models import Measure

    person.measures.add(*Measure.objects.filter(measure_id__in=measures))
    Programme.objects.get(plan__plan_id="cypp", name__startswith=programme).owners.add(person)


def _publish_demo_measures() -> None:
    """The business plan's measures are in a public Cabinet paper: publish those."""
    from scorecard.measures.models import Measure

    Measure.objects.filter(plan__plan_id="business-plan").update(published=True)


def _serve(port: int) -> int:
    from scorecard.server import serve

    return serve(port)


def _import(files: list[Path]) -> int:
    from scorecard.interchange.errors import ImportRejected
    from scorecard.interchange.importer import import_files

    try:
        result = import_files(files, entered_by=f"import by {os.environ.get('USER', 'unknown')}")
    except ImportRejected as rejected:
        for error in rejected.errors:
            print(error, file=sys.stderr)
        raise CommandFailed(str(rejected)) from None
    print(result)
    return 0


def _check_plan(plan_id: str | None) -> None:
    if plan_id:
        from scorecard.framework.models import Plan

        if not Plan.objects.filter(plan_id=plan_id).exists():
            known = ", ".join(Plan.objects.values_list("plan_id", flat=True)) or "none yet"
            raise CommandFailed(f"--plan: there is no plan '{plan_id}' (plans: {known})")


def _export_ratings(arguments: argparse.Namespace) -> str:
    from scorecard.interchange import exporter

    records = exporter.rating_records(arguments.plan)
    if arguments.format == "json":
        return exporter.as_json(records)
    return exporter.as_csv(records, exporter.RATING_COLUMNS)


def _export_scorecard(arguments: argparse.Namespace) -> str:
    from scorecard.core.period_parser import parse_period
    from scorecard.core.periods import PeriodError
    from scorecard.interchange import exporter

    if not arguments.period:
        raise CommandFailed("export scorecard needs --period, e.g. --period '2019/20 Q2'")
    try:
        as_at = parse_period(arguments.period)
    except PeriodError as exc:
        raise CommandFailed(f"--period: {exc}") from None
    document = exporter.scorecard_document(as_at, arguments.plan)
    if arguments.format == "json":
        return exporter.as_json(document)
    return exporter.as_csv(document["measures"], exporter.SCORECARD_COLUMNS)


def _export(arguments: argparse.Namespace) -> int:
    from scorecard.interchange import delivery_export

    _check_plan(arguments.plan)
    if arguments.what == "ratings":
        text = _export_ratings(arguments)
    elif arguments.what == "scorecard":
        text = _export_scorecard(arguments)
    elif arguments.format == "json":
        text = delivery_export.export_json(arguments.what, arguments.plan)
    else:
        text = delivery_export.export_csv(arguments.what, arguments.plan)
    _write_output(text, arguments.output)
    return 0


def _report(arguments: argparse.Namespace) -> int:
    from scorecard.core.period_parser import parse_period
    from scorecard.core.periods import PeriodError
    from scorecard.reports.document import ReportUnavailable
    from scorecard.reports.kinds import KINDS, file_name, render

    try:
        as_at = parse_period(arguments.period)
    except PeriodError as exc:
        raise CommandFailed(f"--period: {exc}") from None
    try:
        report = KINDS[arguments.kind].build(as_at, arguments.plan)
    except ReportUnavailable as exc:
        raise CommandFailed(f"report {arguments.kind}: {exc}") from None
    output = arguments.output or Path(file_name(report, arguments.format, arguments.plan or ""))
    _write_output(render(report, arguments.format), output)
    print(f"Wrote {output}", file=sys.stderr)
    return 0


def _write_output(content: str | bytes, output: Path | None) -> None:
    """Write through a temporary file beside the output, so a failure (a full disk) never
    leaves half a file under the name asked for."""
    if output is None:
        sys.stdout.write(content if isinstance(content, str) else content.decode("utf-8"))
        return
    partial = output.with_name(output.name + ".partial")
    try:
        if isinstance(content, bytes):
            partial.write_bytes(content)
        else:
            partial.write_text(content, encoding="utf-8")
        partial.replace(output)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise CommandFailed(f"cannot write {output}: {exc.strerror}") from None


def run(arguments: argparse.Namespace) -> int:
    from django.db import DatabaseError

    try:
        if arguments.command == "demo":
            print(load_demo(arguments.force), file=sys.stderr)
            return 0 if arguments.no_serve else _serve(arguments.port)
        if arguments.command == "serve":
            return _serve(arguments.port)
        if arguments.command == "import":
            return _import(arguments.files)
        if arguments.command == "report":
            return _report(arguments)
        return _export(arguments)
    except DatabaseError as exc:
        raise CommandFailed(f"database error: {str(exc).strip().splitlines()[0]}") from None
