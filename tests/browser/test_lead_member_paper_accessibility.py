"""axe-core in a real Chromium on a lead member report's paper page (its introduction and the
words of each theme and area), its form with a box per theme and area, and the form that adds
an area with no figures, at 1280 and 375 pixels wide, signed in as the performance team; the
form's errors shown too. And the corporate paper's page with its purpose of the report."""

import datetime

import pytest

from scorecard.demo.loader import DEMO_PASSWORD, add_demo_users
from tests.browser.axe import check_pages, error_violations, needs_browser, sign_in, submit

pytestmark = [pytest.mark.browser, needs_browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (1280, 375)


@pytest.fixture
def papers(demo_council):
    from django.contrib.auth.models import User

    from scorecard.core.period_parser import parse_period
    from scorecard.demo.papers import add_demo_lead_member_paper
    from scorecard.framework.models import Plan
    from scorecard.papers.actions import StartPaper
    from scorecard.papers.models import Paper

    add_demo_users()
    team = User.objects.get(username="performance")
    add_demo_lead_member_paper(team)
    plan = Plan.objects.get(plan_id="business-plan")
    corporate = StartPaper(
        team, plan, "corporate", parse_period("Q2 2019/20"), "Cabinet", datetime.date(2019, 12, 4)
    ).execute()
    corporate.purpose = "What the report is for.\n\n- its measures\n- its projects"
    corporate.save()
    return Paper.objects.get(kind="lead-member").pk, corporate.pk


@pytest.mark.parametrize("width", WIDTHS)
def test_the_lead_member_paper_and_its_forms_have_no_axe_violations(
    live_server, browser, papers, width
):
    lead, corporate = papers
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        sign_in(page, live_server.url, "performance", DEMO_PASSWORD)
        urls = (
            f"/papers/{lead}/",
            f"/papers/{lead}/edit/",
            f"/papers/{lead}/narratives/new/",
            f"/papers/{corporate}/",
            f"/papers/{corporate}/edit/",
        )
        found, wider = check_pages(page, live_server.url, urls, width)
        page.goto(f"{live_server.url}/papers/{lead}/narratives/new/")
        submit(page)
        found["area form (errors)"] = error_violations(page)
        assert "Enter the area of work" in page.content()
    finally:
        context.close()
    assert {url: v for url, v in found.items() if v} == {}
    assert wider == {}
