import pytest
from django.core.cache import cache
from rest_framework.test import APIClient


@pytest.fixture(autouse=True)
def fresh_throttles():
    """Throttle counts live in the cache: each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="module")
def _clients(demo_once):
    """One client per user for the module: a client's first request loads the middleware
    (WhiteNoise reads every static file), which is slow to repeat in every test."""
    return {}


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
