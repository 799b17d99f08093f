"""The risk pages answer, say everything in words, check every input and refuse outsiders."""

from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scorecard.risks.models import Risk, RiskAssessment
from tests.risks.factories import make_user

pytestmark = pytest.mark.django_db

NEW_RISK = {
    "reference": "CYPP-R.1",
    "title": "Placement sufficiency",
    "description": "Not enough local foster placements.",
    "plan": "",
    "owner": "",
    "organisation": "",
    "category": "Operational",
    "controls": "",
    "management_actions": "",
    "target_score": "8",
}

ASSESSMENT = {
    "assessed_on_day": "1",
    "assessed_on_month": "4",
    "assessed_on_year": "2019",
    "period": "Q4 2018/19",
    "likelihood": "3",
    "impact": "4",
    "note": "Reviewed at the board.",
}


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def register_row(html: str, reference: str) -> str:
    return html.split(f">{reference}</a></th>")[1].split("</tr>")[0]


@pytest.mark.parametrize(
    "url",
    [
        "/risks/",
        "/risks/?plan=cypp",
        "/risks/?plan=cypp&period=2016/17",
        "/risks/?period=Q1 2018/19",
        "/risks/?period=2018/19 Q1",
        "/risks/heat-map/",
        "/risks/heat-map/?plan=business-plan&period=2018/19 Q1",
        "/risks/ORG0009/",
        "/risks/ORG0011/",
    ],
)
def test_pages_answer(client, risk_register, url):
    assert client.get(url).status_code == 200


def test_pages_answer_with_no_risks_at_all(client, db):
    assert [client.get(u).status_code for u in ("/risks/", "/risks/heat-map/")] == [200, 200]


@pytest.mark.parametrize(
    "url",
    [
        "/risks/NO-SUCH-RISK/",
        "/risks/?plan=no-such-plan",
        "/risks/?period=not-a-period",
        "/risks/?period=2040/41",
        "/risks/?period=Q3 2018/19",
        "/risks/?plan=business-plan&period=2016/17",
        "/risks/heat-map/?plan=no-such-plan",
        "/risks/heat-map/?period=Sep-99",
    ],
)
def test_unknown_risks_plans_and_periods_are_not_found(client, risk_register, url):
    assert client.get(url).status_code == 404


def test_register_row_gives_the_latest_assessment_in_words(client, risk_register):
    row = register_row(page(client, "/risks/"), "ORG0009")
    for text in (
        "Safeguarding children",
        "Jenny Thompson",
        "Strategic",
        "Vulnerable children",
        ">3<",
        ">5<",
        ">15<",
        "Very high",
        '<span aria-hidden="true">↓</span> Improving',
        "10 (high)",
        "31 Mar 2018",
    ):
        assert text in row, text


def test_register_as_at_a_period_uses_the_assessments_made_by_then(client, risk_register):
    html = page(client, "/risks/?period=2016/17")
    assert ">20<" in register_row(html, "ORG0009")
    assert "No earlier assessment" in register_row(html, "ORG0009")
    assert "Not assessed by the end of 2016/17" in register_row(html, "ORG0010")


def test_register_for_a_plan_lists_only_its_risks(client, risk_register):
    html = page(client, "/risks/?plan=business-plan")
    assert "ORG0010" in html and "ORG0009" not in html


def test_register_offers_the_periods_and_links_to_the_heat_map(client, risk_register):
    html = page(client, "/risks/?plan=cypp&period=2017/18")
    assert '<option value="2017/18" selected>2017/18</option>' in html
    assert '<option value="2016/17 Q4">Q4 2016/17</option>' in html
    assert 'href="/risks/heat-map/?plan=cypp&amp;period=2017%2F18"' in html


def test_register_lists_the_bands_and_their_scores(client, risk_register, settings):
    settings.SCORECARD_RISK_BANDS = "low:1, medium:5, high:10, very high:16"
    html = page(client, "/risks/")
    assert "High: scores 10 to 15" in html and "Very high: scores 16 to 25" in html
    assert "High" in register_row(html, "ORG0009")


def test_risk_page_shows_its_history_and_the_change_in_words(client, risk_register):
    html = page(client, "/risks/ORG0009/")
    assert "The score fell from 20 to 15 (improving)" in html
    assert ">20<" in html and ">15<" in html and "Improving" in html
    assert "Jenny Thompson, Director of Children&#x27;s Services (Somerset County Council)" in html
    for text in ("Monthly scrutiny", "Recruit permanent", "Vulnerable children", "2017/18"):
        assert text in html, text
    assert "Ofsted judged services to require improvement." in html


