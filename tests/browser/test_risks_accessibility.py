"""axe-core in a real Chromium on the risk pages and forms, errors and banners included."""

import pytest

from tests.browser.axe import axe_violations, error_violations, needs_browser, page_violations
from tests.risks.factories import PASSWORD, make_register, make_user

pytestmark = [pytest.mark.browser, needs_browser, pytest.mark.django_db(transaction=True)]

PUBLIC_PAGES = [
    "/risks/",
    "/risks/?plan=cypp&period=2016/17",
    "/risks/heat-map/",
    "/risks/heat-map/?plan=business-plan&period=2018/19 Q1",
    "/risks/ORG0009/",
    "/risks/ORG0011/",
]
FORMS = ["/risks/new/", "/risks/ORG0009/edit/", "/risks/ORG0009/assessments/new/"]


@pytest.fixture
def signed_in(live_server, browser):
    """A browser context signed in as the performance team, through the sign-in page."""
    make_user("performance.officer", team=True)
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/?next=/risks/")
    page.fill("#id_username", "performance.officer")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/risks/")
    assert "Add a risk" in page.content()
    page.close()
    yield context
    context.close()


def test_risk_pages_have_no_axe_violations(live_server, browser):
    make_register()
    found = {url: axe_violations(browser, f"{live_server.url}{url}") for url in PUBLIC_PAGES}
    assert {url: v for url, v in found.items() if v} == {}


def test_risk_forms_have_no_axe_violations(live_server, signed_in):
    make_register()
    found = {url: axe_violations(signed_in, f"{live_server.url}{url}") for url in FORMS}
    found["/risks/ (team)"] = axe_violations(signed_in, f"{live_server.url}/risks/")
    assert {url: v for url, v in found.items() if v} == {}


@pytest.mark.parametrize(
    ("url", "fill"),
    [
        ("/risks/new/", {"#id_reference": "not valid!", "#id_target_score": "30"}),
        ("/risks/ORG0009/edit/", {"#id_title": ""}),
        (
            "/risks/ORG0009/assessments/new/",
            {"#id_assessed_on_day": "31", "#id_assessed_on_month": "2", "#id_period": "autumn"},
        ),
    ],
)
def test_forms_showing_errors_have_no_axe_violations(live_server, signed_in, url, fill):
    make_register()
    page = signed_in.new_page()
    try:
        page.goto(f"{live_server.url}{url}")
        for selector, value in fill.items():
            page.fill(selector, value)
        page.click("main button[type=submit]")
        violations = error_violations(page)
        assert page.title().startswith("Error:")
        assert violations == []
    finally:
        page.close()


def test_success_banner_has_no_axe_violations(live_server, signed_in):
    make_register()
    page = signed_in.new_page()
    try:
        page.goto(f"{live_server.url}/risks/ORG0009/assessments/new/")
        page.fill("#id_assessed_on_day", "1")
        page.fill("#id_assessed_on_month", "4")
        page.fill("#id_assessed_on_year", "2019")
        page.check("#id_likelihood-3")
        page.check("#id_impact-4")
        page.click("main button[type=submit]")
        page.wait_for_url(f"{live_server.url}/risks/ORG0009/")
        assert "Assessment of 1 April 2019 added" in page.content()
        assert page_violations(page) == []
    finally:
        page.close()
