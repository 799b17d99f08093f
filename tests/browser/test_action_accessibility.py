"""axe-core in a real Chromium on the action plan pages and forms: zero violations allowed."""

import pytest

from tests.browser.axe import (
    axe_violations,
    error_violations,
    needs_browser,
    page_violations,
    sign_in,
    submit,
    visit,
)
from tests.delivery.test_action_plans import build_action_plans

pytestmark = [pytest.mark.browser, needs_browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-test-password"


@pytest.fixture
def signed_in(browser, live_server):
    """A browser page signed in, through the sign-in page, as a performance team member."""
    from django.contrib.auth.models import Group, User

    from scorecard.people.permissions import PERFORMANCE_TEAM

    user = User.objects.create_user("officer", password=PASSWORD)
    user.groups.add(Group.objects.get_or_create(name=PERFORMANCE_TEAM)[0])
    context = browser.new_context()
    page = context.new_page()
    sign_in(page, live_server.url, "officer", PASSWORD)
    yield page
    context.close()


def test_action_plan_pages_have_no_axe_violations(live_server, browser):
    data = build_action_plans()
    base = live_server.url
    urls = [
        f"{base}/action-plans/",
        f"{base}/action-plans/?period=2017/18 Q4",
        f"{base}/action-plans/{data['health'].pk}/",
        f"{base}/action-plans/{data['health'].pk}/?flag=overdue",
        f"{base}/action-plans/{data['task_group'].pk}/?flag=slipped",
        *(f"{base}/actions/{action.pk}/" for action in data["actions"].values()),
    ]
    found = {url: axe_violations(browser, url) for url in urls}
    assert {url: v for url, v in found.items() if v} == {}


def test_action_forms_have_no_axe_violations(live_server, signed_in):
    data = build_action_plans()
    base = live_server.url
    action = data["actions"]["3.2"].pk
    urls = [
        f"{base}/action-plans/{data['health'].pk}/",  # with the link to add an action
        f"{base}/actions/{action}/",  # with the links to change it
        f"{base}/action-plans/{data['health'].pk}/actions/new/",
        f"{base}/actions/{action}/edit/",
        f"{base}/actions/{data['actions']['2.1'].pk}/edit/",  # no date yet: no revising
        f"{base}/actions/{action}/updates/new/",
    ]
    found = {url: visit(signed_in, url) for url in urls}
    assert {url: v for url, v in found.items() if v} == {}


def test_forms_showing_errors_and_success_have_no_axe_violations(live_server, signed_in):
    data = build_action_plans()
    base = live_server.url
    page = signed_in
    found = {}

    page.goto(f"{base}/action-plans/{data['health'].pk}/actions/new/")
    page.fill("#id_reference", "3.2")
    page.fill("#id_due", "31.02.2018")
    submit(page, "main button[type=submit]")
    assert "There is a problem" in page.content()
    found["new action with errors"] = error_violations(page)

    page.goto(f"{base}/actions/{data['actions']['3.2'].pk}/edit/")
    page.fill("#id_new_revised_due", "01.06.2018")
    submit(page, "main button[type=submit]")
    assert "already due on 01.06.2018" in page.content()
    found["edit with errors"] = error_violations(page)

    page.goto(f"{base}/actions/{data['actions']['3.2'].pk}/updates/new/")
    page.fill("#id_dated", "10.05.2018")
    submit(page, "main button[type=submit]")
    assert "There is a problem" in page.content()
    found["update with errors"] = error_violations(page)

    page.fill("#id_dated", "20.06.2018")
    page.fill("#id_text", "Report written")
    submit(page, "main button[type=submit]")
    assert "Progress update dated 20.06.2018 added" in page.content()
    found["action after an update, with the success banner"] = page_violations(page)

    assert {name: v for name, v in found.items() if v} == {}


def test_demo_task_group_work_plans_have_no_axe_violations(live_server, browser):
    from scorecard.delivery.models import Action, ActionPlan
    from scorecard.demo.loader import demo_files
    from scorecard.interchange.importer import import_files

    import_files([f for f in demo_files() if f.name.startswith("04")], entered_by="test")
    base = live_server.url
    plans = ActionPlan.objects.all()
    urls = [f"{base}/action-plans/", *(f"{base}{p.get_absolute_url()}" for p in plans)]
    urls += [f"{base}{a.get_absolute_url()}" for a in Action.objects.order_by("pk")[::10]]
    found = {url: axe_violations(browser, url) for url in urls}
    assert len(found) > 10 and {url: v for url, v in found.items() if v} == {}
