"""axe-core on the reporting cycle's pages, signed in as an owner and as the performance team,
including forms showing their errors and warnings: zero violations allowed."""

import pytest

from scorecard.demo.loader import DEMO_PASSWORD
from tests.browser.axe import (
    error_violations,
    needs_browser,
    page_violations,
    sign_in,
    submit,
    visit,
)

pytestmark = [pytest.mark.browser, needs_browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def cycle(demo_council):
    from scorecard.cycles.models import ReportingCycle
    from scorecard.demo.loader import add_demo_cycles, add_demo_users

    add_demo_users()
    add_demo_cycles()
    return ReportingCycle.objects.get(plan__plan_id="business-plan")


def signed_in_page(browser, base, username):
    context = browser.new_context()
    page = context.new_page()
    sign_in(page, base, username, DEMO_PASSWORD)
    return context, page


def test_owner_pages_have_no_axe_violations(live_server, browser, cycle):
    base = live_server.url
    context, page = signed_in_page(browser, base, "owner")
    try:
        found = {}
        value_form = f"{base}/measures/BP-HV-NBV/values/new/?cycle={cycle.pk}&period=2019/20 Q3"
        for url in (f"{base}/my-updates/", value_form, f"{base}/cycles/{cycle.pk}/upload/"):
            found[url] = visit(page, url)
        # The form with an error, then with the far-from-history warning and its tick box.
        visit(page, value_form)
        page.fill("#id_value", "101")
        submit(page, "main button[type=submit]")
        found["value error"] = error_violations(page)
        page.fill("#id_value", "2")
        submit(page, "main button[type=submit]")
        assert page.locator("#id_confirm").count() == 1
        found["value warning"] = page_violations(page)
        page.check("#id_confirm")
        submit(page, "main button[type=submit]")
        found["my updates after saving"] = page_violations(page)
        # The figure just saved is provisional: labelled on its page, named on the scorecard.
        for url in (f"{base}/measures/BP-HV-NBV/", f"{base}/", f"{base}/measures/"):
            found[f"{url} with a provisional figure"] = visit(page, url)
            assert page.locator(".scorecard-provisional").count() >= 1
        visit(page, f"{base}/cycles/{cycle.pk}/upload/")
        submit(page, "main button[type=submit]")
        found["upload error"] = error_violations(page)
    finally:
        context.close()
    assert {url: v for url, v in found.items() if v} == {}


def test_team_pages_have_no_axe_violations(live_server, browser, cycle):
    from scorecard.cycles.due import due_items
    from scorecard.cycles.entry import mark_submitted

    mark_submitted(None, None, **due_items(cycle)[0].submission_fields())
    base = live_server.url
    context, page = signed_in_page(browser, base, "performance")
    try:
        urls = [
            f"{base}/cycles/",
            f"{base}/cycles/new/",
            f"{base}/cycles/{cycle.pk}/",
            f"{base}/cycles/{cycle.pk}/edit/",
            f"{base}/cycles/{cycle.pk}/?state=all",
            f"{base}/my-updates/",
        ]
        found = {url: visit(page, url) for url in urls}
        # The review page with its error summary: a selection returned without a reason.
        visit(page, f"{base}/cycles/{cycle.pk}/")
        page.check("main input[name=item] >> nth=0")
        page.click("main button[name=decision][value=return]")
        found["review errors"] = error_violations(page)
        assert "Enter why you are returning" in page.locator(".govuk-error-summary").inner_text()
        visit(page, f"{base}/cycles/new/")
        page.fill("#id_period", "not a period")
        submit(page, "main button[type=submit]")
        found["cycle form errors"] = error_violations(page)
    finally:
        context.close()
    assert {url: v for url, v in found.items() if v} == {}


def test_the_upload_page_for_someone_with_nothing_to_enter_has_no_axe_violations(
    live_server, browser, cycle
):
    context, page = signed_in_page(browser, live_server.url, "viewer")
    try:
        violations = visit(page, f"{live_server.url}/cycles/{cycle.pk}/upload/")
        assert "You have no measures to report" in page.content()
    finally:
        context.close()
    assert violations == []


def test_the_review_table_scrolls_in_its_own_box_on_a_small_screen(live_server, browser, cycle):
    from scorecard.cycles.due import due_items
    from scorecard.cycles.entry import mark_submitted

    for item in due_items(cycle)[:3]:
        mark_submitted(None, None, **item.submission_fields())
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    try:
        sign_in(page, live_server.url, "performance", DEMO_PASSWORD)
        visit(page, f"{live_server.url}/cycles/{cycle.pk}/")
        page_width = page.evaluate("document.documentElement.scrollWidth")
        box = page.locator("#selection")
        table_width = page.evaluate("document.querySelector('#selection table').scrollWidth")
        box_width = box.evaluate("element => element.clientWidth")
        assert (box.get_attribute("role"), box.get_attribute("tabindex")) == ("region", "0")
        assert page_width <= 375
        assert table_width > box_width  # the table is wider: it scrolls inside its box
        # And with a row's error shown in the table.
        page.click("main button[name=return] >> nth=0")
        page.locator(".govuk-error-summary").wait_for(state="visible")
        assert page.locator("#selection .govuk-error-message").count() == 1
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
    finally:
        context.close()
