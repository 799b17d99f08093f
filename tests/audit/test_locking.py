"""Optimistic locking: of two people editing the same item, the second save is refused with a
clear message, the first one's values stay, and the second one's input is shown again."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from scorecard.audit import locking
from scorecard.audit.locking import edit_token
from scorecard.delivery.action_forms import ActionForm, ActionPlanForm
from scorecard.delivery.highlight_forms import HighlightReportForm
from scorecard.delivery.models import Action, ActionPlan, HighlightReport, Milestone, Project
from scorecard.delivery.project_forms import MilestoneForm, ProjectForm
from scorecard.papers.forms import PaperForm, PaperSettingsForm
from scorecard.papers.models import Implication, Paper, PaperSettings
from scorecard.people.models import Person
from scorecard.risks.forms import RiskForm
from scorecard.risks.models import Risk

pytestmark = pytest.mark.django_db

REFUSED = "while you were editing. Your changes have not been saved; they are shown below"
TOKEN = re.compile(r'name="edit_token" value="([0-9a-f]+)"')


@pytest.fixture
def team() -> Client:
    client = Client()
    client.force_login(User.objects.get(username="performance"))
    return client


def _health_plan() -> ActionPlan:
    # The plan's first, not id 1: PostgreSQL and SQLite do not reuse ids between tests; and not
    # by name, which the tests change.
    return ActionPlan.objects.filter(plan__plan_id="corporate-parenting").order_by("pk").first()


def posted(form) -> dict:
    """What the browser sends back for an unchanged form, as the page rendered it."""
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if field.disabled or value in (None, "", False):
            continue
        if value is True:
            data[name] = "on"
        elif isinstance(value, list | tuple):
            data[name] = [str(v) for v in value]
        else:
            data[name] = str(value)
    return data


@dataclass(frozen=True)
class Case:
    noun: str
    find: object  # () -> the stored item
    form: object  # item -> an unbound form for it
    url: object  # item -> the edit page
    field: str  # the text both people change

    def item(self):
        return self.find()

    def token(self, item) -> str:
        """The token the edit page carries: the stored row's, or the form's own where it
        saves more than one row (a paper and its implications)."""
        form = self.form(item)
        return form.stored_token() if hasattr(form, "stored_token") else edit_token(item)


def _highlight():
    return HighlightReport.objects.order_by("pk").first()


def _saved(settings: PaperSettings) -> PaperSettings:
    """The council's paper settings, saved once (until then they are unsaved defaults)."""
    if settings.pk is None:
        settings.save()
    return settings


def _paper() -> Paper:
    """A draft paper of the demo's CYPP (started on first use, as the team starts one)."""
    from scorecard.core.period_parser import parse_period
    from scorecard.framework.models import Plan
    from scorecard.papers.actions import StartPaper

    found = Paper.objects.order_by("pk").first()
    if found is None:
        team = User.objects.get(username="performance")
        plan = Plan.objects.get(plan_id="cypp")
        found = StartPaper(
            team, plan, "programme", parse_period("Q4 2017/18"), "Cabinet", date(2018, 7, 9)
        ).execute()
    return found


CASES = [
    Case(
        "project",
        lambda: Project.objects.get(project_id="BP-PRJ-03"),
        lambda p: ProjectForm(instance=p),
        lambda p: f"/projects/{p.project_id}/edit/",
        "title",
    ),
    Case(
        "milestone",
        lambda: Milestone.objects.order_by("pk").first(),
        lambda m: MilestoneForm(instance=m, project=m.project),
        lambda m: f"/projects/{m.project.project_id}/milestones/{m.pk}/edit/",
        "title",
    ),
    Case(
        "action",
        lambda: Action.objects.get(action_plan=_health_plan(), reference="1.1"),
        lambda a: ActionForm(instance=a, action_plan=a.action_plan),
        lambda a: f"/actions/{a.pk}/edit/",
        "description",
    ),
    Case(
        "action plan",
        lambda: _health_plan(),
        lambda a: ActionPlanForm(instance=a),
        lambda a: f"/action-plans/{a.pk}/edit/",
        "name",
    ),
    Case(
        "highlight report",
        _highlight,
        lambda r: HighlightReportForm(instance=r, programme=r.programme),
        lambda r: f"/programmes/{r.programme_id}/highlight-reports/{r.period}/edit/",
        HighlightReport.SECTIONS[0][0],
    ),
    Case(
        "risk",
        lambda: Risk.objects.get(reference="ORG0009"),
        lambda r: RiskForm(instance=r),
        lambda r: f"/risks/{r.reference}/edit/",
        "title",
    ),
    Case(
        "paper",
        _paper,
        lambda p: PaperForm(instance=p),
        lambda p: f"/papers/{p.pk}/edit/",
        "summary",
    ),
    Case(
        "settings page",
        lambda: _saved(PaperSettings.current()),
        lambda s: PaperSettingsForm(instance=s),
        lambda s: "/papers/settings/",
        "implication_headings",
    ),
]
IDS = [case.noun.replace(" ", "-") for case in CASES]


