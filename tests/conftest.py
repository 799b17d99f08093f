import pytest

from scorecard.demo.loader import demo_files
from scorecard.interchange.importer import import_files


@pytest.fixture
def demo_council(db):
    """The demo council, loaded through the same importer users use."""
    import_files(demo_files(), entered_by="test")


@pytest.fixture
def anonymous_client():
    """A visitor who has not signed in: the public."""
    from django.test import Client

    return Client()


@pytest.fixture
def client(db, django_user_model):
    """Most page tests read as a signed-in viewer: every page but the public ones needs a
    sign-in. Tests of what the public sees use `anonymous_client`."""
    from django.test import Client

    signed_in = Client()
    viewer, _ = django_user_model.objects.get_or_create(username="a-viewer")
    signed_in.force_login(viewer)
    return signed_in


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The sign-in and API token throttles count in the cache: each test starts from none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
