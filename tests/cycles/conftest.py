import pytest

from tests.signing_in import signed_in as signed_in_as


@pytest.fixture
def cycle_council(demo_council):
    """The demo with its sign-ins and its Q3 2019/20 reporting cycles."""
    from scorecard.demo.loader import add_demo_cycles, add_demo_users

    add_demo_users()
    add_demo_cycles()


@pytest.fixture
def bp_cycle(cycle_council):
    from scorecard.cycles.models import ReportingCycle

    return ReportingCycle.objects.get(plan__plan_id="business-plan")


@pytest.fixture
def owner(cycle_council):
    return signed_in_as("owner")


@pytest.fixture
def owner2(cycle_council):
    return signed_in_as("owner2")


@pytest.fixture
def team(cycle_council):
    return signed_in_as("performance")
