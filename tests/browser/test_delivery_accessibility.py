"""axe-core in Chromium on the demo's projects, highlight reports, sign-in and forms."""

import pytest

from scorecard.delivery.models import HighlightReport, Milestone, Project
from tests.browser.test_accessibility import AXE, browser, needs_browser  # noqa: F401
from tests.delivery import builders

pytestmark = [pytest.mark.browser, needs_browser, pytest.mark.django_db(transaction=True)]

RULES = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']"


def violations(page, url: str, expected_status: int = 200) -> list[dict]:
    response = page.goto(url)
    assert response is not None and response.status == expected_status, url
    return run_axe(page)


def run_axe(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        f"async () => await axe.run(document, {{runOnly: {{type: 'tag', values: {RULES}}}}})"
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in result["violations"]
    ]


def sign_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "a long demo password")
    page.click("main button[type=submit]")


def reading_pages(base: str) -> list[str]:
    urls = [f"{base}/projects/", f"{base}/highlight-reports/?plan=cypp", f"{base}/accounts/login/"]
    urls += [f"{base}{p.get_absolute_url()}" for p in Project.objects.all()]
    plans = {p.plan.plan_id for p in Project.objects.select_related("plan")}
    urls += [f"{base}/projects/?plan={plan_id}" for plan_id in sorted(plans)]
    urls += [f"{base}{r.get_absolute_url()}" for r in HighlightReport.objects.all()]
    return urls


def test_delivery_pages_have_no_axe_violations(live_server, demo_council, browser):  # noqa: F811
    page = browser.new_page()
    try:
        found = {url: violations(page, url) for url in reading_pages(live_server.url)}
    finally:
        page.close()
    assert len(found) > 20
    assert {url: v for url, v in found.items() if v} == {}


def form_pages(base: str) -> list[str]:
    project = Project.objects.filter(milestones__isnull=False).first()
    milestone = Milestone.objects.filter(project=project).first()
    report = HighlightReport.objects.select_related("programme").first()
    return [
        f"{base}/projects/new/",
        f"{base}/projects/{project.project_id}/edit/",
        f"{base}/projects/{project.project_id}/updates/new/",
        f"{base}/projects/{project.project_id}/milestones/new/",
        f"{base}/projects/{project.project_id}/milestones/{milestone.pk}/edit/",
        f"{base}/programmes/{report.programme_id}/highlight-reports/new/",
        f"{base}{report.get_absolute_url()}edit/",
        f"{base}/projects/{project.project_id}/?period={project.updates.first().period}",
    ]


def test_forms_and_their_errors_have_no_axe_violations(live_server, demo_council, browser):  # noqa: F811
    builders.team_member()
    base = live_server.url
    page = browser.new_page()
    try:
        sign_in(page, base, "officer")
        found = {url: violations(page, url) for url in form_pages(base)}
        # A form sent back with errors: the error summary and messages are checked too.
        page.goto(f"{base}/projects/new/")
        page.fill("#id_project_id", "not valid!")
        page.click("main button[type=submit]")
        assert "There is a problem" in page.content()
        found["project form with errors"] = run_axe(page)
        page.goto(form_pages(base)[2])
        page.fill("#id_period", "Q9 2019/20")
        page.click("main button[type=submit]")
        assert "Enter a period" in page.content()
        found["status form with errors"] = run_axe(page)
    finally:
        page.close()
    assert {url: v for url, v in found.items() if v} == {}


def test_the_failed_sign_in_page_has_no_axe_violations(live_server, demo_council, browser):  # noqa: F811
    page = browser.new_page()
    try:
        sign_in(page, live_server.url, "nobody")
        assert "There is a problem" in page.content()
        assert run_axe(page) == []
    finally:
        page.close()
