"""The demo council (`scorecard demo`): its files, sign-ins, cycles and second council, loaded
into an emptied database; and the synthetic council for measuring scale (synthetic.py)."""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path
from typing import TypedDict

DEMO_DATA_DIR = Path(__file__).resolve().parent / "data"
# The demo's second, made-up council, in a tenant of its own (README there).
OTHER_COUNCIL_DIR = DEMO_DATA_DIR / "other-council"
DEMO_TENANT = ("default", "Somerset County Council")
OTHER_TENANT = ("northshire", "Northshire Council")


DEMO_LOADER = "demo loader"


class DemoRefused(Exception):
    """The database holds data that is not the demo's, and replacing it was not asked for."""


def _holds_other_data() -> bool:
    """Anything in the database that the demo did not put there."""
    from scorecard.framework.models import Plan
    from scorecard.measures.models import Observation

    demo_plans = {
        "business-plan",
        "cypp",
        "corporate-parenting",
        "children-families",
        "northshire-plan",
    }
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
        raise DemoRefused(
            "the database DATABASE_URL names holds data that is not the demo's; "
            "use --force to replace it, or unset DATABASE_URL to use scorecard-demo.sqlite3"
        )
    from django.contrib.auth.models import User
    from django.db import transaction

    from scorecard.audit.actor import acting_as
    from scorecard.audit.capture import batched
    from scorecard.demo.papers import add_demo_papers
    from scorecard.demo.year_paper import add_demo_year_one_paper, add_demo_year_paper

    _empty_database()
    # One transaction, so that the audit trail's entries are written together at its end.
    from scorecard.tenancy.models import Tenant

    with acting_as(DEMO_LOADER), transaction.atomic(), batched():
        slug, name = DEMO_TENANT
        Tenant.objects.create(slug=slug, name=name)
        result = str(import_files(demo_files(), entered_by=DEMO_LOADER))
        add_demo_users()
        add_demo_cycles()
        team = User.objects.get(username="performance")
        add_demo_papers(team)
        add_demo_year_paper(team)
        add_demo_year_one_paper(team)
        add_other_council()
    return result


def add_other_council(entered_by: str = DEMO_LOADER) -> None:
    """The demo's second council (Northshire), in its own tenant, through the importer as
    `scorecard import --tenant northshire` does; its performance officer signs in as
    `northshire`, and its one measure is published."""
    from django.contrib.auth.models import Group

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
    officer = demo_user("northshire")
    officer.groups.add(team)
    _link_person(officer, "northshire-performance")
    audited_update(Measure.objects.filter(plan__plan_id="northshire-plan"), published=True)


def add_synthetic_users() -> None:
    """Sign-ins for the synthetic council: admin, the performance team and a viewer (the
    synthetic council names no owners), with the demo's password."""
    from django.contrib.auth.models import Group

    from scorecard.people.permissions import PERFORMANCE_TEAM

    demo_user("admin", superuser=True)
    team, _ = Group.objects.get_or_create(name=PERFORMANCE_TEAM)
    demo_user("performance").groups.add(team)
    demo_user("viewer")


def load_synthetic(
    measures: int, years: int, national: tuple[int, int, int] | None = None, force: bool = False
) -> str:
    """Empty the database and load a synthetic council of `measures` measures with `years`
    years of monthly figures, and with `national` (areas, indicators, periods) a national
    benchmark set too; refuse to empty a database holding other data, as load_demo."""
    from django.db import transaction

    from scorecard.audit.actor import acting_as
    from scorecard.audit.capture import batched
    from scorecard.demo.synthetic import council_files, load_national
    from scorecard.interchange.importer import import_files

    if not force and _holds_other_data():
        raise DemoRefused(
            "the database DATABASE_URL names holds data that is not the demo's; "
            "use --force to replace it"
        )
    _empty_database()
    with tempfile.TemporaryDirectory() as folder:
        files = council_files(Path(folder), measures, years)
        with acting_as(DEMO_LOADER), transaction.atomic(), batched():
            result = str(import_files(files, entered_by=DEMO_LOADER))
            add_synthetic_users()
    if national is not None:
        with transaction.atomic():
            values = load_national(*national)
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


# Demo only: the README lists these sign-ins so anyone trying the demo can use the forms.
DEMO_PASSWORD = "scorecard-demo"  # noqa: S105 - in the README; demo only  # nosec B105


@cache
def _hashed(password: str, hashers: tuple[str, ...]) -> str:
    """The password hashed once for every demo sign-in (by the hashers in force): hashing is
    slow on purpose, about half a second a time, which was the better part of loading the
    demo; a salt shared by sign-ins whose password the README prints hides nothing."""
    from django.contrib.auth.hashers import make_password

    return make_password(password)


def demo_user(username: str, superuser: bool = False):
    """A demo sign-in with the demo password (a superuser: staff too, as Django makes one)."""
    from django.conf import settings
    from django.contrib.auth.models import User

    return User.objects.create(
        username=username,
        password=_hashed(DEMO_PASSWORD, tuple(settings.PASSWORD_HASHERS)),
        is_staff=superuser,
        is_superuser=superuser,
    )


def add_demo_users() -> None:
    """A sign-in for every role (README), and what the two owners own."""
    from django.contrib.auth.models import Group

    from scorecard.people.permissions import PERFORMANCE_TEAM

    team, _ = Group.objects.get_or_create(name=PERFORMANCE_TEAM)
    demo_user("admin", superuser=True)
    performance = demo_user("performance")
    performance.groups.add(team)
    _link_person(performance, "planning-and-performance-team")
    for username, person_id, ownership in DEMO_OWNERS:
        owner = demo_user(username)
        _give_ownership(_link_person(owner, person_id), **ownership)
    demo_user("viewer")
    _publish_demo_measures()


# Who owns what in the demo: `owner` reports public health and social care figures, leads the
# second CYPP programme and owns her corporate-parenting actions; `owner2` the others named.
class Ownership(TypedDict):
    """What a demo owner is given: measures by their ids, a programme by its name's start."""

    measures: list[str]
    programme: str


DEMO_OWNERS: tuple[tuple[str, str, Ownership], ...] = (
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
