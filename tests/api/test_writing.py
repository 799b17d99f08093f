"""Writing through the API: owners their own items, the team everything in its plan, nobody
anything else; a refused or invalid write is a 403 or 400 and writes nothing."""

from decimal import Decimal

import pytest

from scorecard.core.units import published_text
from scorecard.cycles.models import Submission
from scorecard.delivery.models import HighlightReport, Milestone, Project, ProjectUpdate
from scorecard.demo.loader import add_demo_cycles
from scorecard.framework.models import Plan, Programme
from scorecard.measures.models import (
    ComparatorValue,
    Measure,
    Observation,
    ObservationRevision,
    Target,
)
from scorecard.people.models import Person
from scorecard.risks.models import Risk, RiskAssessment
from scorecard.scoring.figures import figure

pytestmark = pytest.mark.django_db

LATER = "2019/20 Q2"  # after BP-HV-NBV's latest figure (2019/20 Q1)


def _same(saved, sent) -> bool:
    """A figure sent as "86.4" may come back as "86.40": equal as numbers."""
    if isinstance(sent, str) and isinstance(saved, str) and saved != sent:
        try:
            return Decimal(saved) == Decimal(sent)
        except ArithmeticError:
            return False
    return saved == sent


def item_url(prefix: str, body: dict) -> str:
    """The API address of an item from its representation (its natural id or number)."""
    from scorecard.api.views import ENDPOINTS

    lookup = ENDPOINTS[prefix].lookup_field
    return f"/api/{prefix}/{body['id' if lookup == 'pk' else lookup]}/"


