"""axe-core in a real Chromium on a board annual report's paper page (its board sections and
priorities table) and the form that adds a priority, at 1280 and 375 pixels wide, signed in as
the performance team; the form's errors shown too."""

import pytest

from scorecard.demo.loader import DEMO_PASSWORD, add_demo_users
from tests.browser.axe import check_pages, error_violations, needs_browser, sign_in, submit

pytestmark = [pytest.mark.browser, needs_browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (1280, 375)


@pytest.fixture
def board_paper(demo_council):
    from django.contrib.auth.models import User

    from scorecard.demo.papers import add_demo_board_paper
    from scorecard.papers.models import Paper

    add_demo_users()
    add_demo_board_paper(User.objects.get(username="performance"))
    return Paper.objects.get(kind="board")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_board_paper_and_its_priority_form_have_no_axe_violations(
    live_server, browser, board_paper, width
):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    pk = board_paper.pk
    try:
        sign_in(page, live_server.url, "performance", DEMO_PASSWORD)
        urls = (f"/papers/{pk}/", f"/papers/{pk}/edit/", f"/papers/{pk}/priorities/new/")
        found, wider = check_pages(page, live_server.url, urls, width)
        page.goto(f"{live_server.url}/papers/{pk}/priorities/new/")
        submit(page)
        found["priority form (errors)"] = error_violations(page)
        assert "Enter the priority" in page.content()
    finally:
        context.close()
    assert {url: v for url, v in found.items() if v} == {}
    assert wider == {}
