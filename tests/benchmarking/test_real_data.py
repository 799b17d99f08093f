"""The real reference data shipped in scorecard/benchmarking/data imports cleanly."""

from pathlib import Path

import pytest

from scorecard.benchmarking.models import Area
from scorecard.interchange.importer import import_files

AREAS = Path(__file__).resolve().parents[2] / "scorecard" / "benchmarking" / "data" / "areas.csv"


@pytest.mark.django_db
def test_the_shipped_areas_list_imports():
    import_files([AREAS])
    assert Area.objects.get(code="E92000001").name == "England"
    assert Area.objects.filter(area_type="Region").count() == 9
    assert Area.objects.exclude(la_number=None).count() > 140