def test_heat_map_counts_the_risks_in_each_cell_in_words(client, risk_register):
    html = page(client, "/risks/heat-map/")
    assert "Score 15: 1 risk" in html and "Score 9: 1 risk" in html
    assert "Score 20: no risks" in html
    assert '<th scope="row" class="govuk-table__header">Likelihood 5 (almost certain)</th>' in html
    assert '<th scope="col" class="govuk-table__header">Impact 1 (insignificant)</th>' in html
    assert 'href="/risks/ORG0009/"' in html.split("Score 15: 1 risk")[1].split("</td>")[0]
    assert "Recruitment of social workers" in html.split("Risks not yet assessed")[1]


def test_heat_map_writes_each_cells_band(client, risk_register):
    html = page(client, "/risks/heat-map/")
    cell = html.split("Score 25: no risks")[1].split("</td>")[0]
    assert "Very high" in cell
    assert "Low" in html.split("Score 1: no risks")[1].split("</td>")[0]


def test_heat_map_as_at_a_period(client, risk_register):
    html = page(client, "/risks/heat-map/?period=2016/17")
    assert "Score 20: 1 risk" in html and "Score 15: no risks" in html


def test_user_text_is_escaped(client, risk_register):
    Risk.objects.filter(reference="ORG0009").update(
        title="<script>alert(1)</script>", category="<b>x</b>"
    )
    RiskAssessment.objects.filter(risk__reference="ORG0009").update(note="<img src=x>")
    for url in ("/risks/", "/risks/heat-map/", "/risks/ORG0009/"):
        html = page(client, url)
        assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html, url
    assert "<img src=x>" not in page(client, "/risks/ORG0009/")


def test_register_query_count_does_not_grow_with_risks(
    client, risk_register, django_assert_max_num_queries
):
    for number in range(20):
        risk = Risk.objects.create(reference=f"R{number}", title="Another", plan=None)
        RiskAssessment.objects.create(
            risk=risk, assessed_on=date(2018, 1, 1), likelihood=2, impact=3
        )
    # As many as before the tenants, and one for the visitor's council (scorecard.tenancy).
    with django_assert_max_num_queries(9):
        client.get("/risks/")
    with django_assert_max_num_queries(9):
        client.get("/risks/heat-map/")


# --- who may change risks ------------------------------------------------------------------

FORM_URLS = ["/risks/new/", "/risks/ORG0009/edit/", "/risks/ORG0009/assessments/new/"]


@pytest.mark.parametrize("url", FORM_URLS)
def test_signed_out_visitors_are_sent_to_sign_in(anonymous_client, risk_register, url):
    client = anonymous_client
    for response in (client.get(url), client.post(url, NEW_RISK | ASSESSMENT)):
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=")
    assert Risk.objects.count() == 3 and RiskAssessment.objects.count() == 3


@pytest.mark.parametrize("url", FORM_URLS)
def test_people_outside_the_team_may_not_change_risks(viewer_client, risk_register, url):
    assert viewer_client.get(url).status_code == 403
    assert viewer_client.post(url, NEW_RISK | ASSESSMENT).status_code == 403
    assert Risk.objects.count() == 3 and RiskAssessment.objects.count() == 3


@pytest.mark.parametrize("url", FORM_URLS)
def test_the_team_sees_the_forms(team_client, risk_register, url):
    assert team_client.get(url).status_code == 200


def test_a_superuser_may_change_risks(client, risk_register, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", password="x-y-z-1"))
    assert client.get("/risks/new/").status_code == 200


@pytest.mark.parametrize("url", ["/risks/NO-SUCH/edit/", "/risks/NO-SUCH/assessments/new/"])
def test_forms_for_unknown_risks_are_not_found(team_client, risk_register, url):
    assert team_client.get(url).status_code == 404


def test_links_to_change_are_shown_only_to_the_team(client, team_client, risk_register):
    viewer = Client()
    viewer.force_login(make_user("a.reader", team=False))
    assert "Add a risk" not in page(viewer, "/risks/")
    assert "Add an assessment" not in page(viewer, "/risks/ORG0009/")
    assert 'href="/risks/new/"' in page(team_client, "/risks/")
    html = page(team_client, "/risks/ORG0009/")
    assert (
        'href="/risks/ORG0009/assessments/new/"' in html and 'href="/risks/ORG0009/edit/"' in html
    )


def test_csrf_is_enforced(risk_register):
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user("officer", team=True))
    for url, data in (
        ("/risks/new/", NEW_RISK),
        ("/risks/ORG0009/edit/", NEW_RISK),
        ("/risks/ORG0009/assessments/new/", ASSESSMENT),
    ):
        assert client.post(url, data).status_code == 403, url
    assert Risk.objects.count() == 3 and RiskAssessment.objects.count() == 3
    assert Risk.objects.get(pk=risk_register["safeguarding"].pk).title == "Safeguarding children"


