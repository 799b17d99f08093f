"""The demo fixtures load the demo once for a module: each test must still see it whole and
unchanged, whatever the tests before it wrote, and a test that asks for no demo sees none."""

import pytest
from django.contrib.auth.models import User
from knox.models import AuthToken

from scorecard.measures.models import Measure, Observation

pytestmark = pytest.mark.django_db

MEASURE = "BP-HV-NBV"


def test_a_test_may_change_the_demo(demo_council):
    Observation.objects.filter(measure__measure_id=MEASURE).delete()
    Measure.objects.filter(measure_id=MEASURE).delete()
    User.objects.create_user("left-behind")
    assert not Measure.objects.filter(measure_id=MEASURE).exists()


def test_the_next_sees_the_demo_as_loaded(demo_council):
    assert Measure.objects.filter(measure_id=MEASURE).exists()
    assert Observation.objects.filter(measure__measure_id=MEASURE).exists()
    assert not User.objects.filter(username="left-behind").exists()


def test_demo_adds_its_users_and_a_token_for_each(demo):
    assert {"admin", "performance", "owner", "owner2", "viewer"} <= set(demo)
    for username in demo:
        user = User.objects.get(username=username)
        assert AuthToken.objects.filter(user=user).count() == 1
    AuthToken.objects.all().delete()


def test_a_token_deleted_by_one_test_is_back_for_the_next(demo):
    assert AuthToken.objects.count() == len(demo)


def test_a_test_that_asks_for_no_demo_sees_an_empty_database():
    # Written last, but run before the demo's tests (tests/conftest.py orders them so).
    assert not Measure.objects.exists()
    assert not User.objects.exists()
