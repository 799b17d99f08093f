import pytest

from tests.browser.axe import launch_browser


@pytest.fixture(scope="module")
def browser():
    """One Chromium per test module."""
    yield from launch_browser()
