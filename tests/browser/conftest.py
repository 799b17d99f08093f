import pytest

from tests.browser.axe import launch_browser


@pytest.fixture(scope="module")
def browser():
    """One Chromium per test module."""
    yield from launch_browser()


@pytest.fixture
def demo_council(committed_demo):
    """The pages are served by a live server: its thread sees only a committed demo."""
