"""Archive instead of delete: who may archive and restore, and where archived items disappear
(lists, the scorecard, report builders, exports) while their own pages still open."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import User

from scorecard.audit.archive import KINDS, Archive, ArchiveError, Restore
from scorecard.core.period_parser import parse_period
from scorecard.delivery.models import Action, ActionPlan, Project
from scorecard.demo.loader import demo_files
from scorecard.framework.models import Programme
from scorecard.interchange import delivery_export
from scorecard.interchange.exporter import rating_records, scorecard_document
from scorecard.interchange.importer import import_files
from scorecard.measures.models import Measure
from scorecard.reports.document import ReportUnavailable
from scorecard.reports.kinds import KINDS as REPORTS
from scorecard.reports.render_html import render_html
from scorecard.risks.models import Risk
from scorecard.scoring.scorecard import build_scorecard, summarise
from tests.signing_in import signed_in

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Case:
    """One kind of item, and where it shows until it is archived."""

    slug: str
    find: object  # () -> the item
    listed_at: str  # a page that lists it
    text: str  # how that page and the report name it
    report: tuple[str, str, str]  # kind, period, plan
    exported: object  # () -> the export's text

    @property
    def list_url(self) -> str:
        # Addresses that hold a primary key are worked out when the demo is loaded: PostgreSQL
        # and SQLite do not reuse ids between tests.
        return self.listed_at.format(health_plan=_health_plan().pk)

    def item(self):
        return self.find()

    def key(self) -> str:
        return KINDS[self.slug].key_of(self.item())


def _export(records) -> str:
    return repr(records)


def _health_plan() -> ActionPlan:
    return ActionPlan.objects.get(plan__plan_id="corporate-parenting", name="Health and Wellbeing")


CASES = [
    Case(
        "measure",
        lambda: Measure.objects.get(measure_id="BP-HV-NBV"),
        "/measures/?plan=business-plan",
        "Health Visitor mandated contacts",
        ("corporate", "Q2 2019/20", "business-plan"),
        lambda: _export(rating_records("business-plan")),
    ),
    Case(
        "project",
        lambda: Project.objects.get(project_id="BP-PRJ-03"),
        "/projects/?plan=business-plan&period=Q2 2019/20",
        "Library Service Redesign",
        ("corporate", "Q2 2019/20", "business-plan"),
        lambda: _export(delivery_export.project_records("business-plan")),
    ),
    Case(
        "action",
        lambda: Action.objects.get(action_plan=_health_plan(), reference="1.1"),
        "/action-plans/{health_plan}/?period=Q4 2017/18",
        "",  # set from the action's own description
        ("actions", "Q4 2017/18", "corporate-parenting"),
        lambda: _export(delivery_export.action_records("corporate-parenting")),
    ),
    Case(
        "action-plan",
        _health_plan,
        "/action-plans/?plan=corporate-parenting",
        "Health and Wellbeing",
        ("actions", "Q4 2017/18", "corporate-parenting"),
        lambda: _export(delivery_export.framework_records("corporate-parenting")),
    ),
    Case(
        "risk",
        lambda: Risk.objects.get(reference="ORG0009"),
        "/risks/",
        "Safeguarding Children",
        ("risks", "Q2 2018/19", "cypp"),
        lambda: _export(delivery_export.risk_records("cypp")),
    ),
    Case(
        "programme",
        lambda: Programme.objects.get(plan__plan_id="cypp", name__startswith="Promoting healthy"),
        "/highlight-reports/?plan=cypp",
        "Promoting healthy outcomes",
        ("programme", "Q4 2017/18", "cypp"),
        lambda: _export(delivery_export.framework_records("cypp")),
    ),
]
IDS = [case.slug for case in CASES]


def _text(case: Case) -> str:
    return case.text or case.item().description[:40]


def _report_html(case: Case) -> str:
    kind, period, plan = case.report
    try:
        return render_html(REPORTS[kind].build(parse_period(period), plan))
    except ReportUnavailable as unavailable:
        # The plan's only risk archived: the report says there is none to show.
        return str(unavailable)


def _page(case: Case) -> str:
    item = case.item()
    if hasattr(item, "get_absolute_url"):
        return item.get_absolute_url()
    return "/highlight-reports/?plan=cypp"


# --- who may -------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_team_archives_after_a_confirmation_and_restores(demo, case):
    team = signed_in("performance")
    address = f"/archive/{case.slug}/{case.key()}/"
    confirm = team.get(address).content.decode()
    assert "Are you sure you want to archive" in confirm and "Nothing is deleted" in confirm
    assert case.item().archived_at is None  # a GET changes nothing
    assert team.post(address).status_code == 302
    assert case.item().archived_at is not None
    assert team.post(f"/restore/{case.slug}/{case.key()}/").status_code == 302
    assert case.item().archived_at is None


@pytest.mark.parametrize("case", CASES, ids=IDS)
@pytest.mark.parametrize("username", ["owner", "viewer"])
def test_owners_and_viewers_may_not_archive_or_restore(demo, case, username):
    visitor = signed_in(username)
    for verb in ("archive", "restore"):
        address = f"/{verb}/{case.slug}/{case.key()}/"
        assert visitor.get(address).status_code == 403
        assert visitor.post(address).status_code == 403
    assert case.item().archived_at is None


def test_an_owner_may_not_archive_even_their_own_measure(demo):
    measure = Measure.objects.get(measure_id="BP-HV-NBV")
    assert measure.owners.filter(person_id="jthompson").exists()
    assert signed_in("owner").post("/archive/measure/BP-HV-NBV/").status_code == 403
    with pytest.raises(Exception, match="performance team"):
        Archive(measure, User.objects.get(username="owner")).execute()


@pytest.mark.parametrize("verb", ["archive", "restore"])
def test_anonymous_visitors_are_sent_to_sign_in(demo, anonymous_client, verb):
    response = anonymous_client.post(f"/{verb}/measure/BP-HV-NBV/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert Measure.objects.get(measure_id="BP-HV-NBV").archived_at is None


@pytest.mark.parametrize(
    "address", ["/archive/planet/X/", "/archive/measure/NO-SUCH/", "/archive/action/x1/"]
)
def test_unknown_kinds_and_items_are_not_found(demo, address):
    assert signed_in("performance").get(address).status_code == 404


def test_archiving_twice_is_harmless(demo):
    team = signed_in("admin")
    team.post("/archive/risk/ORG0009/")
    first = Risk.objects.get(reference="ORG0009").archived_at
    page = team.post("/archive/risk/ORG0009/", follow=True).content.decode()
    assert "was already archived" in page
    assert Risk.objects.get(reference="ORG0009").archived_at == first
    with pytest.raises(ArchiveError):
        Archive(Risk.objects.get(reference="ORG0009"), User.objects.get(username="admin")).execute()
    with pytest.raises(ArchiveError):
        Restore(
            Project.objects.get(project_id="BP-PRJ-03"), User.objects.get(username="admin")
        ).execute()


# --- where archived items disappear ---------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_archived_items_leave_lists_reports_and_exports(demo, case):
    team = signed_in("performance")
    text = _text(case)
    assert text in team.get(case.list_url).content.decode()
    assert text in _report_html(case)
    assert text in case.exported()
    team.post(f"/archive/{case.slug}/{case.key()}/")
    assert text not in team.get(case.list_url).content.decode()
    assert text not in _report_html(case)
    assert text not in case.exported()


@pytest.mark.parametrize("case", [c for c in CASES if c.slug != "programme"], ids=IDS[:-1])
def test_an_archived_item_page_still_opens_with_the_notice(demo, case):
    team = signed_in("performance")
    team.post(f"/archive/{case.slug}/{case.key()}/")
    for visitor in (team, signed_in("viewer")):
        response = visitor.get(_page(case))
        page = response.content.decode()
        assert response.status_code == 200
        assert "was archived on" in page
    assert f'action="/restore/{case.slug}/' in team.get(_page(case)).content.decode()
    assert "/restore/" not in signed_in("viewer").get(_page(case)).content.decode()


def test_the_archive_button_is_offered_to_the_team_only(demo):
    assert (
        "/archive/measure/BP-HV-NBV/"
        in signed_in("performance").get("/measures/BP-HV-NBV/").content.decode()
    )
    for username in ("owner", "viewer"):
        page = signed_in(username).get("/measures/BP-HV-NBV/").content.decode()
        assert "/archive/measure/" not in page


def test_an_archived_measure_leaves_the_scorecard_and_its_roll_ups(demo):
    period = parse_period("Q2 2019/20")
    before = summarise(period, "business-plan").total
    lines = build_scorecard(period, "business-plan").lines
    assert "BP-HV-NBV" in [line.measure.measure_id for line in lines]
    Archive(
        Measure.objects.get(measure_id="BP-HV-NBV"), User.objects.get(username="admin")
    ).execute()
    after = summarise(period, "business-plan").total
    assert "BP-HV-NBV" not in [
        line.measure.measure_id for line in build_scorecard(period, "business-plan").lines
    ]
    assert len(lines) - 1 == len(build_scorecard(period, "business-plan").lines)
    # Counted once in the roll-ups before, not at all after.
    assert sum(after.rag_counts.values()) + after.unrated == (
        sum(before.rag_counts.values()) + before.unrated - 1
    )
    ids = [m["measure_id"] for m in scorecard_document(period, "business-plan")["measures"]]
    assert "BP-HV-NBV" not in ids


def test_reimporting_an_archived_measure_finds_it_and_makes_no_copy(demo):
    Archive(
        Measure.objects.get(measure_id="BP-HV-NBV"), User.objects.get(username="admin")
    ).execute()
    count = Measure.objects.count()
    import_files(demo_files(), entered_by="test")
    assert Measure.objects.count() == count
    assert Measure.objects.filter(measure_id="BP-HV-NBV").count() == 1
    assert Measure.objects.get(measure_id="BP-HV-NBV").archived_at is not None
    assert not Measure.objects.current().filter(measure_id="BP-HV-NBV").exists()


def test_current_at_a_moment_keeps_items_archived_later(demo):
    risk = Risk.objects.get(reference="ORG0009")
    Archive(risk, User.objects.get(username="admin")).execute()
    risk.refresh_from_db()
    earlier = risk.archived_at.replace(year=risk.archived_at.year - 1)
    assert Risk.objects.current(at=earlier).filter(pk=risk.pk).exists()
    assert not Risk.objects.current().filter(pk=risk.pk).exists()
    assert Risk.objects.archived().filter(pk=risk.pk).exists()


def test_archiving_and_restoring_are_kept_in_the_audit_trail(demo):
    from scorecard.audit.models import AuditEntry

    team = signed_in("performance")
    team.post("/archive/project/BP-PRJ-03/")
    team.post("/restore/project/BP-PRJ-03/")
    project = Project.objects.get(project_id="BP-PRJ-03")
    entries = AuditEntry.objects.filter(model="delivery.project", object_id=str(project.pk))
    actions = list(entries.order_by("when", "pk").values_list("action", "user__username"))
    assert actions[-2:] == [("archived", "performance"), ("restored", "performance")]
