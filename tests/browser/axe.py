"""Running axe-core in Debian's Chromium: shared by every browser test."""

import os
import shutil
from functools import cache
from pathlib import Path

import pytest

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

# Outside CI a developer machine may lack Debian's Chromium; in CI its absence is a failure.
needs_browser = pytest.mark.skipif(
    not os.environ.get("CI") and not (Path(CHROMIUM).exists() and AXE.exists()),
    reason="Debian's chromium and node_modules/axe-core are needed (installed by .ci/run)",
)


class AxeBrowser:
    """Chromium whose pages let axe-core in: axe is added as an inline script, which the site's
    Content-Security-Policy refuses. `.strict` is Chromium itself, applying the policy.

    Each of its contexts loads axe into every page as the page starts (an init script): added
    to each page after it loaded, axe's half-megabyte was sent and compiled again for every
    check, a third of the time a page took.

    `axe_violations` opens its pages in two contexts kept for the module, one nobody signs in
    to and one signed in as a viewer, and in one tab of each. A context keeps a page's
    stylesheets, scripts and sign-in for the next, and a tab its renderer: a new context for
    every page fetched them all again and signed in again, four page loads for one page
    checked, and a new tab for every page started a renderer each time."""

    def __init__(self, chromium) -> None:
        self.strict = chromium
        self._anonymous = None
        self._viewer = None
        self._tabs: dict = {}

    @property
    def anonymous(self):
        if self._anonymous is None:
            self._anonymous = self.new_context()
        return self._anonymous

    @property
    def viewer(self):
        if self._viewer is None:
            self._viewer = self.new_context()
        return self._viewer

    def new_context(self, **options):
        context = self.strict.new_context(bypass_csp=True, **options)
        context.add_init_script(script=axe_source())
        return context

    def new_page(self, **options):
        # A page with a context of its own, closed with it; axe from its first address on.
        page = self.strict.new_page(bypass_csp=True, **options)
        page.context.add_init_script(script=axe_source())
        return page

    def tab(self, context):
        """The context's one tab for checking pages in, opened at its first use."""
        if context not in self._tabs or self._tabs[context].is_closed():
            self._tabs[context] = context.new_page()
        return self._tabs[context]

    def __getattr__(self, name: str):
        return getattr(self.strict, name)


def launch_browser():
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
        yield AxeBrowser(chromium)
        chromium.close()
    if before is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


RULES = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']"


@cache
def axe_source() -> str:
    return AXE.read_text(encoding="utf-8")


def page_violations(page) -> list[dict]:
    """axe-core's findings on the page as it is now (after a form was sent, say)."""
    # A click that sends a form returns once the next page has started to arrive; wait for
    # all of it, or axe checks half a page (or the one being left).
    page.wait_for_load_state()
    # A page of an AxeBrowser's context has axe from its start; any other gets it now.
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_source())
    # Every violation is reported whole; the passes, incomplete and inapplicable results nobody
    # reads are cut to one node each, which spares axe a third of its time on a page.
    result = page.evaluate(
        "async () => await axe.run(document, "
        f"{{runOnly: {{type: 'tag', values: {RULES}}}, resultTypes: ['violations']}})"
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in result["violations"]
    ]


def error_violations(page) -> list[dict]:
    """axe-core's findings on a page that should be showing its errors: the error summary is
    there and visible first, or the page checked is not the error state the test names (a
    form sent back clean, a page not yet arrived)."""
    page.locator(".govuk-error-summary").wait_for(state="visible")
    assert page.locator(".govuk-error-summary .govuk-error-summary__list li").count() > 0
    return page_violations(page)


def visit(page, url: str, status: int = 200) -> list[dict]:
    """Open the address and check it; a page that needs a sign-in is checked signed in as a
    viewer (the role with the least to see), so the page itself is checked, not the sign-in."""
    response = page.goto(url)
    if "/accounts/login/" in page.url and "/accounts/login/" not in url:
        sign_in(page, url.split("/", 3)[0] + "//" + url.split("/", 3)[2], *_viewer())
        response = page.goto(url)
    assert response is not None and response.status == status, url
    return page_violations(page)


def check_pages(page, base: str, urls, width: int) -> tuple[dict, dict]:
    """Visit each address (as `visit`): axe-core's findings by address, and the addresses of the
    pages wider than the screen with their width (a wide table scrolls in its own box)."""
    found, wider = {}, {}
    for url in urls:
        found[url] = visit(page, f"{base}{url}")
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > width:
            wider[url] = scroll_width
    return found, wider


VIEWER_PASSWORD = "a viewer's long password"  # noqa: S105 -- a test account


def _viewer() -> tuple[str, str]:
    from django.contrib.auth.models import User

    viewer, created = User.objects.get_or_create(username="axe.viewer")
    if created:
        viewer.set_password(VIEWER_PASSWORD)
        viewer.save()
    return "axe.viewer", VIEWER_PASSWORD


def axe_violations(browser, url: str) -> list[dict]:
    """Open the address in a new tab of `browser` (or of a signed-in context) and check it: as
    nobody when the page lets anybody see it, else signed in as a viewer."""
    if isinstance(browser, AxeBrowser):
        context = browser.viewer if _needs_sign_in(browser.anonymous, url) else browser.anonymous
        return visit(browser.tab(context), url)
    page = browser.new_page()
    try:
        return visit(page, url)
    finally:
        page.close()


def _needs_sign_in(context, url: str) -> bool:
    """Whether the address sends somebody not signed in to the sign-in page (asked without
    following the redirect, so no page is loaded for nothing)."""
    response = context.request.get(url, max_redirects=0)
    try:
        return "/accounts/login/" in response.headers.get("location", "")
    finally:
        response.dispose()


def sign_in(page, base: str, username: str, password: str) -> None:
    """Through the sign-in page, as a person would (signing out whoever was signed in)."""
    page.context.clear_cookies()
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    submit(page, "main button[type=submit]")


def submit(page, selector: str = "main button[type=submit]") -> None:
    """Press the button and wait for the page the form sends back: reading the page straight
    after a click can catch it between two documents, when its content is empty."""
    with page.expect_navigation():
        page.click(selector)
