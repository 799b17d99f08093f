"""axe-core in a real Chromium, at a desktop and a phone's width, on what issue 18's measure
cards changed: the corporate report as HTML in both layouts, the Reports page's layout choice,
and a project's highlights and "no direction" on its page and its status form."""

from urllib.parse import urlencode

import pytest

from tests.browser.axe import (
    error_violations,
    needs_browser,
    page_violations,
    sign_in,
    submit,
    visit,
)
from tests.delivery import builders

pytestmark = [pytest.mark.browser, needs_browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (1280, 375)


def _report(layout: str, format_name: str = "html") -> str:
    return "/reports/?" + urlencode(
        {
            "kind": "corporate",
            "period": "Q2 2019/20",
            "plan": "business-plan",
            "format": format_name,
            "layout": layout,
        }
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_the_corporate_report_in_either_layout_and_the_form_have_no_violations(
    live_server, demo_council, browser, width
):
    page = browser.new_page(viewport={"width": width, "height": 900})
    found = {}
    for layout in ("cards", "long"):
        address = _report(layout)
        found[address] = visit(page, f"{live_server.url}{address}")
        cards = page.locator(".card").count()
        assert (cards > 5) if layout == "cards" else cards == 0
    found["/reports/"] = visit(page, f"{live_server.url}/reports/")
    assert page.locator("input[name=layout][value=cards]").is_checked()
    bad = _report("sideways", "pdf")
    visit(page, f"{live_server.url}{bad}", status=400)
    found[bad] = error_violations(page)
    assert "Select a valid choice" in page.content()
    page.close()
    assert found == dict.fromkeys(found, [])


@pytest.mark.parametrize("width", WIDTHS)
def test_a_projects_highlights_and_no_direction_have_no_violations(
    live_server, demo_council, browser, width
):
    from scorecard.delivery.models import ProjectUpdate

    builders.team_member()
    update = ProjectUpdate.objects.filter(period="2019/20 Q2").select_related("project").first()
    ProjectUpdate.objects.filter(pk=update.pk).update(
        direction="none",
        areas_of_success="Hub staffed",
        areas_of_concern="Turnover",
        focus_next_quarter="Open the hub",
    )
    project = update.project.project_id
    base = live_server.url
    page = browser.new_page(viewport={"width": width, "height": 900})
    try:
        sign_in(page, base, "officer", builders.PASSWORD)
        found = {"project page": visit(page, f"{base}/projects/{project}/?period=Q2 2019/20")}
        assert "The officer reported no direction for this period." in page.content()
        assert page.locator("h2", has_text="Areas of concern").count() == 1
        page.goto(f"{base}/projects/{project}/updates/new/")
        page.fill("#id_period", "Q9 2019/20")
        page.select_option("#id_direction", "none")
        page.fill("#id_areas_of_concern", "Turnover")
        submit(page, "main button[type=submit]")
        found["status form with errors"] = error_violations(page)
        assert page.input_value("#id_areas_of_concern") == "Turnover"
        found["status form"] = page_violations(page)
    finally:
        page.close()
    assert found == dict.fromkeys(found, [])
