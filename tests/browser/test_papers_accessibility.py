"""axe-core in a real Chromium on the paper pages and forms, at 1280 and 375 pixels wide,
signed in as the performance team: the list, a paper with its rows, every form, errors shown."""

import datetime

import pytest

from scorecard.core.period_parser import parse_period
from scorecard.demo.loader import DEMO_PASSWORD, add_demo_users
from tests.browser.axe import check_pages, error_violations, needs_browser, sign_in

pytestmark = [pytest.mark.browser, needs_browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (1280, 375)


@pytest.fixture
def paper(demo_council):
    from django.contrib.auth.models import User

    from scorecard.framework.models import Plan
    from scorecard.papers.actions import StartPaper

    add_demo_users()
    team = User.objects.get(username="performance")
    plan = Plan.objects.get(plan_id="cypp")
    started = StartPaper(
        team, plan, "programme", parse_period("Q4 2017/18"), "Cabinet", datetime.date(2018, 7, 9)
    ).execute()
    started.seen_by.create(role="County Solicitor", name="Honor Clarke")
    # A row as long as the seeds' longest: with its date and Remove button, wider than a phone.
    started.seen_by.create(
        role="Property / Procurement / ICT",
        name="Richard Williams",
        seen_on=datetime.date(2018, 6, 25),
    )
    started.glossary.create(term="CYPP", meaning="Children and Young People's Plan")
    return started


def _pages(paper) -> list[str]:
    pk = paper.pk
    return [
        "/papers/",
        f"/papers/{pk}/",
        "/papers/new/",
        "/papers/settings/",
        f"/papers/{pk}/edit/",
        f"/papers/{pk}/seen-by/new/",
        f"/papers/{pk}/glossary/new/",
    ]


@pytest.mark.parametrize("width", WIDTHS)
def test_paper_pages_and_forms_have_no_axe_violations(live_server, browser, paper, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        sign_in(page, live_server.url, "performance", DEMO_PASSWORD)
        found, wider = check_pages(page, live_server.url, _pages(paper), width)
        # A form sent empty shows its errors.
        for url in ("/papers/new/", f"/papers/{paper.pk}/seen-by/new/"):
            page.goto(f"{live_server.url}{url}")
            page.click("main button[type=submit]")
            found[f"{url} (errors)"] = error_violations(page)
    finally:
        context.close()
    assert {url: v for url, v in found.items() if v} == {}
    assert wider == {}
