"""The people pages: who may see the list, invite, change a role and switch a sign-in off."""

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client

from scorecard.demo.loader import add_demo_users
from scorecard.people import permissions
from scorecard.people.models import Person

pytestmark = pytest.mark.django_db

PASSWORD = "scorecard-demo"


@pytest.fixture
def demo_users(demo_council):
    add_demo_users()


def signed_in(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def invitation(**changes) -> dict:
    data = {
        "username": "asmith",
        "name": "Alex Smith",
        "email": "alex.smith@example.org",
        "person": "",
        "organisation": "",
        "role": "owner or viewer",
    }
    return {**data, **changes}


@pytest.mark.parametrize(
    ("username", "status"),
    [("admin", 200), ("performance", 200), ("owner", 403), ("viewer", 403)],
)
def test_the_people_list_is_for_the_team_and_the_admin(demo_users, username, status):
    assert signed_in(username).get("/accounts/people/").status_code == status


def test_the_people_list_shows_each_role_person_and_plans(demo_users):
    page = signed_in("admin").get("/accounts/people/").content.decode()
    assert "Jenny Thompson" in page
    for role in ("Admin", "Performance team", "Owner", "Viewer"):
        assert f">{role}<" in page
    assert "every plan" in page


@pytest.mark.parametrize("username", ["performance", "owner", "viewer"])
def test_only_the_admin_invites(demo_users, username):
    client = signed_in(username)
    assert client.get("/accounts/invite/").status_code == 403
    assert client.post("/accounts/invite/", invitation()).status_code == 403
    assert not User.objects.filter(username="asmith").exists()
    assert not mail.outbox


def test_an_invitation_makes_a_sign_in_without_a_password_and_a_person(demo_users):
    response = signed_in("admin").post("/accounts/invite/", invitation())
    assert response.status_code == 302
    user = User.objects.get(username="asmith")
    assert not user.has_usable_password()
    assert user.person.name == "Alex Smith"
    assert permissions.role_of(user) == permissions.VIEWER
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["alex.smith@example.org"]
    assert re.search(r"/accounts/set-password/[^/\s]+/[^/\s]+/", mail.outbox[0].body)


def test_an_invitation_can_link_an_existing_person_and_join_the_team(demo_users):
    person = Person.objects.filter(user__isnull=True).first()
    plan = __import__("scorecard.framework.models", fromlist=["Plan"]).Plan.objects.first()
    data = invitation(person=person.pk, role="performance team", plans=[plan.pk])
    signed_in("admin").post("/accounts/invite/", data)
    user = User.objects.get(username="asmith")
    person.refresh_from_db()
    assert person.user == user
    assert list(person.plans.all()) == [plan]
    assert permissions.in_performance_team(user)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"username": "owner"}, "The username owner is taken"),
        ({"email": "not-an-address"}, "Enter an email address"),
        ({"name": ""}, "This field is required"),
        ({"role": "admin"}, "Select a valid choice"),
        ({"username": "a b"}, "Enter a username using only"),
    ],
)
def test_a_bad_invitation_says_what_is_wrong_and_makes_nothing(demo_users, changes, message):
    users = User.objects.count()
    response = signed_in("admin").post("/accounts/invite/", invitation(**changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert User.objects.count() == users
    assert not mail.outbox


def test_plans_are_only_for_the_team(demo_users):
    plan = __import__("scorecard.framework.models", fromlist=["Plan"]).Plan.objects.first()
    response = signed_in("admin").post("/accounts/invite/", invitation(plans=[plan.pk]))
    assert "Choose plans only for a member of the performance team" in response.content.decode()


def test_the_admin_changes_a_role(demo_users):
    viewer = User.objects.get(username="viewer")
    url = f"/accounts/people/{viewer.pk}/"
    response = signed_in("admin").post(url, {"role": "performance team"})
    assert response.status_code == 302
    assert permissions.in_performance_team(User.objects.get(pk=viewer.pk))
    signed_in("admin").post(url, {"role": "owner or viewer"})
    assert not permissions.in_performance_team(User.objects.get(pk=viewer.pk))


@pytest.mark.parametrize("username", ["performance", "owner", "viewer"])
def test_only_the_admin_changes_roles_and_switches_sign_ins_off(demo_users, username):
    viewer = User.objects.get(username="viewer")
    client = signed_in(username)
    response = client.post(f"/accounts/people/{viewer.pk}/", {"role": "performance team"})
    assert response.status_code == 403
    assert client.post(f"/accounts/people/{viewer.pk}/switch-off/").status_code == 403
    viewer.refresh_from_db()
    assert viewer.is_active and not permissions.in_performance_team(viewer)


def test_a_switched_off_sign_in_cannot_sign_in_and_its_session_ends(demo_users):
    viewer = User.objects.get(username="viewer")
    theirs = signed_in("viewer")
    assert theirs.get("/").status_code == 200
    response = signed_in("admin").post(f"/accounts/people/{viewer.pk}/switch-off/")
    assert response.status_code == 302
    assert theirs.get("/").status_code == 302
    assert not Client().login(username="viewer", password=PASSWORD)
    signed_in("admin").post(f"/accounts/people/{viewer.pk}/switch-on/")
    assert Client().login(username="viewer", password=PASSWORD)


def test_switching_off_needs_a_post(demo_users):
    viewer = User.objects.get(username="viewer")
    assert signed_in("admin").get(f"/accounts/people/{viewer.pk}/switch-off/").status_code == 405


def test_the_admin_cannot_switch_themselves_off(demo_users):
    admin = User.objects.get(username="admin")
    assert signed_in("admin").post(f"/accounts/people/{admin.pk}/switch-off/").status_code == 403


def test_a_person_page_for_no_one_is_not_found(demo_users):
    assert signed_in("admin").get("/accounts/people/999999/").status_code == 404


def test_changing_your_own_password_follows_the_rules(demo_users):
    client = Client()
    client.login(username="viewer", password=PASSWORD)
    short = {"old_password": PASSWORD, "new_password1": "short", "new_password2": "short"}
    response = client.post("/accounts/password/", short)
    assert response.status_code == 200
    assert "at least 12 characters" in response.content.decode()
    good = "a sensible long passphrase 42"
    data = {"old_password": PASSWORD, "new_password1": good, "new_password2": good}
    assert client.post("/accounts/password/", data).status_code == 302
    assert Client().login(username="viewer", password=good)
    # Still signed in after the change (the session hash is updated).
    assert client.get("/").status_code == 200


def test_password_change_needs_a_sign_in(anonymous_client, db):
    response = anonymous_client.get("/accounts/password/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_switched_off_sign_in_still_shows_its_person(demo_users):
    owner = User.objects.get(username="owner")
    signed_in("admin").post(f"/accounts/people/{owner.pk}/switch-off/")
    page = signed_in("admin").get(f"/accounts/people/{owner.pk}/").content.decode()
    assert "Jenny Thompson" in page
    assert "None linked" not in page


def test_a_role_change_is_seen_at_once_on_the_same_user(demo_users):
    from scorecard.people.accounts import apply_role

    viewer = User.objects.get(username="viewer")
    assert permissions.role_of(viewer) == permissions.VIEWER  # remembered on the object
    apply_role(viewer, permissions.person_of(viewer), "performance team", [])
    assert permissions.role_of(viewer) == permissions.PERFORMANCE
    apply_role(viewer, permissions.person_of(viewer), "owner or viewer", [])
    assert permissions.role_of(viewer) == permissions.VIEWER
