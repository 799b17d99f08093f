import pytest


@pytest.fixture
def as_owner():
    """Changes made inside are by the demo `owner` (Jenny Thompson) signed in on a page."""
    from contextlib import contextmanager

    from django.contrib.auth.models import User
    from django.test import RequestFactory

    from scorecard.audit.actor import serving

    @contextmanager
    def signed_in(username: str = "owner"):
        request = RequestFactory().post("/")
        request.user = User.objects.get(username=username)
        with serving(request):
            yield request.user

    return signed_in


def observation(measure_id: str = "BP-HV-NBV", period: str = "2019/20 Q1"):
    from scorecard.measures.models import Observation

    return Observation.objects.get(measure__measure_id=measure_id, period=period, breakdown="")
