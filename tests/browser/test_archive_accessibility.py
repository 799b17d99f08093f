"""axe-core in a real Chromium on the archive pages: each confirmation page, archived items'
pages with their notice (and the success banner beside it), and an edit refused because
someone else saved first."""

import pytest

from scorecard.demo.loader import DEMO_PASSWORD, add_demo_users
from tests.browser.axe import (
    error_violations,
    needs_browser,
    page_violations,
    sign_in,
    submit,
    visit,
)

pytestmark = [pytest.mark.browser, needs_browser, pytest.mark.django_db(transaction=True)]


def _ids() -> dict[str, int]:
    """Ids of the demo items these pages need; looked up, because ids are not reused between
    tests on either database."""
    from scorecard.delivery.models import Action, ActionPlan
    from scorecard.framework.models import Programme

    plans = ActionPlan.objects.filter(plan__plan_id="corporate-parenting")
    health = plans.get(name="Health and Wellbeing")
    return {
        "action": Action.objects.get(action_plan=health, reference="1.1").pk,
        "plan": health.pk,
        "programme": Programme.objects.get(
            plan__plan_id="cypp", name__startswith="Promoting healthy outcomes"
        ).pk,
    }


def _confirmations(ids: dict[str, int]) -> list[str]:
    return [
        "/archive/measure/BP-HV-NBV/",
        "/archive/project/BP-PRJ-03/",
        f"/archive/action/{ids['action']}/",
        f"/archive/action-plan/{ids['plan']}/",
        "/archive/risk/ORG0009/",
        f"/archive/programme/{ids['programme']}/",
    ]


def _archived_pages(ids: dict[str, int]) -> list[str]:
    return [
        "/projects/BP-PRJ-03/",
        f"/actions/{ids['action']}/",
        f"/action-plans/{ids['plan']}/",
        "/risks/ORG0009/",
    ]


@pytest.fixture
def team_page(live_server, browser, demo_council):
    add_demo_users()
    context = browser.new_context()
    page = context.new_page()
    sign_in(page, live_server.url, "performance", DEMO_PASSWORD)
    yield page
    context.close()


def test_archive_pages_have_no_axe_violations(live_server, team_page):
    base = live_server.url
    ids = _ids()
    found = {url: visit(team_page, f"{base}{url}") for url in _confirmations(ids)}
    # Archive the measure through its confirmation page, as a person would.
    team_page.goto(f"{base}/archive/measure/BP-HV-NBV/")
    submit(team_page, "main button[type=submit]")
    assert "was archived on" in team_page.content()
    found["/measures/BP-HV-NBV/ (just archived)"] = page_violations(team_page)
    for url in _archived_pages(ids):
        kind, key = url.strip("/").split("/")
        slug = {"projects": "project", "actions": "action", "action-plans": "action-plan"}
        team_page.goto(f"{base}/archive/{slug.get(kind, 'risk')}/{key}/")
        submit(team_page, "main button[type=submit]")
        found[f"{url} (archived)"] = visit(team_page, f"{base}{url}")
        assert "was archived on" in team_page.content()
    found["/restore/risk/ORG0009/"] = visit(team_page, f"{base}/restore/risk/ORG0009/")
    assert {url: v for url, v in found.items() if v} == {}


def test_a_refused_edit_has_no_axe_violations(live_server, team_page):
    from scorecard.delivery.models import Project

    team_page.goto(f"{live_server.url}/projects/BP-PRJ-03/edit/")
    Project.objects.filter(project_id="BP-PRJ-03").update(title="Changed by someone else")
    team_page.fill("#id_title", "My title")
    submit(team_page, "main button[type=submit]")
    violations = error_violations(team_page)
    assert "while you were editing" in team_page.content()
    assert violations == []
