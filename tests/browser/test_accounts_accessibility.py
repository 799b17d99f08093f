"""axe-core in a real Chromium on the account pages: sign-in, people, inviting, passwords."""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail

from scorecard.people.permissions import PERFORMANCE_TEAM
from tests.browser.axe import (
    axe_violations,
    error_violations,
    needs_browser,
    page_violations,
    sign_in,
    submit,
    visit,
)

pytestmark = [pytest.mark.browser, needs_browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a long enough password 7"


@pytest.fixture
def people(db):
    admin = User.objects.create_superuser("boss", password=PASSWORD)
    team = User.objects.create_user("officer", password=PASSWORD)
    team.groups.add(Group.objects.get_or_create(name=PERFORMANCE_TEAM)[0])
    User.objects.create_user("reader", password=PASSWORD)
    return admin


def signed_in_page(browser, base: str, username: str):
    context = browser.new_context()
    page = context.new_page()
    sign_in(page, base, username, PASSWORD)
    return context, page


def test_the_sign_in_page_has_no_axe_violations(live_server, browser, people):
    assert axe_violations(browser, f"{live_server.url}/accounts/login/") == []


def test_the_sign_in_page_with_an_error_has_no_axe_violations(live_server, browser, people):
    page = browser.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", "boss")
    page.fill("#id_password", "wrong")
    submit(page, "main button[type=submit]")
    assert "There is a problem" in page.content()
    assert error_violations(page) == []
    page.close()


@pytest.mark.parametrize("username", ["boss", "officer"])
def test_the_people_pages_have_no_axe_violations(live_server, browser, people, username):
    context, page = signed_in_page(browser, live_server.url, username)
    reader = User.objects.get(username="reader")
    found = {
        url: visit(page, f"{live_server.url}{url}")
        for url in ["/accounts/people/", f"/accounts/people/{reader.pk}/", "/accounts/password/"]
    }
    context.close()
    assert {url: v for url, v in found.items() if v} == {}


def test_the_invite_page_and_its_errors_have_no_axe_violations(live_server, browser, people):
    context, page = signed_in_page(browser, live_server.url, "boss")
    found = {"invite": visit(page, f"{live_server.url}/accounts/invite/")}
    page.fill("#id_username", "not valid!")
    submit(page, "main button[type=submit]")
    assert "There is a problem" in page.content()
    found["invite with errors"] = error_violations(page)
    context.close()
    assert {name: v for name, v in found.items() if v} == {}


def test_the_password_change_errors_have_no_axe_violations(live_server, browser, people):
    context, page = signed_in_page(browser, live_server.url, "reader")
    visit(page, f"{live_server.url}/accounts/password/")
    page.fill("#id_old_password", PASSWORD)
    page.fill("#id_new_password1", "short")
    page.fill("#id_new_password2", "short")
    submit(page, "main button[type=submit]")
    assert "There is a problem" in page.content()
    violations = error_violations(page)
    context.close()
    assert violations == []


def test_the_set_password_pages_have_no_axe_violations(live_server, browser, people):
    context, page = signed_in_page(browser, live_server.url, "boss")
    visit(page, f"{live_server.url}/accounts/invite/")
    page.fill("#id_username", "newcomer")
    page.fill("#id_name", "Nia Newcomer")
    page.fill("#id_email", "nia@example.org")
    page.check("#id_role_1")
    submit(page, "main button[type=submit]")
    context.close()
    link = re.search(r"https?://\S+/accounts/set-password/\S+/", mail.outbox[-1].body).group(0)

    newcomer = browser.new_page()
    found = {"set password": visit(newcomer, link)}
    newcomer.fill("#id_new_password1", "short")
    newcomer.fill("#id_new_password2", "short")
    submit(newcomer, "main button[type=submit]")
    found["set password with errors"] = error_violations(newcomer)
    newcomer.fill("#id_new_password1", "my new scorecard passphrase")
    newcomer.fill("#id_new_password2", "my new scorecard passphrase")
    submit(newcomer, "main button[type=submit]")
    found["password set"] = page_violations(newcomer)
    found["link used"] = visit(newcomer, link)
    newcomer.close()
    assert {name: v for name, v in found.items() if v} == {}
