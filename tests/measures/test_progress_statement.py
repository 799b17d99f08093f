"""Progress statements on outcome indicators: worked out from the figures (baseline, England,
neighbours, and the statistical comparison with rank and quartile where the measure is linked to
a published indicator), or written by an officer for the latest figure."""

import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.utils import timezone
from knox.models import AuthToken
from rest_framework.test import APIClient

from scorecard.core.period_parser import parse_period
from scorecard.demo.loader import add_demo_users
from scorecard.measures.forms import STATEMENT_LIMIT
from scorecard.measures.models import Measure, Observation
from scorecard.scoring.rows import indicator_row
from scorecard.scoring.scorecard import rate_measures
from tests.signing_in import signed_in

INJURIES = "CYPP-ADMISSIONS-INJURIES"
URL = f"/measures/{INJURIES}/progress/"
INDICATORS = "/plans/cypp/outcome-indicators/"


@pytest.fixture
def team(demo_council):
    add_demo_users()
    return signed_in("performance")


def row_of(measure_id: str):
    return indicator_row(rate_measures([Measure.objects.get(measure_id=measure_id)])[0])


def test_the_computed_statement_adds_the_comparison_rank_and_quartile(demo_council):
    row = row_of(INJURIES)
    assert re.search(
        r"\. In 2022/23, worse than England \(at the 99\.8% level too\); "
        r"\d+(st|nd|rd|th) of \d+, (first|second|third|fourth) quartile$",
        row.computed,
    )
    assert row.progress == row.computed
    assert row.position == row.comparison.position_in_words


def test_a_measure_without_published_comparisons_keeps_the_figures_statement(demo_council):
    row = row_of("CYPP-SMOKING-DELIVERY")
    assert row.comparison is None
    assert row.position == ""
    assert "England" in row.computed  # from the England figure the council's paper gives


def test_the_table_shows_position_among_all_areas(client, demo_council):
    page = client.get(INDICATORS).content.decode()
    assert "Among all areas" in page
    assert re.search(r"\d+(st|nd|rd|th) of \d+, third quartile <span[^>]*>\(2022/23\)", page)
    assert "Not benchmarked" in page
    # A viewer may not change statements: no links to the form.
    assert URL not in page


def test_the_team_writes_a_statement_that_replaces_the_computed_one(team):
    form = team.get(URL).content.decode()
    assert "Leave it blank to use the statement worked out from the figures" in form
    response = team.post(URL, {"progress_statement": "  Admissions fell, but remain high.  "})
    assert response.status_code == 302
    measure = Measure.objects.get(measure_id=INJURIES)
    assert measure.progress_statement == "Admissions fell, but remain high."
    assert measure.progress_statement_period == measure.latest_period() == "2016/17"
    page = team.get(INDICATORS).content.decode()
    assert 'Admissions fell, but remain high. <span class="govuk-body-s">(officer\'s' in page
    assert row_of(INJURIES).progress == "Admissions fell, but remain high."
    assert (
        "Written by an officer for 2016/17" in team.get(f"/measures/{INJURIES}/").content.decode()
    )


def test_a_newer_figure_brings_back_the_computed_statement(team):
    team.post(URL, {"progress_statement": "Holding steady."})
    newer = Observation(
        measure=Measure.objects.get(measure_id=INJURIES),
        value=Decimal("120.5"),
        entered_at=timezone.now(),
    )
    newer.set_period(parse_period("2017/18"))
    newer.save()
    row = row_of(INJURIES)
    assert row.written == ""
    assert row.written_out_of_date
    assert row.progress == row.computed
    page = team.get(f"/measures/{INJURIES}/").content.decode()
    assert "the officer's statement was written for 2016/17" in page


def test_a_blank_statement_goes_back_to_the_figures(team):
    team.post(URL, {"progress_statement": "Holding steady."})
    team.post(URL, {"progress_statement": "   "})
    measure = Measure.objects.get(measure_id=INJURIES)
    assert (measure.progress_statement, measure.progress_statement_period) == ("", "")
    assert row_of(INJURIES).progress == row_of(INJURIES).computed


def test_a_statement_too_long_is_refused_and_nothing_saved(team):
    response = team.post(URL, {"progress_statement": "x" * (STATEMENT_LIMIT + 1)})
    assert response.status_code == 200
    assert f"must be {STATEMENT_LIMIT:,} characters or fewer" in response.content.decode()
    assert Measure.objects.get(measure_id=INJURIES).progress_statement == ""


def test_a_second_save_over_anothers_is_refused(team):
    token = re.search(r'name="edit_token" value="(\w+)"', team.get(URL).content.decode())[1]
    team.post(URL, {"progress_statement": "First.", "edit_token": token})
    response = team.post(URL, {"progress_statement": "Second.", "edit_token": token})
    assert "while you were editing" in response.content.decode()
    assert Measure.objects.get(measure_id=INJURIES).progress_statement == "First."


def test_a_viewer_may_not_write_one(team):
    viewer = signed_in("viewer")
    assert viewer.get(URL).status_code == 403
    assert viewer.post(URL, {"progress_statement": "Mine."}).status_code == 403
    assert Measure.objects.get(measure_id=INJURIES).progress_statement == ""


def test_the_api_writes_the_statement_for_the_latest_period(team):
    _, token = AuthToken.objects.create(User.objects.get(pk=team.session["_auth_user_id"]))
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    response = api.patch(
        f"/api/measures/{INJURIES}/", {"progress_statement": "Better."}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["progress_statement_period"] == "2016/17"
    refused = api.patch(
        f"/api/measures/{INJURIES}/", {"progress_statement_period": "2030/31"}, format="json"
    )
    assert Measure.objects.get(measure_id=INJURIES).progress_statement_period == "2016/17"
    assert refused.status_code in (200, 400)
