"""Bad input is a 400 naming the field and saying what is wrong; nothing is written."""

from decimal import Decimal

import pytest

from scorecard.measures.models import Measure, Observation

pytestmark = pytest.mark.django_db


def post_observation(client, **body):
    body = {"measure": "BP-HV-NBV", "period": "2019/20 Q2", **body}
    return client.post("/api/observations/", body, format="json")


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        ({"period": "Quarter two"}, "period", "not a period we recognise"),
        ({"period": "2019-20"}, "period", "ambiguous"),
        ({"period": 2019}, "period", "as text"),
        ({"value": "101"}, "value", "between 0 and 100"),
        ({"value": "-1"}, "value", "less than 0"),
        ({"value": "lots"}, "value", "number"),
        ({"numerator": "12", "denominator": "10"}, "numerator", "more than the denominator"),
        ({"numerator": "12"}, "denominator", "as well as"),
        ({"numerator": "45", "denominator": "60", "value": "1"}, "value", "does not match"),
        ({"numerator": "1", "denominator": "0"}, "denominator", "cannot be 0"),
        ({"measure": "NO-SUCH-MEASURE", "value": "1"}, "measure", "not exist"),
        # PostgreSQL cannot hold NUL in text: refused before the lookup, not a server error.
        ({"measure": "BP-HV\x00NBV", "value": "1"}, "measure", "null characters"),
        ({"value": "1", "status": "maybe"}, "status", "not a valid choice"),
        ({"value": "1", "period": "2019/20 Q1"}, "non_field_errors", "already exists"),
    ],
)
def test_a_bad_observation_is_refused_with_a_message_naming_the_field(api_as, body, field, words):
    before = Observation.objects.count()
    response = post_observation(api_as("owner"), **body)
    assert response.status_code == 400, response.content
    messages = response.json()[field]
    assert any(words.lower() in message.lower() for message in messages), messages
    assert Observation.objects.count() == before


def test_a_value_given_is_kept_as_given_and_one_its_counts_do_not_make_is_warned_of(api_as):
    # As an import keeps a figure as published: 74 with 45/60 (75) is saved as 74, and said.
    response = post_observation(api_as("owner"), numerator="45", denominator="60", value="74")
    assert response.status_code == 201, response.content
    assert response.json()["warnings"] == [
        "The value does not match 45/60 (which makes 75); the value is kept as given"
    ]
    saved = Observation.objects.get(pk=response.json()["id"])
    assert (saved.value, saved.written_decimals) == (74, 0)
    assert (saved.numerator, saved.denominator) == (45, 60)


@pytest.mark.parametrize(
    ("value", "written"), [("66.7", 1), ("66.67", 2), ("67", 0), (66.7, 1), ("66.667", 3)]
)
def test_a_value_its_counts_make_to_its_own_decimals_is_kept_as_typed_without_a_warning(
    api_as, value, written
):
    response = post_observation(api_as("owner"), numerator="40", denominator="60", value=value)
    assert response.status_code == 201, response.content
    assert response.json()["warnings"] == []
    saved = Observation.objects.get(pk=response.json()["id"])
    assert (saved.value, saved.written_decimals) == (Decimal(str(value)), written)


def test_the_value_is_worked_out_from_the_numerator_and_denominator_when_left_out(api_as):
    response = post_observation(api_as("owner"), numerator="45", denominator="60")
    assert response.status_code == 201, response.content
    saved = Observation.objects.get(pk=response.json()["id"])
    assert (saved.value, saved.written_decimals) == (75, None)


def test_a_figure_its_counts_do_not_make_is_flagged_on_its_measure_page(api_as, client):
    post_observation(api_as("performance"), numerator="45", denominator="60", value="74")
    page = client.get("/measures/BP-HV-NBV/").content.decode()
    assert "74" in page and "The value does not match 45/60 (which makes 75)" in page


def test_a_rate_is_worked_out_per_its_base(api_as):
    body = {
        "measure": "CPB-CLA-RATE",
        "period": "2018-04",
        "numerator": "50",
        "denominator": "100000",
    }
    response = api_as("owner").post("/api/observations/", body, format="json")
    assert response.status_code == 201, response.content
    assert Observation.objects.get(pk=response.json()["id"]).value == 5


def test_a_status_alone_says_why_there_is_no_figure(api_as):
    response = post_observation(api_as("owner"), status="not yet published")
    assert response.status_code == 201, response.content
    response = post_observation(api_as("owner"), period="2019/20 Q3")
    assert response.status_code == 400
    assert "value" in response.json()


def test_a_highlight_report_is_for_a_quarter(api_as):
    programme = api_as("owner").get("/api/programmes/", {"owner": "jthompson"}).json()
    body = {"programme": programme["results"][0]["id"], "period": "2019/20", "status": "G"}
    response = api_as("owner").post("/api/highlight-reports/", body, format="json")
    assert response.status_code == 400
    assert "quarter" in response.json()["period"][0]


