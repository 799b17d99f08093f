"""The demo council with a sign-in for every role, and sample items owned by `owner`."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client

from scorecard.demo.loader import add_demo_users, add_other_council
from tests.security.matrix import ROLES


@pytest.fixture(autouse=True)
def fresh_throttle():
    """Sign-in counts live in the cache: each test starts with none."""
    cache.clear()
    yield
    cache.clear()


def sample_items() -> SimpleNamespace:
    """One of each kind of item, every one owned by the demo `owner` (Jenny Thompson)."""
    from scorecard.delivery.models import Action, HighlightReport, Milestone, Project
    from scorecard.framework.models import Outcome, Programme
    from scorecard.measures.models import Measure
    from scorecard.people.models import Person
    from scorecard.risks.models import Risk

    jenny = Person.objects.get(user__username="owner")
    measure = Measure.objects.get(measure_id="BP-HV-NBV")
    programme = Programme.objects.filter(owners=jenny).first()
    action = Action.objects.filter(owners=jenny).order_by("pk").first()
    # Projects and risks have one owner each: give the samples to Jenny.
    project = Milestone.objects.order_by("pk").first().project
    Project.objects.filter(pk=project.pk).update(owner=jenny)
    risk = Risk.objects.order_by("pk").first()
    Risk.objects.filter(pk=risk.pk).update(owner=jenny)
    report = HighlightReport.objects.filter(programme=programme).order_by("pk").first()
    if report is None:
        report = HighlightReport.objects.order_by("pk").first()
        report.programme = programme
        report.save()
    target = User.objects.create_user("a-target", email="target@example.org")
    paper, seen_by, term, priority, narrative = _paper(programme)
    cycle, resubmit, decide = _cycles(report.period_obj, jenny)
    return SimpleNamespace(
        cycle=cycle,
        resubmit_key=resubmit,
        decide_key=decide,
        measure=measure,
        plan=measure.plan,
        outcome=Outcome.objects.order_by("pk").first(),
        programme=programme,
        action=action,
        project=project,
        milestone=project.milestones.order_by("pk").first(),
        risk=risk,
        report=SimpleNamespace(programme_id=report.programme_id, period=report.period_obj.label),
        target=target,
        owner=jenny,
        paper=paper,
        seen_by=seen_by,
        term=term,
        priority=priority,
        narrative=narrative,
    )


def _paper(programme):
    """A draft paper for the samples' plan, with a seen-by row, a glossary term, a priorities
    row (a board annual report's, on any paper alike) and a theme's words (a lead member
    report's, alike)."""
    from datetime import date

    from scorecard.papers.models import Paper

    paper = Paper.objects.create(
        plan=programme.plan,
        period="2017/18 Q4",
        committee="Cabinet",
        meeting_date=date(2018, 7, 9),
    )
    seen_by = paper.seen_by.create(role="County Solicitor", name="Honor Clarke")
    term = paper.glossary.create(term="CYPP", meaning="Children and Young People's Plan")
    priority = paper.priorities.create(priority="Keep children in care safe")
    narrative = paper.narratives.create(theme="Children's Social Care", area="Edge of Care")
    return paper, seen_by, term, priority, narrative


def _cycles(period, jenny):
    """A reporting cycle open today for every plan (if the cycles app is there), and the keys of
    an item of Jenny's to send again and of any item to decide on."""
    try:
        from scorecard.cycles import due
        from scorecard.cycles.models import ReportingCycle
    except ImportError:
        return None, "", ""
    from datetime import timedelta

    from django.utils import timezone

    from scorecard.framework.models import Plan
    from scorecard.people.permissions import owns

    today = timezone.localdate()
    first = None
    for plan in Plan.objects.all():
        cycle = ReportingCycle(
            plan=plan,
            opens=today - timedelta(days=7),
            deadline=today + timedelta(days=7),
            closes=today + timedelta(days=14),
        )
        cycle.set_period(period)
        cycle.save()
        first = first or cycle
    resubmit = decide = ""
    for cycle in ReportingCycle.objects.order_by("pk"):
        for item in due.due_items(cycle):
            decide = decide or item.key
            if item.kind != due.MEASURE and not resubmit and owns(jenny.user, item.item):
                resubmit, first = item.key, cycle
    return first, resubmit, decide


@pytest.fixture(scope="module")
def loaded_council(django_db_setup, django_db_blocker):
    """The demo council, its users and the samples, loaded once for a whole module inside a
    transaction rolled back at its end (each test runs in a savepoint within it, as
    `_demo_for_module`'s): the next module starts from an empty database, even when loading
    failed half-way."""
    from django.db import transaction

    from scorecard.demo.loader import demo_files
    from scorecard.interchange.importer import import_files
    from tests.demo_rows import load_demo

    with django_db_blocker.unblock(), transaction.atomic():
        load_demo("demo", lambda: import_files(demo_files(), entered_by="test"))
        add_demo_users()
        samples = sample_items()
        # The second council (its own tenant) comes after the samples: they are all the
        # first council's.
        add_other_council(entered_by="test")
        yield samples
        transaction.set_rollback(True)


@pytest.fixture
def demo_roles(loaded_council, db):
    return loaded_council


@pytest.fixture
def role_clients(demo_roles):
    """A client for each role, signed in (or not) before anything is measured."""
    clients = {}
    for role, username in ROLES.items():
        client = Client()
        if username:
            client.force_login(User.objects.get(username=username))
        clients[role] = client
    return clients