def _someone_else_saves(case: Case, text: str) -> None:
    item = case.item()
    setattr(item, case.field, text)
    item.save()


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_edit_page_carries_the_token_of_the_stored_row(demo, team, case):
    page = team.get(case.url(case.item())).content.decode()
    assert TOKEN.search(page).group(1) == case.token(case.item())


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_second_of_two_edits_is_refused_and_nothing_is_lost(demo, team, case):
    mine = posted(case.form(case.item()))  # opened before the other person saved
    _someone_else_saves(case, "Their change")
    mine[case.field] = "My change <b>"
    response = team.post(case.url(case.item()), mine)
    page = response.content.decode()
    assert response.status_code == 200
    assert f"this {case.noun}" in page and REFUSED in page
    assert "My change &lt;b&gt;" in page  # the second person's input, shown again, escaped
    assert "is now saved as: Their change" in page  # and what the first one saved
    assert getattr(case.item(), case.field) == "Their change"  # the first one's stays
    # Having seen the message, they save again on purpose: it goes through.
    mine["edit_token"] = TOKEN.search(page).group(1)
    assert team.post(case.url(case.item()), mine).status_code == 302
    assert getattr(case.item(), case.field) == "My change <b>"


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_an_edit_with_nobody_else_saving_goes_through(demo, team, case):
    mine = posted(case.form(case.item()))
    mine[case.field] = "Only mine"
    assert team.post(case.url(case.item()), mine).status_code == 302
    assert getattr(case.item(), case.field) == "Only mine"


def test_a_change_of_owners_counts_as_a_change(demo, team):
    action = Action.objects.get(action_plan=_health_plan(), reference="1.1")
    token = edit_token(action)
    action.owners.add(Person.objects.get(person_id="tjohnson"))
    assert edit_token(action) != token
    mine = posted(ActionForm(instance=action, action_plan=action.action_plan))
    mine["edit_token"] = token
    assert REFUSED in team.post(f"/actions/{action.pk}/edit/", mine).content.decode()


def test_the_token_hashes_the_stored_row_not_unsaved_attributes(demo):
    project = Project.objects.get(project_id="BP-PRJ-03")
    token = edit_token(project)
    project.title = "Not saved"
    assert edit_token(project) == token
    assert edit_token(Project(project_id="NEW")) == ""
    project.save()
    assert edit_token(project) != token


def test_a_change_between_the_check_and_the_save_is_refused_too(demo):
    project = Project.objects.get(project_id="BP-PRJ-03")
    data = posted(ProjectForm(instance=project))
    data["title"] = "Mine"
    form = ProjectForm(data, instance=Project.objects.get(pk=project.pk))
    form.fields["project_id"].disabled = True
    assert form.is_valid()
    Project.objects.filter(pk=project.pk).update(title="Theirs")
    assert form.save_unless_changed() is None
    assert REFUSED in form.non_field_errors()[0]
    assert Project.objects.get(pk=project.pk).title == "Theirs"


def test_the_message_names_who_changed_it_and_when(demo, monkeypatch):
    when = datetime(2026, 3, 3, 10, 2, tzinfo=ZoneInfo("Europe/London"))
    monkeypatch.setattr(locking, "last_change", lambda item: ("Jenny Thompson", when))
    project = Project.objects.get(project_id="BP-PRJ-03")
    assert locking.conflict_message(project, "project") == (
        "Jenny Thompson changed this project on 3 March 2026 at 10:02 while you were editing. "
        "Your changes have not been saved; they are shown below so you can apply them again."
    )
    monkeypatch.setattr(locking, "last_change", lambda item: (None, when))
    assert locking.conflict_message(project, "project").startswith(
        "This project was changed on 3 March 2026 at 10:02 while you were editing."
    )
    monkeypatch.setattr(locking, "last_change", lambda item: (None, None))
    assert locking.conflict_message(project, "project").startswith(
        "Someone else changed this project while you were editing."
    )


