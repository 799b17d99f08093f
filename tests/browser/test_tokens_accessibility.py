"""In a real Chromium: the API tokens page is axe-clean, and pages run their scripts under the
Content-Security-Policy with no violation."""

import pytest
from django.contrib.auth.models import User
from knox.models import AuthToken

from tests.browser.axe import needs_browser, sign_in, visit

pytestmark = [pytest.mark.browser, needs_browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long enough password 7"


@pytest.fixture
def reader(db):
    user = User.objects.create_user("reader", password=PASSWORD)
    AuthToken.objects.create(user)
    return user


def test_the_api_tokens_page_has_no_axe_violations(live_server, browser, reader):
    context = browser.new_context()
    page = context.new_page()
    sign_in(page, live_server.url, "reader", PASSWORD)
    violations = visit(page, f"{live_server.url}/accounts/tokens/")
    assert "Revoke" in page.content()
    context.close()
    assert violations == []


def test_pages_run_their_scripts_with_no_policy_violation(live_server, browser, reader):
    page = browser.strict.new_page()  # the policy applied, as a visitor's browser applies it
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.goto(f"{live_server.url}/accounts/login/")
    page.wait_for_load_state("networkidle")
    # base.html's first script ran: GOV.UK Frontend's classes are on the body.
    assert "govuk-frontend-supported" in page.get_attribute("body", "class")
    sign_in(page, live_server.url, "reader", PASSWORD)
    page.goto(f"{live_server.url}/accounts/tokens/")
    page.wait_for_load_state("networkidle")
    # The second ran too: GOV.UK Frontend's initAll() set up the header's menu button.
    assert page.evaluate("document.querySelector('.govuk-js-header-toggle') !== null")
    assert page.evaluate(
        "document.querySelector('[data-module=govuk-header]').hasAttribute('data-govuk-header-init')"
    )
    page.close()
    assert errors == []
