import os
import sqlite3
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.db import transaction
from hypothesis import settings
from knox.models import AuthToken

from scorecard.demo.loader import DEMO_LOADER, add_demo_users, demo_files
from scorecard.interchange.importer import import_files
from tests.clock import START, Clock
from tests.demo_rows import load_demo

TESTS = Path(__file__).resolve().parent

# Hypothesis fails an example that takes over 200 ms by default: a timing assertion, which a
# shared, busy machine broke (a benchmarking property test took 406 ms under load). The suite
# asserts what code does, never how fast; the benches in bench/ measure speed.
settings.register_profile("suite", deadline=None)
settings.load_profile("suite")

# The longest modules first (a second collection hook, after pytest-django's).
pytest_plugins = ["tests.ordering"]

# Tests whose outcome cannot depend on the database the suite runs on: they never open it (the
# pure core, charts, docs, the report renderers), always use an SQLite file of their own (the
# report files), or check what a page looks like in a browser (marker `browser`: accessibility
# is the page's markup, whatever the database behind it). They run in the SQLite run only:
# `make test-postgres` sets SCORECARD_TESTS_DATABASE_ONLY=1 and leaves them out. A test
# elsewhere opts in with `@pytest.mark.database_independent`.
DATABASE_INDEPENDENT = (
    "browser",
    "core",
    "charts",
    "test_docs.py",
    "test_audit_dependencies.py",
    "reports/test_report_files.py",
    "reports/test_render_docx.py",
    "reports/test_render_html.py",
    "reports/test_render_xlsx.py",
)


def pytest_collection_modifyitems(config, items):
    for item in items:
        where = Path(str(item.path)).relative_to(TESTS).as_posix()
        in_browser = item.get_closest_marker("browser") is not None
        if in_browser or any(
            where == part or where.startswith(f"{part}/") for part in DATABASE_INDEPENDENT
        ):
            item.add_marker(pytest.mark.database_independent)
    _demo_tests_last(items)
    if os.environ.get("SCORECARD_TESTS_DATABASE_ONLY") != "1":
        return
    # The second database's run: only the tests the database can change.
    kept = [item for item in items if item.get_closest_marker("database_independent") is None]
    left = [item for item in items if item.get_closest_marker("database_independent")]
    if left:
        config.hook.pytest_deselected(items=left)
        items[:] = kept


SHARED_DEMOS = ("_demo_for_module", "_demo_at_start_for_module", "loaded_council")


def _shares_the_demo(item) -> bool:
    return any(name in getattr(item, "fixturenames", ()) for name in SHARED_DEMOS)


def _demo_tests_last(items) -> None:
    """Within each module, the tests that share its demo run after the others: the demo stays
    loaded from the first of them to the module's end, so a test that wants an empty database
    must come before it. (Every test passes in any order; this only keeps them apart.)"""
    modules: dict[object, int] = {}
    for item in items:
        modules.setdefault(item.module if hasattr(item, "module") else item.parent, len(modules))
    order = {id(item): index for index, item in enumerate(items)}
    items.sort(
        key=lambda item: (
            modules[item.module if hasattr(item, "module") else item.parent],
            _shares_the_demo(item),
            order[id(item)],
        )
    )


@pytest.fixture(scope="module")
def _demo_for_module(django_db_setup, django_db_blocker):
    """The demo imported once for a module, inside a transaction rolled back at the module's
    end; each test runs in a savepoint within it (pytest-django's `db`), so what one test writes
    the next never sees. Importing the demo takes about a second: once per test it was a
    quarter of the suite. (Imported once for the process, then copied: tests/demo_rows.py.)"""
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo("demo", lambda: import_files(demo_files(), entered_by="test"))
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo_council(_demo_for_module, db):
    """The demo council, loaded through the same importer users use (once for the module: see
    `_demo_for_module`). Tests whose pages a live server serves override it with a demo loaded
    and committed for each test (tests/browser/conftest.py)."""


# The committed demo of this test process, copied by SQLite's backup API once it was first
# imported, by database alias.
_committed_demos: dict[str, sqlite3.Connection] = {}


