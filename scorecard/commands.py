"""What each `scorecard` command does, once Django is set up."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from scorecard.cli import CommandFailed

DEMO_DATA_DIR = Path(__file__).resolve().parent / "demo" / "data"
# The demo's second, made-up council, in a tenant of its own (README there).
OTHER_COUNCIL_DIR = DEMO_DATA_DIR / "other-council"
DEMO_TENANT = ("default", "Somerset County Council")
OTHER_TENANT = ("northshire", "Northshire Council")


DEMO_LOADER = "demo loader"


def _holds_other_data() -> bool:
    """Anything in the database that the demo did not put there."""
    from scorecard.framework.models import Plan
    from scorecard.measures.models import Observation

    demo_plans = {"business-plan", "cypp", "corporate-parenting", "northshire-plan"}
    return (
        Observation.objects.exclude(entered_by=DEMO_LOADER).exists()
        or Plan.objects.exclude(plan_id__in=demo_plans).exists()
    )


def _empty_database() -> None:
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0)


def demo_files() -> list[Path]:
    """The shipped reference areas and statistical neighbours, then the demo's own files."""
    from scorecard.benchmarking.reference import AREAS, STATISTICAL_NEIGHBOURS

    return [AREAS, STATISTICAL_NEIGHBOURS, *sorted(DEMO_DATA_DIR.glob("*.csv"))]


def load_demo(force: bool = False) -> str:
    """Empty the database and load the demo; refuse to empty one holding other data."""
    from scorecard.interchange.importer import import_files

    if not force and _holds_other_data():
        raise CommandFailed(
            "the database DATABASE_URL names holds data that is not the demo's; "
            "use --force to replace it, or unset DATABASE_URL to use scorecard-demo.sqlite3"
        )
    from django.db import transaction

    from scorecard.audit.actor import acting_as
    from scorecard.audit.capture import batched

    _empty_database()
    # One transaction, so that the audit trail's entries are written together at its end.
    from scorecard.tenancy.models import Tenant

    with acting_as(DEMO_LOADER), transaction.atomic(), batched():
        slug, name = DEMO_TENANT
        Tenant.objects.create(slug=slug, name=name)
        result = str(import_files(demo_files(), entered_by=DEMO_LOADER))
        add_demo_users()
        add_demo_cycles()
        add_other_council()
    return result


def add_other_council(entered_by: str = DEMO_LOADER) -> None:
    """The demo's second council (Northshire), in its own tenant, through the importer as
    `scorecard import --tenant northshire` does; its performance officer signs in as
    `northshire`, and its one measure is published."""
    from django.contrib.auth.models import Group, User

    from scorecard.audit.capture import audited_update
    from scorecard.interchange.importer import import_files
    from scorecard.measures.models import Measure
    from scorecard.people.permissions import PERFORMANCE_TEAM
    from scorecard.tenancy.models import Tenant
    from scorecard.tenancy.scope import acting_for

    Tenant.default()  # the data already here stays the first council's
    slug, name = OTHER_TENANT
    tenant, _ = Tenant.objects.get_or_create(slug=slug, defaults={"name": name})
    with acting_for(tenant, limit=False):
        import_files(sorted(OTHER_COUNCIL_DIR.glob("*.csv")), entered_by=entered_by)
    team, _ = Group.objects.get_or_create(name=PERFORMANCE_TEAM)
    officer = User.objects.create_user("northshire", password=DEMO_PASSWORD)
    officer.groups.add(team)
    _link_person(officer, "northshire-performance")
    audited_update(Measure.objects.filter(plan__plan_id="northshire-plan"), published=True)


def add_synthetic_users() -> None:
    """Sign-ins for the synthetic council: admin, the performance team and a viewer (the
    synthetic council names no owners), with the demo's password."""
    from django.contrib.auth.models import Group, User

    from scorecard.people.permissions import PERFORMANCE_TEAM

    User.objects.create_superuser("admin", password=DEMO_PASSWORD)
    team, _ = Group.objects.get_or_create(name=PERFORMANCE_TEAM)
    User.objects.create_user("performance", password=DEMO_PASSWORD).groups.add(team)
    User.objects.create_user("viewer", password=DEMO_PASSWORD)


