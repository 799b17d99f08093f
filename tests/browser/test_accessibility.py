"""axe-core in a real Chromium on every kind of page of the demo: zero violations allowed."""

import os
import shutil
from pathlib import Path

import pytest

from scorecard.framework.models import Outcome
from scorecard.interchange.importer import import_files

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

# Outside CI a developer machine may lack Debian's Chromium; in CI its absence is a failure.
needs_browser = pytest.mark.skipif(
    not os.environ.get("CI") and not (Path(CHROMIUM).exists() and AXE.exists()),
    reason="Debian's chromium and node_modules/axe-core are needed (installed by .ci/run)",
)

pytestmark = [pytest.mark.browser, needs_browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread; Django's test database
    # calls from the same thread are still synchronous and safe.
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()
    if before is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


def axe_violations(browser, url: str) -> list[dict]:
    page = browser.new_page()
    try:
        response = page.goto(url)
        assert response is not None and response.status == 200, url
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
            "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
        )
        return [
            {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:3]}
            for v in result["violations"]
        ]
    finally:
        page.close()


def demo_pages(base: str) -> list[str]:
    outcomes = [f"{base}{outcome.get_absolute_url()}" for outcome in Outcome.objects.all()]
    return [
        f"{base}/",
        f"{base}/?plan=cypp",
        f"{base}/?plan=corporate-parenting",
        *outcomes,
        f"{base}/measures/BP-HV-NBV/",
        f"{base}/measures/BP-FIN-RBO/",
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


def test_every_demo_measure_page_has_no_axe_violations(live_server, demo_council, browser):
    from scorecard.measures.models import Measure

    found = {}
    for measure in Measure.objects.all():
        url = f"{live_server.url}{measure.get_absolute_url()}"
        found[url] = axe_violations(browser, url)
    assert len(found) == Measure.objects.count() > 80
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
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == status
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run()")
        assert [v["id"] for v in result["violations"]] == []
    finally:
        page.close()
