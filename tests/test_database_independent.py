"""The tests marked `database_independent` run in the SQLite run only (tests/conftest.py): none
of them may open the suite's database, or the PostgreSQL run would lose a check. The browser's
accessibility checks are the exception, made on purpose: a page's markup is the same whatever
database is behind it. So is a test marked with the reason it may, e.g.
`@pytest.mark.database_independent(reason="the PDF is made from the HTML paper, checked on every
database")`: what it checks beyond the database is the same on both."""

DATABASE_FIXTURES = {"db", "transactional_db", "django_db_setup", "live_server", "demo_council"}


def test_a_test_left_out_on_postgresql_never_opens_the_suites_database(request):
    opened = [
        item.nodeid
        for item in request.session.items
        if item.get_closest_marker("database_independent")
        and not item.get_closest_marker("browser")
        and not item.get_closest_marker("database_independent").kwargs.get("reason")
        and (
            item.get_closest_marker("django_db")
            or DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
        )
    ]
    assert opened == []


def test_a_test_that_opens_the_database_says_why_it_runs_once(request):
    """The exceptions each name their reason: a bare marker on such a test fails above."""
    reasons = [
        marker.kwargs["reason"]
        for item in request.session.items
        for marker in item.iter_markers("database_independent")
        if "reason" in marker.kwargs
    ]
    assert all(len(reason) > 20 for reason in reasons)
