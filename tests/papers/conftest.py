"""A paper for the demo's CYPP, Q4 2017/18 (seed 001's Cabinet meeting), started by the demo's
performance officer, with timezone.now() under the test's control."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.test import RequestFactory

from scorecard.audit.actor import serving
from scorecard.core.period_parser import parse_period
from scorecard.framework.models import Plan
from scorecard.papers.actions import StartPaper

Q4 = parse_period("Q4 2017/18")
MEETING = datetime.date(2018, 7, 9)


@pytest.fixture
def team_user(demo):
    return User.objects.get(username="performance")


@pytest.fixture
def signed_in_as():
    """Changes made inside are by this demo user, as on a page (the audit trail names them)."""
    from contextlib import contextmanager

    @contextmanager
    def acting(user):
        request = RequestFactory().post("/")
        request.user = user
        with serving(request):
            yield user

    return acting


@pytest.fixture
def paper(team_user, signed_in_as):
    plan = Plan.objects.get(plan_id="cypp")
    with signed_in_as(team_user):
        return StartPaper(team_user, plan, "programme", Q4, "Cabinet", MEETING).execute()