def load_synthetic(arguments: argparse.Namespace) -> str:
    """Empty the database and load a synthetic council (and national set), as load_demo."""
    import tempfile

    from django.db import transaction

    from scorecard.audit.actor import acting_as
    from scorecard.audit.capture import batched
    from scorecard.interchange.importer import import_files
    from scorecard.synthetic import council_files, load_national

    if not arguments.force and _holds_other_data():
        raise CommandFailed(
            "the database DATABASE_URL names holds data that is not the demo's; "
            "use --force to replace it"
        )
    _empty_database()
    with tempfile.TemporaryDirectory() as folder:
        files = council_files(Path(folder), arguments.measures, arguments.years)
        with acting_as(DEMO_LOADER), transaction.atomic(), batched():
            result = str(import_files(files, entered_by=DEMO_LOADER))
            add_synthetic_users()
    if arguments.national:
        with transaction.atomic():
            values = load_national(arguments.areas, arguments.indicators, arguments.periods)
        result += f"; {values} national benchmark values"
    return result


def add_demo_cycles() -> None:
    """The Q3 2019/20 reporting cycles of the business plan and the CYPP (the demo's data run
    to Q2, so the owners have figures and a highlight report due)."""
    from datetime import date

    from django.contrib.auth.models import User

    from scorecard.core.periods import Period
    from scorecard.cycles.models import ReportingCycle
    from scorecard.framework.models import Plan

    for plan in Plan.objects.filter(plan_id__in=["business-plan", "cypp"]):
        cycle = ReportingCycle(
            plan=plan,
            opens=date(2019, 12, 16),
            deadline=date(2020, 1, 17),
            closes=date(2020, 1, 31),
        )
        cycle.set_period(Period.quarter(2019, 3))
        cycle.save()
        cycle.reminders.create(on=date(2020, 1, 6))
        cycle.reminders.create(on=date(2020, 1, 15))
    # The reminder emails need somewhere to go (the console, in the demo).
    for username, address in (("owner", "jenny.thompson"), ("owner2", "tony.johnson")):
        User.objects.filter(username=username, email="").update(email=f"{address}@example.org")


def _remind(on: str | None) -> int:
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


# Demo only: the README lists these sign-ins so anyone trying the demo can use the forms.
DEMO_PASSWORD = "scorecard-demo"  # noqa: S105 - in the README; demo only  # nosec B105


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
    from scorecard.audit.capture import audited_update
    from scorecard.measures.models import Measure

    audited_update(Measure.objects.filter(plan__plan_id="business-plan"), published=True)


def _serve(port: int, host: str = "127.0.0.1") -> int:
    from scorecard.server import serve

    return serve(port, host)


def _serve_production(arguments: argparse.Namespace) -> int:
    from django.db import connections

    from scorecard.server import collect_static, gunicorn_command

    collect_static()
    connections.close_all()
    command = gunicorn_command(arguments.host, arguments.port, arguments.workers)
    os.execv(command[0], command)  # noqa: S606 - our interpreter, our arguments  # nosec B606
    return 0  # not reached: gunicorn took over the process


def _tenant(slug: str | None):
    """The tenant a --tenant option names (None when not given)."""
    if not slug:
        return None
    from scorecard.tenancy.models import Tenant

    tenant = Tenant.objects.filter(slug=slug).first()
    if tenant is None:
        known = ", ".join(Tenant.objects.values_list("slug", flat=True)) or "none yet"
        raise CommandFailed(f"--tenant: there is no council '{slug}' (councils: {known})")
    return tenant


def _tenant_command(arguments: argparse.Namespace) -> int:
    """`scorecard tenant list|add SLUG NAME|rename SLUG NAME|host SLUG [HOST]`."""
    from django.utils.text import slugify

    from scorecard.tenancy.models import Tenant

    if arguments.action == "list":
        Tenant.default()
        for tenant in Tenant.objects.order_by("pk"):
            print(f"{tenant.slug}\t{tenant.name}" + (f"\t{tenant.host}" if tenant.host else ""))
        return 0
    if arguments.action == "host":
        return _tenant_host(_tenant(arguments.slug), arguments.name or "")
    if not arguments.slug or not arguments.name:
        raise CommandFailed(f"tenant {arguments.action} needs a SLUG and a NAME")
    if slugify(arguments.slug) != arguments.slug:
        raise CommandFailed(
            f"'{arguments.slug}' is not a short name: use lower-case letters, digits and hyphens"
        )
    if arguments.action == "add":
        Tenant.default()  # the data already here stays the first council's
        if Tenant.objects.filter(slug=arguments.slug).exists():
            raise CommandFailed(f"there is already a council '{arguments.slug}'")
        if Tenant.objects.filter(name=arguments.name).exists():
            raise CommandFailed(f"there is already a council named '{arguments.name}'")
        Tenant.objects.create(slug=arguments.slug, name=arguments.name)
        print(f"Added {arguments.name} ({arguments.slug})", file=sys.stderr)
        return 0
    tenant = _tenant(arguments.slug)
    if Tenant.objects.filter(name=arguments.name).exclude(pk=tenant.pk).exists():
        raise CommandFailed(f"there is already a council named '{arguments.name}'")
    tenant.name = arguments.name
    tenant.save(update_fields=["name"])
    print(f"Renamed {arguments.slug}: {arguments.name}", file=sys.stderr)
    return 0


