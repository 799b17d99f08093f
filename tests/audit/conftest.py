import datetime

import pytest

# 3 March 2026 is in winter: UK time is UTC, so 10:02 UTC reads as 10:02 on the page.
START = datetime.datetime(2026, 3, 3, 10, 2, tzinfo=datetime.UTC)


class Clock:
    """timezone.now() under the test's control: every change gets the time the test says."""

    def __init__(self, start: datetime.datetime) -> None:
        self.now = start

    def __call__(self) -> datetime.datetime:
        return self.now

    def advance(self, **delta) -> datetime.datetime:
        self.now += datetime.timedelta(**delta)
        return self.now


@pytest.fixture
def clock(monkeypatch):
    ticking = Clock(START)
    monkeypatch.setattr("django.utils.timezone.now", ticking)
    return ticking


@pytest.fixture
def demo_at_start(db, clock):
    """The demo council as the demo loader left it at START, with its users."""
    from scorecard.audit.actor import acting_as
    from scorecard.demo.loader import DEMO_LOADER, add_demo_users, demo_files
    from scorecard.interchange.importer import import_files

    with acting_as(DEMO_LOADER):
        import_files(demo_files(), entered_by=DEMO_LOADER)
        add_demo_users()


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
