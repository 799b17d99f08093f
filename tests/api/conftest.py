import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.db import transaction
from knox.models import AuthToken
from rest_framework.test import APIClient

from scorecard.demo.loader import add_demo_users, demo_files
from scorecard.interchange.importer import import_files


@pytest.fixture(autouse=True)
def fresh_throttles():
    """Throttle counts live in the cache: each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="module")
def demo_once(django_db_setup, django_db_blocker):
    """The demo council with its users (admin, performance, owner, owner2, viewer) and their
    tokens, loaded once for a module inside a transaction rolled back at its end; each test
    runs in a savepoint inside it, so what one test writes the next never sees."""
    with django_db_blocker.unblock(), transaction.atomic():
        import_files(demo_files(), entered_by="test")
        add_demo_users()
        tokens = {user.username: AuthToken.objects.create(user)[1] for user in User.objects.all()}
        yield tokens
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def _clients(demo_once):
    """One client per user for the module: a client's first request loads the middleware
    (WhiteNoise reads every static file), which is slow to repeat in every test."""
    return {}


@pytest.fixture
def demo(demo_once, db):
    """The demo council and its users, for one test."""
    return demo_once


@pytest.fixture
def api_as(demo, _clients):
    """An API client sending the named demo user's token."""

    def signed_in(username: str) -> APIClient:
        if username not in _clients:
            client = APIClient()
            client.credentials(HTTP_AUTHORIZATION=f"Token {demo[username]}")
            _clients[username] = client
        return _clients[username]

    return signed_in


@pytest.fixture
def public_api(demo, _clients) -> APIClient:
    return _clients.setdefault("", APIClient())