def _tenant_host(tenant, host: str) -> int:
    """Serve the council's public scorecard on its own host name (blank: on none)."""
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_domain_name

    from scorecard.tenancy.models import Tenant

    host = host.strip().lower()
    if host:
        try:
            validate_domain_name(host)
        except ValidationError:
            raise CommandFailed(
                f"'{host}' is not a host name, like scorecard.example.gov.uk"
            ) from None
        other = Tenant.objects.filter(host=host).exclude(pk=tenant.pk).first()
        if other is not None:
            raise CommandFailed(f"the host {host} is already the council '{other.slug}'s")
    tenant.host = host
    tenant.save(update_fields=["host"])
    done = f"serves its public scorecard on {host}" if host else "has no host name of its own"
    print(f"{tenant.name} ({tenant.slug}) {done}", file=sys.stderr)
    return 0


def _import(files: list[Path], tenant=None) -> int:
    from django.db import transaction

    from scorecard.audit.actor import acting_as
    from scorecard.audit.capture import batched
    from scorecard.interchange.errors import ImportNotSaved, ImportRejected
    from scorecard.interchange.importer import import_files
    from scorecard.tenancy.scope import acting_for

    entered_by = f"import by {os.environ.get('USER', 'unknown')}"
    try:
        # New plans, organisations, boards and people go into the council named; identifiers
        # are the whole instance's, so rows already here are found whichever council holds them.
        with (
            acting_as(entered_by),
            acting_for(tenant, limit=False),
            transaction.atomic(),
            batched(),
        ):
            result = import_files(files, entered_by=entered_by)
    except ImportRejected as rejected:
        for error in rejected.errors:
            print(error, file=sys.stderr)
        raise CommandFailed(str(rejected)) from None
    except ImportNotSaved as failed:
        raise CommandFailed(str(failed)) from None
    print(result)
    for line in result.warning_lines():
        print(line)
    return 0


def _check_plan(plan_id: str | None) -> None:
    if plan_id:
        from scorecard.framework.models import Plan

        if not Plan.objects.filter(plan_id=plan_id).exists():
            known = ", ".join(Plan.objects.values_list("plan_id", flat=True)) or "none yet"
            raise CommandFailed(f"--plan: there is no plan '{plan_id}' (plans: {known})")


def _as_at(arguments: argparse.Namespace):
    """The moment --as-at names, else None."""
    from scorecard.audit.when import AsAtError, parse_as_at

    if arguments.as_at is None:
        return None
    try:
        return parse_as_at(arguments.as_at)
    except AsAtError as exc:
        raise CommandFailed(f"--as-at: {exc}") from None


def _export(arguments: argparse.Namespace) -> int:
    from contextlib import nullcontext

    from scorecard.audit.rewind import as_at

    moment = _as_at(arguments)
    _check_plan(arguments.plan)
    _check_period(arguments.period)
    with as_at(moment) if moment else nullcontext():
        text = _export_text(arguments)
    _write_output(text, arguments.output)
    return 0


def _check_period(text: str | None) -> None:
    """Every export reads --period in any form DESIGN §4 accepts, and refuses one it cannot
    read, whatever the kind: a mistyped period must never give an export silently unfiltered
    or empty. (Comparisons read Fingertips' forms too: they check their own.)"""
    from scorecard.benchmarking.fingertips import read_period
    from scorecard.core.periods import PeriodError

    if text is None:
        return
    try:
        read_period(text)
    except PeriodError as exc:
        raise CommandFailed(f"--period: {exc}") from None


def _export_text(arguments: argparse.Namespace) -> str:
    from scorecard.interchange.export_kinds import ExportOptions, ExportRefused, export_text

    options = ExportOptions(
        format=arguments.format,
        plan=arguments.plan,
        period=arguments.period,
        indicator=arguments.indicator,
        measure=arguments.measure,
    )
    try:
        return export_text(arguments.what, options)
    except ExportRefused as refused:
        raise CommandFailed(str(refused)) from None


