"""The tests marked `database_independent` run in the SQLite run only (tests/conftest.py): none
of them may open the suite's database, or the PostgreSQL run would lose a check. The browser's
accessibility checks are the exception, made on purpose: a page's markup is the same whatever
database is behind it."""

DATABASE_FIXTURES = {"db", "transactional_db", "django_db_setup", "live_server", "demo_council"}


def test_a_test_left_out_on_postgresql_never_opens_the_suites_database(request):
    opened = [
        item.nodeid
        for item in request.session.items
        if item.get_closest_marker("database_independent")
        and not item.get_closest_marker("browser")
        and (
            item.get_closest_marker("django_db")
            or DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
        )
    ]
    assert opened == []
