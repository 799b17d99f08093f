"""axe-core in a real Chromium on the public pages, as the public sees them (not signed in)."""

import pytest

from scorecard.measures.models import Measure
from tests.browser.axe import axe_violations, needs_browser

pytestmark = [pytest.mark.browser, needs_browser, pytest.mark.django_db(transaction=True)]


def test_public_pages_have_no_axe_violations(live_server, browser, demo_council):
    business = Measure.objects.filter(plan__plan_id="business-plan")
    business.update(published=True)
    measure = business.order_by("order", "measure_id").first()
    urls = [
        "/public/",
        "/public/?plan=business-plan&period=2019/20 Q2",
        f"/public/measures/{measure.measure_id}/",
        "/public/data/",
    ]
    found = {url: axe_violations(browser, f"{live_server.url}{url}") for url in urls}
    assert {url: v for url, v in found.items() if v} == {}


def test_the_public_not_found_page_has_no_axe_violations(live_server, browser, demo_council):
    page = browser.new_page()
    try:
        from tests.browser.axe import visit

        assert visit(page, f"{live_server.url}/public/measures/NO-SUCH/", status=404) == []
    finally:
        page.close()


def test_the_publish_button_and_its_message_have_no_axe_violations(
    live_server, browser, demo_council
):
    from scorecard.demo.loader import DEMO_PASSWORD, add_demo_users
    from tests.browser.axe import page_violations, sign_in, submit, visit

    add_demo_users()
    context = browser.new_context()
    page = context.new_page()
    try:
        sign_in(page, live_server.url, "performance", DEMO_PASSWORD)
        assert visit(page, f"{live_server.url}/measures/CPB-CLA-RATE/") == []
        submit(page, "form[action$='/publish/'] button")
        assert "is published on the public scorecard" in page.content()
        assert page_violations(page) == []
    finally:
        context.close()
    assert Measure.objects.get(measure_id="CPB-CLA-RATE").published
