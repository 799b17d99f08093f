"""axe-core in a real Chromium on every measure page of the demo (its own module, the longest
browser check, so that a second test worker takes the others meanwhile)."""

import pytest

from tests.browser.axe import axe_violations, needs_browser

pytestmark = [pytest.mark.browser, needs_browser, pytest.mark.django_db(transaction=True)]


def test_every_demo_measure_page_has_no_axe_violations(live_server, demo_council, browser):
    from scorecard.measures.models import Measure

    found = {}
    for measure in Measure.objects.all():
        url = f"{live_server.url}{measure.get_absolute_url()}"
        found[url] = axe_violations(browser, url)
    assert len(found) == Measure.objects.count() > 80
    assert {url: v for url, v in found.items() if v} == {}
