"""axe-core in a real Chromium, at 1280 and 375 pixels wide, on what issue 18 adds to action
plans: the completion date (and its error), the status given with an update, what B means on
the action plan form, and the action page showing them. Zero violations allowed."""

import pytest

from tests.browser.axe import error_violations, needs_browser, page_violations, sign_in, submit
from tests.delivery.test_action_plans import build_action_plans

pytestmark = [pytest.mark.browser, needs_browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-test-password"


@pytest.mark.parametrize("width", [1280, 375])
def test_completion_status_history_and_meaning_of_b_have_no_axe_violations(
    live_server, browser, width
):
    from django.contrib.auth.models import Group, User

    from scorecard.people.permissions import PERFORMANCE_TEAM

    data = build_action_plans()
    user = User.objects.create_user("officer", password=PASSWORD)
    user.groups.add(Group.objects.get_or_create(name=PERFORMANCE_TEAM)[0])
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    base = live_server.url
    sign_in(page, base, "officer", PASSWORD)
    action = data["actions"]["1.3"].pk
    found = {}
    try:
        page.goto(f"{base}/actions/{action}/edit/")
        page.fill("#id_completed", "31.02.2018")
        submit(page, "main button[type=submit]")
        assert "Completion date" in page.content()
        found["completion date with an error"] = error_violations(page)

        page.fill("#id_completed", "15.06.2018")
        submit(page, "main button[type=submit]")
        assert "Completed" in page.content()
        found["action with its completion date"] = page_violations(page)

        page.goto(f"{base}/actions/{action}/updates/new/")
        page.fill("#id_dated", "")
        page.check("#id_status_1")
        page.click("main button[type=submit]")
        found["update with a status, with an error"] = error_violations(page)

        page.fill("#id_dated", "20.06.2018")
        page.fill("#id_text", "Finished")
        submit(page, "main button[type=submit]")
        assert "Status given" in page.content()
        found["action with its update trail and statuses"] = page_violations(page)

        page.goto(f"{base}/action-plans/{data['health'].pk}/edit/")
        page.fill("#id_name", "")
        page.check("#id_blue_means_2")
        page.click("main button[type=submit]")
        found["what B means, with an error"] = error_violations(page)

        page.goto(f"{base}/action-plans/{data['health'].pk}/?period=2018/19 Q1")
        found["action plan with completion dates and the key"] = page_violations(page)
        if width == 375:
            assert page.evaluate("document.documentElement.scrollWidth") <= 375
    finally:
        context.close()
    assert {name: v for name, v in found.items() if v} == {}
