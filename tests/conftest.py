import pytest

from scorecard.commands import demo_files
from scorecard.interchange.importer import import_files


@pytest.fixture
def demo_council(db):
    """The demo council, loaded through the same importer users use."""
    import_files(demo_files(), entered_by="test")
