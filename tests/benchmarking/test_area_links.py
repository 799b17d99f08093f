"""An area's successor, an organisation's area, and the demo council benchmarked as Somerset."""

import pytest

from scorecard.benchmarking.models import Area, ComparatorGroup
from scorecard.benchmarking.reference import AREAS
from scorecard.framework.models import Organisation
from scorecard.interchange.errors import ImportRejected
from scorecard.interchange.importer import import_files

pytestmark = pytest.mark.django_db


def _rejected(paths) -> list[str]:
    with pytest.raises(ImportRejected) as caught:
        import_files(paths)
    return [str(error) for error in caught.value.errors]


def test_the_shipped_areas_link_somerset_county_to_somerset_ua():
    import_files([AREAS])
    county = Area.objects.get(code="E10000027")
    assert [a.code for a in county.with_successors()] == ["E10000027", "E06000066"]
    assert Area.objects.get(code="E10000006").replaced_by is None  # Cumbria was split in two


def test_a_successor_must_be_known_and_not_the_area_itself(write):
    path = write(
        "areas.csv",
        "gss_code,name,replaced_by\nE10000027,Somerset,E10000027\nE10000023,North Yorkshire,"
        "E06000065\n",
    )
    assert _rejected([path]) == [
        "areas.csv, row 2, column 'replaced_by': an area cannot replace itself",
        "areas.csv, row 3, column 'replaced_by': no area 'E06000065': give the new area on an "
        "earlier row or in an areas file first",
    ]


def test_an_organisation_row_names_its_area_and_only_an_organisation_may(write):
    framework = write(
        "f.csv",
        "level,name,plan_id,area\norganisation,Somerset County Council,,E10000027\n",
    )
    import_files([AREAS, framework])
    assert Organisation.objects.get().area.code == "E10000027"
    bad = write("g.csv", "level,name,plan_id,area\nplan,Plan,p,E10000027\n")
    assert _rejected([bad]) == [
        "g.csv, row 2, column 'area': only an organisation row names an area (the one it serves)"
    ]


def test_the_demo_council_is_somerset_with_its_neighbours_and_injuries_linked_to_90284():
    from scorecard.demo.loader import load_demo
    from scorecard.measures.models import Measure

    load_demo(force=True)
    council = Organisation.objects.get(name="Somerset County Council")
    assert council.area.code == "E10000027"
    group = ComparatorGroup.objects.statistical_neighbours_of(council.area)
    assert len(group.member_codes()) == 10
    injuries = Measure.objects.get(measure_id="CYPP-ADMISSIONS-INJURIES")
    assert injuries.comparator_indicator.indicator_id == "90284"
    assert injuries.comparator_indicator.values.filter(area__code="E06000066").exists()