@pytest.mark.parametrize(
    ("url", "body", "field"),
    [
        (
            "/api/risk-assessments/",
            {"risk": "ORG0009", "assessed_on": "2019-01-01", "likelihood": 6, "impact": 1},
            "likelihood",
        ),
        (
            "/api/risk-assessments/",
            {"risk": "ORG0009", "assessed_on": "1066-10-14", "likelihood": 1, "impact": 1},
            "assessed_on",
        ),
        (
            "/api/projects/",
            {"project_id": "new", "title": "x", "plan": "business-plan"},
            "project_id",
        ),
        (
            "/api/projects/",
            {"project_id": "has space", "title": "x", "plan": "business-plan"},
            "project_id",
        ),
        (
            "/api/measures/",
            {
                "measure_id": "BP-HV-NBV",
                "title": "x",
                "polarity": "higher",
                "unit": "count",
                "frequency": "monthly",
            },
            "measure_id",
        ),
        (
            "/api/measures/",
            {
                "measure_id": "M-2",
                "title": "x",
                "polarity": "higher",
                "unit": "count",
                "frequency": "monthly",
                "discontinued_from": "soon",
            },
            "discontinued_from",
        ),
        (
            "/api/targets/",
            {"measure": "BP-HV-NBV", "from_period": "next year", "value": "1"},
            "from_period",
        ),
        (
            "/api/milestones/",
            {"project": "BP-PRJ-01", "title": "x", "revised_due": ["soon"]},
            "revised_due",
        ),
    ],
)
def test_the_team_gets_field_messages_too(api_as, url, body, field):
    response = api_as("performance").post(url, body, format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()


def test_a_programme_from_another_plan_is_refused(api_as):
    other_plan = api_as("viewer").get("/api/programmes/", {"plan": "cypp"}).json()["results"][0]
    response = api_as("performance").patch(
        "/api/measures/BP-HV-NBV/", {"programme": other_plan["id"]}, format="json"
    )
    assert response.status_code == 400
    assert "programme" in response.json()
    assert Measure.objects.get(measure_id="BP-HV-NBV").programme_id != other_plan["id"]


def test_a_body_that_is_not_json_is_a_400(api_as):
    response = api_as("owner").post(
        "/api/observations/", "{not json", content_type="application/json"
    )
    assert response.status_code == 400


# Text that str.isdigit() takes and int() does not read (superscripts), digits of other
# scripts (Arabic-Indic, full-width), numbers too big for any id or for int() to read, signs,
# nothing, and NUL bytes (PostgreSQL cannot hold them).
HOSTILE_NUMBERS = [
    "\u00b3",
    "\u0663",
    "\uff13",
    str(10**30),
    "9" * 5000,
    "-1",
    "",
    "\x00",
]


def _list_parameters() -> dict[str, list[str]]:
    """Each list endpoint's query parameters, as the API's own OpenAPI schema names them
    (filters, paging), so a filter added later is fuzzed too."""
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    found = {}
    for path, operations in schema["paths"].items():
        operation = operations.get("get")
        if operation is None or "{" in path:
            continue
        names = [p["name"] for p in operation.get("parameters", []) if p["in"] == "query"]
        if names:
            found[path] = names
    return found


LIST_PARAMETERS = _list_parameters()


def test_every_filter_of_every_list_is_fuzzed():
    from scorecard.api.views import ENDPOINTS

    assert {f"/api/{prefix}/" for prefix in ENDPOINTS} <= set(LIST_PARAMETERS)
    assert "organisation" in LIST_PARAMETERS["/api/measures/"]


@pytest.mark.parametrize("path", sorted(LIST_PARAMETERS))
def test_no_filter_value_is_a_server_error(api_as, public_api, path):
    """Each filter of the list, alone, with each hostile number: a 200 or a 400 with a
    message, for the team and (where it may read the list) for the public; never a 500."""
    failures = []
    clients = [api_as("performance")]
    if public_api.get(path, {"page_size": 1}).status_code == 200:
        clients.append(public_api)
    for client in clients:
        for name in LIST_PARAMETERS[path]:
            for value in HOSTILE_NUMBERS:
                # One row a page: what is tested is the reading of the parameter.
                query = {"page_size": 1, name: value}
                response = client.get(path, query)
                if response.status_code not in (200, 400, 401, 403, 404):
                    failures.append((name, value[:12], response.status_code))
                elif response.status_code == 400:
                    # A message saying what is wrong (JSON from the API; the HTML 400 page
                    # for NUL bytes, which the site refuses before any view).
                    assert response.content.strip(), (name, value)
    assert not failures