def test_csrf_token_in_the_form_lets_the_team_save(risk_register):
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user("officer", team=True))
    form = client.get("/risks/new/").content.decode()
    token = form.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = client.post("/risks/new/", NEW_RISK | {"csrfmiddlewaretoken": token})
    assert response.status_code == 302 and Risk.objects.filter(reference="CYPP-R.1").exists()


# --- creating and changing -----------------------------------------------------------------


def test_the_team_adds_a_risk_and_sees_a_banner(team_client, risk_register):
    data = NEW_RISK | {
        "plan": str(risk_register["cypp"].pk),
        "programmes": [str(risk_register["programme"].pk)],
        "owner": str(risk_register["owner"].pk),
    }
    response = team_client.post("/risks/new/", data)
    assert response.status_code == 302 and response["Location"] == "/risks/CYPP-R.1/"
    risk = Risk.objects.get(reference="CYPP-R.1")
    assert (risk.title, risk.target_score, risk.plan, list(risk.programmes.all())) == (
        "Placement sufficiency",
        8,
        risk_register["cypp"],
        [risk_register["programme"]],
    )
    html = page(team_client, response["Location"])
    assert "govuk-notification-banner--success" in html and "Risk CYPP-R.1 added" in html


def test_the_team_changes_a_risk(team_client, risk_register):
    form = page(team_client, "/risks/ORG0009/edit/")
    assert 'value="Safeguarding children"' in form and 'value="10"' in form
    programme = risk_register["programme"].pk
    assert f'value="{programme}" checked' in form
    data = NEW_RISK | {"reference": "ORG0009", "title": "Safeguarding children and young people"}
    response = team_client.post("/risks/ORG0009/edit/", data)
    assert response.status_code == 302
    risk = Risk.objects.get(reference="ORG0009")
    assert risk.title == "Safeguarding children and young people"
    assert risk.assessments.count() == 2
    assert "Changes to risk ORG0009 saved" in page(team_client, "/risks/ORG0009/")


def test_changing_the_reference_moves_the_page(team_client, risk_register):
    data = NEW_RISK | {"reference": "ORG0099", "title": "Safeguarding children"}
    response = team_client.post("/risks/ORG0009/edit/", data)
    assert response["Location"] == "/risks/ORG0099/"
    assert Risk.objects.get(reference="ORG0099").assessments.count() == 2


def test_the_team_adds_an_assessment(team_client, risk_register):
    response = team_client.post("/risks/ORG0009/assessments/new/", ASSESSMENT)
    assert response.status_code == 302 and response["Location"] == "/risks/ORG0009/"
    latest = RiskAssessment.objects.get(risk__reference="ORG0009", assessed_on=date(2019, 4, 1))
    assert (latest.likelihood, latest.impact, latest.period, latest.note) == (
        3,
        4,
        "2018/19 Q4",
        "Reviewed at the board.",
    )
    html = page(team_client, "/risks/ORG0009/")
    assert "Assessment of 1 April 2019 added: score 12 (high)" in html
    assert "The score fell from 15 to 12 (improving)" in html


def test_assessment_form_offers_likelihood_and_impact_in_words(team_client, risk_register):
    html = page(team_client, "/risks/ORG0009/assessments/new/")
    assert "5 – almost certain" in html and "1 – insignificant" in html
    assert html.count('type="radio"') == 10
    assert 'name="assessed_on_day"' in html and 'name="assessed_on_year"' in html


# --- bad input: a clear message, nothing written, never a 500 ------------------------------


def assert_refused(client, url, data, message, anchor):
    before = (Risk.objects.count(), RiskAssessment.objects.count())
    snapshot = list(Risk.objects.values_list("reference", "title", "target_score"))
    response = client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html and "<title>Error:" in html
    assert f'<a href="#{anchor}">{message}</a>' in html
    assert "govuk-error-message" in html
    assert (Risk.objects.count(), RiskAssessment.objects.count()) == before
    assert list(Risk.objects.values_list("reference", "title", "target_score")) == snapshot


