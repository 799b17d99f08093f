"""API tokens (django-rest-knox): stored as digests only, they expire, and end when revoked by
their owner or the administrator, when the password changes and on signing out everywhere."""

from __future__ import annotations

from datetime import timedelta
from importlib import import_module
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.utils import timezone
from knox.models import AuthToken
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

PASSWORD = "a long enough password 7"
NEW_PASSWORD = "another long passphrase 8"


@pytest.fixture
def jo(db):
    return User.objects.create_user("jo", password=PASSWORD)


def get_token(username: str = "jo", password: str = PASSWORD) -> str:
    response = APIClient().post(
        "/api/token/", {"username": username, "password": password}, format="json"
    )
    assert response.status_code == 200, response.content
    return response.json()["token"]


def works(token: str) -> bool:
    status = Client().get("/api/measures/", HTTP_AUTHORIZATION=f"Token {token}").status_code
    assert status in (200, 401), status
    return status == 200


def signed_in_client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_token_is_stored_as_a_digest_only(jo):
    token = get_token()
    assert works(token)
    stored = AuthToken.objects.get(user=jo)
    assert token not in (stored.digest, stored.token_key)
    assert len(stored.token_key) < len(token) // 2  # a lookup prefix, not the secret
    from django.db import connection as db

    with db.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {AuthToken._meta.db_table}")  # noqa: S608 - fixed name
        assert token not in str(cursor.fetchall())


def test_a_token_expires(jo):
    token = get_token()
    response_expiry = AuthToken.objects.get(user=jo).expiry
    assert (
        timezone.now() + timedelta(days=29) < response_expiry <= timezone.now() + timedelta(days=30)
    )
    AuthToken.objects.filter(user=jo).update(expiry=timezone.now() - timedelta(seconds=1))
    assert not works(token)


def test_a_program_revokes_its_token_or_all_of_them(jo):
    first, second, third = get_token(), get_token(), get_token()
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {first}")
    assert api.post("/api/token/revoke/").status_code == 204
    assert not works(first) and works(second) and works(third)
    api.credentials(HTTP_AUTHORIZATION=f"Token {second}")
    assert api.post("/api/token/revoke-all/").status_code == 204
    assert not works(second) and not works(third)


def test_changing_the_password_ends_every_token(jo):
    token = get_token()
    client = signed_in_client(jo)
    response = client.post(
        "/accounts/password/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert not works(token)
    assert works(get_token(password=NEW_PASSWORD))


def test_the_owner_lists_and_revokes_their_tokens(jo):
    kept, revoked = get_token(), get_token()
    other = User.objects.create_user("mo", password=PASSWORD)
    others = get_token("mo")
    client = signed_in_client(jo)
    page = client.get("/accounts/tokens/").content.decode()
    mine = AuthToken.objects.filter(user=jo)
    assert all(token.digest in page for token in mine)
    assert AuthToken.objects.get(user=other).digest not in page
    assert kept not in page and revoked not in page  # the tokens themselves are never shown
    digest = next(t.digest for t in mine if revoked.startswith(t.token_key))
    assert client.post("/accounts/tokens/revoke/", {"token": digest}).status_code == 302
    assert not works(revoked) and works(kept)
    # Another person's token cannot be revoked from here, even knowing its digest.
    theirs = AuthToken.objects.get(user=other).digest
    client.post("/accounts/tokens/revoke/", {"token": theirs})
    assert works(others)
    client.post("/accounts/tokens/revoke-all/")
    assert not works(kept) and works(others)


def test_signing_out_everywhere_ends_tokens_and_every_session(jo):
    token = get_token()
    elsewhere = signed_in_client(jo)
    here = signed_in_client(jo)
    assert elsewhere.get("/measures/").status_code == 200
    response = here.post("/accounts/sign-out-everywhere/")
    assert response.status_code == 302
    assert not works(token)
    for client in (here, elsewhere):
        assert client.get("/measures/").status_code == 302  # to the sign-in page


def test_the_administrator_revokes_a_persons_tokens(jo):
    token = get_token()
    admin = User.objects.create_superuser("boss", password=PASSWORD)
    client = signed_in_client(admin)
    assert "Revoke API tokens" in client.get(f"/accounts/people/{jo.pk}/").content.decode()
    assert client.post(f"/accounts/people/{jo.pk}/revoke-tokens/").status_code == 302
    assert not works(token)
    # Nobody else can.
    token = get_token()
    mo = User.objects.create_user("mo", password=PASSWORD)
    assert signed_in_client(mo).post(f"/accounts/people/{jo.pk}/revoke-tokens/").status_code in (
        403,
        404,
    )
    assert works(token)


def test_the_upgrade_turns_old_plain_tokens_into_digests(jo):
    migration = import_module("scorecard.people.migrations.0004_move_api_tokens_to_digests")
    old_key = "0123456789abcdef0123456789abcdef01234567"
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE authtoken_token (key varchar(40) PRIMARY KEY, user_id integer)"
        )
        cursor.execute("INSERT INTO authtoken_token VALUES (%s, %s)", [old_key, jo.pk])

    def execute(sql: str) -> None:
        with connection.cursor() as cursor:
            cursor.execute(sql)

    editor = SimpleNamespace(
        connection=connection, quote_name=connection.ops.quote_name, execute=execute
    )
    migration.convert_plain_tokens(apps, editor)
    assert "authtoken_token" not in connection.introspection.table_names()
    assert works(old_key)
    stored = AuthToken.objects.get(user=jo)
    assert old_key not in (stored.digest, stored.token_key)
    assert stored.expiry <= timezone.now() + timedelta(days=30)
