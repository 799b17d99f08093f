from pathlib import Path

import pytest

from scorecard.interchange.importer import import_files

FIXTURES = Path(__file__).parent / "fixtures"
DATA = Path(__file__).parent / "data"
FILES = ("areas.csv", "fingertips_smoking.csv", "comparator_indicators.csv")


@pytest.fixture
def south_west(db):
    """Seven areas of the South West, two groups, a Fingertips proportion with published limits
    and our own crude rate without them."""
    names = (*FILES, "comparator_values.csv", "comparator_groups.csv")
    import_files([FIXTURES / name for name in names], entered_by="test")
