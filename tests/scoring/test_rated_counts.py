"""The overview, outcome pages and public scorecard say how many measures are not rated: a
headline "1 of 1 on target" for a plan of many measures without a rating would mislead."""

from decimal import Decimal

import pytest
from django.utils import timezone

from scorecard.core.periods import Period
from scorecard.framework.models import Outcome, Plan
from scorecard.measures.models import Measure, Observation, Target

pytestmark = pytest.mark.django_db

PERIOD = Period.month(2020, 1)
SENTENCE = "1 of 4 measures rated: 1 on target; 3 not rated (no target or no figure)"


@pytest.fixture
def mostly_unrated():
    """Four measures: one on target, one without a target, one neutral, one with no figure."""
    plan = Plan.objects.create(plan_id="few-rated", name="Few rated")
    outcome = Outcome.objects.create(plan=plan, name="Healthy lives")
    for number, polarity in enumerate(["higher", "higher", "neutral", "higher"]):
        measure = Measure.objects.create(
            measure_id=f"FEW-{number}",
            title=f"Measure {number}",
            plan=plan,
            outcome=outcome,
            polarity=polarity,
            unit="count",
            frequency="monthly",
            published=True,
        )
        if number != 1:
            Target.objects.create(measure=measure, from_month=-1, value=Decimal(10))
        if number != 3:
            observation = Observation(measure=measure, value=Decimal(12), entered_at=timezone.now())
            observation.set_period(PERIOD)
            observation.save()
    return outcome


def test_the_overview_headline_counts_the_unrated_measures(client, mostly_unrated):
    page = client.get(f"/?plan=few-rated&period={PERIOD.label}").content.decode()
    assert SENTENCE in page


def test_the_outcome_page_counts_the_unrated_measures(client, mostly_unrated):
    page = client.get(f"/outcomes/{mostly_unrated.pk}/?period={PERIOD.label}").content.decode()
    assert SENTENCE in page


def test_the_public_scorecard_counts_the_unrated_measures(anonymous_client, mostly_unrated):
    page = anonymous_client.get(f"/public/?plan=few-rated&period={PERIOD.label}")
    assert SENTENCE in page.content.decode()


@pytest.mark.parametrize(
    ("stored", "shown"), [("2019/20 Q2", "Q2 2019/20"), ("2020-01", "Jan-20"), ("", "")]
)
def test_pages_show_a_stored_period_label_the_councils_way(stored, shown):
    from django.template import Context, Template

    template = Template("{% load scorecard_tags %}{{ label|period_display }}")
    assert template.render(Context({"label": stored})) == shown
