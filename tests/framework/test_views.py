"""The outcome page: priorities, their measures, and the outcome's roll-up."""

import pytest

from scorecard.framework.models import Outcome

pytestmark = pytest.mark.django_db


@pytest.fixture
def fairer_life_chances(demo_council):
    return Outcome.objects.get(
        plan__plan_id="business-plan", name="Fairer life chances and opportunity for all"
    )


def test_outcome_page_lists_its_priorities(client, fairer_life_chances):
    page = client.get(fairer_life_chances.get_absolute_url()).content.decode()
    priorities = [p.name for p in fairer_life_chances.priorities.all()]
    assert priorities and all(name.replace("'", "&#x27;") in page for name in priorities)


def test_outcome_page_links_each_of_its_measures(client, fairer_life_chances):
    page = client.get(fairer_life_chances.get_absolute_url()).content.decode()
    measure_ids = list(fairer_life_chances.measure_set.values_list("measure_id", flat=True))
    assert measure_ids and all(f"/measures/{m}/" in page for m in measure_ids)


def test_outcome_page_follows_the_chosen_period(client, fairer_life_chances):
    url = f"{fairer_life_chances.get_absolute_url()}?period=2018/19 Q2"
    assert "Outcome, Q2 2018/19" in client.get(url).content.decode()


def test_outcome_page_rejects_a_period_without_data(client, fairer_life_chances):
    url = f"{fairer_life_chances.get_absolute_url()}?period=1999/00 Q1"
    assert client.get(url).status_code == 404
