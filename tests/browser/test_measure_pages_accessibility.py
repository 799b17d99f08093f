"""axe-core in a real Chromium on every measure page of the demo (its own module, the longest
browser check, so that a second test worker takes the others meanwhile). The pages are checked
in two halves, a test class each: pytest-xdist hands out a class of tests at a time, so the two
workers can take a half each."""

import pytest

from tests.browser.axe import axe_violations, needs_browser

pytestmark = [pytest.mark.browser, needs_browser, pytest.mark.django_db(transaction=True)]


def _every_other_measure_page_has_no_axe_violations(live_server, browser, first: int) -> None:
    """The measure pages from the `first`th (0 or 1), every other one in the order they were
    made: the two halves together are every measure page."""
    from scorecard.measures.models import Measure

    measures = list(Measure.objects.order_by("pk"))[first::2]
    found = {}
    for measure in measures:
        url = f"{live_server.url}{measure.get_absolute_url()}"
        found[url] = axe_violations(browser, url)
    assert len(found) == len(measures) and Measure.objects.count() > 80
    assert {url: v for url, v in found.items() if v} == {}


class TestTheFirstHalf:
    def test_every_demo_measure_page_has_no_axe_violations(
        self, live_server, demo_council, browser
    ):
        _every_other_measure_page_has_no_axe_violations(live_server, browser, first=0)


class TestTheSecondHalf:
    def test_every_demo_measure_page_has_no_axe_violations(
        self, live_server, demo_council, browser
    ):
        _every_other_measure_page_has_no_axe_violations(live_server, browser, first=1)
