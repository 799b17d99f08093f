"""Every page of the demo answers, shows ratings in words, and never gives a 500."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from scorecard.framework.models import Outcome
from scorecard.measures.models import Measure
from scorecard.scoring.scorecard import OFF_TARGET_SHOWN
from tests.measures.councils import PLAN_ID, made_up_council

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/?plan=business-plan&period=2019/20 Q2",
        "/?plan=business-plan&period=Sep-19",
        "/?plan=cypp",
        "/?plan=corporate-parenting",
        "/plans/cypp/outcome-indicators/",
        "/measures/",
        "/measures/?plan=corporate-parenting",
    ],
)
def test_demo_pages_answer(client, demo_council, url):
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/measures/NO-SUCH/",
        "/outcomes/999999/",
        "/?period=not-a-period",
        "/?period=2040/41",
        "/?plan=no-such-plan",
        "/plans/no-such-plan/outcome-indicators/",
    ],
)
def test_unknown_ids_and_periods_are_not_found(client, demo_council, url):
    assert client.get(url).status_code == 404


def test_every_measure_and_outcome_page_answers(client, demo_council):
    urls = [m.get_absolute_url() for m in Measure.objects.all()]
    urls += [o.get_absolute_url() for o in Outcome.objects.all()]
    assert {u: client.get(u).status_code for u in urls if client.get(u).status_code != 200} == {}


def test_overview_shows_the_summary_in_words(client, demo_council):
    page = client.get("/?plan=business-plan&period=2019/20 Q2").content.decode()
    assert "High level summary, Q2 2019/20" in page
    assert "of measures and projects rated as improving" in page
    assert "Counts include 16 projects rated by their status." in page


def test_measure_page_shows_rating_and_direction_in_words(client, demo_council):
    page = client.get("/measures/BP-HV-NBV/").content.decode()
    assert "Amber (A)" in page and "Declining" in page and "<svg" in page


def test_breakdowns_show_rate_with_numerator_and_denominator(client, demo_council):
    measure = Measure.objects.filter(
        observations__breakdown__gt="", observations__numerator__isnull=False
    ).first()
    observation = measure.observations.filter(breakdown__gt="", numerator__isnull=False).first()
    page = client.get(measure.get_absolute_url()).content.decode()
    assert f"/{observation.denominator.normalize():f})" in page


def test_user_text_is_escaped(client, demo_council):
    Measure.objects.filter(measure_id="BP-HV-NBV").update(title="<script>alert(1)</script>")
    page = client.get("/measures/BP-HV-NBV/").content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page


def test_overview_query_count_does_not_grow_with_measures(client, demo_council):
    with CaptureQueriesContext(connection) as queries:
        client.get("/?plan=cypp")
    # Twelve for the page, one for the signed-in user's session and account, one for their
    # council (scorecard.tenancy.middleware), one for the figures awaiting approval that the
    # reader may see (of measures they own).
    assert len(queries) <= 15


def test_measure_page_shows_a_replaced_value_and_who_entered_it(client, demo_council, tmp_path):
    from scorecard.interchange.importer import import_files

    path = tmp_path / "revised.csv"
    path.write_text("measure_id,period,value\nBP-HV-NBV,Q1 2019/20,86.2\n")
    import_files([path], entered_by="import by a.officer")
    page = client.get("/measures/BP-HV-NBV/").content.decode()
    section = page.split("Changes to reported values")[1]
    assert "85.1%" in section and "86.2%" in section and "entered by test" in section


def test_overview_lists_the_measures_off_target_red_first(client, demo_council):
    page = client.get("/?plan=business-plan&period=2019/20 Q2").content.decode()
    section = page.split("Measures off target")[1].split("All measures for")[0]
    assert "/measures/BP-HV-NBV/" in section and "Green (G)" not in section


def _overview_queries(client) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/?plan={PLAN_ID}").status_code == 200
    return [query["sql"] for query in queries.captured_queries]


def _longest_list_of_numbers(sql: str) -> int:
    return max(
        (len(found.split(",")) for found in re.findall(r"\(\d+(?:, ?\d+)*\)", sql)), default=0
    )


def test_overview_makes_the_same_queries_for_a_hundred_measures_as_for_ten(client):
    """The database selects the measures by subquery: no query lists every measure's id
    (the overview's lines for the measures off target are the longest list it may pass)."""
    made_up_council(10)
    ten = _overview_queries(client)
    made_up_council(90, first=10)
    hundred = _overview_queries(client)
    assert len(hundred) == len(ten)
    assert max(map(_longest_list_of_numbers, hundred)) <= OFF_TARGET_SHOWN


def test_a_grade_on_a_labelled_scale_shows_as_its_words_on_the_measure_page(client, demo_council):
    page = client.get("/measures/LM-HOME-THE-ELMS/").content.decode()
    assert "Requires Improvement to be Good" in page
    # Its scale is said once, in the measure's facts; no figure shows the code 3.
    assert "1 = Outstanding; 2 = Good; 3 = Requires Improvement to be Good; 4 = Inadequate" in page
    assert not re.search(r">\s*3\s*<", page)
