"""axe-core in a real Chromium, at 1280 and 375 pixels wide, on the progress report for a
financial year (both CYPP years) and for Year 1's last quarter as a web page, the Reports page
refusing a year with nothing to report, and a year's paper record with its form."""

import datetime
from urllib.parse import urlencode

import pytest

from scorecard.core.period_parser import parse_period
from scorecard.demo.loader import DEMO_PASSWORD, add_demo_users
from tests.browser.axe import check_pages, error_violations, needs_browser, sign_in, visit

pytestmark = [pytest.mark.browser, needs_browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (1280, 375)


def _address(period: str) -> str:
    return "/reports/?" + urlencode(
        {"kind": "programme", "period": period, "plan": "cypp", "format": "html"}
    )


@pytest.fixture
def year_paper(demo_council):
    from django.contrib.auth.models import User

    from scorecard.framework.models import Plan
    from scorecard.papers.actions import StartPaper

    add_demo_users()
    team = User.objects.get(username="performance")
    plan = Plan.objects.get(plan_id="cypp")
    return StartPaper(
        team, plan, "programme", parse_period("2017/18"), "Cabinet", datetime.date(2018, 7, 9)
    ).execute()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_year_report_and_its_paper_have_no_axe_violations(
    live_server, browser, year_paper, width
):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        found = {}
        for period in ("2017/18", "2016/17"):
            address = _address(period)
            found[address] = visit(page, f"{live_server.url}{address}")
            assert page.locator("main h2", has_text="Plans for").count() == 1
        # Year 1's last quarter: the demo's Q4 2016/17 highlight reports (seed 001).
        address = _address("Q4 2016/17")
        found[address] = visit(page, f"{live_server.url}{address}")
        refused = _address("2019/20")
        visit(page, f"{live_server.url}{refused}", status=400)
        found[refused] = error_violations(page)
        assert "no highlight reports for a quarter of 2019/20" in page.content()
        sign_in(page, live_server.url, "performance", DEMO_PASSWORD)
        papers = (f"/papers/{year_paper.pk}/", f"/papers/{year_paper.pk}/edit/", "/papers/")
        signed_in, wider = check_pages(page, live_server.url, papers, width)
        found.update(signed_in)
    finally:
        context.close()
    assert {url: v for url, v in found.items() if v} == {}
    assert wider == {}