@pytest.mark.parametrize(
    ("changes", "message", "anchor"),
    [
        ({"reference": ""}, "Enter a reference, like ORG0009", "id_reference"),
        (
            {"reference": "ORG 0012"},
            "Reference must only include letters, numbers, full stops, hyphens and underscores",
            "id_reference",
        ),
        (
            {"reference": "<script>"},
            "Reference must only include letters, numbers, full stops, hyphens and underscores",
            "id_reference",
        ),
        ({"reference": "ORG0010"}, "A risk with reference ORG0010 already exists", "id_reference"),
        ({"reference": "org0010"}, "A risk with reference org0010 already exists", "id_reference"),
        ({"reference": "new"}, "Reference cannot be new: choose another", "id_reference"),
        ({"reference": "heat-map"}, "Reference cannot be heat-map: choose another", "id_reference"),
        ({"reference": ".."}, "Reference cannot be ..: choose another", "id_reference"),
        ({"reference": "R" * 61}, "Reference must be 60 characters or fewer", "id_reference"),
        ({"title": "  "}, "Enter a title", "id_title"),
        (
            {"target_score": "30"},
            "Target score must be a whole number from 1 to 25",
            "id_target_score",
        ),
        (
            {"target_score": "0"},
            "Target score must be a whole number from 1 to 25",
            "id_target_score",
        ),
        (
            {"target_score": "ten"},
            "Target score must be a whole number from 1 to 25",
            "id_target_score",
        ),
        ({"plan": "99999"}, "Select a plan from the list", "id_plan"),
        ({"plan": "cypp"}, "Select a plan from the list", "id_plan"),
        ({"owner": "x"}, "Select an owner from the list", "id_owner"),
        ({"organisation": "-1"}, "Select an organisation from the list", "id_organisation"),
        ({"programmes": ["nonsense"]}, "Select programmes from the list", "id_programmes-1"),
    ],
)
def test_bad_risks_are_refused_with_a_message(team_client, risk_register, changes, message, anchor):
    assert_refused(team_client, "/risks/new/", NEW_RISK | changes, message, anchor)


def test_programmes_must_belong_to_the_risks_plan(team_client, risk_register):
    data = NEW_RISK | {
        "plan": str(risk_register["cypp"].pk),
        "programmes": [str(risk_register["finance"].pk)],
    }
    message = (
        "Finance is not a programme of Children and Young People&#x27;s Plan: "
        "choose programmes of the risk&#x27;s plan"
    )
    assert_refused(team_client, "/risks/new/", data, message, "id_programmes-1")


def test_a_bad_change_keeps_the_risk_and_names_it_as_it_was(team_client, risk_register):
    data = NEW_RISK | {"reference": "ORG0010", "title": "Changed"}
    assert_refused(
        team_client,
        "/risks/ORG0009/edit/",
        data,
        "A risk with reference ORG0010 already exists",
        "id_reference",
    )
    html = team_client.post("/risks/ORG0009/edit/", data).content.decode()
    assert "Risk ORG0009: Safeguarding children" in html
    assert 'value="Changed"' in html


def test_keeping_the_same_reference_is_not_a_duplicate(team_client, risk_register):
    data = NEW_RISK | {"reference": "ORG0009"}
    assert team_client.post("/risks/ORG0009/edit/", data).status_code == 302


TODAY = date.today()
TOMORROW = TODAY + timedelta(days=2)


@pytest.mark.parametrize(
    ("changes", "message", "anchor"),
    [
        (
            {"assessed_on_day": "", "assessed_on_month": "", "assessed_on_year": ""},
            "Enter the date of the assessment",
            "id_assessed_on_day",
        ),
        (
            {"assessed_on_month": ""},
            "Date of the assessment must include a month",
            "id_assessed_on_month",
        ),
        (
            {"assessed_on_day": "", "assessed_on_year": ""},
            "Date of the assessment must include a day and year",
            "id_assessed_on_day",
        ),
        (
            {"assessed_on_day": "31", "assessed_on_month": "2"},
            "Date of the assessment must be a real date",
            "id_assessed_on_day",
        ),
        (
            {"assessed_on_month": "April"},
            "Date of the assessment must be a real date",
            "id_assessed_on_day",
        ),
        ({"assessed_on_year": "19"}, "Year must include 4 numbers", "id_assessed_on_year"),
        (
            {"assessed_on_year": "1899"},
            "Date of the assessment must be in 1900 or later",
            "id_assessed_on_year",
        ),
        (
            {
                "assessed_on_day": str(TOMORROW.day),
                "assessed_on_month": str(TOMORROW.month),
                "assessed_on_year": str(TOMORROW.year),
            },
            "Date of the assessment must be today or in the past",
            "id_assessed_on_day",
        ),
        (
            {"assessed_on_day": "31", "assessed_on_month": "3", "assessed_on_year": "2018"},
            "ORG0009 already has an assessment dated 31 March 2018: enter a different date",
            "id_assessed_on_day",
        ),
        ({"likelihood": ""}, "Select how likely the risk is to happen", "id_likelihood-1"),
        ({"likelihood": "6"}, "Select a likelihood from 1 to 5", "id_likelihood-1"),
        ({"impact": "0"}, "Select an impact from 1 to 5", "id_impact-1"),
        ({"impact": "x"}, "Select an impact from 1 to 5", "id_impact-1"),
        (
            {"period": "the autumn"},
            "Enter a period like Q2 2019/20, Sep-19 or 2019/20, or leave it blank",
            "id_period",
        ),
    ],
)
def test_bad_assessments_are_refused_with_a_message(
    team_client, risk_register, changes, message, anchor
):
    url = "/risks/ORG0009/assessments/new/"
    assert_refused(team_client, url, ASSESSMENT | changes, message, anchor)


