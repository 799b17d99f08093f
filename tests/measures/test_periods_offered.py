"""The period picker offers a plan's periods with approved figures: found by skipping through
the period index (scorecard/measures/periods.py), it must offer exactly what a DISTINCT over
every observation of the plan gives, in a fixed number of queries."""

from decimal import Decimal

import pytest
from django.utils import timezone

from scorecard.core.periods import Period, PeriodKind
from scorecard.framework.models import Plan
from scorecard.measures.choices import Approval
from scorecard.measures.models import Measure, Observation
from scorecard.measures.periods import available_periods
from tests.measures.councils import LAST, PLAN_ID, made_up_council

pytestmark = pytest.mark.django_db


def by_distinct(plan_id: str) -> list[Period]:
    """The picker as it was: every approved observation of the plan's measures, distinct."""
    rows = Observation.objects.approved().filter(
        measure__in=Measure.objects.filter(plan__plan_id=plan_id).values("pk")
    )
    found = rows.order_by().values_list("period_kind", "period_first_month", "period_months")
    periods = {Period(PeriodKind(k), f, m) for k, f, m in found.distinct()}
    return sorted(periods, key=lambda p: (-p.last_month, -p.months, p.kind.value))


def observe(measure: Measure, period: Period, approval: str = Approval.APPROVED) -> None:
    observation = Observation(
        measure=measure, value=Decimal(1), entered_at=timezone.now(), approval=approval
    )
    observation.set_period(period)
    observation.save()


@pytest.fixture
def two_plans():
    """The made-up council (months and quarters), and a second plan with periods of its own,
    between and beside the first plan's: none of them may be offered for the first."""
    made_up_council(40)
    other = Plan.objects.create(plan_id="other", name="Another plan")
    mine = Measure.objects.filter(plan__plan_id=PLAN_ID).order_by("pk")
    theirs = Measure.objects.create(measure_id="OTHER-1", title="Theirs", plan=other)
    for period in [
        Period.month(2010, 1),  # before everything of the first plan's
        LAST.shifted(-3),  # a month the first plan has too
        Period.financial_year(2019),  # a kind the first plan has none of
        Period.calendar_year(2030),  # after everything
    ]:
        observe(theirs, period)
    # Provisional figures are not offered until approved: a period of its own, and a longer
    # period starting in the same month as the first plan's months.
    observe(mine[0], Period.academic_year(2019), Approval.PROVISIONAL)
    observe(mine[1], Period.quarter(2030, 1), Approval.PROVISIONAL)
    observe(mine[2], Period.financial_year(2031), Approval.PROVISIONAL)
    # Several kinds starting in the same month: each is a period of its own.
    observe(mine[3], Period.financial_year(2019))
    observe(mine[4], Period.quarter_containing(Period.financial_year(2019).start))
    return other


def test_the_picker_offers_what_a_distinct_of_the_plans_figures_gives(two_plans):
    offered = available_periods(Plan.objects.get(plan_id=PLAN_ID))
    assert offered == by_distinct(PLAN_ID)
    assert Period.financial_year(2019) in offered
    assert Period.month(2010, 1) not in offered
    assert Period.academic_year(2019) not in offered
    assert available_periods(two_plans) == by_distinct("other")
    assert len(available_periods(two_plans)) == 4


def test_a_plan_without_approved_figures_offers_nothing(two_plans):
    empty = Plan.objects.create(plan_id="empty", name="Nothing yet")
    assert available_periods(empty) == []
    waiting = Measure.objects.create(measure_id="EMPTY-1", title="Waiting", plan=empty)
    observe(waiting, LAST, Approval.PROVISIONAL)
    assert available_periods(empty) == []


def test_the_picker_takes_one_query_however_many_periods(two_plans, django_assert_num_queries):
    plan = Plan.objects.get(plan_id=PLAN_ID)
    with django_assert_num_queries(1):
        offered = available_periods(plan)
    assert len(offered) > 20