def _as_tenant(arguments: argparse.Namespace, command) -> int:
    """Run an export or report as one council (--tenant): only its plans and items."""
    from contextlib import nullcontext

    from scorecard.tenancy.scope import acting_for

    tenant = _tenant(arguments.tenant)
    with acting_for(tenant) if tenant is not None else nullcontext():
        return command(arguments)


def _report(arguments: argparse.Namespace) -> int:
    from scorecard.core.period_parser import parse_period
    from scorecard.core.periods import PeriodError
    from scorecard.reports.as_at import build_report, rendered
    from scorecard.reports.document import ReportUnavailable
    from scorecard.reports.kinds import file_name

    try:
        as_at = parse_period(arguments.period)
    except PeriodError as exc:
        raise CommandFailed(f"--period: {exc}") from None
    moment = _as_at(arguments)
    try:
        report = build_report(arguments.kind, as_at, arguments.plan, moment)
    except ReportUnavailable as exc:
        raise CommandFailed(f"report {arguments.kind}: {exc}") from None
    output = arguments.output or Path(file_name(report, arguments.format, arguments.plan or ""))
    content = rendered(report, arguments.format, moment)
    _write_output(content, output)
    print(f"Wrote {output}", file=sys.stderr)
    _warn_of_wrong_claims(report, content if arguments.format == "html" else None)
    return 0


def _warn_of_wrong_claims(report, html: str | bytes | None) -> None:
    """Say, before publication, which changes stated in the paper's text its own figures do
    not bear out (docs/rules.md, "Claims in text"). A warning, not a failure: the paper is
    the team's to correct."""
    from scorecard.reports.claims import claims_in_paper
    from scorecard.reports.render_html import render_html

    text = html if html is not None else render_html(report)
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


def _backup(path: Path) -> int:
    from scorecard.backup import BackupError, backup

    try:
        count = backup(path)
    except BackupError as exc:
        raise CommandFailed(str(exc)) from None
    print(f"{count} rows written to {path}", file=sys.stderr)
    return 0


def _restore(path: Path, replace: bool) -> int:
    from scorecard.backup import BackupError, restore

    try:
        count = restore(path, replace)
    except BackupError as exc:
        raise CommandFailed(str(exc)) from None
    print(f"{count} rows restored from {path}", file=sys.stderr)
    return 0


def _maintenance(arguments: argparse.Namespace) -> int:
    if arguments.command == "backup":
        return _backup(arguments.file)
    if arguments.command == "restore":
        return _restore(arguments.file, arguments.replace)
    return _unlock(arguments.username)


def _unlock(username: str) -> int:
    from scorecard.people import signin

    name = username.strip().casefold()
    if signin.unlock(name):
        print(f"Unlocked {name}: it can sign in again from every address")
    else:
        print(f"{name} was not locked: nothing to do")
    return 0


def _serve_command(arguments: argparse.Namespace) -> int:
    if arguments.production:
        return _serve_production(arguments)
    return _serve(arguments.port, arguments.host)


def run(arguments: argparse.Namespace) -> int:
    from django.db import DatabaseError

    try:
        if arguments.command == "demo":
            loaded = (
                load_synthetic(arguments) if arguments.synthetic else load_demo(arguments.force)
            )
            print(loaded, file=sys.stderr)
            return 0 if arguments.no_serve else _serve(arguments.port)
        if arguments.command == "serve":
            return _serve_command(arguments)
        if arguments.command == "import":
            return _import(arguments.files, _tenant(arguments.tenant))
        if arguments.command == "tenant":
            return _tenant_command(arguments)
        if arguments.command == "report":
            return _as_tenant(arguments, _report)
        if arguments.command == "remind":
            return _remind(arguments.date)
        if arguments.command in ("backup", "restore", "unlock"):
            return _maintenance(arguments)
        return _as_tenant(arguments, _export)
    except DatabaseError as exc:
        raise _database_failure(exc) from None


def _database_failure(exc: Exception) -> CommandFailed:
    from scorecard.interchange.errors import storage_failure

    if (reason := storage_failure(exc)) is not None:
        return CommandFailed(disk_full(reason))
    return CommandFailed(f"database error: {str(exc).strip().splitlines()[0]}")


def disk_full(reason: str) -> str:
    return (
        f"nothing was saved, as the disk could not be written ({reason}); "
        "make room on the disk and try again"
    )
