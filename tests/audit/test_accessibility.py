"""axe-core on the History sections, the as-at banner and the Reports page's as-at error,
signed in as each role that sees them: zero violations allowed."""

from decimal import Decimal

import pytest

from scorecard.demo.loader import DEMO_PASSWORD
from tests.browser.axe import launch_browser, needs_browser, page_violations, sign_in, visit

pytestmark = [pytest.mark.browser, needs_browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module")
def browser():
    """One Chromium for the module, as tests/browser has."""
    yield from launch_browser()


@pytest.fixture
def revised(committed_demo):
    from django.contrib.auth.models import User
    from django.test import RequestFactory

    from scorecard.audit.actor import serving
    from scorecard.demo.loader import add_demo_users
    from scorecard.measures.models import Observation

    add_demo_users()
    request = RequestFactory().post("/")
    request.user = User.objects.get(username="owner")
    reading = Observation.objects.get(measure__measure_id="BP-HV-NBV", period="2019/20 Q1")
    with serving(request):
        reading.value = Decimal("49.9")
        reading.commentary = "Revised <script>alert(1)</script>"
        reading.save()


@pytest.mark.parametrize("username", ["owner", "performance", "viewer"])
def test_history_and_as_at_pages_have_no_axe_violations(live_server, browser, revised, username):
    from scorecard.delivery.models import Project
    from scorecard.risks.models import Risk

    base = live_server.url
    context = browser.new_context()
    page = context.new_page()
    try:
        sign_in(page, base, username, DEMO_PASSWORD)
        urls = [
            f"{base}/measures/BP-HV-NBV/",
            f"{base}{Project.objects.first().get_absolute_url()}",
            f"{base}{Risk.objects.first().get_absolute_url()}",
            f"{base}/?as_at=2020-01-01",
            f"{base}/measures/?as_at=2020-01-01",
        ]
        found = {url: visit(page, url) for url in urls}
        visit(page, urls[0])
        history = page.locator("#history + p + ul").inner_text()
        assert (
            "Value for Q1 2019/20 revised from 85.1% to 49.9% and commentary for Q1 2019/20 "
            "changed by Jenny Thompson (owner)"
        ) in history
        found["as at, bad"] = visit(page, f"{base}/measures/?as_at=soon", status=400)
        visit(page, f"{base}/reports/?kind=corporate&period=Q2+2019/20&format=html&as_at=soon", 400)
        found["reports error"] = page_violations(page)
    finally:
        context.close()
    assert {url: v for url, v in found.items() if v} == {}
