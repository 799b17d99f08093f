"""axe-core in a real Chromium on the Reports page and on every report as HTML."""

from urllib.parse import urlencode

import pytest

from tests.browser.axe import error_violations, needs_browser, visit

pytestmark = [pytest.mark.browser, needs_browser, pytest.mark.django_db(transaction=True)]

REPORTS = {
    "corporate": "Q2 2019/20",
    "programme": "Q4 2017/18",
    "actions": "Q4 2017/18",
    "dashboard": "Mar-18",
    "risks": "2018/19",
    "lead-member": "2018/19",
    "board": "2017/18",
}
# The plan a kind is asked for where the first plan with something to report is not the seed's.
PLANS = {"lead-member": "children-families", "board": "corporate-parenting"}


def _address(kind: str, period: str, format_name: str = "html") -> str:
    return "/reports/?" + urlencode(
        {"kind": kind, "period": period, "plan": PLANS.get(kind, ""), "format": format_name}
    )


def test_the_reports_page_and_its_errors_have_no_axe_violations(live_server, demo_council, browser):
    page = browser.new_page()
    found = {"/reports/": visit(page, f"{live_server.url}/reports/")}
    bad = _address("corporate", "Q9", "pdf")
    visit(page, f"{live_server.url}{bad}", status=400)
    found[bad] = error_violations(page)
    assert "Enter a period we recognise" in page.content()
    assert page.locator(".govuk-error-summary").count() == 1
    page.close()
    assert found == dict.fromkeys(found, [])


def test_every_report_as_html_has_no_axe_violations(live_server, demo_council, browser):
    page = browser.new_page()
    found = {}
    for kind, period in REPORTS.items():
        address = _address(kind, period)
        found[address] = visit(page, f"{live_server.url}{address}")
        assert page.locator("main h2").count() > 0, kind
    page.close()
    assert found == dict.fromkeys(found, [])


def test_the_claims_to_check_page_has_no_axe_violations(live_server, demo_council, browser):
    from scorecard.demo.loader import DEMO_PASSWORD, add_demo_users
    from tests.browser.axe import sign_in

    add_demo_users()
    context = browser.new_context()
    page = context.new_page()
    sign_in(page, live_server.url, "performance", DEMO_PASSWORD)
    address = "/reports/claims/?" + urlencode({"plan": "cypp", "period": "Q4 2017/18"})
    found = {address: visit(page, f"{live_server.url}{address}")}
    # The demo's highlight report holds the seed's three wrong claims.
    assert page.locator("main tbody tr").count() == 3
    context.close()
    assert found == dict.fromkeys(found, [])