@pytest.fixture
def committed_demo(transactional_db):
    """The demo imported and committed for one test, for pages a live server serves from
    another thread, which sees only what is committed (emptied after the test). On the suite's
    in-memory SQLite database the first test of a process imports it and keeps a copy; each
    later test gets the database replaced whole by that copy, the same pristine demo, in
    milliseconds instead of an import's second or two."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        import_files(demo_files(), entered_by="test")
        return
    connection.ensure_connection()
    copy = _committed_demos.get(connection.alias)
    if copy is None:
        import_files(demo_files(), entered_by="test")
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
        _committed_demos[connection.alias] = copy
        return
    copy.backup(connection.connection)
    # The flush after the last test made the content types again, with new ids, and cached
    # those: the copy has the ids they had when it was made.
    ContentType.objects.clear_cache()


@pytest.fixture
def clock(monkeypatch):
    """timezone.now() at START (tests/clock.py) until the test advances it."""
    ticking = Clock(START)
    monkeypatch.setattr("django.utils.timezone.now", ticking)
    return ticking


@pytest.fixture(scope="module")
def _demo_at_start_for_module(django_db_setup, django_db_blocker):
    """The demo and its users as the demo loader left them at START, imported once for a
    module and rolled back at its end, as `_demo_for_module`: for tests of the audit trail and
    of as-at moments, which come after the demo was loaded."""
    from scorecard.audit.actor import acting_as

    def import_demo() -> None:
        with pytest.MonkeyPatch.context() as patch, acting_as(DEMO_LOADER):
            patch.setattr("django.utils.timezone.now", Clock(START))
            import_files(demo_files(), entered_by=DEMO_LOADER)
            add_demo_users()

    with django_db_blocker.unblock(), transaction.atomic():
        load_demo("demo at START", import_demo)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo_at_start(_demo_at_start_for_module, db, clock):
    """The demo council as the demo loader left it at START, with its users; the clock at
    START (the module's import is not seen again by the test's own changes)."""


@pytest.fixture(scope="module")
def demo_once(_demo_for_module, django_db_blocker):
    """The demo's users (admin, performance, owner, owner2, viewer, northshire) added to the
    module's demo, and an API token for each user, by username."""
    with django_db_blocker.unblock():
        add_demo_users()
        return {user.username: AuthToken.objects.create(user)[1] for user in User.objects.all()}


@pytest.fixture
def demo(demo_once, db):
    """The demo council and its users, for one test: the users' API tokens by username."""
    return demo_once


@pytest.fixture
def write(tmp_path):
    """A file of the given name and text in the test's own folder, for an import to read."""

    def write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


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


# The settings WhiteNoise reads to list the static files it serves.
_STATIC_SETTINGS = ("DEBUG", "FORCE_SCRIPT_NAME", "STORAGES", "INSTALLED_APPS")


def _static_settings() -> tuple:
    from django.conf import settings

    names = sorted(
        name
        for name in dir(settings)
        if name.startswith(("WHITENOISE_", "STATIC")) or name in _STATIC_SETTINGS
    )
    return tuple((name, repr(getattr(settings, name))) for name in names)


@pytest.fixture(autouse=True, scope="session")
def _static_files_listed_once():
    """WhiteNoise's middleware lists every static file it serves (GOV.UK Frontend's ~1,500
    fonts, images and scripts) when it is made, and Django's test client makes the middleware
    afresh for each `Client`: a third of a second before a client's first request, half the
    permission matrix's time. The files do not change while the tests run, so each list is made
    once for the process and reused whenever the settings it was made from are the same; what
    a request is answered with is what a freshly made list gives."""
    from whitenoise.middleware import WhiteNoiseMiddleware

    lists: dict[tuple, dict] = {}

    def listed_once(lister):
        def list_files(self, *args, **kwargs):
            key = (lister.__name__, args, tuple(sorted(kwargs.items())), _static_settings())
            if key not in lists:
                already, self.files = self.files, {}
                try:
                    lister(self, *args, **kwargs)
                    lists[key] = self.files
                finally:
                    self.files = {**already, **self.files}
                return
            self.files.update(lists[key])

        return list_files

    with pytest.MonkeyPatch.context() as patch:
        for name in ("add_files", "add_files_from_finders"):
            patch.setattr(
                WhiteNoiseMiddleware, name, listed_once(getattr(WhiteNoiseMiddleware, name))
            )
        yield


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The sign-in and API token throttles count in the cache: each test starts from none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
