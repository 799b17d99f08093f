"""axe-core in Chromium on the demo's projects, highlight reports, sign-in and forms."""

import pytest

from scorecard.delivery.models import ActionPlan, HighlightReport, Milestone, Project
from tests.browser.axe import error_violations, needs_browser, sign_in, submit, visit
from tests.delivery import builders

pytestmark = [pytest.mark.browser, needs_browser, pytest.mark.django_db(transaction=True)]


def reading_pages(base: str) -> list[str]:
    urls = [f"{base}/projects/", f"{base}/highlight-reports/?plan=cypp", f"{base}/accounts/login/"]
    urls += [f"{base}{p.get_absolute_url()}" for p in Project.objects.all()]
    plans = {p.plan.plan_id for p in Project.objects.select_related("plan")}
    urls += [f"{base}/projects/?plan={plan_id}" for plan_id in sorted(plans)]
    urls += [f"{base}{r.get_absolute_url()}" for r in HighlightReport.objects.all()]
    return urls


def test_delivery_pages_have_no_axe_violations(live_server, demo_council, browser):
    page = browser.new_page()
    try:
        found = {url: visit(page, url) for url in reading_pages(live_server.url)}
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
        f"{base}/action-plans/new/",
        f"{base}/action-plans/{ActionPlan.objects.first().pk}/edit/",
        f"{base}/projects/{project.project_id}/edit/",
        f"{base}/projects/{project.project_id}/updates/new/",
        f"{base}/projects/{project.project_id}/milestones/new/",
        f"{base}/projects/{project.project_id}/milestones/{milestone.pk}/edit/",
        f"{base}/programmes/{report.programme_id}/highlight-reports/new/",
        f"{base}{report.get_absolute_url()}edit/",
        f"{base}/projects/{project.project_id}/?period={project.updates.first().period}",
    ]


def test_forms_and_their_errors_have_no_axe_violations(live_server, demo_council, browser):
    builders.team_member()
    base = live_server.url
    page = browser.new_page()
    try:
        sign_in(page, base, "officer", builders.PASSWORD)
        found = {url: visit(page, url) for url in form_pages(base)}
        # A form sent back with errors: the error summary and messages are checked too.
        page.goto(f"{base}/projects/new/")
        page.fill("#id_project_id", "not valid!")
        submit(page, "main button[type=submit]")
        assert "There is a problem" in page.content()
        found["project form with errors"] = error_violations(page)
        project = Project.objects.filter(milestones__isnull=False).first()
        page.goto(f"{base}/projects/{project.project_id}/updates/new/")
        page.fill("#id_period", "Q9 2019/20")
        submit(page, "main button[type=submit]")
        assert "Enter a period" in page.content()
        found["status form with errors"] = error_violations(page)
    finally:
        page.close()
    assert {url: v for url, v in found.items() if v} == {}


def test_the_failed_sign_in_page_has_no_axe_violations(live_server, demo_council, browser):
    page = browser.new_page()
    try:
        sign_in(page, live_server.url, "nobody", "not the password")
        assert "There is a problem" in page.content()
        assert error_violations(page) == []
    finally:
        page.close()
