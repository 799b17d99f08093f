"""axe-core on the pages each demo role uses, signed in as that role through the sign-in page:
what a page offers changes with the role (change links, Archive, Publish, review buttons,
history), so each role's version of it is checked. Zero violations allowed."""

import pytest
from django.utils import timezone

from scorecard.demo.loader import DEMO_PASSWORD
from tests.browser.axe import needs_browser, sign_in, visit

pytestmark = [pytest.mark.browser, needs_browser, pytest.mark.django_db(transaction=True)]

EVERYONE = [
    "/",
    "/my-updates/",
    "/measures/BP-HV-NBV/",
    "/measures/BP-FIN-RBO/",
    "/measures/BP-HV-NBV/?as_at={moment}",
    "/projects/",
    "/action-plans/",
    "/highlight-reports/",
    "/risks/ORG0009/",
    "/reports/",
    "/accounts/password/",
]
TEAM = [
    "/cycles/",
    "/cycles/{cycle}/",
    "/cycles/{cycle}/completeness/",
    "/accounts/people/",
    "/plans/cypp/outcome-indicators/",
    "/measures/CYPP-ADMISSIONS-INJURIES/progress/",
]
OWNER = [
    "/measures/BP-HV-NBV/values/new/?cycle={cycle}&period=2019/20 Q3",
    "/measures/BP-HV-NBV/progress/",
]
PAGES = {
    "viewer": EVERYONE,
    "owner": EVERYONE + OWNER,
    "owner2": EVERYONE,
    "performance": EVERYONE + TEAM + OWNER,
    "admin": EVERYONE + TEAM + OWNER + ["/accounts/invite/", "/cycles/new/"],
}


@pytest.fixture
def cycle(demo_council):
    from scorecard.cycles.models import ReportingCycle
    from scorecard.demo.loader import add_demo_cycles, add_demo_users

    add_demo_users()
    add_demo_cycles()
    return ReportingCycle.objects.get(plan__plan_id="business-plan")


@pytest.mark.parametrize("username", list(PAGES))
def test_each_roles_pages_have_no_axe_violations(live_server, browser, cycle, username):
    base = live_server.url
    context = browser.new_context()
    page = context.new_page()
    try:
        sign_in(page, base, username, DEMO_PASSWORD)
        found = {}
        # The demo as it stood once loaded: the as-at banner and the rewound page.
        moment = f"{timezone.localtime():%Y-%m-%dT%H:%M:%S}"
        for path in PAGES[username]:
            url = base + path.format(cycle=cycle.pk, moment=moment)
            found[url] = visit(page, url)
            # Still this role: a page that sent us to sign in would not be the page meant.
            assert f"Sign out ({username})" in page.content(), url
    finally:
        context.close()
    assert {url: v for url, v in found.items() if v} == {}


def test_the_public_pages_have_no_axe_violations(live_server, browser, cycle):
    page = browser.new_context().new_page()
    found = {}
    for path in ("/public/", "/public/measures/BP-HV-NBV/", "/public/data/", "/accounts/login/"):
        found[path] = visit(page, base := live_server.url + path)
        assert "Sign out" not in page.content(), base
    page.context.close()
    assert {url: v for url, v in found.items() if v} == {}