def test_a_refused_assessment_keeps_what_was_typed(team_client, risk_register):
    html = team_client.post(
        "/risks/ORG0009/assessments/new/", ASSESSMENT | {"assessed_on_month": "13"}
    ).content.decode()
    assert 'value="13"' in html and 'value="3" checked' in html
    assert "Reviewed at the board." in html
    assert "govuk-input--error" in html


def test_an_empty_post_is_refused_not_ignored(team_client, risk_register):
    for url in ("/risks/new/", "/risks/ORG0009/assessments/new/"):
        response = team_client.post(url, {})
        assert response.status_code == 200 and "There is a problem" in response.content.decode()
    assert Risk.objects.count() == 3 and RiskAssessment.objects.count() == 3


# Collected only once the demo carries the CYPP risks (another piece of work adds them).
DEMO_RISKS = Path(__file__).resolve().parents[2] / "scorecard/demo/data/036-cypp-risks.csv"

if DEMO_RISKS.exists():

    def test_the_demo_risk_org0009_fell_from_20_to_15(client, demo_council):
        html = page(client, "/risks/ORG0009/")
        assert "The score fell from 20 to 15 (improving)" in html
        assert "the band is very high at both assessments" in html
        heat_map = page(client, "/risks/heat-map/?plan=cypp")
        assert heat_map.count("scorecard-risk-cell ") == 25 and "Score 15: 1 risk" in heat_map


# --- odd input anywhere: answered, never a 500 ---------------------------------------------

odd_text = st.text(max_size=40)
FUZZ = settings(
    max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None
)


@FUZZ
@given(period=odd_text, plan=odd_text)
def test_any_period_or_plan_is_answered_without_error(client, risk_register, period, plan):
    for url in ("/risks/", "/risks/heat-map/"):
        assert client.get(url, {"period": period, "plan": plan}).status_code in (200, 400, 404)


@FUZZ
@given(reference=odd_text.filter(lambda t: "/" not in t and t.strip(". ")))
def test_any_reference_is_answered_without_error(client, risk_register, reference):
    response = client.get(f"/risks/{quote(reference, safe='')}/")
    assert response.status_code in (200, 400, 404)


@FUZZ
@given(values=st.dictionaries(st.sampled_from(sorted(NEW_RISK) + ["programmes"]), odd_text))
def test_any_risk_form_input_is_answered_without_error(team_client, risk_register, values):
    response = team_client.post("/risks/new/", NEW_RISK | values)
    assert response.status_code in (200, 302)


@FUZZ
@given(values=st.dictionaries(st.sampled_from(sorted(ASSESSMENT)), odd_text))
def test_any_assessment_input_is_answered_without_error(team_client, risk_register, values):
    response = team_client.post("/risks/ORG0009/assessments/new/", ASSESSMENT | values)
    assert response.status_code in (200, 302)


def test_huge_numbers_in_the_forms_are_explained_not_crashed_on(team_client, risk_register):
    day = team_client.post(
        "/risks/ORG0009/assessments/new/",
        {**ASSESSMENT, "assessed_on_day": "9" * 20},
    )
    assert day.status_code == 200 and "must be a real date" in day.content.decode()
    programmes = team_client.post("/risks/new/", {**NEW_RISK, "programmes": "9" * 23})
    assert programmes.status_code == 200 and "There is a problem" in programmes.content.decode()
    assert not Risk.objects.filter(reference="CYPP-R.1").exists()


def test_programmes_need_the_risks_plan(team_client, risk_register):
    from scorecard.framework.models import Programme

    programme = Programme.objects.first()
    response = team_client.post("/risks/new/", {**NEW_RISK, "programmes": str(programme.pk)})
    assert "Choose the plan whose programmes this risk threatens" in response.content.decode()
    assert not Risk.objects.filter(reference="CYPP-R.1").exists()
