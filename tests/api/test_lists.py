"""Lists: filtered by plan, outcome, period, owner and organisation; paginated."""

import pytest

from scorecard.delivery.models import Project
from scorecard.framework.models import Organisation, Outcome
from scorecard.measures.models import Measure, Observation
from scorecard.people.models import Person

pytestmark = pytest.mark.django_db


def everything(client, url, **params):
    return client.get(url, {"page_size": 500, **params}).json()


def test_measures_by_plan_outcome_owner_and_organisation(api_as):
    client = api_as("viewer")
    in_plan = everything(client, "/api/measures/", plan="business-plan")
    assert in_plan["count"] == Measure.objects.filter(plan__plan_id="business-plan").count()
    assert {m["plan"] for m in in_plan["results"]} == {"business-plan"}

    outcome = Outcome.objects.filter(measure__isnull=False).first()
    by_outcome = everything(client, "/api/measures/", outcome=outcome.pk)
    assert by_outcome["count"] == Measure.objects.filter(outcome=outcome).count() > 0

    owned = everything(client, "/api/measures/", owner="jthompson")
    assert {m["measure_id"] for m in owned["results"]} == {
        "BP-HV-NBV",
        "BP-HV-ASQ",
        "BP-PH-BF",
        "BP-ASC-CQC",
        "CPB-CLA-RATE",
    }

    organisation = Organisation.objects.filter(measure__isnull=False).first()
    expected = Measure.objects.filter(organisation=organisation).count()
    assert everything(client, "/api/measures/", organisation=organisation.pk)["count"] == expected
    by_name = everything(client, "/api/measures/", organisation=organisation.name.upper())
    assert by_name["count"] == expected


def test_observations_by_period_in_any_form(api_as):
    client = api_as("viewer")
    expected = Observation.objects.filter(period="2019/20 Q1").count()
    assert expected
    for label in ("2019/20 Q1", "Q1 2019/20", "2019/20q1"):
        found = everything(client, "/api/observations/", period=label)
        assert found["count"] == expected
        assert {o["period"] for o in found["results"]} == {"2019/20 Q1"}


def test_observations_by_plan_and_owner(api_as):
    found = everything(
        api_as("viewer"), "/api/observations/", plan="business-plan", owner="tjohnson"
    )
    measures = {o["measure"] for o in found["results"]}
    assert measures and measures <= {"BP-FIN-RBO", "BP-VOL-ENQ"}


def test_a_bad_filter_is_a_400_naming_it(api_as):
    client = api_as("viewer")
    response = client.get("/api/observations/", {"period": "next week"})
    assert response.status_code == 400
    assert "period" in response.json()
    response = client.get("/api/measures/", {"outcome": "first"})
    assert response.status_code == 400
    assert "outcome" in response.json()
    response = client.get("/api/measures/", {"outcome": str(2**70)})
    assert response.status_code == 400


def test_an_unknown_filter_value_finds_nothing(api_as):
    found = api_as("viewer").get("/api/projects/", {"plan": "no-such-plan"}).json()
    assert found["count"] == 0
    assert found["results"] == []


def test_projects_by_owner(api_as):
    project = Project.objects.first()
    project.owner = Person.objects.get(person_id="jthompson")
    project.save()
    found = everything(api_as("viewer"), "/api/projects/", owner="jthompson")
    assert [p["project_id"] for p in found["results"]] == [project.project_id]


def test_lists_come_in_pages_of_50_and_up_to_500(api_as):
    client = api_as("viewer")
    total = Observation.objects.count()
    assert total > 100
    first = client.get("/api/observations/").json()
    assert first["count"] == total
    assert len(first["results"]) == 50
    assert first["previous"] is None
    assert "page=2" in first["next"]
    second = client.get("/api/observations/", {"page": 2}).json()
    assert {o["id"] for o in first["results"]}.isdisjoint(o["id"] for o in second["results"])
    assert len(client.get("/api/observations/", {"page_size": 10}).json()["results"]) == 10
    assert len(client.get("/api/observations/", {"page_size": 10_000}).json()["results"]) == min(
        total, 500
    )
    assert client.get("/api/observations/", {"page": 10_000}).status_code == 404
