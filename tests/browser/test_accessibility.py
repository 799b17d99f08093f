"""axe-core in a real Chromium on every kind of page of the demo: zero violations allowed."""

import pytest

from scorecard.framework.models import Outcome
from scorecard.interchange.importer import import_files
from tests.browser.axe import axe_violations, needs_browser, visit

pytestmark = [pytest.mark.browser, needs_browser, pytest.mark.django_db(transaction=True)]


def demo_pages(base: str) -> list[str]:
    outcomes = [f"{base}{outcome.get_absolute_url()}" for outcome in Outcome.objects.all()]
    return [
        f"{base}/",
        f"{base}/?plan=cypp",
        f"{base}/?plan=corporate-parenting",
        *outcomes,
        f"{base}/measures/BP-HV-NBV/",
        f"{base}/measures/BP-FIN-RBO/",
        # "How we compare": comparison, chart of all areas and its table (issue 6).
        f"{base}/measures/CYPP-ADMISSIONS-INJURIES/",
        f"{base}/plans/cypp/outcome-indicators/",
        f"{base}/measures/",
        f"{base}/measures/?plan=cypp",
    ]


def test_demo_pages_have_no_axe_violations(live_server, demo_council, browser, tmp_path):
    # A replaced value, so the measure page's history table is checked too.
    revised = tmp_path / "revised.csv"
    revised.write_text("measure_id,period,value\nBP-HV-NBV,Q1 2019/20,86.2\n")
    import_files([revised], entered_by="an officer")
    found = {url: axe_violations(browser, url) for url in demo_pages(live_server.url)}
    assert {url: v for url, v in found.items() if v} == {}


def test_every_plans_lists_have_no_axe_violations(live_server, demo_council, browser):
    from scorecard.framework.models import Plan

    urls = []
    for plan in Plan.objects.all():
        urls += [
            f"{live_server.url}/measures/?plan={plan.plan_id}",
            f"{live_server.url}/plans/{plan.plan_id}/outcome-indicators/",
        ]
    found = {url: axe_violations(browser, url) for url in urls}
    assert {url: v for url, v in found.items() if v} == {}


@pytest.mark.parametrize(
    ("path", "status"), [("/measures/NO-SUCH-MEASURE/", 404), ("/?plan=%00", 400)]
)
def test_error_pages_have_no_axe_violations(live_server, demo_council, browser, path, status):
    page = browser.new_page()
    try:
        assert visit(page, f"{live_server.url}{path}", status) == []
    finally:
        page.close()


def test_the_database_unavailable_page_has_no_axe_violations(live_server, demo_council, browser):
    from unittest import mock

    from django.db import OperationalError
    from django.db.backends.base.base import BaseDatabaseWrapper

    page = browser.new_page()
    gone = OperationalError("server closed the connection unexpectedly")
    try:
        with mock.patch.object(BaseDatabaseWrapper, "_cursor", side_effect=gone):
            assert visit(page, f"{live_server.url}/public/", 503) == []
    finally:
        page.close()
