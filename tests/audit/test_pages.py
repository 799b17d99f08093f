"""?as_at= on the scorecard pages, and the Reports page's "as it stood at" field."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from scorecard.measures.models import Observation
from tests.audit.conftest import observation
from tests.clock import START

PAGES = [
    reverse("overview"),
    reverse("measure_list"),
    reverse("measure", args=["BP-HV-NBV"]),
    reverse("outcome_indicators", args=["cypp"]),
]
BANNER = "You are looking at the scorecard as it stood at"


@pytest.fixture
def revised(demo_at_start, clock):
    """BP-HV-NBV's 2019/20 Q1 figure revised a day after the demo was loaded."""
    clock.advance(days=1)
    reading = observation()
    reading.value = Decimal("77.7")
    reading.save()
    clock.advance(hours=1)


@pytest.mark.parametrize("url", PAGES)
def test_every_scorecard_page_answers_as_at_with_a_banner(client, revised, url):
    page = client.get(url, {"as_at": "2026-03-03 12:00"})
    assert page.status_code == 200
    text = page.content.decode()
    assert (
        f'{BANNER} <time datetime="2026-03-03T12:00:00+00:00">12:00 on 3 March 2026</time>' in text
    )
    assert f'href="{url}">See it as it is now</a>' in text
    assert client.get(url).content.decode().count(BANNER) == 0


def test_the_measure_page_as_at_shows_the_figure_as_it_was(client, revised):
    url = reverse("measure", args=["BP-HV-NBV"])
    assert "77.7%" in client.get(url).content.decode()
    past = client.get(url, {"as_at": "2026-03-03T12:00"}).content.decode()
    assert "77.7%" not in past and "85.1%" in past
    assert observation().value == Decimal("77.7")


def test_the_outcome_page_answers_as_at(client, revised):
    from scorecard.framework.models import Outcome

    outcome = Outcome.objects.filter(plan__plan_id="business-plan").first()
    page = client.get(reverse("outcome", args=[outcome.pk]), {"as_at": "2026-03-03"})
    assert page.status_code == 200 and BANNER in page.content.decode()


@pytest.mark.parametrize(
    ("as_at", "reason"),
    [
        ("yesterday", "is not a date and time we recognise"),
        ("2026-02-30", "is not a date and time we recognise"),
        ("2099-01-01", "is in the future"),
        ("", "give a date and time"),
    ],
)
def test_an_as_at_we_cannot_read_is_a_400_saying_why(client, revised, as_at, reason):
    page = client.get(reverse("overview"), {"as_at": as_at})
    assert page.status_code == 400
    assert reason in page.content.decode()


def test_as_at_before_everything_is_an_empty_scorecard(client, revised):
    for url in (reverse("overview"), reverse("measure_list")):
        page = client.get(url, {"as_at": "2001-01-01"})
        assert page.status_code == 200
        assert BANNER in page.content.decode()
    assert client.get(PAGES[2], {"as_at": "2001-01-01"}).status_code == 404
    assert Observation.objects.exists()


def test_as_at_needs_a_sign_in_as_the_page_does(anonymous_client, revised):
    page = anonymous_client.get(reverse("measure_list"), {"as_at": "nonsense"})
    assert page.status_code == 302 and "/accounts/login/" in page["Location"]


def test_other_pages_ignore_as_at(client, revised):
    page = client.get(reverse("project_list"), {"as_at": "nonsense"})
    assert page.status_code == 200
    assert BANNER not in page.content.decode()


def _report(client, as_at: str):
    return client.get(
        reverse("reports"),
        {
            "kind": "corporate",
            "period": "Q2 2019/20",
            "plan": "business-plan",
            "format": "html",
            "as_at": as_at,
        },
    )


def test_the_reports_page_makes_a_paper_as_at_a_past_moment(client, demo_at_start, clock):
    moment = clock.advance(hours=1)
    clock.advance(days=1)
    first = _report(client, "2026-03-03 11:02")
    assert first.status_code == 200
    reading = observation("BP-FIN-RBO", "2019/20 Q2")
    reading.commentary = "Changed after the paper."
    reading.save()
    again = _report(client, moment.isoformat())
    assert again.content == first.content
    assert b"As the figures stood at 11:02 on 3 March 2026" in first.content
    assert b"Changed after the paper." in _report(client, "").content


def test_the_reports_page_says_what_is_wrong_with_an_as_at(client, demo_at_start):
    page = _report(client, "25/11/2026")
    assert page.status_code == 400
    assert "Enter the date and time as numbers" in page.content.decode()


def test_start_is_in_winter_so_uk_time_is_utc():
    assert START.astimezone(datetime.UTC).hour == 10


def test_a_row_being_saved_during_the_rewind_gives_try_again_not_an_error(
    client, revised, monkeypatch
):
    from django.db import OperationalError

    from scorecard.audit import rewind

    def locked(moment):
        raise OperationalError("canceling statement due to lock timeout")

    monkeypatch.setattr(rewind, "rewind_to", locked)
    before = Observation.objects.get(measure__measure_id="BP-HV-NBV", period="2019/20 Q1").value
    page = client.get(reverse("overview"), {"as_at": "2026-03-03 12:00"})
    assert page.status_code == 503 and page["Retry-After"] == "5"
    assert "Try again in a moment" in page.content.decode()
    report = client.get(
        "/reports/",
        {"kind": "corporate", "period": "Q2 2019/20", "format": "html", "as_at": "2026-03-03"},
    )
    assert report.status_code == 503
    after = Observation.objects.get(measure__measure_id="BP-HV-NBV", period="2019/20 Q1").value
    assert before == after == Decimal("77.7")