def read_back(client, url: str, expected: dict) -> dict:
    """A write is only as good as what is read afterwards: GET the item again (a new request,
    from the database) and check every field has the value sent."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.content)
    body = response.json()
    wrong = {
        field: (body.get(field), value)
        for field, value in expected.items()
        if not _same(body.get(field), value)
    }
    assert not wrong, f"{url}: saved (read back, sent): {wrong}"
    return body


def written(client, method: str, url: str, sent: dict, status: int, **expected) -> dict:
    """Send a write, check its status, and read the item back: each field sent (or given in
    `expected`, where the API stores another form of it) must be what is saved."""
    response = getattr(client, method)(url, sent, format="json")
    assert response.status_code == status, (url, response.content)
    body = response.json()
    at = url if method != "post" else item_url(url.strip("/").split("/")[1], body)
    return read_back(client, at, {**sent, **expected})


def observation(measure_id="BP-HV-NBV", period=LATER, **values):
    return {"measure": measure_id, "period": period, "value": "86.4", **values}


def test_an_owner_enters_their_measures_next_value(api_as):
    body = written(api_as("owner"), "post", "/api/observations/", observation(), 201)
    assert body["period"] == "2019/20 Q2"
    assert Decimal(body["value"]) == Decimal("86.4")
    saved = Observation.objects.get(measure__measure_id="BP-HV-NBV", period="2019/20 Q2")
    assert saved.entered_by == "Jenny Thompson"


def test_periods_are_accepted_in_any_form_and_stored_canonically(api_as):
    body = written(
        api_as("owner"),
        "post",
        "/api/observations/",
        observation(period="Q2 2019/20"),
        201,
        period="2019/20 Q2",
    )
    saved = Observation.objects.get(pk=body["id"])
    assert saved.period == "2019/20 Q2"
    assert saved.period_kind == "quarter"


def test_an_owner_cannot_enter_someone_elses_measure(api_as):
    before = Observation.objects.count()
    response = api_as("owner").post(
        "/api/observations/",
        observation("BP-FIN-RBO", period="2019/20 Q3", value="12"),
        format="json",
    )
    assert response.status_code == 403
    assert Observation.objects.count() == before


def test_an_owner_cannot_change_someone_elses_figure(api_as):
    theirs = Observation.objects.filter(measure__measure_id="BP-FIN-RBO").first()
    response = api_as("owner").patch(
        f"/api/observations/{theirs.pk}/", {"value": "1"}, format="json"
    )
    assert response.status_code == 403
    theirs.refresh_from_db()
    assert theirs.value != Decimal(1)


def test_an_owner_cannot_move_their_figure_onto_someone_elses_measure(api_as):
    mine = Observation.objects.filter(measure__measure_id="BP-HV-NBV").first()
    response = api_as("owner").patch(
        f"/api/observations/{mine.pk}/", {"measure": "BP-FIN-RBO"}, format="json"
    )
    assert response.status_code == 403
    mine.refresh_from_db()
    assert mine.measure.measure_id == "BP-HV-NBV"


def test_a_revised_figure_keeps_what_it_was(api_as):
    mine = Observation.objects.filter(measure__measure_id="BP-HV-NBV").last()
    was = mine.value
    body = written(
        api_as("owner"), "patch", f"/api/observations/{mine.pk}/", {"value": "49.9"}, 200
    )
    revision = ObservationRevision.objects.filter(observation=mine).latest("replaced_at")
    assert revision.value == was
    assert Decimal(body["revisions"][0]["value"]) == was


def test_a_viewer_writes_nothing(api_as):
    client = api_as("viewer")
    assert client.post("/api/observations/", observation(), format="json").status_code == 403
    measure = Measure.objects.get(measure_id="BP-HV-NBV")
    response = client.patch(
        f"/api/measures/{measure.measure_id}/", {"title": "Changed"}, format="json"
    )
    assert response.status_code == 403
    measure.refresh_from_db()
    assert measure.title != "Changed"


def test_the_public_writes_nothing(public_api):
    response = public_api.post("/api/observations/", observation(), format="json")
    assert response.status_code == 401
    assert not Observation.objects.filter(period="2019/20 Q2", measure__measure_id="BP-HV-NBV")


def test_an_owner_may_not_add_measures_or_set_targets(api_as):
    client = api_as("owner")
    response = client.post("/api/targets/", {"measure": "BP-HV-NBV", "value": "90"}, format="json")
    assert response.status_code == 403
    response = client.post(
        "/api/measures/",
        {"measure_id": "NEW-1", "title": "New", "polarity": "higher", "unit": "count"},
        format="json",
    )
    assert response.status_code == 403
    assert not Measure.objects.filter(measure_id="NEW-1").exists()


def test_an_owner_may_not_publish_or_hand_over_their_measure(api_as):
    client = api_as("owner")
    measure = Measure.objects.get(measure_id="BP-HV-NBV")
    for change in ({"published": False}, {"owners": ["tjohnson"]}, {"archived_at": None}):
        response = client.patch("/api/measures/BP-HV-NBV/", change, format="json")
        assert response.status_code in (200, 403), response.content
    measure.refresh_from_db()
    assert measure.published
    assert list(measure.owners.values_list("person_id", flat=True)) == ["jthompson"]
    response = client.patch("/api/measures/BP-HV-NBV/", {"published": False}, format="json")
    assert response.status_code == 403
    written(client, "patch", "/api/measures/BP-HV-NBV/", {"notes": "Checked"}, 200, published=True)


def test_an_owner_reports_on_their_programme_but_not_anothers(api_as):
    mine = Programme.objects.get(owners__person_id="jthompson")
    theirs = Programme.objects.get(owners__person_id="tjohnson")
    report = {"period": "2019/20 Q1", "status": "G", "areas_of_success": "On track"}
    client = api_as("owner")
    written(client, "post", "/api/highlight-reports/", {**report, "programme": mine.pk}, 201)
    response = client.post(
        "/api/highlight-reports/", {**report, "programme": theirs.pk}, format="json"
    )
    assert response.status_code == 403
    assert not HighlightReport.objects.filter(programme=theirs, period="2019/20 Q1").exists()


def test_the_team_writes_anything_in_its_plans(api_as):
    client = api_as("performance")
    sent = observation("BP-FIN-RBO", period="2019/20 Q3", value="12")
    written(client, "post", "/api/observations/", sent, 201)
    sent = {"measure": "BP-FIN-RBO", "from_period": "2020/21", "value": "5"}
    target = Target.objects.get(pk=written(client, "post", "/api/targets/", sent, 201)["id"])
    assert target.from_period == "2020/21"
    assert target.from_month == target.measure.targets.get(pk=target.pk).from_month >= 0
    sent = {
        "measure_id": "BP-NEW",
        "title": "New measure",
        "polarity": "higher",
        "unit": "count",
        "frequency": "quarterly",
        "plan": "business-plan",
        "owners": ["jthompson"],
    }
    written(client, "post", "/api/measures/", sent, 201)
    assert Measure.objects.get(measure_id="BP-NEW").owners.get().person_id == "jthompson"
    archived = {"archived_at": "2020-01-01T00:00:00Z"}
    written(client, "patch", "/api/measures/BP-NEW/", archived, 200)
    assert Measure.objects.get(measure_id="BP-NEW").archived_at is not None


def test_a_team_member_for_one_plan_writes_only_in_that_plan(api_as):
    member = Person.objects.get(user__username="performance")
    member.plans.set([Plan.objects.get(plan_id="business-plan")])
    client = api_as("performance")
    sent = observation("BP-FIN-RBO", period="2019/20 Q3", value="12")
    written(client, "post", "/api/observations/", sent, 201)
    other = Measure.objects.get(measure_id="CPB-CLA-RATE")
    response = client.post(
        "/api/observations/", observation(other.measure_id, period="2018-04"), format="json"
    )
    assert response.status_code == 403
    assert not other.observations.filter(period="2018-04").exists()


def test_the_team_adds_projects_updates_milestones_risks_and_assessments(api_as):
    client = api_as("performance")
    posts = [
        (
            "/api/projects/",
            {
                "project_id": "BP-NEW-1",
                "title": "A new project",
                "plan": "business-plan",
                "owner": "jthompson",
            },
        ),
        (
            "/api/project-updates/",
            {
                "project": "BP-NEW-1",
                "period": "Sep-19",
                "status": "A",
                "latest_position": "Started",
            },
        ),
        (
            "/api/milestones/",
            {
                "project": "BP-NEW-1",
                "title": "Start",
                "due": "2019-10-01",
                "revised_due": ["2019-11-01"],
            },
        ),
        ("/api/risks/", {"reference": "RSK-NEW", "title": "A new risk", "plan": "business-plan"}),
        (
            "/api/risk-assessments/",
            {
                "risk": "RSK-NEW",
                "assessed_on": "2019-10-01",
                "period": "2019/20 Q2",
                "likelihood": 3,
                "impact": 4,
            },
        ),
    ]
    # Stored in their own form: a month as "2019-09".
    stored = {"/api/project-updates/": {"period": "2019-09"}}
    for url, body in posts:
        written(client, "post", url, body, 201, **stored.get(url, {}))
    assert ProjectUpdate.objects.get(project__project_id="BP-NEW-1").period == "2019-09"
    assert Milestone.objects.get(project__project_id="BP-NEW-1").revised_due == ["2019-11-01"]
    assessment = RiskAssessment.objects.get(risk__reference="RSK-NEW")
    assert assessment.score == 12
    assert client.get(f"/api/risk-assessments/{assessment.pk}/").json()["score"] == 12


def test_a_project_update_may_say_no_direction_and_carry_its_highlights(api_as):
    project = Project.objects.first()
    client = api_as("performance")
    update = {
        "project": project.project_id,
        "period": "2019/20 Q3",
        "status": "A",
        "direction": "none",
        "areas_of_success": "Hub staffed",
        "areas_of_concern": "Turnover",
        "focus_next_quarter": "Open the hub",
    }
    written(client, "post", "/api/project-updates/", update, 201)
    refused = client.post(
        "/api/project-updates/", {**update, "direction": "sideways"}, format="json"
    )
    assert refused.status_code == 400 and "direction" in refused.json()


def test_a_projects_owner_updates_it_and_no_other(api_as):
    project = Project.objects.first()
    project.owner = Person.objects.get(person_id="jthompson")
    project.save()
    other = Project.objects.exclude(pk=project.pk).first()
    client = api_as("owner")
    update = {"period": "2019/20 Q3", "status": "G"}
    written(client, "post", "/api/project-updates/", {**update, "project": project.project_id}, 201)
    assert (
        client.post(
            "/api/project-updates/", {**update, "project": other.project_id}, format="json"
        ).status_code
        == 403
    )
    assert not other.updates.filter(period="2019/20 Q3").exists()


def test_an_owner_assesses_their_risk(api_as):
    risk = Risk.objects.first()
    client = api_as("owner2")
    body = {"risk": risk.reference, "assessed_on": "2020-01-02", "likelihood": 2, "impact": 2}
    assert client.post("/api/risk-assessments/", body, format="json").status_code == 403
    risk.owner = Person.objects.get(person_id="tjohnson")
    risk.save()
    written(client, "post", "/api/risk-assessments/", body, 201, score=4)


def test_an_api_write_is_in_the_audit_trail_with_who_made_it(api_as):
    from scorecard.audit.models import AuditEntry

    response = api_as("owner").post("/api/observations/", observation(), format="json")
    assert response.status_code == 201
    entry = AuditEntry.objects.filter(
        model="measures.observation", object_id=str(response.json()["id"])
    ).get()
    assert entry.who.startswith("Jenny Thompson")


def test_a_change_sent_with_a_stale_etag_is_refused_and_nothing_is_lost(api_as):
    mine = Observation.objects.filter(measure__measure_id="BP-HV-NBV").last()
    url = f"/api/observations/{mine.pk}/"
    owner, team = api_as("owner"), api_as("performance")
    tag = owner.get(url)["ETag"]
    assert tag
    # The team corrects the figure while the owner is still looking at the old one.
    first = team.patch(url, {"value": "50.5"}, format="json", HTTP_IF_MATCH=tag)
    assert first.status_code == 200, first.content
    assert first["ETag"] != tag
    second = owner.patch(url, {"value": "49.9"}, format="json", HTTP_IF_MATCH=tag)
    assert second.status_code == 412
    detail = second.json()["detail"]
    assert "changed by Planning and Performance Team" in detail
    assert "has not been saved" in detail
    mine.refresh_from_db()
    assert mine.value == Decimal("50.5")
    # Read again, change again: now it goes through.
    fresh = owner.get(url)["ETag"]
    assert (
        owner.patch(url, {"value": "49.9"}, format="json", HTTP_IF_MATCH=fresh).status_code == 200
    )
    read_back(owner, url, {"value": "49.9"})


def test_naming_yourself_author_does_not_make_a_programme_yours(api_as):
    hers = Programme.objects.get(owners__person_id="jthompson")
    body = {"programme": hers.pk, "period": "2019/20 Q1", "status": "R", "author": "tjohnson"}
    response = api_as("owner2").post("/api/highlight-reports/", body, format="json")
    assert response.status_code == 403
    assert not HighlightReport.objects.filter(programme=hers, period="2019/20 Q1").exists()
    # Her report, by her: he cannot take it over or move it to his programme either.
    body["author"] = "jthompson"
    created = written(api_as("owner"), "post", "/api/highlight-reports/", body, 201)
    url = f"/api/highlight-reports/{created['id']}/"
    assert api_as("owner2").patch(url, {"author": "tjohnson"}, format="json").status_code == 403
    his = Programme.objects.get(owners__person_id="tjohnson")
    assert api_as("owner").patch(url, {"programme": his.pk}, format="json").status_code == 403
    read_back(api_as("owner"), url, {"author": "jthompson", "programme": hers.pk})


# What a measure is, and where things sit, is the team's, even on an owner's own item.
MEASURE_DEFINITION = {
    "measure_id": "BP-HV-NBV-2",
    "title": "Another title",
    "description": "Another meaning",
    "polarity": "lower",
    "unit": "count",
    "rate_per": 1000,
    "money_unit": "thousands",
    "frequency": "annual",
    "tolerance": "50",
    "tolerance_type": "absolute",
    "steady_band": "9",
    "compare_with": "same_period_last_year",
    "discontinued_from": "2020/21",
    "baseline_period": "2015/16",
    "decimals": 4,
    "outcome": None,
    "programme": "her programme",
}


@pytest.mark.parametrize("field", sorted(MEASURE_DEFINITION))
def test_an_owner_cannot_change_what_their_measure_means(api_as, field):
    from scorecard.audit.models import AuditEntry

    measure = Measure.objects.get(measure_id="BP-HV-NBV")
    entries = AuditEntry.objects.count()
    value = MEASURE_DEFINITION[field]
    refused = 403
    if field == "programme":
        # Her programme is in another plan: that is refused before who may change it is asked.
        value, refused = Programme.objects.get(owners__person_id="jthompson").pk, 400
    response = api_as("owner").patch("/api/measures/BP-HV-NBV/", {field: value}, format="json")
    assert response.status_code == refused, response.content
    assert AuditEntry.objects.count() == entries
    assert Measure.objects.get(pk=measure.pk).measure_id == "BP-HV-NBV"


def test_the_team_changes_what_a_measure_means(api_as):
    change = {"title": "Renamed", "tolerance": "2.5"}
    written(api_as("performance"), "patch", "/api/measures/BP-HV-NBV/", change, 200)
    measure = Measure.objects.get(measure_id="BP-HV-NBV")
    assert (measure.title, measure.tolerance) == ("Renamed", Decimal("2.5"))


def test_an_owner_still_writes_their_notes_and_commentary(api_as):
    client = api_as("owner")
    change = {"notes": "Checked", "source": "Survey"}
    written(client, "patch", "/api/measures/BP-HV-NBV/", change, 200)
    mine = Observation.objects.filter(measure__measure_id="BP-HV-NBV").last()
    change = {"commentary": "Better", "status": ""}
    written(client, "patch", f"/api/observations/{mine.pk}/", change, 200)


def their_action(username="owner"):
    from scorecard.delivery.models import Action

    return Action.objects.filter(owners__user__username=username).first()


def test_an_owner_updates_their_actions_status_and_dates_but_not_its_place(api_as):
    from scorecard.delivery.models import ActionPlan

    action = their_action()
    client = api_as("owner")
    url = f"/api/actions/{action.pk}/"
    written(client, "patch", url, {"status": "A", "revised_due": ["2030-01-01"]}, 200)
    other = ActionPlan.objects.filter(plan=action.action_plan.plan).exclude(
        pk=action.action_plan_id
    )
    for change in (
        {"action_plan": other.first().pk},
        {"reference": "99.9"},
        {"owners": ["tjohnson"]},
        {"order": 99},
    ):
        assert client.patch(url, change, format="json").status_code == 403, change
    action.refresh_from_db()
    assert action.reference != "99.9"
    assert action.action_plan_id != other.first().pk


def test_an_owner_cannot_change_their_risks_title_plan_or_programmes(api_as):
    risk = Risk.objects.first()
    risk.owner = Person.objects.get(person_id="jthompson")
    risk.save()
    client = api_as("owner")
    url = f"/api/risks/{risk.reference}/"
    written(client, "patch", url, {"controls": "Weekly checks"}, 200)
    programme = Programme.objects.filter(plan=risk.plan).first()
    for change in ({"title": "Smaller"}, {"target_score": 1}, {"programmes": [programme.pk]}):
        assert client.patch(url, change, format="json").status_code == 403, change
    assert not risk.programmes.exists()


def test_an_owner_cannot_rename_or_move_their_programme(api_as):
    mine = Programme.objects.get(owners__person_id="jthompson")
    url = f"/api/programmes/{mine.pk}/"
    client = api_as("owner")
    written(client, "patch", url, {"description": "What we do"}, 200)
    assert client.patch(url, {"name": "Mine now"}, format="json").status_code == 403
    assert client.patch(url, {"lead": "Someone"}, format="json").status_code == 403
    read_back(client, url, {"name": mine.name, "lead": mine.lead})


def new_in_business_plan(client, prefix, body):
    return written(client, "post", f"/api/{prefix}/", {"plan": "business-plan", **body}, 201)


def test_an_action_moves_only_to_an_action_plan_of_its_own_plan(api_as):
    from scorecard.delivery.models import Action

    team = api_as("performance")
    elsewhere = new_in_business_plan(team, "action-plans", {"name": "Elsewhere"})
    action = Action.objects.first()
    response = team.patch(
        f"/api/actions/{action.pk}/", {"action_plan": elsewhere["id"]}, format="json"
    )
    assert response.status_code == 400
    assert "action_plan" in response.json()
    action.refresh_from_db()
    assert action.action_plan_id != elsewhere["id"]


def test_an_action_plans_programme_is_of_its_plan(api_as):
    team = api_as("performance")
    programme = Programme.objects.exclude(plan__plan_id="business-plan").first()
    response = team.post(
        "/api/action-plans/",
        {"plan": "business-plan", "name": "Wrong programme", "programme": programme.pk},
        format="json",
    )
    assert response.status_code == 400
    assert "programme" in response.json()


def test_a_risks_programmes_are_of_its_plan(api_as):
    team = api_as("performance")
    risk = Risk.objects.exclude(plan=None).first()
    programme = Programme.objects.exclude(plan=risk.plan).first() or Programme.objects.create(
        plan=Plan.objects.exclude(pk=risk.plan_id).first(), name="Elsewhere"
    )
    url = f"/api/risks/{risk.reference}/"
    response = team.patch(url, {"programmes": [programme.pk]}, format="json")
    assert response.status_code == 400
    assert "programmes" in response.json()
    assert not risk.programmes.filter(pk=programme.pk).exists()
    ours = Programme.objects.filter(plan=risk.plan).first()
    written(team, "patch", url, {"programmes": [ours.pk]}, 200)
    # Moving the risk to another plan with its old programmes is refused too.
    response = team.patch(url, {"plan": programme.plan.plan_id}, format="json")
    assert response.status_code == 400
    assert "programmes" in response.json()


def test_a_measure_moved_to_another_plan_cannot_keep_its_old_outcome(api_as):
    measure = Measure.objects.filter(plan__plan_id="business-plan").exclude(outcome=None).first()
    response = api_as("performance").patch(
        f"/api/measures/{measure.measure_id}/", {"plan": "cypp"}, format="json"
    )
    assert response.status_code == 400
    assert "outcome" in response.json()


def test_the_team_archives_and_restores_a_measure(api_as):
    team = api_as("performance")
    url = "/api/measures/BP-HV-NBV/"
    written(team, "patch", url, {"archived_at": "2020-01-01T00:00:00Z"}, 200)
    # Archived, nothing in it changes (not even for the team) until it is restored.
    assert team.patch(url, {"title": "Renamed"}, format="json").status_code == 403
    figure = Observation.objects.filter(measure__measure_id="BP-HV-NBV").last()
    response = api_as("owner").patch(
        f"/api/observations/{figure.pk}/", {"commentary": "Late"}, format="json"
    )
    assert response.status_code == 403
    written(team, "patch", url, {"archived_at": None}, 200)
    assert Measure.objects.get(measure_id="BP-HV-NBV").archived_at is None


def _an_item_url(prefix: str) -> str:
    from scorecard.api.views import ENDPOINTS

    view = ENDPOINTS[prefix]
    item = view.queryset.model._default_manager.order_by("pk").first()
    assert item is not None, f"the demo has no {prefix}"
    lookup = view.lookup_field
    return f"/api/{prefix}/{getattr(item, lookup)}/"


def _api_prefixes() -> list[str]:
    from scorecard.api.views import ENDPOINTS

    return sorted(ENDPOINTS)


@pytest.mark.parametrize("prefix", _api_prefixes())
def test_an_item_put_back_as_read_is_saved_unchanged(api_as, prefix):
    """PUT, offered on every item: the representation just read, sent back whole, is accepted
    and changes nothing (every field reads back the same)."""
    client = api_as("admin")
    url = _an_item_url(prefix)
    before = client.get(url)
    assert before.status_code == 200, before.content
    response = client.put(url, before.json(), format="json", HTTP_IF_MATCH=before["ETag"])
    assert response.status_code == 200, (url, response.content)
    read_back(client, url, before.json())


def test_an_owners_figure_written_through_the_api_is_sent_in_as_the_form_sends_it(api_as):
    add_demo_cycles()  # the Q3 2019/20 cycle, taking entries
    body = observation(period="2019/20 Q3")
    response = api_as("owner").post("/api/observations/", body, format="json")
    assert response.status_code == 201, response.content
    submission = Submission.objects.get(measure__measure_id="BP-HV-NBV", period="2019/20 Q3")
    assert submission.state == Submission.State.SUBMITTED
    assert submission.submitted_by.username == "owner"
    assert submission.cycle.period == "2019/20 Q3"
    # A figure no open cycle asks for is saved, and sends nothing in.
    response = api_as("owner").post("/api/observations/", observation(), format="json")
    assert response.status_code == 201, response.content
    assert not Submission.objects.filter(period=LATER).exists()


def test_decimals_the_team_sets_are_the_house_style_and_blank_shows_each_figure_as_written(
    api_as,
):
    url = "/api/measures/BP-FIN-RBO/"
    seed = Observation.objects.get(measure__measure_id="BP-FIN-RBO", period="2017/18 Q4")

    def shown() -> str:
        measure = Measure.objects.get(measure_id="BP-FIN-RBO")
        return figure(measure, seed.value, written=seed.written_decimals)

    assert shown() == "£2.18m"  # as the seed writes it (the measure's most decimals: 3)
    assert api_as("performance").patch(url, {"decimals": 3}, format="json").status_code == 200
    assert shown() == "£2.180m"
    assert api_as("performance").patch(url, {"decimals": None}, format="json").status_code == 200
    assert shown() == "£2.18m"


def test_a_figure_reads_back_as_it_was_written(api_as):
    """The API gives a figure's value with the decimals it was published with ("2.18", not the
    stored "2.18000000"; "58" beside "71.4"), for observations, their revisions and
    comparators, so what is read is what the council published and can be sent back as is."""
    client = api_as("performance")
    figure = Observation.objects.get(measure__measure_id="BP-FIN-RBO", period="2017/18 Q4")
    assert client.get(f"/api/observations/{figure.pk}/").json()["value"] == "2.18"
    url = f"/api/observations/{figure.pk}/"
    before = client.get(url)
    response = client.patch(url, {"value": "2.5"}, format="json", HTTP_IF_MATCH=before["ETag"])
    assert response.status_code == 200, response.content
    read = client.get(url).json()
    assert (read["value"], [r["value"] for r in read["revisions"]]) == ("2.5", ["2.18"])
    comparator = ComparatorValue.objects.exclude(written_decimals=None).first()
    assert comparator is not None
    shown = client.get(f"/api/comparator-values/{comparator.pk}/").json()["value"]
    assert shown == published_text(comparator.value, comparator.written_decimals)
    assert "." not in shown or len(shown.split(".")[1]) == comparator.written_decimals


def test_the_team_sets_who_a_board_reports_to_and_a_programmes_board(api_as):
    """The governance diagram's links, written through the API with the framework file's rule:
    no board reports to itself or round a loop."""
    from scorecard.framework.models import Board

    client = api_as("performance")
    trust = Board.objects.get(name="Somerset Children's Trust Board")
    executive = Board.objects.get(name="Children's Trust Executive")
    cabinet = Board.objects.get(name="Cabinet")
    written(client, "patch", f"/api/boards/{cabinet.pk}/", {"reports_to": trust.pk}, 200)
    programme = Programme.objects.filter(plan__plan_id="cypp").first()
    written(client, "patch", f"/api/programmes/{programme.pk}/", {"board": executive.pk}, 200)

    itself = client.patch(f"/api/boards/{trust.pk}/", {"reports_to": trust.pk}, format="json")
    assert itself.status_code == 400
    assert "cannot report to itself" in itself.json()["reports_to"][0]
    # The Executive reports to the Trust Board: the Trust Board reporting to the Executive, or
    # to Cabinet (which now reports to it), would close a loop.
    for above in (executive, cabinet):
        loop = client.patch(f"/api/boards/{trust.pk}/", {"reports_to": above.pk}, format="json")
        assert loop.status_code == 400, loop.content
        assert "that would make a loop" in loop.json()["reports_to"][0]
    trust.refresh_from_db()
    assert trust.reports_to is None