def test_a_post_without_a_token_is_not_checked(demo, team):
    project = Project.objects.get(project_id="BP-PRJ-03")
    data = posted(ProjectForm(instance=project))
    del data["edit_token"]
    data["title"] = "From a script"
    assert team.post(f"/projects/{project.project_id}/edit/", data).status_code == 302


@pytest.mark.parametrize(
    ("url", "data", "message"),
    [
        (
            "/projects/new/",
            {"project_id": "BP-PRJ-03", "title": "Copy", "plan": "business-plan"},
            "already exists",
        ),
        (
            "/risks/new/",
            {"reference": "ORG0009", "title": "Copy"},
            "A risk with reference ORG0009 already exists",
        ),
    ],
)
def test_creating_a_duplicate_gives_a_clear_message(demo, team, url, data, message):
    from scorecard.framework.models import Plan

    if data.get("plan"):
        data["plan"] = str(Plan.objects.get(plan_id=data["plan"]).pk)
    response = team.post(url, data)
    assert response.status_code == 200 and message in response.content.decode()


def test_creating_a_duplicate_action_plan_gives_a_clear_message(demo, team):
    existing = _health_plan()
    data = {"plan": str(existing.plan_id), "name": existing.name}
    page = team.post("/action-plans/new/", data).content.decode()
    assert "This plan already has an action plan with that name" in page


def test_a_duplicate_saved_between_the_check_and_the_save_is_refused_not_a_500(demo):
    project = Project.objects.get(project_id="BP-PRJ-03")
    data = posted(ProjectForm(instance=project))
    data["project_id"] = "BP-PRJ-NEW"
    form = ProjectForm(data)
    assert form.is_valid()
    Project.objects.create(project_id="BP-PRJ-NEW", title="First", plan=project.plan)
    assert form.save_unless_changed() is None
    assert "was saved just now, so this project has not been saved" in form.non_field_errors()[0]
    assert Project.objects.filter(project_id="BP-PRJ-NEW").count() == 1


def test_an_owner_and_the_team_editing_the_same_action_through_the_pages(demo, team):
    action = Action.objects.get(action_plan=_health_plan(), reference="1.1")
    assert action.owners.filter(person_id="jthompson").exists()
    owner = Client()
    owner.force_login(User.objects.get(username="owner"))
    address = f"/actions/{action.pk}/edit/"
    hers = posted(ActionForm(instance=action, action_plan=action.action_plan))
    hers["edit_token"] = TOKEN.search(owner.get(address).content.decode()).group(1)
    theirs = dict(hers, edit_token=TOKEN.search(team.get(address).content.decode()).group(1))
    theirs["description"] = "The team's wording"
    assert team.post(address, theirs).status_code == 302
    hers["description"] = "Jenny's wording"
    page = owner.post(address, hers).content.decode()
    who, when = locking.last_change(action)
    expected = locking.conflict_message(action, "action")
    assert expected.replace("'", "&#x27;") in page
    # The audit trail names the person who saved first, and when.
    assert who and expected.startswith(f"{who} changed this action on {locking.said_moment(when)}")
    assert "Jenny&#x27;s wording" in page
    assert Action.objects.get(pk=action.pk).description == "The team's wording"


def test_a_change_to_a_papers_implication_counts_as_a_change(demo, team):
    paper = _paper()
    mine = posted(PaperForm(instance=paper))
    legal = paper.implications.get(heading="Legal")
    Implication.objects.filter(pk=legal.pk).update(text="Their legal advice")
    mine[PaperForm.implication_name(legal.pk)] = "My legal advice"
    page = team.post(f"/papers/{paper.pk}/edit/", mine).content.decode()
    assert REFUSED in page
    assert paper.implications.get(pk=legal.pk).text == "Their legal advice"


def test_a_paper_published_while_it_was_being_edited_is_not_changed(demo, team):
    """The edit page was opened on the draft; the paper was published before the change was
    sent: the published paper is not touched (it is the record of what went to committee)."""
    paper = _paper()
    mine = posted(PaperForm(instance=paper))
    Paper.objects.filter(pk=paper.pk).update(published_at=timezone.now(), published_by="Them")
    mine["summary"] = "Changed after publication"
    response = team.post(f"/papers/{paper.pk}/edit/", mine)
    assert response.status_code == 403
    assert "start a new version of it to make changes" in response.content.decode()
    assert Paper.objects.get(pk=paper.pk).summary != "Changed after publication"
